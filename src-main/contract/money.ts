/**
 * A line's amount in cents: quantity × unit price × (1 − discount%), rounded half up once.
 * Exact integer arithmetic (quantity in thousandths, discount in basis points), so a line that
 * lands on half a cent always rounds up. The main process stores this; forms show it as you type.
 */
export function lineAmount(quantity: number, unitPrice: number, discountPercent: number): number {
  const q = BigInt(Math.round(quantity * 1000));
  const keep = BigInt(10_000 - Math.round(discountPercent * 100));
  const numerator = q * BigInt(unitPrice) * keep; // cents × 10^7
  const denominator = 10_000_000n;
  return Number((2n * numerator + denominator) / (2n * denominator));
}

import { describe, expect, it } from 'vitest';
import { lineAmount } from '../../src-main/contract';

/**
 * The exact amount, rounded half up, from the line as integers: quantity in thousandths,
 * discount in hundredths of a percent. Independent of lineAmount: plain BigInt arithmetic on
 * numbers written out by hand.
 */
function exact(quantityThousandths: bigint, unitPriceCents: bigint, discountHundredths: bigint): bigint {
  const numerator = quantityThousandths * unitPriceCents * (10_000n - discountHundredths);
  const denominator = 1_000n * 10_000n;
  const whole = numerator / denominator;
  return 2n * (numerator % denominator) >= denominator ? whole + 1n : whole;
}

describe('lineAmount', () => {
  it.each([
    // quantity, unit price (cents), discount %, amount (cents), why
    [1, 100, 0, 100, 'one at list price'],
    [2, 1_200_000, 0, 2_400_000, 'two servers'],
    [3, 999, 0, 2_997, 'a whole quantity never rounds'],
    [1, 1_000, 10, 900, '10 % off'],
    [1, 1_000, 100, 0, 'free: 100 % off'],
    [1_000_000, 123_456, 100, 0, 'free at any size'],
    [0.001, 1_000, 0, 1, 'a thousandth of ¥10.00 is 1 cent'],
    [0.001, 100, 0, 0, 'a thousandth of ¥1.00 is 0.1 cent → 0'],
  ])('%s × %s cents at %s %% off is %s cents (%s)', (q, price, discount, amount) => {
    expect(lineAmount(q, price, discount)).toBe(amount);
  });

  describe('rounds a half cent up, once per line', () => {
    it.each([
      // quantity, unit price, discount, exact value, amount
      [1, 1, 50, '0.5', 1],
      [3, 5, 10, '13.5', 14],
      [0.5, 1, 0, '0.5', 1],
      [1.5, 3, 0, '4.5', 5],
      [2.5, 1, 0, '2.5', 3],
      [1, 25, 2, '24.5', 25],
      [0.125, 4, 0, '0.5', 1],
    ])('%s × %s cents at %s %% off = %s → %s', (q, price, discount, _exact, amount) => {
      expect(lineAmount(q, price, discount)).toBe(amount);
    });

    it('and just under a half down', () => {
      // 0.499 × 1 cent = 0.499; 1 × 1 cent at 50.01 % off = 0.4999.
      expect(lineAmount(0.499, 1, 0)).toBe(0);
      expect(lineAmount(1, 1, 50.01)).toBe(0);
      // 1 × 1 cent at 49.99 % off = 0.5001 → 1.
      expect(lineAmount(1, 1, 49.99)).toBe(1);
    });
  });

  it.each([
    // 3-decimal quantities: where binary floats land just below the true value.
    [1.005, 100, 0, 101, '1.005 × ¥1.00 = 100.5 (a float gives 100.49999…)'],
    [1.255, 1_000, 0, 1_255, '1.255 × ¥10.00'],
    [2.675, 100, 0, 268, '2.675 × ¥1.00 = 267.5'],
    [0.335, 3, 0, 1, '0.335 × 3 cents = 1.005'],
    [12.345, 6_789, 0, 83_810, '12.345 × ¥67.89 = 838.10205… yuan'],
    // 2-decimal discounts.
    [1, 10_000, 12.34, 8_766, '¥100.00 at 12.34 % off'],
    [1, 333, 33.33, 222, '333 × 0.6667 = 222.0111'],
    [1, 1_001, 0.05, 1_000, '1001 × 0.9995 = 1000.4995'],
    [7.5, 1_999, 12.5, 13_118, '7.5 × 1999 × 0.875 = 13118.4375'],
    [0.01, 5, 50, 0, '0.01 × 5 × 0.5 = 0.025'],
  ])('%s × %s cents at %s %% off is %s cents (%s)', (q, price, discount, amount) => {
    // The hand-written expectations, checked against exact arithmetic too.
    expect(lineAmount(q, price, discount)).toBe(
      Number(exact(BigInt(Math.round(q * 1000)), BigInt(price), BigInt(Math.round(discount * 100)))),
    );
    expect(lineAmount(q, price, discount)).toBe(amount);
  });

  it('works in integers, not floats, for large values', () => {
    // A case where quantity × price × (1 − discount) in floating point is one cent off.
    const q = 976_596.297;
    const price = 6_554_878;
    const discount = 19.9;
    const want = exact(976_596_297n, 6_554_878n, 1_990n);
    expect(want).toBe(5_127_577_135_251n);
    expect(Math.round(q * price * (1 - discount / 100))).toBe(5_127_577_135_252); // the float error
    expect(BigInt(lineAmount(q, price, discount))).toBe(want);
  });

  it('keeps the most of 999,999,999.999 × 9,999,999,999 cents that a number can hold', () => {
    const want = exact(999_999_999_999n, 9_999_999_999n, 0n);
    expect(want).toBe(9_999_999_998_990_000_000n); // 9,999,999,998,990,000,000.001 cents
    // Beyond 2^53 a number is a double: the result must be the double nearest the exact value,
    // i.e. rounding happens once, at the very end, and never on the way.
    expect(lineAmount(999_999_999.999, 9_999_999_999, 0)).toBe(Number(want));
    const discounted = exact(999_999_999_999n, 9_999_999_999n, 1_234n);
    expect(lineAmount(999_999_999.999, 9_999_999_999, 12.34)).toBe(Number(discounted));
  });

  it('is exact up to the largest safe integer amount', () => {
    // 900,719,925.474 × 10,000,000 cents = 9,007,199,254,740,000 cents, just under 2^53.
    const want = exact(900_719_925_474n, 10_000_000n, 0n);
    expect(want).toBeLessThanOrEqual(BigInt(Number.MAX_SAFE_INTEGER));
    expect(BigInt(lineAmount(900_719_925.474, 10_000_000, 0))).toBe(want);
  });
});

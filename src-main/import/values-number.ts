/**
 * Numbers, money and discounts as spreadsheets hold them → the values the records store:
 * plain numbers, money in integer cents (分), discounts in percent off (sale and opportunity
 * lines: contract/common.ts `discountPercent`, 0–100, what `lineAmount` takes off the price).
 *
 * Read after NFKC (full-width ０-９ － ． ， ％ ￥ become half-width) with spaces removed:
 *   thousands separators only in groups of three (1,234.50; 12,5 is refused, not read as 12.5 or
 *   125), a leading + or −, scientific notation (1.38E+10, as Excel writes a long number).
 * Money also takes ¥ $ RMB CNY before the number and 元 RMB CNY after it; the sign is dropped, not
 * converted: the app keeps one currency. Money is read exactly, digit by digit: 0.29 yuan is
 * 29 cents, never 28.999…; a third decimal is refused, never rounded away.
 * Negative values are read as such and refused by the field's zod schema (cents ≥ 0), which
 * the import runs on every row: the same rule and words as the forms.
 */
import { accept, refuse, tooManyDecimals, valueProblems, type ValueResult } from './values';

/** An exact decimal: ± digits × 10^−scale (a negative scale from an exponent: 12E+3). */
interface Decimal {
  negative: boolean;
  digits: bigint;
  scale: number;
}

/** Sign, whole part (grouped by 3 with commas, or not), fraction, exponent. */
const NUMBER = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?(?:e([+-]?\d{1,3}))?$/i;
const MONEY = /^([+-]?)(?:us\$|¥|\$|rmb|cny)?([+-]?)(.*?)(?:元|rmb|cny)?$/i;
/** n折: the price paid in tenths (8.5折 = 85 %) or, with two digits, in hundredths (85折 = 85 %). */
const ZHE = /^(.*)折$/;

/** NFKC, the minus sign U+2212 as a hyphen-minus, and no spaces (1 234,5 → 1234,5: still refused). */
const clean = (text: string) =>
  text
    .normalize('NFKC')
    .replace(/\u2212/g, '-')
    .replace(/\s+/g, '');

function readDecimal(text: string): Decimal | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const [, sign, whole = '', fraction = '', exponent = '0'] = m;
  if (whole === '' && fraction === '') return null;
  return {
    negative: sign === '-',
    digits: BigInt(whole.replace(/,/g, '') + fraction),
    scale: fraction.length - Number(exponent),
  };
}

function toNumber(d: Decimal): number {
  return Number(`${d.negative ? '-' : ''}${d.digits}e${-d.scale}`) || 0; // `|| 0`: no −0
}

/** The decimal × 10^places as an exact integer, or null when it has more decimals than that. */
function scaled(d: Decimal, places: number): bigint | null {
  const shift = places - d.scale;
  let n: bigint;
  if (shift >= 0) n = d.digits * 10n ** BigInt(shift);
  else {
    const unit = 10n ** BigInt(-shift);
    if (d.digits % unit !== 0n) return null;
    n = d.digits / unit;
  }
  return d.negative ? -n : n;
}

function finite(n: number): ValueResult<number> {
  return Number.isFinite(n) ? accept(n) : refuse(valueProblems.number);
}

/** A plain number: a quantity, a probability, a satisfaction score, a number custom field. */
export function parseNumber(text: string): ValueResult<number> {
  const d = readDecimal(clean(text));
  return d ? finite(toNumber(d)) : refuse(valueProblems.number);
}

/** Money in yuan → integer cents: '¥1,234.50' → 123450, '１２元' → 1200, '十二元' is refused. */
export function parseMoney(text: string): ValueResult<number> {
  const m = MONEY.exec(clean(text));
  if (!m || (m[1] && m[2])) return refuse(valueProblems.number);
  const d = readDecimal(`${m[1] || m[2]}${m[3]}`);
  if (!d) return refuse(valueProblems.number);
  const cents = scaled(d, 2);
  return cents === null ? refuse(tooManyDecimals(2)) : finite(Number(cents));
}

/** A percentage as the number of percent: '85%' → 85, '85' → 85, '０.５％' → 0.5. */
export function parsePercent(text: string): ValueResult<number> {
  const d = readDecimal(clean(text).replace(/%$/, ''));
  return d ? finite(toNumber(d)) : refuse(valueProblems.number);
}

/**
 * A line's discount, in percent off as the app stores it: '15%' and '15' → 15. The Chinese
 * 折 says what is paid, so it is turned around: 8.5折 and 85折 (pay 85 %) → 15, 9折 → 10.
 * A plain percentage is taken as percent off, the way the app's 折扣 field and its export
 * write it; an .xlsx cell formatted as a percentage must reach here as its text ('15%'), not as 0.15.
 */
export function parseDiscount(text: string): ValueResult<number> {
  const normal = clean(text);
  const zhe = ZHE.exec(normal);
  if (!zhe) return parsePercent(normal);
  const d = readDecimal(zhe[1]!);
  if (!d || d.negative) return refuse(valueProblems.number);
  // Paid, in hundredths of a percent: n折 with n ≤ 10 pays n × 10 %, a two-digit n pays n %.
  const thousandths = scaled(d, 3);
  if (thousandths === null) return refuse(tooManyDecimals(2));
  let paid: bigint;
  if (thousandths <= 10_000n) paid = thousandths;
  else if (thousandths < 100_000n && thousandths % 1000n === 0n) paid = thousandths / 10n;
  else return refuse(valueProblems.number);
  return accept(Number(10_000n - paid) / 100);
}

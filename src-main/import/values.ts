/**
 * One imported cell's text (already trimmed by the reader) → the value a record field stores,
 * or why not. Pure functions, no I/O. A refusal carries the app's own validation reason and
 * `params.format`, the shape `fromZodIssue` gives and the renderer's `reasonText` words, so a
 * rejected cell reads like a refused form field ("请输入数字，例如 12.5", "不是有效的日期 …").
 * Range checks (money ≥ 0, discount ≤ 100, quantity > 0) are left to the field's zod schema,
 * which the import runs next, as a form does: they are not repeated here.
 *
 * This module holds the result shape and the text rules (codes, phones, formulas, option labels);
 * dates are in values-date.ts, numbers, money and discounts in values-number.ts.
 */
import type { ValidationReason } from '../contract/envelope';

/** Why a cell's text cannot be the field's value: `reason` and `params` as AppErrorData has them. */
export interface ValueProblem {
  reason: ValidationReason;
  params?: Record<string, string | number>;
}

export type ValueResult<T> = { ok: true; value: T } | ({ ok: false } & ValueProblem);

/**
 * The problems a cell can have. The first five have words in the renderer already; `ambiguous_date`
 * and `digits_lost` need their own sentences (`validation.invalid_format_ambiguous_date`,
 * `validation.invalid_format_digits_lost`) and fall back to the plain invalid_format sentence (格式不正确) until they have them.
 */
export const valueProblems = {
  /** Not a calendar date in any accepted form (2026/13/45, 2023-02-29, 明天, a 2-digit year). */
  date: { reason: 'invalid_format', params: { format: 'date' } },
  dateTime: { reason: 'invalid_format', params: { format: 'date_time' } },
  /** Not a number (十二元, 12,5, 1.2.3). The same words as a number field given text. */
  number: { reason: 'invalid_type', params: { format: 'number' } },
  /** Not one of yes/no (是/否, Y/N, true/false, 1/0, √/×). */
  choice: { reason: 'invalid_value' },
  /** 5/3/2024 without a day/month order chosen for its column: 3 May or 5 March. */
  ambiguousDate: { reason: 'invalid_format', params: { format: 'ambiguous_date' } },
  /** Excel showed a long number in scientific notation (1.38001E+10) and saved that: digits are lost. */
  digitsLost: { reason: 'invalid_format', params: { format: 'digits_lost' } },
} as const satisfies Record<string, ValueProblem>;

/** More decimals than the field keeps (money: 2), in the words zod's `decimals` check uses. */
export const tooManyDecimals = (places: number): ValueProblem => ({
  reason: 'invalid_format',
  params: { format: 'decimals', places },
});

export const accept = <T>(value: T): ValueResult<T> => ({ ok: true, value });
export const refuse = (problem: ValueProblem): ValueResult<never> => ({ ok: false, ...problem });

/**
 * Full-width ASCII (０-９, Ａ-Ｚ, －, （） …) and the ideographic space to their half-width forms,
 * and nothing else: a code or phone is otherwise kept exactly as typed (NFKC would also fold ①, ㈱ …).
 */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/**
 * What Excel writes for a long number it shows in scientific notation: one digit, maybe decimals,
 * E, a sign and two or more digits (1.38001E+10). A code like 12E3 is not Excel's and is kept.
 */
const EXCEL_SCIENTIFIC = /^[+-]?\d(\.\d+)?e[+-]\d{2,3}$/i;

/**
 * A code (customer, product, order number) kept as text, leading zeros and all ('007'), with
 * full-width digits and letters made half-width. A number Excel turned into scientific notation
 * is refused: the digits after the shown ones are gone, and storing it would keep a wrong value.
 */
export function parseCode(text: string): ValueResult<string> {
  const half = toHalfWidth(text).trim();
  return EXCEL_SCIENTIFIC.test(half) ? refuse(valueProblems.digitsLost) : accept(half);
}

/** A phone, mobile or fax as text ('0571-88886666' stays so); the same rules as a code. */
export const parsePhone = parseCode;

/**
 * Whether a spreadsheet would take the text for a formula (= + - @ first, or a tab or CR): the
 * import stores it as text, exactly as given, and the check step warns; export neutralises it.
 * A number or phone number (+86 138-0013-8000, -5) is spared the warning: it has nothing to run.
 */
export function isFormulaLike(text: string): boolean {
  if (/^[\t\r]/.test(text)) return true;
  return /^[=+\-@]/.test(text) && !/^[+-][\d\s().,/+-]*$/.test(text);
}

/**
 * The form an option's label is matched in (base data: 客户类型, 行业 …; choices such as 是/否):
 * NFKC (full-width to half-width), spaces collapsed and trimmed, case folded.
 */
export function normaliseKey(text: string): string {
  return text.normalize('NFKC').toLowerCase().normalize('NFKC').replace(/\s+/g, ' ').trim();
}

const YES = new Set(['是', '对', '真', 'y', 'yes', 'true', 't', '1', 'on', '√', '✓', '✔']);
const NO = new Set(['否', '错', '假', 'n', 'no', 'false', 'f', '0', 'off', '×', '✗', '✘']);

/**
 * A yes/no flag (主要联系人, 决策人, 在售 …). A bare "x" is refused: some sheets tick with it, others
 * cross out with it. An empty cell is the caller's to default.
 */
export function parseBoolean(text: string): ValueResult<boolean> {
  const key = normaliseKey(text);
  if (YES.has(key)) return accept(true);
  if (NO.has(key)) return accept(false);
  return refuse(valueProblems.choice);
}

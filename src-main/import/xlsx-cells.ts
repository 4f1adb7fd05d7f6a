/**
 * A workbook cell as the import reads it: the text Excel shows, not a JavaScript value.
 *
 * - Numbers: plain decimal text to Excel's 15 significant digits, so 0.1+0.2 is "0.3" and a phone
 *   number stored as a number is "13800138000", never "1.38e10".
 * - Dates (a number in a date format): "YYYY-MM-DD", with " HH:mm:ss" only when there is a time;
 *   in a time format "HH:mm:ss" alone. Worked out from the serial number with UTC arithmetic
 *   only, so the computer's time zone never moves a date by a day.
 * - Booleans "TRUE"/"FALSE" (as Excel shows them); errors their text ("#DIV/0!"); a formula its
 *   last calculated value, as Excel saved it.
 */
import { normaliseBreaks } from './decode';
import type { CellKind } from './source-types';

export interface CellText {
  text: string;
  kind: CellKind;
}

/** What a number format shows a number as: a date (maybe with a time), a time of day, or a number. */
export type FormatKind = 'date' | 'time' | null;

/** Built-in formats with no code in the file (ids 27–36 and 50–58 are the Chinese locale's). */
const builtinTimeFormats = new Set([18, 19, 20, 21, 32, 33, 34, 35, 45, 46, 47, 55, 56]);
const builtinDateFormats = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58]);

/**
 * What a number format shows. `code` is the format's own code when the workbook defines it
 * (built-in ids have none). A code with a year or day is a date; one with only hours, minutes or
 * seconds is a time of day; an elapsed time ([h]:mm) is a duration and stays a number.
 */
export function formatKind(id: number, code: string | undefined): FormatKind {
  if (code === undefined) {
    return builtinDateFormats.has(id) ? 'date' : builtinTimeFormats.has(id) ? 'time' : null;
  }
  if (/\[(h+|m+|s+)\]/i.test(code)) return null;
  const bare = code
    .replace(/"[^"]*"/g, '') // literal text: "年", "元"
    .replace(/\\./g, '') // escaped characters
    .replace(/[_*]./g, '') // padding
    .replace(/\[[^\]]*\]/g, '') // colours, conditions, locales: [Red] [>100] [$-804] [DBNum1]
    .replace(/General/gi, '');
  if (/[yd]/i.test(bare)) return 'date';
  if (/[hs]/i.test(bare)) return 'time';
  // m alone is a month ("mmm"); beside h or s it would have been a minute, caught above.
  return /m/i.test(bare) ? 'date' : null;
}

/** A number's shortest plain decimal text at Excel's precision: no float noise, no exponent. */
export function plainNumber(n: number): string {
  const s = String(Number(n.toPrecision(15)));
  return s.includes('e') ? expandExponent(s) : s;
}

function expandExponent(s: string): string {
  const m = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const [, sign, int, frac = '', exp] = m;
  const digits = int! + frac;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const DAY_MS = 86_400_000;

/**
 * An Excel serial date as ISO text, or null if it is no date Excel can show (day 0 of the 1900
 * system, "1900-01-00"; negative; past 9999). The 1900 system counts 1900-01-01 as 1 and keeps
 * Lotus 1-2-3's 1900-02-29 (serial 60); the 1904 system (old Mac workbooks) counts from
 * 1904-01-01 as 0. A time is added only when there is one.
 */
export function serialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const { days, seconds } = split(serial);
  if (days === 0 && !date1904) return null;
  let date: string;
  if (!date1904 && days === 60) {
    date = '1900-02-29';
  } else {
    const epoch = date1904
      ? Date.UTC(1904, 0, 1)
      : days < 60
        ? Date.UTC(1899, 11, 31)
        : Date.UTC(1899, 11, 30);
    const d = new Date(epoch + days * DAY_MS);
    if (d.getUTCFullYear() > 9999) return null;
    date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  }
  return seconds === 0 ? date : `${date} ${clock(seconds)}`;
}

/** The time of day of a serial (its fraction), "HH:mm:ss". */
export function serialToTime(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  return clock(split(serial).seconds);
}

/** Whole days, and seconds into the day rounded to the second (so 10:29:59.9999 is 10:30:00). */
function split(serial: number): { days: number; seconds: number } {
  let days = Math.floor(serial);
  let seconds = Math.round((serial - days) * 86_400);
  if (seconds >= 86_400) {
    days += 1;
    seconds -= 86_400;
  }
  return { days, seconds };
}

const clock = (seconds: number) =>
  `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor(seconds / 60) % 60)}:${pad(seconds % 60)}`;

/** A cell of type `d` (an ISO 8601 date some writers use) in the same form as a serial date. */
export function isoCellDate(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}(?::\d{2})?))?/.exec(value.trim());
  if (!m) return value.trim();
  const time =
    m[2] && m[2] !== '00:00' && m[2] !== '00:00:00' ? ` ${m[2].length === 5 ? `${m[2]}:00` : m[2]}` : '';
  return m[1] + time;
}

export interface CellContext {
  sharedStrings: readonly string[];
  /** Per cell style index: what its number format shows numbers as. */
  styleKinds: readonly FormatKind[];
  date1904: boolean;
}

/**
 * One cell from its type attribute `t`, style index `s`, the text of its `<v>` (null if none) and
 * of its inline string `<is>` (null if none). Throws RangeError for a shared string that is not
 * there (a damaged workbook).
 */
export function cellText(
  t: string | undefined,
  s: number,
  v: string | null,
  inline: string | null,
  ctx: CellContext,
): CellText {
  switch (t) {
    case 's': {
      const text = v === null ? undefined : ctx.sharedStrings[Number(v)];
      if (text === undefined) throw new RangeError(`no shared string ${v}`);
      return textCell(text);
    }
    case 'inlineStr':
      return textCell(inline ?? v ?? '');
    case 'str':
      return textCell(v ?? '');
    case 'b':
      return v === null ? empty : { text: v === '1' || v === 'true' ? 'TRUE' : 'FALSE', kind: 'boolean' };
    case 'e':
      return v === null ? empty : { text: v.trim(), kind: 'error' };
    case 'd':
      return v === null || v.trim() === '' ? empty : { text: isoCellDate(v), kind: 'date' };
    default: {
      if (v === null || v.trim() === '') return empty;
      const n = Number(v);
      if (!Number.isFinite(n)) return textCell(v);
      const format = ctx.styleKinds[s];
      if (format) {
        const iso = format === 'date' ? serialToIso(n, ctx.date1904) : serialToTime(n);
        if (iso !== null) return { text: iso, kind: 'date' };
      }
      return { text: plainNumber(n), kind: 'number' };
    }
  }
}

const empty: CellText = { text: '', kind: 'empty' };

function textCell(raw: string): CellText {
  const text = normaliseBreaks(raw.trim());
  return text === '' ? empty : { text, kind: 'text' };
}

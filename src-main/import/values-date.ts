/**
 * Dates and date-times in the forms spreadsheets hold them → the app's `YYYY-MM-DD` and
 * `YYYY-MM-DDTHH:mm` (contract/common.ts: isoDate, localDateTime). A date that does not exist is
 * refused, never rolled over (2023-02-29 is not 03-01) and never replaced by today; a day/month
 * order the text leaves open is never guessed.
 *
 * Accepted, after NFKC (so full-width ２０２４／３／５ is read like 2024/3/5):
 *   2024-03-05, 2024-3-5, 2024/3/5, 2024.3.5 · 2024年3月5日, 2024年03月05号 · 20240305
 *   5/3/2024, 05-03-2024, 5.3.2024: day/month order from the value itself (13/3/2024) or the column
 *   Excel serial numbers (45356 = 2024-03-05), only where the caller says the column holds them
 *   any of these followed by a time: 14:30, 14:30:59, 2:30 PM, 下午 2:30 (seconds are dropped:
 *   the app keeps times to the minute). A date field drops the time; a date-time field given a
 *   date alone takes 00:00.
 * Refused: two-digit years (5/3/24: which century is a guess), years before 1000, time zones.
 */
import { addDays, isCalendarDate } from '../contract/dates';
import { accept, refuse, valueProblems, type ValueProblem, type ValueResult } from './values';

export type DayMonthOrder = 'dmy' | 'mdy';

export interface DateOptions {
  /** The day/month order chosen for the column (from detectDayMonthOrder, or asked of the user). */
  order?: DayMonthOrder;
  /**
   * The column holds Excel serial numbers: the reader got numbers, not dates, for a date field
   * (an .xlsx cell without a date format, or a CSV saved from one; see looksLikeSerialColumn).
   * Without it a bare number is not a date: 2024 or 45356 in a typed column is a mistake to show.
   */
  serial?: boolean;
}

/** Day/month order of a column: settled by its values, open, contradictory, or not needed. */
export type ColumnOrder = DayMonthOrder | 'ambiguous' | 'inconsistent' | 'none';

const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const SERIAL = /^(\d{1,7})(\.\d+)?$/;
/** A time at the end, after a space, a T or 日/号: 14:30, 14:30:59.000, 2:30 PM, 下午 2:30. */
const TIME = /(?<=^|[\sT日号])(上午|下午)?\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?\s*([ap]m)?$/i;

/** The largest serial Excel has, 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2_958_465;

const pad = (n: number) => String(n).padStart(2, '0');

interface DateAndTime {
  date: string;
  /** Minutes after midnight; 0 when the text had no time. */
  minutes: number;
}

type Read = { ok: true; value: DateAndTime } | ({ ok: false } & ValueProblem);

/** Splits a trailing time off; null when there is one and it is not a time of day. */
function splitTime(text: string): { date: string; minutes: number } | null {
  const m = TIME.exec(text);
  if (!m) return { date: text, minutes: 0 };
  const [, zhHalf, hh, mm, ss, enHalf] = m;
  let hour = Number(hh);
  const minute = Number(mm);
  if (minute > 59 || (ss !== undefined && Number(ss) > 59)) return null;
  const half = enHalf?.toLowerCase() ?? (zhHalf === '上午' ? 'am' : zhHalf === '下午' ? 'pm' : undefined);
  if (zhHalf && enHalf) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  } else if (hour > 23) return null;
  return { date: text.slice(0, m.index).replace(/[\sT]+$/, ''), minutes: hour * 60 + minute };
}

/** `YYYY-MM-DD` when the parts make a real date, else null. */
function calendarDate(year: number, month: number, day: number): string | null {
  if (year < 1000) return null;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return isCalendarDate(iso) ? iso : null;
}

/**
 * Excel's 1900 date system: serial 1 is 1900-01-01. Excel counts a 29 February 1900 that never
 * was (serial 60, refused), so from 61 (1900-03-01) on, serials are one day ahead of a plain count.
 */
export function excelSerialDate(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_EXCEL_SERIAL || serial === 60) return null;
  return addDays('1899-12-31', serial < 60 ? serial : serial - 1);
}

/** A serial with a fraction of a day: the time, to the nearest second, then to the minute. */
function readSerial(whole: string, fraction: string | undefined): DateAndTime | null {
  let serial = Number(whole);
  let seconds = fraction ? Math.round(Number(fraction) * 86_400) : 0;
  if (seconds === 86_400) [serial, seconds] = [serial + 1, 0];
  const date = excelSerialDate(serial);
  return date ? { date, minutes: Math.floor(seconds / 60) } : null;
}

/** Day and month of `a/b/yyyy`: from the column's order, else from the value if it settles it. */
function dayAndMonth(a: number, b: number, order: DayMonthOrder | undefined) {
  if (!order) {
    if (a <= 12 && b <= 12 && a !== b) return null;
    order = a > 12 ? 'dmy' : 'mdy';
  }
  return order === 'dmy' ? { day: a, month: b } : { day: b, month: a };
}

function readDate(text: string, options: DateOptions, invalid: ValueProblem): Read {
  const normal = text.normalize('NFKC').trim();
  const serial = options.serial ? SERIAL.exec(normal) : null;
  if (serial) {
    const read = readSerial(serial[1]!, serial[2]);
    return read ? { ok: true, value: read } : { ok: false, ...invalid };
  }
  const split = splitTime(normal);
  if (!split) return { ok: false, ...invalid };
  let date: string | null = null;
  let m: RegExpExecArray | null;
  if ((m = YEAR_FIRST.exec(split.date) ?? CHINESE.exec(split.date))) {
    const [y, mo, d] = m[0].includes('年') ? [m[1], m[2], m[3]] : [m[1], m[3], m[4]];
    date = calendarDate(Number(y), Number(mo), Number(d));
  } else if ((m = COMPACT.exec(split.date))) {
    date = calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  } else if ((m = YEAR_LAST.exec(split.date))) {
    const dm = dayAndMonth(Number(m[1]), Number(m[3]), options.order);
    if (!dm) return { ok: false, ...valueProblems.ambiguousDate };
    date = calendarDate(Number(m[4]), dm.month, dm.day);
  }
  return date ? { ok: true, value: { date, minutes: split.minutes } } : { ok: false, ...invalid };
}

/** A date field's value, `YYYY-MM-DD`; a time after the date is dropped. */
export function parseDate(text: string, options: DateOptions = {}): ValueResult<string> {
  const read = readDate(text, options, valueProblems.date);
  return read.ok ? accept(read.value.date) : refuse(read);
}

/** A date-time field's value, `YYYY-MM-DDTHH:mm` (the user's wall clock, as the forms send it). */
export function parseDateTime(text: string, options: DateOptions = {}): ValueResult<string> {
  const read = readDate(text, options, valueProblems.dateTime);
  if (!read.ok) return refuse(read);
  const { date, minutes } = read.value;
  return accept(`${date}T${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`);
}

/**
 * The day/month order of a column's `d/m/yyyy` values: 'dmy' when some value has a first part
 * over 12 (13/3/2024), 'mdy' when some has a second part over 12, 'inconsistent' when both occur
 * (show it: the column mixes two orders), 'ambiguous' when only values like 5/3/2024 occur (ask
 * the user), 'none' when no value needs an order (ISO dates, 5/5/2024, empty cells).
 */
export function detectDayMonthOrder(values: readonly string[]): ColumnOrder {
  let dayFirst = false;
  let monthFirst = false;
  let open = false;
  for (const value of values) {
    const split = splitTime(value.normalize('NFKC').trim());
    const m = split && YEAR_LAST.exec(split.date);
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[3])];
    if (a > 12 && b <= 12) dayFirst = true;
    else if (b > 12 && a <= 12) monthFirst = true;
    else if (a !== b && a <= 12 && b <= 12) open = true;
    if (dayFirst && monthFirst) return 'inconsistent';
  }
  if (dayFirst) return 'dmy';
  if (monthFirst) return 'mdy';
  return open ? 'ambiguous' : 'none';
}

/**
 * Whether a date column holds Excel serial numbers: every filled cell a number from 1 to
 * 2958465 (a fraction for a time allowed), and at least one filled cell. The caller shows the
 * dates they become in the check step, so a column of years (2024 = 1905-07-16) is seen, not stored blind.
 */
export function looksLikeSerialColumn(values: readonly string[]): boolean {
  let seen = false;
  for (const value of values) {
    const text = value.normalize('NFKC').trim();
    if (text === '') continue;
    const m = SERIAL.exec(text);
    if (!m || Number(m[1]) < 1 || Number(m[1]) > MAX_EXCEL_SERIAL) return false;
    seen = true;
  }
  return seen;
}

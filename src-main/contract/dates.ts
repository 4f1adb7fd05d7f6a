/**
 * Calendar dates as the records keep them, `YYYY-MM-DD`: the one place for their arithmetic, used
 * by the main process and the renderer alike, so both agree on what "today", "the last 12 months"
 * and a week, month, quarter or year are. Days are counted on the calendar (UTC arithmetic on the
 * date alone), so no daylight-saving change adds or loses one; only `localDate`, `localToday`
 * and `localMidnight` look at the machine's time zone, to go between an instant and its local date.
 * No imports: the renderer and the contract use it without Node.
 */

/** The calendar periods a trend groups days into. */
export type CalendarPeriod = 'day' | 'week' | 'month' | 'quarter' | 'year';

/** A range of days, both ends included. */
export interface DateRange {
  from: string;
  to: string;
}

const DAY_MS = 86_400_000;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Milliseconds of a date's UTC midnight, and back: the calendar with no clock changes. */
const utcMs = (date: string) => Date.parse(`${date}T00:00:00Z`);
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whether `v` is a real calendar date as `YYYY-MM-DD` (2024-02-29 is, 2023-02-29 is not). */
export function isCalendarDate(v: string): boolean {
  const ms = utcMs(v);
  return !Number.isNaN(ms) && utcDate(ms) === v;
}

/** The local calendar date at an instant (an ISO string, milliseconds or a Date) on this machine. */
export function localDate(at: string | number | Date): string {
  const d = new Date(at);
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Today on this machine's calendar. */
export const localToday = (): string => localDate(Date.now());

/**
 * The first instant of a local date, as an ISO string: its local midnight, or the first minute
 * after it where a clock change skips midnight itself.
 */
export const localMidnight = (date: string): string => new Date(`${date}T00:00:00`).toISOString();

/** A date plus some days (minus, when negative). */
export const addDays = (date: string, days: number): string => utcDate(utcMs(date) + days * DAY_MS);

/** Days from `from` to `to`: 1 from one day to the next, negative when `to` comes first. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((utcMs(to) - utcMs(from)) / DAY_MS);

/** The first day of the month `offset` months from the month of `date`. */
export function monthStart(date: string, offset = 0): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + offset);
  return utcDate(d.getTime());
}

/**
 * The same day `months` months earlier, or that month's last day when it has no such day
 * (2024-02-29 less 12 months is 2023-02-28).
 */
export function monthsBefore(date: string, months: number): string {
  const day = Number(date.slice(8, 10));
  const first = monthStart(date, -months);
  const lastDay = Number(addDays(monthStart(first, 1), -1).slice(8, 10));
  return `${first.slice(0, 8)}${pad(Math.min(day, lastDay))}`;
}

/** Every month `YYYY-MM` from the month of `from` to the month of `to`. */
export function monthsIn(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = monthStart(from); m.slice(0, 7) <= to.slice(0, 7); m = monthStart(m, 1)) {
    months.push(m.slice(0, 7));
  }
  return months;
}

/** Monday = 0 … Sunday = 6. */
export const weekday = (date: string): number => (new Date(utcMs(date)).getUTCDay() + 6) % 7;

/**
 * The ISO 8601 week of a day, `2026-W09`: weeks start on Monday and belong to the year of their
 * Thursday, so 2020-12-31 and 2021-01-03 are in 2020-W53, 2021-01-04 in 2021-W01 and 2024-12-30
 * in 2025-W01.
 */
export function isoWeek(date: string): string {
  const thursday = addDays(date, 3 - weekday(date));
  const year = thursday.slice(0, 4);
  return `${year}-W${pad(Math.floor(daysBetween(`${year}-01-01`, thursday) / 7) + 1)}`;
}

/** The quarter of a day, 1 to 4. */
export const quarterOf = (date: string): number => Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;

/** The key of the period a day falls in: `2026-03-05`, `2026-W09`, `2026-03`, `2026-Q1`, `2026`. */
export function periodKey(date: string, period: CalendarPeriod): string {
  switch (period) {
    case 'day':
      return date;
    case 'week':
      return isoWeek(date);
    case 'month':
      return date.slice(0, 7);
    case 'quarter':
      return `${date.slice(0, 4)}-Q${quarterOf(date)}`;
    case 'year':
      return date.slice(0, 4);
  }
}

/** The first day of the calendar period that holds `date` (a week's Monday). */
export function periodStart(date: string, period: CalendarPeriod): string {
  switch (period) {
    case 'day':
      return date;
    case 'week':
      return addDays(date, -weekday(date));
    case 'month':
      return monthStart(date);
    case 'quarter':
      return `${date.slice(0, 4)}-${pad(quarterOf(date) * 3 - 2)}-01`;
    case 'year':
      return `${date.slice(0, 4)}-01-01`;
  }
}

/** The last day of the calendar period that holds `date` (a week's Sunday). */
export function periodEnd(date: string, period: CalendarPeriod): string {
  switch (period) {
    case 'day':
      return date;
    case 'week':
      return addDays(date, 6 - weekday(date));
    case 'month':
      return addDays(monthStart(date, 1), -1);
    case 'quarter':
      return addDays(monthStart(periodStart(date, 'quarter'), 3), -1);
    case 'year':
      return `${date.slice(0, 4)}-12-31`;
  }
}

/** A date's month and day, `MM-DD`, as a period's days are written beside its key. */
export const monthDay = (date: string): string => date.slice(5, 10);

/**
 * The range an analysis covers: what is given, else `to` is today and `from` the first day of the
 * month 11 months before `to`'s month, the last 12 months (today 2026-03-15: 2025-04-01 to
 * 2026-03-15). It does not check that `from` comes first.
 */
export function analysisRange(input: { from?: string; to?: string }, todayDate: string): DateRange {
  const to = input.to ?? todayDate;
  return { from: input.from ?? monthStart(to, -11), to };
}

/**
 * The 12 months ending `asOf`, both ends included: from the day after the same day a year
 * earlier (asOf 2026-03-15: 2025-03-16; asOf 2024-02-29: 2023-03-01).
 */
export const yearEnding = (asOf: string): DateRange => ({
  from: addDays(monthsBefore(asOf, 12), 1),
  to: asOf,
});

/**
 * Dates, pages and rounding the customer and service analyses share, beside common.ts (the
 * default range, half-up division). Dates are `YYYY-MM-DD` calendar days, counted with UTC
 * arithmetic so no daylight-saving gap shifts them.
 */
import type { Page } from '../contract';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import type { HandlerContext } from '../records/context';
import { addDays, localDate, monthStart } from '../records/dates';
import { divideHalfUp } from './common';

const DAY_MS = 86_400_000;

/** Today on the user's machine. */
export const today = (ctx: HandlerContext): string => localDate(ctx.now());

/** Days from `from` to `to` (negative when `to` comes first). */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

/**
 * The same day `months` months earlier, or the month's last day when it has no such day
 * (2024-02-29 less 12 months is 2023-02-28).
 */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, lastDay))).toISOString().slice(0, 10);
}

/**
 * The 12 months ending `asOf`, both ends included: from the day after the same day a year
 * earlier (asOf 2026-03-15 → 2025-03-16; asOf 2024-02-29 → 2023-03-01).
 */
export const yearEnding = (asOf: string): { from: string; to: string } => ({
  from: addDays(monthsBefore(asOf, 12), 1),
  to: asOf,
});

/** Every month `YYYY-MM` from the month of `from` to the month of `to`. */
export function monthsIn(from: string, to: string): string[] {
  const months: string[] = [];
  for (let m = monthStart(from); m.slice(0, 7) <= to.slice(0, 7); m = monthStart(m, 1)) {
    months.push(m.slice(0, 7));
  }
  return months;
}

const NAMES_SQL = `SELECT id, code, name FROM customers WHERE id IN (SELECT value FROM json_each(?))`;

/** The code and name of each of some customers, by id (one statement, whatever the number). */
export function customerNames(db: Db, ids: readonly number[]): Map<number, { code: string; name: string }> {
  const rows = stmt(db, NAMES_SQL).raw().all(JSON.stringify(ids)) as [number, string, string][];
  return new Map(rows.map(([id, code, name]) => [id, { code, name }]));
}

/** One page of rows already in their order. */
export function pageOf<T>(rows: readonly T[], page: number, pageSize: number): Page<T> {
  const start = (page - 1) * pageSize;
  return { rows: rows.slice(start, start + pageSize), total: rows.length, page, pageSize };
}

/** SQL LIMIT and OFFSET for a page. */
export const limitOffset = (page: number, pageSize: number): [number, number] => [
  pageSize,
  (page - 1) * pageSize,
];

/**
 * `sum / count` to 2 decimal places, half up, in exact integer arithmetic (so 33 / 8 = 4.125
 * gives 4.13, which floating point could miss); null when count is 0.
 */
export function average2(sum: number, count: number): number | null {
  return count === 0 ? null : divideHalfUp(100 * sum, count) / 100;
}

/**
 * A cent amount to a whole cent, half away from zero (half up in size: −2.5 → −3, as 2.5 → 3).
 * Taken to 6 decimal places first, so floating-point noise in a product like R × factor cannot
 * pull an exact half cent down.
 */
export function roundCents(value: number): number {
  const v = Number(value.toFixed(6));
  return Math.sign(v) * Math.floor(Math.abs(v) + 0.5) || 0;
}

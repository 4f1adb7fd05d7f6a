/**
 * Today, names, pages and rounding the customer and service analyses share, beside common.ts
 * (the default range, half-up division). Their calendar arithmetic (days between, a year ending
 * on a day, the months of a range) is contract/dates.ts's.
 */
import type { Page } from '../contract';
import { localDate } from '../contract/dates';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import type { HandlerContext } from '../records/context';
import { divideHalfUp } from './common';

/** Today on the user's machine. */
export const today = (ctx: HandlerContext): string => localDate(ctx.now());

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

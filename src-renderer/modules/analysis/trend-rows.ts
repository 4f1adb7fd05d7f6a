/** The trend's rows as the screen and 桌面 show them: pure, so the tests run them beside the main side. */
import type { TrendBucket, TrendResult } from '../../../src-main/contract';
import { monthDay } from '../../../src-main/contract/dates';

/** A trend row: this period's bucket beside the previous period's i-th. */
export interface TrendRow {
  key: string;
  label: string;
  start: string;
  end: string;
  amount: number;
  orders: number;
  averageOrder: number;
  previous: number | null;
}

/** The change from the previous amount, 0–1 and signed; null when there is nothing to compare. */
export const change = (amount: number, previous: number | null) =>
  previous ? (amount - previous) / previous : null;

/** The previous period sold nothing: no row has a previous amount above 0. */
export const previousEmpty = (rows: TrendRow[]) => rows.every((r) => !r.previous);

/** Each bucket labelled with its key (2026-W09, 2026-Q1 …, as the main process names it). */
export function trendRows(result: TrendResult): TrendRow[] {
  return result.buckets.map((b: TrendBucket, i) => ({
    ...b,
    label: b.key,
    previous: result.previous[i]?.amount ?? null,
  }));
}

/** The days a row covers, `MM-DD` to `MM-DD`, written after its label; null for a single day. */
export const periodDays = (row: { start: string; end: string }): { from: string; to: string } | null =>
  row.start === row.end ? null : { from: monthDay(row.start), to: monthDay(row.end) };

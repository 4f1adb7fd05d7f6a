/** 销售走势 Sales trend: line amounts per day, ISO week, month, quarter or year, beside the period before. */
import type { TrendBucket, TrendInput, TrendPeriod, TrendResult } from '../contract';
import { addDays } from '../contract/dates';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import type { HandlerContext } from '../records/context';
import {
  calendarBuckets,
  daysIn,
  divideHalfUp,
  previousBuckets,
  resolveRange,
  countedSales,
  type Bucket,
  type DateRange,
  type SalesFilter,
} from './common';

interface DayRow {
  day: string;
  amount: number;
  orders: number;
}

/**
 * Counted amounts and sales per day. A sale falls on one day, so the orders of a bucket are the
 * sum of its days' orders. Sales come by the sale_date index in date order (lines by sale_id,
 * when a product filter needs them), and GROUP BY sale_date follows that order: no sort.
 */
export function trendQuery(
  range: DateRange,
  filter: SalesFilter,
): { sql: string; params: (string | number)[] } {
  const from = countedSales(range, filter);
  return {
    sql: `SELECT s.sale_date AS day, ${from.amount} AS amount, ${from.orders} AS orders
      ${from.sql} GROUP BY s.sale_date ORDER BY s.sale_date`,
    params: from.params,
  };
}

function perDay(db: Db, range: DateRange, filter: SalesFilter): DayRow[] {
  const q = trendQuery(range, filter);
  return stmt<DayRow>(db, q.sql).all(...q.params);
}

/** Adds each day (sorted) into the bucket holding it; the buckets are sorted and do not overlap. */
function fill(buckets: Bucket[], days: DayRow[]): TrendBucket[] {
  const out: TrendBucket[] = buckets.map((b) => ({ ...b, amount: 0, orders: 0, averageOrder: 0 }));
  let i = 0;
  for (const d of days) {
    while (i < out.length && out[i]!.end < d.day) i++;
    const b = out[i];
    if (!b || d.day < b.start) continue;
    b.amount += d.amount;
    b.orders += d.orders;
  }
  for (const b of out) b.averageOrder = divideHalfUp(b.amount, b.orders);
  return out;
}

function totalOf(buckets: TrendBucket[]) {
  const amount = buckets.reduce((s, b) => s + b.amount, 0);
  const orders = buckets.reduce((s, b) => s + b.orders, 0);
  return { amount, orders, averageOrder: divideHalfUp(amount, orders) };
}

export function salesTrend(ctx: HandlerContext, input: TrendInput & { period: TrendPeriod }): TrendResult {
  const range = resolveRange(ctx, input);
  const current = calendarBuckets(range, input.period);
  const before = previousBuckets(range, input.period, current);
  // One pass over both ranges: the previous one ends the day before this one starts.
  const days = perDay(ctx.db, { from: addDays(range.from, -daysIn(range)), to: range.to }, input);
  const buckets = fill(current, days);
  const previous = fill(before, days);
  return {
    ...range,
    period: input.period,
    buckets,
    previous,
    total: totalOf(buckets),
    previousTotal: totalOf(previous),
  };
}

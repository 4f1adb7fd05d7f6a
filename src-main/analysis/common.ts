/**
 * What the sales analyses share: the default date range, the filter on which sales and lines
 * count, calendar buckets (the day, ISO week, month, quarter and year of contract/dates.ts) and
 * half-up rounding.
 */
import type { TrendPeriod } from '../contract';
import {
  addDays,
  analysisRange,
  daysBetween,
  localDate,
  periodEnd,
  periodKey,
  type DateRange,
} from '../contract/dates';
import { AppError } from '../db/errors';
import type { HandlerContext } from '../records/context';

export type { DateRange };

/** Days from `from` to `to`, both included (1 for a one-day range). */
export const daysIn = (range: DateRange): number => daysBetween(range.from, range.to) + 1;

/**
 * The range an analysis covers. Left out, `to` is today and `from` the first day of the month
 * 11 months before `to`'s month: the last 12 months (contract/dates.ts, as the screens show it).
 * A `from` after the (default) `to` is refused.
 */
export function resolveRange(ctx: HandlerContext, input: { from?: string; to?: string }): DateRange {
  const { from, to } = analysisRange(input, localDate(ctx.now()));
  if (from > to) {
    throw new AppError('VALIDATION', `from (${from}) must not be after to (${to})`, {
      field: 'to',
      // As the channels' schemas report an explicit `from` after `to`.
      reason: 'invalid_format',
    });
  }
  return { from, to };
}

/** a / b rounded half up, for a ≥ 0 and b > 0 integers (exact: no floating-point division). */
export function divideHalfUp(a: number, b: number): number {
  return b === 0 ? 0 : Math.floor((2 * a + b) / (2 * b));
}

/** Which sales count besides the range; each field is optional. */
export interface SalesFilter {
  ownerId?: number;
  customerTypeId?: number;
  regionId?: number;
  productCategoryId?: number;
  productId?: number;
}

/** A query's FROM and WHERE over the counted sales, and how it sums their amounts and orders. */
export interface CountedSales {
  sql: string;
  params: (string | number)[];
  /** Whether rows are lines `l` (several per sale) or sales `s`. */
  perLine: boolean;
  /** The sum of the counted amounts, cents. */
  amount: string;
  /** The number of sales with at least one counted line. */
  orders: string;
}

/**
 * The FROM and WHERE of a query over the counted sales in a range: sales `s` that are not
 * cancelled, found by the partial index sales_analysis in date order; the customer `c` when a
 * customer filter or `needCustomer` asks for it; and their lines `l` (by sale_id, through
 * sale_lines_analysis) only when a product filter or `perLine` needs them, with the product `p`
 * when `needProduct` does. CROSS JOIN keeps that order in SQLite: the range of sales comes first,
 * whatever the statistics say about small tables. Without lines, a sale's stored amount is the sum of its lines, and a
 * sale counts as an order when it has a line (an amount above 0 says so without looking).
 * The SQL is built from fixed pieces, so each combination of filters is one cached statement;
 * values only ever go in as parameters.
 */
export function countedSales(
  range: DateRange,
  filter: SalesFilter,
  opts: { needCustomer?: boolean; needProduct?: boolean; perLine?: boolean } = {},
): CountedSales {
  const perLine =
    !!opts.perLine ||
    !!opts.needProduct ||
    filter.productId !== undefined ||
    filter.productCategoryId !== undefined;
  const joins = ['sales s'];
  const where = ['s.sale_date BETWEEN ? AND ?', "s.status <> 'cancelled'"];
  const params: (string | number)[] = [range.from, range.to];
  if (opts.needCustomer || filter.customerTypeId !== undefined || filter.regionId !== undefined) {
    joins.push('CROSS JOIN customers c ON c.id = s.customer_id');
  }
  if (perLine) joins.push('CROSS JOIN sale_lines l ON l.sale_id = s.id');
  else where.push('(s.amount > 0 OR EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id))');
  if (opts.needProduct) joins.push('CROSS JOIN products p ON p.id = l.product_id');
  const add = (value: number | undefined, condition: string) => {
    if (value === undefined) return;
    where.push(condition);
    params.push(value);
  };
  add(filter.ownerId, '+s.owner_id = ?');
  add(filter.customerTypeId, '+c.type_id = ?');
  add(filter.regionId, '+c.region_id = ?');
  add(filter.productId, 'l.product_id = ?');
  // `+l.product_id`: a category holds many products, so its lines are found from the sales in the
  // range, not by walking every line of its products (one product's lines are few: by index).
  add(filter.productCategoryId, '+l.product_id IN (SELECT id FROM products WHERE category_id = ?)');
  return {
    sql: `FROM ${joins.join(' ')} WHERE ${where.join(' AND ')}`,
    params,
    perLine,
    amount: perLine ? 'sum(l.amount)' : 'sum(s.amount)',
    orders: perLine ? 'count(DISTINCT s.id)' : 'count(*)',
  };
}

export interface Bucket {
  key: string;
  start: string;
  end: string;
}

/** Most buckets one trend may have (a day-by-day trend over about 13½ years). */
export const MAX_BUCKETS = 5000;

/** The calendar buckets over a range, each cut to the range. */
export function calendarBuckets(range: DateRange, period: TrendPeriod): Bucket[] {
  const buckets: Bucket[] = [];
  for (let start = range.from; start <= range.to;) {
    const last = periodEnd(start, period);
    const end = last < range.to ? last : range.to;
    buckets.push({ key: periodKey(start, period), start, end });
    if (buckets.length > MAX_BUCKETS) {
      throw new AppError('VALIDATION', `A trend has at most ${MAX_BUCKETS} buckets: pick a longer period`, {
        field: 'period',
        reason: 'too_big',
        limit: MAX_BUCKETS,
      });
    }
    start = addDays(end, 1);
  }
  return buckets;
}

/**
 * The range of the same length just before `range`, cut into as many buckets as `current`, the
 * i-th beside the i-th: its calendar buckets when there are as many (12 months before 12 months,
 * a partial first month included), otherwise each of `current`'s buckets moved back by the
 * range's length in days (a range that does not start and end on the period's bounds can
 * straddle one calendar bucket more or fewer before it). Keys are those of each bucket's first day.
 */
export function previousBuckets(range: DateRange, period: TrendPeriod, current: Bucket[]): Bucket[] {
  const days = daysIn(range);
  const previous = { from: addDays(range.from, -days), to: addDays(range.from, -1) };
  const calendar = calendarBuckets(previous, period);
  if (calendar.length === current.length) return calendar;
  return current.map((b) => {
    const start = addDays(b.start, -days);
    return { key: periodKey(start, period), start, end: addDays(b.end, -days) };
  });
}

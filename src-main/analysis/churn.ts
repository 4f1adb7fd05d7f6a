import type { ChannelParsedInput, ChurnPage, ChurnRow } from '../contract';
import { daysBetween } from '../contract/dates';
import { stmt } from '../db/statements';
import type { HandlerContext } from '../records/context';
import { customerNames, pageOf, today } from './customer-dates';

/**
 * The days each customer bought on (sales not cancelled) up to asOf, in customer then date
 * order, straight from the partial index sales_customer_revenue. Two sales on one day are one
 * purchase: the usual interval is between purchase days.
 */
const PURCHASE_DAYS_SQL = `SELECT customer_id, sale_date FROM sales
  WHERE sale_date <= ? AND status <> 'cancelled'
  GROUP BY customer_id, sale_date
  ORDER BY customer_id, sale_date`;

/** The middle value of sorted numbers; the mean of the two middle ones for an even count. */
function median(sorted: number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

type Warning = Omit<ChurnRow, 'code' | 'name'>;

/** Decides one customer's warning from its purchase days (sorted, at least one). */
function warningFor(customerId: number, days: string[], asOf: string, limit: number): Warning | null {
  const lastSaleDate = days[days.length - 1]!;
  const daysSince = daysBetween(lastSaleDate, asOf);
  let usualIntervalDays: number | null = null;
  if (days.length >= 2) {
    const gaps = days.slice(1).map((d, i) => daysBetween(days[i]!, d));
    usualIntervalDays = median(gaps.sort((a, b) => a - b));
  }
  const base = { customerId, lastSaleDate, daysSince, usualIntervalDays };
  if (daysSince >= limit) return { ...base, reason: 'no_purchase' };
  if (usualIntervalDays !== null && daysSince > 2 * usualIntervalDays) return { ...base, reason: 'gap' };
  return null;
}

/**
 * 流失预警: customers who bought before but not in the last `days` days (no_purchase), or who
 * have been silent for more than twice their median interval between purchase days while still
 * inside `days` (gap; needs two purchase days). Most silent first, ties by code.
 */
export function churnAnalysis(ctx: HandlerContext, input: ChannelParsedInput<'analysis.churn'>): ChurnPage {
  const asOf = input.asOf ?? today(ctx);
  const warnings: Warning[] = [];
  let current: number | null = null;
  let days: string[] = [];
  const flush = () => {
    const w = current === null ? null : warningFor(current, days, asOf, input.days);
    if (w) warnings.push(w);
  };
  for (const [customerId, day] of stmt(ctx.db, PURCHASE_DAYS_SQL).raw().iterate(asOf) as Iterable<
    [number, string]
  >) {
    if (customerId !== current) {
      flush();
      current = customerId;
      days = [];
    }
    days.push(day);
  }
  flush();

  const names = customerNames(
    ctx.db,
    warnings.map((w) => w.customerId),
  );
  const rows = warnings
    .map((w): ChurnRow => ({ ...w, ...names.get(w.customerId)! }))
    .sort((a, b) => b.daysSince - a.daysSince || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return pageOf(rows, input.page, input.pageSize);
}

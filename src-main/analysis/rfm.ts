import type { ChannelParsedInput, RfmResult, RfmRow } from '../contract';
import { daysBetween } from '../contract/dates';
import { stmt } from '../db/statements';
import type { HandlerContext } from '../records/context';
import { customerNames, today } from './customer-dates';

/**
 * Each customer's last sale day, number of sales and their sum, over the sales up to asOf that
 * are not cancelled (one pass over the partial index sales_customer_revenue, in customer order).
 */
const MEASURES_SQL = `SELECT customer_id, max(sale_date), count(*), sum(amount) FROM sales
  WHERE sale_date <= ? AND status <> 'cancelled'
  GROUP BY customer_id`;

type Measures = [id: number, last: string, frequency: number, monetary: number];

/** NTILE(n) of the 0-based position `p` among `count` rows: the first `count % n` tiles hold one more. */
export function ntile(p: number, count: number, n: number): number {
  const small = Math.floor(count / n);
  const big = small + 1;
  const bigRows = (count % n) * big;
  return p < bigRows ? Math.floor(p / big) + 1 : (count % n) + Math.floor((p - bigRows) / small) + 1;
}

/** The first position in ascending `sorted` holding a value ≥ `v`. */
function lowerBound(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Quintile scores for one measure: customers ordered worst first get NTILE(5) by position, and
 * every customer with an equal value gets the tile where that value's group starts, which is
 * where the value first appears in the sorted values.
 */
function quintiles(values: Float64Array): Uint8Array {
  const sorted = values.slice().sort();
  const scores = new Uint8Array(values.length);
  values.forEach((v, i) => (scores[i] = ntile(lowerBound(sorted, v), values.length, 5)));
  return scores;
}

/**
 * RFM scores of every customer with a sale (not cancelled) up to asOf. Each measure is split
 * into quintiles, NTILE(5) over the customers ordered worst first (oldest last sale, fewest
 * sales, least spent), so 5 is the best fifth. Ties: customers with the same value share a score,
 * the tile in which their group of equal values starts (the lowest NTILE in the group). So when
 * 40 % of customers bought once, they all score F 1, and a score may be skipped. Listed best
 * first: by R, then F, then M descending, then by amount spent, then by customer id.
 */
export function rfmAnalysis(ctx: HandlerContext, input: ChannelParsedInput<'analysis.rfm'>): RfmResult {
  const asOf = input.asOf ?? today(ctx);
  const measures = stmt(ctx.db, MEASURES_SQL).raw().all(asOf) as Measures[];
  // 2026-03-05 → 20260305: dates order as numbers.
  const r = quintiles(Float64Array.from(measures, (x) => Number(x[1].replaceAll('-', ''))));
  const f = quintiles(Float64Array.from(measures, (x) => x[2]));
  const m = quintiles(Float64Array.from(measures, (x) => x[3]));

  // Customers by their three-digit score ("555" … "111"), each group in customer id order.
  const groups = new Map<number, number[]>();
  const grid = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
  const wanted = input.score ? Number(input.score) : null;
  measures.forEach((_, i) => {
    grid[r[i]! - 1]![f[i]! - 1]!++;
    const score = r[i]! * 100 + f[i]! * 10 + m[i]!;
    if (wanted !== null && score !== wanted) return;
    const group = groups.get(score);
    if (group) group.push(i);
    else groups.set(score, [i]);
  });
  // Walk the groups best first; only the groups the page falls in are sorted, by amount spent.
  const start = (input.page - 1) * input.pageSize;
  const end = start + input.pageSize;
  const page: number[] = [];
  let seen = 0;
  for (const score of [...groups.keys()].sort((a, b) => b - a)) {
    const group = groups.get(score)!;
    if (seen < end && seen + group.length > start) {
      group.sort((a, b) => measures[b]![3] - measures[a]![3]);
      page.push(...group.slice(Math.max(0, start - seen), end - seen));
    }
    seen += group.length;
  }

  const names = customerNames(
    ctx.db,
    page.map((i) => measures[i]![0]),
  );
  const rows = page.map((i): RfmRow => {
    const [customerId, lastSaleDate, frequency, monetary] = measures[i]!;
    return {
      customerId,
      ...names.get(customerId)!,
      lastSaleDate,
      recencyDays: daysBetween(lastSaleDate, asOf),
      frequency,
      monetary,
      r: r[i]!,
      f: f[i]!,
      m: m[i]!,
    };
  });
  return {
    asOf,
    customers: measures.length,
    grid,
    rows: { rows, total: seen, page: input.page, pageSize: input.pageSize },
  };
}

import type { AbcResult, AbcRow, ChannelParsedInput } from '../contract';
import { yearEnding } from '../contract/dates';
import { stmt } from '../db/statements';
import type { HandlerContext } from '../records/context';
import { today } from './customer-dates';

type Cls = AbcRow['cls'];
const CLASSES: readonly Cls[] = ['A', 'B', 'C'];

/**
 * Each customer's revenue in the window: its sales that are not cancelled (a sale's amount is
 * the sum of its lines), largest first, ties by code. Customers without revenue are left out.
 */
const REVENUE_SQL = `SELECT r.id, c.code, c.name, r.revenue
  FROM (
    SELECT customer_id AS id, sum(amount) AS revenue FROM sales
    WHERE sale_date BETWEEN ? AND ? AND status <> 'cancelled'
    GROUP BY customer_id
  ) r JOIN customers c ON c.id = r.id
  WHERE r.revenue > 0
  ORDER BY r.revenue DESC, c.code`;

/**
 * The class of a customer whose predecessors down the list hold `before` of `total` cents:
 * A while that is under 80 % (so the customer that crosses 80 % is still A), B under 95 %, else
 * C. Compared in integers, so a boundary exactly at 80 % is exact.
 */
function classOf(before: number, total: number): Cls {
  if (before * 100 < total * 80) return 'A';
  if (before * 100 < total * 95) return 'B';
  return 'C';
}

/** ABC (Pareto) classification on the 12 months ending asOf. */
export function abcAnalysis(ctx: HandlerContext, input: ChannelParsedInput<'analysis.abc'>): AbcResult {
  const { from, to } = yearEnding(input.asOf ?? today(ctx));
  const revenues = stmt(ctx.db, REVENUE_SQL).raw().all(from, to) as [number, string, string, number][];
  const total = revenues.reduce((sum, r) => sum + r[3], 0);
  const summary = new Map(CLASSES.map((cls) => [cls, { cls, customers: 0, revenue: 0, share: 0 }]));
  // Only the requested page becomes row objects; the rest is counted.
  const start = (input.page - 1) * input.pageSize;
  const rows: AbcRow[] = [];
  let matching = 0;
  let before = 0;
  for (const [customerId, code, name, revenue] of revenues) {
    const cls = classOf(before, total);
    before += revenue;
    const s = summary.get(cls)!;
    s.customers++;
    s.revenue += revenue;
    if (input.cls && input.cls !== cls) continue;
    if (matching >= start && rows.length < input.pageSize) {
      rows.push({
        customerId,
        code,
        name,
        revenue,
        share: revenue / total,
        cumulativeShare: before / total,
        cls,
      });
    }
    matching++;
  }
  const classes = [...summary.values()].map((s) => ({ ...s, share: total ? s.revenue / total : 0 }));
  return {
    from,
    to,
    total,
    classes,
    rows: { rows, total: matching, page: input.page, pageSize: input.pageSize },
  };
}

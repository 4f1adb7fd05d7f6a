import type { ChannelParsedInput, ClvPage, ClvRow, ProfitPage, ProfitRow } from '../contract';
import { yearEnding } from '../contract/dates';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import type { HandlerContext } from '../records/context';
import { resolveRange } from './common';
import { limitOffset, roundCents, today } from './customer-dates';

/**
 * Each customer's profit over a range (both ends included, bound as @from and @to): revenue is the
 * sum of its line amounts on sales that are not cancelled; cost of goods is Σ quantity × the
 * product's cost now, each line rounded half up to the cent in integers (quantity in
 * thousandths); expenses are those booked to the customer in the range. A customer with lines or
 * expenses in the range is listed.
 */
const PROFIT_CTE = `WITH sold AS (
    SELECT s.customer_id AS id, sum(l.amount) AS revenue,
      sum((CAST(round(l.quantity * 1000) AS INTEGER) * p.cost + 500) / 1000) AS cogs
    FROM sales s
      JOIN sale_lines l ON l.sale_id = s.id
      JOIN products p ON p.id = l.product_id
    WHERE s.sale_date BETWEEN @from AND @to AND s.status <> 'cancelled'
    GROUP BY s.customer_id
  ), spent AS (
    SELECT customer_id AS id, sum(amount) AS expenses FROM expenses
    WHERE customer_id IS NOT NULL AND expense_date BETWEEN @from AND @to
    GROUP BY customer_id
  ), listed AS (SELECT id FROM sold UNION SELECT id FROM spent),
  profits AS (
    SELECT c.id AS customerId, c.code, c.name,
      coalesce(sold.revenue, 0) AS revenue, coalesce(sold.cogs, 0) AS costOfGoods,
      coalesce(spent.expenses, 0) AS expenses,
      coalesce(sold.revenue, 0) - coalesce(sold.cogs, 0) - coalesce(spent.expenses, 0) AS profit
    FROM listed JOIN customers c ON c.id = listed.id
      LEFT JOIN sold ON sold.id = listed.id
      LEFT JOIN spent ON spent.id = listed.id
  )`;

/** The orders a profit table offers; fixed pieces, so the statements stay few. Ties by code. */
const ORDERS = {
  profit: { asc: 'profit ASC, code', desc: 'profit DESC, code' },
  revenue: { asc: 'revenue ASC, code', desc: 'revenue DESC, code' },
  // Customers without revenue have no margin: last either way.
  margin: { asc: 'margin IS NULL, margin ASC, code', desc: 'margin IS NULL, margin DESC, code' },
} as const;

const pageSql = (order: string) => `${PROFIT_CTE}
  SELECT customerId, code, name, revenue, costOfGoods, expenses, profit,
    CASE WHEN revenue > 0 THEN CAST(profit AS REAL) / revenue END AS margin,
    count(*) OVER () AS total
  FROM profits ORDER BY ${order} LIMIT @limit OFFSET @offset`;

const COUNT_SQL = `${PROFIT_CTE} SELECT count(*) FROM profits`;

/** One page of profit rows in the given order, and how many customers there are. */
function profitPage(
  db: Db,
  range: { from: string; to: string },
  order: string,
  page: number,
  pageSize: number,
): { rows: ProfitRow[]; total: number } {
  const [limit, offset] = limitOffset(page, pageSize);
  const found = stmt<ProfitRow & { total: number }>(db, pageSql(order)).all({ ...range, limit, offset });
  // Past the last page there is no row to carry the count.
  const total = found[0]?.total ?? (page > 1 ? (stmt(db, COUNT_SQL).pluck().get(range) as number) : 0);
  return { rows: found.map(({ total: _, ...row }) => row), total };
}

/** 客户盈利: revenue − cost of goods − expenses per customer over a range. */
export function profitAnalysis(
  ctx: HandlerContext,
  input: ChannelParsedInput<'analysis.profit'>,
): ProfitPage {
  const range = resolveRange(ctx, input);
  const { rows, total } = profitPage(
    ctx.db,
    range,
    ORDERS[input.sort][input.direction],
    input.page,
    input.pageSize,
  );
  return { rows, total, page: input.page, pageSize: input.pageSize };
}

/**
 * Customer lifetime value: R, the last 12 months' profit (as profitAnalysis, on the 12 months
 * ending asOf), times the annuity factor (1 − (1 + r)^−n) / r, rounded half up to the cent.
 * The factor is positive, so the largest profit has the largest CLV: the page is read in profit
 * order.
 */
export function clvAnalysis(ctx: HandlerContext, input: ChannelParsedInput<'analysis.clv'>): ClvPage {
  const range = yearEnding(input.asOf ?? today(ctx));
  const factor = (1 - (1 + input.rate) ** -input.years) / input.rate;
  const { rows, total } = profitPage(ctx.db, range, ORDERS.profit.desc, input.page, input.pageSize);
  return {
    rows: rows.map((r): ClvRow => ({
      customerId: r.customerId,
      code: r.code,
      name: r.name,
      yearlyProfit: r.profit,
      clv: roundCents(r.profit * factor),
    })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

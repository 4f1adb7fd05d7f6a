/** 销售构成 Sales composition: each group's share of the counted line amounts, the top N and the rest. */
import type { CompositionDimension, CompositionInput, CompositionResult, CompositionRow } from '../contract';
import { stmt } from '../db/statements';
import type { HandlerContext } from '../records/context';
import { countedSales, resolveRange, type DateRange, type SalesFilter } from './common';
import { refreshCustomerSaleSequence, refreshSalesCategoryDays } from './rollups';

interface Dimension {
  /** The group's id, null for "none". */
  id: string;
  /** Lines decide the group (a sale's lines can fall in several), or the sale does. */
  perLine?: boolean;
  needCustomer?: boolean;
  needProduct?: boolean;
  /** The group's name now, from the grouped row `g` (its id is g.gid). */
  name: string;
}

/** A base-data entry's name: the Chinese one, else the English. */
const baseName = `(SELECT coalesce(nullif(b.name_zh, ''), b.name_en) FROM base_items b WHERE b.id = g.gid)`;

const dimensions: Record<CompositionDimension, Dimension> = {
  category: { id: 'p.category_id', perLine: true, needProduct: true, name: baseName },
  product: { id: 'l.product_id', perLine: true, name: '(SELECT name FROM products WHERE id = g.gid)' },
  customer: { id: '+s.customer_id', name: '(SELECT name FROM customers WHERE id = g.gid)' },
  customerType: { id: 'c.type_id', needCustomer: true, name: baseName },
  region: { id: 'c.region_id', needCustomer: true, name: baseName },
  owner: { id: '+s.owner_id', name: baseName },
};

interface GroupRow {
  id: number | null;
  name: string | null;
  amount: number;
  orders: number;
  groups: number;
  total: number;
  /** Σ orders over every group: the sales counted, when a sale is in one group only. */
  sumOrders: number;
}

/**
 * The top `top` groups of `grouped` (rows `gid, amount, orders`), largest first (ties by name,
 * then id), each row also carrying the number of groups, the total and Σ orders over all groups.
 * Names are looked up only for the groups ranked within the top (those tied with the last
 * included), not for every customer.
 */
function rankedGroups(grouped: string, name: string): string {
  return `WITH g AS (${grouped}), r AS (
      SELECT gid, amount, orders, count(*) OVER () AS groups, sum(amount) OVER () AS total,
        sum(orders) OVER () AS sumOrders, rank() OVER (ORDER BY amount DESC) AS place
      FROM g
    )
    SELECT g.gid AS id, ${name} AS name, g.amount, g.orders, g.groups, g.total, g.sumOrders
    FROM r g WHERE g.place <= ? ORDER BY g.amount DESC, name IS NULL, name, g.gid LIMIT ?`;
}

/**
 * The top groups read from the sales and their lines. The sale-level ids are written
 * `+s.customer_id`, so SQLite reads the range by date instead of walking all sales in customer
 * order to skip sorting the groups.
 */
export function compositionQuery(
  range: DateRange,
  by: CompositionDimension,
  top: number,
  filter: SalesFilter,
): { sql: string; params: (string | number)[] } {
  const dim = dimensions[by];
  const from = countedSales(range, filter, dim);
  return {
    sql: rankedGroups(
      `SELECT ${dim.id} AS gid, ${from.amount} AS amount, ${from.orders} AS orders ${from.sql} GROUP BY gid`,
      dim.name,
    ),
    params: [...from.params, top, top],
  };
}

/** The top categories from sales_category_days (one row per day and category, not every line). */
export function categoryRollupQuery(
  range: DateRange,
  top: number,
  categoryId: number | undefined,
): { sql: string; params: (string | number)[] } {
  const one = categoryId === undefined ? '' : 'AND category_id = ?';
  return {
    sql: rankedGroups(
      `SELECT nullif(category_id, 0) AS gid, sum(amount) AS amount, sum(orders) AS orders
       FROM sales_category_days WHERE sale_date BETWEEN ? AND ? ${one} GROUP BY category_id`,
      baseName,
    ),
    params: [range.from, range.to, ...(categoryId === undefined ? [] : [categoryId]), top, top],
  };
}

/** Below this many sales in the range, reading them all is as quick as the top-customers search. */
const FEW_SALES = 10_000;
/** Customers the search may look at before reading the whole range is the quicker way. */
const MAX_CANDIDATES = 5_000;
const BATCH = 256;

interface Candidate {
  id: number;
  bound: number;
  amount: number | null;
  orders: number;
}

/**
 * The top customers of a range without grouping every sale in it: customers come in order of
 * their all-time amount (customer_sales_totals), each one's amount in the range is summed from
 * its own sales, and the search stops when the next all-time amount is below the top-th range
 * amount found so far, since no later customer can reach it. Ties with the last place are all
 * kept, then ordered by name like the query above. Null when reading the range is quicker (few
 * sales, few customers, or all-time amounts that say little about this range).
 */
export function topCustomersBySearch(ctx: HandlerContext, range: DateRange, top: number): GroupRow[] | null {
  refreshCustomerSaleSequence(ctx.db);
  // A customer bought in the range when one of its sales there has no earlier one in the range.
  const totals = stmt<{ sumOrders: number; total: number; groups: number }>(
    ctx.db,
    `SELECT count(*) AS sumOrders, coalesce(sum(amount), 0) AS total,
       coalesce(sum(previous_date IS NULL OR previous_date < ?), 0) AS groups
     FROM customer_sale_sequence WHERE sale_date BETWEEN ? AND ?`,
  ).get(range.from, range.from, range.to)!;
  if (totals.sumOrders < FEW_SALES || totals.groups <= top) return null;
  const inRange = (what: string) =>
    `(SELECT ${what} FROM sales s WHERE s.customer_id = t.customer_id AND s.sale_date BETWEEN ? AND ?
        AND s.status <> 'cancelled' AND (s.amount > 0 OR EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)))`;
  const next = stmt<Candidate>(
    ctx.db,
    `SELECT t.customer_id AS id, t.amount AS bound, ${inRange('sum(s.amount)')} AS amount,
       ${inRange('count(*)')} AS orders
     FROM customer_sales_totals t WHERE (t.amount, t.customer_id) < (?, ?)
     ORDER BY t.amount DESC, t.customer_id DESC LIMIT ?`,
  );
  let kept: Candidate[] = [];
  let cut = -1;
  let after = [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER];
  for (let seen = 0; ; seen += BATCH) {
    if (seen >= MAX_CANDIDATES) return null;
    const batch = next.all(range.from, range.to, range.from, range.to, after[0], after[1], BATCH);
    const stop = batch.findIndex((c) => c.bound < cut);
    for (const c of stop < 0 ? batch : batch.slice(0, stop)) {
      if (c.orders > 0 && c.amount! >= cut) kept.push(c);
    }
    if (kept.length >= top) {
      kept.sort((a, b) => b.amount! - a.amount!);
      cut = kept[top - 1]!.amount!;
      kept = kept.filter((c) => c.amount! >= cut);
    }
    if (stop >= 0 || batch.length < BATCH) break;
    const last = batch[batch.length - 1]!;
    after = [last.bound, last.id];
  }
  const rows = stmt<Omit<GroupRow, 'groups' | 'total' | 'sumOrders'>>(
    ctx.db,
    `SELECT c.value ->> 0 AS id, (SELECT name FROM customers WHERE id = c.value ->> 0) AS name,
       c.value ->> 1 AS amount, c.value ->> 2 AS orders
     FROM json_each(?) c ORDER BY amount DESC, name IS NULL, name, id LIMIT ?`,
  ).all(JSON.stringify(kept.map((c) => [c.id, c.amount, c.orders])), top);
  return rows.map((r) => ({ ...r, ...totals }));
}

/** Whether the filter narrows the sales by anything but the product category. */
const beyondCategory = (f: SalesFilter) =>
  f.ownerId !== undefined ||
  f.customerTypeId !== undefined ||
  f.regionId !== undefined ||
  f.productId !== undefined;

/** The top groups, from a rollup when the dimension and filter allow, else from the sales. */
function topGroups(
  ctx: HandlerContext,
  range: DateRange,
  by: CompositionDimension,
  top: number,
  filter: SalesFilter,
): GroupRow[] {
  if (by === 'category' && !beyondCategory(filter)) {
    refreshSalesCategoryDays(ctx.db);
    const q = categoryRollupQuery(range, top, filter.productCategoryId);
    return stmt<GroupRow>(ctx.db, q.sql).all(...q.params);
  }
  if (by === 'customer' && !beyondCategory(filter) && filter.productCategoryId === undefined) {
    const found = topCustomersBySearch(ctx, range, top);
    if (found) return found;
  }
  const q = compositionQuery(range, by, top, filter);
  return stmt<GroupRow>(ctx.db, q.sql).all(...q.params);
}

/** Sales with a line in a group outside `ids` (0 standing for "none"): the "other" row's orders. */
function ordersOutside(
  ctx: HandlerContext,
  range: DateRange,
  by: CompositionDimension,
  filter: SalesFilter,
  ids: (number | null)[],
): number {
  const dim = dimensions[by];
  const from = countedSales(range, filter, dim);
  return stmt(
    ctx.db,
    `SELECT count(DISTINCT s.id) ${from.sql}
       AND coalesce(${dim.id}, 0) NOT IN (SELECT value FROM json_each(?))`,
  )
    .pluck()
    .get(...from.params, JSON.stringify(ids.map((id) => id ?? 0))) as number;
}

export function salesComposition(
  ctx: HandlerContext,
  input: CompositionInput & { by: CompositionDimension; top: number },
): CompositionResult {
  const range = resolveRange(ctx, input);
  const groups = topGroups(ctx, range, input.by, input.top, input);
  const first = groups[0];
  const total = first?.total ?? 0;
  const share = (amount: number) => (total === 0 ? 0 : amount / total);
  let running = 0;
  const rows: CompositionRow[] = groups.map((g) => {
    running += g.amount;
    return {
      id: g.id,
      name: g.name,
      amount: g.amount,
      orders: g.orders,
      share: share(g.amount),
      cumulativeShare: share(running),
    };
  });
  const left = (first?.groups ?? 0) - rows.length;
  let other: CompositionResult['other'] = null;
  if (first && left > 0) {
    const amount = total - running;
    const topOrders = rows.reduce((s, r) => s + r.orders, 0);
    const orders = dimensions[input.by].perLine
      ? ordersOutside(
          ctx,
          range,
          input.by,
          input,
          rows.map((r) => r.id),
        )
      : first.sumOrders - topOrders;
    other = { groups: left, amount, orders, share: share(amount) };
  }
  return { ...range, by: input.by, total, rows, other };
}

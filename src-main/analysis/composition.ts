/** 销售构成 Sales composition: each group's share of the counted line amounts, the top N and the rest. */
import type { CompositionDimension, CompositionInput, CompositionResult, CompositionRow } from '../contract';
import { stmt } from '../db/statements';
import type { HandlerContext } from '../records/context';
import { countedSales, resolveRange, type DateRange, type SalesFilter } from './common';

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
 * The top `top` groups, largest first (ties by name, then id), each row also carrying the
 * number of groups, the total and Σ orders over all groups. Names are looked up only for the
 * groups ranked within the top (those tied with the last included), not for every customer.
 * The sale-level ids are written `+s.customer_id`, so SQLite reads the range by date instead of
 * walking all sales in customer order to skip sorting the groups.
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
    sql: `WITH g AS (
        SELECT ${dim.id} AS gid, ${from.amount} AS amount, ${from.orders} AS orders
        ${from.sql} GROUP BY gid
      ), r AS (
        SELECT gid, amount, orders, count(*) OVER () AS groups, sum(amount) OVER () AS total,
          sum(orders) OVER () AS sumOrders, rank() OVER (ORDER BY amount DESC) AS place
        FROM g
      )
      SELECT g.gid AS id, ${dim.name} AS name, g.amount, g.orders, g.groups, g.total, g.sumOrders
      FROM r g WHERE g.place <= ? ORDER BY g.amount DESC, name IS NULL, name, g.gid LIMIT ?`,
    params: [...from.params, top, top],
  };
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
  const q = compositionQuery(range, input.by, input.top, input);
  const groups = stmt<GroupRow>(ctx.db, q.sql).all(...q.params);
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

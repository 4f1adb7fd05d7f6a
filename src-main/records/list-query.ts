import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { readCustom } from './custom-values';
import { searchQuery } from './search-text';

/** How one record kind's list is read: its table, joins, columns, search index and sorts. */
export interface ListSpec<Sort extends string> {
  /** The main table and its alias, e.g. `customers` and `c`. */
  table: string;
  alias: string;
  /** Extra joins for display columns, e.g. `JOIN customers c ON c.id = t.customer_id`. */
  joins?: string;
  /** The select list, already aliased to the contract's field names. */
  select: string;
  /** The FTS5 table holding one bigram row per record (see search-text.ts). */
  searchTable?: string;
  /** ORDER BY expression per sort column; the id is always the tie-breaker. */
  sortSql: Record<Sort, string>;
}

export interface ListRequest<Sort extends string> {
  /**
   * Conditions on the main table (`alias.column = ?`) with their parameters. `keepIndex` marks
   * a term whose index must stay usable even when the plan walks the sort index: one whose index
   * already yields the rows in the sort order (one customer's sales by date through
   * sales_customer (customer_id, sale_date)), or a range on the sort column itself (a date range
   * when sorting by date): hiding those would scan past every row outside them.
   * `idSet` is, for a term of the form `alias.id IN (subquery)`, a query of those ids as `id` (same
   * parameters) whose every id is a record: when all terms have one, the total is counted from
   * the index behind them alone, without visiting the records.
   */
  terms: { sql: string; params: unknown[]; keepIndex?: boolean; idSet?: string }[];
  /**
   * Walk (true) or collect (false) regardless of the count: for a caller that knows better, e.g.
   * when its kept terms' index already reads the rows in the sort order. Left out, the count
   * decides (below).
   */
  walk?: boolean;
  keyword?: string;
  sort: { column: Sort; direction: 'asc' | 'desc' };
  page: number;
  pageSize: number;
}

export interface ListPlan {
  total: number;
  /** Null when nothing can match or the page lies past the end. */
  page: { sql: string; params: unknown[] } | null;
}

/**
 * The count, and the page query chosen for it.
 *
 * A filtered page can be read two ways: collect every match through the filter's index and sort
 * them, or walk the sort column's index in order and stop after the page. The first is right for
 * few matches, the second for many (科技 matches a fifth of all customers). The count, taken first,
 * tells which: walking reads about (offset + pageSize) · rows / total entries, collecting reads
 * `total`. A unary `+` on each term stops SQLite from using the filter's index, so it walks.
 */
export function planList<Sort extends string>(
  db: Db,
  spec: ListSpec<Sort>,
  req: ListRequest<Sort>,
): ListPlan {
  const a = spec.alias;
  const terms = [...req.terms];
  let match: string | null = null;
  if (req.keyword?.trim() && spec.searchTable) {
    match = searchQuery(req.keyword);
    if (match === null) return { total: 0, page: null }; // only punctuation: nothing can match
    terms.push({
      sql: `${a}.id IN (SELECT rowid FROM ${spec.searchTable} WHERE ${spec.searchTable} MATCH ?)`,
      params: [match],
      idSet: `SELECT rowid AS id FROM ${spec.searchTable} WHERE ${spec.searchTable} MATCH ?`,
    });
  }
  const params = terms.flatMap((t) => t.params);
  const where = (prefix: string) =>
    terms.length ? `WHERE ${terms.map((t) => (t.keepIndex ? '' : prefix) + t.sql).join(' AND ')}` : '';

  // Terms that are sets of ids from an index (a keyword's search rows, custom-field values) are
  // counted by intersecting those sets: 23,000 matches need no visit to 23,000 records.
  const sets = terms.length > 0 && terms.every((t) => t.idSet) ? terms.map((t) => t.idSet!) : null;
  const total = (
    sets
      ? stmt(
          db,
          sets.length === 1
            ? `SELECT count(DISTINCT id) FROM (${sets[0]})`
            : `SELECT count(*) FROM (${sets.join(' INTERSECT ')})`,
        )
          .pluck()
          .get(...params)
      : stmt(db, `SELECT count(*) FROM ${spec.table} ${a} ${where('')}`)
          .pluck()
          .get(...params)
  ) as number;
  const offset = (req.page - 1) * req.pageSize;
  if (offset >= total) return { total, page: null };

  let walk = req.walk ?? false;
  if (req.walk === undefined && terms.length > 0) {
    const rowCount = (stmt(db, `SELECT max(id) FROM ${spec.table}`).pluck().get() as number | null) ?? 0;
    walk = total * total > (offset + req.pageSize) * rowCount;
  }
  const dir = req.sort.direction === 'asc' ? 'ASC' : 'DESC';
  return {
    total,
    page: {
      sql: `SELECT ${spec.select} FROM ${spec.table} ${a} ${spec.joins ?? ''} ${where(walk ? '+' : '')}
     ORDER BY ${spec.sortSql[req.sort.column]} ${dir}, ${a}.id ${dir} LIMIT ? OFFSET ?`,
      params: [...params, req.pageSize, offset],
    },
  };
}

/**
 * Runs a plan: one page of rows and the total. A row with custom field values (`custom`, stored as
 * JSON text) gets them as an object, here for every list.
 */
export function runList<Row>(db: Db, plan: ListPlan, req: { page: number; pageSize: number }) {
  const rows = plan.page
    ? stmt<Row>(db, plan.page.sql)
        .all(...plan.page.params)
        .map(readCustom)
    : [];
  return { rows, total: plan.total, page: req.page, pageSize: req.pageSize };
}

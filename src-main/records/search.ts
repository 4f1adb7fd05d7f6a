import type { ChannelParsedInput, SearchHit } from '../contract';
import { searchChannels } from '../contract';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { handlersFor } from '../ipc/handler';
import { searchQuery } from './search-text';

type Kind = SearchHit['kind'];

/** What one kind's hit shows: a title, and the parts of its second line (empty ones are dropped). */
interface HitRow {
  id: number;
  title: string;
  a: string | null;
  b: string | null;
}

/**
 * Per kind, its hits' rows. `h` holds the newest `limit` matches of the kind's search table (one
 * FTS lookup, read in rowid order from the end, so it stops after `limit`); the join only adds
 * the lines shown for those few.
 */
const sources: { kind: Kind; searchTable: string; select: string }[] = [
  {
    kind: 'customer',
    searchTable: 'customer_search',
    select: `SELECT c.id, c.name AS title, c.code AS a, coalesce(c.phone, c.mobile) AS b
             FROM h JOIN customers c ON c.id = h.id`,
  },
  {
    kind: 'contact',
    searchTable: 'contact_search',
    select: `SELECT k.id, k.name AS title, c.name AS a, coalesce(k.mobile, k.phone) AS b
             FROM h JOIN contacts k ON k.id = h.id JOIN customers c ON c.id = k.customer_id`,
  },
  {
    kind: 'opportunity',
    searchTable: 'opportunity_search',
    select: `SELECT o.id, o.title, o.code AS a, c.name AS b
             FROM h JOIN opportunities o ON o.id = h.id JOIN customers c ON c.id = o.customer_id`,
  },
  {
    kind: 'sale',
    searchTable: 'sale_search',
    select: `SELECT s.id, s.code AS title, c.name AS a, s.sale_date AS b
             FROM h JOIN sales s ON s.id = h.id JOIN customers c ON c.id = s.customer_id`,
  },
  {
    kind: 'product',
    searchTable: 'product_search',
    select: `SELECT p.id, p.name AS title, p.code AS a, NULL AS b
             FROM h JOIN products p ON p.id = h.id`,
  },
];

/** Each kind's query; parameters: the MATCH expression and the limit. Exported for the plan test. */
export const globalSearchQueries = sources.map(({ kind, searchTable, select }) => ({
  kind,
  sql: `WITH h AS MATERIALIZED (
          SELECT rowid AS id FROM ${searchTable} WHERE ${searchTable} MATCH ? ORDER BY rowid DESC LIMIT ?
        )
        ${select} ORDER BY h.id DESC`,
}));

/**
 * 全局查找 (Ctrl/Cmd+K): customers, contacts, opportunities, sales and products whose search text
 * holds the query as a substring, the newest `limit` of each kind, grouped by kind in that order.
 * A query with no letter or digit finds nothing.
 */
export function globalSearch(db: Db, input: ChannelParsedInput<'search.global'>): SearchHit[] {
  const match = searchQuery(input.query);
  if (match === null) return [];
  const hits: SearchHit[] = [];
  for (const { kind, sql } of globalSearchQueries) {
    const rows = stmt<HitRow>(db, sql).all(match, input.limit);
    for (const r of rows) {
      const parts = [r.a, r.b].filter((p): p is string => !!p);
      hits.push({ kind, id: r.id, title: r.title, subtitle: parts.length ? parts.join(' · ') : null });
    }
  }
  return hits;
}

export const searchHandlers = handlersFor(searchChannels, {
  'search.global': (ctx, input) => globalSearch(ctx.db, input),
});

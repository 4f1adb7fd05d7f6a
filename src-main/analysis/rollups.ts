/**
 * The rollups of migration 0008 that triggers only mark as stale: brought up to date here, before
 * an analysis reads them, by recomputing the stale days or opportunities from the records. Each
 * refresh is one transaction and does nothing when nothing is stale (one indexed lookup), so an
 * analysis after a few edits recomputes a few days, and the first one after an upgrade or a bulk
 * load builds the table once.
 */
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { noJobControl, type JobControl } from '../jobs/control';

/** 赢单's place: after every open stage's sort order. */
export const WON_PLACE = 1_000_000_000;

/**
 * The stages an opportunity can be counted at, with their place in the funnel: active open
 * stages by their base-data sort order, then 赢单. 输单 and switched-off stages are no place.
 */
export const STAGE_PLACES = `(SELECT id, CASE WHEN key = 'won' THEN ${WON_PLACE} ELSE sort_order END AS place
  FROM base_items WHERE kind = 'opportunity_stage'
    AND (key = 'won' OR (active = 1 AND coalesce(key, '') <> 'lost')))`;

/**
 * On a file open read-only, the rollup and its stale marks are copied into TEMP tables of the
 * same names (with their indexes), which SQLite reads before the file's own: the refresh then
 * brings the copies up to date and the analyses read those, while the file is never written.
 */
function shadowInTemp(db: Db, tables: string[]): void {
  for (const table of tables) {
    if (stmt(db, 'SELECT EXISTS (SELECT 1 FROM temp.sqlite_schema WHERE name = ?)').pluck().get(table))
      continue;
    const objects = stmt<{ type: string; sql: string }>(
      db,
      "SELECT type, sql FROM main.sqlite_schema WHERE tbl_name = ? AND sql IS NOT NULL AND type IN ('table', 'index') ORDER BY type = 'index'",
    ).all(table);
    for (const { type, sql } of objects) {
      db.exec(
        type === 'table'
          ? sql.replace(/^CREATE TABLE/i, 'CREATE TEMP TABLE')
          : sql.replace(/^CREATE INDEX (\w+)/i, 'CREATE INDEX temp.$1'),
      );
      if (type === 'table') db.exec(`INSERT INTO temp."${table}" SELECT * FROM main."${table}"`);
    }
  }
}

function refresh(db: Db, table: string, staleTable: string, steps: string[]): void {
  if (!stmt(db, `SELECT EXISTS (SELECT 1 FROM ${staleTable})`).pluck().get()) return;
  if (db.readonly) shadowInTemp(db, [table, staleTable]);
  db.transaction(() => {
    for (const sql of steps) stmt(db, sql).run();
  })();
}

/**
 * sales_category_days for the stale days: the line amounts of the sales that are not cancelled by
 * day and product category (0 for none), and how many sales have a line in it, exactly as
 * analysis.composition counts them from the lines.
 */
export function refreshSalesCategoryDays(db: Db): void {
  refresh(db, 'sales_category_days', 'sales_category_days_stale', [
    `DELETE FROM sales_category_days WHERE sale_date IN (SELECT sale_date FROM sales_category_days_stale)`,
    `INSERT INTO sales_category_days (sale_date, category_id, amount, orders)
     SELECT s.sale_date, coalesce(p.category_id, 0), sum(l.amount), count(DISTINCT s.id)
     FROM sales_category_days_stale d
     CROSS JOIN sales s ON s.sale_date = d.sale_date
     CROSS JOIN sale_lines l ON l.sale_id = s.id
     CROSS JOIN products p ON p.id = l.product_id
     WHERE s.status <> 'cancelled'
     GROUP BY s.sale_date, coalesce(p.category_id, 0)`,
    `DELETE FROM sales_category_days_stale`,
  ]);
}

/**
 * customer_sale_sequence for the customers with a stale mark, or for all when the stale id 0 says
 * so: their counted sales (as analysis.composition counts sales: not cancelled, with a line or
 * an amount), each with the date of the customer's counted sale before it.
 */
export function refreshCustomerSaleSequence(db: Db): void {
  const all = `EXISTS (SELECT 1 FROM customer_sale_sequence_stale WHERE customer_id = 0)`;
  refresh(db, 'customer_sale_sequence', 'customer_sale_sequence_stale', [
    `DELETE FROM customer_sale_sequence WHERE ${all}
       OR customer_id IN (SELECT customer_id FROM customer_sale_sequence_stale)`,
    `INSERT INTO customer_sale_sequence (sale_id, customer_id, sale_date, previous_date, amount)
     SELECT s.id, s.customer_id, s.sale_date,
       lag(s.sale_date) OVER (PARTITION BY s.customer_id ORDER BY s.sale_date, s.id), s.amount
     FROM sales s
     WHERE (${all} OR s.customer_id IN (SELECT customer_id FROM customer_sale_sequence_stale))
       AND s.status <> 'cancelled'
       AND (s.amount > 0 OR EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id))`,
    `DELETE FROM customer_sale_sequence_stale`,
  ]);
}

/** The furthest place an opportunity `o` reached by a move (a row from one stage to another). */
const FURTHEST_STAGE = `(SELECT b.id FROM opportunity_stage_history h
    CROSS JOIN ${STAGE_PLACES} b ON b.id = h.to_stage_id
    WHERE h.opportunity_id = o.id AND h.from_stage_id IS NOT h.to_stage_id
    ORDER BY b.place DESC LIMIT 1)`;

/**
 * opportunity_furthest for the stale opportunities, or for all of them when the stale id 0 says
 * the order of the stages changed: each one's creation time and furthest stage.
 */
export function refreshOpportunityFurthest(db: Db): void {
  const all = `EXISTS (SELECT 1 FROM opportunity_furthest_stale WHERE opportunity_id = 0)`;
  refresh(db, 'opportunity_furthest', 'opportunity_furthest_stale', [
    `DELETE FROM opportunity_furthest WHERE ${all}
       OR opportunity_id IN (SELECT opportunity_id FROM opportunity_furthest_stale)`,
    `INSERT INTO opportunity_furthest (opportunity_id, created_at, stage_id)
     SELECT o.id, o.created_at, ${FURTHEST_STAGE} FROM opportunities o
     WHERE ${all} OR o.id IN (SELECT opportunity_id FROM opportunity_furthest_stale)`,
    `DELETE FROM opportunity_furthest_stale`,
  ]);
}

/** Each rollup that triggers mark stale, by the name the screens give its step, with its refresh. */
const ROLLUPS: [string, (db: Db) => void][] = [
  ['sales_category_days', refreshSalesCategoryDays],
  ['customer_sale_sequence', refreshCustomerSaleSequence],
  ['opportunity_furthest', refreshOpportunityFurthest],
];

/**
 * Brings every rollup up to date at once, one step per rollup (the job after a bulk change, so
 * the next analysis reads at once); a cancel between steps rolls the job's transaction back.
 */
export function rebuildRollups(db: Db, job: JobControl = noJobControl): { rebuilt: string[] } {
  const rebuilt: string[] = [];
  db.transaction(() => {
    for (const [i, [name, refresh]] of ROLLUPS.entries()) {
      job.progress(`rollups.${name}`, i, ROLLUPS.length);
      refresh(db);
      rebuilt.push(name);
      job.checkpoint();
    }
    job.progress('rollups.done', ROLLUPS.length, ROLLUPS.length);
  }).immediate();
  return { rebuilt };
}

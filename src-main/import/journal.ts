import { importKinds, type ImportKind } from '../contract/import';
import { rebuildRollups } from '../analysis/rollups';
import { AppError, notFound } from '../db/errors';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { searchIndexers } from '../records/search-indexers';

/**
 * The journal of an import (migration 0011): the import's own row, and what it did to each record,
 * so that 撤销导入 takes the whole import back as one step: records it made are deleted, records it
 * changed get their columns back. Written in the import's transaction, so a cancelled import leaves
 * no journal either.
 */

/** The tables an import writes records into, one per record kind (a sale's lines go with their sale). */
export const importTables = importKinds;
export type ImportTable = ImportKind;

export interface ImportStart {
  kind: string;
  fileName: string;
  source?: unknown;
  mapping?: unknown;
  options?: unknown;
  startedAt: string;
}

/** Starts an import's entry; its id. The code counters are kept as they are, for undo. */
export function beginImport(db: Db, start: ImportStart): number {
  const counters = Object.fromEntries(
    stmt<{ prefix: string; last_value: number }>(db, 'SELECT prefix, last_value FROM code_counters')
      .all()
      .map((r) => [r.prefix, r.last_value]),
  );
  const result = stmt(
    db,
    `INSERT INTO imports (kind, file_name, source, mapping, options, counters, started_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    start.kind,
    start.fileName,
    JSON.stringify(start.source ?? {}),
    JSON.stringify(start.mapping ?? {}),
    JSON.stringify(start.options ?? {}),
    JSON.stringify(counters),
    start.startedAt,
  );
  return Number(result.lastInsertRowid);
}

export function finishImport(db: Db, importId: number, counts: unknown, finishedAt: string): void {
  stmt(db, 'UPDATE imports SET counts = ?, finished_at = ? WHERE id = ?').run(
    JSON.stringify(counts),
    finishedAt,
    importId,
  );
}

const nextSeq = (db: Db, importId: number) =>
  (stmt<{ n: number }>(
    db,
    'SELECT coalesce(max(seq), 0) + 1 AS n FROM import_changes WHERE import_id = ?',
  ).get(importId)?.n ?? 1) as number;

/** The import made these records (a batch of one kind, in the order made). */
export function journalCreated(
  db: Db,
  importId: number,
  table: ImportTable,
  rowIds: readonly number[],
): void {
  if (rowIds.length === 0) return;
  stmt(
    db,
    `INSERT INTO import_changes (import_id, table_name, row_id, action, before, seq)
     SELECT ?, ?, value, 'created', NULL, ? + key FROM json_each(?)`,
  ).run(importId, table, nextSeq(db, importId), JSON.stringify(rowIds));
}

/**
 * The import is about to change this record: its columns as they are now are kept (once: a record
 * the import made, or changed before, keeps its first entry).
 */
export function journalBeforeUpdate(db: Db, importId: number, table: ImportTable, rowId: number): void {
  const row = stmt<Record<string, unknown>>(db, `SELECT * FROM ${table} WHERE id = ?`).get(rowId);
  if (!row) throw notFound(table, rowId);
  stmt(
    db,
    `INSERT INTO import_changes (import_id, table_name, row_id, action, before, seq)
     VALUES (?, ?, ?, 'updated', ?, ?) ON CONFLICT DO NOTHING`,
  ).run(importId, table, rowId, JSON.stringify(row), nextSeq(db, importId));
}

interface Change {
  table_name: ImportTable;
  row_id: number;
  action: 'created' | 'updated';
  before: string | null;
}

/**
 * 撤销导入: in one transaction, the records the import changed get their columns back and the ones
 * it made are deleted (newest first, so a sale goes before the customer it was made for; a sale's
 * lines go with it), and the code counters go back when nothing took a code since. Refused
 * (CONFLICT, reason `changed_since_import`) when a record it made or changed was changed since, so
 * that undoing never throws away later work; and when it was undone already.
 */
export function undoImport(db: Db, importId: number, now: string): { deleted: number; restored: number } {
  return db
    .transaction(() => {
      const entry = stmt<{ finished_at: string | null; undone_at: string | null; counters: string }>(
        db,
        'SELECT finished_at, undone_at, counters FROM imports WHERE id = ?',
      ).get(importId);
      if (!entry) throw notFound('imports', importId);
      if (entry.undone_at) {
        throw new AppError('CONFLICT', `Import ${importId} was undone already`, { reason: 'already_undone' });
      }
      const changes = stmt<Change>(
        db,
        'SELECT table_name, row_id, action, before FROM import_changes WHERE import_id = ? ORDER BY seq DESC',
      ).all(importId);
      const finishedAt = entry.finished_at ?? now;
      const changedSince = changes.filter((c) => {
        const row = stmt<{ updated_at: string | null }>(
          db,
          `SELECT updated_at FROM ${c.table_name} WHERE id = ?`,
        ).get(c.row_id);
        return row !== undefined && row.updated_at !== null && row.updated_at > finishedAt;
      });
      const later = changedSince.length + laterDependents(db, importId);
      if (later > 0) {
        throw new AppError(
          'CONFLICT',
          `${later} record(s) were changed or added to import ${importId} after it`,
          {
            reason: 'changed_since_import',
            params: { count: later },
          },
        );
      }
      let deleted = 0;
      let restored = 0;
      // Search rows to write again: a changed record's own, and a customer's whose contact went
      // (a customer is found by its contacts' names too).
      const reindex: [ImportTable, number][] = [];
      for (const change of changes) {
        if (change.action === 'created') {
          if (change.table_name === 'contacts') {
            const owner = stmt<{ customer_id: number }>(
              db,
              'SELECT customer_id FROM contacts WHERE id = ?',
            ).get(change.row_id);
            if (owner) reindex.push(['customers', owner.customer_id]);
          }
          deleted += stmt(db, `DELETE FROM ${change.table_name} WHERE id = ?`).run(change.row_id).changes;
        } else {
          restored += restoreRow(db, change.table_name, change.row_id, JSON.parse(change.before!));
          reindex.push([change.table_name, change.row_id]);
        }
      }
      // A deleted row's search row went with it (trigger); writing one for it is a no-op.
      for (const [table, id] of reindex) searchIndexers[table]?.(db, id);
      restoreCounters(db, JSON.parse(entry.counters) as Record<string, number>, changes);
      // Sales and opportunities feed the analyses' rollups (the trend, the funnel).
      if (changes.some((c) => c.table_name === 'sales' || c.table_name === 'opportunities'))
        settleRollups(db);
      stmt(db, 'UPDATE imports SET undone_at = ? WHERE id = ?').run(now, importId);
      return { deleted, restored };
    })
    .immediate();
}

/**
 * Records made after the import that belong to one it made (a contact added by hand to an imported
 * customer): deleting their parent would take them with it.
 */
function laterDependents(db: Db, importId: number): number {
  let count = 0;
  for (const child of importTables) {
    const links = stmt<{ table: string; from: string }>(
      db,
      `SELECT "table", "from" FROM pragma_foreign_key_list(?)`,
    )
      .all(child)
      .filter((l) => (importTables as readonly string[]).includes(l.table));
    for (const link of links) {
      count += stmt<{ n: number }>(
        db,
        `SELECT count(*) AS n FROM ${child}
         WHERE "${link.from}" IN (SELECT row_id FROM import_changes
                                  WHERE import_id = ? AND table_name = ? AND action = 'created')
           AND id NOT IN (SELECT row_id FROM import_changes
                          WHERE import_id = ? AND table_name = ? AND action = 'created')`,
      ).get(importId, link.table, importId, child)!.n;
    }
  }
  return count;
}

/**
 * The analysis totals the deleted sales and opportunities leave behind (kept by triggers, migration
 * 0008): a customer's total at 0 with no sale counted is no total at all, nor is a stage's pipeline
 * with no opportunity; and the days, customers and opportunities marked
 * to refresh are refreshed now, so these tables too are as they were before the import.
 */
function settleRollups(db: Db): void {
  stmt(
    db,
    `DELETE FROM customer_sales_totals WHERE amount = 0 AND NOT EXISTS (
       SELECT 1 FROM sales s WHERE s.customer_id = customer_sales_totals.customer_id AND s.status <> 'cancelled')`,
  ).run();
  // A stage with no open opportunity left is no row, as before the import.
  stmt(db, 'DELETE FROM pipeline_by_stage WHERE opportunities = 0').run();
  rebuildRollups(db);
}

function restoreRow(db: Db, table: ImportTable, id: number, before: Record<string, unknown>): number {
  const columns = Object.keys(before).filter((c) => c !== 'id');
  const sql = `UPDATE ${table} SET ${columns.map((c) => `"${c}" = ?`).join(', ')} WHERE id = ?`;
  return stmt(db, sql).run(...columns.map((c) => before[c]), id).changes;
}

/**
 * The code counters go back to their values before the import: the next record gets the code it
 * would have had. A code still in use is never handed out twice (nextCode skips taken ones).
 */
function restoreCounters(db: Db, before: Record<string, number>, changes: Change[]): void {
  if (!changes.some((c) => c.action === 'created')) return;
  const now = stmt<{ prefix: string; last_value: number }>(
    db,
    'SELECT prefix, last_value FROM code_counters',
  ).all();
  for (const { prefix, last_value } of now) {
    const was = before[prefix];
    if (was === last_value) continue;
    if (was === undefined) stmt(db, 'DELETE FROM code_counters WHERE prefix = ?').run(prefix);
    else stmt(db, 'UPDATE code_counters SET last_value = ? WHERE prefix = ?').run(was, prefix);
  }
}

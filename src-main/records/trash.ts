import {
  customFieldEntities,
  trashChannels,
  type ChannelParsedInput,
  type CustomFieldEntity,
  type Page,
  type TrashEntry,
  type TrashKind,
  type TrashRestoreResult,
} from '../contract';
import { AppError, notFound } from '../db/errors';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { handlersFor } from '../ipc/handler';
import { noJobControl, type JobControl } from '../jobs/control';
import { fieldDefs } from './custom-values';
import { searchIndexers } from './search-indexers';
import { schemaGraph, type ForeignKey, type Row, type TrashPayload } from './trash-snapshot';

interface TrashRow {
  id: number;
  kind: TrashKind;
  record_id: number;
  title: string;
  owner_name: string | null;
  counts: string;
  payload: string;
  deleted_at: string;
}

const ENTRY_SELECT = `id, kind, record_id AS recordId, title, owner_name AS ownerName, counts,
  deleted_at AS deletedAt`;

// ---------------------------------------------------------------------------------------------
// Reading

export function listTrash(db: Db, input: ChannelParsedInput<'trash.list'>): Page<TrashEntry> {
  const keyword = input.keyword?.trim() || null;
  const like = keyword === null ? null : `%${keyword.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const where = `WHERE (@kind IS NULL OR kind = @kind)
    AND (@like IS NULL OR title LIKE @like ESCAPE '\\' OR owner_name LIKE @like ESCAPE '\\')`;
  const params = { kind: input.kind ?? null, like };
  const total = stmt(db, `SELECT count(*) FROM trash ${where}`).pluck().get(params) as number;
  const rows = stmt<Omit<TrashEntry, 'counts'> & { counts: string }>(
    db,
    `SELECT ${ENTRY_SELECT} FROM trash ${where}
     ORDER BY deleted_at DESC, id DESC LIMIT @limit OFFSET @offset`,
  ).all({ ...params, limit: input.pageSize, offset: (input.page - 1) * input.pageSize });
  return {
    rows: rows.map((r) => ({ ...r, counts: JSON.parse(r.counts) as Record<string, number> })),
    total,
    page: input.page,
    pageSize: input.pageSize,
  };
}

function entriesByIds(db: Db, ids: number[]): TrashRow[] {
  const get = stmt<TrashRow>(db, 'SELECT * FROM trash WHERE id = ?');
  return [...new Set(ids)].map((id) => {
    const entry = get.get(id);
    if (!entry) throw notFound('Trash entry', id);
    return entry;
  });
}

// ---------------------------------------------------------------------------------------------
// Restoring

/** Kinds in the order their entries go back: a customer before its contacts, a contact before the sales naming it. */
const kindOrder: readonly TrashKind[] = [
  'customers',
  'products',
  'contacts',
  'opportunities',
  'sales',
  'feedback',
  'expenses',
  'activities',
];

/** A row's name for a message: its code, name, title or subject, else its id. */
function rowLabel(row: Row): string {
  for (const c of ['code', 'name', 'title', 'subject']) if (typeof row[c] === 'string') return row[c];
  return `#${String(row.id)}`;
}

/** Whether two rows that both belong to a customer belong to the same one (a sale and its contact). */
const sameCustomer = (row: Row, parent: Row) =>
  row.customer_id === undefined ||
  row.customer_id === null ||
  parent.customer_id === undefined ||
  parent.customer_id === null ||
  row.customer_id === parent.customer_id;

/** The trash entry holding a row of `table` with this id (as its record or as one that went with it). */
function entryHolding(db: Db, table: string, id: unknown): { id: number; title: string } | undefined {
  return (
    stmt<{ id: number; title: string }>(
      db,
      'SELECT id, title FROM trash WHERE kind = ? AND record_id = ? ORDER BY id DESC LIMIT 1',
    ).get(table, id) ??
    stmt<{ id: number; title: string }>(
      db,
      `SELECT t.id, t.title FROM trash t, json_each(t.payload, ?) r
       WHERE json_extract(r.value, '$.id') = ? ORDER BY t.id DESC LIMIT 1`,
    ).get(`$.rows.${table}`, id)
  );
}

const isCustomFieldEntity = (table: string): table is CustomFieldEntity =>
  (customFieldEntities as readonly string[]).includes(table);

/**
 * Puts one row back with its own id. Each reference must find its record: one that is gone and
 * that the row belongs to (ON DELETE CASCADE), or that it cannot do without (NOT NULL), refuses
 * the restore; an optional one (a contact, an owner) is left empty, as its delete would have done.
 */
function restoreRow(
  db: Db,
  table: string,
  source: Row,
  entry: TrashRow,
  fieldsOf: (entity: CustomFieldEntity) => Map<string, unknown>,
): void {
  const graph = schemaGraph(db);
  const columns = graph.columns.get(table)!.filter((c) => c in source);
  const row: Row = {};
  for (const c of columns) row[c] = source[c];

  for (const k of graph.keysOf.get(table)!) {
    const value = row[k.column];
    if (value === null || value === undefined) continue;
    const parent = stmt<Row>(db, `SELECT * FROM ${k.parent} WHERE ${k.parentColumn} = ?`).get(value);
    if (parent) {
      // A contact moved to another customer in the meantime is no longer this record's contact.
      if (k.onDelete === 'CASCADE' || k.notNull || sameCustomer(row, parent)) continue;
      row[k.column] = null;
      continue;
    }
    const holder = entryHolding(db, k.parent, value);
    if (k.onDelete === 'CASCADE' || k.notNull) refuseMissing(k, value, row, entry, holder);
    row[k.column] = null;
    // When that record comes back from the trash, this row gets its link back too.
    if (holder) {
      stmt(db, `UPDATE trash SET payload = json_insert(payload, '$.links[#]', json(?)) WHERE id = ?`).run(
        JSON.stringify({ table, id: row.id, column: k.column, value }),
        holder.id,
      );
    }
  }

  // A custom field deleted while the record was in the trash took its values from every record:
  // the restored one loses that value too.
  if (typeof row.custom === 'string' && row.custom !== '{}' && isCustomFieldEntity(table)) {
    const defs = fieldsOf(table);
    const custom = JSON.parse(row.custom) as Record<string, unknown>;
    row.custom = JSON.stringify(Object.fromEntries(Object.entries(custom).filter(([k]) => defs.has(k))));
  }

  // One primary contact per customer: one restored next to a newer primary is restored as an ordinary one.
  if (table === 'contacts' && row.is_primary === 1) {
    const other = stmt(db, 'SELECT 1 FROM contacts WHERE customer_id = ? AND is_primary = 1')
      .pluck()
      .get(row.customer_id);
    if (other) row.is_primary = 0;
  }
  for (const unique of graph.uniques.get(table)!) {
    if (unique.some((c) => row[c] === null || row[c] === undefined)) continue;
    const other = stmt<Row>(
      db,
      `SELECT * FROM ${table} WHERE ${unique.map((c) => `${c} = ?`).join(' AND ')}`,
    ).get(...unique.map((c) => row[c]));
    if (other) throw duplicate(table, rowLabel(other));
  }

  const names = Object.keys(row);
  try {
    stmt(db, `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')})`).run(
      ...names.map((c) => row[c]),
    );
  } catch (err) {
    const code = (err as { code?: unknown }).code;
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      throw duplicate(table, rowLabel(row));
    }
    throw err;
  }
}

function refuseMissing(
  k: ForeignKey,
  value: unknown,
  row: Row,
  entry: TrashRow,
  holder: { title: string } | undefined,
): never {
  if (holder) {
    throw new AppError(
      'CONFLICT',
      `Cannot restore ${entry.title}: the ${k.parent} record ${holder.title} it needs is in the trash; restore that first`,
      { reason: 'parent_in_trash', params: { what: k.parent, title: holder.title } },
    );
  }
  // The best name left for it: the customer's name kept with the entry, a line's product name.
  const title =
    (k.parent === 'customers' && entry.owner_name) ||
    (k.parent === 'products' && typeof row.product_name === 'string' && row.product_name) ||
    `#${String(value)}`;
  throw new AppError(
    'CONFLICT',
    `Cannot restore ${entry.title}: the ${k.parent} record ${title} it needs no longer exists`,
    { reason: 'parent_missing', params: { what: k.parent, title } },
  );
}

const duplicate = (table: string, title: string) =>
  new AppError('CONFLICT', `Cannot restore: another ${table} record (${title}) already takes its place`, {
    reason: 'duplicate',
    params: { what: table, title },
  });

/**
 * Restores trash entries, all or none: every row of each goes back with its id, in an order that
 * satisfies the foreign keys, the links its delete cleared are set again, and the search rows are
 * rebuilt. The entries leave the trash.
 */
export function restoreTrash(db: Db, ids: number[]): TrashRestoreResult {
  return db
    .transaction(() => {
      const graph = schemaGraph(db);
      const entries = entriesByIds(db, ids).sort(
        (a, b) =>
          kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
          b.deleted_at.localeCompare(a.deleted_at) ||
          b.id - a.id,
      );
      // Out of the trash first: a record these rows need that is still in it is then "in the trash".
      const drop = stmt(db, 'DELETE FROM trash WHERE id = ?');
      for (const e of entries) drop.run(e.id);

      const payloads = entries.map((e) => JSON.parse(e.payload) as TrashPayload);
      const rows = new Map<string, Map<number, { row: Row; entry: TrashRow }>>();
      entries.forEach((entry, i) => {
        for (const [table, tableRows] of Object.entries(payloads[i]!.rows)) {
          if (!graph.columns.has(table)) throw new Error(`Trash entry ${entry.id}: no table ${table}`);
          let byId = rows.get(table);
          if (!byId) rows.set(table, (byId = new Map()));
          for (const row of tableRows)
            if (!byId.has(row.id as number)) byId.set(row.id as number, { row, entry });
        }
      });

      const reindex = new Map<string, Set<number>>();
      const needsIndex = (table: string, id: number) => {
        if (!searchIndexers[table]) return;
        let set = reindex.get(table);
        if (!set) reindex.set(table, (set = new Set()));
        set.add(id);
      };
      // Each kind's custom fields, read once per restore rather than once per row.
      const fields = new Map<CustomFieldEntity, Map<string, unknown>>();
      const fieldsOf = (entity: CustomFieldEntity) => {
        if (!fields.has(entity)) fields.set(entity, fieldDefs(db, entity));
        return fields.get(entity)!;
      };
      for (const table of graph.order) {
        for (const { row, entry } of rows.get(table)?.values() ?? []) {
          restoreRow(db, table, row, entry, fieldsOf);
          needsIndex(table, row.id as number);
          // A customer's search row holds its contacts' names.
          if (table === 'contacts') needsIndex('customers', row.customer_id as number);
        }
      }

      for (const { links } of payloads) {
        for (const link of links) {
          const k = graph.keysOf.get(link.table)?.find((f) => f.column === link.column);
          if (!k) continue;
          const parent = stmt<Row>(db, `SELECT * FROM ${k.parent} WHERE ${k.parentColumn} = ?`).get(
            link.value,
          );
          const linked = stmt<Row>(db, `SELECT * FROM ${link.table} WHERE id = ?`).get(link.id);
          if (!parent || !linked || !sameCustomer(linked, parent)) continue;
          const changed = stmt(
            db,
            `UPDATE ${link.table} SET ${link.column} = ? WHERE id = ? AND ${link.column} IS NULL`,
          ).run(link.value, link.id).changes;
          if (changed > 0) needsIndex(link.table, link.id);
        }
      }

      for (const [table, idSet] of reindex) for (const id of idSet) searchIndexers[table]!(db, id);
      return {
        restored: entries.length,
        records: entries.map((e) => ({ kind: e.kind, id: e.record_id })),
      };
    })
    .immediate();
}

// ---------------------------------------------------------------------------------------------
// Deleting for good

export function purgeTrash(db: Db, ids: number[]): { purged: number } {
  return db
    .transaction(() => {
      const entries = entriesByIds(db, ids);
      const drop = stmt(db, 'DELETE FROM trash WHERE id = ?');
      for (const e of entries) drop.run(e.id);
      return { purged: entries.length };
    })
    .immediate();
}

/** Entries deleted per step of 清空回收站, between which it tells its progress and hears a cancel. */
const EMPTY_BATCH = 1000;

/**
 * 清空回收站: every entry deleted for good, in steps. Run as a job (jobs.start 'trash.empty') it
 * is one transaction the job commits or, cancelled, rolls back; alone, it makes its own.
 */
export function emptyTrash(db: Db, job: JobControl = noJobControl): { purged: number } {
  return db
    .transaction(() => {
      const total = stmt(db, 'SELECT count(*) FROM trash').pluck().get() as number;
      const step = stmt(
        db,
        `DELETE FROM trash WHERE id IN (SELECT id FROM trash ORDER BY id LIMIT ${EMPTY_BATCH})`,
      );
      let purged = 0;
      job.progress('delete', 0, total);
      for (let n = step.run().changes; n > 0; n = step.run().changes) {
        purged += n;
        job.progress('delete', purged, total);
        job.checkpoint();
      }
      return { purged };
    })
    .immediate();
}

export const trashHandlers = handlersFor(trashChannels, {
  'trash.list': (ctx, input) => listTrash(ctx.db, input),
  'trash.restore': (ctx, input) => restoreTrash(ctx.db, input.ids),
  'trash.purge': (ctx, input) => purgeTrash(ctx.db, input.ids),
  'trash.empty': (ctx) => emptyTrash(ctx.db),
});

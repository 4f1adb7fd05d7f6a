import { AppError, notFound } from '../db/errors';
import type { DeleteResult, TrashKind } from '../contract';
import type { Db } from '../db/open';
import { column, stmt } from '../db/statements';
import { moveToTrash } from './trash-snapshot';

/**
 * Checks that a record exists and has the version the user saw. A missing record is NOT_FOUND,
 * a different version CONFLICT: someone saved it in the meantime, and we never overwrite that.
 */
export function checkVersion(db: Db, table: string, what: string, id: number, version: number): void {
  const current = stmt<{ version: number }>(db, `SELECT version FROM ${table} WHERE id = ?`).get(id);
  if (!current) throw notFound(what, id);
  if (current.version !== version) {
    throw new AppError(
      'CONFLICT',
      `${what} ${id} was changed elsewhere (version ${current.version}, not ${version})`,
    );
  }
}

/** A reference to another record that must exist: otherwise VALIDATION naming the field. */
export function assertRecord(db: Db, table: string, field: string, id: number | null | undefined): void {
  if (id === null || id === undefined) return;
  if (!stmt(db, `SELECT 1 FROM ${table} WHERE id = ?`).pluck().get(id)) {
    throw new AppError('VALIDATION', `${field}: no record ${id} in ${table}`, { field, reason: 'not_found' });
  }
}

/** A contact given with a customer must be one of that customer's contacts. */
export function assertContactOf(db: Db, contactId: number | null | undefined, customerId: number): void {
  if (contactId === null || contactId === undefined) return;
  const owner = stmt(db, 'SELECT customer_id FROM contacts WHERE id = ?').pluck().get(contactId);
  if (owner !== customerId) {
    throw new AppError(
      'VALIDATION',
      `contactId: contact ${contactId} is not a contact of customer ${customerId}`,
      {
        field: 'contactId',
        reason: 'not_found',
      },
    );
  }
}

/**
 * Deletes records by id in one transaction: all of them, or (if any is missing) none. Each goes to
 * the trash first with everything that goes with it, so it can be restored.
 */
export function deleteByIds(
  db: Db,
  table: TrashKind,
  what: string,
  ids: number[],
  now: string,
): DeleteResult {
  return db
    .transaction(() => {
      const unique = [...new Set(ids)];
      const exists = stmt(db, `SELECT 1 FROM ${table} WHERE id = ?`).pluck();
      for (const id of unique) if (!exists.get(id)) throw notFound(what, id);
      const trashIds = unique.map((id) => moveToTrash(db, table, id, now));
      const del = stmt(db, `DELETE FROM ${table} WHERE id = ?`);
      for (const id of unique) del.run(id);
      return { deleted: unique.length, trashIds };
    })
    .immediate();
}

/** The INSERT statement of a table and field list, made once: an import inserts 100,000 rows. */
const insertSql = new Map<string, string>();

/** INSERT of the given camelCase fields (undefined → NULL) plus created/updated time; returns the id. */
export function insertRow(db: Db, table: string, values: Record<string, unknown>, now: string): number {
  const fields = Object.keys(values);
  const key = `${table}(${fields.join(',')})`;
  let sql = insertSql.get(key);
  if (sql === undefined) {
    sql = `INSERT INTO ${table} (${[...fields.map(column), 'created_at', 'updated_at'].join(', ')})
      VALUES (${[...fields.map(() => '?'), '?', '?'].join(', ')})`;
    insertSql.set(key, sql);
  }
  const params = fields.map((f) => toSql(values[f]));
  params.push(now, now);
  return Number(stmt(db, sql).run(params).lastInsertRowid);
}

/** UPDATE of the fields present in `changes`; bumps the version and the updated time. */
export function updateRow(
  db: Db,
  table: string,
  id: number,
  changes: Record<string, unknown>,
  now: string,
): void {
  const fields = Object.keys(changes).filter((f) => changes[f] !== undefined);
  const sets = [...fields.map((f) => `${column(f)} = @${f}`), 'version = version + 1', 'updated_at = @now'];
  const params: Record<string, unknown> = { id, now };
  for (const f of fields) params[f] = toSql(changes[f]);
  stmt(db, `UPDATE ${table} SET ${sets.join(', ')} WHERE id = @id`).run(params);
}

/** SQLite has no booleans: store 1 and 0. */
const toSql = (v: unknown) => (v === undefined ? null : typeof v === 'boolean' ? (v ? 1 : 0) : v);

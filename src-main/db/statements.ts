import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * A prepared statement, compiled once per connection. Lists build their SQL from a fixed set
 * of pieces, so the cache stays small while each query skips SQLite's parser after first use.
 */
export function stmt<Row = unknown>(db: Db, sql: string): Statement<unknown[], Row> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let s = cache.get(sql);
  if (!s) cache.set(sql, (s = db.prepare(sql)));
  return s as Statement<unknown[], Row>;
}

/** camelCase field → snake_case column. */
export const column = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** `a_b AS aB, ...` for a list of camelCase fields, so rows come back in the contract's shape. */
export const selectList = (fields: readonly string[], alias = ''): string =>
  fields.map((f) => (column(f) === f ? `${alias}${f}` : `${alias}${column(f)} AS ${f}`)).join(', ');

/** Next value of a code counter (C000001 ...), skipping codes already taken. */
export function nextCode(db: Db, prefix: string, table: string): string {
  const bump = stmt<{ last_value: number }>(
    db,
    `INSERT INTO code_counters (prefix, last_value) VALUES (?, 1)
     ON CONFLICT (prefix) DO UPDATE SET last_value = last_value + 1 RETURNING last_value`,
  );
  const taken = stmt(db, `SELECT 1 FROM ${table} WHERE code = ?`).pluck();
  for (;;) {
    const code = prefix + String(bump.get(prefix)!.last_value).padStart(6, '0');
    if (!taken.get(code)) return code;
  }
}

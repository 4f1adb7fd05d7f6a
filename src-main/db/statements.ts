import type { Statement } from 'better-sqlite3';
import type { Db } from './open';

/**
 * Per connection, at most this many prepared statements are kept, with at most STATEMENT_CACHE_CHARS
 * of SQL text among them. The app's own queries number under 200 (each list builds its SQL from a
 * fixed set of pieces), so they all stay compiled; SQL built from a request's input can push out
 * the least recently used, never grow the cache.
 */
export const STATEMENT_CACHE_LIMIT = 500;
/** A compiled statement grows with its text: some 100 bytes a character for a long list of `?`. */
export const STATEMENT_CACHE_CHARS = 512 * 1024;
/** SQL longer than this (the app's longest is under 2,000 characters) is compiled for each use. */
export const LONGEST_CACHED_SQL = 16 * 1024;

interface Load {
  count: number;
  chars: number;
}

/**
 * A pushed-out statement holds its compiled program until the garbage collector finalizes it, and
 * nothing tells V8 how large that native memory is: one pushed out after a long stay is collected
 * only by a full collection, which SQL churn alone seldom triggers. So the pushed-out ones still
 * alive count against a budget of their own (the same as the cache's); while it is spent, a new
 * statement is used once and not kept (a short-lived one is collected young, with no wait).
 */
const finalized = new FinalizationRegistry<{ dropped: Load; chars: number }>(({ dropped, chars }) => {
  dropped.count--;
  dropped.chars -= chars;
});

class StatementCache {
  /** In use order: a Map iterates in insertion order, and a hit is moved to the end. */
  readonly kept = new Map<string, Statement>();
  keptChars = 0;
  readonly dropped: Load = { count: 0, chars: 0 };

  get(db: Db, sql: string): Statement {
    const hit = this.kept.get(sql);
    if (hit) {
      this.kept.delete(sql);
      this.kept.set(sql, hit);
      return hit;
    }
    const statement = db.prepare(sql);
    if (sql.length > LONGEST_CACHED_SQL) return statement;
    while (this.kept.size >= STATEMENT_CACHE_LIMIT || this.keptChars + sql.length > STATEMENT_CACHE_CHARS) {
      const [oldSql, old] = this.kept.entries().next().value!;
      if (
        this.dropped.count >= STATEMENT_CACHE_LIMIT ||
        this.dropped.chars + oldSql.length > STATEMENT_CACHE_CHARS
      ) {
        return statement;
      }
      this.kept.delete(oldSql);
      this.keptChars -= oldSql.length;
      this.dropped.count++;
      this.dropped.chars += oldSql.length;
      finalized.register(old, { dropped: this.dropped, chars: oldSql.length });
    }
    this.kept.set(sql, statement);
    this.keptChars += sql.length;
    return statement;
  }
}

const caches = new WeakMap<Db, StatementCache>();

/**
 * A prepared statement, compiled once per connection and kept while it is among the most recently
 * used (see STATEMENT_CACHE_LIMIT), so repeated queries skip SQLite's parser. A list of values goes
 * in as one JSON parameter (`IN (SELECT value FROM json_each(?))`), never as one `?` per value: the
 * SQL text, and so the statement, must not depend on the list's length.
 */
export function stmt<Row = unknown>(db: Db, sql: string): Statement<unknown[], Row> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new StatementCache()));
  return cache.get(db, sql) as Statement<unknown[], Row>;
}

/** What the connection's statement cache holds, and what it pushed out that is not yet collected. */
export function statementCacheStats(db: Db): { size: number; chars: number; dropped: Load } {
  const cache = caches.get(db);
  return cache
    ? { size: cache.kept.size, chars: cache.keptChars, dropped: { ...cache.dropped } }
    : { size: 0, chars: 0, dropped: { count: 0, chars: 0 } };
}

/** camelCase field → snake_case column. */
export const column = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** `a_b AS aB, ...` for a list of camelCase fields, so rows come back in the contract's shape. */
export const selectList = (fields: readonly string[], alias = ''): string =>
  fields.map((f) => (column(f) === f ? `${alias}${f}` : `${alias}${column(f)} AS ${f}`)).join(', ');

/** Next value of a code counter (C000001 ...), skipping codes already taken. */
export function nextCode(db: Db, prefix: string, table: string): string {
  return reserveCodes(db, prefix, table, 1)[0]!;
}

/**
 * The next `count` values of a code counter, skipping codes already taken, in one bump of the
 * counter: an import of 100,000 records takes its codes at once.
 */
export function reserveCodes(db: Db, prefix: string, table: string, count: number): string[] {
  const bump = stmt<{ last_value: number }>(
    db,
    `INSERT INTO code_counters (prefix, last_value) VALUES (?, ?)
     ON CONFLICT (prefix) DO UPDATE SET last_value = last_value + excluded.last_value
     RETURNING last_value`,
  );
  // One parameter for any number of codes (see relatedCountSql).
  const taken = stmt(db, `SELECT code FROM ${table} WHERE code IN (SELECT value FROM json_each(?))`).pluck();
  const codes: string[] = [];
  while (codes.length < count) {
    const want = count - codes.length;
    const last = bump.get(prefix, want)!.last_value;
    const fresh = Array.from(
      { length: want },
      (_, i) => prefix + String(last - want + 1 + i).padStart(6, '0'),
    );
    const used = new Set(taken.all(JSON.stringify(fresh)));
    codes.push(...fresh.filter((c) => !used.has(c)));
  }
  return codes;
}

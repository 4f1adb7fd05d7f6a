import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  LONGEST_CACHED_SQL,
  STATEMENT_CACHE_CHARS,
  STATEMENT_CACHE_LIMIT,
  statementCacheStats,
  stmt,
} from '../../src-main/db/statements';
import { call, makeTestDb, type TestDb } from '../helpers/db';

/**
 * Each prepared statement holds SQLite's compiled program. The cache of them once grew by six
 * statements for every distinct length of the id list given to customers.related: 1,500 calls
 * took the browser edition from 131 MB to 13.4 GB. A statement must not depend on a list's
 * length, and the cache must stay bounded whatever SQL its callers build.
 */
describe('prepared statement cache', () => {
  let t: TestDb;

  beforeEach(() => {
    t = makeTestDb();
  });
  afterEach(() => t.close());

  it('customers.related compiles the same statements for every length of its id list', () => {
    const ids = [1, 2, 3].map((i) => call(t.ctx, 'customers.create', { name: `客户 ${i}` }).id);
    call(t.ctx, 'contacts.create', { customerId: ids[0]!, name: '张伟' });
    call(t.ctx, 'customers.related', { ids: [ids[0]!] });
    const before = statementCacheStats(t.db).size;
    for (let length = 1; length <= 1500; length++) {
      // The customer with the contact, then ids of no one: the count must not change with them.
      const list = [ids[0]!, ...Array.from({ length: length - 1 }, (_, i) => 1000 + i)];
      const related = call(t.ctx, 'customers.related', { ids: list });
      expect(related.contacts).toBe(1);
    }
    expect(statementCacheStats(t.db).size).toBe(before);
    expect(statementCacheStats(t.db).dropped.count).toBe(0);
  });

  it('keeps at most STATEMENT_CACHE_LIMIT statements, pushing out the least recently used', () => {
    const sql = (i: number) => `SELECT ${i} AS n`;
    const first = stmt(t.db, sql(0));
    const kept = stmt(t.db, sql(1));
    for (let i = 2; i < STATEMENT_CACHE_LIMIT; i++) stmt(t.db, sql(i));
    expect(statementCacheStats(t.db).size).toBe(STATEMENT_CACHE_LIMIT);
    // Used again, statement 1 becomes the most recent; statement 0 is now the oldest.
    expect(stmt(t.db, sql(1))).toBe(kept);
    for (let i = STATEMENT_CACHE_LIMIT; i < STATEMENT_CACHE_LIMIT + 10; i++) stmt(t.db, sql(i));
    const stats = statementCacheStats(t.db);
    expect(stats.size).toBe(STATEMENT_CACHE_LIMIT);
    expect(stats.dropped.count).toBeLessThanOrEqual(10);
    expect(stmt(t.db, sql(1))).toBe(kept);
    expect(stmt(t.db, sql(0))).not.toBe(first);
    expect(stmt(t.db, sql(0)).get()).toEqual({ n: 0 });
  });

  it('stays bounded in count and in SQL text, whatever its callers build', () => {
    // Thousands of distinct statements, short and long, as a caller building SQL from input would.
    for (let i = 0; i < 5000; i++) {
      const padding = i % 3 === 0 ? ' '.repeat(4000) : '';
      expect(stmt(t.db, `SELECT ${i} AS n${padding}`).get()).toEqual({ n: i });
      if (i % 250 === 0) {
        const stats = statementCacheStats(t.db);
        expect(stats.size).toBeLessThanOrEqual(STATEMENT_CACHE_LIMIT);
        expect(stats.chars).toBeLessThanOrEqual(STATEMENT_CACHE_CHARS);
        // The pushed-out ones not yet collected hold memory too: they have a budget of their own.
        expect(stats.dropped.count).toBeLessThanOrEqual(STATEMENT_CACHE_LIMIT);
        expect(stats.dropped.chars).toBeLessThanOrEqual(STATEMENT_CACHE_CHARS);
      }
    }
    // The app's own statements still work, cached or not.
    expect(call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' }).code).toBe('C000001');
    expect(call(t.ctx, 'customers.list', {}).total).toBe(1);
  });

  it('never keeps a statement longer than LONGEST_CACHED_SQL', () => {
    const long = `SELECT 1 AS n${' '.repeat(LONGEST_CACHED_SQL)}`;
    const before = statementCacheStats(t.db).size;
    const a = stmt(t.db, long);
    expect(a.get()).toEqual({ n: 1 });
    expect(stmt(t.db, long)).not.toBe(a);
    expect(statementCacheStats(t.db).size).toBe(before);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerListInput, type CustomerListInput } from '../../src-main/contract';
import { planCustomerList } from '../../src-main/records/customers';
import { call, makeTestDb, type TestDb } from '../helpers/db';

/**
 * The list reads a page either by walking the sort column's index (many matches) or by
 * collecting the matches and sorting them (few). Both must give the same rows as a plain sort,
 * and each must use the index it was chosen for.
 */
describe('customers.list query plans', () => {
  let t: TestDb;
  const N = 300;

  beforeEach(() => {
    t = makeTestDb();
    const levels = call(t.ctx, 'baseData.list', { kind: 'customer_level' });
    t.db.transaction(() => {
      for (let i = 0; i < N; i++) {
        // Half the names contain 科技; names are unique and not in id order.
        const n = String((i * 7919) % N).padStart(3, '0');
        call(t.ctx, 'customers.create', {
          name: i % 2 === 0 ? `深圳${n}科技有限公司` : `Trading ${n} Ltd`,
          levelId: levels[i % 3 === 0 ? 0 : 1]!.id,
          city: i % 5 === 0 ? null : `City ${n}`,
        });
      }
    })();
  });
  afterEach(() => t.close());

  const plan = (input: CustomerListInput) => {
    const p = planCustomerList(t.db, customerListInput.parse(input));
    const detail = p.page
      ? (t.db.prepare(`EXPLAIN QUERY PLAN ${p.page.sql}`).all(...p.page.params) as { detail: string }[])
          .map((r) => r.detail)
          .join(' | ')
      : '';
    return { ...p, detail };
  };

  /** The expected page, computed here from every row with an ordinary sort. */
  function expected(filter: (r: { name: string; city: string | null; levelId: number | null }) => boolean) {
    const all = t.db.prepare('SELECT id, name, city, level_id AS levelId FROM customers').all() as {
      id: number;
      name: string;
      city: string | null;
      levelId: number | null;
    }[];
    return all.filter(filter);
  }
  const byName = (a: { name: string; id: number }, b: { name: string; id: number }) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id;

  it('walks the name index for a common keyword, and returns the right page', () => {
    const input = { keyword: '科技', sort: { column: 'name', direction: 'asc' } } as const;
    const p = plan(input);
    expect(p.total).toBe(N / 2);
    expect(p.detail).toContain('USING INDEX customers_name');
    expect(p.detail).not.toContain('TEMP B-TREE');
    const want = expected((r) => r.name.includes('科技')).sort(byName);
    const got = call(t.ctx, 'customers.list', input);
    expect(got.rows.map((r) => r.id)).toEqual(want.slice(0, 50).map((r) => r.id));
  });

  it('collects and sorts on a deep page, with the same order as the walk', () => {
    const input = { keyword: '科技', sort: { column: 'name', direction: 'asc' }, page: 3 } as const;
    const p = plan(input);
    expect(p.detail).toContain('TEMP B-TREE FOR ORDER BY');
    const want = expected((r) => r.name.includes('科技')).sort(byName);
    const got = call(t.ctx, 'customers.list', input);
    expect(got.rows.map((r) => r.id)).toEqual(want.slice(100, 150).map((r) => r.id));
  });

  it('collects through the search index for a rare keyword', () => {
    const p = plan({ keyword: '深圳000科技', sort: { column: 'name', direction: 'asc' } });
    expect(p.total).toBe(1);
    expect(p.detail).toMatch(/customer_search VIRTUAL TABLE/);
    expect(p.detail).not.toContain('customers_name');
  });

  it('walks a sort index under a common filter, descending too, nulls and all', () => {
    const levels = call(t.ctx, 'baseData.list', { kind: 'customer_level' });
    const levelId = levels[1]!.id;
    const input = { levelId, sort: { column: 'city', direction: 'desc' } } as const;
    const p = plan(input);
    expect(p.detail).toContain('USING INDEX customers_city');
    const want = expected((r) => r.levelId === levelId).sort((a, b) => {
      // SQLite sorts NULL lowest; descending puts it last.
      if (a.city === b.city) return b.id - a.id;
      if (a.city === null) return 1;
      if (b.city === null) return -1;
      return a.city < b.city ? 1 : -1;
    });
    const got = call(t.ctx, 'customers.list', { ...input, pageSize: 200 });
    expect(got.total).toBe(want.length);
    expect(got.rows.map((r) => r.id)).toEqual(want.slice(0, 200).map((r) => r.id));
  });

  it('runs no page query past the end, and still reports the total', () => {
    const p = plan({ keyword: '科技', page: 50 });
    expect(p.page).toBeNull();
    expect(p.total).toBe(N / 2);
    expect(call(t.ctx, 'customers.list', { keyword: '科技', page: 50 }).rows).toEqual([]);
  });

  it('pages the unfiltered list by the code index without sorting', () => {
    const p = plan({ page: 4 });
    expect(p.detail).toContain('sqlite_autoindex_customers_1');
    expect(p.detail).not.toContain('TEMP B-TREE');
  });
});

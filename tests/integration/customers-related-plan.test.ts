import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRelated } from '../../src-main/contract';
import { relatedCountSql } from '../../src-main/records/customers';
import { call, makeTestDb, type TestDb } from '../helpers/db';

/**
 * customers.related takes its ids as one JSON array (json_each), so that its statements do not
 * depend on how many ids there are; each count must still read the table's customer_id index for
 * each id, never scan the table. Checked on a fresh file and after ANALYZE.
 */
describe('customers.related query plans', () => {
  let t: TestDb;
  const tables: (keyof CustomerRelated)[] = [
    'contacts',
    'opportunities',
    'sales',
    'activities',
    'feedback',
    'expenses',
  ];

  beforeAll(() => {
    t = makeTestDb();
    t.db.transaction(() => {
      for (let i = 0; i < 200; i++) {
        const customer = call(t.ctx, 'customers.create', { name: `客户 ${i}` }).id;
        call(t.ctx, 'contacts.create', { customerId: customer, name: `联系人 ${i}` });
      }
    })();
  });
  afterAll(() => t.close());

  const plan = (table: keyof CustomerRelated, ids: number[]) =>
    (
      t.db.prepare(`EXPLAIN QUERY PLAN ${relatedCountSql(table)}`).all(JSON.stringify(ids)) as {
        detail: string;
      }[]
    )
      .map((r) => r.detail)
      .join(' | ');

  for (const analyzed of [false, true]) {
    it(`counts each table through its customer index${analyzed ? ' after ANALYZE' : ''}`, () => {
      if (analyzed) t.db.exec('ANALYZE');
      for (const table of tables) {
        for (const ids of [[1], [1, 2, 3], Array.from({ length: 150 }, (_, i) => i + 1)]) {
          const detail = plan(table, ids);
          expect(detail, table).toMatch(
            new RegExp(`SEARCH ${table} USING (COVERING )?INDEX \\w+ \\(customer_id=\\?\\)`),
          );
          expect(detail, table).not.toMatch(new RegExp(`SCAN ${table}\\b`));
        }
      }
    });
  }

  it('counts the same with one id, many, and repeated ones', () => {
    expect(call(t.ctx, 'customers.related', { ids: [1] }).contacts).toBe(1);
    expect(call(t.ctx, 'customers.related', { ids: [1, 1, 2] }).contacts).toBe(2);
    const all = Array.from({ length: 200 }, (_, i) => i + 1);
    expect(call(t.ctx, 'customers.related', { ids: [...all, 9999] })).toEqual({
      contacts: 200,
      opportunities: 0,
      sales: 0,
      activities: 0,
      feedback: 0,
      expenses: 0,
    });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SearchHit } from '../../src-main/contract';
import { globalSearchQueries } from '../../src-main/records/search';
import { call, callError, makeTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
  // Customer 1 with contact 1, opportunity 1 and sale 1; customer 2 with nothing; product 1.
  const huaxin = call(t.ctx, 'customers.create', {
    name: '北京华信科技有限公司',
    phone: '010-8888 1234',
    email: 'info@huaxin-tech.cn',
  });
  call(t.ctx, 'customers.create', { name: '上海明达贸易有限公司', mobile: '13912345678' });
  call(t.ctx, 'contacts.create', { customerId: huaxin.id, name: '张伟', mobile: '13800138000' });
  call(t.ctx, 'opportunities.create', { customerId: huaxin.id, title: '服务器采购' });
  const printer = call(t.ctx, 'products.create', { name: '激光打印机', unit: '台', listPrice: 150_000 });
  call(t.ctx, 'sales.create', {
    customerId: huaxin.id,
    saleDate: '2026-01-02',
    lines: [{ productId: printer.id, quantity: 1 }],
  });
});
afterEach(() => t.close());

const search = (query: string, limit?: number): SearchHit[] => call(t.ctx, 'search.global', { query, limit });
const found = (query: string) => search(query).map((h) => `${h.kind}:${h.id}`);

describe('search.global', () => {
  it('finds a 2-character Chinese substring in every kind that holds it, grouped by kind', () => {
    // The contact, opportunity and sale are found by their customer's name too.
    expect(search('华信')).toEqual([
      { kind: 'customer', id: 1, title: '北京华信科技有限公司', subtitle: 'C000001 · 010-8888 1234' },
      { kind: 'contact', id: 1, title: '张伟', subtitle: '北京华信科技有限公司 · 13800138000' },
      { kind: 'opportunity', id: 1, title: '服务器采购', subtitle: 'O000001 · 北京华信科技有限公司' },
      { kind: 'sale', id: 1, title: 'SO000001', subtitle: '北京华信科技有限公司 · 2026-01-02' },
    ]);
  });

  it('finds a 4-character Chinese substring, and nothing for characters that are not adjacent', () => {
    expect(found('华信科技')).toEqual(['customer:1', 'contact:1', 'opportunity:1', 'sale:1']);
    expect(found('有限公司')).toEqual(['customer:2', 'customer:1', 'contact:1', 'opportunity:1', 'sale:1']);
    expect(found('华科')).toEqual([]);
  });

  it('finds an ASCII word, whatever its case', () => {
    expect(found('HuaXin')).toEqual(['customer:1']);
    expect(found('so000001')).toEqual(['sale:1']);
  });

  it('finds 4 digits of a phone or mobile number', () => {
    expect(found('1234')).toEqual(['customer:2', 'customer:1']);
    expect(found('8000')).toEqual(['contact:1']);
    expect(found('88881234')).toEqual(['customer:1']);
  });

  it('finds each kind with its own title and second line', () => {
    // A customer is found by its contacts' names too.
    expect(search('张伟')).toEqual([
      { kind: 'customer', id: 1, title: '北京华信科技有限公司', subtitle: 'C000001 · 010-8888 1234' },
      { kind: 'contact', id: 1, title: '张伟', subtitle: '北京华信科技有限公司 · 13800138000' },
    ]);
    expect(search('服务器')).toEqual([
      { kind: 'opportunity', id: 1, title: '服务器采购', subtitle: 'O000001 · 北京华信科技有限公司' },
    ]);
    expect(search('打印机')).toEqual([{ kind: 'product', id: 1, title: '激光打印机', subtitle: 'P000001' }]);
    expect(search('明达')).toEqual([
      { kind: 'customer', id: 2, title: '上海明达贸易有限公司', subtitle: 'C000002 · 13912345678' },
    ]);
  });

  it('matches a single character as a prefix', () => {
    expect(found('伟')).toEqual(['customer:1', 'contact:1']);
    expect(found('激')).toEqual(['product:1']);
  });

  it.each(['', '   ', '--', '·、？'])('finds nothing for %j', (query) => {
    expect(search(query)).toEqual([]);
  });

  it('returns at most `limit` hits per kind, newest first, 5 by default', () => {
    for (let i = 1; i <= 7; i++) call(t.ctx, 'customers.create', { name: `测试科技${i}号` });
    // Customers 3..9 are the new ones; 华信科技 (1) is older.
    expect(found('科技')).toEqual([
      'customer:9',
      'customer:8',
      'customer:7',
      'customer:6',
      'customer:5',
      'contact:1',
      'opportunity:1',
      'sale:1',
    ]);
    expect(search('科技', 2).map((h) => `${h.kind}:${h.id}`)).toEqual([
      'customer:9',
      'customer:8',
      'contact:1',
      'opportunity:1',
      'sale:1',
    ]);
    expect(search('科技', 20).filter((h) => h.kind === 'customer')).toHaveLength(8);
  });

  it('forgets a deleted record and finds a renamed one by its new name', () => {
    call(t.ctx, 'customers.delete', { ids: [2] });
    expect(found('明达')).toEqual([]);
    call(t.ctx, 'customers.update', { id: 1, version: 1, name: '北京远景科技有限公司' });
    expect(found('华信')).toEqual([]);
    expect(found('远景')).toEqual(['customer:1', 'contact:1', 'opportunity:1', 'sale:1']);
  });

  it('refuses a limit out of range and a query over 100 characters', () => {
    expect(callError(t.ctx, 'search.global', { query: '华信', limit: 0 })).toMatchObject({ field: 'limit' });
    expect(callError(t.ctx, 'search.global', { query: '华信', limit: 21 })).toMatchObject({ field: 'limit' });
    expect(callError(t.ctx, 'search.global', { query: 'x'.repeat(101) })).toMatchObject({
      code: 'VALIDATION',
      field: 'query',
      reason: 'too_long',
    });
  });

  it.each(globalSearchQueries)(
    'reads the $kind hits through the search index, with no count and no scan',
    ({ sql }) => {
      const details = (t.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all('"华信"', 5) as { detail: string }[])
        .map((p) => p.detail)
        .join('\n');
      expect(details).toMatch(/VIRTUAL TABLE INDEX/);
      // The matches come from the index in rowid order: no sort of them before the LIMIT.
      expect(details).not.toMatch(/TEMP B-TREE/);
      // Only the search table and the few hits are scanned; the records are looked up by id.
      expect(details.split('\n').filter((d) => d.startsWith('SCAN'))).toEqual([
        expect.stringMatching(/^SCAN \w+_search VIRTUAL TABLE INDEX/),
        'SCAN h',
      ]);
    },
  );
});

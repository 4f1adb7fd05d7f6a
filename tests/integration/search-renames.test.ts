import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { optimizeSearchIndexes } from '../../src-main/db/open';
import { call, makeTestDb, type TestDb } from '../helpers/db';

/**
 * Contacts, opportunities and sales are found by their customer's name, and sales by their
 * contact's name: a rename must move every one of those search rows along with it.
 */
describe('search rows follow renames', () => {
  let t: TestDb;
  let customerId: number;
  let contactId: number;

  beforeEach(() => {
    t = makeTestDb();
    customerId = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' }).id;
    contactId = call(t.ctx, 'contacts.create', { customerId, name: '王建国' }).id;
    const productId = call(t.ctx, 'products.create', { name: '服务器', listPrice: 100_00 }).id;
    call(t.ctx, 'opportunities.create', {
      customerId,
      title: '机房扩容',
      lines: [{ productId, quantity: 2 }],
    });
    call(t.ctx, 'sales.create', {
      customerId,
      contactId,
      saleDate: '2026-01-02',
      lines: [{ productId, quantity: 1 }],
    });
  });
  afterEach(() => t.close());

  const totals = (keyword: string) => ({
    contacts: call(t.ctx, 'contacts.list', { keyword }).total,
    opportunities: call(t.ctx, 'opportunities.list', { keyword }).total,
    sales: call(t.ctx, 'sales.list', { keyword }).total,
  });

  it('finds them by the new customer name, not the old one', () => {
    expect(totals('华信')).toEqual({ contacts: 1, opportunities: 1, sales: 1 });
    const { version } = call(t.ctx, 'customers.get', { id: customerId });
    call(t.ctx, 'customers.update', { id: customerId, version, name: '上海东方电子商务有限公司' });
    expect(totals('华信')).toEqual({ contacts: 0, opportunities: 0, sales: 0 });
    expect(totals('东方电子')).toEqual({ contacts: 1, opportunities: 1, sales: 1 });
  });

  it("finds a sale by its contact's new name, and not after the contact is deleted", () => {
    expect(call(t.ctx, 'sales.list', { keyword: '王建国' }).total).toBe(1);
    const { version } = call(t.ctx, 'contacts.get', { id: contactId });
    call(t.ctx, 'contacts.update', { id: contactId, version, name: '李明' });
    expect(call(t.ctx, 'sales.list', { keyword: '王建国' }).total).toBe(0);
    expect(call(t.ctx, 'sales.list', { keyword: '李明' }).total).toBe(1);
    call(t.ctx, 'contacts.delete', { ids: [contactId] });
    expect(call(t.ctx, 'sales.list', { keyword: '李明' }).total).toBe(0);
    expect(call(t.ctx, 'sales.list', { keyword: '华信' }).total).toBe(1);
  });

  it('finds the same after the search indexes are merged (as after an import)', () => {
    const before = totals('华信');
    const segments = () => t.db.prepare('SELECT count(*) FROM customer_search_data').pluck().get() as number;
    for (let i = 0; i < 30; i++) call(t.ctx, 'customers.create', { name: `华信分公司 ${i}` });
    const fragmented = segments();
    optimizeSearchIndexes(t.db);
    expect(segments()).toBeLessThan(fragmented);
    expect(totals('华信')).toEqual(before);
    expect(call(t.ctx, 'customers.list', { keyword: '华信' }).total).toBe(31);
  });
});

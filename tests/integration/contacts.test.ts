import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  contactSortColumns,
  type Contact,
  type ContactCreateInput,
  type Customer,
} from '../../src-main/contract';
import { searchQuery } from '../../src-main/records/search-text';
import {
  FIXED_NOW,
  call,
  callError,
  dbSnapshot,
  makeTestDb,
  manualClock,
  type ManualClock,
  type TestDb,
} from '../helpers/db';

let t: TestDb;
let clock: ManualClock;
let huaxin: Customer;
let mingda: Customer;

beforeEach(() => {
  clock = manualClock();
  t = makeTestDb({ now: clock.now });
  huaxin = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' });
  mingda = call(t.ctx, 'customers.create', { name: '上海明达贸易有限公司' });
});
afterEach(() => t.close());

const create = (input: Omit<ContactCreateInput, 'customerId'> & { customerId?: number }): Contact =>
  call(t.ctx, 'contacts.create', { customerId: huaxin.id, ...input });
const get = (id: number): Contact => call(t.ctx, 'contacts.get', { id });
const names = (keyword: string, customerId?: number): string[] =>
  call(t.ctx, 'contacts.list', {
    keyword,
    customerId,
    sort: { column: 'name', direction: 'asc' },
  }).rows.map((r) => r.name);
const customerNames = (keyword: string): string[] =>
  call(t.ctx, 'customers.list', { keyword, sort: { column: 'code', direction: 'asc' } }).rows.map(
    (r) => r.name,
  );
const primaries = (customerId: number): string[] =>
  t.db
    .prepare('SELECT name FROM contacts WHERE customer_id = ? AND is_primary = 1')
    .pluck()
    .all(customerId) as string[];
/** The raw search index, not joined to contacts: a row left behind would show here. */
const searchRowIds = (keyword: string): number[] =>
  t.db
    .prepare('SELECT rowid FROM contact_search WHERE contact_search MATCH ? ORDER BY rowid')
    .pluck()
    .all(searchQuery(keyword)) as number[];

describe('contacts.create and contacts.get', () => {
  it('creates a contact with every field and reads it back with its customer name', () => {
    const input = {
      customerId: huaxin.id,
      name: '张伟',
      gender: 'male' as const,
      title: '采购经理',
      department: '采购部',
      phone: '010-8888 1236',
      mobile: '13800138000',
      email: 'zhangwei@huaxin.example',
      wechat: 'zhangwei_hx',
      qq: '12345678',
      birthday: '1985-03-21',
      address: '北京市海淀区中关村大街1号',
      isPrimary: true,
      isDecisionMaker: true,
      notes: '喜欢喝茶',
    };
    const created = create(input);
    expect(created).toEqual({
      id: created.id,
      customerName: '北京华信科技有限公司',
      ...input,
      custom: {},
      version: 1,
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
    });
    expect(get(created.id)).toEqual(created);
  });

  it('fills in defaults: no gender, blank text as null, both flags false', () => {
    const c = create({ name: '  李娜 ', title: '', phone: '   ', email: '', birthday: null });
    expect(c).toMatchObject({
      name: '李娜',
      gender: null,
      title: null,
      phone: null,
      email: null,
      birthday: null,
      isPrimary: false,
      isDecisionMaker: false,
    });
    expect(typeof c.isPrimary).toBe('boolean');
  });

  it('refuses a customer that does not exist, naming customerId', () => {
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'contacts.create', { customerId: 999, name: '张伟' })).toMatchObject({
      code: 'VALIDATION',
      field: 'customerId',
      reason: 'not_found',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it.each([
    ['name', { name: '   ' }, 'required'],
    ['name', { name: 'x'.repeat(101) }, 'too_long'],
    ['email', { email: 'not-an-email' }, 'invalid_format'],
    ['birthday', { birthday: '1990-02-30' }, 'invalid_format'],
    ['birthday', { birthday: '1990/02/03' }, 'invalid_format'],
    ['gender', { gender: 'other' }, 'invalid_value'],
    ['qq', { qq: '1'.repeat(21) }, 'too_long'],
    ['isPrimary', { isPrimary: 1 }, 'invalid_type'],
  ])('refuses a bad %s (case %#)', (field, bad, reason) => {
    const before = dbSnapshot(t.db);
    expect(
      callError(t.ctx, 'contacts.create', { customerId: huaxin.id, name: '张伟', ...bad }),
    ).toMatchObject({ code: 'VALIDATION', field, reason });
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('returns NOT_FOUND for a contact that does not exist', () => {
    create({ name: '张伟' });
    expect(callError(t.ctx, 'contacts.get', { id: 999 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('round-trips 10,000-character notes and address exactly', () => {
    const unit = '第一行：联系记录\t"quoted" \'single\' \\ back\n𠮷野家😀 ＡＢＣ © \r\n';
    const notes = `N${unit.repeat(Math.ceil(10_000 / unit.length))}`.slice(0, 9_999) + 'Z';
    expect(notes).toHaveLength(10_000);
    const address = '地址'.repeat(500);
    const c = create({ name: '长文本', notes, address });
    expect(get(c.id).notes).toBe(notes);
    expect(get(c.id).address).toBe(address);
  });

  it('stores SQL-injection-looking text verbatim and survives it as a keyword', () => {
    const nasty = [`'); DROP TABLE contacts; --`, `" OR 1=1 --`, `%_\\`, `*"NEAR(a b)"^`, `Robert'); --`];
    for (const s of nasty) {
      const c = create({ name: s, notes: s, department: s, wechat: s });
      expect(get(c.id)).toMatchObject({ name: s, notes: s, department: s, wechat: s });
    }
    for (const s of nasty) {
      const res = call(t.ctx, 'contacts.list', { keyword: s });
      expect(res.total).toBe(res.rows.length);
    }
    expect(names(`'); DROP TABLE contacts; --`)).toEqual([`'); DROP TABLE contacts; --`]);
    expect(call(t.ctx, 'contacts.list', {}).total).toBe(nasty.length);
  });
});

describe('the primary contact', () => {
  it('is one per customer: a second primary takes the flag from the first', () => {
    const a = create({ name: '张伟', isPrimary: true });
    const other = create({ customerId: mingda.id, name: '王芳', isPrimary: true });
    clock.set('2026-02-01T00:00:00.000Z');
    const b = create({ name: '李娜', isPrimary: true });
    expect(b.isPrimary).toBe(true);
    expect(primaries(huaxin.id)).toEqual(['李娜']);
    // The first contact changed, so its version moves on: a form still open on it gets CONFLICT.
    expect(get(a.id)).toMatchObject({ isPrimary: false, version: 2, updatedAt: '2026-02-01T00:00:00.000Z' });
    expect(callError(t.ctx, 'contacts.update', { id: a.id, version: 1, isPrimary: true })).toMatchObject({
      code: 'CONFLICT',
    });
    // Another customer's primary contact is not touched.
    expect(get(other.id)).toMatchObject({ isPrimary: true, version: 1 });
  });

  it('moves to a contact updated to primary', () => {
    const a = create({ name: '张伟', isPrimary: true });
    const b = create({ name: '李娜' });
    call(t.ctx, 'contacts.update', { id: b.id, version: 1, isPrimary: true });
    expect(primaries(huaxin.id)).toEqual(['李娜']);
    expect(get(a.id).isPrimary).toBe(false);
  });

  it('is kept when an update leaves the flags out', () => {
    const a = create({ name: '张伟', isPrimary: true, isDecisionMaker: true });
    const u = call(t.ctx, 'contacts.update', { id: a.id, version: 1, phone: '123' });
    expect(u).toMatchObject({ isPrimary: true, isDecisionMaker: true, phone: '123', version: 2 });
  });

  it('can be cleared, leaving the customer without a primary contact', () => {
    const a = create({ name: '张伟', isPrimary: true });
    call(t.ctx, 'contacts.update', { id: a.id, version: 1, isPrimary: false });
    expect(primaries(huaxin.id)).toEqual([]);
  });

  it('stays primary when moved, and takes the flag from the new customer’s primary', () => {
    const a = create({ name: '张伟', isPrimary: true });
    const w = create({ customerId: mingda.id, name: '王芳', isPrimary: true });
    call(t.ctx, 'contacts.update', { id: a.id, version: 1, customerId: mingda.id });
    expect(primaries(mingda.id)).toEqual(['张伟']);
    expect(primaries(huaxin.id)).toEqual([]);
    expect(get(w.id).isPrimary).toBe(false);
  });

  it('is guarded by the database too', () => {
    create({ name: '张伟', isPrimary: true });
    const b = create({ name: '李娜' });
    expect(() => t.db.prepare('UPDATE contacts SET is_primary = 1 WHERE id = ?').run(b.id)).toThrow(/UNIQUE/);
  });
});

describe('contacts.update', () => {
  it('changes only the given fields, bumps the version and stamps updated_at', () => {
    const c = create({ name: '张伟', title: '经理', mobile: '13800138000' });
    clock.set('2026-02-03T04:05:06.000Z');
    const u = call(t.ctx, 'contacts.update', { id: c.id, version: 1, title: '总监', mobile: '' });
    expect(u).toEqual({
      ...c,
      title: '总监',
      mobile: null,
      version: 2,
      updatedAt: '2026-02-03T04:05:06.000Z',
    });
    expect(get(c.id)).toEqual(u);
  });

  it('moves a contact to another customer', () => {
    const c = create({ name: '张伟' });
    const u = call(t.ctx, 'contacts.update', { id: c.id, version: 1, customerId: mingda.id });
    expect(u).toMatchObject({ customerId: mingda.id, customerName: '上海明达贸易有限公司' });
    expect(names('张伟', mingda.id)).toEqual(['张伟']);
    expect(names('张伟', huaxin.id)).toEqual([]);
    // Both customers' search rows follow: the old one no longer has the name, the new one has.
    expect(customerNames('张伟')).toEqual(['上海明达贸易有限公司']);
    // And the contact is found by its new customer's name.
    expect(names('明达')).toEqual(['张伟']);
    expect(names('华信')).toEqual([]);
  });

  it('refuses a move to a customer that does not exist', () => {
    const c = create({ name: '张伟' });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'contacts.update', { id: c.id, version: 1, customerId: 404 })).toMatchObject({
      code: 'VALIDATION',
      field: 'customerId',
      reason: 'not_found',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('refuses a stale version with CONFLICT and leaves everything unchanged', () => {
    const c = create({ name: '张伟' });
    call(t.ctx, 'contacts.update', { id: c.id, version: 1, phone: '456' });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'contacts.update', { id: c.id, version: 1, name: '覆盖' })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(callError(t.ctx, 'contacts.update', { id: c.id, version: 3, name: '覆盖' })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
    expect(names('覆盖')).toEqual([]);
  });

  it('returns NOT_FOUND for a missing id', () => {
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'contacts.update', { id: 42, version: 1, name: 'B' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });
});

describe('contacts.delete', () => {
  it('deletes several at once, counting a repeated id once', () => {
    const [a, b, c] = ['张伟', '李娜', '王芳'].map((name) => create({ name }));
    expect(call(t.ctx, 'contacts.delete', { ids: [a!.id, c!.id, a!.id] })).toMatchObject({ deleted: 2 });
    expect(names('')).toEqual(['李娜']);
    expect(callError(t.ctx, 'contacts.get', { id: a!.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(get(b!.id).name).toBe('李娜');
  });

  it('is atomic: a list with a missing id is NOT_FOUND and deletes nothing', () => {
    const a = create({ name: '张伟' });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'contacts.delete', { ids: [a.id, 777] })).toMatchObject({ code: 'NOT_FOUND' });
    expect(dbSnapshot(t.db)).toEqual(before);
    expect(customerNames('张伟')).toEqual(['北京华信科技有限公司']);
  });

  it('removes the contact from search, its own and its customer’s', () => {
    const a = create({ name: '张伟', mobile: '13800138000' });
    create({ customerId: mingda.id, name: '张伟强' });
    call(t.ctx, 'contacts.delete', { ids: [a.id] });
    expect(names('张伟')).toEqual(['张伟强']);
    expect(names('13800138000')).toEqual([]);
    expect(searchRowIds('13800138000')).toEqual([]);
    expect(customerNames('张伟')).toEqual(['上海明达贸易有限公司']);
  });
});

describe('contacts.list', () => {
  beforeEach(() => {
    create({ name: '张伟', mobile: '138 0013 8000', email: 'ZhangWei@huaxin.example', wechat: 'zw_wx' });
    create({ name: '李娜', phone: '010-6666 7777', qq: '987654321' });
    create({ customerId: mingda.id, name: '王芳', department: '财务部' });
    create({ customerId: mingda.id, name: '张伟强' });
  });

  it('finds a 2-character Chinese substring of the name', () => {
    expect(names('张伟')).toEqual(['张伟', '张伟强']);
    expect(names('伟强')).toEqual(['张伟强']);
  });

  it('finds contacts by their customer’s name', () => {
    expect(names('华信')).toEqual(['张伟', '李娜']);
    expect(names('明达贸易')).toEqual(['张伟强', '王芳']);
  });

  it('finds contacts by phone, mobile, email, WeChat and QQ', () => {
    expect(names('13800138000')).toEqual(['张伟']);
    expect(names('66667777')).toEqual(['李娜']);
    expect(names('zhangwei@')).toEqual(['张伟']);
    expect(names('zw_wx')).toEqual(['张伟']);
    expect(names('98765')).toEqual(['李娜']);
  });

  it('does not search the department or notes', () => {
    expect(names('财务')).toEqual([]);
  });

  it('filters by customer, with and without a keyword', () => {
    expect(names('', mingda.id)).toEqual(['张伟强', '王芳']);
    expect(names('张伟', mingda.id)).toEqual(['张伟强']);
    expect(call(t.ctx, 'contacts.list', { customerId: 404 }).total).toBe(0);
  });

  it('returns rows with the customer’s name and real booleans, without the long fields', () => {
    const row = call(t.ctx, 'contacts.list', { keyword: '李娜' }).rows[0]!;
    expect(row).toEqual({
      id: 2,
      customerId: huaxin.id,
      customerName: '北京华信科技有限公司',
      name: '李娜',
      gender: null,
      title: null,
      department: null,
      phone: '010-6666 7777',
      mobile: null,
      email: null,
      isPrimary: false,
      isDecisionMaker: false,
      updatedAt: FIXED_NOW,
      custom: {},
    });
  });

  it('follows a customer’s rename: found by the new name, not the old one', () => {
    call(t.ctx, 'customers.update', { id: huaxin.id, version: 1, name: '深圳远航物流有限公司' });
    expect(names('远航')).toEqual(['张伟', '李娜']);
    expect(names('华信')).toEqual([]);
    expect(call(t.ctx, 'contacts.get', { id: 1 }).customerName).toBe('深圳远航物流有限公司');
  });

  it('pages with a stable total', () => {
    const sort = { column: 'name', direction: 'asc' } as const;
    const p = call(t.ctx, 'contacts.list', { sort, page: 2, pageSize: 3 });
    expect(p).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(p.rows).toHaveLength(1);
  });
});

describe('contacts.list sorting', () => {
  /**
   * Three contacts created A, B, C (each with its own customer); for every sort column the values
   * rank B < C < A, so ascending order B, C, A differs from the creation order and its reverse.
   */
  function seedForSort(): Record<'A' | 'B' | 'C', number> {
    const rank = { A: 2, B: 0, C: 1 } as const;
    const ids = {} as Record<'A' | 'B' | 'C', number>;
    for (const who of ['A', 'B', 'C'] as const) {
      const r = rank[who];
      const customerId = call(t.ctx, 'customers.create', { name: `customer-${r}` }).id;
      ids[who] = call(t.ctx, 'contacts.create', {
        customerId,
        name: `name-${r}`,
        title: `title-${r}`,
        department: `dept-${r}`,
        phone: `010-000${r}`,
        mobile: `1380000000${r}`,
        email: `e${r}@x.example`,
      }).id;
    }
    const updated = {
      B: '2026-02-01T00:00:00.000Z',
      C: '2026-02-02T00:00:00.000Z',
      A: '2026-02-03T00:00:00.000Z',
    };
    for (const who of ['B', 'C', 'A'] as const) {
      clock.set(updated[who]);
      call(t.ctx, 'contacts.update', { id: ids[who], version: 1 });
    }
    return ids;
  }

  const columns = contactSortColumns.flatMap((column) =>
    (['asc', 'desc'] as const).map((direction) => [column, direction] as const),
  );

  it.each(columns)('sorts by %s %s', (column, direction) => {
    const ids = seedForSort();
    const asc = [ids.B, ids.C, ids.A];
    const res = call(t.ctx, 'contacts.list', { sort: { column, direction } });
    expect(res.rows.map((r) => r.id)).toEqual(direction === 'asc' ? asc : [...asc].reverse());
  });

  it('sorts the most recently changed first by default', () => {
    const ids = seedForSort();
    expect(call(t.ctx, 'contacts.list', {}).rows.map((r) => r.id)).toEqual([ids.A, ids.C, ids.B]);
  });
});

describe('the customer search and a customer’s contacts', () => {
  it('finds a customer by a contact’s name, until the contact is renamed', () => {
    const c = create({ name: '欧阳娜娜' });
    expect(customerNames('欧阳')).toEqual(['北京华信科技有限公司']);
    call(t.ctx, 'contacts.update', { id: c.id, version: 1, name: '司马光' });
    expect(customerNames('欧阳')).toEqual([]);
    expect(customerNames('司马')).toEqual(['北京华信科技有限公司']);
  });

  it('stops finding the customer by a contact’s name once the contact is deleted', () => {
    const c = create({ name: '欧阳娜娜' });
    create({ name: '李娜' });
    call(t.ctx, 'contacts.delete', { ids: [c.id] });
    expect(customerNames('欧阳')).toEqual([]);
    expect(customerNames('李娜')).toEqual(['北京华信科技有限公司']);
    // The customer's own text is still there.
    expect(customerNames('华信')).toEqual(['北京华信科技有限公司']);
  });

  it('deleting a customer deletes its contacts and their search rows', () => {
    const a = create({ name: '欧阳娜娜', isPrimary: true });
    const b = create({ name: '欧阳修' });
    const w = create({ customerId: mingda.id, name: '欧阳锋' });
    expect(call(t.ctx, 'customers.related', { ids: [huaxin.id] }).contacts).toBe(2);
    call(t.ctx, 'customers.delete', { ids: [huaxin.id] });
    expect(callError(t.ctx, 'contacts.get', { id: a.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(callError(t.ctx, 'contacts.get', { id: b.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(names('欧阳')).toEqual(['欧阳锋']);
    expect(searchRowIds('欧阳')).toEqual([w.id]);
    expect(searchRowIds('华信')).toEqual([]);
    expect(t.db.prepare('SELECT count(*) FROM contacts').pluck().get()).toBe(1);
  });
});

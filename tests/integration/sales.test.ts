import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  saleListInput,
  type ChannelInput,
  type Product,
  type Sale,
  type SaleCreateInput,
} from '../../src-main/contract';
import { indexSalesOfContact, indexSalesOfCustomer, planSaleList } from '../../src-main/records/sales';
import {
  FIXED_NOW,
  baseId,
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
/** Customers 华信 and 明达, a contact of each, and two products. */
let huaxin: number;
let mingda: number;
let wang: number;
let li: number;
let server: Product;
let disk: Product;
let me: number;

beforeEach(() => {
  clock = manualClock();
  t = makeTestDb({ now: clock.now });
  huaxin = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' }).id;
  mingda = call(t.ctx, 'customers.create', { name: '上海明达贸易有限公司' }).id;
  wang = call(t.ctx, 'contacts.create', { customerId: huaxin, name: '王建国' }).id;
  li = call(t.ctx, 'contacts.create', { customerId: mingda, name: '李晓梅' }).id;
  server = call(t.ctx, 'products.create', { name: '服务器', unit: '台', listPrice: 1_200_000 });
  disk = call(t.ctx, 'products.create', { name: '硬盘', unit: '块', listPrice: 50_000 });
  me = baseId(t.ctx, 'sales_rep', 'me');
});
afterEach(() => t.close());

const create = (input: SaleCreateInput): Sale => call(t.ctx, 'sales.create', input);
const get = (id: number): Sale => call(t.ctx, 'sales.get', { id });
const update = (input: ChannelInput<'sales.update'>): Sale => call(t.ctx, 'sales.update', input);
const list = (input: ChannelInput<'sales.list'> = {}) => call(t.ctx, 'sales.list', input);
const codes = (input: ChannelInput<'sales.list'>) =>
  list({ sort: { column: 'code', direction: 'asc' }, ...input }).rows.map((r) => r.code);
const sale = (extra: Partial<SaleCreateInput> = {}): Sale =>
  create({ customerId: huaxin, saleDate: '2026-01-02', ...extra });

/** Another 业务员: base data has only 本人 until the user adds one. */
function addSalesRep(name: string): number {
  return Number(
    t.db
      .prepare(
        "INSERT INTO base_items (kind, key, name_zh, name_en, sort_order) VALUES ('sales_rep', NULL, ?, ?, 99)",
      )
      .run(name, name).lastInsertRowid,
  );
}

/** Calls a channel that must be refused, and checks that the file is exactly as it was. */
function refused(channel: string, input: unknown) {
  const before = dbSnapshot(t.db);
  const error = callError(t.ctx, channel, input);
  expect(dbSnapshot(t.db)).toEqual(before);
  return error;
}

describe('sales.create and sales.get', () => {
  it('creates a sale with every field and its lines, and reads it back', () => {
    const created = create({
      customerId: huaxin,
      contactId: wang,
      saleDate: '2026-01-02',
      ownerId: me,
      status: 'delivered',
      amountReceived: 1_000_000,
      notes: '  首批订单，分两次发货  ',
      lines: [
        { productId: server.id, quantity: 2 },
        { productId: disk.id, quantity: 10, unitPrice: 45_000, discount: 12.5 },
      ],
    });
    expect(created).toEqual({
      id: created.id,
      code: 'SO000001',
      customerId: huaxin,
      customerName: '北京华信科技有限公司',
      contactId: wang,
      contactName: '王建国',
      opportunityId: null,
      opportunityCode: null,
      saleDate: '2026-01-02',
      ownerId: me,
      status: 'delivered',
      // 2 × ¥12,000.00 + 10 × ¥450.00 × 87.5 %
      amount: 2_400_000 + 393_750,
      amountReceived: 1_000_000,
      notes: '首批订单，分两次发货',
      custom: {},
      lines: [
        {
          id: expect.any(Number),
          lineNo: 1,
          productId: server.id,
          productName: '服务器',
          unit: '台',
          quantity: 2,
          unitPrice: 1_200_000, // the list price, when none is given
          discount: 0,
          amount: 2_400_000,
        },
        {
          id: expect.any(Number),
          lineNo: 2,
          productId: disk.id,
          productName: '硬盘',
          unit: '块',
          quantity: 10,
          unitPrice: 45_000,
          discount: 12.5,
          amount: 393_750,
        },
      ],
      version: 1,
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
    });
    expect(get(created.id)).toEqual(created);
    expect(t.db.prepare('SELECT amount FROM sales WHERE id = ?').pluck().get(created.id)).toBe(2_793_750);
  });

  it('defaults to a confirmed sale with nothing received, no contact and no lines', () => {
    const s = create({ customerId: mingda, saleDate: '2026-02-28' });
    expect(s).toMatchObject({
      status: 'confirmed',
      amountReceived: 0,
      amount: 0,
      contactId: null,
      contactName: null,
      ownerId: null,
      notes: null,
      lines: [],
    });
  });

  it('numbers orders SO000001, SO000002 … and never hands out a deleted number again', () => {
    const [a, b] = [sale(), sale()];
    expect([a.code, b.code]).toEqual(['SO000001', 'SO000002']);
    call(t.ctx, 'sales.delete', { ids: [b.id] });
    expect(sale().code).toBe('SO000003');
  });

  it('skips an order number that is already taken', () => {
    t.db
      .prepare(
        "INSERT INTO sales (code, customer_id, sale_date, created_at, updated_at) VALUES ('SO000001', ?, '2025-12-01', ?, ?)",
      )
      .run(huaxin, FIXED_NOW, FIXED_NOW);
    expect(sale().code).toBe('SO000002');
  });

  it('returns NOT_FOUND for a sale that does not exist', () => {
    expect(callError(t.ctx, 'sales.get', { id: 999 }).code).toBe('NOT_FOUND');
  });

  describe('refuses, naming the field and changing nothing', () => {
    const valid = (): SaleCreateInput => ({
      customerId: huaxin,
      contactId: wang,
      saleDate: '2026-01-02',
      ownerId: me,
      lines: [{ productId: server.id, quantity: 1 }],
    });
    it.each([
      ['a customer that does not exist', () => ({ customerId: 999 }), 'customerId', 'not_found'],
      ["another customer's contact", () => ({ contactId: li }), 'contactId', 'not_found'],
      ['a contact that does not exist', () => ({ contactId: 999 }), 'contactId', 'not_found'],
      [
        'an owner that is not a 业务员',
        () => ({ ownerId: baseId(t.ctx, 'customer_type', 'partner') }),
        'ownerId',
        'not_found',
      ],
      [
        'a date that is not a calendar date',
        () => ({ saleDate: '2026-02-30' }),
        'saleDate',
        'invalid_format',
      ],
      ['an unknown status', () => ({ status: 'shipped' }), 'status', 'invalid_value'],
      ['a negative amount received', () => ({ amountReceived: -1 }), 'amountReceived', 'too_small'],
      ['a fraction of a cent received', () => ({ amountReceived: 1.5 }), 'amountReceived', 'invalid_format'],
      [
        'the opportunity (only closing one sets it)',
        () => ({ opportunityId: 1 }),
        'opportunityId',
        'unknown_field',
      ],
    ])('%s', (_what, patch, field, reason) => {
      sale(); // the order number counter has moved: a refused create must not move it again
      expect(refused('sales.create', { ...valid(), ...patch() })).toMatchObject({
        code: 'VALIDATION',
        field,
        reason,
      });
    });

    // Products are made fresh for each test: 1 服务器, 2 硬盘.
    it.each([
      ['a product that does not exist', { productId: 999, quantity: 1 }, 'lines.1.productId', 'not_found'],
      ['quantity 0', { productId: 2, quantity: 0 }, 'lines.1.quantity', 'too_small'],
      ['a negative quantity', { productId: 2, quantity: -1 }, 'lines.1.quantity', 'too_small'],
      ['4 decimals of quantity', { productId: 2, quantity: 1.0005 }, 'lines.1.quantity', 'invalid_format'],
      ['discount 101 %', { productId: 2, quantity: 1, discount: 101 }, 'lines.1.discount', 'too_big'],
      ['a negative discount', { productId: 2, quantity: 1, discount: -5 }, 'lines.1.discount', 'too_small'],
      [
        'a negative unit price',
        { productId: 2, quantity: 1, unitPrice: -100 },
        'lines.1.unitPrice',
        'too_small',
      ],
      ['an unknown line field', { productId: 2, quantity: 1, amount: 5 }, 'lines.1.amount', 'unknown_field'],
      ['a line without a product', { quantity: 1 }, 'lines.1.productId', 'required'],
    ])('a line with %s', (_what, line, field, reason) => {
      const input = { ...valid(), lines: [{ productId: server.id, quantity: 1 }, line] };
      expect(refused('sales.create', input)).toMatchObject({ code: 'VALIDATION', field, reason });
    });

    it('a sale whose lines add up to more than money can hold', () => {
      const lines = [{ productId: server.id, quantity: 1_000_000_000, unitPrice: 10_000_000_000_000 }];
      expect(refused('sales.create', { ...valid(), lines })).toMatchObject({
        code: 'VALIDATION',
        field: 'lines',
        reason: 'too_big',
      });
    });
  });
});

describe('lines and totals', () => {
  it('rounds each line half up on its own, and the total is the sum of the rounded lines', () => {
    const penny = call(t.ctx, 'products.create', { name: '螺丝', unit: '个', listPrice: 1 });
    const s = sale({
      lines: [
        { productId: penny.id, quantity: 1, unitPrice: 1, discount: 50 }, // 0.5 → 1
        { productId: penny.id, quantity: 3, unitPrice: 5, discount: 10 }, // 13.5 → 14
        { productId: penny.id, quantity: 0.5 }, // 0.5 → 1
      ],
    });
    expect(s.lines.map((l) => l.amount)).toEqual([1, 14, 1]);
    // Not round(0.5 + 13.5 + 0.5) = round(14.5) = 15.
    expect(s.amount).toBe(16);
    expect(list({ customerId: huaxin }).rows[0]!.amount).toBe(16);
  });

  it('keeps 3-decimal quantities and 2-decimal discounts exactly', () => {
    const s = sale({ lines: [{ productId: disk.id, quantity: 1.255, unitPrice: 1_000, discount: 33.33 }] });
    // 1.255 × 1000 × 0.6667 = 836.7085
    expect(s.lines[0]).toMatchObject({ quantity: 1.255, discount: 33.33, amount: 837 });
  });

  it('keeps the name, unit and price a line was sold at when the product changes later', () => {
    const s = sale({ lines: [{ productId: server.id, quantity: 2 }] });
    call(t.ctx, 'products.update', {
      id: server.id,
      version: server.version,
      name: '服务器 二代',
      unit: '套',
      listPrice: 1_500_000,
    });
    const line = { productName: '服务器', unit: '台', unitPrice: 1_200_000, amount: 2_400_000 };
    expect(get(s.id)).toMatchObject({ amount: 2_400_000, lines: [line] });
    // Editing the sale without its lines leaves them alone.
    expect(update({ id: s.id, version: 1, notes: '已开票' })).toMatchObject({
      amount: 2_400_000,
      lines: [line],
    });
    // Lines written now take the product as it is now.
    const again = sale({ lines: [{ productId: server.id, quantity: 1 }] });
    expect(again.lines[0]).toMatchObject({ productName: '服务器 二代', unit: '套', unitPrice: 1_500_000 });
  });

  it('replaces all lines on update, numbers them afresh and recomputes the amount', () => {
    const s = sale({
      lines: [
        { productId: server.id, quantity: 1 },
        { productId: disk.id, quantity: 4 },
      ],
    });
    const u = update({
      id: s.id,
      version: 1,
      lines: [{ productId: disk.id, quantity: 3, discount: 10 }],
    });
    expect(u.lines).toEqual([expect.objectContaining({ lineNo: 1, productId: disk.id, amount: 135_000 })]);
    expect(u.amount).toBe(135_000);
    expect(t.db.prepare('SELECT count(*) FROM sale_lines').pluck().get()).toBe(1);
    expect(update({ id: s.id, version: 2, lines: [] })).toMatchObject({ amount: 0, lines: [] });
  });

  it('refuses an inactive product on a new sale', () => {
    call(t.ctx, 'products.update', { id: disk.id, version: 1, active: false });
    const error = refused('sales.create', {
      customerId: huaxin,
      saleDate: '2026-01-02',
      lines: [{ productId: disk.id, quantity: 1 }],
    });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'lines.0.productId', reason: 'inactive' });
  });

  it('keeps an inactive product already on a sale, but does not let it onto another line set', () => {
    const s = sale({ lines: [{ productId: disk.id, quantity: 1 }] });
    const other = sale({ lines: [{ productId: server.id, quantity: 1 }] });
    call(t.ctx, 'products.update', { id: disk.id, version: 1, active: false });
    // The sale that already carried it may keep it, change its quantity and add lines.
    const u = update({
      id: s.id,
      version: 1,
      lines: [
        { productId: server.id, quantity: 1 },
        { productId: disk.id, quantity: 5, unitPrice: 50_000 },
      ],
    });
    expect(u.lines.map((l) => [l.productId, l.quantity])).toEqual([
      [server.id, 1],
      [disk.id, 5],
    ]);
    // A sale that never had it cannot take it.
    const error = refused('sales.update', {
      id: other.id,
      version: 1,
      lines: [
        { productId: server.id, quantity: 1 },
        { productId: disk.id, quantity: 1 },
      ],
    });
    expect(error).toMatchObject({ field: 'lines.1.productId', reason: 'inactive' });
  });

  it('refuses a line with a missing product on update and keeps the old lines', () => {
    const s = sale({ lines: [{ productId: server.id, quantity: 1 }] });
    const error = refused('sales.update', { id: s.id, version: 1, lines: [{ productId: 999, quantity: 1 }] });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'lines.0.productId', reason: 'not_found' });
    expect(get(s.id)).toEqual(s);
  });
});

describe('sales.update', () => {
  it('changes only the given fields, bumps the version and stamps updated_at', () => {
    const s = sale({
      contactId: wang,
      ownerId: me,
      status: 'delivered',
      amountReceived: 500,
      notes: '原备注',
      lines: [{ productId: disk.id, quantity: 2 }],
    });
    clock.set('2026-03-04T05:06:07.000Z');
    const u = update({ id: s.id, version: 1, notes: '新备注' });
    expect(u).toEqual({
      ...s,
      notes: '新备注',
      version: 2,
      updatedAt: '2026-03-04T05:06:07.000Z',
    });
    expect(get(s.id)).toEqual(u);
  });

  it('edits every field', () => {
    const rep = addSalesRep('赵六');
    const s = sale({ contactId: wang });
    const u = update({
      id: s.id,
      version: 1,
      customerId: mingda,
      contactId: li,
      saleDate: '2026-05-06',
      ownerId: rep,
      status: 'paid',
      amountReceived: 2_400_000,
      notes: null,
      lines: [{ productId: server.id, quantity: 2 }],
    });
    expect(u).toMatchObject({
      code: s.code,
      customerId: mingda,
      customerName: '上海明达贸易有限公司',
      contactId: li,
      contactName: '李晓梅',
      saleDate: '2026-05-06',
      ownerId: rep,
      status: 'paid',
      amount: 2_400_000,
      amountReceived: 2_400_000,
      notes: null,
    });
  });

  it('clears the contact with null', () => {
    const s = sale({ contactId: wang });
    expect(update({ id: s.id, version: 1, contactId: null })).toMatchObject({
      contactId: null,
      contactName: null,
    });
  });

  it("refuses a new customer while the sale keeps the old customer's contact", () => {
    const s = sale({ contactId: wang });
    expect(refused('sales.update', { id: s.id, version: 1, customerId: mingda })).toMatchObject({
      code: 'VALIDATION',
      field: 'contactId',
    });
    expect(refused('sales.update', { id: s.id, version: 1, contactId: li })).toMatchObject({
      field: 'contactId',
    });
    expect(refused('sales.update', { id: s.id, version: 1, customerId: 999 })).toMatchObject({
      field: 'customerId',
      reason: 'not_found',
    });
  });

  it('still edits a cancelled sale, and can reinstate it', () => {
    const s = sale({ status: 'cancelled', lines: [{ productId: server.id, quantity: 1 }] });
    const u = update({ id: s.id, version: 1, notes: '客户撤单', lines: [] });
    expect(u).toMatchObject({ status: 'cancelled', notes: '客户撤单', amount: 0 });
    expect(update({ id: s.id, version: 2, status: 'confirmed' }).status).toBe('confirmed');
  });

  it('refuses a stale version with CONFLICT and leaves the sale unchanged', () => {
    const s = sale({ lines: [{ productId: server.id, quantity: 1 }] });
    update({ id: s.id, version: 1, notes: '第一次' });
    const error = refused('sales.update', { id: s.id, version: 1, notes: '第二次', lines: [] });
    expect(error.code).toBe('CONFLICT');
    expect(get(s.id)).toMatchObject({ notes: '第一次', version: 2, amount: 1_200_000 });
  });

  it('returns NOT_FOUND for a missing id', () => {
    expect(refused('sales.update', { id: 999, version: 1, notes: 'x' }).code).toBe('NOT_FOUND');
  });

  it('refuses to set the opportunity', () => {
    const s = sale();
    expect(refused('sales.update', { id: s.id, version: 1, opportunityId: 1 })).toMatchObject({
      code: 'VALIDATION',
      field: 'opportunityId',
      reason: 'unknown_field',
    });
  });

  it('shows, and keeps on update, the opportunity a sale came from', () => {
    const opp = call(t.ctx, 'opportunities.create', {
      customerId: huaxin,
      title: '机房扩容',
      lines: [{ productId: server.id, quantity: 3 }],
    });
    const closed = call(t.ctx, 'opportunities.close', { id: opp.id, version: opp.version, outcome: 'won' });
    const s = get(closed.saleId!);
    expect(s).toMatchObject({ opportunityId: opp.id, opportunityCode: opp.code, amount: 3_600_000 });
    const u = update({ id: s.id, version: s.version, status: 'delivered' });
    expect(u).toMatchObject({ opportunityId: opp.id, opportunityCode: opp.code, status: 'delivered' });
    expect(codes({ keyword: s.code })).toEqual([s.code]);
  });
});

describe('sales.delete', () => {
  it('deletes sales with their lines and search rows', () => {
    const a = sale({ notes: '甲', lines: [{ productId: server.id, quantity: 1 }] });
    const b = sale({ notes: '乙', lines: [{ productId: disk.id, quantity: 1 }] });
    expect(call(t.ctx, 'sales.delete', { ids: [a.id, a.id] })).toMatchObject({ deleted: 1 });
    expect(callError(t.ctx, 'sales.get', { id: a.id }).code).toBe('NOT_FOUND');
    expect(t.db.prepare('SELECT sale_id FROM sale_lines').pluck().all()).toEqual([b.id]);
    expect(codes({ keyword: a.code })).toEqual([]);
    expect(codes({ keyword: '华信' })).toEqual([b.code]);
  });

  it('is atomic: a list with a missing id is NOT_FOUND and deletes nothing', () => {
    const a = sale({ lines: [{ productId: server.id, quantity: 1 }] });
    expect(refused('sales.delete', { ids: [a.id, 999] }).code).toBe('NOT_FOUND');
    expect(get(a.id)).toEqual(a);
  });

  it('goes with its customer: deleting a customer deletes its sales and their lines', () => {
    const a = sale({ lines: [{ productId: server.id, quantity: 1 }] });
    const b = create({
      customerId: mingda,
      saleDate: '2026-01-03',
      lines: [{ productId: disk.id, quantity: 2 }],
    });
    expect(call(t.ctx, 'customers.related', { ids: [huaxin] }).sales).toBe(1);
    call(t.ctx, 'customers.delete', { ids: [huaxin] });
    expect(callError(t.ctx, 'sales.get', { id: a.id }).code).toBe('NOT_FOUND');
    expect(t.db.prepare('SELECT sale_id FROM sale_lines').pluck().all()).toEqual([b.id]);
    expect(list().rows.map((r) => r.id)).toEqual([b.id]);
    expect(codes({ keyword: a.code })).toEqual([]);
  });

  it('keeps the sale when its contact is deleted, without the contact', () => {
    const s = sale({ contactId: wang });
    call(t.ctx, 'contacts.delete', { ids: [wang] });
    expect(get(s.id)).toMatchObject({ contactId: null, contactName: null });
  });
});

describe('sales.list', () => {
  let rep: number;
  let s: Sale[];
  beforeEach(() => {
    rep = addSalesRep('赵六');
    s = [
      create({
        customerId: huaxin,
        contactId: wang,
        saleDate: '2026-01-05',
        ownerId: me,
        notes: '年度框架协议',
      }),
      create({
        customerId: mingda,
        contactId: li,
        saleDate: '2026-02-10',
        ownerId: rep,
        status: 'paid',
        lines: [{ productId: server.id, quantity: 1 }],
      }),
      create({
        customerId: huaxin,
        saleDate: '2026-03-15',
        status: 'cancelled',
        lines: [{ productId: disk.id, quantity: 1 }],
      }),
      create({ customerId: mingda, saleDate: '2026-01-05', ownerId: me, amountReceived: 300 }),
    ];
  });

  it('lists the newest first by default, with the customer name', () => {
    const page = list();
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.code)).toEqual(['SO000003', 'SO000002', 'SO000004', 'SO000001']);
    expect(page.rows[0]).toEqual({
      id: s[2]!.id,
      code: 'SO000003',
      customerId: huaxin,
      customerName: '北京华信科技有限公司',
      opportunityId: null,
      saleDate: '2026-03-15',
      ownerId: null,
      status: 'cancelled',
      amount: 50_000,
      amountReceived: 0,
      updatedAt: FIXED_NOW,
      custom: {},
    });
  });

  it('finds a sale by its order number, whole or in part', () => {
    expect(codes({ keyword: 'SO000002' })).toEqual(['SO000002']);
    expect(codes({ keyword: 'so000003' })).toEqual(['SO000003']);
    expect(codes({ keyword: '000004' })).toEqual(['SO000004']);
  });

  it('finds sales by a 2-character piece of the customer name', () => {
    expect(codes({ keyword: '华信' })).toEqual(['SO000001', 'SO000003']);
    expect(codes({ keyword: '明达' })).toEqual(['SO000002', 'SO000004']);
    expect(codes({ keyword: '有限公司' })).toHaveLength(4);
  });

  it('finds sales by contact name and by notes', () => {
    expect(codes({ keyword: '晓梅' })).toEqual(['SO000002']);
    expect(codes({ keyword: '框架' })).toEqual(['SO000001']);
    expect(codes({ keyword: '不存在' })).toEqual([]);
    expect(codes({ keyword: '——' })).toEqual([]);
  });

  it('follows edits in search: new notes are found, old ones are not', () => {
    update({ id: s[0]!.id, version: 1, notes: '补充协议' });
    expect(codes({ keyword: '框架' })).toEqual([]);
    expect(codes({ keyword: '补充' })).toEqual(['SO000001']);
  });

  it('re-indexes the sales of a renamed customer or contact on request', () => {
    // customers.update and contacts.update call these when a name changes.
    const c = call(t.ctx, 'customers.update', { id: huaxin, version: 1, name: '北京新华信集团' });
    indexSalesOfCustomer(t.db, c.id);
    expect(codes({ keyword: '新华信' })).toEqual(['SO000001', 'SO000003']);
    expect(codes({ keyword: '科技' })).toEqual([]);
    call(t.ctx, 'contacts.update', { id: li, version: 1, name: '李明' });
    indexSalesOfContact(t.db, li);
    expect(codes({ keyword: '李明' })).toEqual(['SO000002']);
    expect(codes({ keyword: '晓梅' })).toEqual([]);
  });

  it('filters by customer, status, owner and date range, alone and together', () => {
    expect(codes({ customerId: huaxin })).toEqual(['SO000001', 'SO000003']);
    expect(codes({ status: 'paid' })).toEqual(['SO000002']);
    expect(codes({ ownerId: me })).toEqual(['SO000001', 'SO000004']);
    expect(codes({ ownerId: rep })).toEqual(['SO000002']);
    expect(codes({ dateFrom: '2026-01-06' })).toEqual(['SO000002', 'SO000003']);
    expect(codes({ dateTo: '2026-01-05' })).toEqual(['SO000001', 'SO000004']);
    expect(codes({ dateFrom: '2026-02-10', dateTo: '2026-02-10' })).toEqual(['SO000002']);
    expect(codes({ customerId: mingda, ownerId: me, dateTo: '2026-01-31' })).toEqual(['SO000004']);
    expect(codes({ customerId: huaxin, status: 'paid' })).toEqual([]);
    expect(codes({ keyword: '华信', dateFrom: '2026-03-01' })).toEqual(['SO000003']);
  });

  // 上海明达 sorts before 北京华信 by code point: 上 U+4E0A < 北 U+5317.
  it.each([
    ['customer', 'asc', ['SO000002', 'SO000004', 'SO000001', 'SO000003']],
    ['customer', 'desc', ['SO000003', 'SO000001', 'SO000004', 'SO000002']],
    ['saleDate', 'asc', ['SO000001', 'SO000004', 'SO000002', 'SO000003']],
    ['amount', 'desc', ['SO000002', 'SO000003', 'SO000004', 'SO000001']],
    ['amountReceived', 'desc', ['SO000004', 'SO000003', 'SO000002', 'SO000001']],
    ['status', 'asc', ['SO000003', 'SO000001', 'SO000004', 'SO000002']],
    ['code', 'desc', ['SO000004', 'SO000003', 'SO000002', 'SO000001']],
  ] as const)('sorts by %s %s, the id breaking ties', (column, direction, want) => {
    expect(list({ sort: { column, direction } }).rows.map((r) => r.code)).toEqual(want);
  });

  it('pages', () => {
    const p2 = list({ page: 2, pageSize: 3 });
    expect(p2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(p2.rows.map((r) => r.code)).toEqual(['SO000001']);
    expect(list({ page: 3, pageSize: 3 }).rows).toEqual([]);
  });
});

/**
 * One customer's sales by date must come straight out of sales_customer (customer_id,
 * sale_date): at 300,000 sales a customer's 销售 tab can afford neither to sort nor to walk the
 * date index. Checked for a customer with a few sales (collected) and one with a large share
 * (where the list would otherwise walk the date index), without statistics and with them.
 */
describe('sales.list query plans', () => {
  const CUSTOMERS = 100;
  const SALES = 3_000;
  let p: TestDb;
  let big: number;
  let small: number;

  beforeAll(() => {
    p = makeTestDb();
    const statuses = ['draft', 'confirmed', 'confirmed', 'delivered', 'paid', 'paid', 'paid', 'cancelled'];
    p.db.transaction(() => {
      for (let i = 0; i < CUSTOMERS; i++) call(p.ctx, 'customers.create', { name: `客户${i}` });
      for (let i = 0; i < SALES; i++) {
        // Customer 1 has a third of all sales, customer 2 has 3, the rest share what is left.
        const customerId = i % 3 === 0 ? 1 : i % 1000 === 1 ? 2 : 3 + ((i * 37) % (CUSTOMERS - 2));
        const day = new Date(Date.UTC(2024, 0, 1) + ((i * 7919) % 730) * 86_400_000);
        call(p.ctx, 'sales.create', {
          customerId,
          saleDate: day.toISOString().slice(0, 10),
          status: statuses[(i * 13) % statuses.length] as 'paid',
        });
      }
    })();
    big = 1;
    small = 2;
  });
  afterAll(() => p.close());

  const plan = (input: ChannelInput<'sales.list'>) => {
    const pl = planSaleList(p.db, saleListInput.parse(input));
    return (
      p.db.prepare(`EXPLAIN QUERY PLAN ${pl.page!.sql}`).all(...pl.page!.params) as { detail: string }[]
    )
      .map((r) => r.detail)
      .join(' | ');
  };

  /** The expected ids, by date and id, newest first, from a plain query. */
  const expected = (where: string, ...params: unknown[]) =>
    p.db
      .prepare(`SELECT id FROM sales WHERE ${where} ORDER BY sale_date DESC, id DESC`)
      .pluck()
      .all(...params) as number[];

  describe.each([
    ['without', false],
    ['with', true],
  ])('%s statistics', (_what, stats) => {
    beforeAll(() => {
      if (stats) p.db.exec('ANALYZE');
    });

    it.each([
      ['a few', () => small],
      ['a third', () => big],
    ])('reads a customer with %s of the sales through sales_customer, without sorting', (_w, who) => {
      const input = { customerId: who(), sort: { column: 'saleDate', direction: 'desc' } } as const;
      const detail = plan(input);
      expect(detail).toContain('USING INDEX sales_customer (customer_id=?)');
      expect(detail).not.toContain('TEMP B-TREE');
      const want = expected('customer_id = ?', who());
      const got = call(p.ctx, 'sales.list', { ...input, pageSize: 200 });
      expect(got.total).toBe(want.length);
      expect(got.rows.map((r) => r.id)).toEqual(want.slice(0, 200));
    });

    it('reads one customer by status in a date range through sales_customer too', () => {
      const input = {
        customerId: big,
        status: 'paid',
        dateFrom: '2024-03-01',
        dateTo: '2024-08-31',
        sort: { column: 'saleDate', direction: 'desc' },
        page: 2,
        pageSize: 20,
      } as const;
      const detail = plan(input);
      expect(detail).toContain('USING INDEX sales_customer (customer_id=? AND sale_date>? AND sale_date<?)');
      expect(detail).not.toContain('TEMP B-TREE');
      const want = expected(
        "customer_id = ? AND status = 'paid' AND sale_date BETWEEN '2024-03-01' AND '2024-08-31'",
        big,
      );
      expect(call(p.ctx, 'sales.list', input).rows.map((r) => r.id)).toEqual(want.slice(20, 40));
    });

    it.each([
      ['a narrow', '2024-02-01', '2024-02-29'],
      ['a wide', '2024-01-01', '2025-10-31'],
    ])('reads %s date range by the date index, in order, under a status filter', (_w, from, to) => {
      const input = {
        status: 'paid',
        dateFrom: from,
        dateTo: to,
        sort: { column: 'saleDate', direction: 'desc' },
        pageSize: 200,
      } as const;
      const detail = plan(input);
      expect(detail).toContain('USING INDEX sales_date (sale_date>? AND sale_date<?)');
      expect(detail).not.toContain('TEMP B-TREE');
      const want = expected("status = 'paid' AND sale_date BETWEEN ? AND ?", from, to);
      const got = call(p.ctx, 'sales.list', input);
      expect(got.total).toBe(want.length);
      expect(got.rows.map((r) => r.id)).toEqual(want.slice(0, 200));
    });

    it('pages the whole list by the date index without sorting', () => {
      const detail = plan({ page: 3 });
      expect(detail).toContain('USING INDEX sales_date');
      expect(detail).not.toContain('TEMP B-TREE');
    });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput, Expense, ExpenseCreateInput } from '../../src-main/contract';
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
import { insertOpportunityRow } from '../helpers/samples/activities';

let t: TestDb;
let clock: ManualClock;
/** Customers 华信 and 明达, an opportunity of each, the expense categories and the sales rep 本人. */
let huaxin: number;
let mingda: number;
let huaxinDeal: number;
let mingdaDeal: number;
let travel: number;
let entertainment: number;
let gift: number;
let other: number;
let me: number;

beforeEach(() => {
  clock = manualClock();
  t = makeTestDb({ now: clock.now });
  huaxin = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' }).id;
  mingda = call(t.ctx, 'customers.create', { name: '上海明达贸易有限公司' }).id;
  huaxinDeal = insertOpportunityRow(t.db, { customerId: huaxin, title: '华信 ERP 升级' });
  mingdaDeal = insertOpportunityRow(t.db, { customerId: mingda, title: '明达仓储系统' });
  travel = baseId(t.ctx, 'expense_category', 'travel');
  entertainment = baseId(t.ctx, 'expense_category', 'entertainment');
  gift = baseId(t.ctx, 'expense_category', 'gift');
  other = baseId(t.ctx, 'expense_category', 'other');
  me = baseId(t.ctx, 'sales_rep', 'me');
});
afterEach(() => t.close());

const validInput = (): ExpenseCreateInput => ({
  expenseDate: '2026-01-02',
  categoryId: travel,
  amount: 120_000,
});
const create = (input: Partial<ExpenseCreateInput> = {}): Expense =>
  call(t.ctx, 'expenses.create', { ...validInput(), ...input });
const get = (id: number): Expense => call(t.ctx, 'expenses.get', { id });
const list = (input: ChannelInput<'expenses.list'> = {}) => call(t.ctx, 'expenses.list', input);

/** Calls a channel that must refuse, and checks it left the database alone. */
function refused(channel: string, input: unknown) {
  const before = dbSnapshot(t.db);
  const error = callError(t.ctx, channel, input);
  expect(dbSnapshot(t.db)).toEqual(before);
  return error;
}

describe('expenses.create and expenses.get', () => {
  it('creates an expense with every field and reads it back with the names it points at', () => {
    const input = {
      expenseDate: '2026-01-05',
      categoryId: entertainment,
      amount: 35_050,
      customerId: huaxin,
      opportunityId: huaxinDeal,
      description: '请客户技术负责人吃饭，\n讨论方案',
      ownerId: me,
    };
    const created = create(input);
    expect(created).toEqual({
      id: created.id,
      ...input,
      customerName: '北京华信科技有限公司',
      opportunityTitle: '华信 ERP 升级',
      version: 1,
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
    });
    expect(get(created.id)).toEqual(created);
  });

  it('needs neither a customer nor an opportunity; empty text is stored as null', () => {
    expect(create({ description: '   ' })).toMatchObject({
      customerId: null,
      customerName: null,
      opportunityId: null,
      opportunityTitle: null,
      description: null,
      ownerId: null,
    });
  });

  it("files an expense given only an opportunity under the opportunity's customer", () => {
    expect(create({ opportunityId: mingdaDeal })).toMatchObject({
      customerId: mingda,
      customerName: '上海明达贸易有限公司',
      opportunityId: mingdaDeal,
    });
  });

  it.each([
    ['zero', 0, 'invalid_format'],
    ['negative', -100, 'too_small'],
  ])('refuses an amount of %s', (_what, amount, reason) => {
    expect(refused('expenses.create', { ...validInput(), amount })).toMatchObject({
      code: 'VALIDATION',
      field: 'amount',
      reason,
    });
  });

  it('refuses an amount in yuan with fractions of a cent', () => {
    expect(refused('expenses.create', { ...validInput(), amount: 12.5 })).toMatchObject({
      code: 'VALIDATION',
      field: 'amount',
    });
  });

  it('refuses a category from another base-data list, and an owner who is not a sales rep', () => {
    const industry = call(t.ctx, 'baseData.list', { kind: 'industry' })[0]!.id;
    expect(refused('expenses.create', { ...validInput(), categoryId: industry })).toMatchObject({
      code: 'VALIDATION',
      field: 'categoryId',
      reason: 'not_found',
    });
    expect(refused('expenses.create', { ...validInput(), categoryId: 99_999 })).toMatchObject({
      field: 'categoryId',
    });
    expect(refused('expenses.create', { ...validInput(), ownerId: travel })).toMatchObject({
      code: 'VALIDATION',
      field: 'ownerId',
      reason: 'not_found',
    });
  });

  it('refuses a customer or an opportunity that does not exist', () => {
    expect(refused('expenses.create', { ...validInput(), customerId: 999 })).toMatchObject({
      code: 'VALIDATION',
      field: 'customerId',
      reason: 'not_found',
    });
    expect(refused('expenses.create', { ...validInput(), opportunityId: 999 })).toMatchObject({
      code: 'VALIDATION',
      field: 'opportunityId',
      reason: 'not_found',
    });
  });

  it("refuses another customer's opportunity", () => {
    expect(
      refused('expenses.create', { ...validInput(), customerId: huaxin, opportunityId: mingdaDeal }),
    ).toMatchObject({ code: 'VALIDATION', field: 'opportunityId' });
  });

  it('refuses a date that is not a calendar date, and a missing category', () => {
    expect(refused('expenses.create', { ...validInput(), expenseDate: '2026-02-30' })).toMatchObject({
      field: 'expenseDate',
    });
    const { categoryId: _left, ...noCategory } = validInput();
    expect(refused('expenses.create', noCategory)).toMatchObject({ field: 'categoryId', reason: 'required' });
  });

  it('answers NOT_FOUND for an expense that does not exist', () => {
    expect(callError(t.ctx, 'expenses.get', { id: 999 }).code).toBe('NOT_FOUND');
  });
});

describe('expenses.update', () => {
  it('changes only the given fields: a new description keeps the amount and category', () => {
    const e = create({ categoryId: gift, amount: 50_000, customerId: huaxin, ownerId: me });
    clock.set('2026-01-03T08:00:00.000Z');
    const updated = call(t.ctx, 'expenses.update', { id: e.id, version: 1, description: '中秋礼盒' });
    expect(updated).toEqual({
      ...e,
      description: '中秋礼盒',
      version: 2,
      updatedAt: '2026-01-03T08:00:00.000Z',
    });
    expect(updated).toMatchObject({ amount: 50_000, categoryId: gift, customerId: huaxin, ownerId: me });
  });

  it('clears the optional fields given as null or empty', () => {
    const e = create({ customerId: huaxin, opportunityId: huaxinDeal, description: 'x', ownerId: me });
    expect(
      call(t.ctx, 'expenses.update', {
        id: e.id,
        version: 1,
        customerId: null,
        opportunityId: null,
        description: '',
        ownerId: null,
      }),
    ).toMatchObject({
      customerId: null,
      customerName: null,
      opportunityId: null,
      opportunityTitle: null,
      description: null,
      ownerId: null,
    });
  });

  it("takes the opportunity's customer when the customer is cleared but the opportunity stays", () => {
    const e = create({ customerId: huaxin, opportunityId: huaxinDeal });
    expect(call(t.ctx, 'expenses.update', { id: e.id, version: 1, customerId: null })).toMatchObject({
      customerId: huaxin,
      opportunityId: huaxinDeal,
    });
  });

  it('moves to another customer only with an opportunity of that customer', () => {
    const e = create({ customerId: huaxin, opportunityId: huaxinDeal });
    // The stored opportunity belongs to the old customer.
    expect(refused('expenses.update', { id: e.id, version: 1, customerId: mingda })).toMatchObject({
      code: 'VALIDATION',
      field: 'opportunityId',
    });
    expect(refused('expenses.update', { id: e.id, version: 1, opportunityId: mingdaDeal })).toMatchObject({
      code: 'VALIDATION',
      field: 'opportunityId',
    });
    expect(
      call(t.ctx, 'expenses.update', { id: e.id, version: 1, customerId: mingda, opportunityId: mingdaDeal }),
    ).toMatchObject({ customerName: '上海明达贸易有限公司', opportunityTitle: '明达仓储系统' });
  });

  it('refuses an amount of zero or less, and a category of another list', () => {
    const e = create();
    expect(refused('expenses.update', { id: e.id, version: 1, amount: 0 })).toMatchObject({
      code: 'VALIDATION',
      field: 'amount',
    });
    expect(refused('expenses.update', { id: e.id, version: 1, amount: -1 })).toMatchObject({
      field: 'amount',
    });
    expect(refused('expenses.update', { id: e.id, version: 1, categoryId: me })).toMatchObject({
      code: 'VALIDATION',
      field: 'categoryId',
    });
  });

  it('refuses a stale version as CONFLICT and changes nothing', () => {
    const e = create();
    call(t.ctx, 'expenses.update', { id: e.id, version: 1, amount: 130_000 });
    expect(refused('expenses.update', { id: e.id, version: 1, amount: 1 }).code).toBe('CONFLICT');
    expect(get(e.id)).toMatchObject({ amount: 130_000, version: 2 });
  });

  it('answers NOT_FOUND for an expense that does not exist', () => {
    expect(refused('expenses.update', { id: 999, version: 1, amount: 1 }).code).toBe('NOT_FOUND');
  });
});

describe('expenses.delete', () => {
  it('deletes the given expenses', () => {
    const [a, b, c] = [create(), create(), create()];
    expect(call(t.ctx, 'expenses.delete', { ids: [a.id, b.id, a.id] })).toMatchObject({ deleted: 2 });
    expect(callError(t.ctx, 'expenses.get', { id: a.id }).code).toBe('NOT_FOUND');
    expect(callError(t.ctx, 'expenses.get', { id: b.id }).code).toBe('NOT_FOUND');
    expect(get(c.id).id).toBe(c.id);
  });

  it('deletes none when one of them does not exist', () => {
    const a = create();
    expect(refused('expenses.delete', { ids: [a.id, 999] }).code).toBe('NOT_FOUND');
    expect(get(a.id).id).toBe(a.id);
  });

  it('goes with its customer, and the customer delete dialog counts it first', () => {
    const a = create({ customerId: huaxin });
    const b = create({ opportunityId: huaxinDeal });
    const kept = create({ customerId: mingda });
    const loose = create();
    expect(call(t.ctx, 'customers.related', { ids: [huaxin] }).expenses).toBe(2);
    call(t.ctx, 'customers.delete', { ids: [huaxin] });
    expect(callError(t.ctx, 'expenses.get', { id: a.id }).code).toBe('NOT_FOUND');
    expect(callError(t.ctx, 'expenses.get', { id: b.id }).code).toBe('NOT_FOUND');
    expect(get(kept.id).customerId).toBe(mingda);
    expect(get(loose.id).id).toBe(loose.id);
  });

  it('stays when its opportunity is deleted, without the opportunity', () => {
    const e = create({ customerId: huaxin, opportunityId: huaxinDeal, amount: 8_800 });
    call(t.ctx, 'opportunities.delete', { ids: [huaxinDeal] });
    expect(get(e.id)).toMatchObject({
      customerId: huaxin,
      opportunityId: null,
      opportunityTitle: null,
      amount: 8_800,
      version: 1,
    });
  });
});

describe('expenses.list', () => {
  it('lists rows with their customer and opportunity names, newest date first', () => {
    const a = create({ expenseDate: '2026-01-03', customerId: huaxin, opportunityId: huaxinDeal });
    const b = create({ expenseDate: '2026-01-05' });
    const c = create({ expenseDate: '2026-01-01', customerId: mingda });
    const page = list();
    expect(page.rows.map((r) => r.id)).toEqual([b.id, a.id, c.id]);
    expect(page.rows[1]).toEqual({
      id: a.id,
      expenseDate: '2026-01-03',
      categoryId: travel,
      amount: 120_000,
      customerId: huaxin,
      customerName: '北京华信科技有限公司',
      opportunityId: huaxinDeal,
      opportunityTitle: '华信 ERP 升级',
      description: null,
      ownerId: null,
      version: 1,
      updatedAt: FIXED_NOW,
    });
    expect(page).toMatchObject({ total: 3, totalAmount: 360_000, page: 1, pageSize: 50 });
  });

  it('filters by customer, opportunity, category and owner; the total amount follows the filter', () => {
    const a = create({ customerId: huaxin, opportunityId: huaxinDeal, amount: 100 });
    const b = create({ customerId: huaxin, categoryId: gift, ownerId: me, amount: 200 });
    const c = create({ customerId: mingda, categoryId: gift, amount: 400 });
    create({ amount: 800 });
    const ids = (input: ChannelInput<'expenses.list'>) => {
      const page = list({ ...input, sort: { column: 'amount', direction: 'asc' } });
      return { ids: page.rows.map((r) => r.id), total: page.total, totalAmount: page.totalAmount };
    };
    expect(ids({ customerId: huaxin })).toEqual({ ids: [a.id, b.id], total: 2, totalAmount: 300 });
    expect(ids({ opportunityId: huaxinDeal })).toEqual({ ids: [a.id], total: 1, totalAmount: 100 });
    expect(ids({ categoryId: gift })).toEqual({ ids: [b.id, c.id], total: 2, totalAmount: 600 });
    expect(ids({ ownerId: me })).toEqual({ ids: [b.id], total: 1, totalAmount: 200 });
    expect(ids({ categoryId: gift, customerId: mingda })).toEqual({
      ids: [c.id],
      total: 1,
      totalAmount: 400,
    });
    expect(ids({ categoryId: entertainment })).toEqual({ ids: [], total: 0, totalAmount: 0 });
  });

  it('includes both ends of a date range', () => {
    const days = ['2026-01-31', '2026-02-01', '2026-02-14', '2026-02-28', '2026-03-01'];
    const made = days.map((expenseDate, i) => create({ expenseDate, amount: 10 ** i }));
    const feb = list({ dateFrom: '2026-02-01', dateTo: '2026-02-28' });
    expect(feb.rows.map((r) => r.id)).toEqual([made[3]!.id, made[2]!.id, made[1]!.id]);
    expect(feb).toMatchObject({ total: 3, totalAmount: 10 + 100 + 1000 });
    expect(list({ dateFrom: '2026-02-28' }).rows.map((r) => r.expenseDate)).toEqual([
      '2026-03-01',
      '2026-02-28',
    ]);
    expect(list({ dateTo: '2026-01-31' })).toMatchObject({ total: 1, totalAmount: 1 });
    expect(list({ dateFrom: '2026-02-14', dateTo: '2026-02-14' })).toMatchObject({
      total: 1,
      totalAmount: 100,
    });
  });

  it('sums everything the filter selects, not just the page: 120 expenses in pages of 50', () => {
    let all = 0;
    let huaxinSum = 0;
    for (let i = 0; i < 120; i++) {
      const amount = 1_000 + i * 37;
      const customerId = i % 3 === 0 ? mingda : huaxin;
      create({
        expenseDate: `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
        amount,
        customerId,
      });
      all += amount;
      if (customerId === huaxin) huaxinSum += amount;
    }
    const pages = [1, 2, 3].map((page) => list({ page, pageSize: 50 }));
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 20]);
    for (const p of pages) expect(p).toMatchObject({ total: 120, totalAmount: all });
    // The pages add up to the same sum, in date order, none twice.
    const rows = pages.flatMap((p) => p.rows);
    expect(rows.reduce((s, r) => s + r.amount, 0)).toBe(all);
    expect(new Set(rows.map((r) => r.id)).size).toBe(120);
    const dates = rows.map((r) => r.expenseDate);
    expect(dates).toEqual([...dates].sort().reverse());

    // A page past the end still says what the filter holds.
    expect(list({ page: 4, pageSize: 50 })).toMatchObject({ rows: [], total: 120, totalAmount: all });
    // One customer's expenses across pages, read in date order.
    const huaxinPages = [1, 2].map((page) => list({ customerId: huaxin, page, pageSize: 50 }));
    expect(huaxinPages.map((p) => p.rows.length)).toEqual([50, 30]);
    for (const p of huaxinPages) expect(p).toMatchObject({ total: 80, totalAmount: huaxinSum });
    const huaxinDates = huaxinPages.flatMap((p) => p.rows.map((r) => r.expenseDate));
    expect(huaxinDates).toEqual([...huaxinDates].sort().reverse());
  });

  it("sorts by category in the list's order, not by id", () => {
    const o = create({ categoryId: other });
    const tr = create({ categoryId: travel });
    const en = create({ categoryId: entertainment });
    const order = (direction: 'asc' | 'desc') =>
      list({ sort: { column: 'category', direction } }).rows.map((r) => r.id);
    expect(order('asc')).toEqual([tr.id, en.id, o.id]);
    // 其他 moved to the top of the list (as the base-data screen would).
    t.db.prepare('UPDATE base_items SET sort_order = 0 WHERE id = ?').run(other);
    expect(order('asc')).toEqual([o.id, tr.id, en.id]);
    expect(order('desc')).toEqual([en.id, tr.id, o.id]);
  });

  it('sorts by customer name and by amount', () => {
    const none = create({ amount: 300 });
    const m = create({ customerId: mingda, amount: 100 });
    const h = create({ customerId: huaxin, amount: 200 });
    // Names sort by code point: 上海… (U+4E0A) before 北京… (U+5317); no customer sorts first.
    expect(list({ sort: { column: 'customer', direction: 'asc' } }).rows.map((r) => r.id)).toEqual([
      none.id,
      m.id,
      h.id,
    ]);
    expect(list({ sort: { column: 'amount', direction: 'desc' } }).rows.map((r) => r.id)).toEqual([
      none.id,
      h.id,
      m.id,
    ]);
  });
});

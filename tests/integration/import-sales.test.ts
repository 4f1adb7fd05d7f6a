import { rebuildRollups } from '../../src-main/analysis/rollups';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applySales } from '../../src-main/import/apply-sales';
import { suggestMapping } from '../../src-main/import/fields';
import { undoImport } from '../../src-main/import/journal';
import type { PlanOptions } from '../../src-main/import/plan';
import { planSales, type SalesPlan } from '../../src-main/import/plan-sales';
import { noJobControl } from '../../src-main/jobs/control';
import { call, makeTestDb, steppingClock, tableHashes, type TestDb } from '../helpers/db';
import { rowsOf } from '../helpers/import-plan';

/**
 * 导入 of a sales file, one row per sale line: rows grouped by order number into one sale with its
 * lines, orders whose rows disagree or have a bad line rejected whole, the order number kept as
 * the sale's; then 撤销导入 leaves every table as it was.
 */

let t: TestDb;
beforeEach(() => {
  t = makeTestDb({ now: steppingClock('2026-12-02T08:00:00.000Z') });
});
afterEach(() => t.close());

/** Every table but the journal's own and the full-text indexes' internal segments. */
const recordTables = (db: TestDb['db']) =>
  Object.fromEntries(
    Object.entries(tableHashes(db)).filter(
      ([name]) => !name.startsWith('import') && !name.includes('_search_'),
    ),
  );

const RANGE = { from: '2026-01-01', to: '2026-12-31' } as const;
const analyses = () => ({
  trend: call(t.ctx, 'analysis.trend', { ...RANGE, period: 'month' }),
  customers: call(t.ctx, 'analysis.composition', { ...RANGE, by: 'customer' }),
  categories: call(t.ctx, 'analysis.composition', { ...RANGE, by: 'category' }),
});

const HEADERS = ['订单号', '销售日期', '客户', '产品', '数量', '单价', '折扣'];
const defaults: PlanOptions = { duplicates: 'skip', missingLinks: 'reject' };

function check(cells: string[][], options: Partial<PlanOptions> = {}, headers = HEADERS) {
  return planSales(t.ctx, {
    kind: 'sales',
    headers,
    rows: () => rowsOf(cells),
    mapping: suggestMapping('sales', headers),
    options: { ...defaults, ...options },
  });
}

function apply(p: SalesPlan, options: Partial<PlanOptions> = {}) {
  return t.db.transaction(() =>
    applySales(
      t.ctx,
      p,
      {
        fileName: '销售.csv',
        mapping: suggestMapping('sales', HEADERS),
        options: { ...defaults, ...options },
      },
      noJobControl,
    ),
  )();
}

function seed() {
  const huaxin = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' });
  const mingda = call(t.ctx, 'customers.create', { name: '上海明达贸易有限公司' });
  const tea = call(t.ctx, 'products.create', { name: '龙井茶', listPrice: 12_000 });
  const cup = call(t.ctx, 'products.create', { name: '茶杯', listPrice: 3_000 });
  return { huaxin, mingda, tea, cup };
}

/** Rows 2–11: SO-A (2 lines) and SO-B (3 lines) interleaved, SO-C in conflict, SO-D a bad line. */
const ROWS = [
  ['SO-A', '2026-03-05', '北京华信科技有限公司', '龙井茶', '2', '120', '10%'],
  ['SO-B', '2026/3/6', '上海明达贸易有限公司', '茶杯', '10', '', ''],
  ['SO-C', '2026-03-07', '北京华信科技有限公司', '龙井茶', '1', '', ''],
  ['SO-A', '2026/3/5', '', '茶杯', '4', '¥25.50', '5'],
  ['SO-B', '2026-03-06', '上海明达贸易有限公司', '龙井茶', '1', '100', '8.5折'],
  ['SO-D', '2026-03-08', '上海明达贸易有限公司', '龙井茶', '1', '', ''],
  ['SO-C', '2026-03-07', '上海明达贸易有限公司', '茶杯', '1', '', ''],
  ['SO-B', '', '', '茶杯', '3', '30', ''],
  ['SO-D', '2026-03-08', '上海明达贸易有限公司', '普洱茶', '1', '', ''],
  ['SO-D', '2026-03-08', '上海明达贸易有限公司', '茶杯', '0', '', ''],
];

describe('importing a sales file grouped by order number', () => {
  it('makes one sale per order with its lines, rejects conflicting and bad orders whole, and is undone', async () => {
    const { huaxin, mingda, tea, cup } = seed();
    // Undo leaves the analysis rollups rebuilt; so are they here, as after any analysis.
    rebuildRollups(t.db);
    const before = recordTables(t.db);
    const answers = analyses();
    const p = await check(ROWS);
    expect(p.counts).toEqual({ new: 2, update: 0, duplicate: 0, rejected: 2 });
    expect(p.actions.map((a) => [a.rows, a.action])).toEqual([
      [[2, 5], 'create'],
      [[3, 6, 9], 'create'],
      [[4, 8], 'reject'],
      [[7, 10, 11], 'reject'],
    ]);
    expect(p.problems).toEqual([
      // SO-C: every row says its rows disagree on the customer, with the row's own value.
      {
        row: 4,
        column: '客户',
        field: 'customerId',
        value: '北京华信科技有限公司',
        reason: 'order_conflict',
        params: { order: 'SO-C', field: 'customerId' },
      },
      {
        row: 8,
        column: '客户',
        field: 'customerId',
        value: '上海明达贸易有限公司',
        reason: 'order_conflict',
        params: { order: 'SO-C', field: 'customerId' },
      },
      // SO-D: an unknown product and a zero quantity; the good row goes back with them.
      {
        row: 7,
        column: '订单号',
        field: 'code',
        value: 'SO-D',
        reason: 'order_rejected',
        params: { order: 'SO-D', row: 10 },
      },
      { row: 10, column: '产品', field: 'productId', value: '普洱茶', reason: 'not_found' },
      expect.objectContaining({
        row: 11,
        column: '数量',
        field: 'quantity',
        value: '0',
        reason: 'too_small',
      }),
    ]);

    const done = apply(p);
    expect(done.counts).toEqual({ new: 2, update: 0, duplicate: 0, rejected: 2, linkedCreated: 0 });
    expect(done.problems).toEqual([]);
    const sales = call(t.ctx, 'sales.list', { sort: { column: 'code', direction: 'asc' } }).rows;
    expect(sales.map((s) => [s.code, s.customerId, s.saleDate])).toEqual([
      ['SO-A', huaxin.id, '2026-03-05'],
      ['SO-B', mingda.id, '2026-03-06'],
    ]);
    const a = call(t.ctx, 'sales.get', { id: sales[0]!.id });
    expect(a.lines.map((l) => [l.productId, l.quantity, l.unitPrice, l.discount, l.amount])).toEqual([
      [tea.id, 2, 12_000, 10, 21_600],
      [cup.id, 4, 2_550, 5, 9_690],
    ]);
    expect(a.amount).toBe(31_290);
    const b = call(t.ctx, 'sales.get', { id: sales[1]!.id });
    // An empty price is the list price; 8.5折 pays 85 %.
    expect(b.lines.map((l) => [l.productId, l.quantity, l.unitPrice, l.discount])).toEqual([
      [cup.id, 10, 3_000, 0],
      [tea.id, 1, 10_000, 15],
      [cup.id, 3, 3_000, 0],
    ]);
    expect(call(t.ctx, 'sales.list', { keyword: 'SO-B' }).total).toBe(1);

    expect(analyses().trend.total.amount).toBe(31_290 + 30_000 + 8_500 + 9_000);

    undoImport(t.db, done.importId, t.ctx.now());
    expect(recordTables(t.db)).toEqual(before);
    expect(analyses()).toEqual(answers);
    // The next sale gets the number it would have had.
    expect(call(t.ctx, 'sales.create', { customerId: huaxin.id, saleDate: '2026-03-09' }).code).toBe(
      'SO000001',
    );
  });

  it('rejects an order whose rows name two dates at each row', async () => {
    seed();
    const p = await check([
      ['SO-E', '2026-03-05', '北京华信科技有限公司', '龙井茶', '1', '', ''],
      ['SO-E', '2026-03-06', '北京华信科技有限公司', '茶杯', '1', '', ''],
    ]);
    expect(p.counts.rejected).toBe(1);
    expect(p.problems.map((x) => [x.row, x.field, x.value, x.reason])).toEqual([
      [2, 'saleDate', '2026-03-05', 'order_conflict'],
      [3, 'saleDate', '2026-03-06', 'order_conflict'],
    ]);
  });

  it('reads a discount column of fractions as fractions, and one with a number above 1 as percent', async () => {
    seed();
    const discounts = async (values: string[]) => {
      const p = await check(
        values.map((d, i) => [`SO-${i}`, '2026-03-05', '北京华信科技有限公司', '茶杯', '1', '', d]),
      );
      return p.actions.map((a) => (a.input!.lines as { discount?: number }[])[0]!.discount);
    };
    // Northwind's 0.05 is 5 %; 1 in a column of fractions is all of it; 15% and 9折 are as written;
    // an empty cell is no discount.
    expect(await discounts(['0.05', '0', '1', '0.25', '15%', '9折', ''])).toEqual([5, 0, 100, 25, 15, 10, 0]);
    expect(await discounts(['0.5', '5', '10%'])).toEqual([0.5, 5, 10]);
    // Only 0 and 1: nothing says fractions, so they are per cent.
    expect(await discounts(['0', '1'])).toEqual([0, 1]);
  });

  it('skips an order number the database has, or makes it anyway under the next number; update is refused', async () => {
    const { huaxin, tea } = seed();
    const stored = call(t.ctx, 'sales.create', {
      customerId: huaxin.id,
      saleDate: '2026-03-01',
      lines: [{ productId: tea.id, quantity: 1 }],
    });
    const rows = [
      [stored.code, '2026-03-05', '北京华信科技有限公司', '龙井茶', '2', '', ''],
      ['SO-N', '2026-03-05', '杭州西湖茶业', '龙井茶', '2', '', ''],
      ['SO-N', '2026-03-05', '杭州西湖茶业', '茶杯', '1', '', ''],
    ];
    const skip = await check(rows);
    expect(skip.counts).toEqual({ new: 0, update: 0, duplicate: 1, rejected: 1 });
    expect(skip.actions[0]).toMatchObject({ action: 'skip', targetId: stored.id });
    expect(skip.problems.map((x) => [x.row, x.reason])).toEqual([
      // Each row names the customer that does not exist.
      [3, 'not_found'],
      [4, 'not_found'],
    ]);

    const anyway = await check(rows, { duplicates: 'create', missingLinks: 'create' });
    expect(anyway.counts).toEqual({ new: 2, update: 0, duplicate: 0, rejected: 0 });
    const done = apply(anyway, { duplicates: 'create', missingLinks: 'create' });
    expect(done.counts).toEqual({ new: 2, update: 0, duplicate: 0, rejected: 0, linkedCreated: 1 });
    const codes = call(t.ctx, 'sales.list', { sort: { column: 'code', direction: 'asc' } }).rows.map((s) => [
      s.code,
      s.customerName,
    ]);
    expect(codes).toEqual([
      ['SO-N', '杭州西湖茶业'],
      ['SO000001', '北京华信科技有限公司'],
      ['SO000002', '北京华信科技有限公司'],
    ]);

    await expect(check(rows, { duplicates: 'update' })).rejects.toMatchObject({
      code: 'VALIDATION',
      details: { field: 'options.duplicates' },
    });
  });
});

/**
 * 销售走势, 销售漏斗 and 销售构成 against small hand-made data, every figure worked out by hand in
 * the comments beside it. Amounts are cents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChannelInput, SaleCreateInput } from '../../src-main/contract';
import {
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
/** 华信 (type 客户, region 华北) and 明达 (type 合作伙伴, region 华东). */
let huaxin: number;
let mingda: number;
/** 服务器 (硬件, ¥1,000.00), ERP 软件 (软件, ¥500.00), 网线 (no category, ¥10.01). */
let server: number;
let erp: number;
let cable: number;
let me: number;
let zhang: number;
let hardware: number;
let software: number;

const trend = (input: ChannelInput<'analysis.trend'>) => call(t.ctx, 'analysis.trend', input);
const composition = (input: ChannelInput<'analysis.composition'>) =>
  call(t.ctx, 'analysis.composition', input);

/**
 * The sales (lines in cents):
 *   S8 2024-01-15 明达 本人  ERP 1 × 50,000                              =  50,000
 *   S1 2024-02-28 华信 本人  服务器 1 × 100,000 + 网线 1 × 1,001          = 101,001
 *   S2 2024-02-29 明达 张伟  ERP 2 × 50,000 − 10 % = 90,000              =  90,000 (leap day)
 *   S6 2024-02-29 华信 本人  服务器 1 × 100,000, cancelled                → never counted
 *   S4 2024-03-10 华信 张伟  服务器 0.1 × 100,000                         =  10,000
 *   S5 2024-03-10 明达 本人  ERP 1 × 10,001 (price typed in)              =  10,001
 *   S9 2024-03-10 华信 本人  no lines                                     → no order
 *   2024-12-29 (2024-W52) and 2024-12-30 (2025-W01), 明达 本人, 网线 1 each =   1,001 each
 *   2020-12-31 (2020-W53) 网线 1, 2021-01-03 (2020-W53) 网线 2, 2021-01-04 (2021-W01) 网线 3,
 *     华信 本人                                                           = 1,001 / 2,002 / 3,003
 */
function seed(): void {
  const sale = (input: SaleCreateInput) => call(t.ctx, 'sales.create', input);
  huaxin = call(t.ctx, 'customers.create', {
    name: '北京华信科技有限公司',
    typeId: baseId(t.ctx, 'customer_type', 'customer'),
    regionId: baseId(t.ctx, 'region', 'north'),
  }).id;
  mingda = call(t.ctx, 'customers.create', {
    name: '上海明达贸易有限公司',
    typeId: baseId(t.ctx, 'customer_type', 'partner'),
    regionId: baseId(t.ctx, 'region', 'east'),
  }).id;
  hardware = baseId(t.ctx, 'product_category', 'hardware');
  software = baseId(t.ctx, 'product_category', 'software');
  server = call(t.ctx, 'products.create', { name: '服务器', categoryId: hardware, listPrice: 100_000 }).id;
  erp = call(t.ctx, 'products.create', { name: 'ERP 软件', categoryId: software, listPrice: 50_000 }).id;
  cable = call(t.ctx, 'products.create', { name: '网线', listPrice: 1001 }).id;
  me = baseId(t.ctx, 'sales_rep', 'me');
  zhang = call(t.ctx, 'baseData.create', { kind: 'sales_rep', nameZh: '张伟' }).id;

  sale({ customerId: mingda, saleDate: '2024-01-15', ownerId: me, lines: [{ productId: erp, quantity: 1 }] });
  sale({
    customerId: huaxin,
    saleDate: '2024-02-28',
    ownerId: me,
    lines: [
      { productId: server, quantity: 1 },
      { productId: cable, quantity: 1 },
    ],
  });
  sale({
    customerId: mingda,
    saleDate: '2024-02-29',
    ownerId: zhang,
    lines: [{ productId: erp, quantity: 2, discount: 10 }],
  });
  sale({
    customerId: huaxin,
    saleDate: '2024-02-29',
    ownerId: me,
    status: 'cancelled',
    lines: [{ productId: server, quantity: 1 }],
  });
  sale({
    customerId: huaxin,
    saleDate: '2024-03-10',
    ownerId: zhang,
    lines: [{ productId: server, quantity: 0.1 }],
  });
  sale({
    customerId: mingda,
    saleDate: '2024-03-10',
    ownerId: me,
    lines: [{ productId: erp, quantity: 1, unitPrice: 10_001 }],
  });
  sale({ customerId: huaxin, saleDate: '2024-03-10', ownerId: me });
  for (const saleDate of ['2024-12-29', '2024-12-30']) {
    sale({ customerId: mingda, saleDate, ownerId: me, lines: [{ productId: cable, quantity: 1 }] });
  }
  for (const [saleDate, quantity] of [
    ['2020-12-31', 1],
    ['2021-01-03', 2],
    ['2021-01-04', 3],
  ] as const) {
    sale({ customerId: huaxin, saleDate, ownerId: me, lines: [{ productId: cable, quantity }] });
  }
}

beforeAll(() => {
  clock = manualClock('2026-03-15T12:00:00.000Z');
  t = makeTestDb({ now: clock.now });
  seed();
});
afterAll(() => t.close());

const bucket = (
  key: string,
  start: string,
  end: string,
  amount: number,
  orders: number,
  averageOrder: number,
) => ({
  key,
  start,
  end,
  amount,
  orders,
  averageOrder,
});

describe('analysis.trend', () => {
  it('sums months, with the calendar months before as the previous period', () => {
    const r = trend({ from: '2024-02-01', to: '2024-03-31', period: 'month' });
    expect(r.buckets).toEqual([
      // S1 101,001 + S2 90,000 = 191,001 over 2 orders (S6 is cancelled): 95,500.5 → 95,501.
      bucket('2024-02', '2024-02-01', '2024-02-29', 191_001, 2, 95_501),
      // S4 10,000 + S5 10,001 = 20,001 over 2 orders (S9 has no lines): 10,000.5 → 10,001, the
      // half-cent tie (¥100.005 → ¥100.01) rounded up.
      bucket('2024-03', '2024-03-01', '2024-03-31', 20_001, 2, 10_001),
    ]);
    // 29 + 31 = 60 days; the 60 days before 2024-02-01 are 2023-12-03 … 2024-01-31: two
    // calendar months, as many as this range has, so those are the buckets.
    expect(r.previous).toEqual([
      bucket('2023-12', '2023-12-03', '2023-12-31', 0, 0, 0),
      bucket('2024-01', '2024-01-01', '2024-01-31', 50_000, 1, 50_000),
    ]);
    // 211,002 / 4 = 52,750.5 → 52,751.
    expect(r.total).toEqual({ amount: 211_002, orders: 4, averageOrder: 52_751 });
    expect(r.previousTotal).toEqual({ amount: 50_000, orders: 1, averageOrder: 50_000 });
    expect(r).toMatchObject({ from: '2024-02-01', to: '2024-03-31', period: 'month' });
  });

  it('counts a one-day range on the leap day, beside the day before', () => {
    const r = trend({ from: '2024-02-29', to: '2024-02-29', period: 'day' });
    expect(r.buckets).toEqual([bucket('2024-02-29', '2024-02-29', '2024-02-29', 90_000, 1, 90_000)]);
    expect(r.previous).toEqual([bucket('2024-02-28', '2024-02-28', '2024-02-28', 101_001, 1, 101_001)]);
  });

  it('puts days into ISO weeks, across the turn of the year', () => {
    // 2020-12-28 (Mon) … 2021-01-03 (Sun) is 2020-W53: 1,001 + 2,002; 2021-01-04 starts 2021-W01.
    expect(trend({ from: '2020-12-28', to: '2021-01-10', period: 'week' }).buckets).toEqual([
      bucket('2020-W53', '2020-12-28', '2021-01-03', 3003, 2, 1502), // 1,501.5 → 1,502
      bucket('2021-W01', '2021-01-04', '2021-01-10', 3003, 1, 3003),
    ]);
    // 2024-12-30 (Mon) belongs to 2025-W01; 2024-12-29 (Sun) to 2024-W52.
    expect(trend({ from: '2024-12-23', to: '2025-01-05', period: 'week' }).buckets).toEqual([
      bucket('2024-W52', '2024-12-23', '2024-12-29', 1001, 1, 1001),
      bucket('2025-W01', '2024-12-30', '2025-01-05', 1001, 1, 1001),
    ]);
    // A range starting mid-week: the first week is cut to the range.
    expect(
      trend({ from: '2020-12-31', to: '2021-01-04', period: 'week' }).buckets.map((b) => b.start),
    ).toEqual(['2020-12-31', '2021-01-04']);
  });

  it('sums quarters and years', () => {
    // Q1: 50,000 + 191,001 + 20,001 = 261,002 over 5; Q4: 1,001 + 1,001 over 2.
    expect(
      trend({ from: '2024-01-01', to: '2024-12-31', period: 'quarter' }).buckets.map((b) => [
        b.key,
        b.amount,
        b.orders,
      ]),
    ).toEqual([
      ['2024-Q1', 261_002, 5],
      ['2024-Q2', 0, 0],
      ['2024-Q3', 0, 0],
      ['2024-Q4', 2002, 2],
    ]);
    // 2020: 1,001; 2021: 2,002 + 3,003 = 5,005.
    expect(
      trend({ from: '2020-01-01', to: '2021-12-31', period: 'year' }).buckets.map((b) => [
        b.key,
        b.amount,
        b.orders,
      ]),
    ).toEqual([
      ['2020', 1001, 1],
      ['2021', 5005, 2],
    ]);
  });

  it('shifts the buckets back when the calendar does not give as many before', () => {
    // March 2024 is 31 days; the 31 days before are 2024-01-30 … 2024-02-29, two calendar
    // months for one, so the one bucket moves back 31 days whole: Feb's 191,001 over 2 orders.
    expect(trend({ from: '2024-03-01', to: '2024-03-31', period: 'month' }).previous).toEqual([
      bucket('2024-01', '2024-01-30', '2024-02-29', 191_001, 2, 95_501),
    ]);
  });

  it('keeps empty buckets as zeros', () => {
    const r = trend({ from: '2010-01-01', to: '2010-03-31', period: 'month' });
    expect(r.buckets.map((b) => [b.key, b.amount, b.orders, b.averageOrder])).toEqual([
      ['2010-01', 0, 0, 0],
      ['2010-02', 0, 0, 0],
      ['2010-03', 0, 0, 0],
    ]);
    expect(r.total).toEqual({ amount: 0, orders: 0, averageOrder: 0 });
  });

  it('defaults to the last 12 months and to months', () => {
    // Today is 2026-03-15: from 2025-04-01 (11 months before March) to today.
    const r = trend({});
    expect([r.from, r.to, r.period, r.buckets.length]).toEqual(['2025-04-01', '2026-03-15', 'month', 12]);
    expect(r.buckets.at(-1)).toMatchObject({ key: '2026-03', start: '2026-03-01', end: '2026-03-15' });
    // Only `to` given: the 12 months up to it.
    expect(trend({ to: '2024-03-31' })).toMatchObject({ from: '2023-04-01', to: '2024-03-31' });
  });

  it('filters by owner, customer type, region, product category and product', () => {
    const feb = { from: '2024-02-01', to: '2024-03-31', period: 'month' } as const;
    const pick = (input: ChannelInput<'analysis.trend'>) =>
      trend({ ...feb, ...input }).buckets.map((b) => [b.amount, b.orders]);
    // 张伟: S2 90,000 in Feb, S4 10,000 in March.
    expect(pick({ ownerId: zhang })).toEqual([
      [90_000, 1],
      [10_000, 1],
    ]);
    // 合作伙伴 is 明达: S2 and S5.
    expect(pick({ customerTypeId: baseId(t.ctx, 'customer_type', 'partner') })).toEqual([
      [90_000, 1],
      [10_001, 1],
    ]);
    // 华北 is 华信: S1 (both lines) and S4.
    expect(pick({ regionId: baseId(t.ctx, 'region', 'north') })).toEqual([
      [101_001, 1],
      [10_000, 1],
    ]);
    // 硬件 lines only: S1's server line and S4.
    expect(pick({ productCategoryId: hardware })).toEqual([
      [100_000, 1],
      [10_000, 1],
    ]);
    // 网线: S1's second line.
    expect(pick({ productId: cable })).toEqual([
      [1001, 1],
      [0, 0],
    ]);
    // Two filters together: 张伟's 软件 lines, S2 alone.
    expect(pick({ ownerId: zhang, productCategoryId: software })).toEqual([
      [90_000, 1],
      [0, 0],
    ]);
  });

  it('refuses a range backwards, an unknown period and wrong types, changing nothing', () => {
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'analysis.trend', { from: '2024-03-01', to: '2024-02-01' })).toMatchObject({
      code: 'VALIDATION',
      field: 'to',
    });
    // A `from` after today's default `to`: the same answer as an explicit one.
    expect(callError(t.ctx, 'analysis.trend', { from: '2026-04-01' })).toMatchObject({
      code: 'VALIDATION',
      field: 'to',
      reason: 'invalid_format',
    });
    expect(callError(t.ctx, 'analysis.trend', { from: '2024-03-01', to: '2024-02-01' })).toMatchObject({
      reason: 'invalid_format',
    });
    expect(callError(t.ctx, 'analysis.trend', { period: 'hour' })).toMatchObject({
      code: 'VALIDATION',
      field: 'period',
    });
    expect(callError(t.ctx, 'analysis.trend', { from: 20240101 })).toMatchObject({
      code: 'VALIDATION',
      field: 'from',
    });
    expect(callError(t.ctx, 'analysis.trend', { from: '2023-02-29' })).toMatchObject({
      code: 'VALIDATION',
      field: 'from',
    });
    expect(callError(t.ctx, 'analysis.trend', { ownerId: 'me' })).toMatchObject({
      code: 'VALIDATION',
      field: 'ownerId',
    });
    // Thousands of years by day are too many buckets.
    expect(
      callError(t.ctx, 'analysis.trend', { from: '2000-01-01', to: '2020-01-01', period: 'day' }),
    ).toMatchObject({ code: 'VALIDATION', field: 'period', reason: 'too_big', limit: 5000 });
    expect(dbSnapshot(t.db)).toEqual(before);
  });
});

describe('analysis.composition', () => {
  // 2024: 硬件 S1 100,000 + S4 10,000 = 110,000 (2 sales); 软件 S8 50,000 + S2 90,000 + S5 10,001
  // = 150,001 (3); none (网线) S1 1,001 + 1,001 + 1,001 = 3,003 (3). Total 263,004.
  const year = { from: '2024-01-01', to: '2024-12-31' } as const;
  const TOTAL = 263_004;

  it('shares by category, with "none" for lines without one', () => {
    const r = composition({ ...year, by: 'category' });
    expect(r.total).toBe(TOTAL);
    expect(r.rows).toEqual([
      {
        id: software,
        name: '软件',
        amount: 150_001,
        orders: 3,
        share: 150_001 / TOTAL,
        cumulativeShare: 150_001 / TOTAL,
      },
      {
        id: hardware,
        name: '硬件',
        amount: 110_000,
        orders: 2,
        share: 110_000 / TOTAL,
        cumulativeShare: 260_001 / TOTAL,
      },
      { id: null, name: null, amount: 3003, orders: 3, share: 3003 / TOTAL, cumulativeShare: 1 },
    ]);
    expect(r.other).toBeNull();
  });

  it('groups the tail past the top N as other, counting each sale once', () => {
    const top2 = composition({ ...year, by: 'category', top: 2 });
    expect(top2.rows.map((r) => r.id)).toEqual([software, hardware]);
    expect(top2.other).toEqual({ groups: 1, amount: 3003, orders: 3, share: 3003 / TOTAL });
    // Top 1: 硬件 and none are left, 113,003; their sales are S1, S4 and the two in December:
    // 4, not 2 + 3, since S1 has a line in each.
    expect(composition({ ...year, by: 'category', top: 1 }).other).toEqual({
      groups: 2,
      amount: 113_003,
      orders: 4,
      share: 113_003 / TOTAL,
    });
  });

  it('shares by product, customer, customer type, region and owner', () => {
    const rows = (by: ChannelInput<'analysis.composition'>['by']) =>
      composition({ ...year, by }).rows.map((r) => [r.name, r.amount, r.orders]);
    expect(rows('product')).toEqual([
      ['ERP 软件', 150_001, 3],
      ['服务器', 110_000, 2],
      ['网线', 3003, 3],
    ]);
    // 明达: 50,000 + 90,000 + 10,001 + 1,001 + 1,001 = 152,003 over 5; 华信: 101,001 + 10,000 over 2.
    expect(rows('customer')).toEqual([
      ['上海明达贸易有限公司', 152_003, 5],
      ['北京华信科技有限公司', 111_001, 2],
    ]);
    expect(rows('customerType')).toEqual([
      ['合作伙伴', 152_003, 5],
      ['客户', 111_001, 2],
    ]);
    expect(rows('region')).toEqual([
      ['华东', 152_003, 5],
      ['华北', 111_001, 2],
    ]);
    // 本人: 50,000 + 101,001 + 10,001 + 1,001 + 1,001 = 163,004 over 5; 张伟: 90,000 + 10,000.
    expect(rows('owner')).toEqual([
      ['本人', 163_004, 5],
      ['张伟', 100_000, 2],
    ]);
    // Sale-level groups: the rest's orders are the sales left, 2.
    expect(composition({ ...year, by: 'customer', top: 1 }).other).toEqual({
      groups: 1,
      amount: 111_001,
      orders: 2,
      share: 111_001 / TOTAL,
    });
  });

  it('filters like the trend', () => {
    const r = composition({ ...year, by: 'category', ownerId: zhang });
    expect(r.total).toBe(100_000);
    expect(r.rows.map((x) => [x.id, x.amount])).toEqual([
      [software, 90_000],
      [hardware, 10_000],
    ]);
    expect(
      composition({ ...year, by: 'customer', productId: cable }).rows.map((x) => [x.id, x.amount, x.orders]),
    ).toEqual([
      [mingda, 2002, 2],
      [huaxin, 1001, 1],
    ]);
  });

  it('orders equal amounts by name, then id', () => {
    // One 网线 each on 2030-01-01 (a day no other case reads): 1,001 apiece. By name 上海明达 (上
    // U+4E0A) comes before 北京华信 (北 U+5317), though 华信 has the smaller id.
    for (const customerId of [huaxin, mingda]) {
      call(t.ctx, 'sales.create', {
        customerId,
        saleDate: '2030-01-01',
        ownerId: me,
        lines: [{ productId: cable, quantity: 1 }],
      });
    }
    const r = composition({ from: '2030-01-01', to: '2030-01-01', by: 'customer' });
    expect(r.rows.map((x) => [x.id, x.amount, x.share, x.cumulativeShare])).toEqual([
      [mingda, 1001, 0.5, 0.5],
      [huaxin, 1001, 0.5, 1],
    ]);
  });

  it('is empty for a range without sales', () => {
    expect(composition({ from: '2010-01-01', to: '2010-01-01' })).toEqual({
      from: '2010-01-01',
      to: '2010-01-01',
      by: 'category',
      total: 0,
      rows: [],
      other: null,
    });
  });

  it('refuses bad input', () => {
    expect(callError(t.ctx, 'analysis.composition', { by: 'color' })).toMatchObject({
      code: 'VALIDATION',
      field: 'by',
    });
    expect(callError(t.ctx, 'analysis.composition', { top: 0 })).toMatchObject({
      code: 'VALIDATION',
      field: 'top',
    });
    expect(callError(t.ctx, 'analysis.composition', { top: 2.5 })).toMatchObject({
      code: 'VALIDATION',
      field: 'top',
    });
    expect(callError(t.ctx, 'analysis.composition', { from: '2024-02-02', to: '2024-02-01' })).toMatchObject({
      code: 'VALIDATION',
      field: 'to',
    });
  });
});

describe('analysis.funnel', () => {
  let f: TestDb;
  let fclock: ManualClock;
  const stage = (key: string) => baseId(f.ctx, 'opportunity_stage', key);
  const at = (date: string) => fclock.set(`${date}T12:00:00.000Z`);
  const run = (input: ChannelInput<'analysis.funnel'>) => call(f.ctx, 'analysis.funnel', input);
  let east: number;
  let zhangF: number;

  /**
   * March 2025 is the range. Stages in order: 初步接触 0, 需求确认 1, 方案报价 2, 谈判 3, then 赢单 4.
   *   O1 华信 本人  created 02-20 at 0; → 1 on 03-05; → 2 on 03-10; open, ¥1,000.00 at 50 %
   *   O2 华信 本人  created 03-02 at 0; → 3 on 03-12 (skipping 1 and 2); won 03-20 (18 days)
   *   O3 明达 张伟  created 03-03 at 0; lost 03-15, 价格太高
   *   O4 明达 张伟  created 01-10 at 0; → 1 on 01-20; a 1 → 1 row on 03-08 (a base-data merge
   *                 leaves those); lost 03-25, 预算不足
   *   O5 华信 本人  created 04-05 at 0: after the range; open, ¥200.00 at 10 %
   *   O6 明达 张伟  created 03-04 at 0, ¥333.33 at 15 %; a 0 → 0 row on 03-06; open
   */
  beforeAll(() => {
    fclock = manualClock('2025-01-01T12:00:00.000Z');
    f = makeTestDb({ now: fclock.now });
    const c1 = call(f.ctx, 'customers.create', {
      name: '北京华信科技有限公司',
      regionId: baseId(f.ctx, 'region', 'north'),
    }).id;
    east = baseId(f.ctx, 'region', 'east');
    const c2 = call(f.ctx, 'customers.create', {
      name: '上海明达贸易有限公司',
      typeId: baseId(f.ctx, 'customer_type', 'partner'),
      regionId: east,
    }).id;
    const mine = baseId(f.ctx, 'sales_rep', 'me');
    zhangF = call(f.ctx, 'baseData.create', { kind: 'sales_rep', nameZh: '张伟' }).id;
    const open = (date: string, customerId: number, ownerId: number, extra: object = {}) => {
      at(date);
      return call(f.ctx, 'opportunities.create', { customerId, ownerId, title: `机会 ${date}`, ...extra });
    };
    const move = (date: string, o: { id: number }, key: string) => {
      at(date);
      const { version } = call(f.ctx, 'opportunities.get', { id: o.id });
      return call(f.ctx, 'opportunities.move', { id: o.id, version, stageId: stage(key) });
    };
    const close = (date: string, o: { id: number }, outcome: 'won' | 'lost', lostReason = '') => {
      at(date);
      const { version } = call(f.ctx, 'opportunities.get', { id: o.id });
      call(
        f.ctx,
        'opportunities.close',
        outcome === 'won' ? { id: o.id, version, outcome } : { id: o.id, version, outcome, lostReason },
      );
    };
    const o4 = open('2025-01-10', c2, zhangF);
    move('2025-01-20', o4, 'qualified');
    const o1 = open('2025-02-20', c1, mine, { expectedAmount: 100_000 });
    const o2 = open('2025-03-02', c1, mine);
    const o3 = open('2025-03-03', c2, zhangF);
    const o6 = open('2025-03-04', c2, zhangF, { expectedAmount: 33_333, probability: 15 });
    move('2025-03-05', o1, 'qualified');
    const insertHistory = f.db.prepare(
      'INSERT INTO opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, changed_at) VALUES (?, ?, ?, ?)',
    );
    insertHistory.run(o6.id, stage('initial'), stage('initial'), '2025-03-06T12:00:00.000Z');
    insertHistory.run(o4.id, stage('qualified'), stage('qualified'), '2025-03-08T12:00:00.000Z');
    move('2025-03-10', o1, 'proposal');
    move('2025-03-12', o2, 'negotiation');
    close('2025-03-15', o3, 'lost', '价格太高');
    close('2025-03-20', o2, 'won');
    close('2025-03-25', o4, 'lost', '预算不足');
    open('2025-04-05', c1, mine, { expectedAmount: 20_000 });
  });
  afterAll(() => f.close());

  const march = { from: '2025-03-01', to: '2025-03-31' } as const;

  it("counts today's open pipeline by stage, weighted by probability", () => {
    const r = run(march);
    expect(r.stages).toEqual([
      // O5 20,000 × 10 % = 2,000; O6 33,333 × 15 % = 4,999.95 → 5,000 (half up, per opportunity).
      { stageId: stage('initial'), count: 2, amount: 53_333, weighted: 7000 },
      { stageId: stage('qualified'), count: 0, amount: 0, weighted: 0 },
      // O1 100,000 × 50 % (the stage's probability, taken on the move).
      { stageId: stage('proposal'), count: 1, amount: 100_000, weighted: 50_000 },
      { stageId: stage('negotiation'), count: 0, amount: 0, weighted: 0 },
    ]);
  });

  it('converts stage to stage for the opportunities created in the range, a skipped stage passed', () => {
    // Created in March: O2, O3, O6. Furthest stage each has reached by a move so far: O2 4 (won,
    // skipping 1 and 2), O3 0 (lost is no stage in the order), O6 0 (its 0 → 0 row is no move).
    // O1 and O4 were created before March, O5 after, whatever they did in March.
    const r = run(march);
    expect(r.conversions).toEqual([
      // Reached 0 or later: O2, O3, O6; went past 0: O2.
      { fromStageId: stage('initial'), toStageId: stage('qualified'), reached: 3, advanced: 1, rate: 1 / 3 },
      // Reached 1 or later: O2 (which skipped it), and went past it; likewise 2 and 3.
      { fromStageId: stage('qualified'), toStageId: stage('proposal'), reached: 1, advanced: 1, rate: 1 },
      { fromStageId: stage('proposal'), toStageId: stage('negotiation'), reached: 1, advanced: 1, rate: 1 },
      { fromStageId: stage('negotiation'), toStageId: stage('won'), reached: 1, advanced: 1, rate: 1 },
    ]);
  });

  it('counts how far an opportunity has got so far, moves after the range included', () => {
    // O1, created 02-20, reached 2 in March: February's cohort has it past 0 and 1, not past 2.
    expect(
      run({ from: '2025-02-01', to: '2025-02-28' }).conversions.map((c) => [c.reached, c.advanced]),
    ).toEqual([
      [1, 1],
      [1, 1],
      [1, 0],
      [0, 0],
    ]);
    // O4 (January) reached 1; its 1 → 1 row on 03-08 is no move and changes nothing.
    expect(
      run({ from: '2025-01-01', to: '2025-01-31' }).conversions.map((c) => [c.reached, c.advanced]),
    ).toEqual([
      [1, 1],
      [1, 0],
      [0, 0],
      [0, 0],
    ]);
  });

  it('follows the base-data order of the stages when it changes', () => {
    const order = call(f.ctx, 'baseData.list', { kind: 'opportunity_stage' }).map((b) => b.id);
    const swapped = order.map((id) =>
      id === stage('proposal') ? stage('negotiation') : id === stage('negotiation') ? stage('proposal') : id,
    );
    call(f.ctx, 'baseData.reorder', { kind: 'opportunity_stage', ids: swapped });
    try {
      // 谈判 now comes before 方案报价, the furthest O1 (February) has reached: it is past every
      // open stage but the last.
      const r = run({ from: '2025-02-01', to: '2025-02-28' });
      expect(r.conversions.map((c) => [c.fromStageId, c.reached, c.advanced])).toEqual([
        [stage('initial'), 1, 1],
        [stage('qualified'), 1, 1],
        [stage('negotiation'), 1, 1],
        [stage('proposal'), 1, 0],
      ]);
    } finally {
      call(f.ctx, 'baseData.reorder', { kind: 'opportunity_stage', ids: order });
    }
    expect(run({ from: '2025-02-01', to: '2025-02-28' }).conversions[2]).toMatchObject({
      fromStageId: stage('proposal'),
      reached: 1,
      advanced: 0,
    });
  });

  it('counts won and lost in the range, the days to close and the lost reasons', () => {
    const r = run(march);
    // Won: O2; lost: O3, O4. 1 / 3. O2: 03-02 12:00 → 03-20 12:00 = 18 days.
    expect([r.won, r.lost, r.winRate, r.averageDaysToClose]).toEqual([1, 2, 1 / 3, 18]);
    // Equal counts go by the reason's text: 价 (U+4EF7) before 预 (U+9884).
    expect(r.lostReasons).toEqual([
      { reason: '价格太高', count: 1 },
      { reason: '预算不足', count: 1 },
    ]);
  });

  it('filters by owner, customer type and region', () => {
    // 张伟's: O3, O4, O6. O6 open at 初步接触; of them O3 and O6 were created in March, at 0, and
    // neither went on.
    const z = run({ ...march, ownerId: zhangF });
    expect(z.stages[0]).toEqual({ stageId: stage('initial'), count: 1, amount: 33_333, weighted: 5000 });
    expect(z.conversions.map((c) => [c.reached, c.advanced, c.rate])).toEqual([
      [2, 0, 0],
      [0, 0, null],
      [0, 0, null],
      [0, 0, null],
    ]);
    expect([z.won, z.lost, z.winRate, z.averageDaysToClose]).toEqual([0, 2, 0, null]);
    // 合作伙伴 and 华东 are 明达: the same three.
    expect(run({ ...march, customerTypeId: baseId(f.ctx, 'customer_type', 'partner') })).toEqual(z);
    expect(run({ ...march, regionId: east })).toEqual(z);
    // 华北 is 华信: O1, O2, O5.
    const n = run({ ...march, regionId: baseId(f.ctx, 'region', 'north') });
    expect([n.won, n.lost, n.winRate, n.averageDaysToClose, n.lostReasons]).toEqual([1, 0, 1, 18, []]);
    // 华信's opportunity created in March: O2, won.
    expect(n.conversions[0]).toMatchObject({ reached: 1, advanced: 1, rate: 1 });
  });

  it('is empty for a range without changes, and refuses a backwards range', () => {
    const r = run({ from: '2010-01-01', to: '2010-01-01' });
    expect(r.conversions.every((c) => c.reached === 0 && c.rate === null)).toBe(true);
    expect([r.won, r.lost, r.winRate, r.averageDaysToClose, r.lostReasons]).toEqual([0, 0, null, null, []]);
    expect(callError(f.ctx, 'analysis.funnel', { from: '2025-03-02', to: '2025-03-01' })).toMatchObject({
      code: 'VALIDATION',
      field: 'to',
    });
    expect(callError(f.ctx, 'analysis.funnel', { productId: 1 })).toMatchObject({ code: 'VALIDATION' });
  });
});

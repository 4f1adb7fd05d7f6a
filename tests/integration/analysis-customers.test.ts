import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LineInput, SaleStatus } from '../../src-main/contract';
import { ntile } from '../../src-main/analysis/rfm';
import { captureSql } from '../bench/capture';
import { baseId, call, callError, makeTestDb, type TestDb } from '../helpers/db';

/**
 * Customer analytics against small hand-made datasets. Every expected figure is worked out by
 * hand in the comments; amounts are cents. The clock stands at noon on 2026-06-15, so "today"
 * is 2026-06-15 wherever the test runs.
 */
let t: TestDb;
let plainProduct: number | undefined;
beforeEach(() => {
  t = makeTestDb({ now: () => '2026-06-15T12:00:00.000Z' });
  plainProduct = undefined;
});
afterEach(() => t.close());

const customer = (name: string): number => call(t.ctx, 'customers.create', { name }).id;

/** A product costing nothing, for sales whose only point is their amount. */
const plain = () => (plainProduct ??= call(t.ctx, 'products.create', { name: '通用商品' }).id);

/** A sale of one line worth `amount` (no lines at all for 0). */
function sale(customerId: number, saleDate: string, amount: number, status: SaleStatus = 'confirmed') {
  const lines: LineInput[] = amount ? [{ productId: plain(), quantity: 1, unitPrice: amount }] : [];
  return call(t.ctx, 'sales.create', { customerId, saleDate, status, lines });
}

const ids = (rows: { customerId: number }[]) => rows.map((r) => r.customerId);

describe('analysis.abc', () => {
  it('lists nothing when there are no sales, with empty classes', () => {
    customer('没有订单的客户');
    expect(call(t.ctx, 'analysis.abc', { asOf: '2026-03-31' })).toEqual({
      // 12 months ending 2026-03-31: from the day after 2025-03-31.
      from: '2025-04-01',
      to: '2026-03-31',
      total: 0,
      classes: [
        { cls: 'A', customers: 0, revenue: 0, share: 0 },
        { cls: 'B', customers: 0, revenue: 0, share: 0 },
        { cls: 'C', customers: 0, revenue: 0, share: 0 },
      ],
      rows: { rows: [], total: 0, page: 1, pageSize: 50 },
    });
  });

  it('puts the customer that starts exactly at 80 % in B, and counts only the window', () => {
    const [c1, c2, c3, c4, c5] = ['甲', '乙', '丙', '丁', '戊'].map((n) => customer(`${n}公司`)) as [
      number,
      number,
      number,
      number,
      number,
    ];
    // Window 2025-04-01 … 2026-03-31, both ends in.
    sale(c1, '2025-04-01', 20_000);
    sale(c1, '2026-03-31', 30_000); // c1: 50,000
    sale(c2, '2025-10-01', 30_000); // c2: 30,000
    sale(c2, '2025-10-01', 99_999, 'cancelled'); // not counted
    sale(c2, '2025-03-31', 40_000); // the day before the window
    sale(c2, '2026-04-01', 40_000); // the day after
    sale(c3, '2025-12-01', 15_000, 'draft'); // drafts count
    sale(c4, '2026-01-01', 5_000, 'paid');
    sale(c5, '2026-01-01', 0); // no revenue: not listed
    customer('没有订单的客户');
    const res = call(t.ctx, 'analysis.abc', { asOf: '2026-03-31' });
    // Total 100,000. Share before each: c1 0 % → A; c2 50 % → A; c3 exactly 80 %, not < 80 % → B;
    // c4 95 %, not < 95 % → C.
    expect(res.total).toBe(100_000);
    expect(res.rows.rows).toEqual([
      {
        customerId: c1,
        code: 'C000001',
        name: '甲公司',
        revenue: 50_000,
        share: 0.5,
        cumulativeShare: 0.5,
        cls: 'A',
      },
      {
        customerId: c2,
        code: 'C000002',
        name: '乙公司',
        revenue: 30_000,
        share: 0.3,
        cumulativeShare: 0.8,
        cls: 'A',
      },
      {
        customerId: c3,
        code: 'C000003',
        name: '丙公司',
        revenue: 15_000,
        share: 0.15,
        cumulativeShare: 0.95,
        cls: 'B',
      },
      {
        customerId: c4,
        code: 'C000004',
        name: '丁公司',
        revenue: 5_000,
        share: 0.05,
        cumulativeShare: 1,
        cls: 'C',
      },
    ]);
    expect(res.rows.total).toBe(4);
    expect(res.classes).toEqual([
      { cls: 'A', customers: 2, revenue: 80_000, share: 0.8 },
      { cls: 'B', customers: 1, revenue: 15_000, share: 0.15 },
      { cls: 'C', customers: 1, revenue: 5_000, share: 0.05 },
    ]);
  });

  it('keeps the customer that crosses 80 % in A, breaks ties by code, filters and pages', () => {
    const [c1, c2, c3, c4, c5] = [1, 2, 3, 4, 5].map((i) => customer(`客户${i}`)) as [
      number,
      number,
      number,
      number,
      number,
    ];
    sale(c5, '2026-02-01', 2_000); // made before c4's sale: the tie is still broken by code
    sale(c1, '2026-02-01', 20_000);
    sale(c2, '2026-02-01', 70_000);
    sale(c3, '2026-02-01', 6_000);
    sale(c4, '2026-02-01', 2_000);
    // Total 100,000, largest first: c2 70k (before 0 → A), c1 20k (before 70 % → A, though it
    // reaches 90 %), c3 6k (before 90 % → B), then the tie c4 = c5 = 2k by code: c4 (before 96 %
    // → C), c5 (before 98 % → C).
    const all = call(t.ctx, 'analysis.abc', { asOf: '2026-03-31' });
    expect(ids(all.rows.rows)).toEqual([c2, c1, c3, c4, c5]);
    expect(all.rows.rows.map((r) => r.cls)).toEqual(['A', 'A', 'B', 'C', 'C']);
    expect(all.rows.rows.map((r) => r.cumulativeShare)).toEqual([0.7, 0.9, 0.96, 0.98, 1]);
    expect(all.classes).toEqual([
      { cls: 'A', customers: 2, revenue: 90_000, share: 0.9 },
      { cls: 'B', customers: 1, revenue: 6_000, share: 0.06 },
      { cls: 'C', customers: 2, revenue: 4_000, share: 0.04 },
    ]);

    const c = call(t.ctx, 'analysis.abc', { asOf: '2026-03-31', cls: 'C', page: 2, pageSize: 1 });
    expect(c.rows).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(ids(c.rows.rows)).toEqual([c5]);
    // The class summary is over everyone, whatever the filter.
    expect(c.classes).toEqual(all.classes);
    expect(call(t.ctx, 'analysis.abc', { asOf: '2026-03-31', cls: 'B' }).rows.rows).toEqual([
      expect.objectContaining({ customerId: c3, cls: 'B' }),
    ]);
  });

  it('counts a leap day in the 12 months, and ends a window that starts on one', () => {
    const leap = customer('闰日客户');
    const before = customer('前一天客户');
    sale(leap, '2024-02-29', 10_000);
    sale(before, '2024-02-28', 5_000);
    // asOf 2025-02-28: a year earlier is 2024-02-28, so the window starts 2024-02-29.
    const r1 = call(t.ctx, 'analysis.abc', { asOf: '2025-02-28' });
    expect([r1.from, r1.to]).toEqual(['2024-02-29', '2025-02-28']);
    expect(ids(r1.rows.rows)).toEqual([leap]);
    // asOf 2024-02-29: 2023 has no 29 February, so 2023-02-28, and the window starts 2023-03-01.
    const r2 = call(t.ctx, 'analysis.abc', { asOf: '2024-02-29' });
    expect([r2.from, r2.to]).toEqual(['2023-03-01', '2024-02-29']);
    expect(ids(r2.rows.rows)).toEqual([leap, before]);
    // asOf 2025-03-01: from 2024-03-02, past both.
    expect(call(t.ctx, 'analysis.abc', { asOf: '2025-03-01' }).total).toBe(0);
  });

  it('ends the 12 months today when asOf is left out', () => {
    const c = customer('今天的客户');
    sale(c, '2025-06-16', 1_000); // the first day of the window ending 2026-06-15
    sale(c, '2025-06-15', 7_000); // a day too early
    const res = call(t.ctx, 'analysis.abc', {});
    expect([res.from, res.to, res.total]).toEqual(['2025-06-16', '2026-06-15', 1_000]);
  });
});

describe('analysis.rfm', () => {
  /**
   * Six customers as of 2026-01-31 (last sale, number of sales, amount):
   *   c1 2026-01-30, 1, 10,000     c4 2026-01-01, 3,   3,000
   *   c2 2026-01-30, 2, 10,000     c5 2025-01-01, 1,  50,000
   *   c3 2025-06-01, 1, 100,000    c6 2026-01-20, 2,  50,000
   * NTILE(5) over 6 rows puts positions 1–2 in tile 1 and 3, 4, 5, 6 in tiles 2–5.
   * R (oldest first): c5 1, c3 1, c4 2, c6 3, c1/c2 tied at positions 5–6 → tiles 4, 5 → both 4.
   * F (fewest first): 1,1,1 at positions 1–3 → tiles 1,1,2 → all 1; 2,2 at 4–5 → tiles 3,4 → 3;
   *   c4's 3 → 5.
   * M (least first): 3,000 → 1; 10,000 ×2 at 2–3 → tiles 1,2 → 1; 50,000 ×2 at 4–5 → 3; 100,000 → 5.
   */
  function seedSix() {
    const c = [1, 2, 3, 4, 5, 6].map((i) => customer(`RFM客户${i}`)) as number[];
    const [c1, c2, c3, c4, c5, c6] = c as [number, number, number, number, number, number];
    sale(c1, '2026-01-30', 10_000);
    sale(c2, '2025-12-01', 5_000);
    sale(c2, '2026-01-30', 5_000);
    sale(c3, '2025-06-01', 100_000);
    sale(c4, '2025-11-01', 1_000);
    sale(c4, '2025-12-01', 1_000);
    sale(c4, '2026-01-01', 1_000);
    sale(c5, '2025-01-01', 50_000);
    sale(c6, '2026-01-15', 20_000);
    sale(c6, '2026-01-20', 30_000);
    sale(c6, '2026-01-31', 99_999, 'cancelled'); // would make c6 the most recent
    const late = customer('之后才买的客户');
    sale(late, '2026-02-01', 1_000); // after asOf: not counted
    return { c1, c2, c3, c4, c5, c6 };
  }

  it('scores quintiles with ties sharing the lower score, best first', () => {
    const { c1, c2, c3, c4, c5, c6 } = seedSix();
    const res = call(t.ctx, 'analysis.rfm', { asOf: '2026-01-31' });
    expect(res.asOf).toBe('2026-01-31');
    expect(res.customers).toBe(6);
    const scores = res.rows.rows.map((r) => [r.customerId, `${r.r}${r.f}${r.m}`]);
    // 431, 411, 333, 251, 115, 113.
    expect(scores).toEqual([
      [c2, '431'],
      [c1, '411'],
      [c6, '333'],
      [c4, '251'],
      [c3, '115'],
      [c5, '113'],
    ]);
    // Recency in days to 2026-01-31: c3 from 2025-06-01 is 30+31+31+30+31+30+31+30 = 244;
    // c5 from 2025-01-01 is 365 + 30 = 395.
    expect(res.rows.rows.find((r) => r.customerId === c3)).toEqual({
      customerId: c3,
      code: 'C000003',
      name: 'RFM客户3',
      lastSaleDate: '2025-06-01',
      recencyDays: 244,
      frequency: 1,
      monetary: 100_000,
      r: 1,
      f: 1,
      m: 5,
    });
    expect(res.rows.rows.map((r) => r.recencyDays)).toEqual([1, 1, 11, 30, 244, 395]);
    expect(res.rows.rows.find((r) => r.customerId === c6)).toMatchObject({ frequency: 2, monetary: 50_000 });
    // R × F counts, grid[r - 1][f - 1]: R 4 F 3 (c2), R 4 F 1 (c1), R 3 F 3 (c6), R 2 F 5 (c4),
    // R 1 F 1 (c3, c5).
    expect(res.grid).toEqual([
      [2, 0, 0, 0, 0],
      [0, 0, 0, 0, 1],
      [0, 0, 1, 0, 0],
      [1, 0, 1, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
  });

  it('filters by a score and pages', () => {
    const { c4, c5 } = seedSix();
    expect(call(t.ctx, 'analysis.rfm', { asOf: '2026-01-31', score: '113' }).rows).toEqual({
      rows: [expect.objectContaining({ customerId: c5 })],
      total: 1,
      page: 1,
      pageSize: 50,
    });
    const none = call(t.ctx, 'analysis.rfm', { asOf: '2026-01-31', score: '555' });
    expect([none.customers, none.rows.total, none.rows.rows]).toEqual([6, 0, []]);
    // The grid counts every customer, whatever the score filter.
    expect(none.grid).toEqual(call(t.ctx, 'analysis.rfm', { asOf: '2026-01-31' }).grid);
    expect(none.grid.flat().reduce((a, b) => a + b, 0)).toBe(6);
    const page = call(t.ctx, 'analysis.rfm', { asOf: '2026-01-31', page: 2, pageSize: 3 });
    expect(page.rows.total).toBe(6);
    expect(page.rows.rows.map((r) => r.customerId)[0]).toBe(c4);
  });

  it('gives everyone score 1 on a measure where all are equal, and is empty without sales', () => {
    const a = customer('甲');
    const b = customer('乙');
    sale(a, '2026-01-10', 1_000);
    sale(b, '2026-01-10', 1_000);
    const res = call(t.ctx, 'analysis.rfm', { asOf: '2026-01-31' });
    expect(res.rows.rows.map((r) => [r.r, r.f, r.m])).toEqual([
      [1, 1, 1],
      [1, 1, 1],
    ]);
    expect(call(t.ctx, 'analysis.rfm', { asOf: '2026-01-09' })).toEqual({
      asOf: '2026-01-09',
      customers: 0,
      grid: Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]),
      rows: { rows: [], total: 0, page: 1, pageSize: 50 },
    });
  });

  it('computes NTILE(5) as SQLite does for any count', () => {
    for (let count = 1; count <= 23; count++) {
      const sqlite = t.db
        .prepare(
          `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?)
           SELECT ntile(5) OVER (ORDER BY i) FROM n`,
        )
        .pluck()
        .all(count);
      expect(Array.from({ length: count }, (_, p) => ntile(p, count, 5))).toEqual(sqlite);
    }
  });

  it('matches the scores SQL window functions give on a bigger, tie-heavy set', () => {
    // 40 customers with 1–4 sales of a few amounts on a few days: many ties on every measure.
    const days = ['2025-11-03', '2025-12-01', '2026-01-05', '2026-01-20'];
    for (let i = 0; i < 40; i++) {
      const c = customer(`批量客户${i}`);
      for (let k = 0; k <= i % 4; k++) sale(c, days[(i * 7 + k) % 4]!, 1_000 * (1 + ((i * 3 + k) % 5)));
    }
    const reference = t.db
      .prepare(
        `WITH base AS (
           SELECT customer_id AS id, max(sale_date) AS last, count(*) AS f, sum(amount) AS m
           FROM sales WHERE sale_date <= ? AND status <> 'cancelled' GROUP BY customer_id
         ), tiles AS (
           SELECT *, ntile(5) OVER (ORDER BY last) AS rt, ntile(5) OVER (ORDER BY f) AS ft,
             ntile(5) OVER (ORDER BY m) AS mt FROM base
         )
         SELECT id, min(rt) OVER (PARTITION BY last) || min(ft) OVER (PARTITION BY f)
           || min(mt) OVER (PARTITION BY m) AS score FROM tiles ORDER BY id`,
      )
      .all('2026-01-31') as { id: number; score: string }[];
    const res = call(t.ctx, 'analysis.rfm', { asOf: '2026-01-31', pageSize: 200 });
    const mine = res.rows.rows
      .map((r) => ({ id: r.customerId, score: `${r.r}${r.f}${r.m}` }))
      .sort((a, b) => a.id - b.id);
    expect(mine).toEqual(reference);
    // Best first: the three-digit scores never go up down the list.
    const listed = res.rows.rows.map((r) => r.r * 100 + r.f * 10 + r.m);
    expect(listed).toEqual([...listed].sort((a, b) => b - a));
  });
});

describe('analysis.churn', () => {
  /** As of 2026-06-30; days since each last purchase day worked out per customer. */
  function seed() {
    const k = (name: string, dates: string[]) => {
      const id = customer(name);
      for (const d of dates) sale(id, d, 1_000);
      return id;
    };
    return {
      // 2025-01-01 → 2026-01-01 is 365 days, → 2026-06-30 another 31+28+31+30+31+29 = 180: 545.
      k1: k('一年半没买', ['2025-01-01']),
      // Every 10 days (median 10), silent 40 days since 05-21: 40 > 2 × 10 → gap.
      k2: k('常客停了', ['2026-05-01', '2026-05-11', '2026-05-21']),
      // Gaps 31 and 61, median 46; silent 29: fine.
      k3: k('正常', ['2026-03-01', '2026-04-01', '2026-06-01']),
      // Silent exactly 180 days: no_purchase (≥ days).
      k4: k('刚好半年', ['2026-01-01']),
      // 179 days, one purchase: fine.
      k5: k('差一天半年', ['2026-01-02']),
      // Median 10, silent exactly 20 = 2 × 10: not more than twice, fine.
      k6: k('刚好两倍', ['2026-05-21', '2026-05-31', '2026-06-10']),
      // Purchase days 04-01, 04-05, 04-15 (two sales on 04-15 are one purchase): gaps 4 and 10,
      // median (4 + 10) / 2 = 7; silent 15 + 31 + 30 = 76 > 14 → gap.
      k7: k('同日两单', ['2026-04-01', '2026-04-05', '2026-04-15', '2026-04-15']),
      // Median 10 but silent 365 + 19 = 384 ≥ 180: no_purchase wins.
      k8: k('很久以前的常客', ['2025-06-01', '2025-06-11']),
      // Bought on asOf: silent 0.
      k9: k('今天刚买', ['2026-06-30']),
    };
  }

  it('warns of both reasons, most silent first', () => {
    const { k1, k2, k4, k7, k8 } = seed();
    const later = customer('只在之后买过');
    sale(later, '2026-07-01', 1_000);
    const cancelled = customer('只有取消的订单');
    sale(cancelled, '2025-01-01', 1_000, 'cancelled');
    const res = call(t.ctx, 'analysis.churn', { asOf: '2026-06-30' });
    expect(res).toMatchObject({ total: 5, page: 1, pageSize: 50 });
    expect(res.rows).toEqual([
      {
        customerId: k1,
        code: 'C000001',
        name: '一年半没买',
        lastSaleDate: '2025-01-01',
        daysSince: 545,
        usualIntervalDays: null,
        reason: 'no_purchase',
      },
      {
        customerId: k8,
        code: 'C000008',
        name: '很久以前的常客',
        lastSaleDate: '2025-06-11',
        daysSince: 384,
        usualIntervalDays: 10,
        reason: 'no_purchase',
      },
      {
        customerId: k4,
        code: 'C000004',
        name: '刚好半年',
        lastSaleDate: '2026-01-01',
        daysSince: 180,
        usualIntervalDays: null,
        reason: 'no_purchase',
      },
      {
        customerId: k7,
        code: 'C000007',
        name: '同日两单',
        lastSaleDate: '2026-04-15',
        daysSince: 76,
        usualIntervalDays: 7,
        reason: 'gap',
      },
      {
        customerId: k2,
        code: 'C000002',
        name: '常客停了',
        lastSaleDate: '2026-05-21',
        daysSince: 40,
        usualIntervalDays: 10,
        reason: 'gap',
      },
    ]);
  });

  it('moves customers between reasons with the number of days, and pages', () => {
    const { k1, k2, k7, k8 } = seed();
    // days 400: only k1 (545) has no purchase; k8 (384, median 10) becomes a gap; k4 (180, one
    // purchase) has no usual interval, so no warning.
    const res = call(t.ctx, 'analysis.churn', { asOf: '2026-06-30', days: 400 });
    expect(res.rows.map((r) => [r.customerId, r.reason])).toEqual([
      [k1, 'no_purchase'],
      [k8, 'gap'],
      [k7, 'gap'],
      [k2, 'gap'],
    ]);
    const last = call(t.ctx, 'analysis.churn', { asOf: '2026-06-30', days: 400, page: 2, pageSize: 3 });
    expect(last).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(ids(last.rows)).toEqual([k2]);
  });

  it('is empty without sales, and uses today when asOf is left out', () => {
    expect(call(t.ctx, 'analysis.churn', {})).toEqual({ rows: [], total: 0, page: 1, pageSize: 50 });
    const c = customer('去年的客户');
    sale(c, '2025-12-17', 1_000); // 2025-12-17 → 2026-06-15: 14 + 31+28+31+30+31 + 15 = 180
    expect(call(t.ctx, 'analysis.churn', {}).rows).toEqual([
      expect.objectContaining({ customerId: c, daysSince: 180, reason: 'no_purchase' }),
    ]);
  });
});

describe('analysis.profit and analysis.clv', () => {
  /**
   * Product P1 costs 333 and P2 nothing.
   * a: on 03-10, P1 1.5 × 1,000 = 1,500 and P1 0.005 × 1,000 = 5: revenue 1,505. Cost of goods
   *    1.5 × 333 = 499.5 → 500 and 0.005 × 333 = 1.665 → 2: 502. Expenses 300 on 03-10, 1,000 on 03-11.
   * b: only an expense of 200 on 03-10.
   * c: P2 1 × 1,001 on 03-09 (cost 0); a cancelled P1 sale on 03-10 does not count.
   * d: P1 3 × 333 = 999 on 03-10, cost 3 × 333 = 999: profit 0, margin 0.
   */
  function seed() {
    const p1 = call(t.ctx, 'products.create', { name: '服务器', listPrice: 1_000, cost: 333 }).id;
    const p2 = call(t.ctx, 'products.create', { name: '咨询服务', cost: 0 }).id;
    const [a, b, c, d] = ['甲', '乙', '丙', '丁'].map((n) => customer(`${n}公司`)) as [
      number,
      number,
      number,
      number,
    ];
    const sell = (
      customerId: number,
      saleDate: string,
      lines: LineInput[],
      status: SaleStatus = 'confirmed',
    ) => call(t.ctx, 'sales.create', { customerId, saleDate, status, lines });
    const expense = (customerId: number, expenseDate: string, amount: number) =>
      call(t.ctx, 'expenses.create', {
        customerId,
        expenseDate,
        amount,
        categoryId: baseId(t.ctx, 'expense_category', 'travel'),
      });
    sell(a, '2026-03-10', [
      { productId: p1, quantity: 1.5, unitPrice: 1_000 },
      { productId: p1, quantity: 0.005, unitPrice: 1_000 },
    ]);
    expense(a, '2026-03-10', 300);
    expense(a, '2026-03-11', 1_000);
    expense(b, '2026-03-10', 200);
    sell(c, '2026-03-09', [{ productId: p2, quantity: 1, unitPrice: 1_001 }]);
    sell(c, '2026-03-10', [{ productId: p1, quantity: 1, unitPrice: 5_000 }], 'cancelled');
    sell(d, '2026-03-10', [{ productId: p1, quantity: 3, unitPrice: 333 }]);
    return { a, b, c, d };
  }

  it('computes revenue, cost of goods half up per line, expenses and margin over one day', () => {
    const { a, b, d } = seed();
    const res = call(t.ctx, 'analysis.profit', { from: '2026-03-10', to: '2026-03-10' });
    expect(res).toEqual({
      rows: [
        // 1,505 − 502 − 300 = 703; margin 703 / 1,505.
        {
          customerId: a,
          code: 'C000001',
          name: '甲公司',
          revenue: 1_505,
          costOfGoods: 502,
          expenses: 300,
          profit: 703,
          margin: 703 / 1_505,
        },
        {
          customerId: d,
          code: 'C000004',
          name: '丁公司',
          revenue: 999,
          costOfGoods: 999,
          expenses: 0,
          profit: 0,
          margin: 0,
        },
        {
          customerId: b,
          code: 'C000002',
          name: '乙公司',
          revenue: 0,
          costOfGoods: 0,
          expenses: 200,
          profit: -200,
          margin: null,
        },
      ],
      total: 3,
      page: 1,
      pageSize: 50,
    });
  });

  it('sorts by profit, revenue or margin either way, customers without revenue last by margin', () => {
    const { a, b, d } = seed();
    const order = (sort: 'profit' | 'revenue' | 'margin', direction: 'asc' | 'desc') =>
      ids(call(t.ctx, 'analysis.profit', { from: '2026-03-10', to: '2026-03-10', sort, direction }).rows);
    expect(order('profit', 'asc')).toEqual([b, d, a]);
    expect(order('revenue', 'desc')).toEqual([a, d, b]);
    expect(order('revenue', 'asc')).toEqual([b, d, a]);
    expect(order('margin', 'desc')).toEqual([a, d, b]);
    expect(order('margin', 'asc')).toEqual([d, a, b]);
  });

  it('takes a month, the default 12 months, an empty range and a page past the end', () => {
    const { a, b, c, d } = seed();
    // March: a's expenses are 1,300, so 1,505 − 502 − 1,300 = −297; c: 1,001 at margin 1.
    const month = call(t.ctx, 'analysis.profit', { from: '2026-03-01', to: '2026-03-31' });
    expect(month.rows.map((r) => [r.customerId, r.profit, r.margin])).toEqual([
      [c, 1_001, 1],
      [d, 0, 0],
      [b, -200, null],
      [a, -297, -297 / 1_505],
    ]);
    // Left out, the range is 2025-07-01 … 2026-06-15, March included.
    expect(call(t.ctx, 'analysis.profit', {}).rows).toEqual(month.rows);
    expect(call(t.ctx, 'analysis.profit', { from: '2026-03-12', to: '2026-03-12' })).toEqual({
      rows: [],
      total: 0,
      page: 1,
      pageSize: 50,
    });
    expect(
      call(t.ctx, 'analysis.profit', { from: '2026-03-01', to: '2026-03-31', page: 3, pageSize: 2 }),
    ).toEqual({ rows: [], total: 4, page: 3, pageSize: 2 });
    expect(
      ids(
        call(t.ctx, 'analysis.profit', { from: '2026-03-01', to: '2026-03-31', page: 2, pageSize: 3 }).rows,
      ),
    ).toEqual([a]);
  });

  it('values customers over n years at rate r, rounding half cents away from zero', () => {
    const { a, b, c, d } = seed();
    // asOf 2026-03-31: the 12 months from 2025-04-01 hold all of March. R: c 1,001, d 0, b −200, a −297.
    // r = 1, n = 1: factor (1 − 2^−1) / 1 = 0.5. c 500.5 → 501; b −100; a −148.5 → −149.
    const half = call(t.ctx, 'analysis.clv', { asOf: '2026-03-31', rate: 1, years: 1 });
    expect(half).toEqual({
      rows: [
        { customerId: c, code: 'C000003', name: '丙公司', yearlyProfit: 1_001, clv: 501 },
        { customerId: d, code: 'C000004', name: '丁公司', yearlyProfit: 0, clv: 0 },
        { customerId: b, code: 'C000002', name: '乙公司', yearlyProfit: -200, clv: -100 },
        { customerId: a, code: 'C000001', name: '甲公司', yearlyProfit: -297, clv: -149 },
      ],
      total: 4,
      page: 1,
      pageSize: 50,
    });
    // Defaults r = 0.1, n = 5: 1.1^5 = 1.61051, factor (1 − 1 / 1.61051) / 0.1 = 3.790786769…
    // c 1,001 × that = 3,794.58 → 3,795; b −758.16 → −758; a −1,125.86 → −1,126.
    const five = call(t.ctx, 'analysis.clv', { asOf: '2026-03-31' });
    expect(five.rows.map((r) => [r.customerId, r.clv])).toEqual([
      [c, 3_795],
      [d, 0],
      [b, -758],
      [a, -1_126],
    ]);
    // r = 1, n = 2: factor (1 − 1/4) / 1 = 0.75; c 750.75 → 751.
    expect(call(t.ctx, 'analysis.clv', { asOf: '2026-03-31', rate: 1, years: 2, pageSize: 1 })).toEqual({
      rows: [expect.objectContaining({ customerId: c, clv: 751 })],
      total: 4,
      page: 1,
      pageSize: 1,
    });
    // A year later the window (2026-04-01 …) holds nothing.
    expect(call(t.ctx, 'analysis.clv', { asOf: '2027-03-31' }).total).toBe(0);
  });
});

describe('refused inputs', () => {
  it.each([
    ['analysis.abc', { cls: 'D' }, 'cls', 'invalid_value'],
    ['analysis.abc', { asOf: 20260101 }, 'asOf', 'invalid_type'],
    ['analysis.abc', { asOf: '2026-02-30' }, 'asOf', 'invalid_format'],
    ['analysis.abc', { pageSize: 0 }, 'pageSize', 'too_small'],
    ['analysis.rfm', { score: '556' }, 'score', 'invalid_format'],
    ['analysis.rfm', { score: 555 }, 'score', 'invalid_type'],
    ['analysis.churn', { days: 0 }, 'days', 'too_small'],
    ['analysis.churn', { days: '180' }, 'days', 'invalid_type'],
    ['analysis.profit', { from: '2026-03-02', to: '2026-03-01' }, 'to', 'invalid_format'],
    ['analysis.profit', { sort: 'name' }, 'sort', 'invalid_value'],
    ['analysis.clv', { rate: 0 }, 'rate', 'too_small'],
    ['analysis.clv', { rate: -0.1 }, 'rate', 'too_small'],
    ['analysis.clv', { rate: '0.1' }, 'rate', 'invalid_type'],
    ['analysis.clv', { years: 0 }, 'years', 'too_small'],
  ])('%s refuses %j', (channel, input, field, reason) => {
    expect(callError(t.ctx, channel, input)).toMatchObject({ code: 'VALIDATION', field, reason });
  });

  it('refuses a from after the default to (today)', () => {
    expect(callError(t.ctx, 'analysis.profit', { from: '2026-06-16' })).toMatchObject({
      code: 'VALIDATION',
      field: 'to',
    });
    expect(call(t.ctx, 'analysis.profit', { from: '2026-06-15' }).total).toBe(0);
  });
});

describe('query plans', () => {
  /** The plan details of every statement a call runs. */
  function plans(channel: 'analysis.rfm' | 'analysis.churn', input: Record<string, unknown>): string[] {
    const { calls } = captureSql(t.db, (db) => call({ ...t.ctx, db }, channel, input));
    return calls.flatMap((c) =>
      (t.db.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...c.params) as { detail: string }[]).map(
        (r) => r.detail,
      ),
    );
  }

  it.each(['analysis.rfm', 'analysis.churn'] as const)(
    '%s groups sales by customer from sales_customer_revenue alone, without sorting',
    (channel) => {
      const c = customer('甲');
      sale(c, '2026-01-10', 1_000);
      const details = plans(channel, { asOf: '2026-01-31' });
      expect(details).toContain('SCAN sales USING COVERING INDEX sales_customer_revenue');
      expect(details.join('\n')).not.toMatch(/TEMP B-TREE FOR GROUP BY|TEMP B-TREE FOR ORDER BY/);
    },
  );
});

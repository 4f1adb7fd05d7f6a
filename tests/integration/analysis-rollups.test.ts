/**
 * The rollups of migration 0008 against the records they are derived from. Every write goes
 * through its real handler on a real file; after each one every rollup must equal its definition,
 * written out below in plain SQL over the records, and the analyses that read a rollup must equal
 * the same analysis read from the records:
 *   pipeline_by_stage, customer_sales_totals   kept exact by triggers: compared as they are;
 *   sales_category_days, opportunity_furthest,
 *   customer_sale_sequence                     marked stale by triggers: compared after the
 *                                              refresh the analyses run first.
 * Amounts are cents.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput, CompositionDimension, LineInput, TrashKind } from '../../src-main/contract';
import type { DateRange, SalesFilter } from '../../src-main/analysis/common';
import { compositionQuery, topCustomersBySearch } from '../../src-main/analysis/composition';
import { instants } from '../../src-main/analysis/funnel';
import {
  refreshCustomerSaleSequence,
  refreshOpportunityFurthest,
  refreshSalesCategoryDays,
} from '../../src-main/analysis/rollups';
import type { Db } from '../../src-main/db/open';
import { invoke } from '../../src-main/ipc/registry';
import { baseId, call, makeTestDb, steppingClock, type TestDb } from '../helpers/db';

const rows = (db: Db, sql: string, ...params: unknown[]) =>
  db.prepare(sql).all(...params) as Record<string, unknown>[];
const value = (db: Db, sql: string, ...params: unknown[]) =>
  db
    .prepare(sql)
    .pluck()
    .get(...params);

// ---------------------------------------------------------------------------------------------
// Each rollup beside its definition over the records

/** Open opportunities per stage; a stage's row that has emptied may stay behind as zeros. */
const PIPELINE = {
  rollup: `SELECT stage_id AS stageId, opportunities, amount, weighted FROM pipeline_by_stage
           WHERE opportunities <> 0 ORDER BY stage_id`,
  records: `SELECT stage_id AS stageId, count(*) AS opportunities, sum(expected_amount) AS amount,
              sum((expected_amount * probability + 50) / 100) AS weighted
            FROM opportunities WHERE status = 'open' GROUP BY stage_id ORDER BY stage_id`,
  leftovers: `SELECT * FROM pipeline_by_stage WHERE opportunities = 0 AND (amount <> 0 OR weighted <> 0)`,
};

/** Each customer's sales that are not cancelled; a total that went back to 0 may stay as a 0 row. */
const CUSTOMER_TOTALS = {
  rollup: `SELECT customer_id AS customerId, amount FROM customer_sales_totals WHERE amount <> 0
           ORDER BY customer_id`,
  records: `SELECT customer_id AS customerId, sum(amount) AS amount FROM sales WHERE status <> 'cancelled'
            GROUP BY customer_id HAVING sum(amount) <> 0 ORDER BY customer_id`,
};

/** Per day and product category (0: none), the line amounts and the sales with a line in it. */
const CATEGORY_DAYS = {
  rollup: `SELECT sale_date AS saleDate, category_id AS categoryId, amount, orders FROM sales_category_days
           ORDER BY sale_date, category_id`,
  records: `SELECT s.sale_date AS saleDate, coalesce(p.category_id, 0) AS categoryId, sum(l.amount) AS amount,
              count(DISTINCT s.id) AS orders
            FROM sales s JOIN sale_lines l ON l.sale_id = s.id JOIN products p ON p.id = l.product_id
            WHERE s.status <> 'cancelled'
            GROUP BY s.sale_date, coalesce(p.category_id, 0) ORDER BY s.sale_date, coalesce(p.category_id, 0)`,
};

/**
 * Per counted sale (not cancelled, with a line or an amount): its customer, date, amount and the
 * date of the same customer's counted sale before it, by date then id. Written without a window
 * function, so it is not the refresh's own query.
 */
const SALE_SEQUENCE = {
  rollup: `SELECT sale_id AS saleId, customer_id AS customerId, sale_date AS saleDate,
             previous_date AS previousDate, amount FROM customer_sale_sequence ORDER BY sale_id`,
  records: `WITH counted AS (
              SELECT id, customer_id, sale_date, amount FROM sales s WHERE status <> 'cancelled'
                AND (amount > 0 OR EXISTS (SELECT 1 FROM sale_lines l WHERE l.sale_id = s.id)))
            SELECT c.id AS saleId, c.customer_id AS customerId, c.sale_date AS saleDate,
              (SELECT p.sale_date FROM counted p WHERE p.customer_id = c.customer_id
                 AND (p.sale_date < c.sale_date OR (p.sale_date = c.sale_date AND p.id < c.id))
               ORDER BY p.sale_date DESC, p.id DESC LIMIT 1) AS previousDate,
              c.amount
            FROM counted c ORDER BY c.id`,
};

/**
 * Per opportunity: its creation time and the furthest stage it has moved to (a history row from
 * another stage, or its first one), counting active open stages by sort order, then 赢单.
 */
const FURTHEST = {
  rollup: `SELECT opportunity_id AS opportunityId, created_at AS createdAt, stage_id AS stageId
           FROM opportunity_furthest ORDER BY opportunity_id`,
  records: `SELECT o.id AS opportunityId, o.created_at AS createdAt,
              (SELECT h.to_stage_id FROM opportunity_stage_history h JOIN base_items b ON b.id = h.to_stage_id
               WHERE h.opportunity_id = o.id AND (h.from_stage_id IS NULL OR h.from_stage_id <> h.to_stage_id)
                 AND b.kind = 'opportunity_stage'
                 AND (b.key = 'won' OR (b.active = 1 AND (b.key IS NULL OR b.key <> 'lost')))
               ORDER BY b.key IS 'won' DESC, b.sort_order DESC LIMIT 1) AS stageId
            FROM opportunities o ORDER BY o.id`,
};

/** The sums the triggers keep exact. */
function expectExactRollups(db: Db): void {
  expect(rows(db, PIPELINE.rollup)).toEqual(rows(db, PIPELINE.records));
  expect(rows(db, PIPELINE.leftovers)).toEqual([]);
  expect(rows(db, CUSTOMER_TOTALS.rollup)).toEqual(rows(db, CUSTOMER_TOTALS.records));
}

/** The stale-marked rollups, refreshed as the analyses refresh them before reading. */
function expectRefreshedRollups(db: Db): void {
  refreshSalesCategoryDays(db);
  refreshOpportunityFurthest(db);
  refreshCustomerSaleSequence(db);
  expect(value(db, 'SELECT count(*) FROM sales_category_days_stale')).toBe(0);
  expect(value(db, 'SELECT count(*) FROM customer_sale_sequence_stale')).toBe(0);
  expect(rows(db, SALE_SEQUENCE.rollup)).toEqual(rows(db, SALE_SEQUENCE.records));
  expect(value(db, 'SELECT count(*) FROM opportunity_furthest_stale')).toBe(0);
  expect(rows(db, CATEGORY_DAYS.rollup)).toEqual(rows(db, CATEGORY_DAYS.records));
  // "The furthest stage" names one stage only while no two stages share a place.
  expect(
    value(
      db,
      `SELECT count(*) - count(DISTINCT sort_order) FROM base_items WHERE kind = 'opportunity_stage'`,
    ),
  ).toBe(0);
  expect(rows(db, FURTHEST.rollup)).toEqual(rows(db, FURTHEST.records));
}

// ---------------------------------------------------------------------------------------------
// The analyses that read a rollup, against the same analysis read from the records

interface GroupRow {
  id: number | null;
  name: string | null;
  amount: number;
  orders: number;
  groups: number;
  total: number;
  sumOrders: number;
}

/** compositionQuery: the top groups read from the sales and their lines, no rollup involved. */
function rawGroups(db: Db, range: DateRange, by: CompositionDimension, top: number, filter: SalesFilter) {
  const q = compositionQuery(range, by, top, filter);
  return db.prepare(q.sql).all(...q.params) as GroupRow[];
}

const shown = (r: { id: number | null; name: string | null; amount: number; orders: number }) => ({
  id: r.id,
  name: r.name,
  amount: r.amount,
  orders: r.orders,
});

/** analysis.composition equals the raw query row for row, and its total and "other" row agree. */
function expectCompositionFromRecords(
  t: TestDb,
  range: DateRange,
  by: CompositionDimension,
  top: number,
  filter: SalesFilter = {},
): GroupRow[] {
  const raw = rawGroups(t.db, range, by, top, filter);
  const r = call(t.ctx, 'analysis.composition', { ...range, by, top, ...filter });
  expect(r.rows.map(shown)).toEqual(raw.map(shown));
  const first = raw[0];
  expect(r.total).toBe(first?.total ?? 0);
  const left = (first?.groups ?? 0) - raw.length;
  if (left === 0) {
    expect(r.other).toBeNull();
  } else {
    expect(r.other).toMatchObject({
      groups: left,
      amount: first!.total - raw.reduce((s, g) => s + g.amount, 0),
    });
  }
  return raw;
}

/**
 * The funnel worked out from the records alone: today's open opportunities in each active open
 * stage, and stage to stage (active open stages by sort order, then 赢单) how many of those
 * created in the range got at least that far and how many further (FURTHEST.records).
 */
function funnelFromRecords(db: Db, range: DateRange) {
  const open = db
    .prepare(
      `SELECT id FROM base_items WHERE kind = 'opportunity_stage' AND active = 1
         AND (key IS NULL OR key NOT IN ('won', 'lost')) ORDER BY sort_order, id`,
    )
    .pluck()
    .all() as number[];
  const won = value(
    db,
    `SELECT id FROM base_items WHERE kind = 'opportunity_stage' AND key = 'won'`,
  ) as number;
  const pipeline = new Map(rows(db, PIPELINE.records).map((r) => [r.stageId, r]));
  const stages = open.map((stageId) => {
    const r = pipeline.get(stageId);
    return {
      stageId,
      count: r?.opportunities ?? 0,
      amount: r?.amount ?? 0,
      weighted: r?.weighted ?? 0,
    };
  });
  const { start, end } = instants(range);
  const order = [...open, won];
  const furthest = rows(db, FURTHEST.records)
    .filter((f) => (f.createdAt as string) >= start && (f.createdAt as string) < end)
    .map((f) => order.indexOf(f.stageId as number));
  const conversions = open.map((fromStageId, i) => {
    const reached = furthest.filter((p) => p >= i).length;
    const advanced = furthest.filter((p) => p > i).length;
    return {
      fromStageId,
      toStageId: order[i + 1]!,
      reached,
      advanced,
      rate: reached === 0 ? null : advanced / reached,
    };
  });
  return { stages, conversions };
}

/**
 * Every opportunity belongs to `ownerId`, so the filtered funnel (read from the opportunities)
 * is the whole one (read from pipeline_by_stage and opportunity_furthest); both are the funnel
 * worked out from the records.
 */
function expectFunnelPathsAgree(t: TestDb, ownerId: number, ranges: DateRange[]): void {
  expect(value(t.db, 'SELECT count(*) FROM opportunities WHERE owner_id IS NOT ?', ownerId)).toBe(0);
  for (const range of ranges) {
    const whole = call(t.ctx, 'analysis.funnel', range);
    const filtered = call(t.ctx, 'analysis.funnel', { ...range, ownerId });
    expect(filtered.stages).toEqual(whole.stages);
    expect(filtered.conversions).toEqual(whole.conversions);
    expect(filtered).toEqual(whole);
    expect({ stages: whole.stages, conversions: whole.conversions }).toEqual(funnelFromRecords(t.db, range));
  }
}

// ---------------------------------------------------------------------------------------------
// A small world built through the handlers

const D1 = '2026-02-10';
const D2 = '2026-02-11';
const D3 = '2026-02-20';
const D4 = '2026-03-01';
const DATES = [D1, D2, D3, D4, '2026-03-02', '2025-12-31'];
const SALE_RANGES: DateRange[] = [
  { from: '2025-01-01', to: '2026-12-31' },
  { from: D1, to: D1 },
  { from: D2, to: D3 },
  { from: D4, to: D4 },
];
/** The clock starts on 2026-03-01 08:00 UTC and moves a minute a call. */
const FUNNEL_RANGES: DateRange[] = [
  { from: '2026-01-01', to: '2026-12-31' },
  { from: '2026-03-02', to: '2026-03-03' },
];

interface World {
  me: number;
  huaxin: number;
  mingda: number;
  yuanyang: number;
  hardware: number;
  software: number;
  service: number;
  /** 服务器 and 硬盘 (硬件), ERP 软件 (软件), 运维服务 (服务), 网线 (no category). */
  server: number;
  disk: number;
  erp: number;
  support: number;
  cable: number;
  products: number[];
  stage: Record<'initial' | 'qualified' | 'proposal' | 'negotiation' | 'won' | 'lost', number>;
  /** S1 … S6 as in buildWorld. */
  sales: number[];
  wonOpp: number;
  wonSale: number;
  lostOpp: number;
  /** Open: 远洋 at 需求确认, 华信 at 初步接触, 明达 at 方案报价 (with a line). */
  openOpps: number[];
}

/**
 * The sales (prices: 服务器 100,000, 硬盘 5,000, ERP 50,000, 运维 20,000, 网线 1,001):
 *   S1 D1 华信  服务器 1, 硬盘 2, ERP 1, 网线 1   two 硬件 lines in one sale: one order
 *   S2 D1 明达  ERP 2 − 10 %
 *   S3 D2 华信  硬盘 1, 硬盘 3, 运维 1            two lines of one product
 *   S4 D3 远洋  网线 5, draft
 *   S5 D3 明达  服务器 1, cancelled
 *   S6 D2 远洋  no lines
 * and the opportunities, all owned by 本人: 华信 服务器 ×2 moved 需求确认 → 方案报价 and won
 * (its sale on D3); 明达 ¥800 moved to 谈判 (skipping two) and lost; three open ones.
 */
function buildWorld(t: TestDb): World {
  const { ctx } = t;
  const me = baseId(ctx, 'sales_rep', 'me');
  const stage = {
    initial: baseId(ctx, 'opportunity_stage', 'initial'),
    qualified: baseId(ctx, 'opportunity_stage', 'qualified'),
    proposal: baseId(ctx, 'opportunity_stage', 'proposal'),
    negotiation: baseId(ctx, 'opportunity_stage', 'negotiation'),
    won: baseId(ctx, 'opportunity_stage', 'won'),
    lost: baseId(ctx, 'opportunity_stage', 'lost'),
  };
  const hardware = baseId(ctx, 'product_category', 'hardware');
  const software = baseId(ctx, 'product_category', 'software');
  const service = baseId(ctx, 'product_category', 'service');
  const customer = (name: string) => call(ctx, 'customers.create', { name }).id;
  const huaxin = customer('北京华信科技有限公司');
  const mingda = customer('上海明达贸易有限公司');
  const yuanyang = customer('广州远洋物流有限公司');
  const product = (name: string, listPrice: number, categoryId?: number) =>
    call(ctx, 'products.create', { name, listPrice, ...(categoryId ? { categoryId } : {}) }).id;
  const server = product('服务器', 100_000, hardware);
  const disk = product('硬盘', 5_000, hardware);
  const erp = product('ERP 软件', 50_000, software);
  const support = product('运维服务', 20_000, service);
  const cable = product('网线', 1_001);

  const sale = (input: ChannelInput<'sales.create'>) => call(ctx, 'sales.create', input).id;
  const sales = [
    sale({
      customerId: huaxin,
      saleDate: D1,
      ownerId: me,
      lines: [
        { productId: server, quantity: 1 },
        { productId: disk, quantity: 2 },
        { productId: erp, quantity: 1 },
        { productId: cable, quantity: 1 },
      ],
    }),
    sale({ customerId: mingda, saleDate: D1, lines: [{ productId: erp, quantity: 2, discount: 10 }] }),
    sale({
      customerId: huaxin,
      saleDate: D2,
      lines: [
        { productId: disk, quantity: 1 },
        { productId: disk, quantity: 3 },
        { productId: support, quantity: 1 },
      ],
    }),
    sale({ customerId: yuanyang, saleDate: D3, status: 'draft', lines: [{ productId: cable, quantity: 5 }] }),
    sale({
      customerId: mingda,
      saleDate: D3,
      status: 'cancelled',
      lines: [{ productId: server, quantity: 1 }],
    }),
    sale({ customerId: yuanyang, saleDate: D2 }),
  ];

  const opp = (input: ChannelInput<'opportunities.create'>) =>
    call(ctx, 'opportunities.create', { ownerId: me, ...input });
  const move = (o: { id: number; version: number }, stageId: number) =>
    call(ctx, 'opportunities.move', { id: o.id, version: o.version, stageId });

  let won = opp({ customerId: huaxin, title: '服务器采购', lines: [{ productId: server, quantity: 2 }] });
  won = move(won, stage.qualified);
  won = move(won, stage.proposal);
  const wonSale = call(ctx, 'opportunities.close', {
    id: won.id,
    version: won.version,
    outcome: 'won',
    saleDate: D3,
  }).saleId!;

  let lost = opp({ customerId: mingda, title: '软件升级', expectedAmount: 80_000 });
  lost = move(lost, stage.negotiation);
  call(ctx, 'opportunities.close', {
    id: lost.id,
    version: lost.version,
    outcome: 'lost',
    lostReason: '价格',
  });

  const open1 = opp({
    customerId: yuanyang,
    title: '仓储系统',
    stageId: stage.qualified,
    expectedAmount: 30_000,
    probability: 35,
  }).id;
  const open2 = opp({ customerId: huaxin, title: '机房扩容', expectedAmount: 12_345 }).id;
  let open3 = opp({ customerId: mingda, title: 'ERP 二期', lines: [{ productId: erp, quantity: 1 }] });
  open3 = move(open3, stage.proposal);

  return {
    me,
    huaxin,
    mingda,
    yuanyang,
    hardware,
    software,
    service,
    server,
    disk,
    erp,
    support,
    cable,
    products: [server, disk, erp, support, cable],
    stage,
    sales,
    wonOpp: won.id,
    wonSale,
    lostOpp: lost.id,
    openOpps: [open1, open2, open3.id],
  };
}

/** The product categories there are now, for the category filter. */
const categoryIds = (db: Db) =>
  db
    .prepare(`SELECT id FROM base_items WHERE kind = 'product_category' ORDER BY id`)
    .pluck()
    .all() as number[];

/**
 * Everything: the exact rollups, the analyses that read the rollups (which refresh the stale ones
 * themselves, so they go first), and the refreshed rollups.
 */
function expectAllFromRecords(t: TestDb, w: World): void {
  expectExactRollups(t.db);
  expectFunnelPathsAgree(t, w.me, FUNNEL_RANGES);
  const categories = categoryIds(t.db);
  for (const range of SALE_RANGES) {
    for (const top of [1, 2, 10]) expectCompositionFromRecords(t, range, 'category', top);
    for (const productCategoryId of categories) {
      expectCompositionFromRecords(t, range, 'category', 10, { productCategoryId });
    }
    // Few sales: the customers are read from the records (FEW_SALES), as the fast path must match.
    expect(topCustomersBySearch(t.ctx, range, 2)).toBeNull();
    expectCompositionFromRecords(t, range, 'customer', 2);
  }
  expectRefreshedRollups(t.db);
}

const trashEntry = (t: TestDb, kind: TrashKind, recordId: number): number => {
  const entry = call(t.ctx, 'trash.list', { kind, pageSize: 200 }).rows.find((e) => e.recordId === recordId);
  expect(entry).toBeDefined();
  return entry!.id;
};

describe('the rollups follow every write', () => {
  let t: TestDb;
  let w: World;
  const check = () => expectAllFromRecords(t, w);

  beforeEach(() => {
    t = makeTestDb({ now: steppingClock('2026-03-01T08:00:00.000Z', 60_000) });
    w = buildWorld(t);
  });
  afterEach(() => t.close());

  it('match the records once the world is built, with orders counted per sale, not per line', () => {
    check();
    // S1's two 硬件 lines are one order: 100,000 + 10,000.
    expect(
      rows(
        t.db,
        'SELECT amount, orders FROM sales_category_days WHERE sale_date = ? AND category_id = ?',
        D1,
        w.hardware,
      ),
    ).toEqual([{ amount: 110_000, orders: 1 }]);
    // S3's two 硬盘 lines: 5,000 + 15,000; S6 has no lines.
    expect(
      rows(
        t.db,
        'SELECT category_id AS c, amount, orders FROM sales_category_days WHERE sale_date = ? ORDER BY 1',
        D2,
      ),
    ).toEqual([
      { c: w.hardware, amount: 20_000, orders: 1 },
      { c: w.service, amount: 20_000, orders: 1 },
    ]);
    // D3: S4's cable (none, 5,005), the won sale's two servers; S5 is cancelled.
    expect(
      rows(
        t.db,
        'SELECT category_id AS c, amount, orders FROM sales_category_days WHERE sale_date = ? ORDER BY 1',
        D3,
      ),
    ).toEqual([
      { c: 0, amount: 5_005, orders: 1 },
      { c: w.hardware, amount: 200_000, orders: 1 },
    ]);
    // 华信 S1 161,001 + S3 40,000 + the won sale 200,000; 明达 S2 90,000 (S5 cancelled); 远洋 5,005.
    expect(rows(t.db, CUSTOMER_TOTALS.rollup)).toEqual([
      { customerId: w.huaxin, amount: 401_001 },
      { customerId: w.mingda, amount: 90_000 },
      { customerId: w.yuanyang, amount: 5_005 },
    ]);
    // 初步接触 12,345 × 10 %; 需求确认 30,000 × 35 %; 方案报价 50,000 × 50 %.
    expect(rows(t.db, PIPELINE.rollup)).toEqual([
      { stageId: w.stage.initial, opportunities: 1, amount: 12_345, weighted: 1_235 },
      { stageId: w.stage.qualified, opportunities: 1, amount: 30_000, weighted: 10_500 },
      { stageId: w.stage.proposal, opportunities: 1, amount: 50_000, weighted: 25_000 },
    ]);
    // Won went to 赢单; lost got as far as 谈判; the open ones where they are.
    expect(rows(t.db, 'SELECT opportunity_id AS id, stage_id AS stage FROM opportunity_furthest')).toEqual([
      { id: w.wonOpp, stage: w.stage.won },
      { id: w.lostOpp, stage: w.stage.negotiation },
      { id: w.openOpps[0], stage: w.stage.qualified },
      { id: w.openOpps[1], stage: w.stage.initial },
      { id: w.openOpps[2], stage: w.stage.proposal },
    ]);
    const funnel = call(t.ctx, 'analysis.funnel', FUNNEL_RANGES[0]!);
    expect(funnel.conversions.map((c) => [c.reached, c.advanced])).toEqual([
      [5, 4],
      [4, 3],
      [3, 2],
      [2, 1],
    ]);
  });

  it('sales: create, change lines, date, customer, cancel and back, delete and restore', () => {
    const created = call(t.ctx, 'sales.create', {
      customerId: w.mingda,
      saleDate: D2,
      ownerId: w.me,
      lines: [
        { productId: w.server, quantity: 1 },
        { productId: w.disk, quantity: 4 },
        { productId: w.cable, quantity: 2 },
      ],
    });
    check();
    let version = created.version;
    const update = (changes: Omit<ChannelInput<'sales.update'>, 'id' | 'version'>) => {
      version = call(t.ctx, 'sales.update', { id: created.id, version, ...changes }).version;
      check();
    };
    update({
      lines: [
        { productId: w.erp, quantity: 1 },
        { productId: w.support, quantity: 2 },
      ],
    });
    update({
      lines: [
        { productId: w.disk, quantity: 1 },
        { productId: w.disk, quantity: 1, discount: 50 },
      ],
    });
    update({ saleDate: D4 });
    update({ customerId: w.yuanyang });
    update({ status: 'cancelled' });
    update({ lines: [{ productId: w.server, quantity: 3 }] });
    update({ saleDate: D1, customerId: w.huaxin });
    update({ status: 'paid' });
    update({
      saleDate: D3,
      customerId: w.mingda,
      lines: [{ productId: w.cable, quantity: 7 }],
      status: 'draft',
    });
    update({ lines: [] });
    update({ lines: [{ productId: w.support, quantity: 1 }] });
    // The cancelled S5 back, and S1 cancelled.
    const s5 = call(t.ctx, 'sales.get', { id: w.sales[4]! });
    call(t.ctx, 'sales.update', { id: s5.id, version: s5.version, status: 'confirmed' });
    check();
    const s1 = call(t.ctx, 'sales.get', { id: w.sales[0]! });
    call(t.ctx, 'sales.update', { id: s1.id, version: s1.version, status: 'cancelled' });
    check();

    // Delete one, then two at once (one of them cancelled), and restore them.
    call(t.ctx, 'sales.delete', { ids: [created.id] });
    check();
    const both = call(t.ctx, 'sales.delete', { ids: [w.sales[1]!, w.sales[0]!] });
    check();
    expect(value(t.db, 'SELECT count(*) FROM sales WHERE customer_id = ?', w.huaxin)).toBe(2);
    call(t.ctx, 'trash.restore', { ids: [trashEntry(t, 'sales', created.id)] });
    check();
    call(t.ctx, 'trash.restore', { ids: both.trashIds });
    check();
    expect(value(t.db, 'SELECT count(*) FROM sales')).toBe(8);
    // The won opportunity's sale too.
    call(t.ctx, 'sales.delete', { ids: [w.wonSale] });
    check();
    call(t.ctx, 'trash.restore', { ids: [trashEntry(t, 'sales', w.wonSale)] });
    check();
  });

  it('products: a change of category moves the lines of every day the product was sold', () => {
    const recategorize = (id: number, categoryId: number | null) => {
      const p = call(t.ctx, 'products.get', { id });
      call(t.ctx, 'products.update', { id, version: p.version, categoryId });
      check();
    };
    recategorize(w.server, w.software);
    recategorize(w.disk, null);
    recategorize(w.cable, w.hardware);
    recategorize(w.erp, w.hardware);
    recategorize(w.server, w.hardware);
    recategorize(w.disk, w.hardware);
    // A change of something else is no change of category.
    const p = call(t.ctx, 'products.get', { id: w.support });
    call(t.ctx, 'products.update', { id: w.support, version: p.version, name: '运维服务(年)' });
    check();
    // Everything sold on D1 is 硬件 now: all of S1 (161,001) and S2 (90,000).
    expect(
      rows(t.db, 'SELECT category_id AS c, amount, orders FROM sales_category_days WHERE sale_date = ?', D1),
    ).toEqual([{ c: w.hardware, amount: 251_001, orders: 2 }]);
  });

  it('base data: merging product categories moves their products', () => {
    expect(call(t.ctx, 'baseData.delete', { id: w.hardware, mergeInto: w.software }).moved).toBeGreaterThan(
      0,
    );
    check();
    expect(
      value(
        t.db,
        'SELECT orders FROM sales_category_days WHERE sale_date = ? AND category_id = ?',
        D1,
        w.software,
      ),
    ).toBe(2);
    const extra = call(t.ctx, 'baseData.create', { kind: 'product_category', nameZh: '配件' }).id;
    const p = call(t.ctx, 'products.get', { id: w.cable });
    call(t.ctx, 'products.update', { id: w.cable, version: p.version, categoryId: extra });
    check();
    call(t.ctx, 'baseData.delete', { id: w.service, mergeInto: extra });
    check();
    call(t.ctx, 'baseData.delete', { id: extra, mergeInto: w.software });
    check();
    expect(
      rows(t.db, 'SELECT DISTINCT category_id AS c FROM sales_category_days ORDER BY 1').map((r) => r.c),
    ).toEqual([w.software]);
  });

  it('base data: merging opportunity stages moves the opportunities and their history', () => {
    call(t.ctx, 'baseData.delete', { id: w.stage.qualified, mergeInto: w.stage.proposal });
    check();
    expect(rows(t.db, PIPELINE.rollup).map((r) => [r.stageId, r.opportunities])).toEqual([
      [w.stage.initial, 1],
      [w.stage.proposal, 2],
    ]);
    // Into an earlier stage: the lost one's furthest (谈判) becomes 初步接触.
    call(t.ctx, 'baseData.delete', { id: w.stage.negotiation, mergeInto: w.stage.initial });
    check();
    expect(value(t.db, 'SELECT stage_id FROM opportunity_furthest WHERE opportunity_id = ?', w.lostOpp)).toBe(
      w.stage.initial,
    );
    // A new stage, used, then merged away.
    const demo = call(t.ctx, 'baseData.create', {
      kind: 'opportunity_stage',
      nameZh: '演示',
      probability: 60,
    });
    const o = call(t.ctx, 'opportunities.get', { id: w.openOpps[1]! });
    call(t.ctx, 'opportunities.move', { id: o.id, version: o.version, stageId: demo.id });
    check();
    call(t.ctx, 'baseData.delete', { id: demo.id, mergeInto: w.stage.initial });
    check();
  });

  it('base data: reordering stages and switching one off and on', () => {
    const all = call(t.ctx, 'baseData.list', { kind: 'opportunity_stage' }).map((s) => s.id);
    // Open stages reversed (谈判 first), 赢单 and 输单 first of all: 赢单 still counts last.
    const { initial, qualified, proposal, negotiation, won, lost } = w.stage;
    call(t.ctx, 'baseData.reorder', {
      kind: 'opportunity_stage',
      ids: [won, lost, negotiation, proposal, qualified, initial],
    });
    check();
    // ERP 二期 went 初步接触 → 方案报价: 初步接触 is the further one now.
    expect(
      value(t.db, 'SELECT stage_id FROM opportunity_furthest WHERE opportunity_id = ?', w.openOpps[2]),
    ).toBe(initial);
    call(t.ctx, 'baseData.update', { id: proposal, active: false });
    check();
    call(t.ctx, 'baseData.update', { id: qualified, active: false });
    check();
    // A lost opportunity reopened while its stage is off goes to the first open stage.
    const lost1 = call(t.ctx, 'opportunities.get', { id: w.lostOpp });
    call(t.ctx, 'baseData.update', { id: negotiation, active: false });
    check();
    call(t.ctx, 'opportunities.reopen', { id: lost1.id, version: lost1.version });
    check();
    call(t.ctx, 'baseData.update', { id: proposal, active: true });
    check();
    call(t.ctx, 'baseData.update', { id: qualified, active: true });
    call(t.ctx, 'baseData.update', { id: negotiation, active: true });
    check();
    // A rename is no change of order.
    call(t.ctx, 'baseData.update', { id: initial, nameZh: '初次接触' });
    check();
    call(t.ctx, 'baseData.reorder', { kind: 'opportunity_stage', ids: all });
    check();
  });

  it('opportunities: create, move, change amount and probability, close, reopen, delete, restore', () => {
    let o = call(t.ctx, 'opportunities.create', {
      customerId: w.yuanyang,
      title: '车队管理',
      ownerId: w.me,
      expectedAmount: 99_999,
    });
    check();
    const step = (next: { version: number }) => {
      o = { ...o, ...next };
      check();
    };
    step(call(t.ctx, 'opportunities.move', { id: o.id, version: o.version, stageId: w.stage.negotiation }));
    step(call(t.ctx, 'opportunities.move', { id: o.id, version: o.version, stageId: w.stage.qualified }));
    step(call(t.ctx, 'opportunities.update', { id: o.id, version: o.version, expectedAmount: 123_457 }));
    step(call(t.ctx, 'opportunities.update', { id: o.id, version: o.version, probability: 33 }));
    step(
      call(t.ctx, 'opportunities.update', {
        id: o.id,
        version: o.version,
        probability: 77,
        expectedAmount: 1,
        stageId: w.stage.proposal,
      }),
    );
    step(
      call(t.ctx, 'opportunities.update', {
        id: o.id,
        version: o.version,
        lines: [
          { productId: w.disk, quantity: 3 },
          { productId: w.cable, quantity: 1 },
        ],
      }),
    );
    step(call(t.ctx, 'opportunities.update', { id: o.id, version: o.version, lines: [] }));
    // Same stage again: no move.
    step(call(t.ctx, 'opportunities.update', { id: o.id, version: o.version, stageId: w.stage.proposal }));
    step(
      call(t.ctx, 'opportunities.close', {
        id: o.id,
        version: o.version,
        outcome: 'lost',
        lostReason: '预算',
      }).opportunity,
    );
    step(call(t.ctx, 'opportunities.reopen', { id: o.id, version: o.version }));
    expect(o).toMatchObject({ status: 'open' });
    step(
      call(t.ctx, 'opportunities.close', { id: o.id, version: o.version, outcome: 'won', saleDate: D4 })
        .opportunity,
    );
    // The open ones: one won (with lines), one lost and reopened, one deleted.
    const [open1, open2, open3] = w.openOpps as [number, number, number];
    let v = call(t.ctx, 'opportunities.get', { id: open3 }).version;
    call(t.ctx, 'opportunities.close', { id: open3, version: v, outcome: 'won', saleDate: D1 });
    check();
    v = call(t.ctx, 'opportunities.get', { id: open1 }).version;
    v = call(t.ctx, 'opportunities.close', { id: open1, version: v, outcome: 'lost', lostReason: '竞争' })
      .opportunity.version;
    check();
    call(t.ctx, 'opportunities.reopen', { id: open1, version: v });
    check();
    const deleted = call(t.ctx, 'opportunities.delete', { ids: [open2, w.wonOpp, o.id] });
    check();
    expect(value(t.db, 'SELECT count(*) FROM opportunity_furthest')).toBe(3);
    const open2Entry = trashEntry(t, 'opportunities', open2);
    call(t.ctx, 'trash.restore', { ids: [open2Entry] });
    check();
    call(t.ctx, 'trash.restore', { ids: deleted.trashIds.filter((id) => id !== open2Entry) });
    check();
    expect(value(t.db, 'SELECT count(*) FROM opportunity_furthest')).toBe(6);
  });

  it('customers: a delete takes its sales and opportunities, a restore brings them back', () => {
    const snapshot = () => {
      refreshSalesCategoryDays(t.db);
      refreshOpportunityFurthest(t.db);
      return {
        totals: rows(t.db, CUSTOMER_TOTALS.rollup),
        pipeline: rows(t.db, PIPELINE.rollup),
        days: rows(t.db, CATEGORY_DAYS.rollup),
        furthest: rows(t.db, FURTHEST.rollup),
      };
    };
    const before = snapshot();
    const { trashIds } = call(t.ctx, 'customers.delete', { ids: [w.huaxin] });
    check();
    expect(rows(t.db, CUSTOMER_TOTALS.rollup).map((r) => r.customerId)).toEqual([w.mingda, w.yuanyang]);
    expect(value(t.db, 'SELECT count(*) FROM opportunity_furthest')).toBe(3);
    const listed = call(t.ctx, 'trash.list', { kind: 'customers' }).rows.map((e) => e.id);
    expect(listed).toEqual(trashIds);
    call(t.ctx, 'trash.restore', { ids: listed });
    check();
    expect(snapshot()).toEqual(before);
    // Two at once, and back in two steps.
    const two = call(t.ctx, 'customers.delete', { ids: [w.mingda, w.yuanyang] });
    check();
    call(t.ctx, 'trash.restore', { ids: [two.trashIds[1]!] });
    check();
    call(t.ctx, 'trash.restore', { ids: [two.trashIds[0]!] });
    check();
  });

  it('composition by category keeps ties in place, the rollup path as the records path', () => {
    // On D4: 硬件 50,000, 软件 50,000, none 50,000 (and 服务 20,000), tied three ways at the top.
    call(t.ctx, 'sales.create', {
      customerId: w.huaxin,
      saleDate: D4,
      lines: [
        { productId: w.disk, quantity: 10 },
        { productId: w.erp, quantity: 1 },
        { productId: w.cable, quantity: 10, unitPrice: 5_000 },
      ],
    });
    call(t.ctx, 'sales.create', {
      customerId: w.mingda,
      saleDate: D4,
      lines: [{ productId: w.support, quantity: 1 }],
    });
    check();
    const day = { from: D4, to: D4 };
    const raw = expectCompositionFromRecords(t, day, 'category', 1);
    // All three tied at place 1; the first by name, "none" last.
    expect(rawGroups(t.db, day, 'category', 3, {}).map((g) => g.amount)).toEqual([50_000, 50_000, 50_000]);
    expect(raw).toHaveLength(1);
    expect(raw[0]!.id).not.toBeNull();
    expect(
      expectCompositionFromRecords(t, day, 'category', 3)
        .map((g) => g.id)
        .at(-1),
    ).toBeNull();
    expect(expectCompositionFromRecords(t, day, 'category', 2)).toHaveLength(2);
  });
});

// ---------------------------------------------------------------------------------------------
// A deterministic pseudo-random sequence of writes

/** A tiny LCG (Numerical Recipes constants): `next(n)` is 0 … n − 1. */
function lcg(seed: number): (n: number) => number {
  let s = seed >>> 0;
  return (n) => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return Math.floor((s / 2 ** 32) * n);
  };
}

function randomSequence(seed: number, steps: number, refreshEvery: number): Map<string, number> {
  const t = makeTestDb({ now: steppingClock('2026-03-01T08:00:00.000Z', 60_000) });
  try {
    const w = buildWorld(t);
    const { ctx, db } = t;
    const next = lcg(seed);
    const pick = <T>(xs: readonly T[]): T | undefined => (xs.length === 0 ? undefined : xs[next(xs.length)]);
    const ids = (sql: string, ...params: unknown[]) =>
      db
        .prepare(sql)
        .pluck()
        .all(...params) as number[];
    const lines = (): LineInput[] =>
      Array.from({ length: next(5) }, () => ({
        productId: pick(w.products)!,
        quantity: pick([1, 2, 3, 0.5])!,
        discount: pick([0, 0, 10, 25])!,
      }));
    const openStages = () =>
      ids(`SELECT id FROM base_items WHERE kind = 'opportunity_stage' AND active = 1
             AND (key IS NULL OR key NOT IN ('won', 'lost')) ORDER BY id`);
    const notClosedStages = () =>
      ids(`SELECT id FROM base_items WHERE kind = 'opportunity_stage' AND (key IS NULL OR key NOT IN ('won', 'lost'))
           ORDER BY id`);
    const opps = (status: string) => ids('SELECT id FROM opportunities WHERE status = ? ORDER BY id', status);
    const saleVersion = (id: number) => call(ctx, 'sales.get', { id }).version;
    const oppVersion = (id: number) => call(ctx, 'opportunities.get', { id }).version;
    /** A call that may be refused for a reason the data gives (a parent in the trash …). */
    const attempt = (channel: string, input: unknown): boolean => {
      const res = invoke(ctx, channel, input);
      if (!res.ok) expect(['CONFLICT', 'VALIDATION']).toContain(res.error.code);
      return res.ok;
    };
    const restoreOne = (kind: TrashKind): string | null => {
      const entry = pick(call(ctx, 'trash.list', { kind, pageSize: 200 }).rows);
      if (!entry) return null;
      return attempt('trash.restore', { ids: [entry.id] }) ? `${kind}.restore` : `${kind}.restore refused`;
    };
    let names = 0;

    const ops: (() => string | null)[] = [
      () => {
        const customerId = pick(ids('SELECT id FROM customers'));
        if (customerId === undefined) return null;
        call(ctx, 'sales.create', {
          customerId,
          saleDate: pick(DATES)!,
          status: pick(['confirmed', 'draft', 'paid', 'cancelled'] as const)!,
          lines: lines(),
        });
        return 'sale.create';
      },
      () => {
        const id = pick(ids('SELECT id FROM sales'));
        if (id === undefined) return null;
        call(ctx, 'sales.update', { id, version: saleVersion(id), lines: lines() });
        return 'sale.lines';
      },
      () => {
        const id = pick(ids('SELECT id FROM sales'));
        if (id === undefined) return null;
        call(ctx, 'sales.update', { id, version: saleVersion(id), saleDate: pick(DATES)! });
        return 'sale.date';
      },
      () => {
        const id = pick(ids('SELECT id FROM sales'));
        const customerId = pick(ids('SELECT id FROM customers'));
        if (id === undefined || customerId === undefined) return null;
        call(ctx, 'sales.update', { id, version: saleVersion(id), customerId });
        return 'sale.customer';
      },
      () => {
        const id = pick(ids('SELECT id FROM sales'));
        if (id === undefined) return null;
        const s = call(ctx, 'sales.get', { id });
        call(ctx, 'sales.update', {
          id,
          version: s.version,
          status: s.status === 'cancelled' ? 'confirmed' : 'cancelled',
        });
        return 'sale.status';
      },
      () => {
        const id = pick(ids('SELECT id FROM sales'));
        if (id === undefined) return null;
        call(ctx, 'sales.delete', { ids: [id] });
        return 'sale.delete';
      },
      () => restoreOne('sales'),
      () => {
        const id = pick(w.products)!;
        const categoryId = pick([...ids(`SELECT id FROM base_items WHERE kind = 'product_category'`), null]);
        call(ctx, 'products.update', { id, version: call(ctx, 'products.get', { id }).version, categoryId });
        return 'product.category';
      },
      () => {
        const categories = ids(`SELECT id FROM base_items WHERE kind = 'product_category' AND active = 1`);
        if (categories.length < 3) {
          const id = call(ctx, 'baseData.create', { kind: 'product_category', nameZh: `类别 ${++names}` }).id;
          const product = pick(w.products)!;
          call(ctx, 'products.update', {
            id: product,
            version: call(ctx, 'products.get', { id: product }).version,
            categoryId: id,
          });
          return 'category.create';
        }
        const from = pick(categories)!;
        const into = pick(categories.filter((c) => c !== from))!;
        call(ctx, 'baseData.delete', { id: from, mergeInto: into });
        return 'category.merge';
      },
      () => {
        const customerId = pick(ids('SELECT id FROM customers'));
        if (customerId === undefined) return null;
        const withLines = next(3) === 0;
        call(ctx, 'opportunities.create', {
          customerId,
          title: `机会 ${++names}`,
          ownerId: w.me,
          ...(next(2) === 0 ? { stageId: pick(openStages())! } : {}),
          ...(next(2) === 0 ? { probability: next(101) } : {}),
          expectedAmount: next(1_000_000),
          ...(withLines ? { lines: lines() } : {}),
        });
        return 'opportunity.create';
      },
      () => {
        const id = pick(opps('open'));
        if (id === undefined) return null;
        const current = value(db, 'SELECT stage_id FROM opportunities WHERE id = ?', id);
        const stageId = pick(openStages().filter((s) => s !== current));
        if (stageId === undefined) return null;
        call(ctx, 'opportunities.move', { id, version: oppVersion(id), stageId });
        return 'opportunity.move';
      },
      () => {
        const id = pick(opps('open'));
        if (id === undefined) return null;
        call(ctx, 'opportunities.update', {
          id,
          version: oppVersion(id),
          ...(next(2) === 0 ? { expectedAmount: next(500_000) } : {}),
          probability: next(101),
          ...(next(4) === 0 ? { lines: lines() } : {}),
        });
        return 'opportunity.update';
      },
      () => {
        const id = pick(opps('open'));
        if (id === undefined) return null;
        call(ctx, 'opportunities.close', {
          id,
          version: oppVersion(id),
          outcome: 'won',
          saleDate: pick(DATES)!,
        });
        return 'opportunity.won';
      },
      () => {
        const id = pick(opps('open'));
        if (id === undefined) return null;
        call(ctx, 'opportunities.close', {
          id,
          version: oppVersion(id),
          outcome: 'lost',
          lostReason: '价格',
        });
        return 'opportunity.lost';
      },
      () => {
        const id = pick(opps('lost'));
        if (id === undefined) return null;
        call(ctx, 'opportunities.reopen', { id, version: oppVersion(id) });
        return 'opportunity.reopen';
      },
      () => {
        const id = pick(ids('SELECT id FROM opportunities'));
        if (id === undefined) return null;
        call(ctx, 'opportunities.delete', { ids: [id] });
        return 'opportunity.delete';
      },
      () => restoreOne('opportunities'),
      () => {
        const customers = ids('SELECT id FROM customers');
        if (customers.length <= 2) return null;
        call(ctx, 'customers.delete', { ids: [pick(customers)!] });
        return 'customer.delete';
      },
      () => restoreOne('customers'),
      () => {
        call(ctx, 'customers.create', { name: `客户 ${++names}` });
        return 'customer.create';
      },
      () => {
        const stages = ids(`SELECT id FROM base_items WHERE kind = 'opportunity_stage' ORDER BY id`);
        const shuffled = [...stages];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = next(i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        call(ctx, 'baseData.reorder', { kind: 'opportunity_stage', ids: shuffled });
        return 'stage.reorder';
      },
      () => {
        const id = pick(notClosedStages())!;
        const active = value(db, 'SELECT active FROM base_items WHERE id = ?', id) === 1;
        // Switching off the last open stage is refused.
        return attempt('baseData.update', { id, active: !active }) ? 'stage.toggle' : 'stage.toggle refused';
      },
      () => {
        const stages = notClosedStages();
        const active = openStages();
        if (stages.length < 4 || active.length < 2) {
          call(ctx, 'baseData.create', {
            kind: 'opportunity_stage',
            nameZh: `阶段 ${++names}`,
            probability: next(101),
          });
          return 'stage.create';
        }
        const from = pick(stages)!;
        const into = pick(active.filter((s) => s !== from))!;
        call(ctx, 'baseData.delete', { id: from, mergeInto: into });
        return 'stage.merge';
      },
    ];

    const done = new Map<string, number>();
    for (let i = 0; i < steps; i++) {
      let label: string | null = null;
      for (let k = next(ops.length); label === null; k = (k + 1) % ops.length) label = ops[k]!();
      done.set(label, (done.get(label) ?? 0) + 1);
      expectExactRollups(db);
      if ((i + 1) % refreshEvery === 0 || i === steps - 1) expectAllFromRecords(t, w);
    }
    return done;
  } finally {
    t.close();
  }
}

/** Every kind of write the sequence can make, each of which must have happened. */
const EVERY_WRITE = [
  'sale.create',
  'sale.lines',
  'sale.date',
  'sale.customer',
  'sale.status',
  'sale.delete',
  'sales.restore',
  'product.category',
  'category.create',
  'category.merge',
  'opportunity.create',
  'opportunity.move',
  'opportunity.update',
  'opportunity.won',
  'opportunity.lost',
  'opportunity.reopen',
  'opportunity.delete',
  'opportunities.restore',
  'customer.delete',
  'customers.restore',
  'customer.create',
  'stage.reorder',
  'stage.toggle',
  'stage.create',
  'stage.merge',
];

describe('the rollups over a pseudo-random sequence of writes', () => {
  it('match the records after every one of 200 steps', () => {
    const done = randomSequence(20_260_301, 200, 1);
    expect(EVERY_WRITE.filter((w) => !done.has(w))).toEqual([]);
  });

  it('match the records when several steps go by between refreshes', () => {
    // The exact sums after every step; the stale-marked ones only every 7th, as marks pile up.
    const done = randomSequence(7, 200, 7);
    expect(EVERY_WRITE.filter((w) => !done.has(w))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The top customers of a range with ten thousand sales and more: the fast path

describe('composition by customer over many sales', () => {
  let t: TestDb;
  const Y2025: DateRange = { from: '2025-01-01', to: '2025-12-31' };
  const EVER: DateRange = { from: '2000-01-01', to: '2099-12-31' };
  const ACROSS: DateRange = { from: '2024-07-20', to: '2025-12-31' };
  const Q2: DateRange = { from: '2025-04-01', to: '2025-06-30' };
  const CUSTOMERS = 600;
  const PER_CUSTOMER = 18;
  /** By the customer's place in creation order. */
  const leaders = 17;
  const tied = ['并列 F', '并列 E', '并列 D', '并列 C', '并列 B', '并列 A'];
  const decoys = { from: leaders + tied.length, count: 300 };
  let customerIds: number[];

  /** Each customer's amount in 2025, spread over its sales. */
  const in2025 = (i: number) =>
    i < leaders
      ? 2_000_000 - i * 50_000
      : i < decoys.from
        ? 1_000_000
        : i < decoys.from + decoys.count
          ? 20_000 + (i % 7) * 10
          : 30_000 + (i % 11) * 100;
  /** Its sales before 2025, on one day of 2024-07-15 … 2024-08-13: all-time amounts that say little about 2025. */
  const before2025 = (i: number): number => {
    if (i === leaders) return 300_000_000; // 并列 F: first in the all-time order
    if (i === leaders + 2) return 50_000_000; // 并列 D: after the decoys
    if (i >= decoys.from && i < decoys.from + decoys.count) return 100_000_000 + (i % 5) * 1_000;
    // All-time exactly the 20th place of 2025 (1,000,000), with less than that in 2025.
    if (i === 400 || i === 401) return 1_000_000 - in2025(i);
    return 0;
  };

  beforeAll(() => {
    t = makeTestDb({ now: steppingClock('2026-01-05T08:00:00.000Z', 1000) });
    customerIds = Array.from({ length: CUSTOMERS }, (_, i) => {
      const name =
        i < leaders
          ? `领先 ${String(i).padStart(2, '0')}`
          : i < decoys.from
            ? tied[i - leaders]!
            : `客户 ${String(i).padStart(3, '0')}`;
      return call(t.ctx, 'customers.create', { name }).id;
    });
    const insert = t.db.prepare(
      `INSERT INTO sales (code, customer_id, sale_date, status, amount, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, '2026-01-05T08:00:00.000Z', '2026-01-05T08:00:00.000Z')`,
    );
    const day = (start: number, offset: number) =>
      new Date(start + offset * 86_400_000).toISOString().slice(0, 10);
    let n = 0;
    const sale = (customer: number, date: string, amount: number, status = 'confirmed') =>
      insert.run(`BULK${String(++n).padStart(6, '0')}`, customerIds[customer]!, date, status, amount);
    t.db.transaction(() => {
      for (let i = 0; i < CUSTOMERS; i++) {
        const amount = in2025(i);
        const each = Math.floor(amount / PER_CUSTOMER);
        for (let j = 0; j < PER_CUSTOMER; j++) {
          const share = j === PER_CUSTOMER - 1 ? amount - each * (PER_CUSTOMER - 1) : each;
          sale(i, day(Date.UTC(2025, 0, 1), (i * 13 + j * 20) % 365), share);
        }
        if (before2025(i) > 0) sale(i, day(Date.UTC(2024, 6, 15), i % 30), before2025(i));
      }
      // Cancelled and draft sales: the first never counts, the second does.
      sale(500, '2025-06-01', 5_000_000, 'cancelled');
      sale(501, '2025-06-01', 7, 'draft');
    })();
  });
  afterAll(() => t.close());

  it('keep customer_sales_totals equal to the sales', () => {
    expectExactRollups(t.db);
    expect(value(t.db, 'SELECT count(*) FROM customer_sales_totals')).toBe(CUSTOMERS);
  });

  it('finds the top customers of a year by the fast path, ties at the last place ordered by name', () => {
    const raw = rawGroups(t.db, Y2025, 'customer', 20, {});
    const fast = topCustomersBySearch(t.ctx, Y2025, 20);
    expect(fast).not.toBeNull();
    expect(fast).toEqual(raw);
    // Worked out: the 17 leaders, then three of the six tied at 1,000,000 by name (their ids
    // run the other way), of 600 customers and 10,801 sales (the draft one's 7 included).
    const total = Array.from({ length: CUSTOMERS }, (_, i) => in2025(i)).reduce((a, b) => a + b, 0) + 7;
    expect(raw.map((g) => [g.id, g.name, g.amount, g.orders])).toEqual([
      ...Array.from({ length: leaders }, (_, i) => [
        customerIds[i],
        `领先 ${String(i).padStart(2, '0')}`,
        2_000_000 - i * 50_000,
        PER_CUSTOMER,
      ]),
      [customerIds[leaders + 5], '并列 A', 1_000_000, PER_CUSTOMER],
      [customerIds[leaders + 4], '并列 B', 1_000_000, PER_CUSTOMER],
      [customerIds[leaders + 3], '并列 C', 1_000_000, PER_CUSTOMER],
    ]);
    expect(raw[0]).toMatchObject({ groups: CUSTOMERS, total, sumOrders: CUSTOMERS * PER_CUSTOMER + 1 });
    const r = call(t.ctx, 'analysis.composition', { ...Y2025, by: 'customer', top: 20 });
    expect(r.rows.map(shown)).toEqual(raw.map(shown));
    expect(r.total).toBe(total);
    expect(r.other).toMatchObject({
      groups: CUSTOMERS - 20,
      amount: total - raw.reduce((s, g) => s + g.amount, 0),
      orders: CUSTOMERS * PER_CUSTOMER + 1 - 20 * PER_CUSTOMER,
    });
  });

  it('equals the records path for other ranges and other numbers of groups', () => {
    for (const range of [Y2025, EVER, ACROSS]) {
      for (const top of [1, 17, 18, 20, 23, 24, 50]) {
        const raw = rawGroups(t.db, range, 'customer', top, {});
        const fast = topCustomersBySearch(t.ctx, range, top);
        expect(fast).not.toBeNull();
        expect(fast).toEqual(raw);
        expect(raw).toHaveLength(top);
        expectCompositionFromRecords(t, range, 'customer', top);
      }
    }
    // Ever: the decoys' all-time amounts lead, many of them tied.
    const ever = rawGroups(t.db, EVER, 'customer', 20, {});
    expect(ever[0]!.id).toBe(customerIds[leaders]);
    expect(new Set(ever.slice(1).map((g) => g.amount)).size).toBeLessThan(19);
  });

  it('leaves a range with fewer sales to the records path', () => {
    expect(topCustomersBySearch(t.ctx, Q2, 20)).toBeNull();
    expect(expectCompositionFromRecords(t, Q2, 'customer', 20)).toHaveLength(20);
  });
});

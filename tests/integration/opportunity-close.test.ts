import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Opportunity } from '../../src-main/contract';
import { closeDatabase, openDatabase, type Db } from '../../src-main/db/open';
import { invoke } from '../../src-main/ipc/registry';
import type { HandlerContext } from '../../src-main/records/context';
import {
  FIXED_NOW,
  baseId,
  call,
  callError,
  contextFor,
  dbSnapshot,
  makeTempDir,
  makeTestDb,
  manualClock,
  type ManualClock,
  type TestDb,
} from '../helpers/db';

/** 结束机会(转为销售): won makes exactly one sale carrying the lines; lost records the reason. */

let t: TestDb;
let clock: ManualClock;
let won: number;
let lost: number;
let negotiation: number;
let huaxin: number;
let zhang: number;
let owner: number;
let products: number[];

beforeEach(() => {
  clock = manualClock();
  t = makeTestDb({ now: clock.now });
  won = baseId(t.ctx, 'opportunity_stage', 'won');
  lost = baseId(t.ctx, 'opportunity_stage', 'lost');
  negotiation = baseId(t.ctx, 'opportunity_stage', 'negotiation');
  owner = baseId(t.ctx, 'sales_rep', 'me');
  huaxin = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' }).id;
  call(t.ctx, 'customers.create', { name: '上海明达贸易有限公司' });
  zhang = call(t.ctx, 'contacts.create', { customerId: huaxin, name: '张伟' }).id;
  products = [
    call(t.ctx, 'products.create', { name: '服务器', unit: '台', listPrice: 2_000_000 }).id,
    call(t.ctx, 'products.create', { name: '运维服务', unit: '年', listPrice: 500_000 }).id,
    call(t.ctx, 'products.create', { name: '网线', listPrice: 1 }).id,
  ];
});
afterEach(() => t.close());

/** An open opportunity in 谈判 with three lines, two of them landing on half a cent. */
function negotiating(ctx: HandlerContext = t.ctx): Opportunity {
  return call(ctx, 'opportunities.create', {
    customerId: huaxin,
    contactId: zhang,
    title: '数据中心扩容',
    stageId: negotiation,
    ownerId: owner,
    expectedCloseDate: '2026-02-28',
    lines: [
      { productId: products[0]!, quantity: 2, discount: 5 },
      { productId: products[1]!, quantity: 3, unitPrice: 5, discount: 10 },
      { productId: products[2]!, quantity: 1, discount: 50 },
    ],
  });
}

const rows = (db: Db, sql: string, ...params: unknown[]) => db.prepare(sql).all(...params);
const salesCount = (db: Db = t.db) => db.prepare('SELECT count(*) FROM sales').pluck().get() as number;
const LINE_COLUMNS = 'line_no, product_id, product_name, unit, quantity, unit_price, discount, amount';

describe('closing as won', () => {
  it('makes one sale that carries the lines exactly and links back', () => {
    const o = negotiating();
    expect(o.lines.map((l) => l.amount)).toEqual([3_800_000, 14, 1]);
    clock.set('2026-01-05T09:30:00.000Z');
    const res = call(t.ctx, 'opportunities.close', {
      id: o.id,
      version: 1,
      outcome: 'won',
      saleDate: '2026-01-06',
    });

    expect(res.saleId).toEqual(expect.any(Number));
    expect(res.opportunity).toEqual({
      ...o,
      status: 'won',
      stageId: won,
      probability: 100,
      closedAt: '2026-01-05T09:30:00.000Z',
      saleId: res.saleId,
      history: [
        ...o.history,
        {
          id: expect.any(Number),
          fromStageId: negotiation,
          toStageId: won,
          changedAt: '2026-01-05T09:30:00.000Z',
        },
      ],
      version: 2,
      updatedAt: '2026-01-05T09:30:00.000Z',
    });
    expect(call(t.ctx, 'opportunities.get', { id: o.id })).toEqual(res.opportunity);

    expect(rows(t.db, 'SELECT * FROM sales')).toEqual([
      {
        id: res.saleId,
        code: 'SO000001',
        customer_id: huaxin,
        contact_id: zhang,
        opportunity_id: o.id,
        sale_date: '2026-01-06',
        owner_id: owner,
        status: 'confirmed',
        amount: 3_800_015,
        amount_received: 0,
        notes: null,
        custom: '{}',
        version: 1,
        created_at: '2026-01-05T09:30:00.000Z',
        updated_at: '2026-01-05T09:30:00.000Z',
      },
    ]);
    // Every column of every line, in order; the totals agree.
    const oppLines = rows(
      t.db,
      `SELECT ${LINE_COLUMNS} FROM opportunity_lines WHERE opportunity_id = ? ORDER BY line_no`,
      o.id,
    );
    const saleLines = rows(
      t.db,
      `SELECT ${LINE_COLUMNS} FROM sale_lines WHERE sale_id = ? ORDER BY line_no`,
      res.saleId,
    );
    expect(saleLines).toHaveLength(3);
    expect(saleLines).toEqual(oppLines);
    expect(o.expectedAmount).toBe(3_800_015);
    // The sale is found by its search row (order number and customer name).
    expect(call(t.ctx, 'sales.list', { keyword: 'SO000001' }).rows.map((r) => r.id)).toEqual([res.saleId]);
    expect(call(t.ctx, 'sales.list', { keyword: '华信' }).rows.map((r) => r.id)).toEqual([res.saleId]);
  });

  it('dates the sale today on the local clock when no date is given', () => {
    const previous = process.env.TZ;
    process.env.TZ = 'Asia/Shanghai';
    try {
      const o = negotiating();
      // 2026-01-01 17:30 UTC is already 2026-01-02 01:30 in Beijing.
      clock.set('2026-01-01T17:30:00.000Z');
      const { saleId } = call(t.ctx, 'opportunities.close', { id: o.id, version: 1, outcome: 'won' });
      expect(t.db.prepare('SELECT sale_date FROM sales WHERE id = ?').pluck().get(saleId)).toBe('2026-01-02');
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });

  it('makes a sale without lines from an opportunity without lines', () => {
    const o = call(t.ctx, 'opportunities.create', {
      customerId: huaxin,
      title: '咨询',
      expectedAmount: 5_000,
    });
    const { saleId } = call(t.ctx, 'opportunities.close', { id: o.id, version: 1, outcome: 'won' });
    expect(t.db.prepare('SELECT amount, contact_id, owner_id FROM sales WHERE id = ?').get(saleId)).toEqual({
      amount: 0,
      contact_id: null,
      owner_id: null,
    });
  });

  it('never makes a second sale: a repeat is CONFLICT with the old version, READ_ONLY with the new', () => {
    const o = negotiating();
    call(t.ctx, 'opportunities.close', { id: o.id, version: 1, outcome: 'won' });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'opportunities.close', { id: o.id, version: 1, outcome: 'won' })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(callError(t.ctx, 'opportunities.close', { id: o.id, version: 2, outcome: 'won' })).toMatchObject({
      code: 'READ_ONLY',
    });
    expect(
      callError(t.ctx, 'opportunities.close', { id: o.id, version: 2, outcome: 'lost', lostReason: 'x' }),
    ).toMatchObject({ code: 'READ_ONLY' });
    expect(dbSnapshot(t.db)).toEqual(before);
    expect(salesCount()).toBe(1);
  });

  it('lets one of two windows on the same file win; the other gets CONFLICT and no sale', () => {
    const tmp = makeTempDir();
    const file = path.join(tmp.dir, 'shared.solocrm');
    const a = openDatabase(file);
    const b = openDatabase(file);
    try {
      const ctxA = contextFor(a.db, a.path, a.schemaVersion, clock.now);
      const ctxB = contextFor(b.db, b.path, b.schemaVersion, clock.now);
      huaxin = call(ctxA, 'customers.create', { name: '北京华信科技有限公司' }).id;
      zhang = call(ctxA, 'contacts.create', { customerId: huaxin, name: '张伟' }).id;
      products = ['服务器', '运维服务', '网线'].map(
        (name) => call(ctxA, 'products.create', { name, listPrice: 100 }).id,
      );
      const o = negotiating(ctxA);
      const seenByA = call(ctxA, 'opportunities.get', { id: o.id });
      const seenByB = call(ctxB, 'opportunities.get', { id: o.id });
      expect([seenByA.version, seenByB.version]).toEqual([1, 1]);

      const results = [
        invoke(ctxA, 'opportunities.close', { id: o.id, version: seenByA.version, outcome: 'won' }),
        invoke(ctxB, 'opportunities.close', { id: o.id, version: seenByB.version, outcome: 'won' }),
      ];
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['CONFLICT']);
      expect(salesCount(a.db)).toBe(1);
      expect(salesCount(b.db)).toBe(1);
      expect(call(ctxB, 'opportunities.get', { id: o.id })).toMatchObject({ status: 'won', version: 2 });
    } finally {
      closeDatabase(a.db);
      closeDatabase(b.db);
      tmp.remove();
    }
  });

  it('is held to one sale by the schema too', () => {
    const o = negotiating();
    call(t.ctx, 'opportunities.close', { id: o.id, version: 1, outcome: 'won' });
    expect(() =>
      t.db
        .prepare(
          "INSERT INTO sales (code, customer_id, opportunity_id, sale_date, created_at, updated_at) VALUES ('X', ?, ?, '2026-01-01', ?, ?)",
        )
        .run(huaxin, o.id, FIXED_NOW, FIXED_NOW),
    ).toThrow(/UNIQUE/);
  });

  it('refuses a stale version and an unknown opportunity, changing nothing', () => {
    const o = negotiating();
    call(t.ctx, 'opportunities.update', { id: o.id, version: 1, title: '改名' });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'opportunities.close', { id: o.id, version: 1, outcome: 'won' })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(callError(t.ctx, 'opportunities.close', { id: 999, version: 1, outcome: 'won' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });
});

describe('closing as lost', () => {
  it('records the reason, the lost stage and probability 0, and makes no sale', () => {
    const o = negotiating();
    clock.set('2026-01-09T00:00:00.000Z');
    const res = call(t.ctx, 'opportunities.close', {
      id: o.id,
      version: 1,
      outcome: 'lost',
      lostReason: '  竞争对手报价更低  ',
    });
    expect(res).toEqual({
      saleId: null,
      opportunity: {
        ...o,
        status: 'lost',
        stageId: lost,
        probability: 0,
        lostReason: '竞争对手报价更低',
        closedAt: '2026-01-09T00:00:00.000Z',
        history: [
          ...o.history,
          {
            id: expect.any(Number),
            fromStageId: negotiation,
            toStageId: lost,
            changedAt: '2026-01-09T00:00:00.000Z',
          },
        ],
        version: 2,
        updatedAt: '2026-01-09T00:00:00.000Z',
      },
    });
    expect(salesCount()).toBe(0);
  });

  it('requires a reason', () => {
    const o = negotiating();
    const before = dbSnapshot(t.db);
    for (const lostReason of [undefined, '', '   ']) {
      expect(
        callError(t.ctx, 'opportunities.close', { id: o.id, version: 1, outcome: 'lost', lostReason }),
      ).toMatchObject({ code: 'VALIDATION', field: 'lostReason', reason: 'required' });
    }
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('cannot be converted to a sale until it is reopened', () => {
    const o = negotiating();
    call(t.ctx, 'opportunities.close', { id: o.id, version: 1, outcome: 'lost', lostReason: '预算取消' });
    expect(callError(t.ctx, 'opportunities.close', { id: o.id, version: 2, outcome: 'won' })).toMatchObject({
      code: 'READ_ONLY',
    });
    expect(salesCount()).toBe(0);
  });
});

describe('opportunities.reopen', () => {
  it('takes a lost opportunity back to the stage it was lost from; then it can be won', () => {
    const o = negotiating();
    clock.set('2026-01-10T00:00:00.000Z');
    call(t.ctx, 'opportunities.close', { id: o.id, version: 1, outcome: 'lost', lostReason: '预算取消' });
    clock.set('2026-01-20T00:00:00.000Z');
    const r = call(t.ctx, 'opportunities.reopen', { id: o.id, version: 2 });
    expect(r).toEqual({
      ...o,
      status: 'open',
      stageId: negotiation,
      probability: 70,
      lostReason: null,
      closedAt: null,
      history: [
        ...o.history,
        {
          id: expect.any(Number),
          fromStageId: negotiation,
          toStageId: lost,
          changedAt: '2026-01-10T00:00:00.000Z',
        },
        {
          id: expect.any(Number),
          fromStageId: lost,
          toStageId: negotiation,
          changedAt: '2026-01-20T00:00:00.000Z',
        },
      ],
      version: 3,
      updatedAt: '2026-01-20T00:00:00.000Z',
    });
    // Open again: editable, and winning it now makes the one sale.
    call(t.ctx, 'opportunities.update', { id: o.id, version: 3, title: '数据中心扩容（重启）' });
    const { saleId, opportunity } = call(t.ctx, 'opportunities.close', {
      id: o.id,
      version: 4,
      outcome: 'won',
    });
    expect(opportunity).toMatchObject({ status: 'won', saleId });
    expect(salesCount()).toBe(1);
    expect(opportunity.history.map((h) => h.toStageId)).toEqual([negotiation, lost, negotiation, won]);
  });

  it('goes back to the stage before the latest loss', () => {
    const o = negotiating();
    call(t.ctx, 'opportunities.close', { id: o.id, version: 1, outcome: 'lost', lostReason: 'a' });
    call(t.ctx, 'opportunities.reopen', { id: o.id, version: 2 });
    const proposal = baseId(t.ctx, 'opportunity_stage', 'proposal');
    call(t.ctx, 'opportunities.move', { id: o.id, version: 3, stageId: proposal });
    call(t.ctx, 'opportunities.close', { id: o.id, version: 4, outcome: 'lost', lostReason: 'b' });
    expect(call(t.ctx, 'opportunities.reopen', { id: o.id, version: 5 })).toMatchObject({
      stageId: proposal,
      probability: 50,
    });
  });

  it('refuses a won opportunity (READ_ONLY), an open one (CONFLICT), a stale version and an unknown id', () => {
    const w = negotiating();
    call(t.ctx, 'opportunities.close', { id: w.id, version: 1, outcome: 'won' });
    const open = negotiating();
    const l = negotiating();
    call(t.ctx, 'opportunities.close', { id: l.id, version: 1, outcome: 'lost', lostReason: 'x' });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'opportunities.reopen', { id: w.id, version: 2 })).toMatchObject({
      code: 'READ_ONLY',
    });
    expect(callError(t.ctx, 'opportunities.reopen', { id: open.id, version: 1 })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(callError(t.ctx, 'opportunities.reopen', { id: l.id, version: 1 })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(callError(t.ctx, 'opportunities.reopen', { id: 999, version: 1 })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  opportunitySortColumns,
  type ChannelInput,
  type LineInput,
  type Opportunity,
  type OpportunityCreateInput,
  type OpportunityRow,
} from '../../src-main/contract';
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
import { SAMPLE_STAGE_QUALIFIED } from '../helpers/samples/opportunities';

let t: TestDb;
let clock: ManualClock;
let stage: Record<'initial' | 'qualified' | 'proposal' | 'negotiation' | 'won' | 'lost', number>;
let huaxin: number;
let mingda: number;
let zhang: number;
let li: number;
let server: number;
let service: number;

beforeEach(() => {
  clock = manualClock();
  t = makeTestDb({ now: clock.now });
  const s = (key: string) => baseId(t.ctx, 'opportunity_stage', key);
  stage = {
    initial: s('initial'),
    qualified: s('qualified'),
    proposal: s('proposal'),
    negotiation: s('negotiation'),
    won: s('won'),
    lost: s('lost'),
  };
  huaxin = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' }).id;
  mingda = call(t.ctx, 'customers.create', { name: '上海明达贸易有限公司' }).id;
  zhang = call(t.ctx, 'contacts.create', { customerId: huaxin, name: '张伟' }).id;
  li = call(t.ctx, 'contacts.create', { customerId: mingda, name: '李娜' }).id;
  server = call(t.ctx, 'products.create', { name: '服务器', unit: '台', listPrice: 2_000_000 }).id;
  service = call(t.ctx, 'products.create', { name: '运维服务', unit: '年', listPrice: 500_000 }).id;
});
afterEach(() => t.close());

const create = (input: OpportunityCreateInput): Opportunity => call(t.ctx, 'opportunities.create', input);
const get = (id: number): Opportunity => call(t.ctx, 'opportunities.get', { id });
const history = (o: Opportunity) => o.history.map((h) => [h.fromStageId, h.toStageId, h.changedAt]);

describe('opportunities.create and opportunities.get', () => {
  it('creates an opportunity with every field and reads it back', () => {
    const sourceId = baseId(t.ctx, 'source', 'referral');
    const ownerId = baseId(t.ctx, 'sales_rep', 'me');
    const input = {
      customerId: huaxin,
      contactId: zhang,
      title: '数据中心扩容',
      sourceId,
      stageId: stage.proposal,
      probability: 55,
      expectedAmount: 0,
      expectedCloseDate: '2026-06-30',
      ownerId,
      notes: '客户预算已批',
    };
    const o = create({
      ...input,
      lines: [
        { productId: server, quantity: 2 },
        { productId: service, quantity: 1.5, unitPrice: 400_000, discount: 10 },
      ],
    });
    expect(o).toEqual({
      id: o.id,
      code: 'O000001',
      ...input,
      customerName: '北京华信科技有限公司',
      contactName: '张伟',
      expectedAmount: 4_540_000,
      status: 'open',
      lostReason: null,
      closedAt: null,
      saleId: null,
      custom: {},
      lines: [
        {
          id: expect.any(Number),
          lineNo: 1,
          productId: server,
          productName: '服务器',
          unit: '台',
          quantity: 2,
          unitPrice: 2_000_000,
          discount: 0,
          amount: 4_000_000,
        },
        {
          id: expect.any(Number),
          lineNo: 2,
          productId: service,
          productName: '运维服务',
          unit: '年',
          quantity: 1.5,
          unitPrice: 400_000,
          discount: 10,
          amount: 540_000,
        },
      ],
      history: [
        { id: expect.any(Number), fromStageId: null, toStageId: stage.proposal, changedAt: FIXED_NOW },
      ],
      version: 1,
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
    });
    expect(get(o.id)).toEqual(o);
  });

  it('numbers codes O000001, O000002 …', () => {
    const codes = [1, 2, 3].map((n) => create({ customerId: huaxin, title: `机会${n}` }).code);
    expect(codes).toEqual(['O000001', 'O000002', 'O000003']);
  });

  it('starts in the first open stage with its default probability', () => {
    const o = create({ customerId: huaxin, title: '初次拜访' });
    expect(o).toMatchObject({ stageId: stage.initial, probability: 10, expectedAmount: 0 });
    expect(history(o)).toEqual([[null, stage.initial, FIXED_NOW]]);
  });

  it('takes the chosen stage’s default probability unless one is typed', () => {
    expect(create({ customerId: huaxin, title: 'a', stageId: stage.negotiation })).toMatchObject({
      stageId: stage.negotiation,
      probability: 70,
    });
    expect(
      create({ customerId: huaxin, title: 'b', stageId: stage.qualified, probability: 0 }),
    ).toMatchObject({
      stageId: stage.qualified,
      probability: 0,
    });
  });

  it('orders the pipeline by sort order, not by id', () => {
    // A stage the user placed first (sort order 0) becomes the default one.
    t.db
      .prepare(
        "INSERT INTO base_items (kind, key, name_zh, name_en, sort_order, probability) VALUES ('opportunity_stage', NULL, '线索', 'Lead', 0, 5)",
      )
      .run();
    const lead = t.db.prepare("SELECT id FROM base_items WHERE name_en = 'Lead'").pluck().get() as number;
    expect(create({ customerId: huaxin, title: 'x' })).toMatchObject({ stageId: lead, probability: 5 });
  });

  it('keeps the typed expected amount when there are no lines, ignores it when there are', () => {
    expect(create({ customerId: huaxin, title: 'a', expectedAmount: 123_456 }).expectedAmount).toBe(123_456);
    const withLines = create({
      customerId: huaxin,
      title: 'b',
      expectedAmount: 999,
      lines: [{ productId: server, quantity: 1, unitPrice: 10_000 }],
    });
    expect(withLines.expectedAmount).toBe(10_000);
  });

  it.each([
    // 1 × 1 分 × 50 % = 0.5 分 → 1 分 (half up)
    [{ quantity: 1, unitPrice: 1, discount: 50 }, 1],
    // 3 × 5 分 × 90 % = 13.5 分 → 14 分
    [{ quantity: 3, unitPrice: 5, discount: 10 }, 14],
    // 0.001 × 1,500 分 = 1.5 分 → 2 分
    [{ quantity: 0.001, unitPrice: 1_500, discount: 0 }, 2],
    // 1 × 3 分 × 83.33 % = 2.4999 分 → 2 分
    [{ quantity: 1, unitPrice: 3, discount: 16.67 }, 2],
  ])('rounds the line %o half up once to %i cents', (line, amount) => {
    const o = create({ customerId: huaxin, title: 'x', lines: [{ productId: server, ...line }] });
    expect(o.lines[0]!.amount).toBe(amount);
    expect(o.expectedAmount).toBe(amount);
  });

  it('sums the rounded lines, not the unrounded products', () => {
    const half = { productId: server, quantity: 1, unitPrice: 1, discount: 50 };
    const o = create({ customerId: huaxin, title: 'x', lines: [half, half, half] });
    expect(o.lines.map((l) => l.amount)).toEqual([1, 1, 1]);
    expect(o.expectedAmount).toBe(3);
  });

  it.each([
    ['customerId', { customerId: 999 }, 'not_found'],
    ['contactId', { contactId: 999 }, 'not_found'],
    ['sourceId', { sourceId: 999 }, 'not_found'],
    ['ownerId', { ownerId: 999 }, 'not_found'],
    ['lines.0.productId', { lines: [{ productId: 999, quantity: 1 }] }, 'not_found'],
    ['probability', { probability: 101 }, 'too_big'],
    ['title', { title: '  ' }, 'required'],
  ])('refuses a bad %s and writes nothing', (field, change, reason) => {
    const before = dbSnapshot(t.db);
    const error = callError(t.ctx, 'opportunities.create', { customerId: huaxin, title: 'x', ...change });
    expect(error).toMatchObject({ code: 'VALIDATION', field, reason });
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('refuses a contact of another customer', () => {
    const before = dbSnapshot(t.db);
    expect(
      callError(t.ctx, 'opportunities.create', { customerId: huaxin, contactId: li, title: 'x' }),
    ).toMatchObject({ code: 'VALIDATION', field: 'contactId' });
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('refuses a reference to the wrong base-data list', () => {
    const industry = baseId(t.ctx, 'industry', 'it');
    for (const field of ['sourceId', 'ownerId', 'stageId']) {
      expect(
        callError(t.ctx, 'opportunities.create', { customerId: huaxin, title: 'x', [field]: industry }),
      ).toMatchObject({ code: 'VALIDATION', field });
    }
  });

  it('refuses to create an opportunity already won or lost, or in an inactive stage', () => {
    const before = dbSnapshot(t.db);
    for (const key of ['won', 'lost'] as const) {
      expect(
        callError(t.ctx, 'opportunities.create', { customerId: huaxin, title: 'x', stageId: stage[key] }),
      ).toMatchObject({ code: 'VALIDATION', field: 'stageId', reason: 'invalid_value' });
    }
    t.db.prepare('UPDATE base_items SET active = 0 WHERE id = ?').run(stage.proposal);
    const snapshot = dbSnapshot(t.db);
    expect(
      callError(t.ctx, 'opportunities.create', { customerId: huaxin, title: 'x', stageId: stage.proposal }),
    ).toMatchObject({ code: 'VALIDATION', field: 'stageId' });
    expect(dbSnapshot(t.db)).toEqual(snapshot);
    expect(before.customers).toBe(2);
  });

  it('refuses an inactive product on a new line', () => {
    const p = call(t.ctx, 'products.get', { id: service });
    call(t.ctx, 'products.update', { id: service, version: p.version, active: false });
    expect(
      callError(t.ctx, 'opportunities.create', {
        customerId: huaxin,
        title: 'x',
        lines: [{ productId: service, quantity: 1 }],
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'lines.0.productId', reason: 'inactive' });
  });

  it('returns NOT_FOUND for an opportunity that does not exist', () => {
    expect(callError(t.ctx, 'opportunities.get', { id: 999 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('stores the seeded stage ids the validation samples use', () => {
    expect(stage.qualified).toBe(SAMPLE_STAGE_QUALIFIED);
  });
});

describe('opportunities.update', () => {
  const lines: LineInput[] = [
    { productId: 0, quantity: 2 },
    { productId: 0, quantity: 1, discount: 20 },
  ];
  const withLines = () =>
    create({
      customerId: huaxin,
      title: '扩容',
      lines: [
        { ...lines[0]!, productId: server },
        { ...lines[1]!, productId: service },
      ],
    });

  it('changes only the fields given and keeps the lines', () => {
    const o = withLines();
    clock.set('2026-01-03T00:00:00.000Z');
    const u = call(t.ctx, 'opportunities.update', { id: o.id, version: 1, title: '扩容（二期）' });
    expect(u).toEqual({ ...o, title: '扩容（二期）', version: 2, updatedAt: '2026-01-03T00:00:00.000Z' });
  });

  it('records a stage change and takes the new stage’s probability', () => {
    const o = create({ customerId: huaxin, title: 'x' });
    clock.set('2026-02-01T08:00:00.000Z');
    const u = call(t.ctx, 'opportunities.update', { id: o.id, version: 1, stageId: stage.qualified });
    expect(u).toMatchObject({ stageId: stage.qualified, probability: 30, version: 2 });
    expect(history(u)).toEqual([
      [null, stage.initial, FIXED_NOW],
      [stage.initial, stage.qualified, '2026-02-01T08:00:00.000Z'],
    ]);
  });

  it('keeps a typed probability given with the new stage', () => {
    const o = create({ customerId: huaxin, title: 'x' });
    const u = call(t.ctx, 'opportunities.update', {
      id: o.id,
      version: 1,
      stageId: stage.proposal,
      probability: 42,
    });
    expect(u).toMatchObject({ stageId: stage.proposal, probability: 42 });
  });

  it('records a skipped stage as one change, and no change when the stage stays', () => {
    const o = create({ customerId: huaxin, title: 'x' });
    clock.set('2026-03-01T00:00:00.000Z');
    const u = call(t.ctx, 'opportunities.update', { id: o.id, version: 1, stageId: stage.negotiation });
    expect(history(u)).toEqual([
      [null, stage.initial, FIXED_NOW],
      [stage.initial, stage.negotiation, '2026-03-01T00:00:00.000Z'],
    ]);
    const same = call(t.ctx, 'opportunities.update', {
      id: o.id,
      version: 2,
      stageId: stage.negotiation,
      probability: 65,
    });
    expect(same.history).toHaveLength(2);
    expect(same.probability).toBe(65);
    // A probability changed alone keeps the stage.
    const p = call(t.ctx, 'opportunities.update', { id: o.id, version: 3, probability: 80 });
    expect(p).toMatchObject({ stageId: stage.negotiation, probability: 80 });
    expect(p.history).toHaveLength(2);
  });

  it('replaces the lines and keeps the expected amount equal to their total', () => {
    const o = withLines();
    expect(o.expectedAmount).toBe(4_400_000);
    const u = call(t.ctx, 'opportunities.update', {
      id: o.id,
      version: 1,
      expectedAmount: 1,
      lines: [{ productId: service, quantity: 3, unitPrice: 100_000 }],
    });
    expect(u.lines).toEqual([
      expect.objectContaining({
        lineNo: 1,
        productId: service,
        quantity: 3,
        unitPrice: 100_000,
        amount: 300_000,
      }),
    ]);
    expect(u.expectedAmount).toBe(300_000);
    expect(t.db.prepare('SELECT count(*) FROM opportunity_lines').pluck().get()).toBe(1);
    // A typed amount alone is ignored while there are lines.
    expect(
      call(t.ctx, 'opportunities.update', { id: o.id, version: 2, expectedAmount: 5 }).expectedAmount,
    ).toBe(300_000);
    // Without lines, the typed amount counts.
    const none = call(t.ctx, 'opportunities.update', {
      id: o.id,
      version: 3,
      lines: [],
      expectedAmount: 777,
    });
    expect(none).toMatchObject({ lines: [], expectedAmount: 777 });
  });

  it('keeps a line whose product was deactivated since, but refuses it on a new opportunity line', () => {
    const o = withLines();
    const p = call(t.ctx, 'products.get', { id: service });
    call(t.ctx, 'products.update', { id: service, version: p.version, active: false });
    const kept = call(t.ctx, 'opportunities.update', {
      id: o.id,
      version: 1,
      lines: o.lines.map((l) => ({
        productId: l.productId,
        quantity: l.quantity + 1,
        unitPrice: l.unitPrice,
      })),
    });
    expect(kept.lines.map((l) => [l.productId, l.quantity])).toEqual([
      [server, 3],
      [service, 2],
    ]);
    const other = create({ customerId: huaxin, title: 'y' });
    expect(
      callError(t.ctx, 'opportunities.update', {
        id: other.id,
        version: 1,
        lines: [{ productId: service, quantity: 1 }],
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'lines.0.productId', reason: 'inactive' });
  });

  it('refuses a contact of another customer, also one kept while the customer changes', () => {
    const o = create({ customerId: huaxin, contactId: zhang, title: 'x' });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'opportunities.update', { id: o.id, version: 1, contactId: li })).toMatchObject({
      code: 'VALIDATION',
      field: 'contactId',
    });
    expect(
      callError(t.ctx, 'opportunities.update', { id: o.id, version: 1, customerId: mingda }),
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'contactId',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
    const moved = call(t.ctx, 'opportunities.update', {
      id: o.id,
      version: 1,
      customerId: mingda,
      contactId: li,
    });
    expect(moved).toMatchObject({ customerName: '上海明达贸易有限公司', contactName: '李娜' });
  });

  it('refuses a stale version with CONFLICT and an unknown id with NOT_FOUND, changing nothing', () => {
    const o = create({ customerId: huaxin, title: 'x' });
    call(t.ctx, 'opportunities.update', { id: o.id, version: 1, title: 'y' });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'opportunities.update', { id: o.id, version: 1, title: 'z' })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(callError(t.ctx, 'opportunities.update', { id: 999, version: 1, title: 'z' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('refuses won and lost as a stage: closing is 结束机会', () => {
    const o = create({ customerId: huaxin, title: 'x' });
    expect(
      callError(t.ctx, 'opportunities.update', { id: o.id, version: 1, stageId: stage.won }),
    ).toMatchObject({ code: 'VALIDATION', field: 'stageId' });
  });

  it('treats a closed opportunity as read-only', () => {
    const won = create({ customerId: huaxin, title: 'won' });
    const lost = create({ customerId: huaxin, title: 'lost' });
    call(t.ctx, 'opportunities.close', { id: won.id, version: 1, outcome: 'won' });
    call(t.ctx, 'opportunities.close', { id: lost.id, version: 1, outcome: 'lost', lostReason: '预算取消' });
    const before = dbSnapshot(t.db);
    for (const id of [won.id, lost.id]) {
      expect(callError(t.ctx, 'opportunities.update', { id, version: 2, title: 'changed' })).toMatchObject({
        code: 'READ_ONLY',
      });
      expect(
        callError(t.ctx, 'opportunities.update', {
          id,
          version: 2,
          lines: [{ productId: server, quantity: 1 }],
        }),
      ).toMatchObject({ code: 'READ_ONLY' });
      expect(
        callError(t.ctx, 'opportunities.move', { id, version: 2, stageId: stage.proposal }),
      ).toMatchObject({ code: 'READ_ONLY' });
    }
    expect(dbSnapshot(t.db)).toEqual(before);
  });
});

describe('opportunities.move', () => {
  it('changes the stage, its probability and the history, and bumps the version', () => {
    const o = create({ customerId: huaxin, title: 'x', expectedAmount: 100 });
    clock.set('2026-04-01T00:00:00.000Z');
    const m = call(t.ctx, 'opportunities.move', { id: o.id, version: 1, stageId: stage.proposal });
    expect(m).toEqual({
      ...o,
      stageId: stage.proposal,
      probability: 50,
      history: [
        ...o.history,
        {
          id: expect.any(Number),
          fromStageId: stage.initial,
          toStageId: stage.proposal,
          changedAt: '2026-04-01T00:00:00.000Z',
        },
      ],
      version: 2,
      updatedAt: '2026-04-01T00:00:00.000Z',
    });
    const back = call(t.ctx, 'opportunities.move', { id: o.id, version: 2, stageId: stage.qualified });
    expect(history(back).slice(1)).toEqual([
      [stage.initial, stage.proposal, '2026-04-01T00:00:00.000Z'],
      [stage.proposal, stage.qualified, '2026-04-01T00:00:00.000Z'],
    ]);
  });

  it('refuses a stale version, an unknown opportunity and a closing stage', () => {
    const o = create({ customerId: huaxin, title: 'x' });
    call(t.ctx, 'opportunities.move', { id: o.id, version: 1, stageId: stage.proposal });
    const before = dbSnapshot(t.db);
    expect(
      callError(t.ctx, 'opportunities.move', { id: o.id, version: 1, stageId: stage.qualified }),
    ).toMatchObject({
      code: 'CONFLICT',
    });
    expect(
      callError(t.ctx, 'opportunities.move', { id: 999, version: 1, stageId: stage.qualified }),
    ).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(
      callError(t.ctx, 'opportunities.move', { id: o.id, version: 2, stageId: stage.lost }),
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'stageId',
    });
    expect(callError(t.ctx, 'opportunities.move', { id: o.id, version: 2, stageId: 9999 })).toMatchObject({
      code: 'VALIDATION',
      field: 'stageId',
      reason: 'not_found',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });
});

describe('opportunities.list', () => {
  const listOf = (input: ChannelInput<'opportunities.list'>) => call(t.ctx, 'opportunities.list', input);
  const codes = (input: ChannelInput<'opportunities.list'>) => listOf(input).rows.map((r) => r.code);

  beforeEach(() => {
    const owner = baseId(t.ctx, 'sales_rep', 'me');
    create({ customerId: huaxin, title: '服务器采购', expectedAmount: 300, expectedCloseDate: '2026-03-01' }); // O1
    create({
      customerId: mingda,
      title: '仓储系统',
      stageId: stage.negotiation,
      expectedAmount: 100,
      expectedCloseDate: '2026-01-15',
      ownerId: owner,
    }); // O2
    create({ customerId: huaxin, title: '运维外包', stageId: stage.qualified, expectedAmount: 200 }); // O3
    const lost = create({ customerId: mingda, title: '办公用品', expectedCloseDate: '2026-05-01' }); // O4
    call(t.ctx, 'opportunities.close', { id: lost.id, version: 1, outcome: 'lost', lostReason: '价格' });
  });

  it('returns rows in the contract’s shape, customer name included', () => {
    const page = listOf({ sort: { column: 'code', direction: 'asc' } });
    expect(page).toMatchObject({ total: 4, page: 1, pageSize: 50 });
    const row: OpportunityRow = page.rows[1]!;
    expect(row).toEqual({
      id: 2,
      code: 'O000002',
      title: '仓储系统',
      customerId: mingda,
      customerName: '上海明达贸易有限公司',
      stageId: stage.negotiation,
      probability: 70,
      expectedAmount: 100,
      expectedCloseDate: '2026-01-15',
      ownerId: baseId(t.ctx, 'sales_rep', 'me'),
      status: 'open',
      version: 1,
      updatedAt: FIXED_NOW,
      custom: {},
    });
  });

  it('finds by code, title and customer name (Chinese substrings)', () => {
    const asc = { sort: { column: 'code', direction: 'asc' } } as const;
    expect(codes({ keyword: 'O000003', ...asc })).toEqual(['O000003']);
    expect(codes({ keyword: '仓储', ...asc })).toEqual(['O000002']);
    expect(codes({ keyword: '华信', ...asc })).toEqual(['O000001', 'O000003']);
    expect(codes({ keyword: '明达 贸易', ...asc })).toEqual(['O000002', 'O000004']);
    expect(codes({ keyword: '不存在', ...asc })).toEqual([]);
    expect(codes({ keyword: '——', ...asc })).toEqual([]);
  });

  it('keeps the search row in step with the title', () => {
    call(t.ctx, 'opportunities.update', { id: 1, version: 1, title: '存储扩容' });
    expect(codes({ keyword: '服务器' })).toEqual([]);
    expect(codes({ keyword: '存储' })).toEqual(['O000001']);
  });

  it('filters by customer, stage, status, owner and close date', () => {
    const asc = { sort: { column: 'code', direction: 'asc' } } as const;
    expect(codes({ customerId: huaxin, ...asc })).toEqual(['O000001', 'O000003']);
    expect(codes({ stageId: stage.negotiation, ...asc })).toEqual(['O000002']);
    expect(codes({ stageId: stage.lost, ...asc })).toEqual(['O000004']);
    expect(codes({ status: 'open', ...asc })).toEqual(['O000001', 'O000002', 'O000003']);
    expect(codes({ status: 'lost', ...asc })).toEqual(['O000004']);
    expect(codes({ ownerId: baseId(t.ctx, 'sales_rep', 'me'), ...asc })).toEqual(['O000002']);
    expect(codes({ closeFrom: '2026-02-01', ...asc })).toEqual(['O000001', 'O000004']);
    expect(codes({ closeTo: '2026-03-01', ...asc })).toEqual(['O000001', 'O000002']);
    expect(codes({ closeFrom: '2026-01-15', closeTo: '2026-01-15', ...asc })).toEqual(['O000002']);
    expect(codes({ customerId: huaxin, status: 'open', keyword: '运维', ...asc })).toEqual(['O000003']);
  });

  it('sorts by every sort column, both ways', () => {
    const expected: Record<(typeof opportunitySortColumns)[number], string[]> = {
      code: ['O000001', 'O000002', 'O000003', 'O000004'],
      // Code-point order: 仓储系统, 办公用品, 服务器采购, 运维外包.
      title: ['O000002', 'O000004', 'O000001', 'O000003'],
      // By customer name: 上海明达 (O2, O4) before 北京华信 (O1, O3) in code-point order.
      customer: ['O000002', 'O000004', 'O000001', 'O000003'],
      // Pipeline order: 初步接触 (O1), 需求确认 (O3), 谈判 (O2), 输单 (O4).
      stage: ['O000001', 'O000003', 'O000002', 'O000004'],
      probability: ['O000004', 'O000001', 'O000003', 'O000002'],
      expectedAmount: ['O000004', 'O000002', 'O000003', 'O000001'],
      // Nulls first ascending (SQLite), then by date.
      expectedCloseDate: ['O000003', 'O000002', 'O000001', 'O000004'],
      status: ['O000004', 'O000001', 'O000002', 'O000003'],
      // All were written at the same (fixed) instant, so the id breaks the tie.
      updatedAt: ['O000001', 'O000002', 'O000003', 'O000004'],
    };
    for (const column of opportunitySortColumns) {
      const asc = codes({ sort: { column, direction: 'asc' } });
      expect(asc, column).toEqual(expected[column]);
      expect(codes({ sort: { column, direction: 'desc' } }), column).toEqual([...asc].reverse());
    }
  });

  it('pages through the list', () => {
    const page = (n: number) => codes({ page: n, pageSize: 3, sort: { column: 'code', direction: 'asc' } });
    expect(page(1)).toEqual(['O000001', 'O000002', 'O000003']);
    expect(page(2)).toEqual(['O000004']);
    expect(page(3)).toEqual([]);
    expect(listOf({ page: 3, pageSize: 3 }).total).toBe(4);
  });
});

describe('opportunities.board', () => {
  it('has a column per open stage in pipeline order, with count, amount and cards', () => {
    const owner = baseId(t.ctx, 'sales_rep', 'me');
    const a = create({
      customerId: huaxin,
      title: 'a',
      expectedAmount: 100,
      expectedCloseDate: '2026-05-01',
    });
    const b = create({ customerId: mingda, title: 'b', expectedAmount: 250, ownerId: owner });
    const c = create({ customerId: huaxin, title: 'c', expectedAmount: 50, expectedCloseDate: '2026-02-01' });
    const d = create({ customerId: huaxin, title: 'd', stageId: stage.proposal, expectedAmount: 7 });
    const won = create({ customerId: huaxin, title: 'won', expectedAmount: 1_000 });
    call(t.ctx, 'opportunities.close', { id: won.id, version: 1, outcome: 'won' });

    const board = call(t.ctx, 'opportunities.board', {});
    expect(board.columns.map((col) => [col.stageId, col.count, col.amount])).toEqual([
      [stage.initial, 3, 400],
      [stage.qualified, 0, 0],
      [stage.proposal, 1, 7],
      [stage.negotiation, 0, 0],
    ]);
    // By expected close date, undated last.
    expect(board.columns[0]!.cards.map((r) => r.id)).toEqual([c.id, a.id, b.id]);
    expect(board.columns[0]!.cards[2]).toEqual({
      id: b.id,
      code: b.code,
      title: 'b',
      customerId: mingda,
      customerName: '上海明达贸易有限公司',
      stageId: stage.initial,
      probability: 10,
      expectedAmount: 250,
      expectedCloseDate: null,
      ownerId: owner,
      status: 'open',
      version: 1,
      updatedAt: FIXED_NOW,
      custom: {},
    });
    expect(board.columns[2]!.cards.map((r) => r.id)).toEqual([d.id]);

    const mine = call(t.ctx, 'opportunities.board', { ownerId: owner });
    expect(mine.columns.map((col) => col.count)).toEqual([1, 0, 0, 0]);
    const theirs = call(t.ctx, 'opportunities.board', { customerId: huaxin });
    expect(theirs.columns.map((col) => [col.count, col.amount])).toEqual([
      [2, 150],
      [0, 0],
      [1, 7],
      [0, 0],
    ]);
  });

  it('shows the first 50 cards but counts them all, and leaves out inactive stages', () => {
    const insert = t.db.transaction(() => {
      for (let i = 0; i < 60; i++) create({ customerId: huaxin, title: `机会${i}`, expectedAmount: 1 });
    });
    insert();
    const col = call(t.ctx, 'opportunities.board', {}).columns[0]!;
    expect([col.count, col.amount, col.cards.length]).toEqual([60, 60, 50]);
    t.db.prepare('UPDATE base_items SET active = 0 WHERE id = ?').run(stage.qualified);
    expect(call(t.ctx, 'opportunities.board', {}).columns.map((c) => c.stageId)).toEqual([
      stage.initial,
      stage.proposal,
      stage.negotiation,
    ]);
  });
});

describe('opportunities.delete', () => {
  it('deletes the opportunity with its lines, history and search row, and keeps its sale', () => {
    const o = create({ customerId: huaxin, title: '服务器', lines: [{ productId: server, quantity: 1 }] });
    const keep = create({
      customerId: huaxin,
      title: '服务器二期',
      lines: [{ productId: server, quantity: 2 }],
    });
    const { saleId } = call(t.ctx, 'opportunities.close', { id: o.id, version: 1, outcome: 'won' });
    expect(call(t.ctx, 'opportunities.delete', { ids: [o.id] })).toMatchObject({ deleted: 1 });
    expect(callError(t.ctx, 'opportunities.get', { id: o.id })).toMatchObject({ code: 'NOT_FOUND' });
    const count = (sql: string) => t.db.prepare(sql).pluck().get(o.id);
    expect(count('SELECT count(*) FROM opportunity_lines WHERE opportunity_id = ?')).toBe(0);
    expect(count('SELECT count(*) FROM opportunity_stage_history WHERE opportunity_id = ?')).toBe(0);
    expect(call(t.ctx, 'opportunities.list', { keyword: '服务器' }).rows.map((r) => r.id)).toEqual([keep.id]);
    const sale = t.db.prepare('SELECT opportunity_id, amount FROM sales WHERE id = ?').get(saleId);
    expect(sale).toEqual({ opportunity_id: null, amount: 2_000_000 });
    expect(t.db.prepare('SELECT count(*) FROM sale_lines WHERE sale_id = ?').pluck().get(saleId)).toBe(1);
    expect(get(keep.id).lines).toHaveLength(1);
  });

  it('deletes several at once, or none when one is missing', () => {
    const a = create({ customerId: huaxin, title: 'a' });
    const b = create({ customerId: huaxin, title: 'b' });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'opportunities.delete', { ids: [a.id, 999] })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
    expect(call(t.ctx, 'opportunities.delete', { ids: [a.id, b.id, a.id] })).toMatchObject({ deleted: 2 });
    expect(call(t.ctx, 'opportunities.list', {}).total).toBe(0);
  });

  it('goes with its customer', () => {
    create({ customerId: huaxin, title: 'a', lines: [{ productId: server, quantity: 1 }] });
    call(t.ctx, 'customers.delete', { ids: [huaxin] });
    expect(call(t.ctx, 'opportunities.list', {}).total).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM opportunity_lines').pluck().get()).toBe(0);
  });
});

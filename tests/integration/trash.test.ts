import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelInput, TrashKind } from '../../src-main/contract';
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

/** The records of the world every test starts from (see `beforeEach`). */
let w: {
  huaxin: number;
  mingda: number;
  wang: number;
  lina: number;
  zhao: number;
  server: number;
  disk: number;
  paper: number;
  expansion: number;
  wonOpp: number;
  sale: number;
  wonSale: number;
  activity: number;
  feedback: number;
  expense: number;
};

/**
 * 北京华信科技有限公司 with two contacts (王建国 primary), an open opportunity 服务器扩容 with two
 * lines and a stage change, a won opportunity 存储采购 that became a sale, a sale of its own
 * through 李娜, an activity, a complaint and an expense; and 上海明达贸易有限公司 with contact 赵敏.
 */
beforeEach(() => {
  clock = manualClock('2026-03-01T08:00:00.000Z');
  t = makeTestDb({ now: clock.now });
  const me = baseId(t.ctx, 'sales_rep', 'me');
  const huaxin = call(t.ctx, 'customers.create', {
    name: '北京华信科技有限公司',
    phone: '010-8888 1234',
    ownerId: me,
    industryId: baseId(t.ctx, 'industry', 'it'),
  }).id;
  const mingda = call(t.ctx, 'customers.create', { name: '上海明达贸易有限公司' }).id;
  const wang = call(t.ctx, 'contacts.create', {
    customerId: huaxin,
    name: '王建国',
    mobile: '13800138000',
    isPrimary: true,
  }).id;
  const lina = call(t.ctx, 'contacts.create', {
    customerId: huaxin,
    name: '李娜',
    email: 'lina@huaxin.example',
  }).id;
  const zhao = call(t.ctx, 'contacts.create', { customerId: mingda, name: '赵敏' }).id;
  const server = call(t.ctx, 'products.create', { name: '服务器', unit: '台', listPrice: 1_200_000 }).id;
  const disk = call(t.ctx, 'products.create', { name: '硬盘', unit: '块', listPrice: 50_000 }).id;
  const paper = call(t.ctx, 'products.create', { name: '打印纸', unit: '箱', listPrice: 12_000 }).id;
  const opp = call(t.ctx, 'opportunities.create', {
    customerId: huaxin,
    contactId: wang,
    title: '服务器扩容',
    ownerId: me,
    lines: [
      { productId: server, quantity: 2 },
      { productId: disk, quantity: 8, discount: 10 },
    ],
  });
  const moved = call(t.ctx, 'opportunities.move', {
    id: opp.id,
    version: opp.version,
    stageId: baseId(t.ctx, 'opportunity_stage', 'proposal'),
  });
  const won = call(t.ctx, 'opportunities.create', {
    customerId: huaxin,
    title: '存储采购',
    lines: [{ productId: disk, quantity: 20 }],
  });
  const wonSale = call(t.ctx, 'opportunities.close', {
    id: won.id,
    version: won.version,
    outcome: 'won',
    saleDate: '2026-02-20',
  }).saleId!;
  const sale = call(t.ctx, 'sales.create', {
    customerId: huaxin,
    contactId: lina,
    saleDate: '2026-02-10',
    notes: '首批订单',
    lines: [
      { productId: server, quantity: 1 },
      { productId: disk, quantity: 4 },
    ],
  }).id;
  const activity = call(t.ctx, 'activities.create', {
    customerId: huaxin,
    contactId: wang,
    opportunityId: opp.id,
    type: 'visit',
    subject: '上门演示方案',
    occurredAt: '2026-02-15T10:00',
    ownerId: me,
  }).id;
  const feedback = call(t.ctx, 'feedback.create', {
    customerId: huaxin,
    contactId: lina,
    typeId: baseId(t.ctx, 'feedback_type', 'complaint'),
    subject: '打印机卡纸',
    receivedDate: '2026-02-18',
  }).id;
  const expense = call(t.ctx, 'expenses.create', {
    expenseDate: '2026-02-16',
    categoryId: baseId(t.ctx, 'expense_category', 'travel'),
    amount: 120_000,
    customerId: huaxin,
    opportunityId: opp.id,
    description: '北京出差机票',
  }).id;
  expect(moved.version).toBe(2);
  w = {
    huaxin,
    mingda,
    wang,
    lina,
    zhao,
    server,
    disk,
    paper,
    expansion: opp.id,
    wonOpp: won.id,
    sale,
    wonSale,
    activity,
    feedback,
    expense,
  };
  clock.set('2026-03-02T09:00:00.000Z');
});
afterEach(() => t.close());

/**
 * Every table's rows but the trash's and the search indexes' internals (a search row written
 * again lands elsewhere in them; `found` checks search by its results instead).
 */
function state(): Record<string, unknown[]> {
  const virtual = t.db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL%'")
    .pluck()
    .all() as string[];
  const tables = (
    t.db
      .prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .pluck()
      .all() as string[]
  ).filter((n) => n !== 'trash' && !virtual.some((v) => n === v || n.startsWith(`${v}_`)));
  return Object.fromEntries(tables.map((n) => [n, t.db.prepare(`SELECT * FROM "${n}"`).all()]));
}

/** What Ctrl+K finds for a query, as `kind:id`. */
const found = (query: string) =>
  call(t.ctx, 'search.global', { query, limit: 20 }).map((h) => `${h.kind}:${h.id}`);

const trashList = (input: ChannelInput<'trash.list'> = {}) => call(t.ctx, 'trash.list', input);
const restore = (ids: number[]) => call(t.ctx, 'trash.restore', { ids });

/** Deletes one record through its own channel and returns its trash entry's id. */
function del(kind: TrashKind, id: number): number {
  const result = call(t.ctx, `${kind}.delete`, { ids: [id] });
  expect(result).toEqual({ deleted: 1, trashIds: [expect.any(Number)] });
  return result.trashIds[0]!;
}

const getRow = (table: string, id: number) =>
  t.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, unknown> | undefined;

/** Per kind: the record, what its entry shows, and where the search finds it. */
const cases: {
  kind: TrashKind;
  id: () => number;
  title: string;
  owner: string | null;
  counts: Record<string, number>;
  /** A Ctrl+K query and the hit it must give, when the kind is searched. */
  search?: [string, string];
  /** Its own list, filtered by keyword where the list has one. */
  listed: () => number[];
}[] = [
  {
    kind: 'customers',
    id: () => w.huaxin,
    title: 'C000001 北京华信科技有限公司',
    owner: null,
    counts: {
      contacts: 2,
      opportunities: 2,
      opportunity_lines: 3,
      opportunity_stage_history: 4,
      sales: 2,
      sale_lines: 3,
      activities: 1,
      feedback: 1,
      expenses: 1,
    },
    search: ['华信科技', 'customer:1'],
    listed: () => call(t.ctx, 'customers.list', { keyword: '华信' }).rows.map((r) => r.id),
  },
  {
    kind: 'contacts',
    id: () => w.wang,
    title: '王建国',
    owner: '北京华信科技有限公司',
    counts: {},
    search: ['建国', 'contact:1'],
    listed: () => call(t.ctx, 'contacts.list', { keyword: '建国' }).rows.map((r) => r.id),
  },
  {
    kind: 'products',
    id: () => w.paper,
    title: 'P000003 打印纸',
    owner: null,
    counts: {},
    search: ['打印纸', 'product:3'],
    listed: () => call(t.ctx, 'products.list', { keyword: '打印纸' }).rows.map((r) => r.id),
  },
  {
    kind: 'opportunities',
    id: () => w.expansion,
    title: 'O000001 服务器扩容',
    owner: '北京华信科技有限公司',
    counts: { opportunity_lines: 2, opportunity_stage_history: 2 },
    search: ['扩容', 'opportunity:1'],
    listed: () => call(t.ctx, 'opportunities.list', { keyword: '扩容' }).rows.map((r) => r.id),
  },
  {
    kind: 'opportunities',
    id: () => w.wonOpp,
    title: 'O000002 存储采购',
    owner: '北京华信科技有限公司',
    counts: { opportunity_lines: 1, opportunity_stage_history: 2 },
    search: ['存储采购', 'opportunity:2'],
    listed: () => call(t.ctx, 'opportunities.list', { keyword: '存储' }).rows.map((r) => r.id),
  },
  {
    kind: 'sales',
    id: () => w.sale,
    title: 'SO000002 2026-02-10',
    owner: '北京华信科技有限公司',
    counts: { sale_lines: 2 },
    search: ['首批订单', 'sale:2'],
    listed: () => call(t.ctx, 'sales.list', { keyword: 'SO000002' }).rows.map((r) => r.id),
  },
  {
    kind: 'feedback',
    id: () => w.feedback,
    title: 'F000001 打印机卡纸',
    owner: '北京华信科技有限公司',
    counts: {},
    listed: () => call(t.ctx, 'feedback.list', { keyword: '卡纸' }).rows.map((r) => r.id),
  },
  {
    kind: 'expenses',
    id: () => w.expense,
    title: '2026-02-16 差旅费 ¥1,200.00',
    owner: '北京华信科技有限公司',
    counts: {},
    listed: () => call(t.ctx, 'expenses.list', { customerId: w.huaxin }).rows.map((r) => r.id),
  },
  {
    kind: 'activities',
    id: () => w.activity,
    title: '上门演示方案',
    owner: '北京华信科技有限公司',
    counts: {},
    listed: () => call(t.ctx, 'activities.list', { customerId: w.huaxin }).rows.map((r) => r.id),
  },
];

describe('delete → trash → restore, for every kind', () => {
  it.each(cases)('$kind $title comes back exactly as it was', (c) => {
    const id = c.id();
    const before = state();
    if (c.search) expect(found(c.search[0])).toContain(c.search[1]);
    expect(c.listed()).toContain(id);

    const trashId = del(c.kind, id);
    expect(getRow(c.kind, id)).toBeUndefined();
    expect(c.listed()).not.toContain(id);
    if (c.search) expect(found(c.search[0])).not.toContain(c.search[1]);
    expect(trashList()).toEqual({
      rows: [
        {
          id: trashId,
          kind: c.kind,
          recordId: id,
          title: c.title,
          ownerName: c.owner,
          counts: c.counts,
          deletedAt: '2026-03-02T09:00:00.000Z',
        },
      ],
      total: 1,
      page: 1,
      pageSize: 50,
    });

    expect(restore([trashId])).toEqual({ restored: 1, records: [{ kind: c.kind, id }] });
    expect(state()).toEqual(before);
    expect(trashList().total).toBe(0);
    expect(c.listed()).toContain(id);
    if (c.search) expect(found(c.search[0])).toContain(c.search[1]);
  });

  it('brings a customer back with its contacts, opportunities, sales, activities, feedback and expenses, linked', () => {
    const before = state();
    const trashId = del('customers', w.huaxin);
    for (const [table, id] of [
      ['contacts', w.wang],
      ['opportunity_lines', 1],
      ['sales', w.wonSale],
      ['sale_lines', 3],
      ['expenses', w.expense],
    ] as const) {
      expect(getRow(table, id)).toBeUndefined();
    }
    // 明达 and its contact were never part of it.
    expect(getRow('contacts', w.zhao)).toBeDefined();

    restore([trashId]);
    expect(state()).toEqual(before);
    expect(call(t.ctx, 'sales.get', { id: w.wonSale })).toMatchObject({ opportunityId: w.wonOpp });
    expect(call(t.ctx, 'opportunities.get', { id: w.expansion })).toMatchObject({
      contactId: w.wang,
      lines: [{ productName: '服务器' }, { productName: '硬盘' }],
    });
    expect(call(t.ctx, 'customers.related', { ids: [w.huaxin] })).toEqual({
      contacts: 2,
      opportunities: 2,
      sales: 2,
      activities: 1,
      feedback: 1,
      expenses: 1,
    });
    // Every search row that names the customer is back: its contacts, opportunities, sales, feedback.
    expect(found('华信')).toEqual(
      expect.arrayContaining(['customer:1', 'contact:1', 'contact:2', 'opportunity:1', 'sale:1', 'sale:2']),
    );
    expect(call(t.ctx, 'feedback.list', { keyword: '华信' }).rows.map((r) => r.id)).toEqual([w.feedback]);
    // And the customer is found by its contacts' names again.
    expect(call(t.ctx, 'customers.list', { keyword: '李娜' }).rows.map((r) => r.id)).toEqual([w.huaxin]);
  });

  it('gives an opportunity back the sale, activity and expense that pointed at it', () => {
    del('opportunities', w.wonOpp);
    const trashId = del('opportunities', w.expansion);
    expect(getRow('activities', w.activity)).toMatchObject({ opportunity_id: null });
    expect(getRow('expenses', w.expense)).toMatchObject({ opportunity_id: null });
    expect(getRow('sales', w.wonSale)).toMatchObject({ opportunity_id: null });

    restore([trashId]);
    expect(getRow('activities', w.activity)).toMatchObject({ opportunity_id: w.expansion });
    expect(getRow('expenses', w.expense)).toMatchObject({ opportunity_id: w.expansion });
    expect(getRow('sales', w.wonSale)).toMatchObject({ opportunity_id: null });
  });

  it('gives a contact back its sale and feedback, and puts its name back in their search rows', () => {
    const trashId = del('contacts', w.lina);
    expect(call(t.ctx, 'sales.get', { id: w.sale }).contactId).toBeNull();
    expect(call(t.ctx, 'sales.list', { keyword: '李娜' }).total).toBe(0);
    expect(call(t.ctx, 'customers.list', { keyword: '李娜' }).total).toBe(0);

    restore([trashId]);
    expect(call(t.ctx, 'sales.get', { id: w.sale }).contactId).toBe(w.lina);
    expect(call(t.ctx, 'feedback.get', { id: w.feedback }).contactId).toBe(w.lina);
    expect(call(t.ctx, 'sales.list', { keyword: '李娜' }).rows.map((r) => r.id)).toEqual([w.sale]);
    expect(call(t.ctx, 'feedback.list', { keyword: '李娜' }).rows.map((r) => r.id)).toEqual([w.feedback]);
    expect(call(t.ctx, 'customers.list', { keyword: '李娜' }).rows.map((r) => r.id)).toEqual([w.huaxin]);
  });

  it('deletes several at once into one entry each', () => {
    const result = call(t.ctx, 'customers.delete', { ids: [w.huaxin, w.mingda] });
    expect(result.deleted).toBe(2);
    expect(result.trashIds).toHaveLength(2);
    expect(
      trashList()
        .rows.map((r) => r.recordId)
        .sort(),
    ).toEqual([w.huaxin, w.mingda]);
    expect(restore(result.trashIds).restored).toBe(2);
    expect(call(t.ctx, 'customers.list', {}).total).toBe(2);
  });

  it('restores a customer whose code came after it was deleted without a clash: codes are never reused', () => {
    const trashId = del('customers', w.mingda);
    expect(call(t.ctx, 'customers.create', { name: '广州远洋物流' }).code).toBe('C000003');
    restore([trashId]);
    expect(call(t.ctx, 'customers.get', { id: w.mingda }).code).toBe('C000002');
  });
});

describe('trash.restore when the world moved on', () => {
  it('refuses a contact whose customer is in the trash too, and changes nothing', () => {
    const contactEntry = del('contacts', w.lina);
    del('customers', w.huaxin);
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'trash.restore', { ids: [contactEntry] })).toMatchObject({
      code: 'CONFLICT',
      reason: 'parent_in_trash',
      params: { what: 'customers', title: 'C000001 北京华信科技有限公司' },
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('restores the customer and its contact together, whatever order they are given in', () => {
    const before = state();
    const contactEntry = del('contacts', w.lina);
    const customerEntry = del('customers', w.huaxin);
    expect(restore([contactEntry, customerEntry]).records).toEqual([
      { kind: 'customers', id: w.huaxin },
      { kind: 'contacts', id: w.lina },
    ]);
    expect(state()).toEqual(before);
    expect(found('李娜')).toEqual(expect.arrayContaining(['contact:2', 'customer:1']));
  });

  it('refuses a contact whose customer was emptied from the trash, and changes nothing', () => {
    const contactEntry = del('contacts', w.lina);
    const customerEntry = del('customers', w.huaxin);
    expect(call(t.ctx, 'trash.purge', { ids: [customerEntry] })).toEqual({ purged: 1 });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'trash.restore', { ids: [contactEntry] })).toMatchObject({
      code: 'CONFLICT',
      reason: 'parent_missing',
      params: { what: 'customers', title: '北京华信科技有限公司' },
    });
    expect(dbSnapshot(t.db)).toEqual(before);
    expect(trashList().rows.map((r) => r.id)).toEqual([contactEntry]);
  });

  it('refuses all when one of several entries cannot come back', () => {
    const contactEntry = del('contacts', w.lina);
    const customerEntry = del('customers', w.huaxin);
    const productEntry = del('products', w.paper);
    call(t.ctx, 'trash.purge', { ids: [customerEntry] });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'trash.restore', { ids: [productEntry, contactEntry] })).toMatchObject({
      reason: 'parent_missing',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
    expect(getRow('products', w.paper)).toBeUndefined();
  });

  it('restores a record whose owner (基础数据) was deleted meanwhile with no owner', () => {
    const rep = call(t.ctx, 'baseData.create', { kind: 'sales_rep', nameZh: '刘经理' }).id;
    const c = call(t.ctx, 'customers.update', { id: w.mingda, version: 1, ownerId: rep });
    const trashId = del('customers', w.mingda);
    call(t.ctx, 'baseData.delete', { id: rep });
    restore([trashId]);
    const back = call(t.ctx, 'customers.get', { id: w.mingda });
    expect(back).toEqual({ ...c, ownerId: null });
  });

  it('restores an activity whose 业务员 was merged into another meanwhile with that one', () => {
    const rep = call(t.ctx, 'baseData.create', { kind: 'sales_rep', nameZh: '刘经理' }).id;
    const me = baseId(t.ctx, 'sales_rep', 'me');
    const a = call(t.ctx, 'activities.update', { id: w.activity, version: 1, ownerId: rep });
    const trashId = del('activities', w.activity);
    call(t.ctx, 'baseData.delete', { id: rep, mergeInto: me });
    restore([trashId]);
    expect(call(t.ctx, 'activities.get', { id: w.activity })).toEqual({ ...a, ownerId: me });
  });

  it('restores an opportunity into the stage its stage was merged into meanwhile', () => {
    const stage = call(t.ctx, 'baseData.create', {
      kind: 'opportunity_stage',
      nameZh: '样品测试',
      probability: 20,
    }).id;
    const target = baseId(t.ctx, 'opportunity_stage', 'proposal');
    const o = call(t.ctx, 'opportunities.create', {
      customerId: w.mingda,
      title: '样品试用',
      stageId: stage,
    });
    const trashId = del('opportunities', o.id);
    call(t.ctx, 'baseData.delete', { id: stage, mergeInto: target });
    restore([trashId]);
    const back = call(t.ctx, 'opportunities.get', { id: o.id });
    expect(back.stageId).toBe(target);
    expect(back.history.map((h) => h.toStageId)).toEqual([target]);
  });

  it('refuses an opportunity whose stage was deleted meanwhile', () => {
    const stage = call(t.ctx, 'baseData.create', {
      kind: 'opportunity_stage',
      nameZh: '样品测试',
      probability: 20,
    }).id;
    const o = call(t.ctx, 'opportunities.create', {
      customerId: w.mingda,
      title: '样品试用',
      stageId: stage,
    });
    const trashId = del('opportunities', o.id);
    call(t.ctx, 'baseData.delete', { id: stage });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'trash.restore', { ids: [trashId] })).toMatchObject({
      code: 'CONFLICT',
      reason: 'parent_missing',
      params: { what: 'base_items', title: `#${stage}` },
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('asks for a product in the trash to come back before the opportunity whose line uses it', () => {
    const o = call(t.ctx, 'opportunities.create', {
      customerId: w.mingda,
      title: '办公耗材',
      lines: [{ productId: w.paper, quantity: 10 }],
    });
    const oppEntry = del('opportunities', o.id);
    // No line uses it any more, so it may go.
    const productEntry = del('products', w.paper);
    expect(callError(t.ctx, 'trash.restore', { ids: [oppEntry] })).toMatchObject({
      reason: 'parent_in_trash',
      params: { what: 'products', title: 'P000003 打印纸' },
    });
    restore([oppEntry, productEntry]);
    expect(call(t.ctx, 'opportunities.get', { id: o.id }).lines).toMatchObject([
      { productId: w.paper, quantity: 10 },
    ]);
  });

  it('refuses a line whose product is gone for good, naming the product', () => {
    const o = call(t.ctx, 'opportunities.create', {
      customerId: w.mingda,
      title: '办公耗材',
      lines: [{ productId: w.paper, quantity: 10 }],
    });
    const oppEntry = del('opportunities', o.id);
    call(t.ctx, 'trash.purge', { ids: [del('products', w.paper)] });
    expect(callError(t.ctx, 'trash.restore', { ids: [oppEntry] })).toMatchObject({
      reason: 'parent_missing',
      params: { what: 'products', title: '打印纸' },
    });
  });

  it('restores a sale without its contact while the contact is in the trash, and links it when the contact comes back', () => {
    const saleEntry = del('sales', w.sale);
    const contactEntry = del('contacts', w.lina);
    restore([saleEntry]);
    expect(call(t.ctx, 'sales.get', { id: w.sale }).contactId).toBeNull();
    restore([contactEntry]);
    expect(call(t.ctx, 'sales.get', { id: w.sale }).contactId).toBe(w.lina);
    expect(call(t.ctx, 'sales.list', { keyword: '李娜' }).rows.map((r) => r.id)).toEqual([w.sale]);
  });

  it('restores an activity without its contact when the contact moved to another customer meanwhile', () => {
    const trashId = del('activities', w.activity);
    const wang = call(t.ctx, 'contacts.get', { id: w.wang });
    call(t.ctx, 'contacts.update', { id: wang.id, version: wang.version, customerId: w.mingda });
    restore([trashId]);
    expect(call(t.ctx, 'activities.get', { id: w.activity })).toMatchObject({
      customerId: w.huaxin,
      contactId: null,
      opportunityId: w.expansion,
    });
  });

  it('restores a second primary contact as an ordinary one', () => {
    const trashId = del('contacts', w.wang);
    const lina = call(t.ctx, 'contacts.get', { id: w.lina });
    call(t.ctx, 'contacts.update', { id: lina.id, version: lina.version, isPrimary: true });
    restore([trashId]);
    expect(call(t.ctx, 'contacts.get', { id: w.wang }).isPrimary).toBe(false);
    expect(call(t.ctx, 'contacts.get', { id: w.lina }).isPrimary).toBe(true);
  });

  it('keeps a restored primary contact primary when the customer has none', () => {
    const trashId = del('contacts', w.wang);
    restore([trashId]);
    expect(call(t.ctx, 'contacts.get', { id: w.wang }).isPrimary).toBe(true);
  });

  it('refuses a sale whose opportunity another sale now carries, and changes nothing', () => {
    const trashId = del('sales', w.wonSale);
    // Only a file changed by another program can get here: an opportunity makes one sale.
    t.db.prepare('UPDATE sales SET opportunity_id = ? WHERE id = ?').run(w.wonOpp, w.sale);
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'trash.restore', { ids: [trashId] })).toMatchObject({
      code: 'CONFLICT',
      reason: 'duplicate',
      params: { what: 'sales', title: 'SO000002' },
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('restores custom values, without those of a field deleted while the record was in the trash', () => {
    const size = call(t.ctx, 'customFields.create', {
      entity: 'customers',
      label: '客户规模',
      type: 'select',
      options: ['大型', '中型'],
    });
    const note = call(t.ctx, 'customFields.create', { entity: 'customers', label: '备忘', type: 'text' });
    const c = call(t.ctx, 'customers.get', { id: w.mingda });
    call(t.ctx, 'customers.update', {
      id: c.id,
      version: c.version,
      custom: { [size.id]: '大型', [note.id]: '年底续约' },
    });
    const trashId = del('customers', w.mingda);
    call(t.ctx, 'customFields.delete', { id: note.id });
    restore([trashId]);
    const back = call(t.ctx, 'customers.get', { id: w.mingda });
    expect(back.custom).toEqual({ [size.id]: '大型' });
    // Saved again as a form would, it is accepted: no value of an unknown field rides along.
    expect(
      call(t.ctx, 'customers.update', { id: back.id, version: back.version, custom: back.custom }).custom,
    ).toEqual({ [size.id]: '大型' });
  });

  it('answers NOT_FOUND for an entry that is not in the trash, and restores none of the others', () => {
    const trashId = del('products', w.paper);
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'trash.restore', { ids: [trashId, 999] })).toMatchObject({ code: 'NOT_FOUND' });
    expect(dbSnapshot(t.db)).toEqual(before);
    restore([trashId]);
    expect(callError(t.ctx, 'trash.restore', { ids: [trashId] })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('trash.list', () => {
  beforeEach(() => {
    clock.set('2026-03-03T10:00:00.000Z');
    del('contacts', w.zhao);
    clock.set('2026-03-04T10:00:00.000Z');
    del('products', w.paper);
    clock.set('2026-03-05T10:00:00.000Z');
    del('customers', w.huaxin);
  });

  const titles = (input: ChannelInput<'trash.list'> = {}) => trashList(input).rows.map((r) => r.title);

  it('lists the newest first', () => {
    expect(titles()).toEqual(['C000001 北京华信科技有限公司', 'P000003 打印纸', '赵敏']);
  });

  it('filters by kind', () => {
    expect(titles({ kind: 'products' })).toEqual(['P000003 打印纸']);
    expect(titles({ kind: 'sales' })).toEqual([]);
  });

  it('finds by title or by whose it was', () => {
    expect(titles({ keyword: '打印' })).toEqual(['P000003 打印纸']);
    expect(titles({ keyword: '明达' })).toEqual(['赵敏']);
    expect(titles({ keyword: 'c000001' })).toEqual(['C000001 北京华信科技有限公司']);
    expect(titles({ keyword: '%' })).toEqual([]);
    expect(titles({ keyword: '  ' })).toHaveLength(3);
  });

  it('pages', () => {
    expect(trashList({ page: 2, pageSize: 2 })).toMatchObject({ total: 3, rows: [{ title: '赵敏' }] });
  });
});

describe('trash.purge and trash.empty', () => {
  it('deletes entries for good, all or none', () => {
    const a = del('products', w.paper);
    const b = del('contacts', w.zhao);
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'trash.purge', { ids: [a, 999] })).toMatchObject({ code: 'NOT_FOUND' });
    expect(dbSnapshot(t.db)).toEqual(before);
    expect(call(t.ctx, 'trash.purge', { ids: [a, a] })).toEqual({ purged: 1 });
    expect(trashList().rows.map((r) => r.id)).toEqual([b]);
    expect(getRow('products', w.paper)).toBeUndefined();
  });

  it('empties the trash', () => {
    del('products', w.paper);
    del('customers', w.huaxin);
    expect(call(t.ctx, 'trash.empty', {})).toEqual({ purged: 2 });
    expect(trashList().total).toBe(0);
    expect(call(t.ctx, 'trash.empty', {})).toEqual({ purged: 0 });
  });
});

describe('bad input', () => {
  it.each([
    ['trash.list', { kind: 'invoices' }, 'kind'],
    ['trash.list', { keyword: 5 }, 'keyword'],
    ['trash.restore', { ids: '1' }, 'ids'],
    ['trash.restore', { ids: [] }, 'ids'],
    ['trash.purge', { ids: [1.5] }, 'ids.0'],
    ['trash.empty', { all: true }, 'all'],
  ])('%s refuses %j', (channel, input, field) => {
    del('products', w.paper);
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, channel, input)).toMatchObject({ code: 'VALIDATION', field });
    expect(dbSnapshot(t.db)).toEqual(before);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity, BaseItem, BaseKind } from '../../src-main/contract';
import { baseItemReferences } from '../../src-main/records/base-data';
import { FIXED_NOW, baseId, call, callError, dbSnapshot, makeTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.close());

const list = (kind: BaseKind): BaseItem[] => call(t.ctx, 'baseData.list', { kind });
const add = (kind: BaseKind, nameZh: string, probability?: number): BaseItem =>
  call(t.ctx, 'baseData.create', { kind, nameZh, nameEn: `${nameZh} (en)`, probability });
const usage = (id: number) => call(t.ctx, 'baseData.usage', { id });
const customer = (fields: Record<string, number> = {}) =>
  call(t.ctx, 'customers.create', { name: '北京华信科技有限公司', ...fields });

/** Every base-data column of the schema and the list it points into. */
const columnKinds: Record<string, BaseKind> = {
  'customers.type_id': 'customer_type',
  'customers.level_id': 'customer_level',
  'customers.stage_id': 'lifecycle_stage',
  'customers.industry_id': 'industry',
  'customers.source_id': 'source',
  'customers.region_id': 'region',
  'customers.owner_id': 'sales_rep',
  'products.category_id': 'product_category',
  'opportunities.source_id': 'source',
  'opportunities.stage_id': 'opportunity_stage',
  'opportunities.owner_id': 'sales_rep',
  'opportunity_stage_history.from_stage_id': 'opportunity_stage',
  'opportunity_stage_history.to_stage_id': 'opportunity_stage',
  'sales.owner_id': 'sales_rep',
  'feedback.type_id': 'feedback_type',
  'feedback.handler_id': 'sales_rep',
  'expenses.category_id': 'expense_category',
  'expenses.owner_id': 'sales_rep',
  'activities.owner_id': 'sales_rep',
};

/** How many rows of each base-data column hold `id`. */
function references(id: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const ref of Object.keys(columnKinds)) {
    const [table, column] = ref.split('.');
    const n = t.db.prepare(`SELECT count(*) FROM ${table} WHERE ${column} = ?`).pluck().get(id) as number;
    if (n > 0) out[ref] = n;
  }
  return out;
}

// Feedback and expenses are written straight into their tables: these tests are about the
// references, not those modules' rules.
function insertFeedback(customerId: number, typeId: number, handlerId: number | null): void {
  t.db
    .prepare(
      `INSERT INTO feedback (code, customer_id, type_id, subject, received_date, handler_id, created_at, updated_at)
       VALUES ('F' || (SELECT count(*) + 1 FROM feedback), ?, ?, '打印机卡纸', '2026-01-02', ?, ?, ?)`,
    )
    .run(customerId, typeId, handlerId, FIXED_NOW, FIXED_NOW);
}

/** An activity of the customer, through its channel (a merge must leave it as activities.get reads it). */
function activity(customerId: number, ownerId: number | null): Activity {
  return call(t.ctx, 'activities.create', {
    customerId,
    type: 'call',
    subject: '电话回访',
    occurredAt: '2026-01-02T09:00',
    ownerId,
  });
}

function insertExpense(categoryId: number, ownerId: number | null): void {
  t.db
    .prepare(
      `INSERT INTO expenses (expense_date, category_id, amount, owner_id, created_at, updated_at)
       VALUES ('2026-01-02', ?, 12000, ?, ?, ?)`,
    )
    .run(categoryId, ownerId, FIXED_NOW, FIXED_NOW);
}

describe('baseData.create', () => {
  it('appends an active entry without a key at the end of its list', () => {
    const before = list('industry');
    const item = add('industry', '新能源');
    expect(item).toEqual({
      id: expect.any(Number),
      kind: 'industry',
      key: null,
      nameZh: '新能源',
      nameEn: '新能源 (en)',
      sortOrder: Math.max(...before.map((i) => i.sortOrder)) + 1,
      probability: null,
      active: true,
    });
    expect(list('industry').at(-1)).toEqual(item);
  });

  it('gives a new opportunity stage its probability', () => {
    expect(add('opportunity_stage', '样品测试', 40)).toMatchObject({ probability: 40, key: null });
  });

  it('refuses a probability on any other list, changing nothing', () => {
    const before = dbSnapshot(t.db);
    expect(
      callError(t.ctx, 'baseData.create', { kind: 'region', nameZh: '东南亚', probability: 5 }),
    ).toMatchObject({
      code: 'VALIDATION',
      field: 'probability',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('refuses a blank name', () => {
    expect(callError(t.ctx, 'baseData.create', { kind: 'region', nameZh: '   ' })).toMatchObject({
      code: 'VALIDATION',
      field: 'nameZh',
    });
  });
});

describe('baseData.update', () => {
  it('renames an entry in place: the customer keeps the id and shows the new name', () => {
    const vip = baseId(t.ctx, 'customer_level', 'vip');
    const c = customer({ levelId: vip });
    const renamed = call(t.ctx, 'baseData.update', { id: vip, nameZh: '钻石客户', nameEn: 'Diamond' });
    expect(renamed).toMatchObject({
      id: vip,
      key: 'vip',
      nameZh: '钻石客户',
      nameEn: 'Diamond',
      active: true,
    });
    const levelId = call(t.ctx, 'customers.get', { id: c.id }).levelId;
    expect(levelId).toBe(vip);
    expect(list('customer_level').find((i) => i.id === levelId)?.nameZh).toBe('钻石客户');
  });

  it('changes a stage probability and (de)activates an entry, leaving the rest alone', () => {
    const proposal = baseId(t.ctx, 'opportunity_stage', 'proposal');
    expect(call(t.ctx, 'baseData.update', { id: proposal, probability: 55 })).toMatchObject({
      nameZh: '方案报价',
      probability: 55,
      active: true,
    });
    expect(call(t.ctx, 'baseData.update', { id: proposal, active: false })).toMatchObject({
      probability: 55,
      active: false,
    });
    expect(call(t.ctx, 'baseData.update', { id: proposal, active: true }).active).toBe(true);
  });

  it('refuses a probability on an entry that is not a stage', () => {
    const north = baseId(t.ctx, 'region', 'north');
    expect(callError(t.ctx, 'baseData.update', { id: north, probability: 10 })).toMatchObject({
      code: 'VALIDATION',
      field: 'probability',
    });
  });

  it.each(['won', 'lost'])('refuses to deactivate the %s stage, which closing needs', (key) => {
    const id = baseId(t.ctx, 'opportunity_stage', key);
    const before = dbSnapshot(t.db);
    const error = callError(t.ctx, 'baseData.update', { id, active: false });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'active' });
    expect(error.message).toContain(key);
    expect(dbSnapshot(t.db)).toEqual(before);
    // A rename is fine.
    expect(call(t.ctx, 'baseData.update', { id, nameZh: key === 'won' ? '成交' : '丢单' }).active).toBe(true);
  });

  it('keeps at least one open stage active', () => {
    const open = list('opportunity_stage').filter((s) => s.key !== 'won' && s.key !== 'lost');
    for (const s of open.slice(1)) call(t.ctx, 'baseData.update', { id: s.id, active: false });
    expect(callError(t.ctx, 'baseData.update', { id: open[0]!.id, active: false })).toMatchObject({
      code: 'VALIDATION',
      field: 'active',
    });
  });

  it('answers NOT_FOUND for an entry that does not exist', () => {
    expect(callError(t.ctx, 'baseData.update', { id: 9999, nameZh: 'x' }).code).toBe('NOT_FOUND');
  });
});

describe('baseData.reorder', () => {
  it('numbers the list 1..n in the given order and returns it', () => {
    const ids = list('customer_type').map((i) => i.id);
    const reversed = [...ids].reverse();
    const result = call(t.ctx, 'baseData.reorder', { kind: 'customer_type', ids: reversed });
    expect(result.map((i) => i.id)).toEqual(reversed);
    expect(result.map((i) => i.sortOrder)).toEqual([1, 2, 3, 4, 5]);
    expect(list('customer_type')).toEqual(result);
  });

  it.each([
    ['one left out', (ids: number[]) => ids.slice(1)],
    ['one twice', (ids: number[]) => [...ids.slice(1), ids[1]!]],
    ['one of another list', (ids: number[]) => [...ids.slice(1), 14]],
    ['one more', (ids: number[]) => [...ids, 9999]],
  ])('refuses a list with %s, changing nothing', (_what, change) => {
    const ids = list('customer_type').map((i) => i.id);
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'baseData.reorder', { kind: 'customer_type', ids: change(ids) })).toMatchObject({
      code: 'VALIDATION',
      field: 'ids',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });
});

describe('baseData.usage and baseData.delete', () => {
  it('knows every base-data column of the schema', () => {
    expect(
      baseItemReferences(t.db)
        .map((r) => `${r.table}.${r.column}`)
        .sort(),
    ).toEqual(Object.keys(columnKinds).sort());
  });

  it('deletes an unused entry outright', () => {
    const item = add('region', '东南亚');
    expect(usage(item.id)).toEqual({});
    expect(call(t.ctx, 'baseData.delete', { id: item.id })).toEqual({ deleted: 1, moved: 0 });
    expect(list('region').some((i) => i.id === item.id)).toBe(false);
  });

  it('counts the records that use an entry, per table', () => {
    const rep = add('sales_rep', '李雷').id;
    customer({ ownerId: rep });
    customer({ ownerId: rep });
    call(t.ctx, 'opportunities.create', { customerId: 1, title: '服务器采购', ownerId: rep });
    call(t.ctx, 'sales.create', { customerId: 2, saleDate: '2026-01-02', ownerId: rep });
    insertFeedback(1, baseId(t.ctx, 'feedback_type', 'repair'), rep);
    insertExpense(baseId(t.ctx, 'expense_category', 'travel'), rep);
    insertExpense(baseId(t.ctx, 'expense_category', 'gift'), rep);
    activity(1, rep);
    expect(usage(rep)).toEqual({
      customers: 2,
      opportunities: 1,
      sales: 1,
      feedback: 1,
      expenses: 2,
      activities: 1,
    });
  });

  it('refuses to delete an entry in use, naming the count, and changes nothing', () => {
    const industry = baseId(t.ctx, 'industry', 'it');
    customer({ industryId: industry });
    customer({ industryId: industry });
    const before = dbSnapshot(t.db);
    const error = callError(t.ctx, 'baseData.delete', { id: industry });
    expect(error.code).toBe('CONFLICT');
    expect(error.message).toContain('2 records');
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('counts a stage used only in the stage history as in use', () => {
    const stage = add('opportunity_stage', '样品测试', 40).id;
    const o = call(t.ctx, 'opportunities.create', {
      customerId: customer().id,
      title: '样品',
      stageId: stage,
    });
    call(t.ctx, 'opportunities.move', {
      id: o.id,
      version: o.version,
      stageId: baseId(t.ctx, 'opportunity_stage', 'proposal'),
    });
    expect(usage(stage)).toEqual({ opportunity_stage_history: 2 });
    expect(callError(t.ctx, 'baseData.delete', { id: stage }).code).toBe('CONFLICT');
  });

  it.each(['won', 'lost'])('never deletes the %s stage', (key) => {
    const id = baseId(t.ctx, 'opportunity_stage', key);
    const initial = baseId(t.ctx, 'opportunity_stage', 'initial');
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'baseData.delete', { id }).code).toBe('CONFLICT');
    expect(callError(t.ctx, 'baseData.delete', { id, mergeInto: initial }).code).toBe('CONFLICT');
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('answers NOT_FOUND for an entry that does not exist', () => {
    expect(callError(t.ctx, 'baseData.delete', { id: 9999 }).code).toBe('NOT_FOUND');
    expect(callError(t.ctx, 'baseData.usage', { id: 9999 }).code).toBe('NOT_FOUND');
  });

  describe('with mergeInto', () => {
    it('moves every reference of a sales rep, in every table, then deletes it', () => {
      const rep = add('sales_rep', '李雷').id;
      const me = baseId(t.ctx, 'sales_rep', 'me');
      const other = customer({ ownerId: me }).id;
      customer({ ownerId: rep });
      call(t.ctx, 'opportunities.create', { customerId: other, title: '服务器采购', ownerId: rep });
      call(t.ctx, 'sales.create', { customerId: other, saleDate: '2026-01-02', ownerId: rep });
      insertFeedback(other, baseId(t.ctx, 'feedback_type', 'repair'), rep);
      insertExpense(baseId(t.ctx, 'expense_category', 'travel'), rep);
      activity(other, rep);

      expect(references(rep)).toEqual({
        'customers.owner_id': 1,
        'opportunities.owner_id': 1,
        'sales.owner_id': 1,
        'feedback.handler_id': 1,
        'expenses.owner_id': 1,
        'activities.owner_id': 1,
      });
      expect(call(t.ctx, 'baseData.delete', { id: rep, mergeInto: me })).toEqual({ deleted: 1, moved: 6 });
      expect(references(rep)).toEqual({});
      expect(references(me)).toEqual({
        'customers.owner_id': 2,
        'opportunities.owner_id': 1,
        'sales.owner_id': 1,
        'feedback.handler_id': 1,
        'expenses.owner_id': 1,
        'activities.owner_id': 1,
      });
      expect(list('sales_rep').map((i) => i.id)).toEqual([me]);
    });

    it('moves the owner of activities: each then shows and lists under the 业务员 merged into', () => {
      const rep = add('sales_rep', '李雷').id;
      const me = baseId(t.ctx, 'sales_rep', 'me');
      const c = customer().id;
      const mine = activity(c, me);
      const merged = [activity(c, rep), activity(c, rep)];
      const none = activity(c, null);
      expect(call(t.ctx, 'activities.list', { ownerId: rep }).total).toBe(2);

      expect(call(t.ctx, 'baseData.delete', { id: rep, mergeInto: me })).toEqual({ deleted: 1, moved: 2 });
      for (const a of merged) {
        expect(call(t.ctx, 'activities.get', { id: a.id })).toEqual({ ...a, ownerId: me });
      }
      expect(call(t.ctx, 'activities.get', { id: none.id }).ownerId).toBeNull();
      const listed = call(t.ctx, 'activities.list', {
        ownerId: me,
        sort: { column: 'occurredAt', direction: 'asc' },
      });
      expect(listed.rows.map((r) => r.id)).toEqual([mine.id, ...merged.map((a) => a.id)]);
    });

    it('moves a stage in the opportunities and in the stage history, from and to', () => {
      const stage = add('opportunity_stage', '样品测试', 40).id;
      const into = baseId(t.ctx, 'opportunity_stage', 'qualified');
      const proposal = baseId(t.ctx, 'opportunity_stage', 'proposal');
      const c = customer().id;
      const staying = call(t.ctx, 'opportunities.create', {
        customerId: c,
        title: '留在样品',
        stageId: stage,
      });
      const moving = call(t.ctx, 'opportunities.create', {
        customerId: c,
        title: '进入报价',
        stageId: stage,
      });
      call(t.ctx, 'opportunities.move', { id: moving.id, version: moving.version, stageId: proposal });

      expect(references(stage)).toEqual({
        'opportunities.stage_id': 1,
        'opportunity_stage_history.to_stage_id': 2,
        'opportunity_stage_history.from_stage_id': 1,
      });
      expect(call(t.ctx, 'baseData.delete', { id: stage, mergeInto: into })).toEqual({
        deleted: 1,
        moved: 4,
      });
      expect(references(stage)).toEqual({});
      expect(call(t.ctx, 'opportunities.get', { id: staying.id })).toMatchObject({ stageId: into });
      expect(
        call(t.ctx, 'opportunities.get', { id: moving.id }).history.map((h) => [h.fromStageId, h.toStageId]),
      ).toEqual([
        [null, into],
        [into, proposal],
      ]);
      expect(list('opportunity_stage').some((i) => i.id === stage)).toBe(false);
    });

    it.each([
      ['customers.type_id', 'customer_type', 'partner'],
      ['customers.level_id', 'customer_level', 'major'],
      ['customers.stage_id', 'lifecycle_stage', 'stable'],
      ['customers.industry_id', 'industry', 'finance'],
      ['customers.region_id', 'region', 'east'],
    ] as const)('moves %s', (ref, kind, intoKey) => {
      const item = add(kind, '临时').id;
      const into = baseId(t.ctx, kind, intoKey);
      const field = {
        type_id: 'typeId',
        level_id: 'levelId',
        stage_id: 'stageId',
        industry_id: 'industryId',
        region_id: 'regionId',
      }[ref.split('.')[1] as 'type_id'];
      const c = customer({ [field]: item });
      expect(call(t.ctx, 'baseData.delete', { id: item, mergeInto: into })).toEqual({ deleted: 1, moved: 1 });
      expect(call(t.ctx, 'customers.get', { id: c.id })).toMatchObject({ [field]: into });
    });

    it('moves a source in customers and opportunities, a product category, a feedback type and an expense category', () => {
      const source = add('source', '老客户转介').id;
      const category = add('product_category', '配件').id;
      const feedbackType = add('feedback_type', '表扬').id;
      const expenseCategory = add('expense_category', '会议费').id;
      const c = customer({ sourceId: source }).id;
      call(t.ctx, 'opportunities.create', { customerId: c, title: '服务器采购', sourceId: source });
      call(t.ctx, 'products.create', { name: '电源适配器', categoryId: category });
      insertFeedback(c, feedbackType, null);
      insertExpense(expenseCategory, null);

      const cases = [
        [source, baseId(t.ctx, 'source', 'website'), 2],
        [category, baseId(t.ctx, 'product_category', 'hardware'), 1],
        [feedbackType, baseId(t.ctx, 'feedback_type', 'suggestion'), 1],
        [expenseCategory, baseId(t.ctx, 'expense_category', 'other'), 1],
      ] as const;
      for (const [id, into, moved] of cases) {
        const was = references(id);
        expect(call(t.ctx, 'baseData.delete', { id, mergeInto: into })).toEqual({ deleted: 1, moved });
        expect(references(id)).toEqual({});
        expect(references(into)).toEqual(was);
      }
    });

    it.each([
      ['itself', (id: number) => id],
      ['an entry of another list', () => 1],
      ['an entry that does not exist', () => 9999],
    ])('refuses to merge into %s, changing nothing', (_what, into) => {
      const item = add('region', '东南亚').id;
      customer({ regionId: item });
      const before = dbSnapshot(t.db);
      expect(callError(t.ctx, 'baseData.delete', { id: item, mergeInto: into(item) })).toMatchObject({
        code: 'VALIDATION',
        field: 'mergeInto',
      });
      expect(dbSnapshot(t.db)).toEqual(before);
    });

    it('refuses to merge open opportunities into the won stage', () => {
      const stage = add('opportunity_stage', '样品测试', 40).id;
      call(t.ctx, 'opportunities.create', { customerId: customer().id, title: '样品', stageId: stage });
      const won = baseId(t.ctx, 'opportunity_stage', 'won');
      expect(callError(t.ctx, 'baseData.delete', { id: stage, mergeInto: won })).toMatchObject({
        code: 'VALIDATION',
        field: 'mergeInto',
      });
    });
  });
});

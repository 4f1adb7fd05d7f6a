import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rebuildRollups } from '../../src-main/analysis/rollups';
import { applyImport } from '../../src-main/import/apply';
import { suggestMapping } from '../../src-main/import/fields';
import { undoImport } from '../../src-main/import/journal';
import type { FlatKind, ImportPlan, PlanOptions } from '../../src-main/import/plan';
import { noJobControl } from '../../src-main/jobs/control';
import { baseId, call, makeTestDb, steppingClock, tableHashes, type TestDb } from '../helpers/db';
import { plan } from '../helpers/import-plan';

/**
 * 导入 of opportunities, activities, service feedback and expenses: links to the customer, its
 * contact and an opportunity found by code or name; 状态 that closes the record through the close
 * channel (a won opportunity gets its sale); duplicates on each kind's identity; and undo.
 */

let t: TestDb;
beforeEach(() => {
  t = makeTestDb({ now: steppingClock('2026-12-02T08:00:00.000Z') });
});
afterEach(() => t.close());

/**
 * Every table but the journal's own and the full-text indexes' internal segments, with the
 * analysis rollups rebuilt (undo leaves them so, as any analysis does).
 */
const recordTables = () => {
  rebuildRollups(t.db);
  return Object.fromEntries(
    Object.entries(tableHashes(t.db)).filter(
      ([name]) => !name.startsWith('import') && !name.includes('_search_'),
    ),
  );
};

async function importRows(
  kind: FlatKind,
  headers: string[],
  rows: string[][],
  options: Partial<PlanOptions> = {},
): Promise<{ plan: ImportPlan; done: ReturnType<typeof applyImport> }> {
  const p = await plan(t, kind, headers, rows, options);
  const done = t.db.transaction(() =>
    applyImport(
      t.ctx,
      p,
      {
        fileName: `${kind}.csv`,
        mapping: suggestMapping(kind, headers),
        options: { duplicates: 'skip', missingLinks: 'reject', ...options },
      },
      noJobControl,
    ),
  )();
  return { plan: p, done };
}

/** Two customers, a contact of the first, and an opportunity of it. */
function seed() {
  const huaxin = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' });
  const mingda = call(t.ctx, 'customers.create', { name: '上海明达贸易有限公司' });
  const zhang = call(t.ctx, 'contacts.create', { customerId: huaxin.id, name: '张伟' });
  const deal = call(t.ctx, 'opportunities.create', { customerId: huaxin.id, title: 'ERP 升级' });
  return { huaxin, mingda, zhang, deal };
}

describe('importing opportunities', () => {
  it('links customer and contact, closes won and lost ones, rejects what does not fit; undo takes all back', async () => {
    const { huaxin, mingda, zhang } = seed();
    const before = recordTables();
    const { plan: p, done } = await importRows(
      'opportunities',
      ['客户', '联系人', '机会名称', '阶段', '预计金额', '预计成交日期', '状态', '输单原因'],
      [
        ['北京华信科技有限公司', '张伟', '数据中心扩容', '方案报价', '¥120,000', '2026-11-30', '赢单', ''],
        [mingda.code, '', '仓储系统', '需求确认', '80000', '', '输单', '预算取消'],
        ['上海明达贸易有限公司', '', '年度维保', '', '', '', '进行中', ''],
        ['上海明达贸易有限公司', '', '没有原因的输单', '', '', '', '输单', ''],
        ['上海明达贸易有限公司', '李四', '联系人不是它的', '', '', '', '', ''],
        ['不存在的客户', '', '孤儿机会', '', '', '', '', ''],
      ],
    );
    expect(p.counts).toEqual({ new: 3, update: 0, duplicate: 0, rejected: 3 });
    expect(p.problems.map((x) => [x.row, x.field, x.reason])).toEqual([
      [5, 'lostReason', 'required'],
      [6, 'contactId', 'not_found'],
      [7, 'customerId', 'not_found'],
    ]);
    expect(done.counts).toMatchObject({ new: 3, rejected: 3 });

    const list = call(t.ctx, 'opportunities.list', { pageSize: 50 }).rows;
    const byTitle = (title: string) => list.find((o) => o.title === title)!;
    const won = call(t.ctx, 'opportunities.get', { id: byTitle('数据中心扩容').id });
    expect(won).toMatchObject({
      customerId: huaxin.id,
      contactId: zhang.id,
      status: 'won',
      expectedAmount: 12_000_000,
    });
    // Won through the close channel: its sale exists, dated when the row said it would close.
    const sales = call(t.ctx, 'sales.list', { customerId: huaxin.id }).rows;
    expect(sales).toHaveLength(1);
    expect(sales[0]).toMatchObject({ saleDate: '2026-11-30' });
    const lost = call(t.ctx, 'opportunities.get', { id: byTitle('仓储系统').id });
    expect(lost).toMatchObject({ status: 'lost', lostReason: '预算取消', customerId: mingda.id });
    expect(byTitle('年度维保').status).toBe('open');

    undoImport(t.db, done.importId, t.ctx.now());
    expect(recordTables()).toEqual(before);
  });

  it('an exported list with 阶段 赢单 and an opportunity code comes back as the same records', async () => {
    const { huaxin, deal } = seed();
    const { plan: first } = await importRows(
      'opportunities',
      ['机会编号', '客户', '机会名称', '阶段'],
      [
        ['O009001', huaxin.code, '新项目', '赢单'],
        [deal.code, huaxin.code, 'ERP 升级', '谈判'],
      ],
    );
    // The stored one is found by its code; the won stage is an outcome, not a stage to make it in.
    expect(first.counts).toEqual({ new: 1, update: 0, duplicate: 1, rejected: 0 });
    const made = call(t.ctx, 'opportunities.list', { keyword: 'O009001' }).rows;
    expect(made.map((o) => [o.code, o.title, o.status])).toEqual([['O009001', '新项目', 'won']]);
  });
});

describe('importing activities', () => {
  it('finds customer by code, opportunity by title, reads the time; a second import of the file is all duplicates', async () => {
    const { huaxin, zhang, deal } = seed();
    const headers = ['客户', '联系人', '机会', '行动类型', '主题', '时间', '下次回访', '已完成'];
    const rows = [
      [huaxin.code, '张伟', 'ERP 升级', '电话', '确认需求', '2026/3/5 14:30', '2026-03-12', '是'],
      ['北京华信科技有限公司', '', '', '拜访', '上门演示', '2026年3月9日 9:00', '', ''],
      ['北京华信科技有限公司', '', '', '飞鸽传书', '无效类型', '2026-03-10 10:00', '', ''],
    ];
    const { done } = await importRows('activities', headers, rows);
    expect(done.counts).toMatchObject({ new: 2, rejected: 1 });
    const listed = call(t.ctx, 'activities.list', { customerId: huaxin.id, pageSize: 10 }).rows;
    const call1 = call(t.ctx, 'activities.get', { id: listed.find((a) => a.subject === '确认需求')!.id });
    expect(call1).toMatchObject({
      contactId: zhang.id,
      opportunityId: deal.id,
      type: 'call',
      occurredAt: '2026-03-05T14:30',
      nextFollowUp: '2026-03-12',
      done: true,
    });

    const again = await importRows('activities', headers, rows);
    expect(again.plan.counts).toEqual({ new: 0, update: 0, duplicate: 2, rejected: 1 });
  });
});

describe('importing service feedback', () => {
  it('closes an item with its result and score; a closed one without a score is rejected', async () => {
    const { huaxin } = seed();
    const before = recordTables();
    const { plan: p, done } = await importRows(
      'feedback',
      ['客户', '反馈类型', '主题', '受理日期', '状态', '处理结果', '满意度', '结束日期'],
      [
        ['北京华信科技有限公司', '投诉', '发货延迟', '2026-02-01', '已结束', '补发并致歉', '4', '2026-02-03'],
        ['北京华信科技有限公司', '咨询', '价格咨询', '2026-02-05', '', '', '', ''],
        ['北京华信科技有限公司', '维修', '无评分', '2026-02-06', '已结束', '已修好', '', ''],
      ],
    );
    expect(p.problems.map((x) => [x.row, x.field, x.reason])).toEqual([[4, 'satisfaction', 'required']]);
    expect(done.counts).toMatchObject({ new: 2, rejected: 1 });
    const rows = call(t.ctx, 'feedback.list', { customerId: huaxin.id }).rows;
    const closed = call(t.ctx, 'feedback.get', { id: rows.find((f) => f.subject === '发货延迟')!.id });
    expect(closed).toMatchObject({
      status: 'closed',
      result: '补发并致歉',
      satisfaction: 4,
      closedDate: '2026-02-03',
      typeId: baseId(t.ctx, 'feedback_type', 'complaint'),
    });
    expect(rows.find((f) => f.subject === '价格咨询')!.status).toBe('open');
    undoImport(t.db, done.importId, t.ctx.now());
    expect(recordTables()).toEqual(before);
  });
});

describe('importing expenses', () => {
  it('reads category and money, links an opportunity by code, and finds a repeated row as a duplicate', async () => {
    const { huaxin, deal } = seed();
    const { plan: p, done } = await importRows(
      'expenses',
      ['日期', '类别', '金额', '客户', '机会', '说明'],
      [
        ['2026-01-15', '差旅费', '¥1,280.50', '北京华信科技有限公司', deal.code, '北京出差'],
        ['2026-01-16', '招待费', '600', '', '', '客户晚餐'],
        ['2026-01-16', '招待费', '600', '', '', '客户晚餐'],
        ['2026-01-17', '差旅费', '0', '', '', '零元'],
      ],
    );
    expect(p.counts).toEqual({ new: 2, update: 0, duplicate: 1, rejected: 1 });
    expect(p.problems.map((x) => [x.row, x.field])).toEqual([[5, 'amount']]);
    expect(done.counts).toMatchObject({ new: 2 });
    const listed = call(t.ctx, 'expenses.list', { pageSize: 10 }).rows;
    const trip = call(t.ctx, 'expenses.get', { id: listed.find((e) => e.description === '北京出差')!.id });
    expect(trip).toMatchObject({
      amount: 128_050,
      customerId: huaxin.id,
      opportunityId: deal.id,
      categoryId: baseId(t.ctx, 'expense_category', 'travel'),
    });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportKind, ImportPreview, ImportRunResult, JobResults } from '../../src-main/contract';
import { DatabaseHost } from '../../src-main/service/host';
import { toCsv, toXlsx, type ExportColumn } from '../../src-renderer/lib/export';
import { makeTempDir } from '../helpers/db';
import { hostData, hostJob } from '../helpers/host';

/**
 * 导出全部字段 → 导入 for every record kind, through the database worker as the screens drive it:
 * each kind's records are exported from one file (the `export.records` job, written as the
 * renderer writes CSV or Excel) and imported into a new file with the same custom fields, in the
 * order the links need; exported again from there, every kind gives the same table, custom
 * fields included. An opportunity won in the first file is left out: importing one closes it
 * through the close channel, which makes the sale its won close makes.
 */

let tmp: ReturnType<typeof makeTempDir>;
let source: DatabaseHost;
let target: DatabaseHost;

const open = async (name: string) => {
  const host = new DatabaseHost({ file: path.join(tmp.dir, name), dataFolder: tmp.dir, appVersion: 't' });
  await host.start();
  return host;
};

const ORDER: ImportKind[] = [
  'customers',
  'products',
  'contacts',
  'opportunities',
  'sales',
  'activities',
  'feedback',
  'expenses',
];

async function exported(host: DatabaseHost, kind: ImportKind): Promise<JobResults['export.records']> {
  const done = await hostJob(host, { kind: 'export.records', recordKind: kind, input: {} });
  expect(done.state).toBe('done');
  return done.result as JobResults['export.records'];
}

/** The same custom fields in both files: one of each type on customers, one on sales. */
async function customFields(host: DatabaseHost) {
  const make = (input: Record<string, unknown>) =>
    hostData<{ id: number }>(host, 'customFields.create', input);
  return {
    scale: await make({
      entity: 'customers',
      label: '企业规模',
      type: 'select',
      options: ['大型', '中型', '小型'],
    }),
    years: await make({ entity: 'customers', label: '合作年限', type: 'number' }),
    listed: await make({ entity: 'customers', label: '是否上市', type: 'checkbox' }),
    founded: await make({ entity: 'customers', label: '成立日期', type: 'date' }),
    tags: await make({
      entity: 'customers',
      label: '标签',
      type: 'multiselect',
      options: ['老客户', '重点', '华东'],
    }),
    channel: await make({ entity: 'sales', label: '销售渠道', type: 'text' }),
  };
}

async function seed(host: DatabaseHost) {
  const f = await customFields(host);
  const call = <T = { id: number; code: string; version: number }>(channel: string, input: unknown) =>
    hostData<T>(host, channel, input);
  const base = async (kind: string, key: string) =>
    (await call<{ id: number; key: string | null }[]>('baseData.list', { kind })).find((i) => i.key === key)!
      .id;
  const huaxin = await call('customers.create', {
    name: '北京华信科技有限公司',
    shortName: '华信',
    phone: '010-88886666',
    mobile: '13800138000',
    email: 'info@huaxin.cn',
    city: '北京',
    address: '北京市海淀区中关村大街1号',
    notes: '老客户，"重点"维护\n第二行',
    custom: {
      [f.scale.id]: '大型',
      [f.years.id]: 12.5,
      [f.listed.id]: true,
      [f.founded.id]: '2003-06-18',
      [f.tags.id]: ['老客户', '华东'],
    },
  });
  const mingda = await call('customers.create', { name: '上海明达贸易有限公司', phone: '021-5555' });
  const tea = await call('products.create', { name: '龙井茶', unit: '盒', listPrice: 12_345, cost: 8_000 });
  const cup = await call('products.create', { name: '茶杯', listPrice: 1_500, active: false });
  const active = await call('products.create', { name: '茶具套装', listPrice: 29_900 });
  const zhang = await call('contacts.create', {
    customerId: huaxin.id,
    name: '张伟',
    gender: 'male',
    title: '采购经理',
    mobile: '13900139000',
    birthday: '1985-04-12',
    isPrimary: true,
    isDecisionMaker: true,
  });
  await call('contacts.create', {
    customerId: mingda.id,
    name: '李娜',
    gender: 'female',
    email: 'lina@mingda.cn',
  });
  const deal = await call('opportunities.create', {
    customerId: huaxin.id,
    contactId: zhang.id,
    title: '数据中心扩容',
    expectedAmount: 12_000_000,
    expectedCloseDate: '2026-12-31',
    notes: '二期',
  });
  const lost = await call('opportunities.create', {
    customerId: mingda.id,
    title: '仓储系统',
    expectedAmount: 500_000,
  });
  await call('opportunities.close', {
    id: lost.id,
    version: lost.version,
    outcome: 'lost',
    lostReason: '预算取消',
  });
  await call('sales.create', {
    customerId: huaxin.id,
    contactId: zhang.id,
    saleDate: '2026-03-05',
    status: 'paid',
    amountReceived: 24_690,
    notes: '首单',
    lines: [
      { productId: tea.id, quantity: 2, unitPrice: 12_345, discount: 0 },
      { productId: active.id, quantity: 1.5, unitPrice: 29_900, discount: 12.5 },
    ],
    custom: { [f.channel.id]: '展会' },
  });
  await call('sales.create', {
    customerId: mingda.id,
    saleDate: '2026-04-01',
    lines: [{ productId: active.id, quantity: 3, unitPrice: 28_000, discount: 5 }],
  });
  await call('activities.create', {
    customerId: huaxin.id,
    contactId: zhang.id,
    opportunityId: deal.id,
    type: 'visit',
    subject: '上门演示',
    content: '演示了新系统',
    occurredAt: '2026-03-01T09:30',
    nextFollowUp: '2026-03-08',
    done: true,
  });
  await call('activities.create', {
    customerId: mingda.id,
    type: 'call',
    subject: '电话回访',
    occurredAt: '2026-03-02T14:00',
  });
  const item = await call('feedback.create', {
    customerId: huaxin.id,
    contactId: zhang.id,
    typeId: await base('feedback_type', 'complaint'),
    subject: '发货延迟',
    content: '晚到三天',
    priority: 'high',
    receivedDate: '2026-03-10',
  });
  await call('feedback.close', {
    id: item.id,
    version: item.version,
    result: '补发并致歉',
    satisfaction: 4,
    closedDate: '2026-03-12',
  });
  await call('feedback.create', {
    customerId: mingda.id,
    typeId: await base('feedback_type', 'enquiry'),
    subject: '价格咨询',
    receivedDate: '2026-03-11',
  });
  await call('expenses.create', {
    expenseDate: '2026-03-01',
    categoryId: await base('expense_category', 'travel'),
    amount: 128_050,
    customerId: huaxin.id,
    opportunityId: deal.id,
    description: '北京出差',
  });
  await call('expenses.create', {
    expenseDate: '2026-03-02',
    categoryId: await base('expense_category', 'gift'),
    amount: 60_000,
    description: '=节日礼品', // a formula-looking text goes out neutralised and comes back as it was
  });
  void cup;
}

/** The export as the renderer writes it, into a file of the data folder. */
async function writeFile(kind: ImportKind, table: JobResults['export.records']): Promise<string> {
  const columns: ExportColumn<string[]>[] = table.headers.map((title, i) => ({ title, value: (r) => r[i] }));
  // Excel for two kinds, CSV for the others: both are what 导出 gives.
  const excel = kind === 'customers' || kind === 'sales';
  const file = path.join(tmp.dir, `${kind} 全部字段.${excel ? 'xlsx' : 'csv'}`);
  fs.writeFileSync(
    file,
    excel ? Buffer.from(await toXlsx(columns, table.rows, kind)) : toCsv(columns, table.rows),
  );
  return file;
}

const sorted = (table: JobResults['export.records']) => ({
  headers: table.headers,
  rows: [...table.rows].sort(),
});

beforeAll(async () => {
  tmp = makeTempDir();
  source = await open('source.solocrm');
  target = await open('target.solocrm');
  await seed(source);
  await customFields(target);
}, 60_000);

afterAll(async () => {
  await source.close();
  await target.close();
  tmp.remove();
});

describe('导出全部字段, then 导入 into a new file', () => {
  it.each(ORDER)('%s come back equal', async (kind) => {
    const table = await exported(source, kind);
    expect(table.rows.length).toBeGreaterThan(0);
    const file = await writeFile(kind, table);
    // The headers map back without a change to the mapping the wizard suggests.
    const preview = await hostJob(target, { kind: 'import.preview', recordKind: kind, path: file });
    expect(preview.state, JSON.stringify(preview.error)).toBe('done');
    const mapping = (preview.result as ImportPreview).suggested;
    expect(table.headers.filter((_h, i) => mapping[i] === null)).toEqual([]);
    const run = await hostJob(target, {
      kind: 'import.run',
      recordKind: kind,
      path: file,
      mapping,
      options: { duplicates: 'skip', missingLinks: 'reject' },
    });
    expect(run.state, JSON.stringify(run.error)).toBe('done');
    const result = run.result as ImportRunResult;
    expect(result.problems.map((p) => `${p.row} ${p.column} ${p.value} ${p.reason}`)).toEqual([]);
    expect(result.counts.rejected).toBe(0);
    expect(sorted(await exported(target, kind))).toEqual(sorted(table));
  });
});

describe('导出全部字段 of a list', () => {
  it("follows the list's filter and order, and refuses what is not a record kind", async () => {
    const done = await hostJob(source, {
      kind: 'export.records',
      recordKind: 'customers',
      input: { keyword: '华信' },
    });
    const table = done.result as JobResults['export.records'];
    expect(table.rows.map((r) => r[1])).toEqual(['北京华信科技有限公司']);

    const sales = await hostJob(source, {
      kind: 'export.records',
      recordKind: 'sales',
      input: { sort: { column: 'saleDate', direction: 'asc' } },
    });
    // One row per line, the order's lines together, in the list's order.
    expect((sales.result as JobResults['export.records']).rows.map((r) => r[0])).toEqual([
      'SO000001',
      'SO000001',
      'SO000002',
    ]);

    const bad = await source.invoke('jobs.start', { kind: 'export.records', recordKind: 'trash', input: {} });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('contacts as vCard', () => {
  it('导出 vCard, then 导入 the .vcf into a new file: the same contacts, Chinese names intact', async () => {
    const done = await hostJob(source, { kind: 'export.vcard', input: {} });
    expect(done.state).toBe('done');
    const { text, count } = done.result as JobResults['export.vcard'];
    expect(count).toBe(2);
    expect(text).toContain('FN:张伟');
    const file = path.join(tmp.dir, '联系人.vcf');
    fs.writeFileSync(file, text);

    // A card file is contacts: another kind is told so.
    const wrong = await hostJob(target, { kind: 'import.preview', recordKind: 'customers', path: file });
    expect(wrong).toMatchObject({ state: 'failed', error: { reason: 'import_vcard_contacts' } });

    const fresh = await open('vcard.solocrm');
    try {
      // Its customers first, as a user would have them.
      const customers = await exported(source, 'customers');
      const customersFile = await writeFile('customers', customers);
      await customFields(fresh);
      const mappingOf = async (host: DatabaseHost, kind: ImportKind, path: string) => {
        const preview = await hostJob(host, { kind: 'import.preview', recordKind: kind, path });
        return (preview.result as ImportPreview).suggested;
      };
      const options = { duplicates: 'skip', missingLinks: 'reject' };
      await hostJob(fresh, {
        kind: 'import.run',
        recordKind: 'customers',
        path: customersFile,
        mapping: await mappingOf(fresh, 'customers', customersFile),
        options,
      });
      const mapping = await mappingOf(fresh, 'contacts', file);
      expect(mapping).not.toContain(null);
      const run = await hostJob(fresh, {
        kind: 'import.run',
        recordKind: 'contacts',
        path: file,
        mapping,
        options,
      });
      expect(run.state, JSON.stringify(run.error)).toBe('done');
      expect((run.result as ImportRunResult).counts).toMatchObject({ new: 2, rejected: 0 });

      // The fields a card carries come back as they were (a card has no 主要联系人 or 决策人).
      const carried = (table: JobResults['export.records']) => {
        const keep = [
          '所属客户',
          '姓名',
          '性别',
          '职务',
          '部门',
          '电话',
          '手机',
          '电子邮件',
          '微信',
          'QQ',
          '生日',
          '地址',
          '备注',
        ];
        const at = keep.map((h) => table.headers.indexOf(h));
        return table.rows.map((r) => at.map((i) => r[i])).sort();
      };
      expect(carried(await exported(fresh, 'contacts'))).toEqual(carried(await exported(source, 'contacts')));
      // Imported again, every card is a contact it has: nothing is added.
      const again = await hostJob(fresh, {
        kind: 'import.run',
        recordKind: 'contacts',
        path: file,
        mapping,
        options,
      });
      expect((again.result as ImportRunResult).counts).toMatchObject({ new: 0, duplicate: 2 });
    } finally {
      await fresh.close();
    }
  });
});

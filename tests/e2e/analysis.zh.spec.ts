import fs from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { localToday, monthStart, periodKey } from '../../src-main/contract/dates';
import { api, expect, test } from './fixtures';
import { choose, openModule, shot, yuan } from './ui';

// Charts draw at once when the system asks for reduced motion: screenshots need no waiting.
test.use({ locale: 'zh-CN', reducedMotion: 'reduce' });

interface BaseItem {
  id: number;
  kind: string;
  key: string | null;
}

/** The 10th of the month `n` months before this one: always in the past, always a real day. */
const monthsAgo = (n: number): string => `${monthStart(localToday(), -n).slice(0, 7)}-10`;

const products = {
  server: { name: '服务器 R740', category: 'hardware', price: 12_000 },
  switch: { name: '千兆交换机', category: 'hardware', price: 3_500 },
  office: { name: '办公软件', category: 'software', price: 2_000 },
  antivirus: { name: '杀毒软件', category: 'software', price: 800 },
} as const;
type ProductKey = keyof typeof products;

const HUAXIN = '北京华信科技有限公司'; // 客户
const MINGDA = '上海明达贸易有限公司'; // 合作伙伴

/** Six sales over nine months: who bought, when, and which lines (quantity at list price). */
const sales: { customer: string; date: string; lines: [ProductKey, number][] }[] = [
  {
    customer: HUAXIN,
    date: monthsAgo(1),
    lines: [
      ['server', 1],
      ['office', 5],
    ],
  },
  { customer: MINGDA, date: monthsAgo(2), lines: [['switch', 2]] },
  { customer: HUAXIN, date: monthsAgo(3), lines: [['antivirus', 10]] },
  { customer: MINGDA, date: monthsAgo(5), lines: [['server', 2]] },
  {
    customer: HUAXIN,
    date: monthsAgo(7),
    lines: [
      ['office', 3],
      ['switch', 1],
    ],
  },
  { customer: MINGDA, date: monthsAgo(9), lines: [['antivirus', 5]] },
];

/** Sum of line amounts in yuan per key, over the sales and lines that pass `keep`. */
function expected(
  key: (sale: (typeof sales)[number]) => string,
  keep: (sale: (typeof sales)[number], product: ProductKey) => boolean = () => true,
): Map<string, number> {
  const sums = new Map<string, number>();
  for (const sale of sales) {
    for (const [p, qty] of sale.lines) {
      if (!keep(sale, p)) continue;
      sums.set(key(sale), (sums.get(key(sale)) ?? 0) + qty * products[p].price);
    }
  }
  return sums;
}
const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** The row of `table` whose first cell starts with `first`. */
const row = (table: Locator, first: string) =>
  table.locator('tr').filter({
    has: table
      .page()
      .locator('td:first-child')
      .filter({ hasText: new RegExp(`^${first}`) }),
  });

/** The row of `table` with `text` anywhere in it. */
const rowWith = (table: Locator, text: string) => table.locator('tr').filter({ hasText: text });

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
    });
    productIds[key] = created.id;
  }
  const customerIds: Record<string, number> = {};
  for (const [name, type] of [
    [HUAXIN, 'customer'],
    [MINGDA, 'partner'],
  ] as const) {
    customerIds[name] = (
      await api<{ id: number }>(page, 'customers.create', {
        name,
        typeId: idOf('customer_type', type),
      })
    ).id;
  }
  for (const s of sales) {
    await api(page, 'sales.create', {
      customerId: customerIds[s.customer],
      saleDate: s.date,
      status: 'delivered',
      lines: s.lines.map(([p, quantity]) => ({ productId: productIds[p], quantity })),
    });
  }

  // The pipeline: one opportunity in each of the first three stages, one lost and one won.
  const stage = (key: string) => idOf('opportunity_stage', key);
  type Opp = { id: number; version: number };
  const move = async (o: Opp, key: string) =>
    api<Opp>(page, 'opportunities.move', { id: o.id, version: o.version, stageId: stage(key) });
  const opp = (customer: string, title: string, amount: number) =>
    api<Opp>(page, 'opportunities.create', {
      customerId: customerIds[customer],
      title,
      stageId: stage('initial'),
      expectedAmount: amount * 100,
    });
  await opp(HUAXIN, '华信办公网络改造', 50_000);
  await move(await opp(MINGDA, '明达仓库监控', 30_000), 'qualified');
  const c = await opp(HUAXIN, '华信数据中心扩容', 80_000);
  await move(await move(c, 'qualified'), 'proposal');
  const d = await opp(MINGDA, '明达门店收银系统', 20_000);
  await api(page, 'opportunities.close', {
    id: d.id,
    version: d.version,
    outcome: 'lost',
    lostReason: '价格太高',
  });
  let e = await opp(HUAXIN, '华信年度维保', 10_000);
  e = await move(e, 'negotiation');
  await api(page, 'opportunities.close', { id: e.id, version: e.version, outcome: 'won' });
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<Download> {
  const pending = page.waitForEvent('download');
  await click();
  return pending;
}

async function exportCsv(page: Page, card: Locator): Promise<string> {
  const download = await downloadOf(page, async () => {
    await card.getByRole('button', { name: '导出', exact: true }).click();
    await page.getByRole('menuitem', { name: '导出为 CSV', exact: true }).click();
  });
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  // Closed, so that it does not cover the next screenshot.
  const toast = page.getByRole('alert').filter({ hasText: '已导出' });
  await toast.getByRole('button', { name: '关闭' }).click();
  await expect(toast).toBeHidden();
  return fs.readFileSync((await download.path())!, 'utf8');
}

/** Saves the chart of the card `title` as PNG: twice the canvas's size on screen, for reports. */
async function savePng(page: Page, title: string): Promise<void> {
  const canvas = page.getByRole('region', { name: title }).locator('canvas');
  const onScreen = await canvas.evaluate((c) => ({ width: c.clientWidth, height: c.clientHeight }));
  const download = await downloadOf(page, () =>
    page.getByRole('button', { name: `将“${title}”保存为 PNG 图片` }).click(),
  );
  expect(download.suggestedFilename()).toMatch(/\.png$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(5_000);
  // The PNG header's width and height, then the canvas is back to the screen's resolution.
  expect({ width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) }).toEqual({
    width: onScreen.width * 2,
    height: onScreen.height * 2,
  });
  await expect(canvas).toHaveJSProperty('width', onScreen.width);
}

test('分析：销售走势、销售漏斗、销售构成，筛选、导出表格与图片，桌面小图', async ({ page, crm }, info) => {
  expect(crm.url).toContain('token=');
  await seed(page);
  await page.reload();

  await test.step('1 销售走势：按月，再按季度并只看硬件', async () => {
    await openModule(page, '分析');
    await expect(page.getByRole('tab', { name: '销售走势', selected: true })).toBeVisible();
    const table = page.getByRole('table', { name: '销售走势明细表' });
    const byMonth = expected((s) => s.date.slice(0, 7));
    for (const [month, amount] of byMonth) await expect(row(table, month)).toContainText(yuan(amount));
    await expect(row(table, '合计')).toContainText(yuan(total(byMonth)));
    await expect(row(table, '合计')).toContainText(yuan(74_500));
    await expect(page.getByRole('region', { name: '销售走势' }).locator('canvas')).toBeVisible();
    // Nothing was sold in the 12 months before: no flat line at ¥0, the legend and the name say so.
    await expect(page.getByRole('img', { name: '销售走势（上一期间无数据）' })).toBeVisible();
    // Each period reads as its name, then its days: "2026-03 03-01 至 03-31".
    for (const month of byMonth.keys()) {
      await expect(row(table, month).getByRole('cell').first()).toHaveAccessibleName(
        new RegExp(`^${month} ${month.slice(5)}-01 至 ${month.slice(5)}-\\d{2}$`),
      );
    }
    await shot(page, info, 'trend-month');

    const csv = await exportCsv(page, page.getByRole('region', { name: '销售走势' }));
    expect(csv).toContain('期间,销售额,订单数,平均订单金额,上期销售额,变化');
    for (const [month, amount] of byMonth) expect(csv).toContain(`${month},${amount},1,${amount},0,`);
    expect(csv).toContain(`合计,${total(byMonth)},6,`);
    await savePng(page, '销售走势');

    await choose(page, '周期', '季度');
    await choose(page, '产品类别', '硬件');
    await page.getByText('柱状图', { exact: true }).click();
    await expect(page.getByRole('radio', { name: '柱状图' })).toBeChecked();
    const hardwareByQuarter = expected(
      (s) => periodKey(s.date, 'quarter'),
      (_s, p) => products[p].category === 'hardware',
    );
    await expect(row(table, '合计')).toContainText(yuan(46_500));
    for (const [quarter, amount] of hardwareByQuarter) {
      await expect(row(table, quarter)).toContainText(yuan(amount));
    }
    await expect(table.getByRole('cell', { name: /^\d{4}-\d{2}\b/ })).toHaveCount(0);
    await expect(page).toHaveURL(/period=quarter/);
    await shot(page, info, 'trend-quarter-hardware-bar');

    // From the first of the month four months ago: the sale of five months ago (¥24,000) falls
    // in the days just before, the previous period, drawn as a dashed line.
    const from = monthStart(localToday(), -4);
    await page.goto(page.url().replace(/#.*$/, `#/analysis?tab=trend&from=${from}`));
    await expect(row(table, '合计')).toContainText(yuan(8_000 + 7_000 + 22_000));
    await expect(table.getByRole('cell', { name: yuan(24_000), exact: true })).toBeVisible();
    await expect(page.getByRole('img', { name: '销售走势', exact: true })).toBeVisible();
    await shot(page, info, 'trend-with-previous');
    await page.goto(page.url().replace(/#.*$/, '#/analysis?tab=trend'));
    await expect(row(table, '合计')).toContainText(yuan(74_500));
  });

  await test.step('2 销售漏斗：各阶段、赢单率、输单原因，再只看合作伙伴', async () => {
    await page.getByRole('tab', { name: '销售漏斗' }).click();
    const stages = page.getByRole('table', { name: '销售漏斗各阶段' });
    await expect(row(stages, '初步接触')).toContainText(`1${yuan(50_000)}${yuan(5_000)}`);
    await expect(row(stages, '需求确认')).toContainText(`1${yuan(30_000)}${yuan(9_000)}`);
    await expect(row(stages, '方案报价')).toContainText(`1${yuan(80_000)}${yuan(40_000)}`);
    await expect(row(stages, '谈判')).toContainText(`0${yuan(0)}${yuan(0)}`);
    await expect(row(stages, '合计')).toContainText(`3${yuan(160_000)}${yuan(54_000)}`);
    const closed = page.getByRole('region', { name: '成交情况' });
    await expect(closed).toContainText('赢单数1');
    await expect(closed).toContainText('输单数1');
    await expect(closed).toContainText('赢单率50.0%');
    await expect(row(page.getByRole('table', { name: '输单原因表' }), '价格太高')).toContainText('1');
    await expect(row(page.getByRole('table', { name: '阶段转化率表' }), '初步接触')).toContainText(
      '需求确认',
    );
    await expect(page.getByRole('region', { name: '销售漏斗' }).locator('canvas')).toHaveCount(1);
    await shot(page, info, 'funnel');

    await page.getByRole('button', { name: '“加权金额”的说明' }).click();
    await expect(page.getByText('加权金额 = Σ 预计金额 × 成功概率 ÷ 100')).toBeVisible();
    await shot(page, info, 'funnel-help');
    await page.keyboard.press('Escape');

    const csv = await exportCsv(page, page.getByRole('region', { name: '销售漏斗' }));
    expect(csv).toContain('阶段,机会数,预计金额,加权金额');
    expect(csv).toContain('方案报价,1,80000,40000');
    await savePng(page, '销售漏斗');

    await choose(page, '客户类型', '合作伙伴');
    await expect(row(stages, '初步接触')).toContainText(`0${yuan(0)}`);
    await expect(row(stages, '需求确认')).toContainText(`1${yuan(30_000)}${yuan(9_000)}`);
    await expect(row(stages, '合计')).toContainText(`1${yuan(30_000)}${yuan(9_000)}`);
    await expect(closed).toContainText('赢单数0');
    await expect(closed).toContainText('赢单率0.0%');
    await shot(page, info, 'funnel-partner');
  });

  await test.step('3 销售构成：按产品类别，再按产品前 3 名、只看合作伙伴', async () => {
    await page.goto(page.url().replace(/#.*$/, '#/analysis?tab=composition'));
    const table = page.getByRole('table', { name: '销售构成明细表' });
    await expect(row(table, '1')).toContainText(`硬件${yuan(46_500)}`);
    await expect(row(table, '1')).toContainText('62.4%');
    await expect(row(table, '2')).toContainText(`软件${yuan(28_000)}`);
    await expect(row(table, '2')).toContainText('37.6%100.0%');
    await expect(rowWith(table, '合计')).toContainText(yuan(74_500));
    await shot(page, info, 'composition-category');

    await choose(page, '构成维度', '产品');
    await choose(page, '显示前几名', '3');
    await expect(row(table, '1')).toContainText(`服务器 R740${yuan(36_000)}`);
    await expect(row(table, '2')).toContainText(`办公软件${yuan(16_000)}`);
    await expect(row(table, '3')).toContainText(`杀毒软件${yuan(12_000)}`);
    await expect(rowWith(table, '其他')).toContainText(`其他（1 组）${yuan(10_500)}`);
    const csv = await exportCsv(page, page.getByRole('region', { name: '销售构成（产品）' }));
    expect(csv).toContain('排名,产品,销售额,订单数,占比,累计占比');
    expect(csv).toContain('1,服务器 R740,36000,2,48.3%,48.3%');
    expect(csv).toContain(',其他（1 组）,10500,2,14.1%,100.0%');
    await savePng(page, '销售构成（产品）');
    await shot(page, info, 'composition-product-top3');

    await choose(page, '客户类型', '合作伙伴');
    await expect(row(table, '1')).toContainText(`服务器 R740${yuan(24_000)}`);
    await expect(row(table, '2')).toContainText(`千兆交换机${yuan(7_000)}`);
    await expect(rowWith(table, '合计')).toContainText(yuan(35_000));
    await expect(page).toHaveURL(/by=product/);
    await shot(page, info, 'composition-partner');
  });

  await test.step('4 桌面：三个小图，链接到完整分析', async () => {
    await openModule(page, '桌面');
    for (const title of ['近 12 个月销售走势', '销售漏斗', '销售构成（按产品类别）']) {
      const card = page.getByRole('region', { name: title });
      await expect(card.locator('canvas')).toBeVisible();
      await expect(card.getByRole('link', { name: `查看分析：${title}` })).toBeVisible();
    }
    await shot(page, info, 'home-mini-charts');
    await page.getByRole('link', { name: '查看分析：销售漏斗' }).click();
    await expect(page.getByRole('tab', { name: '销售漏斗', selected: true })).toBeVisible();
  });

  await test.step('5 1280×800 的窗口', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(page.url().replace(/#.*$/, '#/analysis?tab=trend'));
    await expect(page.getByRole('table', { name: '销售走势明细表' })).toBeVisible();
    await shot(page, info, 'trend-1280');
    await page.goto(page.url().replace(/#.*$/, '#/analysis?tab=funnel'));
    await expect(page.getByRole('table', { name: '销售漏斗各阶段' })).toBeVisible();
    await shot(page, info, 'funnel-1280');
    await page.goto(page.url().replace(/#.*$/, '#/analysis?tab=composition'));
    await expect(page.getByRole('table', { name: '销售构成明细表' })).toBeVisible();
    await shot(page, info, 'composition-1280');
  });
});

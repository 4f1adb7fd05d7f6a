import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { addDays, localToday } from '../../src-main/contract/dates';
import { api, expect, test } from './fixtures';
import { openCustomer, openModule } from './ui';

test.use({ locale: 'zh-CN', reducedMotion: 'reduce' });

interface BaseItem {
  id: number;
  kind: string;
  key: string | null;
}

const HUAXIN = '北京华信科技有限公司';
const MINGDA = '上海明达贸易有限公司';
const DEAL = '华信数据中心扩容';

/** Today minus `n` days, as the server's local date. */
const daysAgo = (n: number): string => addDays(localToday(), -n);

/** A little of everything, through the same channels the screens use. */
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
    typeId: idOf('customer_type', 'customer'),
  });
  await api(page, 'customers.create', { name: MINGDA, typeId: idOf('customer_type', 'partner') });
  const contact = await api<{ id: number }>(page, 'contacts.create', {
    customerId: customer.id,
    name: '王建国',
    title: '采购经理',
    mobile: '13900139000',
    isPrimary: true,
  });
  for (const [days, quantity] of [
    [20, 2],
    [80, 1],
    [200, 3],
  ] as const) {
    await api(page, 'sales.create', {
      customerId: customer.id,
      contactId: contact.id,
      saleDate: daysAgo(days),
      status: 'delivered',
      lines: [{ productId: product.id, quantity }],
    });
  }
  await api(page, 'opportunities.create', {
    customerId: customer.id,
    title: DEAL,
    stageId: idOf('opportunity_stage', 'proposal'),
    expectedAmount: 8_000_000,
    expectedCloseDate: daysAgo(-10),
  });
  await api(page, 'feedback.create', {
    customerId: customer.id,
    typeId: idOf('feedback_type', 'complaint'),
    subject: '交货延迟',
    receivedDate: daysAgo(3),
  });
  await api(page, 'expenses.create', {
    expenseDate: daysAgo(5),
    categoryId: idOf('expense_category', 'travel'),
    amount: 120_000,
    customerId: customer.id,
    description: '拜访客户差旅',
  });
  await api(page, 'activities.create', {
    customerId: customer.id,
    contactId: contact.id,
    type: 'call',
    subject: '电话回访',
    occurredAt: `${daysAgo(1)}T10:00`,
    nextFollowUp: daysAgo(0),
  });
  await api(page, 'customFields.create', { entity: 'customers', label: '微信群', type: 'text' });
  // Something in 回收站.
  const gone = await api<{ id: number }>(page, 'customers.create', { name: '待删除的客户' });
  await api(page, 'customers.delete', { ids: [gone.id] });
}

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** A violation as a few readable lines: rule, impact, what to do, and each element with why. */
function describe(screen: string, v: Violation): string {
  const nodes = v.nodes.map((n) => {
    const why = n.failureSummary?.split('\n').slice(1).join(' ').trim();
    return `    at ${n.target.join(' ')}\n      ${n.html.slice(0, 160)}\n      ${why ?? ''}`;
  });
  return `[${screen}] ${v.impact} ${v.id}: ${v.help}\n  ${v.helpUrl}\n${nodes.join('\n')}`;
}

test('无障碍：每个主要页面在中文界面下没有严重或关键的 axe 问题', async ({ page, crm }) => {
  expect(crm.url).toContain('token=');
  await seed(page);
  // Nothing the pages load may fail (a missing /favicon.ico used to log a 404 on every load).
  const failures: string[] = [];
  page.on('response', (r) => r.status() >= 400 && failures.push(`${r.status()} ${r.url()}`));
  page.on('console', (m) => m.type() === 'error' && failures.push(m.text()));
  await page.reload();

  const found: string[] = [];
  let scanned = 0;
  /** Waits for `ready`, then scans the whole page; keeps serious and critical violations. */
  async function scan(screen: string, ready: Locator) {
    await expect(ready).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    scanned++;
    for (const v of violations) {
      if (v.impact === 'serious' || v.impact === 'critical') found.push(describe(screen, v));
    }
  }
  const main = page.getByRole('main');
  const analysisTab = async (name: string) => {
    await page.getByRole('tablist', { name: '分析选项卡' }).getByRole('tab', { name }).click();
  };

  await openModule(page, '桌面');
  await scan('桌面', page.getByRole('region', { name: '近 12 个月销售走势' }).locator('canvas'));

  await openModule(page, '客户管理');
  const customers = page.getByRole('table', { name: '客户列表' });
  await scan('客户管理', customers.getByRole('link', { name: MINGDA }));
  // The sort icons and the page buttons are named in Chinese, not in mantine-datatable's English.
  await expect(customers.getByRole('img', { name: /sorted/i })).toHaveCount(0);
  await expect(customers.getByRole('img', { name: '未排序' }).first()).toBeAttached();
  // The list starts newest first: a first click sorts by the column in that direction.
  const shortName = customers.getByRole('button', { name: /^客户简称/ });
  await expect(shortName).toHaveAccessibleName('客户简称 未排序');
  await shortName.click();
  await expect(shortName).toHaveAccessibleName('客户简称 降序排列');
  await shortName.click();
  await expect(shortName).toHaveAccessibleName('客户简称 升序排列');
  await expect(page.getByRole('button', { name: '下一页' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Next page' })).toHaveCount(0);
  // A notification, with its close button.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出', exact: true }).click();
  await page.getByRole('menuitem', { name: '导出为 CSV', exact: true }).click();
  await download;
  const toast = page.getByRole('alert').filter({ hasText: '已导出' });
  await scan('客户管理·导出通知', toast);
  await toast.getByRole('button', { name: '关闭' }).click();
  await expect(toast).toBeHidden();
  await openCustomer(page, HUAXIN);
  await scan('客户页', page.getByRole('tablist', { name: '客户信息选项卡' }));
  await page.getByRole('button', { name: '删除客户' }).click();
  const dialog = page.getByRole('dialog', { name: '删除客户' });
  await scan('删除客户对话框', dialog);
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();

  await openModule(page, '联系人管理');
  await scan('联系人管理', page.getByRole('table', { name: '联系人列表' }).getByText('王建国'));

  await openModule(page, '机会与明细');
  await scan('机会与明细', page.getByRole('table', { name: '机会列表' }).getByText(DEAL));
  await page.getByRole('radiogroup', { name: '显示方式' }).getByText('看板').click();
  await scan('机会看板', page.getByRole('list', { name: '销售机会看板' }).getByText(DEAL));

  await openModule(page, '销售和明细');
  await scan('销售和明细', page.getByRole('table', { name: '销售列表' }).getByText(HUAXIN).first());
  await openModule(page, '服务反馈');
  await scan('服务反馈', page.getByRole('table', { name: '服务反馈列表' }).getByText('交货延迟'));
  await openModule(page, '费用');
  await scan('费用', page.getByRole('table', { name: '费用列表' }).getByText(HUAXIN));
  await openModule(page, '行动');
  await scan('行动', page.getByRole('table', { name: '行动列表' }).getByText('电话回访'));
  await openModule(page, '产品');
  await scan('产品', page.getByRole('table', { name: '产品列表' }).getByText('服务器 R740'));

  await openModule(page, '分析');
  await scan('分析·销售走势', page.getByRole('table', { name: '销售走势明细表' }));
  await analysisTab('销售漏斗');
  await scan('分析·销售漏斗', page.getByRole('table', { name: '销售漏斗各阶段' }));
  await analysisTab('销售构成');
  await scan('分析·销售构成', page.getByRole('table', { name: '销售构成明细表' }));
  await analysisTab('客户分析');
  const customerTabs = page.getByRole('tablist', { name: '客户分析选项卡' });
  for (const name of ['ABC 分类', 'RFM 分析', '流失预警', '客户利润', '客户终身价值']) {
    await customerTabs.getByRole('tab', { name, exact: true }).click();
    await scan(`分析·客户分析·${name}`, main.getByRole('tabpanel').getByRole('table').first());
  }
  await analysisTab('服务分析');
  await scan('分析·服务分析', main.getByRole('table').first());

  await openModule(page, '基础数据');
  await scan('基础数据', main.getByRole('table').first());
  await openModule(page, '自定义字段');
  await scan('自定义字段', main.getByText('微信群'));
  await openModule(page, '回收站');
  await scan('回收站', page.getByRole('table', { name: '回收站记录列表' }).getByText('待删除的客户'));
  await page.getByRole('banner').getByRole('button', { name: '文件', exact: true }).click();
  await page.getByRole('menuitem', { name: '备份…' }).click();
  await scan('备份', page.getByRole('table', { name: '备份列表' }));
  await page.getByRole('banner').getByRole('button', { name: '文件', exact: true }).click();
  await page.getByRole('menuitem', { name: '导入…' }).click();
  await scan('导入', page.getByRole('button', { name: '选择文件…' }));
  await page.getByRole('banner').getByRole('button', { name: '文件', exact: true }).click();
  await page.getByRole('menuitem', { name: '导入记录' }).click();
  await scan('导入记录', page.getByRole('heading', { name: '还没有导入过' }));

  await openModule(page, '客户管理');
  await page.getByRole('link', { name: '增加客户' }).click();
  await scan('增加客户', page.getByRole('heading', { name: '增加客户' }));

  expect(scanned).toBe(29);
  expect(failures).toEqual([]);
  expect(found, `axe found serious or critical problems:\n\n${found.join('\n\n')}\n`).toEqual([]);
});

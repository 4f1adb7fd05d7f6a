import { expect, screen, test } from './fixtures';
import { choose } from './ui';

test.use({ locale: 'zh-CN' });

interface NewCustomer {
  name: string;
  shortName: string;
  selects: Record<string, string>;
  texts: Record<string, string>;
}

const customers: NewCustomer[] = [
  {
    name: '北京华信科技有限公司',
    shortName: '华信科技',
    selects: {
      客户类型: '客户',
      客户等级: 'VIP客户',
      生命周期阶段: '稳定期',
      所属行业: '信息技术',
      所在地区: '华北',
    },
    texts: {
      电话: '010-8888 1234',
      手机: '13800138000',
      电子邮件: 'sales@huaxin.com.cn',
      城市: '北京',
      决策人: '王建国',
    },
  },
  {
    name: '上海东方电子商务有限公司',
    shortName: '东方电商',
    selects: {
      客户类型: '潜在客户',
      客户等级: '重要客户',
      生命周期阶段: '考察期',
      所属行业: '批发零售',
      所在地区: '华东',
    },
    texts: { 电话: '021-6543 2100', 电子邮件: 'info@dfds.cn', 城市: '上海' },
  },
  {
    name: '广州南方物流集团',
    shortName: '南方物流',
    selects: {
      客户类型: '合作伙伴',
      客户等级: '普通客户',
      生命周期阶段: '形成期',
      所属行业: '交通物流',
      所在地区: '华南',
    },
    texts: { 电话: '020-3888 6666', 城市: '广州' },
  },
];

test('实验三 客户管理：增加、查找、浏览、选项卡、字段详情表、修改、删除', async ({ page, crm }, info) => {
  expect(crm.url).toContain('token=');
  const table = page.getByRole('table', { name: '客户列表' });

  // The app opens on 桌面; 浏览客户信息 is an empty list to begin with.
  await expect(page.getByRole('tab', { name: '桌面' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: '客户管理' }).click();
  await expect(page.getByRole('tab', { name: '客户管理' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('heading', { name: '浏览客户信息' })).toBeVisible();
  await expect(page.getByText('共 0 个客户')).toBeVisible();
  await screen(page, info, 'empty-list');

  // 增加客户 ×3, through the form, as a student would.
  for (const [i, c] of customers.entries()) {
    await page.getByRole('link', { name: '增加客户' }).click();
    await expect(page.getByRole('heading', { name: '增加客户' })).toBeVisible();
    if (i === 0) {
      // The name is required: saving without it is refused beside the field.
      await page.getByRole('button', { name: '保存' }).click();
      await expect(page.getByText('必填')).toBeVisible();
    }
    await page.getByLabel('客户名称').fill(c.name);
    await page.getByLabel('客户简称').fill(c.shortName);
    for (const [label, option] of Object.entries(c.selects)) await choose(page, label, option);
    for (const [label, value] of Object.entries(c.texts))
      await page.getByLabel(label, { exact: true }).fill(value);
    if (i === 0) {
      await page.getByLabel('备注').fill('重点跟进：计划第三季度采购服务器。\n联系人王总偏好电话沟通。');
      await screen(page, info, 'add-form-filled');
    }
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: c.name })).toBeVisible();
    await expect(page.getByText(`C00000${i + 1}`, { exact: true }).first()).toBeVisible();
    await page.getByRole('tab', { name: '客户管理' }).click();
  }

  await expect(page.getByText('共 3 个客户')).toBeVisible();
  await expect(table.getByRole('row')).toHaveCount(4); // header + 3
  await expect(table.getByRole('cell', { name: '稳定期' })).toBeVisible();
  await screen(page, info, 'list-three-customers');

  // 查找客户 by a 2-character Chinese substring.
  await page.getByLabel('查找客户').fill('科技');
  await expect(page.getByText('共 1 个客户')).toBeVisible();
  await expect(table.getByRole('link', { name: '北京华信科技有限公司' })).toBeVisible();
  await expect(table.getByRole('link', { name: '广州南方物流集团' })).toHaveCount(0);
  await screen(page, info, 'find-keji');

  // A filter narrows the list too.
  await page.getByLabel('查找客户').fill('');
  await choose(page, '所在地区', '华东');
  await expect(page.getByText('共 1 个客户')).toBeVisible();
  await expect(table.getByRole('link', { name: '上海东方电子商务有限公司' })).toBeVisible();
  await page.goto(crm.url.replace(/\?token=.*$/, '#/customers'));
  await expect(page.getByText('共 3 个客户')).toBeVisible();

  // Open the found customer: 客户信息选项卡.
  await page.getByLabel('查找客户').fill('科技');
  await expect(page.getByText('共 1 个客户')).toBeVisible();
  await table.getByRole('link', { name: '北京华信科技有限公司' }).click();
  const tabs = page.getByRole('tablist', { name: '客户信息选项卡' });
  await expect(tabs.getByRole('tab', { name: '基本信息' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('010-8888 1234')).toBeVisible();
  await expect(page.getByText('sales@huaxin.com.cn')).toBeVisible();
  await screen(page, info, 'detail-basic-tab');
  await tabs.getByRole('tab', { name: '备注' }).click();
  await expect(page.getByText('重点跟进：计划第三季度采购服务器。')).toBeVisible();
  await screen(page, info, 'detail-notes-tab');

  // 客户字段详情表: every field, printable.
  await page.getByRole('link', { name: '客户字段详情表' }).click();
  const sheet = page.getByRole('table', { name: '客户字段详情表：北京华信科技有限公司' });
  await expect(sheet.getByRole('row', { name: /客户编号\s*C000001/ })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /所属行业\s*信息技术/ })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /决策人\s*王建国/ })).toBeVisible();
  await expect(sheet.getByRole('row')).toHaveCount(26); // header + code, 22 fields, created, updated
  await expect(page.getByRole('button', { name: '打印' })).toBeVisible();
  await screen(page, info, 'field-detail-table');
  // On paper only the table shows: the header, tabs and buttons are left off.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('tab', { name: '客户管理' })).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await expect(sheet).toBeVisible();
  await screen(page, info, 'field-detail-table-print');
  await page.emulateMedia({ media: 'screen' });

  // 修改客户信息.
  await page.getByRole('link', { name: '返回' }).click();
  await page.getByRole('link', { name: '修改客户信息' }).click();
  await expect(page.getByLabel('客户名称')).toHaveValue('北京华信科技有限公司');
  await choose(page, '客户等级', '重要客户');
  await page.getByLabel('电话', { exact: true }).fill('010-6666 8888');
  await screen(page, info, 'edit-form');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '北京华信科技有限公司' })).toBeVisible();
  await expect(page.getByText('010-6666 8888')).toBeVisible();
  await expect(page.getByText('重要客户').first()).toBeVisible();
  await expect(page.getByText('010-8888 1234')).toHaveCount(0);
  await screen(page, info, 'detail-after-edit');

  // 删除客户: the dialog names the customer.
  await page.getByRole('button', { name: '删除客户' }).click();
  const dialog = page.getByRole('dialog', { name: '删除客户' });
  await expect(dialog).toContainText('北京华信科技有限公司');
  await expect(dialog).toContainText('C000001');
  await screen(page, info, 'delete-confirm');
  await dialog.getByRole('button', { name: '删除' }).click();
  await expect(page.getByRole('heading', { name: '浏览客户信息' })).toBeVisible();
  await expect(page.getByText('共 2 个客户')).toBeVisible();
  await expect(table.getByRole('link', { name: '北京华信科技有限公司' })).toHaveCount(0);

  // Delete two at once.
  await page.getByRole('checkbox', { name: '选择 上海东方电子商务有限公司' }).check();
  await page.getByRole('checkbox', { name: '选择 广州南方物流集团' }).check();
  await page.getByRole('button', { name: '删除所选客户（2）' }).click();
  const many = page.getByRole('dialog', { name: '删除客户' });
  await expect(many).toContainText('上海东方电子商务有限公司');
  await expect(many).toContainText('广州南方物流集团');
  await screen(page, info, 'delete-two-confirm');
  await many.getByRole('button', { name: '删除' }).click();
  await expect(page.getByText('共 0 个客户')).toBeVisible();
  await expect(page.getByText('没有找到客户')).toBeVisible();
  await screen(page, info, 'list-after-delete');
});

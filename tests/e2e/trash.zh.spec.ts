import type { Page, TestInfo } from '@playwright/test';
import { expect, test } from './fixtures';
import { choose, customerTab, openCustomer, openModule, pick, shot } from './ui';

test.use({ locale: 'zh-CN' });

const CUSTOMER = '北京华信科技有限公司';
const CUSTOMER_TITLE = `C000001 ${CUSTOMER}`;
const CONTACTS = [
  { name: '王建国', title: '采购经理', mobile: '13900139000' },
  { name: '李晓梅', title: '财务主管', mobile: '13800138000' },
];
const PRODUCTS = [
  { name: '服务器 R740', category: '硬件', unit: '台', price: 12_000 },
  { name: '千兆交换机', category: '硬件', unit: '台', price: 3_500 },
];

/** 删除客户 on the customer's page, confirmed; the dialog names what goes with it. */
async function deleteCustomer(page: Page, info: TestInfo, goesWith: string, name?: string) {
  await openCustomer(page, CUSTOMER);
  await page.getByRole('button', { name: '删除客户' }).click();
  const dialog = page.getByRole('dialog', { name: '删除客户' });
  await expect(dialog).toContainText(`确定要删除客户“${CUSTOMER}”（C000001）吗？可在回收站中恢复。`);
  await expect(dialog.getByRole('alert')).toContainText(goesWith);
  if (name) await shot(page, info, name);
  await dialog.getByRole('button', { name: '删除', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { name: '浏览客户信息' })).toBeVisible();
}

/** Opens a contact of the customer from its 联系人 tab and deletes it. */
async function deleteContact(page: Page, name: string) {
  await openCustomer(page, CUSTOMER);
  await customerTab(page, '联系人').click();
  await page.getByRole('table', { name: '联系人列表' }).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await page.getByRole('button', { name: '删除联系人' }).click();
  const dialog = page.getByRole('dialog', { name: '删除联系人' });
  await dialog.getByRole('button', { name: '删除', exact: true }).click();
  await expect(dialog).toBeHidden();
}

const trashTable = (page: Page) => page.getByRole('table', { name: '回收站记录列表' });
const trashRow = (page: Page, title: string) =>
  trashTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: title, exact: true }) });

test('回收站：删除客户连同联系人和销售，恢复；撤销删除；父记录被彻底删除后拒绝恢复；清空回收站', async ({
  page,
  crm,
}, info) => {
  expect(crm.url).toContain('token=');
  let saleCode = '';

  await test.step('1 准备：两个产品、客户、两个联系人、一笔两行明细的销售', async () => {
    await openModule(page, '产品');
    for (const p of PRODUCTS) {
      await page.getByRole('link', { name: '增加产品' }).click();
      await page.getByLabel('产品名称').fill(p.name);
      await choose(page, '产品类别', p.category);
      await page.getByLabel('单位', { exact: true }).fill(p.unit);
      await page.getByLabel('标准价格').fill(String(p.price));
      await page.getByRole('button', { name: '保存' }).click();
      await expect(page.getByRole('heading', { name: p.name })).toBeVisible();
      await page.getByRole('link', { name: '浏览产品' }).click();
    }

    await openModule(page, '客户管理');
    await page.getByRole('link', { name: '增加客户' }).click();
    await page.getByLabel('客户名称').fill(CUSTOMER);
    await choose(page, '客户类型', '客户');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: CUSTOMER })).toBeVisible();

    await customerTab(page, '联系人').click();
    for (const c of CONTACTS) {
      await page.getByRole('button', { name: '增加联系人' }).click();
      const dialog = page.getByRole('dialog', { name: `增加联系人 · ${CUSTOMER}` });
      await dialog.getByLabel('姓名').fill(c.name);
      await dialog.getByLabel('职务').fill(c.title);
      await dialog.getByLabel('手机', { exact: true }).fill(c.mobile);
      await dialog.getByRole('button', { name: '保存' }).click();
      await expect(dialog).toBeHidden();
    }
    await expect(customerTab(page, '联系人')).toHaveText('联系人2');

    await openModule(page, '销售和明细');
    await page.getByRole('link', { name: '新建销售' }).click();
    await expect(page.getByRole('heading', { name: '新建销售' })).toBeVisible();
    await pick(page, page, '客户', '华信', `${CUSTOMER}（C000001）`);
    await pick(page, page, '联系人', '王', CONTACTS[0]!.name);
    const lines = page.getByRole('table', { name: '明细', exact: true });
    await page.getByRole('button', { name: '增加明细' }).click();
    await pick(lines, page, '第 1 行产品', '服务器', `${PRODUCTS[0]!.name}（P000001）`);
    await lines.getByLabel('第 1 行数量').fill('2');
    await page.getByRole('button', { name: '增加明细' }).click();
    await pick(lines, page, '第 2 行产品', '交换机', `${PRODUCTS[1]!.name}（P000002）`);
    await lines.getByLabel('第 2 行数量').fill('4');
    await page.getByRole('button', { name: '保存' }).click();
    const heading = page.getByRole('heading', { name: /^SO\d{6}$/ });
    await expect(heading).toBeVisible();
    saleCode = (await heading.textContent())!;

    await openCustomer(page, CUSTOMER);
    await expect(customerTab(page, '联系人')).toHaveText('联系人2');
    await expect(customerTab(page, '销售')).toHaveText('销售1');
  });

  await test.step('2 删除客户：对话框说明一并删除的记录，提示可撤销', async () => {
    await deleteCustomer(page, info, '2 个联系人、1 笔销售', 'customer-delete-confirm');
    const notice = page.getByRole('alert').filter({ hasText: '已删除 1 个客户，已移到回收站' });
    await expect(notice.getByRole('button', { name: '撤销' })).toBeVisible();
    await expect(
      page.getByRole('table', { name: '客户列表' }).getByRole('link', { name: CUSTOMER }),
    ).toHaveCount(0);
    await shot(page, info, 'customer-deleted-undo-notice');
  });

  await test.step('3 回收站：看到客户和一并删除的记录，恢复', async () => {
    await openModule(page, '回收站');
    await expect(page.getByRole('heading', { name: '回收站', exact: true })).toBeVisible();
    await expect(page.getByText('共 1 条记录')).toBeVisible();
    const row = trashRow(page, CUSTOMER_TITLE);
    await expect(row).toContainText('客户');
    await expect(row).toContainText('2 个联系人、1 笔销售（2 行明细）');
    await shot(page, info, 'trash-list');

    // The kind filter: no contacts went on their own.
    await choose(page, '类型', '联系人');
    await expect(page.getByText('共 0 条记录')).toBeVisible();
    await expect(page.getByText('没有找到符合条件的记录')).toBeVisible();
    await page.getByRole('button', { name: '清除类型筛选' }).click();
    await page.getByRole('searchbox', { name: '查找记录' }).fill('华信');
    await expect(trashRow(page, CUSTOMER_TITLE)).toBeVisible();

    await page.getByRole('checkbox', { name: `选择 ${CUSTOMER_TITLE}` }).check();
    await page.getByRole('button', { name: '恢复所选（1）' }).click();
    const notice = page.getByRole('alert').filter({ hasText: `已恢复客户“${CUSTOMER_TITLE}”` });
    await expect(notice).toContainText('连同 2 个联系人、1 笔销售（2 行明细）');
    await expect(page.getByRole('heading', { name: '回收站是空的' })).toBeVisible();
    // The delete's 撤销 has nothing left to undo, so it is gone.
    await expect(page.getByRole('alert').filter({ hasText: '已删除 1 个客户' })).toHaveCount(0);
    await shot(page, info, 'trash-restored-notice');

    await notice.getByRole('button', { name: `打开客户“${CUSTOMER_TITLE}”` }).click();
    await expect(page.getByRole('heading', { name: CUSTOMER })).toBeVisible();
    await expect(customerTab(page, '联系人')).toHaveText('联系人2');
    await expect(customerTab(page, '销售')).toHaveText('销售1');
    await customerTab(page, '联系人').click();
    const contacts = page.getByRole('table', { name: '联系人列表' });
    for (const c of CONTACTS) {
      const row = contacts.getByRole('row').filter({ has: page.getByRole('link', { name: c.name }) });
      await expect(row).toContainText(c.mobile);
    }
    await shot(page, info, 'customer-restored-contacts');
    await customerTab(page, '销售').click();
    await expect(page.getByRole('link', { name: saleCode })).toBeVisible();
    await shot(page, info, 'customer-restored-sales');
  });

  await test.step('4 删除联系人后点撤销：联系人回来', async () => {
    await deleteContact(page, CONTACTS[1]!.name);
    const notice = page.getByRole('alert').filter({ hasText: '已删除 1 个联系人，已移到回收站' });
    await shot(page, info, 'contact-deleted-undo-notice');
    await notice.getByRole('button', { name: '撤销' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '已恢复 1 个联系人' })).toBeVisible();
    await openCustomer(page, CUSTOMER);
    await expect(customerTab(page, '联系人')).toHaveText('联系人2');
    await customerTab(page, '联系人').click();
    await expect(
      page.getByRole('table', { name: '联系人列表' }).getByRole('link', { name: CONTACTS[1]!.name }),
    ).toBeVisible();
    await shot(page, info, 'contact-back-after-undo');
  });

  await test.step('5 客户被彻底删除后，恢复它的联系人被拒绝并说明原因', async () => {
    await deleteContact(page, CONTACTS[1]!.name);
    await deleteCustomer(page, info, '1 个联系人、1 笔销售');

    await openModule(page, '回收站');
    await expect(page.getByText('共 2 条记录')).toBeVisible();
    await expect(trashRow(page, CONTACTS[1]!.name)).toContainText(CUSTOMER);

    // While its customer is in the trash, the contact waits for it.
    await page.getByRole('checkbox', { name: `选择 ${CONTACTS[1]!.name}` }).check();
    await page.getByRole('button', { name: '恢复所选（1）' }).click();
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: `请先恢复它所属的客户“${CUSTOMER_TITLE}”，它也在回收站里。` }),
    ).toBeVisible();
    await shot(page, info, 'trash-restore-parent-in-trash');
    await page.getByRole('checkbox', { name: `选择 ${CONTACTS[1]!.name}` }).uncheck();

    await page.getByRole('checkbox', { name: `选择 ${CUSTOMER_TITLE}` }).check();
    await page.getByRole('button', { name: '彻底删除所选（1）' }).click();
    const dialog = page.getByRole('dialog', { name: '彻底删除' });
    await expect(dialog).toContainText(`确定要彻底删除客户“${CUSTOMER_TITLE}”吗？彻底删除后无法恢复。`);
    await expect(dialog.getByRole('alert')).toContainText('1 个联系人、1 笔销售（2 行明细）');
    await shot(page, info, 'trash-purge-confirm');
    await dialog.getByRole('button', { name: '彻底删除' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('共 1 条记录')).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: '已删除 1 个客户' })).toHaveCount(0);

    await page.getByRole('checkbox', { name: `选择 ${CONTACTS[1]!.name}` }).check();
    await page.getByRole('button', { name: '恢复所选（1）' }).click();
    await expect(
      page
        .getByRole('alert')
        .filter({ hasText: `无法恢复：它所属的客户“${CUSTOMER}”已不存在（已从回收站彻底删除）。` }),
    ).toBeVisible();
    // Refused, so nothing changed: the contact is still in the trash.
    await expect(trashRow(page, CONTACTS[1]!.name)).toBeVisible();
    await shot(page, info, 'trash-restore-refused');
  });

  await test.step('6 清空回收站', async () => {
    await page.getByRole('button', { name: '清空回收站' }).click();
    const dialog = page.getByRole('dialog', { name: '清空回收站' });
    await expect(dialog).toContainText('确定要清空回收站吗？其中的 1 条记录将全部彻底删除，无法恢复。');
    await shot(page, info, 'trash-empty-confirm');
    await dialog.getByRole('button', { name: '清空回收站' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('已清空回收站，彻底删除了 1 条记录')).toBeVisible();
    await expect(page.getByRole('heading', { name: '回收站是空的' })).toBeVisible();
    await shot(page, info, 'trash-empty');
  });
});

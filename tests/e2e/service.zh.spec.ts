import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { choose, customerTab, openCustomer, openModule, pick, shot, yuan } from './ui';

test.use({ locale: 'zh-CN' });

const CUSTOMER = '北京华信科技有限公司';
const CUSTOMER_OPTION = `${CUSTOMER}（C000001）`;
const CONTACT = '王建国';
const SUBJECT = '服务器噪音过大';
const CONTENT = '机房新装的两台服务器运行时噪音过大，影响旁边办公室，客户要求尽快处理。';
const RESULT = '上门检查后更换了风扇模块，并把风扇策略调为静音模式，噪音已恢复正常。';

/** A row of a table, found by a link it holds. */
const rowWith = (table: Locator, page: Page, link: string) =>
  table.getByRole('row').filter({ has: page.getByRole('link', { name: link, exact: true }) });

test('实验四 服务反馈与费用，基础数据改名，全局查找与快捷键', async ({ page, crm }, info) => {
  expect(crm.url).toContain('token=');
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
  await expect(page.getByRole('tab', { name: '桌面' })).toHaveAttribute('aria-selected', 'true');

  await test.step('1 增加客户（VIP客户）和联系人', async () => {
    await openModule(page, '客户管理');
    await page.getByRole('link', { name: '增加客户' }).click();
    await expect(page.getByRole('heading', { name: '增加客户' })).toBeVisible();
    await page.getByLabel('客户名称').fill(CUSTOMER);
    await choose(page, '客户类型', '客户');
    await choose(page, '客户等级', 'VIP客户');
    await shot(page, info, 'customer-add-form');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: CUSTOMER })).toBeVisible();
    await expect(page.getByText('C000001', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('VIP客户', { exact: true }).first()).toBeVisible();

    await customerTab(page, '联系人').click();
    await page.getByRole('button', { name: '增加联系人' }).click();
    const dialog = page.getByRole('dialog', { name: `增加联系人 · ${CUSTOMER}` });
    await dialog.getByLabel('姓名').fill(CONTACT);
    await dialog.getByLabel('职务').fill('信息中心主任');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(rowWith(page.getByRole('table', { name: '联系人列表' }), page, CONTACT)).toContainText(
      '信息中心主任',
    );
    await expect(customerTab(page, '联系人')).toHaveText('联系人1');
    await shot(page, info, 'customer-with-contact');
  });

  let code = '';
  await test.step('2 服务反馈：新建（投诉，优先级高）', async () => {
    await openModule(page, '服务反馈');
    await expect(page.getByRole('heading', { name: '浏览服务反馈' })).toBeVisible();
    await expect(page.getByText('共 0 条服务反馈')).toBeVisible();
    await expect(page.getByText('没有找到服务反馈')).toBeVisible();
    await shot(page, info, 'feedback-empty-list');

    await page.getByRole('link', { name: '新建服务反馈' }).click();
    await expect(page.getByRole('heading', { name: '新建服务反馈' })).toBeVisible();
    // The contact can only be chosen once the customer is.
    await expect(page.getByRole('combobox', { name: '联系人', exact: true })).toBeDisabled();
    await pick(page, page, '客户', '华信', CUSTOMER_OPTION);
    await pick(page, page, '联系人', '王', CONTACT);
    await choose(page, '反馈类型', '投诉');
    await expect(page.getByRole('combobox', { name: '优先级', exact: true })).toHaveValue('普通');
    await choose(page, '优先级', '高');
    await expect(page.getByLabel('受理日期')).toHaveValue(today);
    await page.getByRole('textbox', { name: '主题' }).fill(SUBJECT);
    await page.getByLabel('反馈内容').fill(CONTENT);
    await shot(page, info, 'feedback-add-form');
    await page.getByRole('button', { name: '保存' }).click();

    await expect(page.getByRole('heading', { name: SUBJECT })).toBeVisible();
    const notice = page.getByText(/^已新建服务反馈 F\d{6}$/);
    await expect(notice).toBeVisible();
    code = (await notice.textContent())!.replace('已新建服务反馈 ', '');
    await expect(page.getByText(code, { exact: true }).first()).toBeVisible();
    await expect(page.getByText('处理中', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('高', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('投诉', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('link', { name: CUSTOMER }).first()).toBeVisible();
    await expect(page.getByRole('region', { name: '基本信息' })).toContainText(`联系人${CONTACT}`);
    await expect(page.getByRole('region', { name: '反馈内容' })).toContainText(CONTENT);
    await expect(page.getByRole('button', { name: '结束服务反馈' })).toBeVisible();
    await shot(page, info, 'feedback-detail-open');

    // 浏览服务反馈 lists it as 处理中; 查找 finds it by part of its subject.
    await page.getByRole('link', { name: '浏览服务反馈' }).click();
    await expect(page.getByText('共 1 条服务反馈')).toBeVisible();
    const list = page.getByRole('table', { name: '服务反馈列表' });
    const row = rowWith(list, page, SUBJECT);
    await expect(row).toContainText(code);
    await expect(row).toContainText(today);
    await expect(row).toContainText(CUSTOMER);
    await expect(row).toContainText('投诉');
    await expect(row).toContainText('高');
    await expect(row).toContainText('处理中');
    await page.getByRole('searchbox', { name: '查找服务反馈' }).fill('噪音');
    await expect(page.getByText('共 1 条服务反馈')).toBeVisible();
    await expect(rowWith(list, page, SUBJECT)).toBeVisible();
    await shot(page, info, 'feedback-list-found');
    await page.getByRole('searchbox', { name: '查找服务反馈' }).fill('打印机');
    await expect(page.getByText('共 0 条服务反馈')).toBeVisible();
    await expect(page.getByText('没有找到服务反馈')).toBeVisible();

    // The customer's 服务反馈 tab.
    await openCustomer(page, CUSTOMER);
    await expect(customerTab(page, '服务反馈')).toHaveText('服务反馈1');
    await customerTab(page, '服务反馈').click();
    await expect(page.getByText('共 1 条服务反馈 · 其中 1 条处理中')).toBeVisible();
    const tabRow = rowWith(page.getByRole('table', { name: '服务反馈列表' }), page, SUBJECT);
    await expect(tabRow).toContainText(code);
    await expect(tabRow).toContainText('处理中');
    await shot(page, info, 'customer-feedback-tab');

    // 桌面: under 待处理的服务反馈.
    await openModule(page, '桌面');
    await expect(page.getByText('1 条服务反馈尚未结束')).toBeVisible();
    const item = page
      .getByRole('list', { name: '待处理的服务反馈' })
      .getByRole('listitem')
      .filter({ hasText: SUBJECT });
    await expect(item).toContainText(`${CUSTOMER} · 投诉 · ${code}`);
    await expect(item).toContainText('高');
    await expect(item).toContainText('今天受理');
    await shot(page, info, 'home-open-feedback');
  });

  await test.step('3 结束服务反馈：处理结果和满意度必填，4 星', async () => {
    await page.getByRole('list', { name: '待处理的服务反馈' }).getByRole('link', { name: SUBJECT }).click();
    await expect(page.getByRole('heading', { name: SUBJECT })).toBeVisible();
    await page.getByRole('button', { name: '结束服务反馈' }).click();
    const dialog = page.getByRole('dialog', { name: `结束服务反馈：${code}` });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('结束日期')).toHaveValue(today);

    // Without a result or a score it is refused, beside each field, and nothing changes.
    await dialog.getByRole('button', { name: '结束服务反馈' }).click();
    await expect(dialog.getByText('必填')).toHaveCount(2);
    await expect(dialog.getByRole('textbox', { name: '处理结果' })).toHaveAttribute('aria-invalid', 'true');
    await shot(page, info, 'close-dialog-refused');
    // Still refused with a score but no result.
    const stars = dialog.getByRole('radiogroup', { name: '满意度' });
    await stars.getByRole('radio', { name: '4 星', exact: true }).press('Enter');
    await expect(stars.getByRole('radio', { name: '4 星', exact: true })).toBeChecked();
    await expect(dialog.getByText('满意', { exact: true })).toBeVisible();
    await dialog.getByRole('button', { name: '结束服务反馈' }).click();
    await expect(dialog.getByText('必填')).toHaveCount(1);
    await expect(dialog).toBeVisible();
    // A score was chosen: 取消 asks before the choice is thrown away.
    await dialog.getByRole('button', { name: '取消' }).click();
    const question = page.getByRole('dialog', { name: '有尚未保存的修改' });
    await question.getByRole('button', { name: '放弃修改' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('处理中', { exact: true }).first()).toBeVisible();
    await expect(page.getByRole('button', { name: '结束服务反馈' })).toBeVisible();
    await expect(page.getByRole('region', { name: '处理结果' })).toHaveCount(0);

    // Now properly: the result and 4 stars.
    await page.getByRole('button', { name: '结束服务反馈' }).click();
    await expect(dialog).toBeVisible();
    await dialog.getByRole('textbox', { name: '处理结果' }).fill(RESULT);
    await stars.getByRole('radio', { name: '4 星', exact: true }).press('Enter');
    await expect(stars.getByRole('radio', { name: '4 星', exact: true })).toBeChecked();
    await expect(dialog.getByText('满意', { exact: true })).toBeVisible();
    await expect(dialog.getByText('必填')).toHaveCount(0);
    await shot(page, info, 'close-dialog-filled');
    await dialog.getByRole('button', { name: '结束服务反馈' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(`已结束服务反馈 ${code}`)).toBeVisible();

    // Closed: read-only, with its result, 4 stars and today's date.
    await expect(page.getByText('已结束', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('这条服务反馈已结束，不能再修改。如需修改，请先重新打开。')).toBeVisible();
    const result = page.getByRole('region', { name: '处理结果' });
    await expect(result.getByRole('img', { name: '满意度：4 / 5' })).toBeVisible();
    await expect(result.getByText('满意', { exact: true })).toBeVisible();
    await expect(result).toContainText(`结束日期${today}`);
    await expect(result).toContainText(RESULT);
    await expect(page.getByRole('button', { name: '重新打开' })).toBeVisible();
    await expect(page.getByRole('button', { name: '结束服务反馈' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: '修改服务反馈' })).toHaveCount(0);
    await shot(page, info, 'feedback-detail-closed');

    await page.getByRole('link', { name: '浏览服务反馈' }).click();
    const row = rowWith(page.getByRole('table', { name: '服务反馈列表' }), page, SUBJECT);
    await expect(row).toContainText('已结束');
    await expect(row.getByRole('img', { name: '满意度：4 / 5' })).toBeVisible();
    await shot(page, info, 'feedback-list-closed');

    // 桌面 no longer lists it.
    await openModule(page, '桌面');
    await expect(page.getByText('没有待处理的服务反馈')).toBeVisible();
    await expect(page.getByRole('list', { name: '待处理的服务反馈' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: '待处理的服务反馈' })).not.toContainText(SUBJECT);
    await shot(page, info, 'home-no-open-feedback');
  });

  await test.step('4 删除服务反馈', async () => {
    await openModule(page, '服务反馈');
    await page
      .getByRole('table', { name: '服务反馈列表' })
      .getByRole('link', { name: SUBJECT, exact: true })
      .click();
    await expect(page.getByRole('heading', { name: SUBJECT })).toBeVisible();
    await page.getByRole('button', { name: '删除服务反馈' }).click();
    const dialog = page.getByRole('dialog', { name: '删除服务反馈' });
    await expect(dialog).toContainText(`确定要删除服务反馈 ${code}“${SUBJECT}”吗？可在回收站中恢复。`);
    await shot(page, info, 'feedback-delete-confirm');
    await dialog.getByRole('button', { name: '删除' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('已删除 1 条服务反馈')).toBeVisible();
    await expect(page.getByRole('heading', { name: '浏览服务反馈' })).toBeVisible();
    await expect(page.getByText('共 0 条服务反馈')).toBeVisible();
    await expect(page.getByRole('link', { name: SUBJECT })).toHaveCount(0);
    await expect(page.getByText('没有找到服务反馈')).toBeVisible();
    await shot(page, info, 'feedback-list-after-delete');
  });

  await test.step('5 费用：新建费用记录两笔，合计，删除一笔', async () => {
    await openModule(page, '费用');
    await expect(page.getByRole('heading', { name: '浏览费用' })).toBeVisible();
    const total = page.getByRole('status', { name: '费用合计' });
    await expect(total).toHaveText('合计：¥0.00（共 0 笔）');

    const expenses = [
      {
        category: '差旅费',
        amount: 1200,
        typed: '1200',
        description: '赴北京现场处理服务器噪音投诉的往返高铁票和住宿',
      },
      { category: '招待费', amount: 800.5, typed: '800.5', description: '与王主任工作午餐' },
    ];
    for (const [i, e] of expenses.entries()) {
      await page.getByRole('link', { name: '新建费用记录' }).click();
      await expect(page.getByRole('heading', { name: '新建费用记录' })).toBeVisible();
      await expect(page.getByLabel('日期')).toHaveValue(today);
      await choose(page, '类别', e.category);
      const amount = page.getByRole('textbox', { name: '金额', exact: true });
      await amount.fill(e.typed);
      await amount.blur();
      await expect(amount).toHaveValue(yuan(e.amount));
      await pick(page, page, '客户', '华信', CUSTOMER_OPTION);
      await page.getByLabel('说明').fill(e.description);
      if (i === 0) await shot(page, info, 'expense-add-form');
      await page.getByRole('button', { name: '保存' }).click();
      await expect(page.getByRole('heading', { name: yuan(e.amount) })).toBeVisible();
      await expect(page.getByText(`已新建费用记录“${today} ${e.category} ${yuan(e.amount)}”`)).toBeVisible();
      await expect(page.getByText(e.description)).toBeVisible();
      await expect(page.getByRole('link', { name: CUSTOMER }).first()).toBeVisible();
      if (i === 0) await shot(page, info, 'expense-detail');
      await page.getByRole('link', { name: '浏览费用' }).click();
    }

    const list = page.getByRole('table', { name: '费用列表' });
    await expect(total).toHaveText(`合计：${yuan(2000.5)}（共 2 笔）`);
    await expect(list.getByRole('row')).toHaveCount(3); // header + 2
    for (const e of expenses) {
      const row = list.getByRole('row').filter({ hasText: e.category });
      await expect(row).toContainText(yuan(e.amount));
      await expect(row).toContainText(CUSTOMER);
      await expect(row).toContainText(today);
    }
    await shot(page, info, 'expense-list-two');

    // 删除 the 招待费 one, picked by its checkbox.
    await list.getByRole('checkbox', { name: `选择 ${today} 招待费 ${yuan(800.5)}` }).check();
    await page.getByRole('button', { name: '删除所选费用（1）' }).click();
    const dialog = page.getByRole('dialog', { name: '删除费用' });
    await expect(dialog).toContainText(
      `确定要删除费用记录“${today} 招待费 ${yuan(800.5)} ${CUSTOMER}”吗？可在回收站中恢复。`,
    );
    await shot(page, info, 'expense-delete-confirm');
    await dialog.getByRole('button', { name: '删除' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('已删除 1 笔费用')).toBeVisible();
    await expect(total).toHaveText(`合计：${yuan(1200)}（共 1 笔）`);
    await expect(list.getByRole('row')).toHaveCount(2);
    await expect(list.getByRole('row').filter({ hasText: '招待费' })).toHaveCount(0);
    await expect(list.getByRole('row').filter({ hasText: '差旅费' })).toContainText(yuan(1200));
    await shot(page, info, 'expense-list-after-delete');

    // The customer's 费用 tab says the same.
    await openCustomer(page, CUSTOMER);
    await expect(customerTab(page, '费用')).toHaveText('费用1');
    await expect(customerTab(page, '服务反馈')).toHaveText('服务反馈0');
    await customerTab(page, '费用').click();
    await expect(page.getByRole('status', { name: '费用合计' })).toHaveText(`合计：${yuan(1200)}（共 1 笔）`);
    await shot(page, info, 'customer-expenses-tab');
  });

  await test.step('6 基础数据：客户等级 VIP客户 改名为 战略客户', async () => {
    // 基础数据、自定义字段和回收站在页头的「设置」菜单里。
    await page.getByRole('banner').getByRole('button', { name: '设置' }).click();
    await expect(page.getByRole('menuitem')).toHaveText(['基础数据', '自定义字段', '回收站']);
    await shot(page, info, 'settings-menu');
    await page.keyboard.press('Escape');
    await openModule(page, '基础数据');
    await expect(page.getByRole('heading', { name: '基础数据', exact: true })).toBeVisible();
    await page
      .getByRole('navigation', { name: '基础数据列表' })
      .getByRole('link', { name: '客户等级' })
      .click();
    const levels = page.getByRole('table', { name: '客户等级' });
    await expect(levels.getByRole('cell', { name: 'VIP客户', exact: true })).toBeVisible();
    await shot(page, info, 'base-data-levels');
    await levels.getByRole('button', { name: '修改 VIP客户' }).click();
    const dialog = page.getByRole('dialog', { name: '修改客户等级：VIP客户' });
    await expect(dialog.getByLabel('中文名称')).toHaveValue('VIP客户');
    await expect(dialog).toContainText('改名后，所有使用此项的记录都显示新名称。');
    await dialog.getByLabel('中文名称').fill('战略客户');
    await shot(page, info, 'base-data-rename-dialog');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('已保存“战略客户”')).toBeVisible();
    await expect(levels.getByRole('cell', { name: '战略客户', exact: true })).toBeVisible();
    await expect(levels.getByRole('cell', { name: 'VIP客户', exact: true })).toHaveCount(0);
    await shot(page, info, 'base-data-renamed');

    // The customer's level now reads 战略客户: in the list and on its page.
    await openModule(page, '客户管理');
    const row = rowWith(page.getByRole('table', { name: '客户列表' }), page, CUSTOMER);
    await expect(row.getByRole('cell', { name: '战略客户', exact: true })).toBeVisible();
    await expect(row).not.toContainText('VIP客户');
    await shot(page, info, 'customer-list-renamed-level');
    await row.getByRole('link', { name: CUSTOMER }).click();
    await expect(page.getByRole('heading', { name: CUSTOMER })).toBeVisible();
    await expect(page.getByText('战略客户', { exact: true })).toHaveCount(2); // header badge + 客户等级
    await expect(page.getByText('VIP客户')).toHaveCount(0);
    await shot(page, info, 'customer-detail-renamed-level');
  });

  await test.step('7 全局查找：Ctrl+K，输入“华信”，Enter 打开客户', async () => {
    // From another module's screen (a short one, so the full-page picture is all under the overlay).
    await openModule(page, '费用');
    await page.keyboard.press('Control+K');
    const search = page.getByRole('textbox', { name: '查找客户、联系人、机会、销售和产品' });
    await expect(search).toBeFocused();
    await expect(page.getByText('输入至少一个字，查找客户、联系人、机会、销售和产品')).toBeVisible();
    await search.fill('华信');
    const customers = page.getByRole('group', { name: '客户', exact: true });
    await expect(customers.getByRole('button', { name: new RegExp(`^${CUSTOMER}`) })).toBeVisible();
    await expect(customers.getByRole('button', { name: new RegExp(`^${CUSTOMER}`) })).toContainText(
      'C000001',
    );
    await shot(page, info, 'global-search');
    await search.press('Enter');
    await expect(search).toBeHidden();
    await expect(page.getByRole('heading', { name: CUSTOMER })).toBeVisible();
    await expect(page.getByRole('tab', { name: '客户管理' })).toHaveAttribute('aria-selected', 'true');

    // The header button opens it too, and a search with no match says so.
    await page.getByRole('button', { name: '全局查找 (Ctrl+K)' }).click();
    await expect(search).toBeFocused();
    await search.fill('不存在的名字');
    await expect(page.getByText('没有找到', { exact: true })).toBeVisible();
    await shot(page, info, 'global-search-nothing');
    await search.press('Escape');
    await expect(search).toBeHidden();
  });

  await test.step('8 按 ? 打开快捷键表', async () => {
    // Not in a text box: single-key shortcuts are off while typing.
    await page.getByRole('heading', { name: CUSTOMER }).click();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: '快捷键' });
    await expect(dialog).toBeVisible();
    const table = dialog.getByRole('table', { name: '快捷键' });
    await expect(table.getByRole('row')).toHaveCount(8); // header + 7
    await expect(table).toContainText('全局查找');
    await expect(table).toContainText('显示本快捷键表');
    await shot(page, info, 'shortcut-help');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: CUSTOMER })).toBeVisible();
  });
});

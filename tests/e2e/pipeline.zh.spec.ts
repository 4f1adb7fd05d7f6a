import { expect, test } from './fixtures';
import { choose, customerTab, openCustomer, openModule, pick, shot, yuan } from './ui';

test.use({ locale: 'zh-CN' });

const CUSTOMER = '北京华信科技有限公司';
const CONTACT = '王建国';
const DEAL = '华信数据中心扩容项目';
const VISIT = '拜访王经理，确认交货时间';

interface NewProduct {
  name: string;
  category: string;
  unit: string;
  price: number; // yuan
}
const server: NewProduct = { name: '服务器 R740', category: '硬件', unit: '台', price: 12_000 };
const network: NewProduct = { name: '千兆交换机', category: '硬件', unit: '台', price: 3_500 };

/** A line's amount in yuan, as a student works it out: quantity × price × (1 − discount). */
const amount = (quantity: number, price: number, discountPercent = 0) =>
  Math.round(quantity * price * (100 - discountPercent)) / 100;

test('实验四、五 销售管道：产品、客户与联系人、机会与明细、看板、赢单转销售、销售和明细、行动与今日回访', async ({
  page,
  crm,
}, info) => {
  expect(crm.url).toContain('token=');
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));

  const serverLine = { quantity: 2, discount: 0, amount: amount(2, server.price) };
  const networkLine = { quantity: 4, discount: 10, amount: amount(4, network.price, 10) };
  const dealTotal = serverLine.amount + networkLine.amount;
  expect([serverLine.amount, networkLine.amount, dealTotal]).toEqual([24_000, 12_600, 36_600]);

  await expect(page.getByRole('tab', { name: '桌面' })).toHaveAttribute('aria-selected', 'true');

  await test.step('1 产品：增加两个产品', async () => {
    await openModule(page, '产品');
    await expect(page.getByRole('heading', { name: '浏览产品' })).toBeVisible();
    await expect(page.getByText('共 0 个产品')).toBeVisible();
    for (const [i, p] of [server, network].entries()) {
      await page.getByRole('link', { name: '增加产品' }).click();
      await expect(page.getByRole('heading', { name: '增加产品' })).toBeVisible();
      await page.getByLabel('产品名称').fill(p.name);
      await choose(page, '产品类别', p.category);
      await page.getByLabel('单位', { exact: true }).fill(p.unit);
      await page.getByLabel('标准价格').fill(String(p.price));
      if (i === 0) await shot(page, info, 'product-add-form');
      await page.getByRole('button', { name: '保存' }).click();
      await expect(page.getByRole('heading', { name: p.name })).toBeVisible();
      await expect(page.getByText(`P00000${i + 1}`, { exact: true }).first()).toBeVisible();
      await expect(page.getByText(yuan(p.price)).first()).toBeVisible();
      if (i === 0) await shot(page, info, 'product-detail');
      await page.getByRole('link', { name: '浏览产品' }).click();
    }
    const products = page.getByRole('table', { name: '产品列表' });
    await expect(page.getByText('共 2 个产品')).toBeVisible();
    for (const p of [server, network]) {
      const row = products.getByRole('row').filter({ has: page.getByRole('link', { name: p.name }) });
      await expect(row).toContainText(yuan(p.price));
      await expect(row).toContainText(p.unit);
      await expect(row).toContainText('在售');
    }
    await shot(page, info, 'product-list');
  });

  await test.step('2 增加客户', async () => {
    await openModule(page, '客户管理');
    await page.getByRole('link', { name: '增加客户' }).click();
    await expect(page.getByRole('heading', { name: '增加客户' })).toBeVisible();
    await page.getByLabel('客户名称').fill(CUSTOMER);
    await choose(page, '客户类型', '客户');
    await shot(page, info, 'customer-add-form');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: CUSTOMER })).toBeVisible();
    await expect(page.getByText('C000001', { exact: true }).first()).toBeVisible();
    await shot(page, info, 'customer-detail');
  });

  await test.step('3 客户的联系人选项卡：就地增加联系人', async () => {
    await customerTab(page, '联系人').click();
    await expect(page.getByText('共 0 个联系人')).toBeVisible();
    await expect(customerTab(page, '联系人')).toHaveText('联系人0');
    await page.getByRole('button', { name: '增加联系人' }).click();
    const dialog = page.getByRole('dialog', { name: `增加联系人 · ${CUSTOMER}` });
    await dialog.getByLabel('姓名').fill(CONTACT);
    await dialog.getByLabel('职务').fill('采购经理');
    await dialog.getByLabel('手机', { exact: true }).fill('13900139000');
    await shot(page, info, 'contact-add-dialog');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    const contacts = page.getByRole('table', { name: '联系人列表' });
    const row = contacts.getByRole('row').filter({ has: page.getByRole('link', { name: CONTACT }) });
    await expect(row).toContainText('采购经理');
    await expect(row).toContainText('13900139000');
    await expect(page.getByText('共 1 个联系人')).toBeVisible();
    await expect(customerTab(page, '联系人')).toHaveText('联系人1');
    await shot(page, info, 'customer-contacts-tab');
  });

  await test.step('4 增加机会：两行明细，金额随输入更新', async () => {
    await customerTab(page, '机会').click();
    await expect(page.getByText('共 0 个机会')).toBeVisible();
    await page.getByRole('link', { name: '增加机会' }).click();
    await expect(page.getByRole('heading', { name: '增加机会' })).toBeVisible();
    // Opened from the customer: the customer is already chosen.
    await expect(page.getByRole('combobox', { name: '客户', exact: true })).toHaveValue(
      `${CUSTOMER}（C000001）`,
    );
    await page.getByLabel('机会名称').fill(DEAL);
    await pick(page, page, '联系人', '王', CONTACT);
    await choose(page, '阶段', '需求确认');
    await expect(page.getByLabel('可能性')).toHaveValue('30%');

    const lines = page.getByRole('table', { name: '明细', exact: true });
    const lineRow = (n: number) => lines.getByRole('row').nth(n); // row 0 is the header
    const total = lines.getByRole('row').last();

    await page.getByRole('button', { name: '增加明细' }).click();
    await pick(lines, page, '第 1 行产品', '服务器', `${server.name}（P000001）`);
    // Picking the product fills in its list price.
    await expect(lines.getByLabel('第 1 行单价')).toHaveValue(yuan(server.price));
    await lines.getByLabel('第 1 行数量').fill(String(serverLine.quantity));
    await expect(lineRow(1)).toContainText(yuan(serverLine.amount));
    await expect(total).toContainText(yuan(serverLine.amount));

    await page.getByRole('button', { name: '增加明细' }).click();
    await pick(lines, page, '第 2 行产品', '交换机', `${network.name}（P000002）`);
    await expect(lines.getByLabel('第 2 行单价')).toHaveValue(yuan(network.price));
    await lines.getByLabel('第 2 行数量').fill(String(networkLine.quantity));
    await expect(lineRow(2)).toContainText(yuan(amount(networkLine.quantity, network.price)));
    await lines.getByLabel('第 2 行折扣').fill(String(networkLine.discount));
    await expect(lineRow(2)).toContainText(yuan(networkLine.amount));
    await expect(total).toContainText(`合计${yuan(dealTotal)}`);
    // With lines, the expected amount is their total.
    await expect(page.getByLabel('预计金额')).toHaveValue(yuan(dealTotal));
    await expect(page.getByLabel('预计金额')).toBeDisabled();
    await shot(page, info, 'opportunity-add-form');

    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: DEAL })).toBeVisible();
    await expect(page.getByText('O000001', { exact: true }).first()).toBeVisible();
    await expect(page.getByText('进行中', { exact: true }).first()).toBeVisible();
    await shot(page, info, 'opportunity-detail');

    // 机会明细察看.
    const oppTabs = page.getByRole('tablist', { name: '机会信息选项卡' });
    await oppTabs.getByRole('tab', { name: /^机会明细/ }).click();
    await expect(page.getByRole('heading', { name: '机会明细察看' })).toBeVisible();
    const view = page.getByRole('table', { name: '明细', exact: true });
    await expect(view.getByRole('row')).toHaveCount(4); // header, 2 lines, total
    await expect(view.getByRole('row').nth(1)).toContainText(
      `1${server.name}${server.unit}${serverLine.quantity}${yuan(server.price)}${yuan(serverLine.amount)}`,
    );
    await expect(view.getByRole('row').nth(2)).toContainText(
      `2${network.name}${network.unit}${networkLine.quantity}${yuan(network.price)}10%${yuan(networkLine.amount)}`,
    );
    await expect(view.getByRole('row').last()).toContainText(`合计${yuan(dealTotal)}`);
    await shot(page, info, 'opportunity-lines-tab');
  });

  await test.step('5 看板：移到另一阶段', async () => {
    await openModule(page, '机会与明细');
    await expect(page.getByText('共 1 个机会')).toBeVisible();
    await shot(page, info, 'opportunity-list');
    await page.getByRole('radiogroup', { name: '显示方式' }).getByText('看板').click();
    const board = page.getByRole('list', { name: '销售机会看板' });
    const column = (stage: string) => board.getByRole('listitem', { name: new RegExp(`^${stage}：`) });
    await expect(board.getByRole('listitem')).toHaveCount(4);
    await expect(column('需求确认')).toHaveAccessibleName(`需求确认：1 个，${yuan(dealTotal)}`);
    await expect(column('方案报价')).toHaveAccessibleName('方案报价：0 个，¥0.00');
    const card = column('需求确认').getByRole('article', { name: DEAL });
    await expect(card).toContainText(CUSTOMER);
    await expect(card).toContainText(yuan(dealTotal));
    await shot(page, info, 'board-before-move');

    // The accessible way: the card's "移到阶段…" picker.
    await choose(page, `将“${DEAL}”移到阶段`, '方案报价');
    await expect(column('方案报价')).toHaveAccessibleName(`方案报价：1 个，${yuan(dealTotal)}`);
    await expect(column('需求确认')).toHaveAccessibleName('需求确认：0 个，¥0.00');
    await expect(column('方案报价').getByRole('article', { name: DEAL })).toBeVisible();
    await expect(column('需求确认').getByText('暂无机会')).toBeVisible();
    await shot(page, info, 'board-after-move');

    // And by dragging the card to the next column.
    await column('方案报价')
      .getByRole('article', { name: DEAL })
      .dragTo(column('谈判').getByText('暂无机会'));
    await expect(column('谈判')).toHaveAccessibleName(`谈判：1 个，${yuan(dealTotal)}`);
    await expect(column('方案报价')).toHaveAccessibleName('方案报价：0 个，¥0.00');
    await shot(page, info, 'board-after-drag');

    // 阶段历史 on its page shows both changes.
    await column('谈判').getByRole('link', { name: DEAL }).click();
    await expect(page.getByRole('heading', { name: DEAL })).toBeVisible();
    await page
      .getByRole('tablist', { name: '机会信息选项卡' })
      .getByRole('tab', { name: '阶段历史' })
      .click();
    const history = page.getByRole('table', { name: '阶段历史' });
    await expect(history.getByRole('row')).toHaveCount(4); // header + created + 2 moves
    await expect(history.getByRole('row').nth(1)).toContainText('（新建）需求确认');
    await expect(history.getByRole('row').nth(2)).toContainText(`需求确认方案报价${today}`);
    await expect(history.getByRole('row').nth(3)).toContainText(`方案报价谈判${today}`);
    await shot(page, info, 'opportunity-stage-history');
  });

  let wonSaleCode = '';
  await test.step('6 结束机会(转为销售)：赢单', async () => {
    await page.getByRole('button', { name: '结束机会(转为销售)' }).click();
    const dialog = page.getByRole('dialog', { name: `结束机会：${DEAL}` });
    await expect(dialog.getByRole('radio', { name: '赢单' })).toBeChecked();
    await expect(dialog.getByLabel('销售日期')).toHaveValue(today);
    await expect(dialog).toContainText(`2 行明细，合计 ${yuan(dealTotal)}`);
    await shot(page, info, 'close-won-dialog');
    await dialog.getByRole('button', { name: '确定结束' }).click();
    await expect(dialog).toBeHidden();

    // Won, read-only, with a link to the sale it became.
    await expect(page.getByText('该机会已赢单结束，只能查看。')).toBeVisible();
    const saleLink = page.getByRole('link', { name: /^查看生成的销售 SO\d{6}$/ });
    await expect(saleLink).toBeVisible();
    wonSaleCode = (await saleLink.textContent())!.replace('查看生成的销售 ', '');
    await expect(page.getByRole('link', { name: '修改机会' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '结束机会(转为销售)' })).toHaveCount(0);
    await expect(page.getByText('赢单', { exact: true }).first()).toBeVisible();
    // Still on 阶段历史: closing added the last change.
    const history = page.getByRole('table', { name: '阶段历史' });
    await expect(history.getByRole('row')).toHaveCount(5);
    await expect(history.getByRole('row').last()).toContainText(`谈判赢单${today}`);
    await shot(page, info, 'opportunity-won');

    await saleLink.click();
    await expect(page.getByRole('heading', { name: wonSaleCode })).toBeVisible();
    await expect(page.getByRole('link', { name: '来自机会 O000001' })).toBeVisible();
    await expect(page.getByText(yuan(dealTotal)).first()).toBeVisible();
    await shot(page, info, 'won-sale-detail');
    await page
      .getByRole('tablist', { name: '销售信息选项卡' })
      .getByRole('tab', { name: /^销售明细/ })
      .click();
    await expect(page.getByRole('heading', { name: '销售明细察看' })).toBeVisible();
    const saleLines = page.getByRole('table', { name: '明细', exact: true });
    await expect(saleLines.getByRole('row')).toHaveCount(4);
    await expect(saleLines.getByRole('row').nth(1)).toContainText(
      `1${server.name}${server.unit}${serverLine.quantity}${yuan(server.price)}${yuan(serverLine.amount)}`,
    );
    await expect(saleLines.getByRole('row').nth(2)).toContainText(
      `2${network.name}${network.unit}${networkLine.quantity}${yuan(network.price)}10%${yuan(networkLine.amount)}`,
    );
    await expect(saleLines.getByRole('row').last()).toContainText(`合计${yuan(dealTotal)}`);
    await shot(page, info, 'won-sale-lines');

    // Back on the board, the won opportunity has left the pipeline; the list shows it as won.
    await openModule(page, '机会与明细');
    await page.getByRole('radiogroup', { name: '显示方式' }).getByText('看板').click();
    const board = page.getByRole('list', { name: '销售机会看板' });
    await expect(board.getByRole('listitem')).toHaveCount(4);
    await expect(board.getByRole('listitem', { name: /：0 个，¥0\.00$/ })).toHaveCount(4);
    await expect(board.getByRole('article')).toHaveCount(0);
    await shot(page, info, 'board-after-won');
    await page.getByRole('radiogroup', { name: '显示方式' }).getByText('列表').click();
    const list = page.getByRole('table', { name: '机会列表' });
    const row = list.getByRole('row').filter({ has: page.getByRole('link', { name: DEAL }) });
    await expect(row).toContainText('赢单');
    await expect(row).toContainText(yuan(dealTotal));
    await shot(page, info, 'opportunity-list-won');
  });

  await test.step('7 销售和明细：新建、修改、销售明细察看、删除', async () => {
    await openModule(page, '销售和明细');
    await expect(page.getByRole('heading', { name: '浏览销售' })).toBeVisible();
    await expect(page.getByText('共 1 笔销售')).toBeVisible();
    await page.getByRole('link', { name: '新建销售' }).click();
    await expect(page.getByRole('heading', { name: '新建销售' })).toBeVisible();
    await pick(page, page, '客户', '华信', `${CUSTOMER}（C000001）`);
    await pick(page, page, '联系人', '王', CONTACT);
    await expect(page.getByLabel('销售日期')).toHaveValue(today);
    const lines = page.getByRole('table', { name: '明细', exact: true });
    await page.getByRole('button', { name: '增加明细' }).click();
    await pick(lines, page, '第 1 行产品', '交换机', `${network.name}（P000002）`);
    await expect(lines.getByLabel('第 1 行数量')).toHaveValue('1');
    await expect(page.getByLabel('金额', { exact: true })).toHaveText(yuan(network.price));
    await shot(page, info, 'sale-add-form');
    await page.getByRole('button', { name: '保存' }).click();
    const newCode = wonSaleCode.replace(/\d+$/, (n) => String(Number(n) + 1).padStart(n.length, '0'));
    await expect(page.getByRole('heading', { name: newCode })).toBeVisible();
    await expect(page.getByText(yuan(network.price)).first()).toBeVisible();
    await shot(page, info, 'sale-detail');

    // 修改销售: 3 switches instead of 1, and a server on a second line.
    await page.getByRole('link', { name: '修改销售' }).click();
    await expect(page.getByRole('heading', { name: `修改销售：${newCode}` })).toBeVisible();
    await expect(page.getByRole('combobox', { name: '客户', exact: true })).toHaveValue(CUSTOMER);
    await expect(lines.getByRole('combobox', { name: '第 1 行产品' })).toHaveValue(network.name);
    await lines.getByLabel('第 1 行数量').fill('3');
    await expect(page.getByLabel('金额', { exact: true })).toHaveText(yuan(amount(3, network.price)));
    await page.getByRole('button', { name: '增加明细' }).click();
    await pick(lines, page, '第 2 行产品', '服务器', `${server.name}（P000001）`);
    const editedTotal = amount(3, network.price) + amount(1, server.price);
    await expect(page.getByLabel('金额', { exact: true })).toHaveText(yuan(editedTotal));
    await expect(lines.getByRole('row').last()).toContainText(`合计${yuan(editedTotal)}`);
    await shot(page, info, 'sale-edit-form');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: newCode })).toBeVisible();

    // 销售明细察看.
    await page
      .getByRole('tablist', { name: '销售信息选项卡' })
      .getByRole('tab', { name: /^销售明细/ })
      .click();
    const view = page.getByRole('table', { name: '明细', exact: true });
    await expect(view.getByRole('row')).toHaveCount(4);
    await expect(view.getByRole('row').nth(1)).toContainText(
      `1${network.name}${network.unit}3${yuan(network.price)}${yuan(amount(3, network.price))}`,
    );
    await expect(view.getByRole('row').nth(2)).toContainText(
      `2${server.name}${server.unit}1${yuan(server.price)}${yuan(server.price)}`,
    );
    await expect(view.getByRole('row').last()).toContainText(`合计${yuan(editedTotal)}`);
    await shot(page, info, 'sale-lines-after-edit');

    // 删除销售, confirmed in the dialog.
    await page.getByRole('button', { name: '删除销售' }).click();
    const dialog = page.getByRole('dialog', { name: '删除销售' });
    await expect(dialog).toContainText(`确定要删除销售 ${newCode}（${CUSTOMER}）吗？`);
    await shot(page, info, 'sale-delete-confirm');
    await dialog.getByRole('button', { name: '删除' }).click();
    await expect(page.getByRole('heading', { name: '浏览销售' })).toBeVisible();
    await expect(page.getByText('共 1 笔销售')).toBeVisible();
    const sales = page.getByRole('table', { name: '销售列表' });
    await expect(sales.getByRole('link', { name: newCode })).toHaveCount(0);
    const kept = sales.getByRole('row').filter({ has: page.getByRole('link', { name: wonSaleCode }) });
    await expect(kept).toContainText(yuan(dealTotal));
    await shot(page, info, 'sale-list-after-delete');
  });

  await test.step('8 行动：记录拜访，今日回访，完成', async () => {
    await openCustomer(page, CUSTOMER);
    await customerTab(page, '行动').click();
    await page.getByRole('button', { name: '记录行动' }).click();
    const dialog = page.getByRole('dialog', { name: '记录行动' });
    await expect(dialog.getByRole('combobox', { name: '客户', exact: true })).toHaveValue(CUSTOMER);
    // A new activity takes the current 业务员 (本人 in a file nobody set one in).
    await expect(dialog.getByRole('combobox', { name: '业务员', exact: true })).toHaveValue('本人');
    await pick(dialog, page, '联系人', '王', CONTACT);
    await choose(page, '行动类型', '拜访');
    await dialog.getByLabel('主题').fill(VISIT);
    await dialog.getByLabel('内容').fill('带去设备清单，王经理希望月底前到货。');
    await dialog.getByLabel('下次回访').fill(today);
    await shot(page, info, 'activity-log-dialog');
    // Leaving the date field closes its calendar, which lies over the buttons below it.
    await dialog.getByLabel('下次回访').press('Tab');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();

    const timeline = page.getByLabel('客户行动时间线');
    await expect(timeline.getByRole('link', { name: VISIT })).toBeVisible();
    await expect(timeline).toContainText(`拜访${VISIT}`);
    await expect(timeline).toContainText(`赢单${DEAL}`);
    await expect(timeline).toContainText(`销售${wonSaleCode}`);
    await expect(timeline).toContainText(`金额 ${yuan(dealTotal)}`);
    await shot(page, info, 'customer-timeline');

    await openModule(page, '桌面');
    const followUps = page.getByRole('list', { name: '今日回访' });
    const item = followUps.getByRole('listitem').filter({ hasText: VISIT });
    await expect(item).toContainText('今天');
    await expect(item).toContainText(`${CUSTOMER} · ${CONTACT} · ${today}`);
    await expect(page.getByText('1 个回访待办')).toBeVisible();
    await shot(page, info, 'home-follow-up');
    await item.getByRole('button', { name: `完成：${VISIT}` }).click();
    await expect(page.getByText(`已完成“${VISIT}”`)).toBeVisible();
    await expect(followUps).toBeHidden();
    await expect(page.getByText('今天没有需要回访的客户')).toBeVisible();
    await shot(page, info, 'home-follow-up-done');
  });

  await test.step('9 客户信息选项卡的计数与删除客户对话框', async () => {
    await openCustomer(page, CUSTOMER);
    for (const [tab, count] of [
      ['联系人', 1],
      ['机会', 1],
      ['销售', 1],
      ['行动', 1],
    ] as const) {
      await expect(customerTab(page, tab)).toHaveText(`${tab}${count}`);
    }
    await shot(page, info, 'customer-final');
    await page.getByRole('button', { name: '删除客户' }).click();
    const dialog = page.getByRole('dialog', { name: '删除客户' });
    await expect(dialog).toContainText(`确定要删除客户“${CUSTOMER}”（C000001）吗？`);
    await expect(dialog).toContainText('以下记录将一并删除');
    await expect(dialog).toContainText('1 个联系人、1 个机会、1 笔销售、1 条行动记录');
    await shot(page, info, 'customer-delete-confirm');
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: CUSTOMER })).toBeVisible();
  });
});

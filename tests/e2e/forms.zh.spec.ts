import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openModule, shot } from './ui';

test.use({ locale: 'zh-CN' });

/**
 * Every record kind's form, as a new user meets it: what was typed is never thrown away by Esc
 * or by leaving. `text` is a field to type into, `select` a dropdown to open, `date` a date
 * field whose calendar opens.
 */
const forms = [
  { module: '客户管理', add: '增加客户', text: '客户名称', select: '客户类型', date: null },
  { module: '联系人管理', add: '增加联系人', text: '姓名', select: '性别', date: '生日' },
  { module: '产品', add: '增加产品', text: '产品名称', select: '产品类别', date: null },
  { module: '机会与明细', add: '增加机会', text: '机会名称', select: '机会来源', date: '预计成交日期' },
  { module: '销售和明细', add: '新建销售', text: '备注', select: '状态', date: '销售日期' },
  { module: '行动', add: '新建行动', text: '主题', select: '行动类型', date: '下次回访' },
  { module: '服务反馈', add: '新建服务反馈', text: '主题', select: '优先级', date: '受理日期' },
  { module: '费用', add: '新建费用记录', text: '说明', select: '类别', date: '日期' },
];

/** The module's list, then its add form. */
async function openForm(page: Page, form: (typeof forms)[number]) {
  await openModule(page, form.module);
  await page.getByRole('link', { name: form.add }).click();
  await expect(page.getByRole('heading', { name: form.add, level: 2 })).toBeVisible();
}

/** A text box by its label, whether or not the label carries the required mark. */
const textBox = (page: Page, label: string) =>
  page.getByRole('textbox', { name: new RegExp(`^${label}\\s*\\*?$`) });

const question = (page: Page) => page.getByRole('dialog', { name: '有尚未保存的修改' });

for (const form of forms) {
  test(`${form.add}：Esc 只关下拉框，离开前先问`, async ({ page, crm: _crm }, info) => {
    const heading = page.getByRole('heading', { name: form.add, level: 2 });
    const typed = `输入的内容 ${form.module}`;

    await test.step('a form without changes leaves at once', async () => {
      await openForm(page, form);
      await page.getByRole('tab', { name: '桌面' }).click();
      await expect(page.getByRole('tab', { name: '桌面' })).toHaveAttribute('aria-selected', 'true');
      await expect(heading).toBeHidden();
      await expect(question(page)).toBeHidden();
    });

    await test.step('Esc in an open dropdown closes the dropdown, not the form', async () => {
      await openForm(page, form);
      await textBox(page, form.text).fill(typed);
      const select = page.getByRole('combobox', { name: form.select, exact: true });
      await select.click();
      await expect(page.getByRole('listbox')).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('listbox')).toBeHidden();
      await expect(heading).toBeVisible();
      await expect(question(page)).toBeHidden();
      await expect(textBox(page, form.text)).toHaveValue(typed);
      if (form.date) {
        await textBox(page, form.date).click();
        const calendar = page.getByRole('button', { name: '上个月' });
        await expect(calendar).toBeVisible();
        await page.keyboard.press('Escape');
        await expect(calendar).toBeHidden();
        await expect(heading).toBeVisible();
        await expect(question(page)).toBeHidden();
      }
    });

    await test.step('another tab asks first; 继续编辑 keeps the input', async () => {
      await page.getByRole('tab', { name: '桌面' }).click();
      await expect(question(page)).toBeVisible();
      await expect(question(page).getByRole('button', { name: '保存' })).toBeVisible();
      await shot(page, info, `leave-question-${form.module}`);
      await question(page).getByRole('button', { name: '继续编辑' }).click();
      await expect(question(page)).toBeHidden();
      await expect(heading).toBeVisible();
      await expect(textBox(page, form.text)).toHaveValue(typed);
    });

    await test.step('Esc outside a dropdown asks too; Esc in the question keeps editing', async () => {
      await textBox(page, form.text).press('Escape');
      await expect(question(page)).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(question(page)).toBeHidden();
      await expect(heading).toBeVisible();
      await expect(textBox(page, form.text)).toHaveValue(typed);
    });

    await test.step('放弃修改 leaves', async () => {
      await page.getByRole('tab', { name: '桌面' }).click();
      await question(page).getByRole('button', { name: '放弃修改' }).click();
      await expect(page.getByRole('tab', { name: '桌面' })).toHaveAttribute('aria-selected', 'true');
      await expect(heading).toBeHidden();
    });

    await test.step('the window asks before it closes with changes, and not without', async () => {
      await openForm(page, form);
      const withoutChanges = await page.evaluate(() => {
        const e = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      });
      expect(withoutChanges).toBe(false);
      await textBox(page, form.text).fill(typed);
      const withChanges = await page.evaluate(() => {
        const e = new Event('beforeunload', { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      });
      expect(withChanges).toBe(true);
    });
  });
}

test('保存 in the question saves, then goes where the user was going', async ({ page, crm }) => {
  await openForm(page, forms[0]!);
  await page.getByLabel('客户名称').fill('杭州西湖茶业有限公司');
  await page.getByRole('tab', { name: '产品' }).click();
  await question(page).getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('tab', { name: '产品' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('已增加客户', { exact: false })).toBeVisible();
  const res = await page.request.post(`${new URL(crm.url).origin}/api/customers.list`, {
    data: { keyword: '西湖茶业' },
  });
  expect(((await res.json()) as { data: { total: number } }).data.total).toBe(1);
});

test('保存 in the question with a wrong field stays, with the reason beside it', async ({
  page,
  crm: _crm,
}) => {
  await openForm(page, forms[0]!);
  await page.getByLabel('电子邮件').fill('sales@');
  await page.getByRole('tab', { name: '产品' }).click();
  await question(page).getByRole('button', { name: '保存' }).click();
  await expect(question(page)).toBeHidden();
  await expect(page.getByRole('heading', { name: '增加客户', level: 2 })).toBeVisible();
  await expect(page.getByText('必填')).toBeVisible();
  await expect(page.getByText('不是有效的邮箱地址', { exact: false })).toBeVisible();
  await expect(page.getByLabel('电子邮件')).toHaveValue('sales@');
});

test('a settings dialog with changes asks before it closes', async ({ page, crm: _crm }) => {
  await openModule(page, '基础数据');
  await page.getByRole('button', { name: '增加', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: /增加/ });
  await expect(dialog).toBeVisible();
  // Unchanged: Esc closes it at once.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByRole('button', { name: '增加', exact: true }).click();
  await dialog.getByLabel('中文名称').fill('政府采购');
  await page.keyboard.press('Escape');
  await expect(question(page)).toBeVisible();
  await question(page).getByRole('button', { name: '继续编辑' }).click();
  await expect(dialog.getByLabel('中文名称')).toHaveValue('政府采购');
  await dialog.getByRole('button', { name: '取消' }).click();
  await question(page).getByRole('button', { name: '放弃修改' }).click();
  await expect(dialog).toBeHidden();
});

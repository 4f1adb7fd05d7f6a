import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { openModule, shot } from './ui';

test.use({ locale: 'zh-CN' });

const TEMPLATES = ['通用', '零售', '制造', '餐饮', '软件与IT', '教育培训'];
const RETAIL = ['食品饮料', '生鲜果蔬', '日用百货', '服装鞋帽', '家用电器', '美妆个护', '母婴用品'];

const firstRun = (page: Page) => page.getByRole('dialog', { name: '欢迎使用 Solo CRM' });

/** 设置 → 基础数据, then one of its lists; returns that list's table. */
async function openList(page: Page, list: string) {
  await openModule(page, '基础数据');
  await page.getByRole('navigation', { name: '基础数据列表' }).getByRole('link', { name: list }).click();
  return page.getByRole('table', { name: list });
}

/** The rows of a 基础数据 table, header left out, as their Chinese names. */
const names = (table: Locator) => table.locator('tbody tr td:nth-child(2) p');

test.describe('新数据库的首次运行', () => {
  test.use({ firstRun: true });

  test('新数据库：选零售模板、填写姓名，基础数据和新机会的业务员随之设好', async ({ page, crm }, info) => {
    expect(crm.url).toContain('token=');
    const dialog = firstRun(page);

    await test.step('1 首次运行对话框：六个行业模板，各带产品类别预览', async () => {
      await expect(dialog).toBeVisible();
      const templates = dialog.getByRole('radiogroup', { name: '行业模板' });
      for (const name of TEMPLATES) await expect(templates.getByRole('radio', { name })).toBeVisible();
      await expect(templates.getByRole('radio', { name: '通用' })).toHaveAttribute('aria-checked', 'true');
      const retail = templates.getByRole('radio', { name: '零售' });
      await expect(retail).toHaveAccessibleDescription(`产品类别：${RETAIL.join('、')}`);
      await retail.click();
      await expect(retail).toHaveAttribute('aria-checked', 'true');
      await expect(templates.getByRole('radio', { name: '通用' })).toHaveAttribute('aria-checked', 'false');
      await dialog.getByRole('textbox', { name: '您的姓名（业务员）' }).fill('李娜');
      await expect(dialog.getByRole('button', { name: '跳过，保留默认设置' })).toBeVisible();
      await shot(page, info, 'first-run-retail');
      await dialog.getByRole('button', { name: '开始使用' }).click();
      await expect(dialog).toBeHidden();
      await expect(page.getByText('已按“零售”模板设置好。可随时在“设置 → 基础数据”中修改。')).toBeVisible();
    });

    await test.step('2 基础数据 → 产品类别：零售的类别', async () => {
      const categories = await openList(page, '产品类别');
      await expect(names(categories)).toHaveText(RETAIL);
      await expect(page.getByText('共 7 项')).toBeVisible();
      await shot(page, info, 'product-categories');
    });

    await test.step('3 基础数据 → 业务员：李娜是当前业务员，可改选他人', async () => {
      const reps = await openList(page, '业务员');
      const li = reps.getByRole('row').filter({ hasText: '李娜' });
      await expect(li.getByText('当前业务员', { exact: true })).toBeVisible();
      await expect(li.getByRole('button', { name: '设为当前业务员：李娜' })).toBeDisabled();

      await page.getByRole('button', { name: '增加', exact: true }).click();
      const add = page.getByRole('dialog', { name: '增加业务员' });
      await add.getByRole('textbox', { name: '中文名称' }).fill('王芳');
      await add.getByRole('button', { name: '保存' }).click();
      await expect(add).toBeHidden();
      const wang = reps.getByRole('row').filter({ hasText: '王芳' });
      await wang.getByRole('button', { name: '设为当前业务员：王芳' }).click();
      await expect(wang.getByText('当前业务员', { exact: true })).toBeVisible();
      await expect(li.getByText('当前业务员', { exact: true })).toBeHidden();
      await expect(reps.getByText('当前业务员', { exact: true })).toHaveCount(1);
      await li.getByRole('button', { name: '设为当前业务员：李娜' }).click();
      await expect(li.getByText('当前业务员', { exact: true })).toBeVisible();
      await expect(reps.getByText('当前业务员', { exact: true })).toHaveCount(1);
      await shot(page, info, 'sales-reps');
    });

    await test.step('4 应用行业模板：只增加缺少的类别', async () => {
      await page.getByRole('button', { name: '应用行业模板' }).click();
      const apply = page.getByRole('dialog', { name: '应用行业模板' });
      await apply.getByRole('radio', { name: '餐饮' }).click();
      await shot(page, info, 'apply-template');
      await apply.getByRole('button', { name: '应用', exact: true }).click();
      await expect(apply).toBeHidden();
      await expect(page.getByText(/^已增加 \d+ 项：热菜、凉菜/)).toBeVisible();
      const categories = await openList(page, '产品类别');
      await expect(names(categories)).toHaveText([
        ...RETAIL,
        '热菜',
        '凉菜',
        '主食',
        '酒水饮料',
        '套餐',
        '宴会',
        '外卖',
      ]);
    });

    await test.step('5 重新打开：不再询问', async () => {
      await page.reload();
      await expect(page.getByRole('heading', { name: '基础数据', exact: true })).toBeVisible();
      await expect(dialog).toBeHidden();
    });

    await test.step('6 机会与明细 → 增加机会：业务员已填好', async () => {
      await openModule(page, '机会与明细');
      await page.getByRole('link', { name: '增加机会' }).click();
      await expect(page.getByRole('heading', { name: '增加机会' })).toBeVisible();
      await shot(page, info, 'new-opportunity');
      // The record forms read useCurrentRepId() for their default 业务员.
      await expect(page.getByRole('combobox', { name: '业务员', exact: true })).toHaveValue('李娜');
    });
  });

  test('跳过：保留默认基础数据，也不再询问', async ({ page, crm }, info) => {
    expect(crm.url).toContain('token=');
    const dialog = firstRun(page);
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '跳过，保留默认设置' }).click();
    await expect(dialog).toBeHidden();
    await expect(
      page.getByText('已保留默认基础数据。可随时在“设置 → 基础数据”中应用行业模板。'),
    ).toBeVisible();

    const categories = await openList(page, '产品类别');
    await expect(names(categories)).toHaveText(['硬件', '软件', '服务', '耗材']);
    const reps = await openList(page, '业务员');
    await expect(reps.getByRole('row').filter({ hasText: '本人' }).getByText('当前业务员')).toBeVisible();
    await shot(page, info, 'skipped-sales-reps');

    await page.reload();
    await expect(page.getByRole('heading', { name: '基础数据', exact: true })).toBeVisible();
    await expect(dialog).toBeHidden();
  });
});

// The other specs start set up (the fixture's default): no dialog in the way.
test('默认的测试数据库已设置好，不显示首次运行对话框', async ({ page, crm }) => {
  expect(crm.url).toContain('token=');
  await expect(page.getByRole('tab', { name: '桌面' })).toHaveAttribute('aria-selected', 'true');
  await expect(firstRun(page)).toBeHidden();
});

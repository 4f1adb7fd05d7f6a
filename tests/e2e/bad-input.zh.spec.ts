import type { Locator, Page } from '@playwright/test';
import { api, expect, test } from './fixtures';
import { openModule, pick, shot } from './ui';

test.use({ locale: 'zh-CN' });

const CUSTOMER = '成都天府软件园有限公司';
const PRODUCT = '办公软件许可';

/** How many records of a kind the file holds, asked of the registry (not of the screen). */
const count = async (page: Page, kind: string) => (await api<{ total: number }>(page, `${kind}.list`)).total;

/** A field's own message: the error text Mantine ties to the input (aria-describedby). */
async function expectFieldError(field: Locator, message: string) {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
}

/** Types a value into a field and leaves it, the way a user moves on to the next one. */
async function typeAndLeave(field: Locator, value: string) {
  await field.fill(value);
  await field.blur();
}

test('新建销售：错误的数量、单价、折扣和日期留在原处，旁边说明原因，保存被拒绝', async ({
  page,
  crm: _crm,
}, info) => {
  await api(page, 'customers.create', { name: CUSTOMER });
  await api(page, 'products.create', { name: PRODUCT, unit: '套', listPrice: 99_900 });

  await openModule(page, '销售和明细');
  await page.getByRole('link', { name: '新建销售' }).click();
  await expect(page.getByRole('heading', { name: '新建销售', level: 2 })).toBeVisible();
  await pick(page, page, '客户', '天府', `${CUSTOMER}（C000001）`);
  await page.getByRole('button', { name: '增加明细' }).click();
  const lines = page.getByRole('table', { name: '明细' });
  await pick(lines, page, '第 1 行产品', '办公', `${PRODUCT}（P000001）`);

  const quantity = lines.getByLabel('第 1 行数量');
  const price = lines.getByLabel('第 1 行单价');
  const discount = lines.getByLabel('第 1 行折扣');
  const saleDate = page.getByRole('textbox', { name: /^销售日期/ });

  const cases: [Locator, string, string][] = [
    [quantity, '-5', '必须大于 0'],
    [price, '-100', '不能小于 0'],
    [discount, '150', '不能大于 100'],
    [saleDate, '2026/13/45', '不是有效的日期，请按 2026-11-22 的格式输入'],
  ];
  for (const [field, value, message] of cases) {
    await typeAndLeave(field, value);
    await expect(field).toHaveValue(value);
    await expectFieldError(field, message);
  }
  await shot(page, info, 'sale-bad-values');

  // 保存 is refused: the form stays, every value as typed, and nothing reaches the file.
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { name: '新建销售', level: 2 })).toBeVisible();
  for (const [field, value, message] of cases) {
    await expect(field).toHaveValue(value);
    await expectFieldError(field, message);
  }
  expect(await count(page, 'sales')).toBe(0);

  // Letters in a number stay too, and say what is wanted.
  await typeAndLeave(quantity, 'abc');
  await expect(quantity).toHaveValue('abc');
  await expectFieldError(quantity, '请输入数字');

  // Fixed, the same form saves, and the sale holds exactly what was typed.
  await typeAndLeave(quantity, '2');
  await typeAndLeave(price, '1,280.50');
  await typeAndLeave(discount, '10');
  await typeAndLeave(saleDate, '2026-11-20');
  await expect(price).toHaveValue('¥1,280.50');
  await expect(page.getByLabel('合计')).toHaveText('¥2,304.90');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { name: /^SO\d+/ })).toBeVisible();
  const { rows } = await api<{ rows: { amount: number; saleDate: string }[] }>(page, 'sales.list');
  expect(rows).toEqual([expect.objectContaining({ amount: 230_490, saleDate: '2026-11-20' })]);
});

test('增加产品：“十二元”留在价格框里并说明原因；名称到上限就停，并显示字数', async ({
  page,
  crm: _crm,
}, info) => {
  await openModule(page, '产品');
  await page.getByRole('link', { name: '增加产品' }).click();
  const name = page.getByRole('textbox', { name: /^产品名称/ });
  const price = page.getByRole('textbox', { name: '标准价格' });

  await name.fill('许'.repeat(5000));
  await expect(name).toHaveValue('许'.repeat(200));
  await expect(page.getByText('200 / 200')).toBeVisible();

  await typeAndLeave(price, '十二元');
  await expect(price).toHaveValue('十二元');
  await expectFieldError(price, '请输入数字');
  await typeAndLeave(page.getByRole('textbox', { name: '成本' }), '12.345');
  await expectFieldError(page.getByRole('textbox', { name: '成本' }), '最多 2 位小数');
  await shot(page, info, 'product-bad-values');

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByRole('heading', { name: '增加产品', level: 2 })).toBeVisible();
  await expect(price).toHaveValue('十二元');
  expect(await count(page, 'products')).toBe(0);
});

test('增加客户：名称超长时停在上限，接近上限时显示字数', async ({ page, crm: _crm }) => {
  await openModule(page, '客户管理');
  await page.getByRole('link', { name: '增加客户' }).click();
  const name = page.getByRole('textbox', { name: /^客户名称/ });
  await name.fill('华'.repeat(150));
  await expect(page.getByText('/ 200')).toBeHidden();
  await name.fill('华'.repeat(170));
  await expect(page.getByText('170 / 200')).toBeVisible();
  await name.pressSequentially('信'.repeat(40));
  await expect(name).toHaveValue(`${'华'.repeat(170)}${'信'.repeat(30)}`);
  await expect(page.getByText('200 / 200')).toBeVisible();
});

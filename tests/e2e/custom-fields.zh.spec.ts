import fs from 'node:fs';
import type { Page, TestInfo } from '@playwright/test';
import ExcelJS from 'exceljs';
import { expect, test } from './fixtures';
import { choose, openModule, shot } from './ui';

test.use({ locale: 'zh-CN' });

const SIZE = '客户规模';
const PURCHASE = '年采购额（万元）';
const SINCE = '首次合作日期';
const BIG = { name: '北京华信科技有限公司', size: '大型', purchase: '1,250', since: '2019-04-18' };
const MEDIUM = { name: '上海明达贸易有限公司', size: '中型', purchase: '86.5', since: '2022-09-01' };

/** 增加字段 in the dialog; `options` for a choice field. */
async function addField(
  page: Page,
  field: { label: string; type: string; options?: string[]; required?: boolean; showInList?: boolean },
  info?: TestInfo,
) {
  await page.getByRole('button', { name: '增加字段' }).click();
  const dialog = page.getByRole('dialog', { name: '增加客户字段' });
  await dialog.getByLabel('字段名称').fill(field.label);
  await choose(page, '类型', field.type);
  for (const option of field.options ?? []) {
    await dialog.getByLabel('选项').fill(option);
    await dialog.getByLabel('选项').press('Enter');
  }
  if (field.required) await dialog.getByRole('checkbox', { name: '必填' }).check();
  if (field.showInList) await dialog.getByRole('checkbox', { name: '在列表中显示' }).check();
  if (info) await shot(page, info, 'add-field-dialog');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(
    page
      .getByRole('table', { name: '客户的自定义字段' })
      .getByRole('cell', { name: field.label, exact: true }),
  ).toBeVisible();
}

test('自定义字段：增加客户字段，在表单、详情页、字段详情表、列表列和筛选中使用', async ({
  page,
  crm,
}, info) => {
  expect(crm.url).toContain('token=');

  await test.step('1 设置：为客户增加单选、数字和日期字段', async () => {
    await openModule(page, '自定义字段');
    await expect(page.getByRole('heading', { name: '自定义字段', level: 2 })).toBeVisible();
    await expect(page.getByRole('radio', { name: '客户' })).toBeChecked();
    await expect(page.getByText('还没有客户的自定义字段')).toBeVisible();

    await addField(
      page,
      { label: SIZE, type: '单选', options: ['大型', '中型', '小型'], required: true, showInList: true },
      info,
    );
    await addField(page, { label: PURCHASE, type: '数字', showInList: true });
    await addField(page, { label: SINCE, type: '日期' });

    const table = page.getByRole('table', { name: '客户的自定义字段' });
    await expect(page.getByText('共 3 个字段')).toBeVisible();
    const sizeRow = table.getByRole('row').filter({ hasText: SIZE });
    await expect(sizeRow).toContainText('单选');
    await expect(sizeRow).toContainText('大型中型小型');
    // The type is fixed once the field exists: the edit dialog says so and does not offer it.
    await page.getByRole('button', { name: `修改 ${PURCHASE}` }).click();
    const edit = page.getByRole('dialog', { name: `修改客户字段：${PURCHASE}` });
    await expect(edit.getByLabel('类型')).toBeDisabled();
    await expect(edit.getByText('字段创建后不能改类型')).toBeVisible();
    await edit.getByRole('button', { name: '取消' }).click();
    await expect(edit).toBeHidden();
    await shot(page, info, 'settings');
  });

  await test.step('2 增加客户：必填的自定义字段未填，保存被拒绝', async () => {
    await openModule(page, '客户管理');
    await page.getByRole('link', { name: '增加客户' }).click();
    await expect(page.getByRole('heading', { name: '增加客户' })).toBeVisible();
    const section = page.getByRole('group', { name: '自定义字段' });
    await expect(section.getByRole('combobox', { name: SIZE })).toBeVisible();
    await expect(section.getByLabel(PURCHASE)).toBeVisible();
    await expect(section.getByLabel(SINCE)).toBeVisible();

    await page.getByLabel('客户名称').fill(BIG.name);
    await page.getByLabel('客户简称').fill('华信科技');
    await page.getByLabel('电话', { exact: true }).fill('010-8888 1234');
    await section.getByLabel(PURCHASE).fill('1250');
    await page.getByRole('button', { name: '保存' }).click();
    const size = section.getByRole('combobox', { name: SIZE });
    await expect(size).toHaveAttribute('aria-invalid', 'true');
    await expect(section.getByText('必填')).toBeVisible();
    await expect(page.getByRole('heading', { name: '增加客户' })).toBeVisible();
    await shot(page, info, 'form-required-error');

    await choose(page, SIZE, BIG.size);
    await expect(size).not.toHaveAttribute('aria-invalid', 'true');
    await section.getByLabel(SINCE).fill(BIG.since);
    await section.getByLabel(SINCE).press('Tab');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: BIG.name })).toBeVisible();
  });

  await test.step('3 详情页和客户字段详情表显示自定义字段', async () => {
    // 基本信息: each custom field as label and value.
    const basic = page.getByRole('tabpanel', { name: '基本信息' });
    for (const [label, value] of [
      [SIZE, BIG.size],
      [PURCHASE, BIG.purchase],
      [SINCE, BIG.since],
    ] as const) {
      await expect(basic.getByText(label, { exact: true })).toBeVisible();
      await expect(basic.getByText(value, { exact: true })).toBeVisible();
    }
    await shot(page, info, 'detail');

    await page.getByRole('link', { name: '客户字段详情表' }).click();
    const table = page.getByRole('table', { name: `客户字段详情表：${BIG.name}` });
    await expect(table.getByRole('row', { name: `${SIZE} ${BIG.size}` })).toBeVisible();
    await expect(table.getByRole('row', { name: `${PURCHASE} ${BIG.purchase}` })).toBeVisible();
    await expect(table.getByRole('row', { name: `${SINCE} ${BIG.since}` })).toBeVisible();
    await shot(page, info, 'field-table');
  });

  await test.step('4 再增加一个中型客户，列表显示客户规模列', async () => {
    await openModule(page, '客户管理');
    await page.getByRole('link', { name: '增加客户' }).click();
    await page.getByLabel('客户名称').fill(MEDIUM.name);
    await page.getByLabel('客户简称').fill('明达贸易');
    await page.getByLabel('电话', { exact: true }).fill('021-6688 2200');
    await choose(page, SIZE, MEDIUM.size);
    await page.getByLabel(PURCHASE).fill('86.5');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('heading', { name: MEDIUM.name })).toBeVisible();

    await openModule(page, '客户管理');
    const list = page.getByRole('table', { name: '客户列表' });
    await expect(page.getByText('共 2 个客户')).toBeVisible();
    await expect(list.getByRole('columnheader', { name: SIZE })).toBeVisible();
    await expect(list.getByRole('columnheader', { name: PURCHASE })).toBeVisible();
    // A field not shown in lists has no column.
    await expect(list.getByRole('columnheader', { name: SINCE })).toHaveCount(0);
    await expect(list.getByRole('row').filter({ hasText: MEDIUM.name })).toContainText(MEDIUM.size);
    await expect(list.getByRole('row').filter({ hasText: MEDIUM.name })).toContainText(MEDIUM.purchase);
    await shot(page, info, 'list-columns');
  });

  await test.step('5 按客户规模 = 大型 筛选，重新加载后仍保留', async () => {
    const list = page.getByRole('table', { name: '客户列表' });
    await choose(page, '按自定义字段筛选', SIZE);
    await choose(page, SIZE, '大型');
    await expect(page.getByText('共 1 个客户')).toBeVisible();
    await expect(list.getByRole('link', { name: BIG.name })).toBeVisible();
    await expect(list.getByRole('link', { name: MEDIUM.name })).toHaveCount(0);
    await shot(page, info, 'list-filtered');

    await page.reload();
    await expect(page.getByRole('combobox', { name: SIZE, exact: true })).toHaveValue('大型');
    await expect(page.getByText('共 1 个客户')).toBeVisible();
    await expect(list.getByRole('link', { name: MEDIUM.name })).toHaveCount(0);

    // 导出 writes what the filtered list shows, custom columns included, as CSV and as Excel.
    await page.getByRole('button', { name: '导出' }).click();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: '导出为 CSV', exact: true }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/^客户管理 \d{4}-\d{2}-\d{2}\.csv$/);
    const text = fs.readFileSync(await csv.path(), 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`客户编号,客户名称`);
    expect(lines[0]).toContain(`${SIZE},${PURCHASE}`);
    expect(lines[1]).toContain(`${BIG.name}`);
    // A number goes out as the number (1250), not grouped as the list shows it (1,250).
    expect(lines[1]).toContain(`${BIG.size},1250`);
    await expect(page.getByText('已导出 1 条记录')).toBeVisible();
    await page.getByRole('button', { name: '导出' }).click();
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: '导出为 Excel', exact: true }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await xlsx.path());
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toContain(SIZE);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toContain(BIG.size);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toContain(1250);

    // A number range: 年采购额 from 100 keeps only the big customer too; clearing the field shows both.
    await choose(page, '按自定义字段筛选', PURCHASE);
    await expect(page.getByText('共 2 个客户')).toBeVisible();
    await page.getByLabel(`${PURCHASE}（从）`).fill('100');
    await expect(page.getByText('共 1 个客户')).toBeVisible();
    await expect(list.getByRole('link', { name: BIG.name })).toBeVisible();
  });

  await test.step('6 联系人字段：增加联系人表单中出现多选字段', async () => {
    await openModule(page, '自定义字段');
    await page.getByRole('radiogroup', { name: '记录类型' }).getByText('联系人').click();
    await expect(page.getByRole('heading', { name: '联系人的自定义字段' })).toBeVisible();
    await page.getByRole('button', { name: '增加字段' }).click();
    const dialog = page.getByRole('dialog', { name: '增加联系人字段' });
    await dialog.getByLabel('字段名称').fill('兴趣爱好');
    await choose(page, '类型', '多选');
    for (const option of ['高尔夫', '摄影', '茶艺']) {
      await dialog.getByLabel('选项').fill(option);
      await dialog.getByLabel('选项').press('Enter');
    }
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();

    await openModule(page, '联系人管理');
    await page.getByRole('link', { name: '增加联系人' }).click();
    const section = page.getByRole('group', { name: '自定义字段' });
    await section.getByLabel('兴趣爱好').click();
    await page.getByRole('option', { name: '摄影' }).click();
    await page.getByRole('option', { name: '茶艺' }).click();
    // Esc would leave the form (取消); a click elsewhere closes the list.
    await page.getByRole('heading', { name: '增加联系人' }).click();
    await expect(section).toContainText('摄影');
    await expect(section).toContainText('茶艺');
    await shot(page, info, 'contact-form');
  });
});

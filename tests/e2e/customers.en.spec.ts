import { expect, screen, test } from './fixtures';

test.use({ locale: 'en-US' });

test('Experiment 3 in English: add, find, open, edit, field table, delete', async ({ page, crm }, info) => {
  expect(crm.dbPath).toMatch(/crm\.db$/);
  const table = page.getByRole('table', { name: 'Customer list' });
  await page.getByRole('tab', { name: 'Customers' }).click();
  await expect(page.getByRole('tab', { name: 'Customers' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('0 customers')).toBeVisible();

  for (const [name, phone] of [
    ['Northwind Traders', '(206) 555-0100'],
    ['Alfreds Futterkiste', '030-0074321'],
  ] as const) {
    await page.getByRole('link', { name: 'Add customer' }).click();
    await page.getByLabel(/^Name/).fill(name);
    await page.getByRole('combobox', { name: 'Type', exact: true }).click();
    await page.getByRole('option', { name: 'Distributor', exact: true }).click();
    await page.getByLabel('Phone', { exact: true }).fill(phone);
    await page.getByLabel('Email', { exact: true }).fill('not-an-email');
    await page.getByRole('button', { name: 'Save' }).click();
    // The form refuses what the main process would refuse, in English.
    await expect(page.getByText('Not a valid email address, e.g. name@example.com')).toBeVisible();
    await page.getByLabel('Email', { exact: true }).fill(`orders@${name.split(' ')[0]!.toLowerCase()}.com`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
    await page.getByRole('tab', { name: 'Customers' }).click();
  }
  await expect(page.getByText('2 customers')).toBeVisible();
  await screen(page, info, 'list');

  // Find by an ASCII substring from the middle of a phone number.
  await page.getByLabel('Find customers').fill('0074');
  await expect(page.getByText('1 customer', { exact: true })).toBeVisible();
  await table.getByRole('link', { name: 'Alfreds Futterkiste' }).click();
  await expect(page.getByRole('tab', { name: 'Basic info' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText('Distributor').first()).toBeVisible();
  await screen(page, info, 'detail');

  await page.getByRole('link', { name: 'Edit customer' }).click();
  await expect(page.getByRole('heading', { name: 'Edit customer: Alfreds Futterkiste' })).toBeVisible();
  await page.getByLabel('Notes').fill('Prefers email. Orders every quarter.');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('tab', { name: 'Notes' }).click();
  await expect(page.getByText('Prefers email. Orders every quarter.')).toBeVisible();

  await page.getByRole('link', { name: 'Field detail table' }).click();
  const sheet = page.getByRole('table', { name: 'Field detail table: Alfreds Futterkiste' });
  await expect(sheet.getByRole('row', { name: /Customer code\s*C000002/ })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Notes\s*Prefers email/ })).toBeVisible();
  await screen(page, info, 'field-detail-table');

  // Switching the language relabels everything at once, and is remembered.
  await page.getByRole('radiogroup', { name: 'Language' }).getByText('中文').click();
  await expect(page.getByRole('table', { name: '客户字段详情表：Alfreds Futterkiste' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('tab', { name: '客户管理' })).toBeVisible();
  await page.getByRole('radiogroup', { name: '语言' }).getByText('English').click();
  await expect(page.getByRole('tab', { name: 'Customers' })).toBeVisible();

  await page.getByRole('link', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Delete customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete customer' });
  await expect(dialog).toContainText('Alfreds Futterkiste');
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('1 customer', { exact: true })).toBeVisible();
  await screen(page, info, 'after-delete');
});

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';
import { axeProblems, openModule, shot } from './ui';

test.use({ locale: 'zh-CN', reducedMotion: 'reduce' });

const KEPT = '苏州园林文旅有限公司';
const LATER = '宁波港湾物流有限公司';

/** Opens the header's 文件 menu and clicks `item`. */
async function fileMenu(page: Page, item: string) {
  await page.getByRole('banner').getByRole('button', { name: '文件', exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** The customers 客户管理 lists now, by name. */
async function customerNames(page: Page): Promise<string[]> {
  await openModule(page, '客户管理');
  const table = page.getByRole('table', { name: '客户列表' });
  await expect(page.getByLabel('正在加载…')).toHaveCount(0);
  return (await table.getByRole('link').allTextContents()).sort();
}

test('备份：立即备份，恢复它（两次点击，先存安全副本），再撤销恢复', async ({ page, crm }, info) => {
  const problems: string[] = [];
  await api(page, 'customers.create', { name: KEPT, phone: '0512-65234567' });
  const backupsTable = page.getByRole('table', { name: '备份列表' });
  const rowOf = (reason: string) => backupsTable.getByRole('row').filter({ hasText: reason });

  await test.step('文件 → 备份…：列表、位置说明和立即备份', async () => {
    await fileMenu(page, '备份…');
    await expect(page.getByRole('heading', { name: '备份', level: 2 })).toBeVisible();
    await expect(page.getByText('保留最近的 4 份、14 天内每天 1 份、8 周内每周 1 份')).toBeVisible();
    await page.getByRole('button', { name: '立即备份' }).click();
    await expect(page.getByText(/^已备份：\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)).toBeVisible();
    const manual = rowOf('手动');
    await expect(manual).toHaveCount(1);
    await expect(manual).toContainText('客户 1');
    await expect(manual).toContainText('完好');
    await expect(manual).toContainText(/\d+ KB/);
    // The backups are in the data folder's backups folder, not beside the file.
    const folder = await page.getByTestId('backups-folder').textContent();
    expect(folder).toContain(path.join(path.dirname(crm.dbPath), 'backups'));
    expect(fs.readdirSync(folder!).some((f) => f.endsWith('-manual.db'))).toBe(true);
    expect(fs.readdirSync(path.dirname(crm.dbPath)).filter((f) => f.startsWith('crm.db'))).not.toContain(
      expect.stringMatching(/manual/),
    );
    problems.push(...(await axeProblems(page, backupsTable)));
    await shot(page, info, 'backups-list');
  });

  await test.step('备份之后又增加一个客户', async () => {
    await api(page, 'customers.create', { name: LATER });
    expect(await customerNames(page)).toEqual([KEPT, LATER].sort());
  });

  await test.step('恢复：第一次点击说明会发生什么，第二次才恢复；之后的客户不在了', async () => {
    await fileMenu(page, '备份…');
    await rowOf('手动')
      .getByRole('button', { name: /^恢复 .* 的备份$/ })
      .click();
    const dialog = page.getByRole('dialog', { name: '恢复备份' });
    await expect(dialog).toContainText('替换当前的数据库文件“crm.db”');
    await expect(dialog).toContainText('这份备份中有：客户 1。');
    await expect(dialog).toContainText('先把现在的文件原样保存为一份安全副本');
    problems.push(...(await axeProblems(page, dialog)));
    await shot(page, info, 'restore-question');
    await dialog.getByRole('button', { name: '恢复', exact: true }).click();
    const notice = page.getByRole('alert').filter({ hasText: /^已恢复 / });
    await expect(notice).toContainText('恢复前的文件已保存为安全副本。');
    // The safety copy is listed, named for what it is.
    await expect(rowOf('恢复时保存的当前文件')).toContainText('客户 2');
    await shot(page, info, 'restored');
    expect(await customerNames(page)).toEqual([KEPT]);
  });

  await test.step('撤销：文件回到恢复前的样子', async () => {
    const notice = page.getByRole('alert').filter({ hasText: /^已恢复 / });
    await notice.getByRole('button', { name: '撤销' }).click();
    const undone = page.getByRole('alert').filter({ hasText: '已撤销恢复' });
    await expect(undone).toContainText('文件回到了恢复前的样子。');
    await expect(undone.getByRole('button', { name: '重做' })).toBeVisible();
    await shot(page, info, 'restore-undone');
    expect(await customerNames(page)).toEqual([KEPT, LATER].sort());
    // Still the same file, open for writing.
    await expect(page.getByTestId('open-file-name')).toHaveText('当前数据库文件：crm.db');
    await api(page, 'customers.create', { name: '撤销后新增客户' });
  });

  expect(problems, problems.join('\n\n')).toEqual([]);
});

/** Writes zeros over the root page of `table`: SQLite's quick_check fails, the file is refused. */
function zeroRootPage(file: string, table: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(table) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
}

test('损坏的文件：打开时说明原因，并提供最近一份完好的备份；恢复后打开，损坏的文件保留在备份中', async ({
  page,
  crm,
}, info) => {
  const folder = path.dirname(crm.dbPath);
  const homework = path.join(folder, '期末 作业.db');
  const problems: string[] = [];

  await test.step('一个有客户和备份的文件，关闭后损坏', async () => {
    await api(page, 'file.new', { path: homework });
    await api(page, 'app.setup', { template: null });
    await api(page, 'customers.create', { name: KEPT });
    await api(page, 'customers.create', { name: LATER });
    // Back to crm.db: closing the homework file backs it up (it changed).
    await api(page, 'file.open', { path: crm.dbPath });
    await expect
      .poll(async () => (await api<unknown[]>(page, 'backups.forFile', { path: homework })).length)
      .toBeGreaterThan(0);
    zeroRootPage(homework, 'customers');
    await page.reload();
  });

  const damagedBytes = fs.readFileSync(homework);
  await test.step('打开损坏的文件：被拒绝，当前文件保持打开，对话框提供备份', async () => {
    await fileMenu(page, '打开数据库…');
    const dialog = page.getByRole('dialog', { name: '打开数据库' });
    await dialog.getByRole('textbox', { name: '文件路径' }).fill(homework);
    await dialog.getByRole('button', { name: '打开', exact: true }).click();
    const refusal = page.getByRole('dialog', { name: '无法打开数据库' });
    await expect(refusal).toContainText(`“${homework}”已损坏，无法安全打开。这个文件没有被改动。`);
    await expect(refusal).toContainText('最近一份完好的备份：');
    await expect(refusal).toContainText('其中有：客户 2。');
    await expect(refusal).toContainText('损坏的文件会原样保存在备份中');
    problems.push(...(await axeProblems(page, refusal)));
    await shot(page, info, 'damaged-refused');
    expect(fs.readFileSync(homework).equals(damagedBytes)).toBe(true);
    await expect(page.getByTestId('open-file-name')).toHaveText('当前数据库文件：crm.db');

    await refusal.getByRole('button', { name: '恢复这份备份' }).click();
    const notice = page.getByRole('alert').filter({ hasText: /^已恢复 / });
    await expect(notice).toContainText('损坏的文件已原样保存在备份中。');
    await expect(page.getByTestId('open-file-name')).toHaveText('当前数据库文件：期末 作业.db');
    // The damaged bytes are kept, listed as what they are: the file as it was, not checked sound.
    const safety = page
      .getByRole('table', { name: '备份列表' })
      .getByRole('row')
      .filter({ hasText: '恢复时保存的当前文件' });
    await expect(safety).toContainText('未通过检查');
    await shot(page, info, 'damaged-restored');
    expect(await customerNames(page)).toEqual([KEPT, LATER].sort());
  });

  expect(problems, problems.join('\n\n')).toEqual([]);
});

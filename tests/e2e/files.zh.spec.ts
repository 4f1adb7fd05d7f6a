import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';
import { axeProblems, openModule, shot } from './ui';

test.use({ locale: 'zh-CN', reducedMotion: 'reduce' });

const CUSTOMER = '杭州西湖茶业有限公司';

const fileButton = (page: Page) =>
  page.getByRole('banner').getByRole('button', { name: '文件', exact: true });
const openFileName = (page: Page) => page.getByTestId('open-file-name');
const startScreen = (page: Page) => page.getByRole('heading', { name: '没有打开的数据库', level: 1 });

/** The entry of the open 文件 menu's 最近使用 for the file at `file`. */
const recentItem = (page: Page, file: string) =>
  page.getByRole('menu').getByRole('menuitem').filter({ hasText: file });

/** Opens the header's 文件 menu and clicks `item`. */
async function fileMenu(page: Page, item: string | RegExp) {
  await fileButton(page).click();
  await page.getByRole('menuitem', { name: item }).click();
}

/** The header names `name` as the open file, the title bar too, and the app is on 桌面. */
async function expectOpen(page: Page, name: string) {
  await expect(openFileName(page)).toHaveText(`当前数据库文件：${name}`);
  await expect(page).toHaveTitle(`${name} - Solo CRM`);
  await expect(page.getByRole('tab', { name: '桌面' })).toHaveAttribute('aria-selected', 'true');
}

/** 增加客户 through the form. */
async function addCustomer(page: Page, name: string) {
  await openModule(page, '客户管理');
  await page.getByRole('link', { name: '增加客户' }).click();
  await page.getByLabel('客户名称').fill(name);
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
}

async function expectCustomer(page: Page, name: string) {
  await openModule(page, '客户管理');
  await expect(page.getByRole('table', { name: '客户列表' }).getByRole('link', { name })).toBeVisible();
}

test('文件菜单：新建数据库、另存副本、打开副本，最近使用列出它们；打不开的文件说明原因', async ({
  page,
  crm,
}, info) => {
  const folder = path.dirname(crm.dbPath);
  const newFile = path.join(folder, '新数据库.db');
  const copyFile = path.join(folder, '新数据库 副本.db');
  const problems: string[] = [];
  await expectOpen(page, 'crm.db');

  await test.step('文件菜单', async () => {
    await fileButton(page).click();
    const menu = page.getByRole('menu');
    for (const item of [
      '新建数据库…',
      '打开数据库…',
      '另存副本…',
      '导入数据库文件…',
      '导出数据库文件',
      '关闭数据库',
    ])
      await expect(menu.getByRole('menuitem', { name: item })).toBeVisible();
    // The browser edition has no file manager to show the file in.
    await expect(menu.getByRole('menuitem', { name: '在文件夹中显示' })).toHaveCount(0);
    await expect(menu.getByText('最近使用', { exact: true })).toBeVisible();
    await expect(recentItem(page, crm.dbPath)).toHaveAttribute('aria-current', 'true');
    await expect(recentItem(page, crm.dbPath)).toContainText('当前文件');
    problems.push(...(await axeProblems(page, menu)));
    await shot(page, info, 'file-menu');
    await page.keyboard.press('Escape');
  });

  await test.step('新建数据库：数据文件夹中的第二个文件，首次运行对话框跳过', async () => {
    await fileMenu(page, '新建数据库…');
    const dialog = page.getByRole('dialog', { name: '新建数据库' });
    const field = dialog.getByRole('textbox', { name: '文件路径' });
    await expect(field).toHaveValue(newFile);
    await expect(dialog.getByText(`数据文件夹：${folder}`)).toBeVisible();
    problems.push(...(await axeProblems(page, dialog)));
    await shot(page, info, 'new-dialog');
    await dialog.getByRole('button', { name: '新建' }).click();
    const firstRun = page.getByRole('dialog', { name: '欢迎使用 Solo CRM' });
    await expect(firstRun).toBeVisible();
    await firstRun.getByRole('button', { name: '跳过，保留默认设置' }).click();
    await expect(firstRun).toBeHidden();
    await expectOpen(page, '新数据库.db');
    expect(fs.existsSync(newFile)).toBe(true);
    // A file of its own: none of the first file's data.
    await openModule(page, '客户管理');
    await expect(page.getByText('共 0 个客户')).toBeVisible();
  });

  await test.step('新建数据库：同名文件已存在时不覆盖', async () => {
    await fileMenu(page, '新建数据库…');
    const dialog = page.getByRole('dialog', { name: '新建数据库' });
    await dialog.getByRole('button', { name: '新建' }).click();
    await expect(
      dialog.getByText('这个位置已经有一个文件。Solo CRM 不会覆盖它，请换一个文件名。'),
    ).toBeVisible();
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('增加客户，另存副本', async () => {
    await addCustomer(page, CUSTOMER);
    await fileMenu(page, '另存副本…');
    const dialog = page.getByRole('dialog', { name: '另存副本' });
    await expect(dialog.getByRole('textbox', { name: '文件路径' })).toHaveValue(copyFile);
    problems.push(...(await axeProblems(page, dialog)));
    await shot(page, info, 'save-copy-dialog');
    await dialog.getByRole('button', { name: '保存副本' }).click();
    await expect(page.getByText(`副本已保存：${copyFile}`)).toBeVisible();
    expect(fs.existsSync(copyFile)).toBe(true);
    // The current file stays open.
    await expect(openFileName(page)).toHaveText('当前数据库文件：新数据库.db');
  });

  await test.step('打开副本：客户在其中；最近使用列出三个文件', async () => {
    await fileMenu(page, '打开数据库…');
    const dialog = page.getByRole('dialog', { name: '打开数据库' });
    const recent = dialog.getByRole('list', { name: '最近使用' });
    await expect(recent.getByRole('listitem')).toHaveCount(2);
    await expect(recent.getByRole('listitem').first()).toContainText('当前文件');
    await expect(recent.getByRole('button', { name: '打开 新数据库.db' })).toBeDisabled();
    await expect(dialog.getByRole('textbox', { name: '文件路径' })).toHaveValue(`${folder}/`);
    await dialog.getByRole('textbox', { name: '文件路径' }).fill(copyFile);
    problems.push(...(await axeProblems(page, dialog)));
    await shot(page, info, 'open-dialog');
    await dialog.getByRole('button', { name: '打开', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expectOpen(page, '新数据库 副本.db');
    await expectCustomer(page, CUSTOMER);

    await fileButton(page).click();
    const menu = page.getByRole('menu');
    await expect(recentItem(page, copyFile)).toHaveAttribute('aria-current', 'true');
    await expect(recentItem(page, newFile)).toBeEnabled();
    await expect(recentItem(page, crm.dbPath)).toBeEnabled();
    await expect(menu.getByRole('group', { name: '最近使用' }).getByRole('menuitem')).toHaveCount(4);
    await shot(page, info, 'file-menu-recent');
    // From 最近使用 back to the first file: the copy's customer is not in it.
    await recentItem(page, crm.dbPath).click();
    await expectOpen(page, 'crm.db');
    await openModule(page, '客户管理');
    await expect(page.getByText('共 0 个客户')).toBeVisible();
  });

  await test.step('打开不存在的路径：当前文件保持打开，对话框说明原因', async () => {
    const gone = path.join(folder, '已搬走.db');
    await fileMenu(page, '打开数据库…');
    const dialog = page.getByRole('dialog', { name: '打开数据库' });
    await dialog.getByRole('textbox', { name: '文件路径' }).fill(gone);
    await dialog.getByRole('button', { name: '打开', exact: true }).click();
    const refusal = page.getByRole('dialog', { name: '无法打开数据库' });
    await expect(refusal).toContainText(`找不到文件“${gone}”。它可能已被移动、改名或删除。`);
    problems.push(...(await axeProblems(page, refusal)));
    await shot(page, info, 'open-refused');
    await refusal.getByRole('button', { name: '确定' }).click();
    await expect(openFileName(page)).toHaveText('当前数据库文件：crm.db');
    await expect(page.getByText('共 0 个客户')).toBeVisible();
  });

  expect(problems, problems.join('\n\n')).toEqual([]);
});

test('导出数据库文件，再导入它：以新名字保存在数据文件夹并打开；不是数据库的文件被拒绝', async ({
  page,
  crm,
}, info) => {
  const folder = path.dirname(crm.dbPath);
  await api(page, 'customers.create', { name: CUSTOMER });
  const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'solo-crm-download-'));
  try {
    const exported = path.join(elsewhere, 'crm.db');
    await test.step('导出数据库文件：浏览器下载一个完整的副本', async () => {
      const download = page.waitForEvent('download');
      await fileMenu(page, '导出数据库文件');
      const file = await download;
      const name = file.suggestedFilename();
      expect(name).toMatch(/^crm.*\.db$/);
      await file.saveAs(exported);
      await expect(
        page.getByText(new RegExp(`^已导出 ${name}（[\\d.]+ [KM]B），请在浏览器的下载中查看。$`)),
      ).toBeVisible();
      await shot(page, info, 'exported');
      expect(fs.readFileSync(exported).subarray(0, 15).toString()).toBe('SQLite format 3');
    });

    await test.step('导入数据库文件：上传刚导出的文件，以“crm (2).db”打开，客户在其中', async () => {
      const chooser = page.waitForEvent('filechooser');
      await fileMenu(page, '导入数据库文件…');
      await (await chooser).setFiles(exported);
      await expectOpen(page, 'crm (2).db');
      expect(fs.existsSync(path.join(folder, 'crm (2).db'))).toBe(true);
      await expectCustomer(page, CUSTOMER);
    });

    await test.step('导入一个文本文件：被拒绝，当前文件保持打开', async () => {
      const text = path.join(elsewhere, '客户名单.txt');
      fs.writeFileSync(text, '这不是数据库\n'.repeat(200));
      const chooser = page.waitForEvent('filechooser');
      await fileMenu(page, '导入数据库文件…');
      await (await chooser).setFiles(text);
      const refusal = page.getByRole('dialog', { name: '无法打开数据库' });
      await expect(refusal).toContainText('“客户名单.txt”不是数据库文件');
      await shot(page, info, 'import-refused');
      await refusal.getByRole('button', { name: '确定' }).click();
      await expect(openFileName(page)).toHaveText('当前数据库文件：crm (2).db');
    });
  } finally {
    fs.rmSync(elsewhere, { recursive: true, force: true });
  }
});

test('关闭数据库：先问未保存的修改；开始屏幕说明打不开的原因；从最近使用打开', async ({
  page,
  crm,
}, info) => {
  const folder = path.dirname(crm.dbPath);
  const problems: string[] = [];

  const moved = path.join(folder, '旧作业.db');
  await test.step('最近使用中已不存在的文件：标为已不存在，不能打开', async () => {
    await api(page, 'file.new', { path: moved });
    await api(page, 'file.open', { path: crm.dbPath });
    fs.rmSync(moved);
    await page.reload();
    await fileButton(page).click();
    await expect(recentItem(page, moved)).toContainText('已不存在');
    await expect(recentItem(page, moved)).toBeDisabled();
    await shot(page, info, 'file-menu-missing');
    await page.keyboard.press('Escape');
  });

  await test.step('表单有未保存的修改：关闭前先问，继续编辑则不关闭', async () => {
    await openModule(page, '客户管理');
    await page.getByRole('link', { name: '增加客户' }).click();
    await page.getByLabel('客户名称').fill('还没保存的客户');
    await fileMenu(page, '关闭数据库');
    const question = page.getByRole('dialog', { name: '有尚未保存的修改' });
    await expect(question).toContainText('换用另一个数据库文件后，这些内容将会丢失');
    await expect(question.getByRole('button', { name: '保存' })).toHaveCount(0);
    await shot(page, info, 'unsaved-question');
    await question.getByRole('button', { name: '继续编辑' }).click();
    await expect(question).toBeHidden();
    await expect(page.getByLabel('客户名称')).toHaveValue('还没保存的客户');
    await expect(openFileName(page)).toHaveText('当前数据库文件：crm.db');

    await fileMenu(page, '关闭数据库');
    await question.getByRole('button', { name: '放弃修改' }).click();
  });

  await test.step('开始屏幕：新建 / 打开 / 导入，和最近使用', async () => {
    await expect(startScreen(page)).toBeVisible();
    await expect(
      page.getByText('数据库已关闭。请新建一个数据库，或者打开一个已有的数据库文件。'),
    ).toBeVisible();
    await expect(page).toHaveTitle('Solo CRM');
    // No module screens without a file.
    await expect(page.getByRole('tablist', { name: '模块' })).toHaveCount(0);
    for (const name of ['新建数据库', '打开数据库', '导入数据库文件'])
      await expect(page.getByRole('main').getByRole('button', { name, exact: true })).toBeVisible();
    const recent = page.getByRole('list', { name: '最近使用' }).getByRole('listitem');
    await expect(recent).toHaveCount(2);
    await expect(recent.filter({ hasText: moved })).toContainText('已不存在');
    await expect(page.getByRole('button', { name: '打开 旧作业.db' })).toBeDisabled();
    problems.push(...(await axeProblems(page, startScreen(page))));
    await shot(page, info, 'start-closed');
    await page.getByRole('button', { name: '从最近使用中移除 旧作业.db' }).click();
    await expect(recent).toHaveCount(1);
  });

  await test.step('打开一个不存在的路径：开始屏幕说明原因和办法', async () => {
    const gone = path.join(folder, '期末作业.db');
    await page.getByRole('main').getByRole('button', { name: '打开数据库', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '打开数据库' });
    await dialog.getByRole('textbox', { name: '文件路径' }).fill(gone);
    await dialog.getByRole('button', { name: '打开', exact: true }).click();
    await expect(dialog).toBeHidden();
    const alert = page.getByRole('alert').filter({ hasText: '无法打开数据库' });
    await expect(alert).toContainText(`找不到文件“${gone}”`);
    await expect(alert).toContainText('请用“打开数据库”在新的位置打开它');
    problems.push(...(await axeProblems(page, alert)));
    await shot(page, info, 'start-not-found');
  });

  await test.step('从开始屏幕的最近使用打开 crm.db', async () => {
    await page.getByRole('button', { name: '打开 crm.db' }).click();
    await expectOpen(page, 'crm.db');
  });

  expect(problems, problems.join('\n\n')).toEqual([]);
});

/** A second browser-edition server (another Solo CRM) with `file` open for writing. */
async function otherSoloCrm(file: string): Promise<() => void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/serve.ts', '--db', file, '--data', path.dirname(file), '--port', '0'],
    { cwd: path.resolve(import.meta.dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  await new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`the second server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/running at http/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`the second server exited with ${code}:\n${output}`)));
  });
  return () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
}

test('只读：按要求只读打开，或文件正被另一个 Solo CRM 使用时，横幅说明原因和办法', async ({
  page,
  crm,
}, info) => {
  const folder = path.dirname(crm.dbPath);
  const problems: string[] = [];

  await test.step('以只读方式打开：横幅，保存被拒绝，再以可写方式重新打开', async () => {
    await api(page, 'file.new', { path: path.join(folder, '班级资料.db') });
    await api(page, 'app.setup', { template: null });
    await api(page, 'file.open', { path: crm.dbPath });
    await page.reload();
    await fileMenu(page, '打开数据库…');
    const dialog = page.getByRole('dialog', { name: '打开数据库' });
    await dialog.getByRole('checkbox', { name: '以只读方式打开（只查看，不做任何修改）' }).check();
    await dialog.getByRole('button', { name: '打开 班级资料.db' }).click();
    await expect(page).toHaveTitle('班级资料.db (只读) - Solo CRM');
    const banner = page.getByRole('status').filter({ hasText: '只读：这个文件中的修改不能保存' });
    await expect(banner).toContainText('这个文件是按您的要求以只读方式打开的');
    await expect(page.getByRole('banner').getByText('只读', { exact: true })).toBeVisible();
    // The banner stays over every screen of the file.
    await openModule(page, '客户管理');
    await expect(banner).toBeVisible();
    problems.push(...(await axeProblems(page, page.getByText('共 0 个客户'))));
    await shot(page, info, 'read-only-requested');
    await banner.getByRole('button', { name: '以可写方式重新打开' }).click();
    await expect(banner).toBeHidden();
    await expectOpen(page, '班级资料.db');
  });

  await test.step('文件正被另一个 Solo CRM 使用：提示并可以只读方式打开', async () => {
    const shared = fs.mkdtempSync(path.join(os.tmpdir(), 'solo-crm-shared-'));
    const file = path.join(shared, '共享客户.db');
    const stop = await otherSoloCrm(file);
    try {
      await fileMenu(page, '打开数据库…');
      const dialog = page.getByRole('dialog', { name: '打开数据库' });
      await dialog.getByRole('textbox', { name: '文件路径' }).fill(file);
      await dialog.getByRole('button', { name: '打开', exact: true }).click();
      const inUse = page.getByRole('dialog', { name: '文件正在被使用' });
      await expect(inUse).toContainText(`“${file}”正在被另一个 Solo CRM 使用`);
      problems.push(...(await axeProblems(page, inUse)));
      await shot(page, info, 'in-use-question');
      await inUse.getByRole('button', { name: '以只读方式打开' }).click();
      const banner = page.getByRole('status').filter({ hasText: '只读：这个文件中的修改不能保存' });
      await expect(banner).toContainText('另一个 Solo CRM 正在使用这个文件');
      await expect(openFileName(page)).toHaveText('当前数据库文件：共享客户.db');
      await openModule(page, '客户管理');
      await expect(banner).toBeVisible();
      await shot(page, info, 'read-only-in-use');
    } finally {
      stop();
      fs.rmSync(shared, { recursive: true, force: true });
    }
  });

  expect(problems, problems.join('\n\n')).toEqual([]);
});

test('0 字节的文件：先问是否把它建成新的空数据库，同意后打开', async ({ page, crm }, info) => {
  const empty = path.join(path.dirname(crm.dbPath), '空白作业.db');
  fs.writeFileSync(empty, '');
  await fileMenu(page, '打开数据库…');
  const dialog = page.getByRole('dialog', { name: '打开数据库' });
  await dialog.getByRole('textbox', { name: '文件路径' }).fill(empty);
  await dialog.getByRole('button', { name: '打开', exact: true }).click();
  const question = page.getByRole('dialog', { name: '这是一个空文件' });
  await expect(question).toContainText(`“${empty}”是一个空文件（0 字节），里面没有任何数据。`);
  await expect(question).toContainText('要把它变成一个新的空数据库吗？');
  expect(await axeProblems(page, question)).toEqual([]);
  await shot(page, info, 'empty-question');
  // 取消 leaves the file as it was.
  await question.getByRole('button', { name: '取消' }).click();
  expect(fs.statSync(empty).size).toBe(0);
  await expect(openFileName(page)).toHaveText('当前数据库文件：crm.db');

  await fileMenu(page, '打开数据库…');
  await dialog.getByRole('textbox', { name: '文件路径' }).fill(empty);
  await dialog.getByRole('button', { name: '打开', exact: true }).click();
  await question.getByRole('button', { name: '变成新的空数据库' }).click();
  const firstRun = page.getByRole('dialog', { name: '欢迎使用 Solo CRM' });
  await firstRun.getByRole('button', { name: '跳过，保留默认设置' }).click();
  await expectOpen(page, '空白作业.db');
  expect(fs.statSync(empty).size).toBeGreaterThan(0);
});

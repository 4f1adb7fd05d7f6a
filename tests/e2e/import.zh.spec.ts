import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import { api, expect, test } from './fixtures';
import { axeProblems, openModule, shot } from './ui';

test.use({ locale: 'zh-CN', reducedMotion: 'reduce' });

/** A customers file as Chinese Excel saves "CSV (逗号分隔)": GBK, CRLF, a quoted comma. */
const ROWS = [
  ['公司名称', '联系电话', '手机号', '客户类型', '老板', '备注'],
  ['杭州西湖茶业有限公司', '0571-88886666', '13800138000', '客户', '陈明', '老客户'],
  ['宁波港湾物流有限公司', '0574-87654321', '', '潜在客户', '李华', '展会认识'],
  ['', '021-12345678', '13900000000', '客户', '王强', '没有名称'],
  ['苏州园林文旅有限公司', '0512-65234567', '', '神秘客户', '赵丽', '类型不对'],
  ['温州鞋业有限公司', '0577-88990011', '13700000000', '合作伙伴', '钱进', ''],
  ['绍兴黄酒集团有限公司', '0575-85123456', '', '代理商', '孙悦', '"年底订货,要发票"'],
];
const IMPORTED = ['杭州西湖茶业有限公司', '宁波港湾物流有限公司', '温州鞋业有限公司', '绍兴黄酒集团有限公司'];

/** The customers 客户管理 lists now, by name. */
async function customerNames(page: Page): Promise<string[]> {
  await openModule(page, '客户管理');
  const table = page.getByRole('table', { name: '客户列表' });
  await expect(page.getByLabel('正在加载…')).toHaveCount(0);
  return (await table.getByRole('link').allTextContents()).sort();
}

test('导入：GBK 客户文件，改一列的对应，检查出两个问题，下载未导入的行，导入，再撤销', async ({
  page,
  crm,
}, info) => {
  const problems: string[] = [];
  // Not the same name, but the same once 杭州 and 有限公司 are dropped: a likely duplicate.
  await api(page, 'customers.create', { name: '西湖茶业' });
  const file = path.join(path.dirname(crm.dbPath), '客户名单 2026.csv');
  fs.writeFileSync(file, iconv.encode(ROWS.map((r) => r.join(',')).join('\r\n') + '\r\n', 'gbk'));
  const main = page.getByRole('main');

  await test.step('客户管理 → 导入：选择文件，预览中文完好，编码检测为 GB18030', async () => {
    await openModule(page, '客户管理');
    await main.getByRole('link', { name: '导入', exact: true }).click();
    await expect(page.getByRole('heading', { name: '导入', level: 2 })).toBeVisible();
    await expect(page.getByRole('combobox', { name: '导入到' })).toHaveValue('客户');
    problems.push(...(await axeProblems(page, page.getByRole('button', { name: '选择文件…' }))));
    await shot(page, info, 'empty');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件…' }).click();
    await (await chooser).setFiles(file);
    await expect(page.getByTestId('import-file-name')).toHaveText('文件：客户名单 2026.csv');
    const preview = page.getByRole('table', { name: '文件预览' });
    await expect(preview).toContainText('杭州西湖茶业有限公司');
    await expect(preview).toContainText('年底订货,要发票');
    await expect(preview.getByRole('row')).toHaveCount(ROWS.length);
    await expect(page.getByRole('combobox', { name: '编码' })).toHaveValue('GB18030（含 GBK）（检测到）');
    await expect(page.getByRole('combobox', { name: '分隔符' })).toHaveValue('逗号（,）');
    problems.push(...(await axeProblems(page, preview)));
    await shot(page, info, 'file');
  });

  await test.step('对应字段：按表头自动对应，把“老板”改为导入到“决策人”', async () => {
    await page.getByRole('button', { name: '下一步' }).click();
    const mapTable = page.getByRole('table', { name: '列与字段的对应' });
    await expect(mapTable).toBeVisible();
    await expect(page.getByRole('combobox', { name: '“公司名称”列导入到' })).toHaveValue('客户名称');
    await expect(page.getByRole('combobox', { name: '“手机号”列导入到' })).toHaveValue('手机');
    await expect(page.getByRole('combobox', { name: '“老板”列导入到' })).toHaveValue('不导入');
    await page.getByRole('combobox', { name: '“老板”列导入到' }).click();
    await page.getByRole('option', { name: '决策人', exact: true }).click();
    await expect(page.getByRole('combobox', { name: '“老板”列导入到' })).toHaveValue('决策人');
    await expect(page.getByRole('radio', { name: /跳过/ })).toBeChecked();
    problems.push(...(await axeProblems(page, mapTable)));
    await shot(page, info, 'map');
  });

  await test.step('检查：4 行可新建，2 行有问题，原因用中文说明', async () => {
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await expect(page.getByTestId('import-count-new')).toContainText('4');
    await expect(page.getByTestId('import-count-rejected')).toContainText('2');
    const table = page.getByRole('table', { name: '问题列表' });
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table.getByRole('row').nth(1)).toHaveText(/^4公司名称（空）必填$/);
    await expect(table.getByRole('row').nth(2)).toHaveText(/^5客户类型神秘客户不是可选的值$/);
    const likely = page.getByRole('list', { name: '可能重复的行' });
    await expect(likely).toHaveText('第 2 行可能与已有记录“西湖茶业”（名称相近）重复');
    problems.push(...(await axeProblems(page, table)));
    await shot(page, info, 'check');
  });

  await test.step('下载未导入的行：原来的列加“错误原因”', async () => {
    await page.getByRole('button', { name: '下载未导入的行' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: '下载为 CSV' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('未导入的行 客户名单 2026.csv');
    const text = fs.readFileSync((await saved.path())!, 'utf8');
    expect(text.split('\r\n').filter(Boolean)).toEqual([
      '\uFEFF公司名称,联系电话,手机号,客户类型,老板,备注,错误原因',
      ',021-12345678,13900000000,客户,王强,没有名称,公司名称：必填',
      '苏州园林文旅有限公司,0512-65234567,,神秘客户,赵丽,类型不对,客户类型：不是可选的值',
    ]);
  });

  await test.step('导入：结果和撤销按钮；客户管理中有新客户', async () => {
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const done = page.getByRole('alert').filter({ hasText: '导入完成' });
    await expect(done).toContainText('新建 4 条，更新 0 条，跳过重复 0 条，未导入 2 条。');
    await expect(done).toContainText('导入前已自动备份');
    await expect(page.getByRole('button', { name: '撤销导入' })).toBeVisible();
    problems.push(...(await axeProblems(page, done)));
    await shot(page, info, 'done');
    await page.getByRole('link', { name: '查看客户' }).click();
    expect(await customerNames(page)).toEqual([...IMPORTED, '西湖茶业'].sort());
    await shot(page, info, 'customers');
  });

  await test.step('导入记录 → 撤销导入（先说明会发生什么），客户被删除', async () => {
    await page.getByRole('banner').getByRole('button', { name: '文件', exact: true }).click();
    await page.getByRole('menuitem', { name: '导入记录' }).click();
    const history = page.getByRole('table', { name: '导入记录列表' });
    await expect(history.getByRole('row')).toHaveCount(2);
    await expect(history).toContainText('客户名单 2026.csv');
    await expect(history).toContainText('新建 4 · 更新 0 · 重复 0 · 未导入 2');
    problems.push(...(await axeProblems(page, history)));
    await shot(page, info, 'history');
    await history.getByRole('button', { name: /^撤销导入：.* 的“客户名单 2026.csv”$/ }).click();
    const dialog = page.getByRole('dialog', { name: '撤销导入' });
    await expect(dialog).toContainText('删除那次新建的 4 条记录');
    problems.push(...(await axeProblems(page, dialog)));
    await shot(page, info, 'undo-question');
    await dialog.getByRole('button', { name: '撤销导入' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '删除了 4 条新建的记录' })).toBeVisible();
    await expect(history).toContainText('已撤销');
    await shot(page, info, 'undone');
    expect(await customerNames(page)).toEqual(['西湖茶业']);
  });

  expect(problems, problems.join('\n\n')).toEqual([]);
});

test('导入联系人：所属客户不存在时先列为问题，改为新建客户后导入；离开前先问；在结果中撤销', async ({
  page,
  crm,
}, info) => {
  const problems: string[] = [];
  await api(page, 'customers.create', { name: '北京华信科技有限公司' });
  const file = path.join(path.dirname(crm.dbPath), '联系人.csv');
  fs.writeFileSync(
    file,
    '\uFEFF姓名,所属客户,手机\r\n王建国,北京华信科技有限公司,13900139000\r\n李娜,杭州新客户有限公司,13800000001\r\n',
  );

  await test.step('联系人管理 → 导入：导入到“联系人”；选了文件后离开会先问', async () => {
    await openModule(page, '联系人管理');
    await page.getByRole('main').getByRole('link', { name: '导入', exact: true }).click();
    await expect(page.getByRole('combobox', { name: '导入到' })).toHaveValue('联系人');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件…' }).click();
    await (await chooser).setFiles(file);
    await expect(page.getByRole('table', { name: '文件预览' })).toContainText('杭州新客户有限公司');
    await expect(page.getByRole('combobox', { name: '编码' })).toHaveValue('UTF-8（检测到）');
    await page.getByRole('tablist', { name: '模块' }).getByRole('tab', { name: '客户管理' }).click();
    const question = page.getByRole('dialog', { name: '有尚未保存的修改' });
    await expect(question).toContainText('已选择的文件和字段对应将不会保留。');
    await question.getByRole('button', { name: '继续编辑' }).click();
    await expect(page.getByTestId('import-file-name')).toHaveText('文件：联系人.csv');
  });

  await test.step('检查：找不到的客户是问题；选“新建这个客户”后再检查，两行都能导入', async () => {
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByRole('combobox', { name: '“所属客户”列导入到' })).toHaveValue('所属客户');
    await page.getByRole('button', { name: '检查', exact: true }).click();
    const table = page.getByRole('table', { name: '问题列表' });
    await expect(table.getByRole('row').nth(1)).toContainText('找不到“杭州新客户有限公司”');
    await expect(page.getByTestId('import-count-new')).toContainText('1');
    await page.getByRole('button', { name: '上一步' }).click();
    await page.getByRole('radio', { name: '新建这个客户' }).check();
    problems.push(...(await axeProblems(page, page.getByRole('radiogroup', { name: '找不到所属客户时' }))));
    // The page scrolled to the radios: a full-page picture from the top.
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, info, 'contacts-map');
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await expect(page.getByTestId('import-count-new')).toContainText('2');
    await expect(page.getByText('没有发现问题。')).toBeVisible();
  });

  await test.step('导入，再在结果中撤销导入：联系人和新建的客户都被删除', async () => {
    await page.getByRole('button', { name: '导入', exact: true }).click();
    const done = page.getByRole('alert').filter({ hasText: '导入完成' });
    await expect(done).toContainText('新建 2 条');
    await expect(done).toContainText('另新建了 1 个所属客户。');
    await shot(page, info, 'contacts-done');
    await page.getByRole('button', { name: '撤销导入' }).click();
    const undone = page.getByRole('alert', { name: '导入已撤销' });
    await expect(undone).toContainText('删除了 3 条新建的记录');
    problems.push(...(await axeProblems(page, undone)));
    await shot(page, info, 'contacts-undone');
    expect(await customerNames(page)).toEqual(['北京华信科技有限公司']);
  });

  expect(problems, problems.join('\n\n')).toEqual([]);
});

test('联系人的 vCard 名片：从手机导出的 .vcf 导入联系人，再从联系人列表导出为 .vcf', async ({
  page,
  crm,
}, info) => {
  await api(page, 'customers.create', { name: '北京华信科技有限公司' });
  const file = path.join(path.dirname(crm.dbPath), '通讯录.vcf');
  fs.writeFileSync(
    file,
    [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:欧阳娜娜',
      'N:欧阳;娜娜;;;',
      'ORG:北京华信科技有限公司;采购部',
      'TITLE:采购经理',
      'TEL;TYPE=CELL:13800138000',
      'EMAIL:nana@huaxin.cn',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:张伟',
      'ORG:北京华信科技有限公司',
      'TEL;TYPE=WORK,VOICE:010-88886666',
      'END:VCARD',
      '',
    ].join('\r\n'),
  );

  await test.step('联系人管理 → 导入：选 .vcf，每张名片是一行，字段对应不用改', async () => {
    await openModule(page, '联系人管理');
    await page.getByRole('main').getByRole('link', { name: '导入', exact: true }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件…' }).click();
    await (await chooser).setFiles(file);
    const preview = page.getByRole('table', { name: '文件预览' });
    await expect(preview).toContainText('欧阳娜娜');
    await expect(preview).toContainText('采购部');
    // A card's row is the line its BEGIN:VCARD is on.
    await expect(preview.getByRole('row').nth(2).getByRole('cell').first()).toHaveText('10');
    await shot(page, info, 'vcard-file');
    await page.getByRole('button', { name: '下一步' }).click();
    await expect(page.getByRole('combobox', { name: '“姓名”列导入到' })).toHaveValue('姓名');
    await page.getByRole('button', { name: '检查', exact: true }).click();
    await expect(page.getByTestId('import-count-new')).toContainText('2');
    await page.getByRole('button', { name: '导入', exact: true }).click();
    await expect(page.getByRole('alert').filter({ hasText: '导入完成' })).toContainText('新建 2 条');
    await shot(page, info, 'vcard-done');
  });

  await test.step('联系人管理 → 导出 → vCard：两张名片，中文名字原样', async () => {
    await openModule(page, '联系人管理');
    await page.getByRole('button', { name: '导出', exact: true }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: '通讯录名片 vCard（.vcf）' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.vcf$/);
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(text).toContain('FN:欧阳娜娜');
    expect(text).toContain('N:欧阳;娜娜;;;');
    expect(text).toContain('ORG:北京华信科技有限公司;采购部');
  });
});

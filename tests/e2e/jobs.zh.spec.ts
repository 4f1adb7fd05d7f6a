import Database from 'better-sqlite3';
import { api, expect, test } from './fixtures';
import { openModule, shot } from './ui';

test.use({ locale: 'zh-CN' });

/**
 * A trash of `entries` entries, written into the file beside the running app (a second
 * connection, as another program could): emptying it is seconds of work, shown as a job.
 */
function fillTrash(file: string, entries: number): void {
  const db = new Database(file);
  db.pragma('busy_timeout = 5000');
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO trash (kind, record_id, title, payload, deleted_at)
     SELECT 'customers', 100000 + i, '演示客户 ' || i, json_object('rows', json_array(json_object('id', i))),
       '2026-11-30T08:00:00.000Z'
     FROM n`,
  ).run(entries);
  db.close();
}

test('长任务：清空回收站时显示进度，可以取消，取消后数据保持原样；再清空则完成', async ({
  page,
  crm,
}, info) => {
  fillTrash(crm.dbPath, 1_500_000);
  const total = async () => (await api<{ total: number }>(page, 'trash.list', { pageSize: 1 })).total;
  expect(await total()).toBe(1_500_000);

  await openModule(page, '回收站');
  await page.getByRole('button', { name: '清空回收站' }).click();
  const confirm = page.getByRole('dialog', { name: '清空回收站' });
  await expect(confirm).toContainText('1500000');
  await confirm.getByRole('button', { name: '清空回收站' }).click();

  // The job's notice: its step, how far it is, a bar and 取消; the window stays usable meanwhile.
  const notice = page.getByRole('alert').filter({ hasText: '清空回收站' });
  await expect(notice.getByText('删除记录')).toBeVisible();
  await expect(notice.getByRole('progressbar', { name: '删除记录' })).toBeVisible();
  // Under way: some of them deleted already.
  await expect(notice.getByText(/^[1-9][\d,]* \/ 1,500,000$/)).toBeVisible();
  await shot(page, info, 'job-progress');
  await openModule(page, '客户管理');
  await expect(page.getByRole('heading', { name: '浏览客户信息' })).toBeVisible();

  await notice.getByRole('button', { name: '取消' }).click();
  await expect(notice.getByText('已取消，数据库保持原样')).toBeVisible();
  await shot(page, info, 'job-cancelled');
  expect(await total()).toBe(1_500_000);

  // Again, to the end.
  await openModule(page, '回收站');
  await page.getByRole('button', { name: '清空回收站' }).click();
  await confirm.getByRole('button', { name: '清空回收站' }).click();
  await expect(page.getByText('已清空回收站，彻底删除了 1500000 条记录')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: '回收站是空的' })).toBeVisible();
  expect(await total()).toBe(0);
});

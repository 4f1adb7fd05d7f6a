import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope, FileState, JobInfo, RecentFile } from '../../src-main/contract';
import { startServer, type RunningServer } from '../../src-main/ipc/http';
import { DatabaseHost } from '../../src-main/service/host';
import { makeTempDir, sha256File } from '../helpers/db';

/**
 * The database as a file the user owns, through the database worker: 新建, 打开, 最近使用, 关闭,
 * 另存副本, and the browser edition's 导入 / 导出数据库文件 over HTTP.
 */

let tmp: ReturnType<typeof makeTempDir>;
let host: DatabaseHost;
let changes: FileState[];
const first = () => path.join(tmp.dir, '第一个 数据库.db');

async function data<T>(channel: string, input: unknown = {}): Promise<T> {
  const envelope = await host.invoke(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

async function job<T>(input: unknown): Promise<T> {
  let info = await data<JobInfo>('jobs.start', input);
  while (info.state === 'running') {
    await new Promise((done) => setTimeout(done, 20));
    info = await data<JobInfo>('jobs.get', { id: info.id });
  }
  if (info.state !== 'done') throw new Error(`job ${info.kind}: ${JSON.stringify(info.error)}`);
  return info.result as T;
}

const customerNames = async () =>
  (await data<{ rows: { name: string }[] }>('customers.list', {})).rows.map((r) => r.name);

beforeEach(async () => {
  tmp = makeTempDir();
  changes = [];
  host = new DatabaseHost({
    file: first(),
    dataFolder: tmp.dir,
    appVersion: 't',
    onFileChange: (state) => changes.push(state),
  });
  const state = await host.start();
  expect(state.file).toMatchObject({ name: '第一个 数据库.db', readOnly: false });
  await data('customers.create', { name: '北京华信科技有限公司' });
});

afterEach(async () => {
  await host.close();
  tmp.remove();
});

describe('新建, 打开, 最近使用 and 关闭', () => {
  it('switches between files, keeping each one’s records, and remembers them newest first', async () => {
    const created = await data<FileState>('file.new', { path: '第二个.db' });
    expect(created.file).toMatchObject({ name: '第二个.db', folder: tmp.dir });
    expect(await customerNames()).toEqual([]);
    await data('customers.create', { name: '上海明达贸易有限公司' });

    const back = await data<FileState>('file.open', { path: first() });
    expect(back.file?.path).toBe(first());
    expect(await customerNames()).toEqual(['北京华信科技有限公司']);
    // Told at every change, the file opened at start included: the window title follows them.
    expect(changes.map((c) => c.file?.name)).toEqual(['第一个 数据库.db', '第二个.db', '第一个 数据库.db']);

    const recent = await data<RecentFile[]>('file.recent');
    expect(recent.map((r) => [r.name, r.exists])).toEqual([
      ['第一个 数据库.db', true],
      ['第二个.db', true],
    ]);
    fs.rmSync(path.join(tmp.dir, '第二个.db'));
    expect((await data<RecentFile[]>('file.recent'))[1]).toMatchObject({ name: '第二个.db', exists: false });
    expect(await data<RecentFile[]>('file.forget', { path: '第二个.db' })).toHaveLength(1);
  });

  it('refuses a file that is not there, keeping the open one and saying why', async () => {
    const refused = await host.invoke('file.open', { path: path.join(tmp.dir, '搬走了.db') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    const state = await data<FileState>('file.current');
    expect(state.file?.path).toBe(first());
    expect(state.lastError).toMatchObject({ code: 'FILE_NOT_FOUND', path: path.join(tmp.dir, '搬走了.db') });
    expect(await customerNames()).toEqual(['北京华信科技有限公司']);
  });

  it('refuses 新建 over an existing file, and changes nothing in it', async () => {
    const before = sha256File(first());
    expect(await host.invoke('file.new', { path: first() })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', field: 'path', reason: 'duplicate' },
    });
    expect(sha256File(first())).toBe(before);
  });

  it('with no file open, every record channel says so, and 最近使用 opens one again', async () => {
    expect((await data<FileState>('file.close')).file).toBeNull();
    expect(await host.invoke('customers.list', {})).toMatchObject({ ok: false, error: { code: 'NO_FILE' } });
    expect(await host.invoke('jobs.start', { kind: 'rollups.rebuild' })).toMatchObject({ ok: false });
    const [recent] = await data<RecentFile[]>('file.recent');
    await data('file.open', { path: recent!.path });
    expect(await customerNames()).toEqual(['北京华信科技有限公司']);
  });

  it('does not make a file moved away just after it was closed again, empty, at its old path', async () => {
    // Changed since its backup at open: closing it starts a backup, in a thread of its own.
    await data('customers.create', { name: '关闭前保存' });
    await data('file.new', { path: '第二个.db' });
    const moved = path.join(tmp.dir, '搬走了.db');
    fs.renameSync(first(), moved);
    // Long enough for the backup's thread to start and look for the file.
    await new Promise((done) => setTimeout(done, 2500));
    expect(fs.existsSync(first())).toBe(false);
    expect(fs.existsSync(moved)).toBe(true);
  });

  it('opens the same file again after the worker dies', async () => {
    await data('file.new', { path: '第二个.db' });
    await data('customers.create', { name: '广州南方物流集团' });
    await host.kill();
    await new Promise((done) => setTimeout(done, 500));
    expect((await data<FileState>('file.current')).file?.name).toBe('第二个.db');
    expect(await customerNames()).toEqual(['广州南方物流集团']);
  });
});

describe('a file open read-only', () => {
  it('answers the analyses from up-to-date totals without writing a byte', async () => {
    const customer = await data<{ id: number }>('customers.create', { name: '杭州西湖茶业有限公司' });
    const product = await data<{ id: number }>('products.create', { name: '龙井茶礼盒', listPrice: 68_800 });
    await data('sales.create', {
      customerId: customer.id,
      saleDate: '2026-11-20',
      lines: [{ productId: product.id, quantity: 3 }],
    });
    await data('opportunities.create', { customerId: customer.id, title: '年货团购' });
    const range = { from: '2026-01-01', to: '2026-12-31' };
    // The totals are stale until an analysis reads them: as in a file handed in straight after typing.
    const stale = new Database(first(), { readonly: true });
    expect(stale.prepare('SELECT count(*) FROM sales_category_days_stale').pluck().get()).toBeGreaterThan(0);
    stale.close();
    await data('file.close');
    // The backup at close reads the file in a thread of its own: measured once it is done and
    // every connection is gone.
    const backups = path.join(tmp.dir, 'backups');
    const closeBackup = () =>
      fs.existsSync(backups) &&
      fs.readdirSync(backups, { recursive: true }).some((n) => String(n).endsWith('-close.db'));
    while (!closeBackup() || fs.existsSync(`${first()}-wal`))
      await new Promise((done) => setTimeout(done, 20));
    // …and its connection, the last one, has put the file at rest.
    let before = sha256File(first());
    for (let settled = 0; settled < 3;) {
      await new Promise((done) => setTimeout(done, 100));
      const now = sha256File(first());
      settled = now === before ? settled + 1 : 0;
      before = now;
    }

    const opened = await data<FileState>('file.open', { path: first(), readOnly: true });
    expect(opened.file).toMatchObject({ readOnly: true, readOnlyReason: 'requested' });
    const composition = await data<{ rows: { amount: number }[] }>('analysis.composition', {
      ...range,
      by: 'category',
    });
    expect(composition.rows.map((r) => r.amount)).toEqual([206_400]);
    // The funnel's conversion reads each opportunity's furthest stage, a rollup too.
    const funnel = await data<{ stages: { count: number }[]; conversions: { reached: number }[] }>(
      'analysis.funnel',
      range,
    );
    expect(funnel.stages.reduce((n, stage) => n + stage.count, 0)).toBe(1);
    expect(funnel.conversions[0]?.reached).toBe(1);
    expect(await host.invoke('customers.create', { name: '写不进去' })).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY' },
    });
    // A job that would write is refused at once; one that reads runs.
    expect(await host.invoke('jobs.start', { kind: 'trash.empty' })).toMatchObject({
      ok: false,
      error: { code: 'READ_ONLY', reason: 'read_only_file' },
    });
    const rows = await job<{ rows: unknown[] }>({
      kind: 'export.pages',
      channel: 'customers.list',
      input: {},
    });
    expect(rows.rows).toHaveLength(2);
    await data('file.close');
    expect(sha256File(first())).toBe(before);
    expect(fs.existsSync(`${first()}-wal`)).toBe(false);
  });
});

describe('另存副本', () => {
  it('makes a consistent copy elsewhere and stays on the open file', async () => {
    const dest = path.join(tmp.dir, '副本', '给老师的 副本.db');
    const copy = await job<{ path: string; sizeBytes: number }>({ kind: 'file.saveCopy', path: dest });
    expect(copy.path).toBe(dest);
    expect(fs.statSync(dest).size).toBe(copy.sizeBytes);
    expect((await data<FileState>('file.current')).file?.path).toBe(first());
    // The copy is a whole database of its own, with the same records.
    await data('file.open', { path: dest });
    expect(await customerNames()).toEqual(['北京华信科技有限公司']);
    // Nothing is ever written over: a second copy to the same place is refused.
    await data('file.open', { path: first() });
    const again = await data<JobInfo>('jobs.start', { kind: 'file.saveCopy', path: dest });
    let info = again;
    while (info.state === 'running') info = await data<JobInfo>('jobs.get', { id: again.id });
    expect(info).toMatchObject({ state: 'failed', error: { code: 'CONFLICT', reason: 'duplicate' } });
    expect(fs.readdirSync(path.dirname(dest))).toEqual(['给老师的 副本.db']);
  });
});

describe('导入 and 导出数据库文件 in the browser edition', () => {
  let server: RunningServer;
  const request = (method: string, target: string, body?: Buffer, headers: Record<string, string> = {}) =>
    fetch(`http://127.0.0.1:${server.port}${target}`, {
      method,
      headers: { Cookie: `solo_crm_token=${server.token}`, ...headers },
      body: body && new Uint8Array(body),
    });

  beforeEach(async () => {
    const rendererDir = path.join(tmp.dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Solo CRM</title>');
    server = await startServer({
      invoke: (channel, input) => host.invokeText(channel, input),
      rendererDir,
      dataFolder: tmp.dir,
    });
  });
  afterEach(() => server.close());

  it('downloads a copy once, then uploads it back as a file of its own', async () => {
    const exported = await job<{ download: string; fileName: string }>({ kind: 'file.exportCopy' });
    expect(exported.fileName).toMatch(/^第一个 数据库 \d{4}-\d{2}-\d{2}\.db$/);
    const res = await request(
      'GET',
      `/download/database/${exported.download}?as=${encodeURIComponent(exported.fileName)}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(exported.fileName)}`,
    );
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 16).toString('latin1')).toBe('SQLite format 3\u0000');
    // One download per copy: it is gone once sent.
    expect((await request('GET', `/download/database/${exported.download}`)).status).toBe(404);

    for (const expected of ['第一个 数据库 副本.db', '第一个 数据库 副本 (2).db']) {
      const uploaded = await request('POST', '/upload/database', bytes, {
        'Content-Type': 'application/octet-stream',
        'X-File-Name': encodeURIComponent('第一个 数据库 副本.db'),
      });
      const envelope = (await uploaded.json()) as Envelope<FileState>;
      expect(envelope).toMatchObject({ ok: true, data: { file: { name: expected, folder: tmp.dir } } });
      expect(await customerNames()).toEqual(['北京华信科技有限公司']);
    }
    expect(fs.readdirSync(path.join(tmp.dir, 'incoming'))).toEqual([]);
  });

  it('refuses an upload that is not a database, removes it, and keeps the open file', async () => {
    const res = await request('POST', '/upload/database', Buffer.from('这不是数据库'.repeat(100)), {
      'Content-Type': 'application/octet-stream',
      'X-File-Name': encodeURIComponent('作业.docx'),
    });
    expect(await res.json()).toMatchObject({ ok: false, error: { code: 'FILE_NOT_SQLITE' } });
    expect(fs.readdirSync(path.join(tmp.dir, 'incoming'))).toEqual([]);
    expect((await data<FileState>('file.current')).file?.path).toBe(first());
  });

  it('refuses a download name it did not make', async () => {
    for (const target of [
      '/download/database/../../crm.db',
      '/download/database/abc.db',
      '/download/database/',
    ]) {
      expect((await request('GET', target)).status).toBe(404);
    }
  });
});

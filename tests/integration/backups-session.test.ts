import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupInfo, FileState, JobInfo, RestoreOutcome } from '../../src-main/contract';
import { loadMigrations } from '../../src-main/db/migrations';
import { closeDatabase, openDatabase } from '../../src-main/db/open';
import { DatabaseHost } from '../../src-main/service/host';
import { makeTempDir } from '../helpers/db';

/**
 * The rolling backups as the app takes them, through the database worker: at open, before
 * 清空回收站, before an upgrade and at close; and 恢复 with its safety copy, undone.
 */

let tmp: ReturnType<typeof makeTempDir>;
let host: DatabaseHost;
const file = () => path.join(tmp.dir, '客户资料.db');

async function data<T>(channel: string, input: unknown = {}): Promise<T> {
  const envelope = await host.invoke(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

/** Waits until the open file's backups satisfy `until`. */
async function backupsUntil(until: (list: BackupInfo[]) => boolean): Promise<BackupInfo[]> {
  for (let i = 0; i < 300; i++) {
    const list = await data<BackupInfo[]>('backups.list');
    if (until(list)) return list;
    await new Promise((done) => setTimeout(done, 50));
  }
  throw new Error('the backups never came');
}

async function job(input: unknown): Promise<JobInfo> {
  let info = await data<JobInfo>('jobs.start', input);
  while (info.state === 'running') {
    await new Promise((done) => setTimeout(done, 20));
    info = await data<JobInfo>('jobs.get', { id: info.id });
  }
  return info;
}

const names = async () =>
  (await data<{ rows: { name: string }[] }>('customers.list')).rows.map((r) => r.name);

async function start(initial = file()) {
  host = new DatabaseHost({ file: initial, dataFolder: tmp.dir, appVersion: 't' });
  return host.start();
}

beforeEach(() => {
  tmp = makeTempDir();
});

afterEach(async () => {
  await host.close();
  tmp.remove();
});

describe('backups the app takes', () => {
  it('at the first open, in the data folder (never beside the file), verified', async () => {
    await start();
    const [first] = await backupsUntil((list) => list.length === 1);
    expect(first).toMatchObject({ reason: 'open', verified: true });
    expect(first!.file.startsWith(path.join(tmp.dir, 'backups'))).toBe(true);
    // Beside the file only its own log and lock while it is open.
    const beside = fs.readdirSync(tmp.dir).filter((n) => n.startsWith('客户资料'));
    expect(beside.filter((n) => !/^客户资料\.db(-wal|-shm|\.lock)?$/.test(n))).toEqual([]);
  });

  it('before 清空回收站, with the entries still in it', async () => {
    await start();
    await backupsUntil((list) => list.length === 1);
    const { id } = await data<{ id: number }>('customers.create', { name: '北京华信科技有限公司' });
    await data('customers.delete', { ids: [id] });
    expect(await job({ kind: 'trash.empty' })).toMatchObject({ state: 'done', result: { purged: 1 } });
    const list = await data<BackupInfo[]>('backups.list');
    expect(list[0]).toMatchObject({ reason: 'before-empty-trash', verified: true, counts: { trash: 1 } });
  });

  it('at close, when the file changed since the last one', async () => {
    await start();
    await backupsUntil((list) => list.length === 1);
    await data('customers.create', { name: '上海明达贸易有限公司' });
    await host.close();
    await start();
    const list = await backupsUntil((l) => l.some((b) => b.reason === 'close'));
    expect(list.find((b) => b.reason === 'close')).toMatchObject({
      verified: true,
      counts: { customers: 1 },
    });
  });

  it('before an upgrade, into the backups, with nothing left beside the file', async () => {
    // A file of an older version: every migration but the last few.
    const older = openDatabase(file(), { migrations: loadMigrations().slice(0, 8) });
    older.db
      .prepare(
        "INSERT INTO customers (code, name, created_at, updated_at) VALUES ('C000001', '广州南方物流集团', '2026-01-01', '2026-01-01')",
      )
      .run();
    closeDatabase(older.db);
    const state = await start();
    expect(state.file?.schemaVersion).toBe(loadMigrations().length);
    const list = await backupsUntil((l) => l.some((b) => b.reason === 'before-upgrade'));
    const upgrade = list.find((b) => b.reason === 'before-upgrade')!;
    expect(upgrade.schemaVersion).toBe(8);
    const copy = new Database(upgrade.file, { readonly: true });
    expect(copy.prepare('SELECT name FROM customers').pluck().all()).toEqual(['广州南方物流集团']);
    copy.close();
    expect(fs.readdirSync(tmp.dir).filter((n) => n.includes('.bak'))).toEqual([]);
  });
});

describe('恢复', () => {
  it('puts a backup in place, after a safety copy that 撤销 restores', async () => {
    await start();
    await backupsUntil((list) => list.length === 1);
    await data('customers.create', { name: '北京华信科技有限公司' });
    const manual = await job({ kind: 'backup.create', reason: 'manual' });
    expect(manual).toMatchObject({ state: 'done', result: { reason: 'manual', counts: { customers: 1 } } });
    await data('customers.create', { name: '上海明达贸易有限公司' });

    const restored = await data<RestoreOutcome>('backups.restore', {
      name: (manual.result as BackupInfo).name,
    });
    expect(restored.state.file?.path).toBe(file());
    expect(await names()).toEqual(['北京华信科技有限公司']);
    expect(restored.safety).toMatch(/safety/);

    const undone = await data<RestoreOutcome>('backups.restore', { name: restored.safety });
    expect(undone.state.file?.path).toBe(file());
    expect((await names()).sort()).toEqual(['上海明达贸易有限公司', '北京华信科技有限公司'].sort());
    expect(fs.existsSync(`${file()}-journal`)).toBe(false);
  });

  it('refuses a backup it does not know, and leaves the file open and whole', async () => {
    await start();
    await data('customers.create', { name: '杭州西湖茶业有限公司' });
    expect(await host.invoke('backups.restore', { name: '../客户资料.db' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect((await data<FileState>('file.current')).file?.path).toBe(file());
    expect(await names()).toEqual(['杭州西湖茶业有限公司']);
  });
});

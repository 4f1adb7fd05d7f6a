import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupInfo, FileState, RecentFile, RestoreOutcome } from '../../src-main/contract';
import { acquireWriterLock } from '../../src-main/db/lock';
import { lockTarget } from '../../src-main/db/open';
import { DatabaseHost } from '../../src-main/service/host';
import { makeTempDir, sha256File } from '../helpers/db';

/**
 * A file that no longer opens (FILE_DAMAGED) still has its backups, found without opening it:
 * by the id read from the file as it is, else by the one the recent list kept for its path; and
 * one of them restored in its place (after a safety copy of the damaged bytes, which 撤销 puts
 * back), through the database worker, with the file left byte for byte alone until then.
 */

let tmp: ReturnType<typeof makeTempDir>;
let host: DatabaseHost | undefined;
const file = () => path.join(tmp.dir, '客户资料.db');
const other = () => path.join(tmp.dir, '另一个.db');

async function invoke(channel: string, input: unknown = {}) {
  return host!.invoke(channel, input);
}

async function data<T>(channel: string, input: unknown = {}): Promise<T> {
  const envelope = await invoke(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

async function start(initial: string): Promise<FileState> {
  host = new DatabaseHost({ file: initial, dataFolder: tmp.dir, appVersion: 't' });
  return host.start();
}

async function stop(): Promise<void> {
  await host?.close();
  host = undefined;
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

const names = async () =>
  (await data<{ rows: { name: string }[] }>('customers.list')).rows.map((r) => r.name).sort();

/** The names in the file's folder that start with its name: the file and anything beside it. */
const beside = (f = file()) =>
  fs
    .readdirSync(path.dirname(f))
    .filter((n) => n.startsWith(path.basename(f)))
    .sort();

/** Writes a page of zeros over the root page of `table`: quick_check fails, the file is refused. */
function zeroPageOf(f: string, table: string): void {
  const db = new Database(f, { readonly: true, fileMustExist: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(table) as number;
  db.close();
  const fd = fs.openSync(f, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
}

/**
 * The file with two customers, backed up at its close (the host waits for that backup), then
 * damaged where `table` is. Returns the close backup.
 */
async function damagedFile(table: 'customers' | 'settings'): Promise<BackupInfo> {
  await start(file());
  await data('customers.create', { name: '北京华信科技有限公司' });
  await data('customers.create', { name: '上海明达贸易有限公司' });
  await stop();
  expect(beside()).toEqual(['客户资料.db']);
  zeroPageOf(file(), table);
  const state = await start(other());
  expect(state.file?.path).toBe(other());
  const list = await data<BackupInfo[]>('backups.forFile', { path: file() });
  const close = list.find((b) => b.reason === 'close');
  expect(close).toMatchObject({ verified: true, counts: { customers: 2 } });
  return close!;
}

const recentJson = () =>
  JSON.parse(fs.readFileSync(path.join(tmp.dir, 'recent.json'), 'utf8')) as {
    path: string;
    databaseId?: string;
  }[];

beforeEach(() => {
  tmp = makeTempDir();
});

afterEach(async () => {
  await stop();
  tmp.remove();
});

describe('backups.forFile', () => {
  it('lists the backups of a damaged file, read from the file, without changing it', async () => {
    const close = await damagedFile('customers');
    const damaged = sha256File(file());
    expect(await invoke('file.open', { path: file() })).toMatchObject({
      ok: false,
      error: { code: 'FILE_DAMAGED' },
    });
    expect(await invoke('file.open', { path: file(), readOnly: true })).toMatchObject({
      ok: false,
      error: { code: 'FILE_DAMAGED' },
    });
    // The file still says its id even with the recent list forgetting it.
    await data('file.forget', { path: file() });
    const list = await data<BackupInfo[]>('backups.forFile', { path: file() });
    expect(list.map((b) => b.name)).toContain(close.name);
    // Newest first, as backups.list gives them.
    expect(list.map((b) => b.time)).toEqual(
      list
        .map((b) => b.time)
        .sort()
        .reverse(),
    );
    // Relative to the data folder, like file.open.
    expect(await data<BackupInfo[]>('backups.forFile', { path: '客户资料.db' })).toEqual(list);
    expect(sha256File(file())).toBe(damaged);
    expect(beside()).toEqual(['客户资料.db']);
    expect((await data<FileState>('file.current')).file?.path).toBe(other());
  });

  it('finds them by the recent list when the id in the file cannot be read', async () => {
    const close = await damagedFile('settings');
    const damaged = sha256File(file());
    expect(await invoke('file.open', { path: file() })).toMatchObject({
      ok: false,
      error: { code: 'FILE_DAMAGED' },
    });
    const entry = recentJson().find((r) => r.path === file());
    expect(entry?.databaseId).toMatch(/^[0-9a-f-]{36}$/);
    expect(path.basename(path.dirname(close.file))).toBe(entry!.databaseId);
    // The screens' list of recent files does not carry it.
    const recent = await data<RecentFile[]>('file.recent');
    expect(Object.keys(recent.find((r) => r.path === file())!).sort()).toEqual(
      ['exists', 'name', 'openedAt', 'path'].sort(),
    );
    // Forgotten, and not readable from the file: nothing is known of its backups.
    await data('file.forget', { path: file() });
    expect(await data<BackupInfo[]>('backups.forFile', { path: file() })).toEqual([]);
    expect(sha256File(file())).toBe(damaged);
    expect(beside()).toEqual(['客户资料.db']);
  });

  it('answers as backups.list for the open file', async () => {
    await start(file());
    const list = await backupsUntil((l) => l.length === 1);
    expect(await data<BackupInfo[]>('backups.forFile', { path: file() })).toEqual(list);
  });

  it('knows nothing of a path never opened here, or where nothing is', async () => {
    await start(file());
    fs.writeFileSync(path.join(tmp.dir, 'notes.txt'), 'not a database');
    expect(await data<BackupInfo[]>('backups.forFile', { path: 'nowhere.db' })).toEqual([]);
    expect(await data<BackupInfo[]>('backups.forFile', { path: 'notes.txt' })).toEqual([]);
    expect(await data<BackupInfo[]>('backups.forFile', { path: tmp.dir })).toEqual([]);
    expect(fs.readFileSync(path.join(tmp.dir, 'notes.txt'), 'utf8')).toBe('not a database');
    expect(fs.existsSync(path.join(tmp.dir, 'nowhere.db'))).toBe(false);
  });

  it('refuses bad input', async () => {
    await start(file());
    const inputs = [
      {},
      { path: '' },
      { path: '   ' },
      { path: 7 },
      { path: 'x'.repeat(5000) },
      { path: 'a\0.db' },
      null,
    ];
    for (const input of inputs) {
      expect(await invoke('backups.forFile', input)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    }
    // The path is the one file.open and file.new take: a NUL in it is refused by each.
    for (const channel of ['file.open', 'file.new', 'backups.forFile']) {
      expect(await invoke(channel, { path: 'a\0.db' })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', field: 'path', reason: 'invalid_format' },
      });
    }
    expect(await invoke('backups.forFile', { path: file(), name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'name' },
    });
  });
});

describe('backups.restore with a path', () => {
  it('puts a backup in place of a damaged file and opens it; 撤销 brings the damaged bytes back', async () => {
    const close = await damagedFile('customers');
    const damaged = sha256File(file());

    const restored = await data<RestoreOutcome>('backups.restore', { name: close.name, path: file() });
    expect(restored.state.file?.path).toBe(file());
    expect(restored.state.lastError).toBeNull();
    expect(await names()).toEqual(['上海明达贸易有限公司', '北京华信科技有限公司']);
    // The file open before is closed; the restored one is the current file, with its backups.
    expect((await data<FileState>('file.current')).file?.path).toBe(file());
    const list = await data<BackupInfo[]>('backups.list');
    const safety = list.find((b) => b.name === restored.safety);
    expect(safety).toMatchObject({ reason: 'safety', verified: false });
    expect(sha256File(safety!.file)).toBe(damaged);
    expect((await data<RecentFile[]>('file.recent'))[0]?.path).toBe(file());

    // 撤销: the file is open now, so without a path. The damaged file is back, and refused.
    const undone = await data<RestoreOutcome>('backups.restore', { name: restored.safety });
    expect(sha256File(file())).toBe(damaged);
    expect(undone.state.file).toBeNull();
    expect(undone.state.lastError).toMatchObject({ code: 'FILE_DAMAGED', path: file() });
    expect(undone.safety).toMatch(/safety/);
    expect(beside()).toEqual(['客户资料.db']);

    // 重做: nothing is open, so with the path.
    const redone = await data<RestoreOutcome>('backups.restore', { name: undone.safety, path: file() });
    expect(redone.state.file?.path).toBe(file());
    expect(await names()).toEqual(['上海明达贸易有限公司', '北京华信科技有限公司']);
  });

  it('restores a file known only to the recent list', async () => {
    const close = await damagedFile('settings');
    const damaged = sha256File(file());
    const restored = await data<RestoreOutcome>('backups.restore', { name: close.name, path: file() });
    expect(restored.state.file?.path).toBe(file());
    expect(await names()).toEqual(['上海明达贸易有限公司', '北京华信科技有限公司']);
    const safety = (await data<BackupInfo[]>('backups.list')).find((b) => b.name === restored.safety);
    expect(sha256File(safety!.file)).toBe(damaged);
  });

  it('with the open file’s path, restores the open file as without one', async () => {
    await start(file());
    const [open] = await backupsUntil((l) => l.length === 1);
    await data('customers.create', { name: '杭州西湖茶业有限公司' });
    const restored = await data<RestoreOutcome>('backups.restore', { name: open!.name, path: '客户资料.db' });
    expect(restored.state.file?.path).toBe(file());
    expect(await names()).toEqual([]);
  });

  it('refuses, with nothing changed and the open file still open', async () => {
    const close = await damagedFile('customers');
    const damaged = sha256File(file());
    const refusals: [unknown, string][] = [
      [{ name: '20990101T000000000Z-manual.db', path: file() }, 'NOT_FOUND'],
      [{ name: '../客户资料.db', path: file() }, 'NOT_FOUND'],
      [{ name: close.name, path: 'nowhere.db' }, 'FILE_NOT_FOUND'],
      [{ name: close.name, path: 'no\0where.db' }, 'VALIDATION'],
      [{ name: close.name, path: tmp.dir }, 'FILE_NOT_SQLITE'],
    ];
    for (const [input, code] of refusals) {
      expect(await invoke('backups.restore', input)).toMatchObject({ ok: false, error: { code } });
    }
    // Open for writing in another Solo CRM (its lock held in another thread).
    const lock = acquireWriterLock(lockTarget(file()));
    try {
      expect(lock.kind).toBe('held');
      expect(await invoke('backups.restore', { name: close.name, path: file() })).toMatchObject({
        ok: false,
        error: { code: 'FILE_IN_USE' },
      });
    } finally {
      lock.release();
    }
    expect(sha256File(file())).toBe(damaged);
    expect(beside()).toEqual(['客户资料.db']);
    expect((await data<FileState>('file.current')).file?.path).toBe(other());
    const safetyCopies = async () =>
      (await data<BackupInfo[]>('backups.forFile', { path: file() })).filter((b) => b.reason === 'safety');
    expect(await safetyCopies()).toEqual([]);

    // Open in another program, in write-ahead-log mode (its log and shared memory beside it).
    const elsewhere = new Database(file());
    try {
      elsewhere.pragma('journal_mode = WAL');
      elsewhere.prepare('SELECT count(*) FROM sqlite_schema').get();
      const held = sha256File(file());
      expect(await invoke('backups.restore', { name: close.name, path: file() })).toMatchObject({
        ok: false,
        error: { code: 'FILE_IN_USE' },
      });
      expect(sha256File(file())).toBe(held);
    } finally {
      elsewhere.pragma('journal_mode = DELETE');
      elsewhere.close();
    }
    expect(beside()).toEqual(['客户资料.db']);
    expect((await data<FileState>('file.current')).file?.path).toBe(other());
  });

  it('refuses bad input', async () => {
    await start(file());
    const inputs = [
      {},
      { path: file() },
      { name: '' },
      { name: 1 },
      { name: 'x', path: 7 },
      { name: 'x', path: '' },
      { name: 'x', path: 'x'.repeat(5000) },
      { name: 'x', path: file(), readOnly: true },
    ];
    for (const input of inputs) {
      expect(await invoke('backups.restore', input)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION' },
      });
    }
    expect(await invoke('backups.restore', { name: 'x', path: 'x'.repeat(5000) })).toMatchObject({
      error: { field: 'path' },
    });
    expect((await data<FileState>('file.current')).file?.path).toBe(file());
  });
});

describe('the recent list', () => {
  it('keeps each file’s database id, and reads lists written before it did', async () => {
    fs.writeFileSync(
      path.join(tmp.dir, 'recent.json'),
      JSON.stringify([
        { path: path.join(tmp.dir, '旧的.db'), openedAt: '2025-01-01T00:00:00.000Z' },
        { path: path.join(tmp.dir, '改过的.db'), openedAt: '2025-01-01T00:00:00.000Z', databaseId: '../x' },
        { openedAt: 'no path' },
        7,
      ]),
    );
    await start(file());
    expect((await data<RecentFile[]>('file.recent')).map((r) => r.name)).toEqual([
      '客户资料.db',
      '旧的.db',
      '改过的.db',
    ]);
    const [first, ...rest] = recentJson();
    const [backup] = await backupsUntil((l) => l.length === 1);
    expect(first).toMatchObject({ path: file(), databaseId: path.basename(path.dirname(backup!.file)) });
    expect(rest.every((r) => r.databaseId === undefined)).toBe(true);
  });
});

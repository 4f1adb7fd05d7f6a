import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, type TestContext } from 'vitest';
import type { ErrorCode } from '../../src-main/contract';
import { AppError } from '../../src-main/db/errors';
import { loadMigrations } from '../../src-main/db/migrations';
import {
  APPLICATION_ID,
  closeDatabase,
  openDatabase,
  type OpenOptions,
  type OpenedDatabase,
} from '../../src-main/db/open';
import { call, callError, contextFor, makeTempDir, sha256File, thrownBy } from '../helpers/db';

/**
 * Opening anything safely: each kind of file that cannot be used is refused with its own code,
 * and the file (with its -wal), like the folder around it, stays exactly as it was. A file that
 * cannot be written opens read-only, refuses every write with READ_ONLY and leaves nothing beside it.
 */

const all = loadMigrations();
const latest = all.length;

let tmp: ReturnType<typeof makeTempDir>;
let dir: string;
const opened: OpenedDatabase[] = [];
/** Files and folders made read-only by a test, made writable again after it. */
const frozen: string[] = [];
const isRoot = process.getuid?.() === 0;

beforeEach(() => {
  tmp = makeTempDir();
  dir = tmp.dir;
});
afterEach(() => {
  for (const o of opened.splice(0)) o.release();
  for (const p of frozen.splice(0).reverse()) {
    if (isRoot) execFileSync('chattr', ['-i', p]);
    else fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o755 : 0o644);
  }
  tmp.remove();
});

function open(p: string, opts: OpenOptions = {}): OpenedDatabase {
  const o = openDatabase(p, { migrations: all, ...opts });
  opened.push(o);
  return o;
}

/**
 * Makes a file or folder read-only. Root writes through file modes, so as root the file system's
 * immutable flag is used; where that is not supported (tmpfs) the test is skipped.
 */
function freeze(ctx: TestContext, p: string): void {
  if (process.platform === 'win32') ctx.skip();
  try {
    if (isRoot) execFileSync('chattr', ['+i', p], { stdio: 'ignore' });
    else fs.chmodSync(p, fs.statSync(p).isDirectory() ? 0o555 : 0o444);
  } catch {
    ctx.skip();
  }
  frozen.push(p);
}

/** Every name in the folder with the sha256 of its bytes. */
function snapshot(folder = dir): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(folder)
      .sort()
      .map((n) => {
        const p = path.join(folder, n);
        return [n, fs.statSync(p).isDirectory() ? 'folder' : sha256File(p)];
      }),
  );
}

/** Opening `p` is refused with `code`; nothing in its folder changed, nothing was added. */
function expectRefused(p: string, code: ErrorCode, opts: OpenOptions = {}): AppError {
  const before = snapshot(path.dirname(p));
  const err = thrownBy(() => open(p, opts));
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  expect(snapshot(path.dirname(p))).toEqual(before);
  return err as AppError;
}

/** A Solo CRM file with two customers, closed. */
function crmFile(name = 'crm.db', migrations = all): string {
  const p = path.join(dir, name);
  const o = openDatabase(p, { migrations });
  if (migrations.length === latest) {
    const ctx = contextFor(o.db, p, o.schemaVersion);
    call(ctx, 'customers.create', { name: '北京华信科技有限公司' });
    call(ctx, 'customers.create', { name: '上海明达贸易有限公司' });
  }
  o.release();
  return p;
}

/**
 * Saves `names` as customers in the file's write-ahead log and leaves the log behind, as a crash
 * would: a second connection stays open while the first closes, so neither copies the log back.
 */
function leaveLog(p: string, names: string[]): void {
  const writer = new Database(p);
  writer.pragma('journal_mode = WAL');
  const reader = new Database(p, { readonly: true });
  reader.prepare('SELECT count(*) FROM sqlite_schema').get();
  const insert = writer.prepare(
    "INSERT INTO customers (code, name, created_at, updated_at) VALUES (?, ?, '2026-01-02', '2026-01-02')",
  );
  names.forEach((n, i) => insert.run(`C9${String(i).padStart(5, '0')}`, n));
  writer.close();
  reader.close();
  expect(fs.existsSync(`${p}-wal`)).toBe(true);
}

const customerNames = (o: OpenedDatabase) =>
  call(contextFor(o.db, o.path, o.schemaVersion), 'customers.list', {}).rows.map((r) => r.name);

/** A write through the registry is refused as READ_ONLY, reason read_only_file. */
function expectWritesRefused(o: OpenedDatabase): void {
  const ctx = contextFor(o.db, o.path, o.schemaVersion);
  expect(callError(ctx, 'customers.create', { name: '不能保存的客户' })).toMatchObject({
    code: 'READ_ONLY',
    reason: 'read_only_file',
  });
}

describe('a file that is not a Solo CRM database is refused, byte for byte as it was', () => {
  it('not SQLite: a text file (FILE_NOT_SQLITE)', () => {
    const p = path.join(dir, 'customers.csv');
    fs.writeFileSync(p, 'name,phone\n北京华信科技有限公司,010-8888 1234\n'.repeat(100));
    expectRefused(p, 'FILE_NOT_SQLITE');
    expectRefused(p, 'FILE_NOT_SQLITE', { readOnly: true });
  });

  it("another program's SQLite database (FILE_NOT_CRM)", () => {
    const p = path.join(dir, 'other.sqlite');
    const db = new Database(p);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT); INSERT INTO notes (body) VALUES ('x')");
    db.close();
    expectRefused(p, 'FILE_NOT_CRM');
    expectRefused(p, 'FILE_NOT_CRM', { readOnly: true });
  });

  it("another program's SQLite database in WAL mode, with its log left beside it (FILE_NOT_CRM)", () => {
    const p = path.join(dir, 'other-wal.sqlite');
    const db = new Database(p);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE customers (code TEXT, name TEXT, created_at TEXT, updated_at TEXT)');
    db.close();
    leaveLog(p, ['not ours', 'not ours either']);
    expect(Object.keys(snapshot())).toEqual([
      'other-wal.sqlite',
      'other-wal.sqlite-shm',
      'other-wal.sqlite-wal',
    ]);
    expectRefused(p, 'FILE_NOT_CRM');
    expectRefused(p, 'FILE_NOT_CRM', { readOnly: true });
  });

  it('a file from a newer version (FILE_TOO_NEW)', () => {
    const p = crmFile();
    const db = new Database(p);
    db.pragma(`user_version = ${latest + 1}`);
    db.close();
    expectRefused(p, 'FILE_TOO_NEW');
    expectRefused(p, 'FILE_TOO_NEW', { readOnly: true });
  });
});

describe('a damaged file is refused as FILE_DAMAGED, byte for byte as it was', () => {
  it('cut short: half the file is gone', () => {
    const p = crmFile();
    fs.truncateSync(p, Math.floor(fs.statSync(p).size / 2));
    expectRefused(p, 'FILE_DAMAGED');
    expectRefused(p, 'FILE_DAMAGED', { readOnly: true });
  });

  it('cut short within the header', () => {
    const p = crmFile();
    fs.truncateSync(p, 60);
    expectRefused(p, 'FILE_DAMAGED');
  });

  it('a page of zeros in the middle (the customers table), which used to open as healthy', () => {
    const p = crmFile();
    const db = new Database(p, { readonly: true });
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const root = db
      .prepare("SELECT rootpage FROM sqlite_schema WHERE name = 'customers'")
      .pluck()
      .get() as number;
    db.close();
    const fd = fs.openSync(p, 'r+');
    fs.writeSync(fd, Buffer.alloc(pageSize), 0, pageSize, (root - 1) * pageSize);
    fs.closeSync(fd);
    const err = expectRefused(p, 'FILE_DAMAGED');
    expect(err.message).toMatch(/damaged/);
    expectRefused(p, 'FILE_DAMAGED', { readOnly: true });
  });

  it('a write-ahead log damaged before saves that followed it', () => {
    const p = crmFile();
    leaveLog(p, ['第一位', '第二位', '第三位', '第四位']);
    const wal = fs.readFileSync(`${p}-wal`);
    // The first frame's page (the 32-byte log header, then a 24-byte frame header).
    const at = 32 + 24 + 200;
    wal[at] = wal[at]! ^ 0xff;
    fs.writeFileSync(`${p}-wal`, wal);
    const err = expectRefused(p, 'FILE_DAMAGED');
    expect(err.message).toMatch(/write-ahead log/);
    expectRefused(p, 'FILE_DAMAGED', { readOnly: true });
  });

  it('a log left by a crash, undamaged, opens with every save in it', () => {
    const p = crmFile();
    leaveLog(p, ['日志里的客户']);
    expect(customerNames(open(p, { readOnly: true }))).toContain('日志里的客户');
    opened.pop()!.release();
    expect(customerNames(open(p))).toContain('日志里的客户');
  });
});

describe('files that are not there, or empty', () => {
  it('a path that no longer exists (from 最近使用) is FILE_NOT_FOUND, and nothing is made', () => {
    const p = path.join(dir, 'moved-away.db');
    expectRefused(p, 'FILE_NOT_FOUND', { create: false });
    expectRefused(p, 'FILE_NOT_FOUND', { readOnly: true });
    const inGoneFolder = thrownBy(() => open(path.join(dir, 'gone', 'crm.db'), { create: false }));
    expect(inGoneFolder).toMatchObject({ code: 'FILE_NOT_FOUND' });
    // A folder on the way that is a file now.
    fs.writeFileSync(path.join(dir, 'was-a-folder'), 'x');
    const underAFile = thrownBy(() => open(path.join(dir, 'was-a-folder', 'crm.db'), { create: false }));
    expect(underAFile).toMatchObject({ code: 'FILE_NOT_FOUND' });
    fs.rmSync(path.join(dir, 'was-a-folder'));
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a 0-byte file is FILE_EMPTY, and becomes a database only when asked', () => {
    const p = path.join(dir, 'empty.db');
    fs.writeFileSync(p, '');
    expectRefused(p, 'FILE_EMPTY');
    expectRefused(p, 'FILE_EMPTY', { readOnly: true });
    const o = open(p, { initializeEmpty: true });
    expect(o.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  });

  it('a path with Chinese characters and spaces: made, reopened, read-only, refused with the specific code', () => {
    const folder = path.join(dir, '客户 资料', '2026 春季');
    const p = path.join(folder, '我的 客户.db');
    const made = open(p);
    call(contextFor(made.db, p, made.schemaVersion), 'customers.create', { name: '北京 华信' });
    made.release();
    expect(fs.readdirSync(folder)).toEqual(['我的 客户.db']);
    expect(customerNames(open(p))).toEqual(['北京 华信']);
    opened.pop()!.release();
    const before = snapshot(folder);
    expect(customerNames(open(p, { readOnly: true }))).toEqual(['北京 华信']);
    opened.pop()!.release();
    expect(snapshot(folder)).toEqual(before);
    const other = path.join(folder, '不是 数据库.txt');
    fs.writeFileSync(other, '客户名单');
    expectRefused(other, 'FILE_NOT_SQLITE');
    expectRefused(path.join(folder, '已 删除.db'), 'FILE_NOT_FOUND', { create: false });
  });
});

describe('a file that cannot be written opens read-only, and every write is refused as READ_ONLY', () => {
  it('a read-only file (it used to open as healthy, then every save failed as unexpected)', (ctx) => {
    const p = crmFile();
    freeze(ctx, p);
    const before = snapshot();
    const o = open(p);
    expect(o).toMatchObject({ readOnly: true, readOnlyReason: 'file', schemaVersion: latest });
    expect(customerNames(o)).toHaveLength(2);
    expectWritesRefused(o);
    o.release();
    expect(snapshot()).toEqual(before);
  });

  it('a valid file in a read-only folder (it used to be called "not a SQLite database")', (ctx) => {
    const p = crmFile();
    freeze(ctx, dir);
    const before = snapshot();
    const o = open(p);
    expect(o).toMatchObject({ readOnly: true, readOnlyReason: 'folder' });
    expect(customerNames(o)).toHaveLength(2);
    expectWritesRefused(o);
    o.release();
    expect(snapshot()).toEqual(before);
  });

  it('a read-only folder holding a file in WAL mode with a log left by a crash', (ctx) => {
    const p = crmFile();
    leaveLog(p, ['崩溃前保存的客户']);
    freeze(ctx, dir);
    const before = snapshot();
    const o = open(p);
    expect(o).toMatchObject({ readOnly: true, readOnlyReason: 'folder' });
    expect(customerNames(o)).toContain('崩溃前保存的客户');
    expectWritesRefused(o);
    o.release();
    expect(snapshot()).toEqual(before);
  });

  it('read-only on request: a file at rest in WAL mode gets no -wal or -shm beside it', () => {
    const p = crmFile();
    const db = new Database(p);
    db.pragma('journal_mode = WAL');
    db.close();
    const before = snapshot();
    const o = open(p, { readOnly: true });
    expect(o).toMatchObject({ readOnly: true, readOnlyReason: 'requested' });
    expect(customerNames(o)).toHaveLength(2);
    expect(snapshot()).toEqual(before);
    expectWritesRefused(o);
    o.release();
    expect(snapshot()).toEqual(before);
  });

  it('read-only on request: an older file is shown upgraded, and is neither upgraded nor backed up', () => {
    const p = crmFile('old.db', all.slice(0, latest - 1));
    const before = snapshot();
    const o = open(p, { readOnly: true });
    expect(o.schemaVersion).toBe(latest);
    expect(o.db.pragma('user_version', { simple: true })).toBe(latest);
    expect(customerNames(o)).toEqual([]);
    o.release();
    expect(snapshot()).toEqual(before);
  });
});

describe('a file opened for writing', () => {
  it('is left at rest in rollback-journal mode, with nothing beside it once closed', () => {
    const p = crmFile();
    const o = open(p);
    expect(o.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(fs.existsSync(`${p}.lock`)).toBe(true);
    o.release();
    expect(fs.readdirSync(dir)).toEqual(['crm.db']);
    const db = new Database(p, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    db.close();
  });

  it('closeDatabase also lets go of the lock', () => {
    const p = crmFile();
    const o = openDatabase(p, { migrations: all });
    closeDatabase(o.db);
    expect(fs.readdirSync(dir)).toEqual(['crm.db']);
    const again = open(p);
    expect(again.staleLock).toBeUndefined();
  });
});

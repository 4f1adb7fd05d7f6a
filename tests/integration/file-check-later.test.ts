import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope, FileState } from '../../src-main/contract';
import { DatabaseHost } from '../../src-main/service/host';
import { makeTempDir, sha256File } from '../helpers/db';

/**
 * A large file opens for reading at once, and for writing once SQLite's quick_check, run in a
 * thread of its own, has passed; a damaged one is then refused, not a byte of it changed. Every
 * file counts as large here (deferCheckBytes 1); the bench opens a real 700 MB one.
 */

let tmp: ReturnType<typeof makeTempDir>;
let host: DatabaseHost;
const small = () => path.join(tmp.dir, '小文件.db');
const large = () => path.join(tmp.dir, '大 文件.db');

async function data<T>(channel: string, input: unknown = {}): Promise<T> {
  const envelope: Envelope<unknown> = await host.invoke(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

/** The state once the check has answered (the file open for writing, or refused). */
async function checked(): Promise<FileState> {
  for (const start = Date.now(); Date.now() - start < 30_000;) {
    const state = await data<FileState>('file.current');
    if (state.file?.readOnlyReason !== 'checking') return state;
    await new Promise((done) => setTimeout(done, 10));
  }
  throw new Error('the check did not answer');
}

/** Writes zeros over the root page of `table`: quick_check fails, while every other check passes. */
function zeroRootPage(file: string, table: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const root = db.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(table) as number;
  db.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(pageSize), 0, pageSize, (root - 1) * pageSize);
  fs.closeSync(fd);
}

beforeEach(async () => {
  tmp = makeTempDir();
  // Every file counts as large, and its check waits a moment, so what happens meanwhile is seen.
  host = new DatabaseHost({
    file: large(),
    dataFolder: tmp.dir,
    appVersion: 't',
    deferCheckBytes: 1,
    checkDelayMs: 300,
  });
  await host.start();
  await checked();
  for (let i = 0; i < 200; i++)
    await data('customers.create', { name: `客户 ${i}`, notes: '备注'.repeat(200) });
  // Closed, so that it is at rest (no log beside it), as a file handed in is.
  await data('file.new', { path: small() });
});

afterEach(async () => {
  await host.close();
  tmp.remove();
});

describe('a large file', () => {
  it('opens for reading at once, refuses writes while it is checked, then opens for writing', async () => {
    const opened = await data<FileState>('file.open', { path: large() });
    expect(opened.file).toMatchObject({ name: '大 文件.db', readOnly: true, readOnlyReason: 'checking' });
    // Its screens read it meanwhile; a save is refused as for a read-only file, nothing written.
    expect((await data<{ total: number }>('customers.list', {})).total).toBe(200);
    const save = await host.invoke('customers.create', { name: '检查时保存' });
    expect(save).toMatchObject({ ok: false, error: { code: 'READ_ONLY' } });
    // Another Solo CRM is kept out meanwhile: the one-writer lock is held.
    expect(fs.existsSync(`${large()}.lock`)).toBe(true);

    const state = await checked();
    expect(state.file).toMatchObject({ name: '大 文件.db', readOnly: false, readOnlyReason: null });
    expect(state.lastError).toBeNull();
    await data('customers.create', { name: '检查后保存' });
    expect((await data<{ total: number }>('customers.list', {})).total).toBe(201);
  });

  it('is refused as damaged once the check fails, left byte for byte as it was', async () => {
    zeroRootPage(large(), 'customers');
    const before = sha256File(large());
    const besideLarge = () => fs.readdirSync(tmp.dir).filter((f) => f.startsWith('大 文件.db'));

    const opened = await data<FileState>('file.open', { path: large() });
    expect(opened.file?.readOnlyReason).toBe('checking');
    const state = await checked();
    expect(state.file).toBeNull();
    expect(state.lastError).toMatchObject({ code: 'FILE_DAMAGED', path: large() });
    expect(sha256File(large())).toBe(before);
    // Nothing left beside it: no log, no lock.
    expect(besideLarge()).toEqual(['大 文件.db']);
    // Opened again, the same.
    await data('file.open', { path: large() });
    expect((await checked()).lastError).toMatchObject({ code: 'FILE_DAMAGED' });
  });

  it('lets go of the file when another is opened while it is checked', async () => {
    await data('file.open', { path: large() });
    await data('file.open', { path: small() });
    expect(fs.existsSync(`${large()}.lock`)).toBe(false);
    // Whatever the abandoned check says later changes nothing.
    await new Promise((done) => setTimeout(done, 500));
    expect((await checked()).file).toMatchObject({ name: '小文件.db', readOnly: false });
    await data('file.open', { path: large() });
    expect((await checked()).file).toMatchObject({ name: '大 文件.db', readOnly: false });
  });

  it('is checked before it opens when a log is beside it (it is not at rest)', async () => {
    // A log beside it (left by a crash, say): read through a private copy, checked first.
    const writer = new Database(large());
    writer.pragma('journal_mode = WAL');
    writer.exec("UPDATE customers SET name = '崩溃前保存' WHERE id = 1");
    const wal = fs.readFileSync(`${large()}-wal`);
    writer.close();
    fs.writeFileSync(`${large()}-wal`, wal);
    const opened = await data<FileState>('file.open', { path: large() });
    expect(opened.file).toMatchObject({ readOnly: false, readOnlyReason: null });
  });
});

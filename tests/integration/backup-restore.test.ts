import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupInfo } from '../../src-main/contract/backups';
import { closeDatabase, openDatabase, type Db } from '../../src-main/db/open';
import { createBackup, listBackups, restoreBackup, undoRestore } from '../../src-main/files/backups';
import { fillCustomers } from '../helpers/backups';
import { makeTempDir, sha256File, thrownBy } from '../helpers/db';

/**
 * 恢复: the caller (the database worker) closes the file, the restore keeps a safety copy of it
 * and swaps the backup in, and the safety copy undoes it, byte for byte.
 */

let tmp: ReturnType<typeof makeTempDir>;
let userData: string;
let file: string;

beforeEach(() => {
  tmp = makeTempDir();
  userData = path.join(tmp.dir, 'userData');
  file = path.join(tmp.dir, 'data', 'crm.solocrm');
});

afterEach(() => tmp.remove());

const names = (dir: string) => fs.readdirSync(dir).sort();
const customers = (f: string): number => {
  const db = new Database(f, { readonly: true });
  try {
    return db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  } finally {
    db.close();
  }
};

/** A file with `first` customers backed up, then `more` added after the backup, closed. */
async function fileWithBackup(first: number, more: number): Promise<BackupInfo> {
  const db: Db = openDatabase(file).db;
  fillCustomers(db, first);
  const backup = await createBackup(db, {
    userData,
    reason: 'manual',
    now: () => '2026-03-01T08:00:00.000Z',
  });
  db.prepare("UPDATE customers SET name = '改过的名字' WHERE id <= ?").run(more);
  db.prepare(
    "INSERT INTO customers (code, name, created_at, updated_at) SELECT 'N' || id, name, created_at, updated_at FROM customers WHERE id <= ?",
  ).run(more);
  closeDatabase(db);
  return backup;
}

describe('restoring a backup', () => {
  it('keeps a safety copy, swaps the backup in, and undo puts the file back byte for byte', async () => {
    const backup = await fileWithBackup(500, 40);
    const before = sha256File(file);
    expect(customers(file)).toBe(540);

    const now = () => '2026-03-01T09:00:00.000Z';
    const restore = restoreBackup(file, backup, { now });
    expect(restore.restored).toEqual(backup);
    expect(restore.safety).toMatchObject({
      reason: 'safety',
      verified: true,
      time: now(),
      counts: { customers: 540 },
    });
    expect(sha256File(restore.safety!.file)).toBe(before);
    expect(sha256File(file)).toBe(sha256File(backup.file));
    expect(customers(file)).toBe(500);
    // Nothing beside the file but the file (the check of it above left nothing either).
    expect(names(path.dirname(file))).toEqual(['crm.solocrm']);

    // It opens as the app opens it, whole.
    const reopened = openDatabase(file).db;
    expect(reopened.pragma('integrity_check', { simple: true })).toBe('ok');
    closeDatabase(reopened);
    expect(sha256File(file)).not.toBe(before);

    const undone = undoRestore(file, restore, { now: () => '2026-03-01T09:05:00.000Z' });
    expect(sha256File(file)).toBe(before);
    expect(customers(file)).toBe(540);
    // The undo is a restore too: the restored state is kept, so it can be redone.
    expect(undone.safety).toMatchObject({ reason: 'safety', counts: { customers: 500 } });
    expect(listBackups(path.dirname(backup.file)).map((b) => [b.reason, b.time])).toEqual([
      ['safety', '2026-03-01T09:05:00.000Z'],
      ['safety', '2026-03-01T09:00:00.000Z'],
      ['manual', '2026-03-01T08:00:00.000Z'],
    ]);
  });

  /** Runs `body` in another process that is killed before it closes the file. */
  function crashAfter(body: string): void {
    const script = `
      const Database = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
      const db = new Database(${JSON.stringify(file)});
      ${body}
      process.kill(process.pid, 'SIGKILL');`;
    expect(() => execFileSync(process.execPath, ['-e', script], { stdio: 'pipe' })).toThrow(/SIGKILL/);
  }

  it('applies a log left by a crash before the safety copy, and removes the stale -wal and -shm', async () => {
    const backup = await fileWithBackup(300, 0);
    // Its commits are only in the log.
    crashAfter(`
      db.pragma('journal_mode = WAL');
      db.pragma('wal_autocheckpoint = 0');
      db.prepare("INSERT INTO customers (code, name, created_at, updated_at) VALUES ('CRASH1', '崩溃前', 'x', 'x')").run();`);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);
    expect(fs.existsSync(`${file}-shm`)).toBe(true);

    const restore = restoreBackup(file, backup);
    expect(names(path.dirname(file))).toEqual(['crm.solocrm']);
    expect(sha256File(file)).toBe(sha256File(backup.file));
    expect(customers(file)).toBe(300);
    // What the crashed process committed is in the safety copy, and comes back with undo.
    expect(restore.safety!.counts).toMatchObject({ customers: 301 });
    undoRestore(file, restore);
    expect(names(path.dirname(file))).toEqual(['crm.solocrm']);
    expect(customers(file)).toBe(301);
  });

  it('rolls back a transaction a crash left half-written before the safety copy', async () => {
    const backup = await fileWithBackup(2000, 0);
    // A tiny cache makes the change spill into the file before its commit: a hot journal.
    crashAfter(`
      db.pragma('journal_mode = DELETE');
      db.pragma('cache_size = 1');
      db.exec('BEGIN');
      db.prepare("UPDATE customers SET notes = hex(randomblob(500))").run();`);
    expect(fs.statSync(`${file}-journal`).size).toBeGreaterThan(0);

    const restore = restoreBackup(file, backup);
    expect(names(path.dirname(file))).toEqual(['crm.solocrm']);
    expect(restore.safety).toMatchObject({ verified: true, counts: { customers: 2000 } });
    undoRestore(file, restore);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) FROM customers WHERE length(notes) = 1000').pluck().get()).toBe(2000);
    db.close();
  });

  it('refuses a damaged backup and leaves the file as it was', async () => {
    const backup = await fileWithBackup(300, 10);
    const before = sha256File(file);
    const fd = fs.openSync(backup.file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, 4096 * 5);
    fs.closeSync(fd);
    expect(thrownBy(() => restoreBackup(file, backup))).toMatchObject({
      code: 'FILE_DAMAGED',
      message: expect.stringMatching(/is damaged/),
    });
    expect(sha256File(file)).toBe(before);
    expect(names(path.dirname(file))).toEqual(['crm.solocrm']);
    expect(listBackups(path.dirname(backup.file)).map((b) => b.reason)).toEqual(['manual']);
  });

  it('refuses while another connection still has the file open', async () => {
    const backup = await fileWithBackup(100, 5);
    const other = new Database(file);
    other.pragma('journal_mode = WAL');
    other.prepare('SELECT count(*) FROM customers').get();
    const before = sha256File(file);
    try {
      expect(thrownBy(() => restoreBackup(file, backup))).toMatchObject({
        code: 'FILE_IN_USE',
        message: expect.stringMatching(/open in another program/),
      });
    } finally {
      other.close();
    }
    expect(sha256File(file)).toBe(before);
    expect(customers(file)).toBe(105);
  });

  it.each(['copy', 'rename'] as const)(
    'fails whole when the swap fails at its %s: the file stays, no temporary file is left',
    async (step) => {
      const backup = await fileWithBackup(100, 5);
      const before = sha256File(file);
      const failing = (dest: fs.PathLike) => {
        if (String(dest).startsWith(`${file}.`)) throw new Error(`disk full (${step})`);
      };
      const copy = fs.copyFileSync;
      const rename = fs.renameSync;
      const spy =
        step === 'copy'
          ? vi.spyOn(fs, 'copyFileSync').mockImplementation((src, dest, mode) => {
              failing(dest);
              copy(src, dest, mode);
            })
          : vi.spyOn(fs, 'renameSync').mockImplementation((src, dest) => {
              if (String(dest) === file) failing(src);
              rename(src, dest);
            });
      try {
        expect(() => restoreBackup(file, backup)).toThrow(`disk full (${step})`);
      } finally {
        spy.mockRestore();
      }
      expect(sha256File(file)).toBe(before);
      expect(names(path.dirname(file))).toEqual(['crm.solocrm']);
    },
  );

  it('restores into a path where no file is left, with nothing to keep as a safety copy', async () => {
    const backup = await fileWithBackup(50, 0);
    fs.rmSync(file);
    const restore = restoreBackup(file, backup);
    expect(restore.safety).toBeNull();
    expect(customers(file)).toBe(50);
    expect(thrownBy(() => undoRestore(file, restore))).toMatchObject({ code: 'CONFLICT' });
  });
});

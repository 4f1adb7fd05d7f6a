import fs from 'node:fs';
import Database from 'better-sqlite3';
import { backupCountedTables, type RecordCounts } from '../contract/backups';
import { APPLICATION_ID, type Db } from '../db/open';

/** What checking a backup file found. */
export interface BackupCheck {
  /** quick_check said ok and the file is a Solo CRM database. */
  ok: boolean;
  /** What is wrong, in SQLite's words; empty when ok. */
  problems: string[];
  counts: RecordCounts;
  schemaVersion: number | null;
}

/** Reading the whole file through a memory map makes quick_check about a tenth faster. */
const VERIFY_MMAP_BYTES = 1 << 30;

/** Rows in each counted table the database has (a file of an older schema lacks some). */
export function recordCounts(db: Db): RecordCounts {
  const present = new Set(
    db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[],
  );
  const counts: RecordCounts = {};
  for (const table of backupCountedTables) {
    if (present.has(table))
      counts[table] = db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number;
  }
  return counts;
}

/**
 * Opens a backup file read-only and checks it: `PRAGMA quick_check` (every page read, every
 * b-tree's structure checked) must say ok, and it must be a Solo CRM file; then reads its record
 * counts. Never changes the file: the log and shared-memory files SQLite makes beside a
 * write-ahead-log file to read it are removed again.
 */
export function verifyBackupFile(file: string, opts: { nativeBinding?: string } = {}): BackupCheck {
  const wal = `${file}-wal`;
  const shm = `${file}-shm`;
  const made = { wal: !fs.existsSync(wal), shm: !fs.existsSync(shm) };
  let db: Db | undefined;
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
    db.pragma(`mmap_size = ${VERIFY_MMAP_BYTES}`);
    const problems = (db.pragma('quick_check') as { quick_check: string }[])
      .map((row) => row.quick_check)
      .filter((line) => line !== 'ok');
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) {
      problems.push('not a Solo CRM database');
    }
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    const counts = problems.length === 0 ? recordCounts(db) : {};
    return { ok: problems.length === 0, problems, counts, schemaVersion };
  } catch (err) {
    return { ok: false, problems: [(err as Error).message], counts: {}, schemaVersion: null };
  } finally {
    db?.close();
    // A reader leaves an empty log behind; one with frames in it is not ours to remove.
    if (made.wal && fs.existsSync(wal) && fs.statSync(wal).size === 0) fs.rmSync(wal);
    if (made.shm && !fs.existsSync(wal)) fs.rmSync(shm, { force: true });
  }
}

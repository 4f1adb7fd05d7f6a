import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { AppError } from './errors';

/**
 * What can be learnt of a database file before trusting it, without writing to it or making
 * anything beside it.
 */

/** `PRAGMA application_id` of every Solo CRM file: the bytes "SCRM". */
export const APPLICATION_ID = 0x5343524d;

const MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

export type PathState = { kind: 'missing' } | { kind: 'folder' } | { kind: 'file'; size: number };

export function pathState(file: string): PathState {
  try {
    const st = fs.statSync(file);
    return st.isDirectory() ? { kind: 'folder' } : { kind: 'file', size: st.size };
  } catch (err) {
    // ENOTDIR: a folder on the way is a file now.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { kind: 'missing' };
    throw err;
  }
}

/** Whether two paths name one file: the same path, or the same file reached another way (a link). */
export function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  try {
    const sa = fs.statSync(a, { bigint: true, throwIfNoEntry: false });
    const sb = fs.statSync(b, { bigint: true, throwIfNoEntry: false });
    return sa !== undefined && sb !== undefined && sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    // A folder on the way is a file (ENOTDIR): nothing is there.
    return false;
  }
}

const writable = (p: string): boolean => {
  try {
    fs.accessSync(p, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
};

/** Why nothing can be written at `file`, if so: the file itself, or its folder (no journal there). */
export function unwritable(file: string): 'file' | 'folder' | undefined {
  if (fs.existsSync(file) && !writable(file)) return 'file';
  if (!writable(path.dirname(file))) return 'folder';
  return undefined;
}

export const sideFiles = (file: string) => ({
  wal: `${file}-wal`,
  shm: `${file}-shm`,
  journal: `${file}-journal`,
});

/**
 * The file's first 100 bytes, read directly. Only for a file no connection of this process has
 * open with a lock: closing a descriptor drops the process's POSIX locks on the file.
 */
export function readHeader(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(100);
    const n = fs.readSync(fd, buf, 0, 100, 0);
    return buf.subarray(0, n);
  } finally {
    fs.closeSync(fd);
  }
}

/** Starts as a SQLite file does (a file cut short within its first bytes included). */
export const looksLikeSqlite = (header: Buffer): boolean =>
  header.length > 0 &&
  MAGIC.subarray(0, Math.min(header.length, MAGIC.length)).equals(header.subarray(0, 16));

/** A SQLite header that says the file is in write-ahead-log mode. */
export const walModeHeader = (header: Buffer): boolean =>
  header.length >= 20 && (header[18] === 2 || header[19] === 2);

export function notSqlite(file: string): AppError {
  return new AppError('FILE_NOT_SQLITE', `${file} is not a database file`);
}

export function damaged(file: string, why: string): AppError {
  return new AppError('FILE_DAMAGED', `${file} is damaged: ${why}`);
}

/**
 * A failure of SQLite while reading the file, as the user's problem with it. `header` is the
 * file's first bytes when they could be read, to tell a damaged SQLite file from another kind.
 */
export function readFailure(err: unknown, file: string, header?: Buffer): unknown {
  const code = (err as { code?: unknown })?.code;
  if (typeof code !== 'string') return err;
  const message = (err as Error).message;
  if (code === 'SQLITE_NOTADB') {
    return header && looksLikeSqlite(header) ? damaged(file, message) : notSqlite(file);
  }
  if (code.startsWith('SQLITE_CORRUPT')) return damaged(file, message);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('FILE_IN_USE', `${file} is locked by another program: ${message}`);
  }
  if (code === 'SQLITE_CANTOPEN' && fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    return notSqlite(file);
  }
  return err;
}

/** Returns the file's schema version, or throws FILE_NOT_CRM / FILE_TOO_NEW. Reads only. */
export function checkIdentity(db: Database.Database, file: string, latest: number): number {
  const appId = db.pragma('application_id', { simple: true }) as number;
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
  const isEmpty = appId === 0 && version === 0 && tables === 0;
  if (isEmpty) return 0;
  if (appId !== APPLICATION_ID) throw new AppError('FILE_NOT_CRM', `${file} is not a Solo CRM database`);
  if (version > latest) {
    throw new AppError(
      'FILE_TOO_NEW',
      `${file} was written by a newer Solo CRM (schema ${version}; this version knows ${latest})`,
    );
  }
  return version;
}

/** SQLite's quick_check (every page, record and index entry in form), or FILE_DAMAGED. Reads only. */
export function quickCheck(db: Database.Database, file: string): void {
  const rows = db.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
  const problems = rows.map((r) => r.quick_check).filter((r) => r !== 'ok');
  if (problems.length > 0) throw damaged(file, problems.join('; '));
}

/** A private file in a temp folder of its own, removed with everything beside it by `remove()`. */
export interface TempCopy {
  file: string;
  remove: () => void;
}

export function tempFile(): TempCopy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'solo-crm-view-'));
  return { file: path.join(dir, 'view.db'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A private copy of the file and of its journal or log (SQLite finds them by name beside it). */
export function tempCopy(file: string): TempCopy {
  const copy = tempFile();
  try {
    fs.copyFileSync(file, copy.file);
    const from = sideFiles(file);
    const to = sideFiles(copy.file);
    if (fs.existsSync(from.wal)) fs.copyFileSync(from.wal, to.wal);
    if (fs.existsSync(from.journal)) fs.copyFileSync(from.journal, to.journal);
  } catch (err) {
    copy.remove();
    throw err;
  }
  return copy;
}

import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import Database from 'better-sqlite3';
import { AppError } from './errors';

/**
 * One writer per file. The writer holds a write lock of the operating system on a small SQLite file
 * beside the database, `<file>.lock`: it keeps a transaction open there (BEGIN IMMEDIATE, SQLite's
 * RESERVED lock, an fcntl lock on POSIX and LockFileEx on Windows). The system drops the lock when
 * the process ends, however it ends, so a crash never leaves the file locked, and no process id is
 * ever guessed alive or dead. Other processes can still read the file's one row, which says who
 * holds it (process, computer, since when), to name the holder in FILE_IN_USE. The database itself
 * is never locked this way: the app's own threads (a job) open second connections to it.
 *
 * The lock is the opening thread's, and that of the threads it starts afterwards (a job thread):
 * they learn it from an environment variable, which a worker thread copies from the thread that
 * starts it. Another thread of the same process (a second window's database worker, started by
 * the main thread) does not have it, and is refused like another process.
 */

/** Who holds a file open for writing, as its lock file says. */
export interface LockHolder {
  pid: number;
  host: string;
  /** When it took the lock (ISO). */
  since: string;
  edition: 'desktop' | 'browser';
}

/** The lock file of a database file. */
export const lockPathFor = (file: string): string => `${file}.lock`;

/** How long taking the lock waits for a prober (probeWriterLock holds it for a moment). */
const LOCK_WAIT_MS = 200;
const SCHEMA =
  'CREATE TABLE IF NOT EXISTS holder (pid INTEGER, host TEXT, since TEXT, edition TEXT, token TEXT)';

export type WriterLock =
  /** Taken by this call; `stale` is a holder that ended without releasing it (a crash). */
  | { kind: 'held'; stale?: LockHolder; release: () => void }
  /** This thread, or the thread that started it, holds it already. */
  | { kind: 'inherited'; release: () => void }
  /** No lock file can be made beside the file (a read-only folder): it can only be read. */
  | { kind: 'unavailable'; release: () => void };

const envKey = (lockPath: string) =>
  `SOLO_CRM_WRITER_${createHash('sha256').update(lockPath).digest('hex').slice(0, 16)}`;

const nothing = () => undefined;

function connect(lockPath: string, nativeBinding: string | undefined, create: boolean): Database.Database {
  return new Database(lockPath, {
    timeout: LOCK_WAIT_MS,
    fileMustExist: !create,
    ...(nativeBinding ? { nativeBinding } : {}),
  });
}

/** Starts the write transaction that is the lock; false when someone else holds it. */
function tryLock(conn: Database.Database): boolean {
  try {
    conn.exec('BEGIN IMMEDIATE');
    return true;
  } catch (err) {
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY')) return false;
    throw err;
  }
}

function readHolder(conn: Database.Database): (LockHolder & { token: string }) | undefined {
  try {
    const row = conn.prepare('SELECT pid, host, since, edition, token FROM holder LIMIT 1').get() as
      (LockHolder & { token: string }) | undefined;
    return row && typeof row.pid === 'number' ? row : undefined;
  } catch {
    // Not made yet (its first holder is writing it now), or being written: nothing known.
    return undefined;
  }
}

/** The holder is this thread, or the thread that started it (it left its token in the environment). */
const ours = (holder: (LockHolder & { token: string }) | undefined, key: string): boolean =>
  !!holder &&
  holder.token === process.env[key] &&
  holder.pid === process.pid &&
  holder.host === os.hostname();

const publicHolder = ({ pid, host, since, edition }: LockHolder): LockHolder => ({
  pid,
  host,
  since,
  edition,
});

/** `2026-01-02 11:04` in this computer's time zone. */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function inUseError(file: string, holder: LockHolder | undefined): AppError {
  if (!holder) return new AppError('FILE_IN_USE', `${file} is open for writing in another program`);
  return new AppError(
    'FILE_IN_USE',
    `${file} is open for writing in another Solo CRM (process ${holder.pid} on ${holder.host}, since ${holder.since})`,
    {
      reason: 'open_elsewhere',
      params: { pid: holder.pid, host: holder.host, since: localTime(holder.since), edition: holder.edition },
    },
  );
}

/** True when the lock file at `lockPath` is the one holding `token` (not a file since put in its place). */
function stillAtPath(lockPath: string, token: string, nativeBinding: string | undefined): boolean {
  try {
    const check = new Database(lockPath, {
      readonly: true,
      fileMustExist: true,
      timeout: LOCK_WAIT_MS,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    try {
      return readHolder(check)?.token === token;
    } finally {
      check.close();
    }
  } catch {
    return false;
  }
}

/**
 * Takes the one-writer lock of `file` (an absolute path), or throws FILE_IN_USE naming the holder.
 * Release it with `release()`; the lock file is removed then.
 */
export function acquireWriterLock(file: string, nativeBinding?: string): WriterLock {
  const lockPath = lockPathFor(file);
  const key = envKey(lockPath);
  // A few rounds: a holder releasing at this very moment removes the file this one opened.
  for (let round = 0; round < 5; round++) {
    let conn: Database.Database;
    try {
      conn = connect(lockPath, nativeBinding, true);
    } catch {
      return { kind: 'unavailable', release: nothing };
    }
    let keep = false;
    try {
      conn.pragma('journal_mode = MEMORY');
      conn.pragma('synchronous = OFF');
      // This thread, or the one that started it, took the lock: known at once, without waiting.
      if (process.env[key] && ours(readHolder(conn), key)) {
        conn.pragma('busy_timeout = 0');
        if (!tryLock(conn)) return { kind: 'inherited', release: nothing };
        // Nobody holds it any more (its connection was closed without release): taken anew.
        conn.exec('ROLLBACK');
        conn.pragma(`busy_timeout = ${LOCK_WAIT_MS}`);
      }
      if (!tryLock(conn)) {
        const holder = readHolder(conn);
        if (ours(holder, key)) return { kind: 'inherited', release: nothing };
        throw inUseError(file, holder && publicHolder(holder));
      }
      const previous = readHolder(conn);
      const token = randomUUID();
      conn.exec(SCHEMA);
      conn.exec('DELETE FROM holder');
      conn
        .prepare('INSERT INTO holder (pid, host, since, edition, token) VALUES (?, ?, ?, ?, ?)')
        .run(
          process.pid,
          os.hostname(),
          new Date().toISOString(),
          process.versions.electron ? 'desktop' : 'browser',
          token,
        );
      // The row is committed so that others can read it; the lock is taken again at once. Whoever
      // slips in between holds it, and this call reports the file in use.
      conn.exec('COMMIT');
      if (!tryLock(conn)) {
        const holder = readHolder(conn);
        throw inUseError(file, holder && publicHolder(holder));
      }
      if (readHolder(conn)?.token !== token || !stillAtPath(lockPath, token, nativeBinding)) continue;
      process.env[key] = token;
      keep = true;
      const stale = previous && publicHolder(previous);
      return { kind: 'held', stale, release: () => releaseLock(conn, lockPath, key, token) };
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      // A lock file that is not a database (cut short by a power cut): made again.
      if (code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_CORRUPT')) {
        conn.close();
        try {
          fs.unlinkSync(lockPath);
          continue;
        } catch {
          return { kind: 'unavailable', release: nothing };
        }
      }
      if (code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_CANTOPEN')) {
        return { kind: 'unavailable', release: nothing };
      }
      throw err;
    } finally {
      if (!keep && conn.open) conn.close();
    }
  }
  throw inUseError(file, undefined);
}

function releaseLock(conn: Database.Database, lockPath: string, key: string, token: string): void {
  if (!conn.open) return;
  // Removed while still held, so that nobody takes the lock on a file that is about to go.
  let removed = false;
  try {
    fs.unlinkSync(lockPath);
    removed = true;
  } catch {
    // Windows keeps a file that is open; it is emptied instead, and removed once closed.
  }
  try {
    if (!removed) conn.exec('DELETE FROM holder');
    conn.exec('COMMIT');
  } catch {
    // Closing rolls back and releases all the same.
  }
  conn.close();
  if (process.env[key] === token) delete process.env[key];
  if (!removed && process.platform === 'win32') {
    try {
      fs.unlinkSync(lockPath);
    } catch {
      // Another process has it open: it is theirs now.
    }
  }
}

/**
 * Who holds `file` open for writing, without taking the lock or making anything: undefined when
 * nobody does, `unknown` when someone does and has not said who yet.
 */
export function probeWriterLock(file: string, nativeBinding?: string): LockHolder | 'unknown' | undefined {
  const lockPath = lockPathFor(file);
  if (!fs.existsSync(lockPath)) return undefined;
  let conn: Database.Database;
  try {
    conn = connect(lockPath, nativeBinding, false);
  } catch {
    return undefined;
  }
  try {
    // Writes nothing: the transaction is rolled back before any page is touched.
    if (tryLock(conn)) {
      conn.exec('ROLLBACK');
      return undefined;
    }
    const holder = readHolder(conn);
    return holder ? publicHolder(holder) : 'unknown';
  } catch {
    return undefined;
  } finally {
    conn.close();
  }
}

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from './errors';
import {
  APPLICATION_ID,
  checkIdentity,
  notSqlite,
  pathState,
  quickCheck,
  readFailure,
  sideFiles,
  unwritable,
} from './file-checks';
import { acquireWriterLock, probeWriterLock, type LockHolder, type WriterLock } from './lock';
import { loadMigrations, type Migration } from './migrations';
import { openView, upgradedView } from './view';

export type Db = Database.Database;
export { APPLICATION_ID, checkIdentity, quickCheck };
export type { LockHolder };

/**
 * Pages the write-ahead log may hold before a commit copies them into the file (SQLite's default
 * is 1,000). A save writes a page for each index it changes (closing an opportunity as won, about
 * fifty), so at 1,000 every twentieth save paid for the copy; the app also copies between
 * requests (main.ts), which keeps the log short in everyday use.
 */
export const WAL_AUTOCHECKPOINT = 4000;

/** Why a file is open read-only: asked for, a file or folder that cannot be written, or in use. */
export type ReadOnlyReason = 'requested' | 'file' | 'folder' | 'in_use';

export interface OpenOptions {
  migrations?: Migration[];
  /** Where better-sqlite3's compiled addon lives, when it is not the default (Electron builds). */
  nativeBinding?: string;
  /** Make a new database when nothing is at the path (新建); false refuses with FILE_NOT_FOUND (打开). */
  create?: boolean;
  /** Make a 0-byte file into a new database (the user said so); otherwise it is refused (FILE_EMPTY). */
  initializeEmpty?: boolean;
  /** Open without writing anything to the file or beside it. */
  readOnly?: boolean;
  /**
   * Take the one-writer lock (lock.ts); a file another process or window holds is refused with
   * FILE_IN_USE. False: a second connection to a file this thread's process already holds (a job
   * thread), opened without the lock and without the quick_check.
   */
  lock?: boolean;
  /** The one-writer lock, taken already by the caller (who checked the file meanwhile). */
  writerLock?: WriterLock;
  /**
   * False: SQLite's quick_check is left to the caller, who has run it (in another thread, on the
   * file as it is now) or, for a read-only open, runs it before anything is written. Default true.
   */
  quickCheck?: boolean;
  /**
   * Takes a copy before an older file is upgraded, outside any transaction, and returns where it
   * went. The default writes `<file>.v<N>-<time>.bak` beside the file (VACUUM INTO).
   */
  backupBeforeUpgrade?: (db: Db, fromVersion: number) => string | void;
}

export interface OpenedDatabase {
  db: Db;
  path: string;
  schemaVersion: number;
  /** Set when an older file was upgraded: the copy taken before the upgrade. */
  backupPath?: string;
  /** Every write is refused (READ_ONLY, reason read_only_file), and nothing is written to the file. */
  readOnly: boolean;
  readOnlyReason?: ReadOnlyReason;
  /** The holder of a lock left behind by a process that ended without closing the file; cleared. */
  staleLock?: LockHolder;
  /** Closes the connection (as closeDatabase does) and lets go of the lock and any private copy. */
  release: () => void;
}

/** What closing a connection also lets go of: its writer lock, its private copy. */
const releases = new WeakMap<Db, () => void>();

/**
 * Opens (or creates) a Solo CRM file and brings its schema up to date. Before anything is written,
 * the file is checked (application id, schema version, quick_check) and the one-writer lock taken;
 * each kind of file that cannot be used is refused with its own code (FILE_NOT_FOUND,
 * FILE_NOT_SQLITE, FILE_NOT_CRM, FILE_TOO_NEW, FILE_DAMAGED, FILE_EMPTY, FILE_IN_USE), leaving
 * the file byte for byte as it was and nothing new beside it. A file or folder that cannot be
 * written is opened read-only.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): OpenedDatabase {
  const migrations = opts.migrations ?? loadMigrations();
  const state = pathState(file);
  if (state.kind === 'folder') throw notSqlite(file);
  if (state.kind === 'missing') {
    if (opts.readOnly || opts.create === false) {
      throw new AppError('FILE_NOT_FOUND', `${file} does not exist`);
    }
    try {
      fs.mkdirSync(path.dirname(file), { recursive: true });
    } catch {
      throw folderReadOnly(file);
    }
  }
  const cannotWrite = unwritable(file);
  if (state.kind === 'missing' && cannotWrite) throw folderReadOnly(file);
  if (opts.readOnly || cannotWrite) return openReadOnly(file, cannotWrite ?? 'requested', migrations, opts);
  if (opts.lock === false) return openWritable(file, migrations, opts, undefined);

  const lock = opts.writerLock ?? acquireWriterLock(lockTarget(file), opts.nativeBinding);
  if (lock.kind === 'unavailable') return openReadOnly(file, 'folder', migrations, opts);
  try {
    return openWritable(file, migrations, opts, lock);
  } catch (err) {
    lock.release();
    throw err;
  }
}

const folderReadOnly = (file: string) =>
  new AppError('READ_ONLY', `Cannot make ${file}: its folder is read-only`, { reason: 'read_only_folder' });

/** The file's path through its folder's real path, so that every way of naming it finds one lock. */
export function lockTarget(file: string): string {
  const abs = path.resolve(file);
  return path.join(fs.realpathSync(path.dirname(abs)), path.basename(abs));
}

function openWritable(
  file: string,
  migrations: Migration[],
  opts: OpenOptions,
  lock: WriterLock | undefined,
): OpenedDatabase {
  const latest = migrations.length;
  // Looked at again under the lock: another process may have made it meanwhile.
  const state = pathState(file);
  if (state.kind === 'folder') throw notSqlite(file);
  if (state.kind === 'missing' && opts.create === false) {
    throw new AppError('FILE_NOT_FOUND', `${file} does not exist`);
  }
  if (state.kind === 'file' && state.size === 0 && !opts.initializeEmpty) throw emptyFile(file);
  const firstOpen = lock?.kind === 'held';
  // A view first, which writes nothing: the file is trusted before any connection can write.
  if (firstOpen && state.kind === 'file' && state.size > 0) {
    const view = openView(file, latest, {
      live: false,
      nativeBinding: opts.nativeBinding,
      quickCheck: opts.quickCheck,
    });
    view.db.close();
    view.copy?.remove();
  }
  const created = state.kind === 'missing';
  let db: Db;
  try {
    db = new Database(file, {
      fileMustExist: !created,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
  } catch (err) {
    throw readFailure(err, file);
  }
  try {
    try {
      checkIdentity(db, file, latest);
    } catch (err) {
      throw readFailure(err, file);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT}`);
    const backup = opts.backupBeforeUpgrade ?? besideTheFile(file);
    const backupPath = migrate(db, migrations, backup);
    releases.set(db, () => lock?.release());
    return {
      db,
      path: file,
      schemaVersion: latest,
      backupPath,
      readOnly: false,
      staleLock: lock?.kind === 'held' ? lock.stale : undefined,
      release: () => closeDatabase(db),
    };
  } catch (err) {
    db.close();
    // Under the lock nobody else uses a file this call made: it goes, with anything beside it.
    if (created && firstOpen) {
      for (const f of [file, ...Object.values(sideFiles(file))]) fs.rmSync(f, { force: true });
    }
    throw err;
  }
}

function emptyFile(file: string): AppError {
  return new AppError('FILE_EMPTY', `${file} is empty (0 bytes)`);
}

function openReadOnly(
  file: string,
  reason: ReadOnlyReason,
  migrations: Migration[],
  opts: OpenOptions,
): OpenedDatabase {
  const latest = migrations.length;
  const state = pathState(file);
  if (state.kind === 'file' && state.size === 0) throw emptyFile(file);
  // Held by the caller (a large file read while it is checked): no other writer can be there.
  const live = opts.writerLock ? false : probeWriterLock(lockTarget(file), opts.nativeBinding) !== undefined;
  let view = openView(file, latest, { live, nativeBinding: opts.nativeBinding, quickCheck: opts.quickCheck });
  if (view.version < latest) {
    view = upgradedView(view, latest, opts.nativeBinding, (db) => migrate(db, migrations, () => undefined));
  }
  const { db, copy } = view;
  db.pragma('foreign_keys = ON');
  if (copy) releases.set(db, copy.remove);
  return {
    db,
    path: file,
    schemaVersion: latest,
    readOnly: true,
    readOnlyReason: reason === 'requested' && live ? 'in_use' : reason,
    release: () => closeDatabase(db),
  };
}

/** The default copy before an upgrade: a `.vN-<time>.bak` file beside the database. */
const besideTheFile =
  (file: string) =>
  (db: Db, fromVersion: number): string => {
    // A unique name: an earlier upgrade that failed may have left its copy behind.
    const backupPath = `${file}.v${fromVersion}-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
    db.prepare('VACUUM INTO ?').run(backupPath);
    return backupPath;
  };

/**
 * Applies the migrations the file lacks, all in one transaction. The version is read again once
 * the write lock is held (BEGIN IMMEDIATE): another connection that opened the same new file at
 * the same moment may have migrated it meanwhile. Returns where the copy taken first went.
 */
function migrate(db: Db, migrations: Migration[], backup: NonNullable<OpenOptions['backupBeforeUpgrade']>) {
  const latest = migrations.length;
  const version = () => db.pragma('user_version', { simple: true }) as number;
  let backedUp = -1;
  let backupPath: string | undefined;
  for (;;) {
    const seen = version();
    if (seen >= latest) return backupPath;
    if (seen > 0 && backedUp !== seen) {
      backupPath = backup(db, seen) ?? undefined;
      backedUp = seen;
    }
    db.exec('BEGIN IMMEDIATE');
    try {
      const current = version();
      if (current !== seen) {
        db.exec('ROLLBACK');
        continue;
      }
      for (const m of migrations.slice(current)) {
        db.exec(m.sql);
        if (m.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${m.version}`);
      }
      db.exec('COMMIT');
      return backupPath;
    } catch (err) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw err;
    }
  }
}

/**
 * Lets SQLite refresh its statistics, leaves the file at rest in rollback-journal mode when this
 * is its last connection (so that it can later be read without a -wal or -shm beside it), closes,
 * and lets go of the writer lock or private copy of the connection.
 */
export function closeDatabase(db: Db): void {
  const release = releases.get(db);
  releases.delete(db);
  try {
    if (!db.open) return;
    try {
      if (!db.readonly) {
        db.pragma('optimize');
        restInRollbackMode(db);
      }
    } finally {
      db.close();
    }
  } finally {
    release?.();
  }
}

function restInRollbackMode(db: Db): void {
  if (db.inTransaction || db.pragma('journal_mode', { simple: true }) !== 'wal') return;
  db.pragma('busy_timeout = 0');
  try {
    db.pragma('journal_mode = DELETE');
  } catch {
    // Another connection still has the file open; the last one to close leaves it at rest.
  }
}

/**
 * Merges every FTS5 search index into one segment. A bulk load (an import, the practice
 * database) rewrites many search rows in one go, which leaves the index in many small,
 * tombstoned segments that slow every keyword search; this puts it back in shape.
 */
export function optimizeSearchIndexes(db: Db): void {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'",
    )
    .pluck()
    .all() as string[];
  for (const t of tables) db.prepare(`INSERT INTO "${t}" ("${t}") VALUES ('optimize')`).run();
}

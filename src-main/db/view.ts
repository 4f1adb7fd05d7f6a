import fs from 'node:fs';
import Database from 'better-sqlite3';
import {
  checkIdentity,
  damaged,
  looksLikeSqlite,
  notSqlite,
  quickCheck,
  readFailure,
  readHeader,
  sideFiles,
  tempCopy,
  tempFile,
  walModeHeader,
  type TempCopy,
} from './file-checks';
import { walDamage } from './wal';

/**
 * A read-only connection to a database file that writes nothing to it and makes nothing beside
 * it, checked (application id, schema version, quick_check) before it is handed out.
 *
 * SQLite reads a file at rest in rollback-journal mode (as closeDatabase leaves it) with no file of
 * its own beside it. Read-only, it cannot do so for a file in write-ahead-log mode (it makes a
 * -wal and -shm beside it and cannot remove them), nor for one with a log or journal left by a
 * crash (it cannot replay them): those are read from a private copy in a temp folder, where the
 * log is replayed. A file that a writer has open is read beside it, through the writer's log.
 */
export interface View {
  db: Database.Database;
  version: number;
  /** The private copy the connection reads, if it reads one. */
  copy?: TempCopy;
}

export interface ViewOptions {
  nativeBinding?: string;
  /** A writer has the file open: read it through its write-ahead log. */
  live: boolean;
  /**
   * False: SQLite's quick_check is left to the caller, who runs it (in another thread) before
   * anything is written to the file. Every other check is made.
   */
  quickCheck?: boolean;
}

const binding = (nativeBinding: string | undefined) => (nativeBinding ? { nativeBinding } : {});

export function openView(file: string, latest: number, opts: ViewOptions): View {
  if (opts.live) {
    const db = connectReadOnly(file, file, opts.nativeBinding);
    try {
      const version = checkIdentity(db, file, latest);
      if (opts.quickCheck !== false) quickCheck(db, file);
      return { db, version };
    } catch (err) {
      db.close();
      throw readFailure(err, file);
    }
  }
  const side = sideFiles(file);
  const hasWal = fs.existsSync(side.wal);
  const hasJournal = fs.existsSync(side.journal);
  if (hasWal) {
    const why = walDamage(side.wal);
    if (why) throw damaged(file, why);
  }
  const header = readHeader(file);
  if (!looksLikeSqlite(header)) throw notSqlite(file);
  if (header.length < 100) throw damaged(file, 'it ends within the database header');
  let copy: TempCopy | undefined;
  let db: Database.Database | undefined;
  try {
    if (hasWal || hasJournal || walModeHeader(header)) copy = settledCopy(file, opts.nativeBinding);
    db = connectReadOnly(copy?.file ?? file, file, opts.nativeBinding);
    const version = checkIdentity(db, file, latest);
    if (opts.quickCheck !== false) quickCheck(db, file);
    return { db, version, copy };
  } catch (err) {
    db?.close();
    copy?.remove();
    throw readFailure(err, file, header);
  }
}

/**
 * Reads `read(db)` from a file without checking it first (one that may be damaged), the way
 * openView reads one: read-only, changing no byte of it and making nothing beside it (a file with
 * a log or a journal, or in write-ahead-log mode, is read from a private copy; one a writer has
 * open, through the writer's log). `read` meets whatever SQLite makes of the file; its errors,
 * and SQLite's, are thrown as they are.
 */
export function peekFile<T>(file: string, read: (db: Database.Database) => T, opts: ViewOptions): T {
  let copy: TempCopy | undefined;
  if (!opts.live) {
    const side = sideFiles(file);
    const header = readHeader(file);
    if (!looksLikeSqlite(header)) throw notSqlite(file);
    if (fs.existsSync(side.wal) || fs.existsSync(side.journal) || walModeHeader(header)) {
      copy = settledCopy(file, opts.nativeBinding);
    }
  }
  try {
    const db = new Database(copy?.file ?? file, {
      readonly: true,
      fileMustExist: true,
      ...binding(opts.nativeBinding),
    });
    try {
      return read(db);
    } finally {
      db.close();
    }
  } finally {
    copy?.remove();
  }
}

/** A private copy of the file with its log replayed, or its journal rolled back, left at rest. */
function settledCopy(file: string, nativeBinding: string | undefined): TempCopy {
  const copy = tempCopy(file);
  try {
    const w = new Database(copy.file, { fileMustExist: true, ...binding(nativeBinding) });
    try {
      w.pragma('journal_mode = DELETE');
    } finally {
      w.close();
    }
  } catch (err) {
    copy.remove();
    throw err;
  }
  return copy;
}

function connectReadOnly(at: string, file: string, nativeBinding: string | undefined): Database.Database {
  try {
    return new Database(at, { readonly: true, fileMustExist: true, ...binding(nativeBinding) });
  } catch (err) {
    throw readFailure(err, file);
  }
}

/**
 * A view of an older file brought up to date in a private copy, for reading: the file itself is not
 * upgraded (nor backed up) until it is opened for writing.
 */
export function upgradedView(
  view: View,
  latest: number,
  nativeBinding: string | undefined,
  migrate: (db: Database.Database) => void,
): View {
  const copy = tempFile();
  try {
    try {
      // A consistent snapshot, even of a file another program is writing; writes nothing to it.
      view.db.prepare('VACUUM INTO ?').run(copy.file);
    } finally {
      view.db.close();
      view.copy?.remove();
    }
    const w = new Database(copy.file, { fileMustExist: true, ...binding(nativeBinding) });
    try {
      w.pragma('journal_mode = DELETE');
      migrate(w);
    } finally {
      w.close();
    }
    const db = new Database(copy.file, { readonly: true, fileMustExist: true, ...binding(nativeBinding) });
    return { db, version: latest, copy };
  } catch (err) {
    copy.remove();
    throw err;
  }
}

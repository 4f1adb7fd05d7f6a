import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from './errors';
import { loadMigrations, type Migration } from './migrations';

export type Db = Database.Database;

/**
 * Pages the write-ahead log may hold before a commit copies them into the file (SQLite's default
 * is 1,000). A save writes a page for each index it changes (closing an opportunity as won, about
 * fifty), so at 1,000 every twentieth save paid for the copy; the app also copies between
 * requests (main.ts), which keeps the log short in everyday use.
 */
export const WAL_AUTOCHECKPOINT = 4000;

/** `PRAGMA application_id` of every Solo CRM file: the bytes "SCRM". */
export const APPLICATION_ID = 0x5343524d;

export interface OpenOptions {
  migrations?: Migration[];
  /** Where better-sqlite3's compiled addon lives, when it is not the default (Electron builds). */
  nativeBinding?: string;
}

export interface OpenedDatabase {
  db: Db;
  path: string;
  schemaVersion: number;
  /** Set when an older file was upgraded: the copy taken before the upgrade. */
  backupPath?: string;
}

/**
 * Opens (or creates) a Solo CRM file and brings its schema up to date.
 * A file that is not ours, or is from a newer version of the app, is refused before anything
 * is written to it.
 */
export function openDatabase(file: string, opts: OpenOptions = {}): OpenedDatabase {
  const migrations = opts.migrations ?? loadMigrations();
  const latest = migrations.length;
  fs.mkdirSync(path.dirname(file), { recursive: true });

  let db: Db;
  try {
    db = new Database(file, opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {});
  } catch (err) {
    throw new AppError('FILE_NOT_CRM', `Cannot open ${file}: ${(err as Error).message}`);
  }
  try {
    const current = checkIdentity(db, file, latest);
    let backupPath: string | undefined;
    if (current > 0 && current < latest) {
      // A unique name: an earlier upgrade that failed may have left its copy behind.
      backupPath = `${file}.v${current}-${new Date().toISOString().replace(/[:.]/g, '-')}.bak`;
      db.prepare('VACUUM INTO ?').run(backupPath);
    }
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT}`);
    for (const m of migrations.slice(current)) applyMigration(db, m);
    return { db, path: file, schemaVersion: latest, backupPath };
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Returns the file's schema version, or throws FILE_NOT_CRM / FILE_TOO_NEW. Reads only. */
function checkIdentity(db: Db, file: string, latest: number): number {
  let appId: number;
  let version: number;
  let tables: number;
  try {
    appId = db.pragma('application_id', { simple: true }) as number;
    version = db.pragma('user_version', { simple: true }) as number;
    tables = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n;
  } catch (err) {
    throw new AppError('FILE_NOT_CRM', `${file} is not a SQLite database: ${(err as Error).message}`);
  }
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

function applyMigration(db: Db, m: Migration): void {
  db.transaction(() => {
    db.exec(m.sql);
    if (m.version === 1) db.pragma(`application_id = ${APPLICATION_ID}`);
    db.pragma(`user_version = ${m.version}`);
  })();
}

/** Lets SQLite refresh its statistics, then closes. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('optimize');
  } finally {
    db.close();
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

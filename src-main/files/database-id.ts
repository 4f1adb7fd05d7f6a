import crypto from 'node:crypto';
import { AppError } from '../db/errors';
import { APPLICATION_ID } from '../db/file-checks';
import { probeWriterLock } from '../db/lock';
import { lockTarget, type Db } from '../db/open';
import { peekFile } from '../db/view';

/**
 * A database's own id, kept in the file (the settings table, key `database_id`): its backups are
 * filed under it, so they follow the file wherever it is moved or renamed. A copy made with
 * 另存副本 must get a new one (`assignNewDatabaseId`), or it would share its original's backups.
 */

const KEY = 'database_id';
/** A random UUID: anything else found under the key (a hand-edited file) is replaced. */
const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const isDatabaseId = (id: string): boolean => ID_PATTERN.test(id);

/** Whether the file has the settings table (schema 9 and later). */
function hasSettings(db: Db): boolean {
  return (
    db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'settings'").pluck().get() !==
    undefined
  );
}

/** The file's id, or null when it has none yet (or a file older than schema 9, which cannot). */
export function readDatabaseId(db: Db): string | null {
  if (!hasSettings(db)) return null;
  const id = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined;
  return id !== undefined && isDatabaseId(id) ? id : null;
}

/**
 * The id kept in a database file that is not open here, read without changing a byte of it or
 * making anything beside it, and without trusting it: a damaged file often still has its id (the
 * settings table's page is not the damaged one). Null when it has none, when it is not a Solo CRM
 * file, or when SQLite cannot read that far.
 */
export function readDatabaseIdOfFile(file: string, nativeBinding?: string): string | null {
  try {
    // A file another Solo CRM has open is read through its log, never copied or opened by hand.
    const live = probeWriterLock(lockTarget(file), nativeBinding) !== undefined;
    return peekFile(
      file,
      (db) => (db.pragma('application_id', { simple: true }) === APPLICATION_ID ? readDatabaseId(db) : null),
      { live, nativeBinding },
    );
  } catch {
    // Damaged where the id is, or not a database at all: nothing is known from the file itself.
    return null;
  }
}

/**
 * Gives the file a new id (random unless given) and returns it: for a fresh copy made with
 * 另存副本, and for a file upgraded from before schema 9 whose before-upgrade backup was filed
 * under an id chosen in advance. One short write; the file must be writable.
 */
export function assignNewDatabaseId(db: Db, id: string = crypto.randomUUID()): string {
  if (!isDatabaseId(id)) throw new AppError('VALIDATION', `Not a database id: ${id}`);
  if (!hasSettings(db)) {
    throw new AppError('CONFLICT', 'This file is too old to hold an id: upgrade it first');
  }
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, id);
  return id;
}

/**
 * The file's id, created on first need: one short write transaction (call it outside a read
 * snapshot), in which two connections asking at once agree on one id.
 */
export function ensureDatabaseId(db: Db): string {
  const existing = readDatabaseId(db);
  if (existing) return existing;
  return db.transaction(() => readDatabaseId(db) ?? assignNewDatabaseId(db)).immediate();
}

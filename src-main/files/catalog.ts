import fs from 'node:fs';
import path from 'node:path';
import { backupReasons, type BackupInfo, type BackupReason, type RecordCounts } from '../contract/backups';
import { AppError, notFound } from '../db/errors';
import { fsyncDir, sqliteCompanions, tempBeside, writeFileAtomic } from './durable';
import { isDatabaseId } from './database-id';

/**
 * The backups of one database: `<userData>/backups/<database id>/`, one file per backup named
 * by its time (UTC) and reason, `20260102T030405123Z-interval.db`, and beside it a small record
 * of what its check found, `….db.json`. The folder is the catalog: a backup is listed when its
 * file is there; the file is renamed into place only after it was checked and its record
 * written, so a crash leaves either a whole, recorded backup or a temporary file nobody lists.
 */

/** What the record beside a backup keeps (time and reason are in the file name). */
interface BackupRecord {
  counts: RecordCounts;
  verified: boolean;
  schemaVersion: number | null;
}

const NAME = new RegExp(
  `^(\\d{8}T\\d{9}Z)-(${[...backupReasons].sort((a, b) => b.length - a.length).join('|')})(?:-(\\d+))?\\.db$`,
);
/** Temporary files of backups being written: removed once older than this. */
const STALE_TEMP_MS = 24 * 3600_000;
const TEMP_TAG = 'partial';

/** The folder of one database's backups. */
export function backupsDir(userData: string, databaseId: string): string {
  if (!isDatabaseId(databaseId)) throw new AppError('VALIDATION', `Not a database id: ${databaseId}`);
  return path.join(userData, 'backups', databaseId);
}

const compactTime = (iso: string): string => new Date(iso).toISOString().replace(/[-:.]/g, '');
const isoTime = (compact: string): string =>
  `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}T${compact.slice(9, 11)}:${compact.slice(11, 13)}:${compact.slice(13, 15)}.${compact.slice(15, 18)}Z`;

/** A backup file's time and reason, or null for any other file. */
export function parseBackupName(name: string): { time: string; reason: BackupReason } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const time = isoTime(m[1]!);
  return Number.isNaN(Date.parse(time)) ? null : { time, reason: m[2] as BackupReason };
}

const recordOf = (file: string) => `${file}.json`;

function readRecord(file: string): BackupRecord | null {
  try {
    const record = JSON.parse(fs.readFileSync(recordOf(file), 'utf8')) as Partial<BackupRecord>;
    return typeof record.verified === 'boolean' && typeof record.counts === 'object' && record.counts
      ? {
          counts: record.counts,
          verified: record.verified,
          schemaVersion: typeof record.schemaVersion === 'number' ? record.schemaVersion : null,
        }
      : null;
  } catch {
    return null;
  }
}

function infoOf(dir: string, name: string): BackupInfo | null {
  const parsed = parseBackupName(name);
  const file = path.join(dir, name);
  const stat = parsed && fs.statSync(file, { throwIfNoEntry: false });
  if (!parsed || !stat?.isFile()) return null;
  const record = readRecord(file);
  return {
    name,
    file,
    ...parsed,
    sizeBytes: stat.size,
    counts: record?.counts ?? null,
    // A backup whose record is lost is not known to be good.
    verified: record?.verified ?? false,
    schemaVersion: record?.schemaVersion ?? null,
  };
}

/** The backups in `dir`, newest first; none when the folder does not exist. */
export function listBackups(dir: string): BackupInfo[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .map((name) => infoOf(dir, name))
    .filter((b): b is BackupInfo => b !== null)
    .sort((a, b) => (a.time === b.time ? b.name.localeCompare(a.name) : b.time.localeCompare(a.time)));
}

/** The backup named `name` in `dir` (a name from `listBackups`, never a path). */
export function findBackup(dir: string, name: string): BackupInfo {
  const found = parseBackupName(name) ? infoOf(dir, name) : null;
  if (!found) throw notFound('Backup', name);
  return found;
}

/** Deletes a backup and its record (the file first: a record alone is never listed). */
export function removeBackup(dir: string, name: string): void {
  if (!parseBackupName(name)) throw notFound('Backup', name);
  const file = path.join(dir, name);
  for (const f of [file, ...sqliteCompanions(file), recordOf(file)]) fs.rmSync(f, { force: true });
}

/** Where a new backup goes: a free name for its time and reason, and a temporary file beside it. */
export interface NewBackup {
  dir: string;
  name: string;
  file: string;
  /** Written and checked under this name, then renamed to `file`. */
  temp: string;
}

export function newBackup(dir: string, time: string, reason: BackupReason): NewBackup {
  fs.mkdirSync(dir, { recursive: true });
  const base = `${compactTime(time)}-${reason}`;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base}.db` : `${base}-${n}.db`;
    const file = path.join(dir, name);
    if (!fs.existsSync(file) && !fs.existsSync(recordOf(file))) {
      return { dir, name, file, temp: tempBeside(file, TEMP_TAG) };
    }
  }
}

/**
 * Puts a written and checked backup into the catalog: its record first, then the file renamed
 * into place, then the folder flushed. Returns it as listed.
 */
export function commitBackup(target: NewBackup, record: BackupRecord): BackupInfo {
  writeFileAtomic(recordOf(target.file), JSON.stringify(record));
  fs.renameSync(target.temp, target.file);
  fsyncDir(target.dir);
  const info = infoOf(target.dir, target.name);
  if (!info) throw new Error(`The backup ${target.file} vanished as it was written`);
  return info;
}

/** Removes what a backup that failed left behind: its temporary file and any record. */
export function abandonBackup(target: NewBackup): void {
  for (const f of [target.temp, ...sqliteCompanions(target.temp)]) fs.rmSync(f, { force: true });
  if (!fs.existsSync(target.file)) fs.rmSync(recordOf(target.file), { force: true });
}

/**
 * Removes what a crash left behind, once older than a day (no backup takes that long to write):
 * temporary files, and records whose backup is gone. `nowMs` is the file system's clock.
 */
export function removeLeftovers(dir: string, nowMs: number = Date.now()): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const temporary = /\.(partial|tmp)(-wal|-shm|-journal)?$/.test(name);
    const orphan = name.endsWith('.db.json') && !fs.existsSync(file.slice(0, -'.json'.length));
    if (!temporary && !orphan) continue;
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat && nowMs - stat.mtimeMs > STALE_TEMP_MS) fs.rmSync(file, { force: true });
  }
}

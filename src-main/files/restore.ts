import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../contract/backups';
import { AppError } from '../db/errors';
import { unwritable } from '../db/file-checks';
import { acquireWriterLock, inUseError } from '../db/lock';
import { lockTarget, type Db } from '../db/open';
import { backupFile } from './backup';
import { copyFileDurable, fsyncDir, sqliteCompanions, tempBeside } from './durable';
import { verifyBackupFile } from './verify';

export interface RestoreOptions {
  /** The clock, as an ISO string (the safety copy's time); tests fix it. */
  now?: () => string;
  /** better-sqlite3's addon, when not the default (Electron builds). */
  nativeBinding?: string;
}

export interface RestoreResult {
  /** The backup now in place of the file. */
  restored: BackupInfo;
  /**
   * The file as it was just before, byte for byte, kept among the backups (reason `safety`):
   * `undoRestore` puts it back. Null when there was no file to keep.
   */
  safety: BackupInfo | null;
}

const nonEmpty = (file: string) => (fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) > 0;

/**
 * Puts a backup in place of the database at `databasePath`. The caller closes every connection
 * to the file first (and reopens it after). Steps:
 * 1. the backup is checked again (quick_check): a damaged one is refused before anything changes;
 * 2. the current file's write-ahead log is copied into it, and the file is copied as it is into
 *    the backups (reason `safety`, checked; kept even when the check fails, since it is what the
 *    file was);
 * 3. the swap: the backup is copied to a temporary file beside the target and flushed, the
 *    target's stale -wal/-shm/-journal (empty after step 2) are removed, and the temporary file
 *    is renamed over the target.
 * A crash at any step leaves the old file or the new one whole at `databasePath`, never a mix:
 * the rename is the only step that changes it, and the log it would need is never thrown away.
 */
export function restoreBackup(
  databasePath: string,
  backup: BackupInfo,
  opts: RestoreOptions = {},
): RestoreResult {
  const target = path.resolve(databasePath);
  const now = opts.now ?? (() => new Date().toISOString());
  const check = verifyBackupFile(backup.file, opts);
  // A safety copy that never passed its check is still what the file was: undo puts it back.
  if (!check.ok && !(backup.reason === 'safety' && !backup.verified)) {
    throw new AppError(
      'FILE_DAMAGED',
      `The backup ${backup.name} is damaged: ${check.problems.slice(0, 5).join('; ')}`,
    );
  }
  let safety: BackupInfo | null = null;
  if (fs.existsSync(target)) {
    settle(target, opts);
    safety = backupFile(target, path.dirname(backup.file), 'safety', { ...opts, now });
  }
  swapIn(backup.file, target);
  return { restored: backup, safety };
}

/**
 * restoreBackup for a file that no connection here has open (one refused as damaged), under the
 * file's writer lock so that no Solo CRM opens it halfway. Refused before anything changes when
 * the file cannot be written (READ_ONLY) or another Solo CRM (FILE_IN_USE, naming it) or another
 * program (FILE_IN_USE, from settle) has it open.
 */
export function restoreClosedFile(
  databasePath: string,
  backup: BackupInfo,
  opts: RestoreOptions = {},
): RestoreResult {
  const target = path.resolve(databasePath);
  const cannotWrite = unwritable(target);
  if (cannotWrite) {
    throw new AppError('READ_ONLY', `${target} cannot be written`, {
      reason: cannotWrite === 'file' ? 'read_only_file' : 'read_only_folder',
    });
  }
  const lock = acquireWriterLock(lockTarget(target), opts.nativeBinding);
  try {
    // Inherited: this thread has it open under another name, and must restore it as the open file.
    if (lock.kind !== 'held') throw inUseError(target, undefined);
    return restoreBackup(target, backup, opts);
  } finally {
    lock.release();
  }
}

/** Undoes a restore: the safety copy it took goes back in place (itself as a restore, so undoable). */
export function undoRestore(
  databasePath: string,
  restore: RestoreResult,
  opts: RestoreOptions = {},
): RestoreResult {
  if (!restore.safety) throw new AppError('CONFLICT', 'There was no file before this restore to go back to');
  return restoreBackup(databasePath, restore.safety, opts);
}

/**
 * Copies the file's write-ahead log into it (a log left by a crash, say), so the file alone is
 * the whole database. A file SQLite cannot read is left as it is. Refuses a file another program
 * still has open: its log and shared memory are still there after this connection closes.
 */
function settle(file: string, opts: RestoreOptions): void {
  let db: Db | undefined;
  let opened = false;
  try {
    db = new Database(file, {
      fileMustExist: true,
      ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}),
    });
    // The first read applies a log, or rolls back a hot journal; then the log is emptied.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    db.pragma('wal_checkpoint(TRUNCATE)');
    opened = true;
  } catch {
    // Damaged, or not a database at all: kept as it is by the safety copy.
  } finally {
    db?.close();
  }
  // The last connection to close removes both; they outlive it only while another has it open.
  if (opened && (nonEmpty(`${file}-wal`) || fs.existsSync(`${file}-shm`))) {
    throw new AppError('FILE_IN_USE', `${file} is open in another program: close it there first`);
  }
}

/** Replaces `target` with a copy of `src`, whole or not at all. */
function swapIn(src: string, target: string): void {
  const temp = tempBeside(target, 'restoring');
  try {
    copyFileDurable(src, temp);
    // Stale beside the new file: SQLite would apply an old log to it.
    for (const f of sqliteCompanions(target)) fs.rmSync(f, { force: true });
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  fsyncDir(path.dirname(target));
}

import { z } from 'zod';
import { channel } from './channel';
import { filePath, type FileState } from './files';
/**
 * Rolling backups of a database file (src-main/files/backups.ts), as the 备份 screen lists them.
 * Each is a whole, verified copy of the file in `<userData>/backups/<database id>/`. The id is
 * kept in the file, and in the recent list for each file opened, so that the backups of a file
 * that no longer opens (FILE_DAMAGED) are found and one of them restored in its place.
 */

/** Why a backup was taken: by the schedule, by the user, or before a risky operation. */
export const backupReasons = [
  /** At open, when the newest backup is more than a day old. */
  'open',
  /** Every 15 minutes while the file changes. */
  'interval',
  /** At close, when the file changed since the last backup. */
  'close',
  /** 立即备份. */
  'manual',
  'before-import',
  /** Taken by the app while the file is still open, before it starts a restore. */
  'before-restore',
  'before-upgrade',
  /** Before 清空回收站. */
  'before-empty-trash',
  /** The current file, copied as it is by a restore just before the swap: the way back (undo). */
  'safety',
] as const;
export type BackupReason = (typeof backupReasons)[number];

/** The reasons a `backup.create` job takes: every one but `safety`, which only a restore makes. */
export const jobBackupReasons = [
  'open',
  'interval',
  'close',
  'manual',
  'before-import',
  'before-restore',
  'before-upgrade',
  'before-empty-trash',
] as const satisfies readonly BackupReason[];

/** The tables whose rows a backup counts, for the screen to show what is in it. */
export const backupCountedTables = [
  'customers',
  'contacts',
  'products',
  'opportunities',
  'sales',
  'activities',
  'feedback',
  'expenses',
  'trash',
] as const;

/** Rows per table; a table the file does not have (an older schema) is left out. */
export type RecordCounts = Partial<Record<(typeof backupCountedTables)[number], number>>;

/** One backup, as the 备份 screen lists it. */
export interface BackupInfo {
  /** The file name in the database's backups folder; it names the backup to restore. */
  name: string;
  /** Where the backup file is. */
  file: string;
  /** When it was taken, ISO: it holds everything committed before this instant. */
  time: string;
  reason: BackupReason;
  sizeBytes: number;
  /** Read from the backup itself when it was checked; null when not known. */
  counts: RecordCounts | null;
  /**
   * `PRAGMA quick_check` said ok when it was written. Only a safety copy of a damaged file is
   * kept without it (it is what the file was, to undo a restore).
   */
  verified: boolean;
  /** The schema version of the copy, when it was checked. */
  schemaVersion: number | null;
}

/**
 * What a restore answers: the file as it is now, and the safety copy that 撤销 restores. Once the
 * backup is in place the restore stands, even should the file then not open (undone back to a
 * damaged file): `state` then says why (`lastError`, with `file` the one still open, if any).
 */
export interface RestoreOutcome {
  state: FileState;
  /** The name of the copy of the file as it was just before: restoring it undoes the restore. */
  safety: string | null;
}

export const backupRestoreInput = z.strictObject({
  /** A name from `backups.list` or `backups.forFile`, never a path. */
  name: z.string().trim().min(1).max(255),
  /**
   * The file to restore, when it is not the open one (one refused as FILE_DAMAGED, from
   * `file.current`'s `lastError.path` or 最近使用). Left out, or the open file's path: the open file.
   */
  path: filePath.optional(),
});

/**
 * 备份: a file's backups, and 恢复 one of them (撤销 is restoring the safety copy).
 * - `backups.list`: the open file's, newest first (NO_FILE when none is open).
 * - `backups.forFile`: those of the file at `path`, open or not, newest first: for a file that
 *   does not open (damaged), found by the id read from the file as it is (read-only: it is not
 *   changed, nothing is made beside it), else by the id the recent list kept for that path.
 *   Empty when neither is known (a file never opened here, a path where nothing is).
 * - `backups.restore`: the backup `name` of the open file, or of the file at `path`, takes that
 *   file's place, after a byte-for-byte safety copy of it among its backups (reason `safety`;
 *   unverified when the file was damaged). Then that file is open: with `path`, in place of the
 *   file open before (closed once the restored one opens, as `file.open` does). Refused with
 *   nothing changed (and the open file still open) when the backup is unknown (NOT_FOUND) or
 *   damaged (FILE_DAMAGED), nothing is at `path` (FILE_NOT_FOUND), the file cannot be written
 *   (READ_ONLY, also for the open file open read-only), or another program has it open
 *   (FILE_IN_USE).
 */
export const backupChannels = {
  'backups.list': channel(z.strictObject({})).returns<BackupInfo[]>(),
  'backups.forFile': channel(z.strictObject({ path: filePath })).returns<BackupInfo[]>(),
  'backups.restore': channel(backupRestoreInput).returns<RestoreOutcome>(),
};

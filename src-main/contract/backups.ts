import { z } from 'zod';
import { channel } from './channel';
import type { FileState } from './files';
/**
 * Rolling backups of a database file (src-main/files/backups.ts), as the 备份 screen lists them.
 * Each is a whole, verified copy of the file in `<userData>/backups/<database id>/`.
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

/** What a restore answers: the file as it is now, and the safety copy that 撤销 restores. */
export interface RestoreOutcome {
  state: FileState;
  /** The name of the copy of the file as it was just before: restoring it undoes the restore. */
  safety: string | null;
}

/** 备份: the open file's backups, and 恢复 one of them (撤销 is restoring the safety copy). */
export const backupChannels = {
  'backups.list': channel(z.strictObject({})).returns<BackupInfo[]>(),
  'backups.restore': channel(
    z.strictObject({ name: z.string().trim().min(1).max(255) }),
  ).returns<RestoreOutcome>(),
};

/**
 * Rolling backups of the open database, for the database worker and the 备份 screen's channels.
 *
 * Taking one (the `backup.create` job, jobs/kinds.ts, runs it in a job thread):
 *   createBackup(db, { userData, reason, now?, job?, … }) → Promise<BackupInfo>
 *     a verified copy in `<userData>/backups/<database id>/`, then the catalog pruned
 *     (files/retention.ts). `db` is a connection of its own: it holds a snapshot across awaits.
 * Of a closed file (before an upgrade: copied as it is, before openDatabase migrates it):
 *   backupFile(file, backupsDir(userData, id), 'before-upgrade', opts?) → BackupInfo
 *   (id: readDatabaseId of a read-only connection; a file older than schema 9 has none: pick a
 *   random UUID, then assignNewDatabaseId(db, thatId) once it is upgraded).
 * The id: ensureDatabaseId(db) at open (one short write, the first time); read-only files are
 * not backed up (they cannot change).
 * Deciding when (the worker, on open, on a timer and at close):
 *   dueBackup({ event, now, newest, changed }) → 'open' | 'interval' | 'close' | null
 *   changeStamp(db) → a stamp; unequal to the one taken at the last backup = changed since.
 * Listing, for the screen:
 *   backupsDir(userData, ensureDatabaseId(db)) → the folder; listBackups(dir) → newest first;
 *   findBackup(dir, name) → one of them (names come back from the screen, never paths).
 * Restoring (the worker closes the file first and opens it again after):
 *   restoreBackup(databasePath, backup, opts?) → { restored, safety }
 *   undoRestore(databasePath, thatResult, opts?) → puts `safety` back.
 *   restoreClosedFile(databasePath, backup, opts?): the same for a file that is not open (one
 *   refused as damaged), under its writer lock. Its backups are found by
 *   readDatabaseIdOfFile(file) (read as it is, never changed), else by the id the recent list
 *   remembered for its path (files/recent.ts).
 * A new copy of a file (另存副本) gets its own catalog: assignNewDatabaseId(copyDb).
 */
export { backupsDir, findBackup, listBackups } from './catalog';
export { backupFile, createBackup, pruneBackups, type CreateBackupOptions } from './backup';
export { changeStamp, type ChangeStamp } from './changes';
export { assignNewDatabaseId, ensureDatabaseId, readDatabaseId, readDatabaseIdOfFile } from './database-id';
export { RETENTION, retentionPlan, type RetainedBackup, type RetentionPlan } from './retention';
export {
  restoreBackup,
  restoreClosedFile,
  undoRestore,
  type RestoreOptions,
  type RestoreResult,
} from './restore';
export {
  dueBackup,
  INTERVAL_BACKUP_MS,
  OPEN_BACKUP_AFTER_MS,
  type BackupEvent,
  type ScheduleInput,
} from './schedule';
export { verifyBackupFile, type BackupCheck } from './verify';

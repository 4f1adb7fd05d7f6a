import type { BackupInfo, BackupReason, RecordCounts } from '../contract/backups';
import { AppError } from '../db/errors';
import type { Db } from '../db/open';
import { noJobControl, type JobControl } from '../jobs/control';
import {
  abandonBackup,
  backupsDir,
  commitBackup,
  listBackups,
  newBackup,
  removeBackup,
  removeLeftovers,
} from './catalog';
import { ensureDatabaseId } from './database-id';
import { copyFileDurable, fsyncFileAsync } from './durable';
import { retentionPlan } from './retention';
import { copySnapshot, markRollbackJournal } from './snapshot-copy';
import { verifyBackupFile } from './verify';

export interface CreateBackupOptions {
  /** The user-data folder: backups go to `<userData>/backups/<database id>/`. */
  userData: string;
  reason: BackupReason;
  /**
   * The clock, as an ISO string; tests fix it. A backup is dated when it starts: it holds
   * everything committed before that instant (and perhaps a little after).
   */
  now?: () => string;
  /**
   * The id to file it under. By default the file's own, created on first need (a short write
   * before the snapshot); give one for a file that cannot hold it yet (older than schema 9).
   */
  databaseId?: string;
  job?: JobControl;
  /** better-sqlite3's addon, when not the default (Electron builds): the check opens the copy. */
  nativeBinding?: string;
  /** `pages` forces the page-by-page copy (tests); see files/snapshot-copy.ts. */
  method?: 'auto' | 'pages';
  /** Apply the retention rules afterwards (default true). */
  prune?: boolean;
}

const sameCounts = (a: RecordCounts, b: RecordCounts) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Takes a backup of the open database `db` while the app goes on (files/snapshot-copy.ts),
 * checks it, files it in the catalog and prunes the catalog. Steps, each told as progress:
 * `copy` (pages done of total, cancellable between steps), `verify` (the copy opened read-only:
 * quick_check must say ok and its record counts must be the snapshot's; meanwhile the copy is
 * flushed to the disk), then the rename into place. A cancel or a failure leaves no file behind.
 * `db` is a connection of the backup's own (a job thread's): outside a transaction when called,
 * then holding the snapshot's read transaction across awaits. Nothing is written to the file but
 * its id, once.
 */
export async function createBackup(db: Db, opts: CreateBackupOptions): Promise<BackupInfo> {
  const job = opts.job ?? noJobControl;
  const now = opts.now ?? (() => new Date().toISOString());
  const dir = backupsDir(opts.userData, opts.databaseId ?? ensureDatabaseId(db));
  const target = newBackup(dir, now(), opts.reason);
  let info: BackupInfo;
  try {
    const snapshot = await copySnapshot(db, target.temp, { job, method: opts.method });
    markRollbackJournal(target.temp);
    job.progress('verify', 0, 1);
    const flushed = fsyncFileAsync(target.temp);
    // Hold the flush's failure until it is awaited below.
    flushed.catch(() => undefined);
    const check = verifyBackupFile(target.temp, { nativeBinding: opts.nativeBinding });
    await flushed;
    if (!check.ok) {
      // The copy holds the database's pages as they are: the database itself is damaged.
      throw new AppError(
        'FILE_DAMAGED',
        `The backup failed its check: ${check.problems.slice(0, 5).join('; ')}`,
      );
    }
    if (!sameCounts(check.counts, snapshot.counts)) {
      throw new AppError('INTERNAL', 'The backup does not hold what the database held when it was taken');
    }
    job.checkpoint();
    info = commitBackup(target, {
      counts: check.counts,
      verified: true,
      schemaVersion: check.schemaVersion,
    });
    job.progress('verify', 1, 1);
  } catch (err) {
    abandonBackup(target);
    throw err;
  }
  if (opts.prune !== false) pruneBackups(dir, now());
  return info;
}

/**
 * A backup of a database file nobody has open (the worker closed it: before a restore swaps it,
 * before an upgrade changes it), copied byte for byte into the catalog folder `dir` and checked.
 * A copy that fails its check is refused (FILE_DAMAGED), but for a `safety` copy: that one is
 * what the file was, kept to undo a restore, and listed as not verified. Not pruned here.
 */
export function backupFile(
  file: string,
  dir: string,
  reason: BackupReason,
  opts: { now?: () => string; nativeBinding?: string } = {},
): BackupInfo {
  const target = newBackup(dir, (opts.now ?? (() => new Date().toISOString()))(), reason);
  try {
    copyFileDurable(file, target.temp);
    const check = verifyBackupFile(target.temp, opts);
    if (!check.ok && reason !== 'safety') {
      throw new AppError(
        'FILE_DAMAGED',
        `${file} failed its check: ${check.problems.slice(0, 5).join('; ')}`,
      );
    }
    return commitBackup(target, {
      counts: check.counts,
      verified: check.ok,
      schemaVersion: check.schemaVersion,
    });
  } catch (err) {
    abandonBackup(target);
    throw err;
  }
}

/**
 * Deletes the backups in `dir` that the retention rules (files/retention.ts) do not keep at
 * `now`, and the leftovers of crashes; returns the names deleted.
 */
export function pruneBackups(dir: string, now: string | number | Date): string[] {
  const { remove } = retentionPlan(listBackups(dir), now);
  for (const b of remove) removeBackup(dir, b.name);
  removeLeftovers(dir);
  return remove.map((b) => b.name);
}

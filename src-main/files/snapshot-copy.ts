import fs from 'node:fs';
import type { RecordCounts } from '../contract/backups';
import type { Db } from '../db/open';
import { noJobControl, type JobControl } from '../jobs/control';
import { removeDatabaseFiles } from './durable';
import { recordCounts } from './verify';

/**
 * A copy of an open database, taken while every other connection goes on reading and writing.
 *
 * Measured on the bench file (725 MB: 100,000 customers, 1,000,000 sale lines; `npm run bench`),
 * where `cp` takes 0.22 s and `cp` plus fsync 0.53 s:
 * - better-sqlite3's `db.backup()` copies page by page through SQLite. SQLite starts it over
 *   whenever another connection commits, so under steady writes it never ends (830 restarts in
 *   3,000 steps, in a test) — unless the copying connection holds one read transaction across all
 *   steps: then every step reads that snapshot, nothing restarts, and writers go on beside it
 *   (WAL). 1.0 s, its own fsync included: 4.7 times `cp`.
 * - `VACUUM INTO` rebuilds the file from one snapshot: 2.2–3.7 s, with no progress to tell and no
 *   way to stop it midway.
 * - The database file itself, copied by the kernel as `cp` does (copy_file_range): 0.24 s, 1.07
 *   times `cp`. It is the snapshot only when the file holds every page of it: when the snapshot
 *   starts with the write-ahead log wholly copied into the file (a checkpoint left nothing behind
 *   and nothing was committed since: `data_version` tells). A checkpoint never writes a page into
 *   the file past a reader's end mark, so the file then stays as it is while the snapshot is held.
 *
 * So: the file copy when the log is settled (the usual case: the app commits now and then and
 * checkpoints every few seconds), else the page copy in one read transaction (steady writes).
 * Either way the copy is one snapshot, and writers are never held up. (The check that follows,
 * quick_check of the copy, takes longer than either: 2.3 s of the bench file's 4 s backup.)
 */

export type CopyMethod = 'file' | 'pages';

export interface SnapshotCopy {
  method: CopyMethod;
  pages: number;
  pageSize: number;
  /** Rows per counted table in the snapshot, for the copy to be compared with. */
  counts: RecordCounts;
  schemaVersion: number;
}

export interface SnapshotCopyOptions {
  job?: JobControl;
  /** `pages` always copies page by page; `auto` (the default) copies the file when it can. */
  method?: 'auto' | 'pages';
}

/** Pages copied per step of a page copy (16 MB at 4 KiB pages): progress and cancel between. */
const PAGES_PER_STEP = 4096;

/**
 * Copies the snapshot of `db` to `dest` (which must not exist) and returns how, with the
 * snapshot's size and record counts. Progress is told in pages (phase `copy`); a cancel between
 * steps (`job.checkpoint()`) or any failure leaves nothing at `dest`. `db` must not be in a
 * transaction: the copy opens the read transaction that fixes its snapshot and ends it when done,
 * holding it across awaits meanwhile, so nothing else may use `db` until the copy is done.
 */
export async function copySnapshot(
  db: Db,
  dest: string,
  opts: SnapshotCopyOptions = {},
): Promise<SnapshotCopy> {
  if (db.inTransaction) throw new Error('copySnapshot takes its own snapshot: call it outside a transaction');
  const job = opts.job ?? noJobControl;
  // Both read outside a transaction, each in one of its own: the checkpoint copies the log into
  // the file, and an unchanged data_version after it says nobody committed since.
  const before = db.pragma('data_version', { simple: true });
  const [checkpoint] = db.pragma('wal_checkpoint(PASSIVE)') as { log: number; checkpointed: number }[];
  db.exec('BEGIN');
  try {
    // The first read fixes the snapshot; everything after reads it.
    const settled =
      db.pragma('data_version', { simple: true }) === before && checkpoint!.log === checkpoint!.checkpointed;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const pages = db.pragma('page_count', { simple: true }) as number;
    const counts = recordCounts(db);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    job.progress('copy', 0, pages);
    job.checkpoint();
    let method: CopyMethod = 'pages';
    if (opts.method !== 'pages' && settled && !db.memory && copyFile(db.name, dest, pages * pageSize)) {
      method = 'file';
    } else {
      await copyPages(db, dest, job);
    }
    job.progress('copy', pages, pages);
    job.checkpoint();
    return { method, pages, pageSize, counts, schemaVersion };
  } catch (err) {
    removeDatabaseFiles(dest);
    throw err;
  } finally {
    if (db.inTransaction) db.exec('COMMIT');
  }
}

/**
 * The database file's first `bytes` (the snapshot's pages) copied to `dest`; false, with nothing
 * left at `dest`, when the file cannot be copied so (a lock on Windows, a file shorter than the
 * snapshot): the pages are copied instead.
 */
function copyFile(src: string, dest: string, bytes: number): boolean {
  try {
    fs.copyFileSync(src, dest, fs.constants.COPYFILE_EXCL);
    const size = fs.statSync(dest).size;
    // Pages past the snapshot's end are free space a later checkpoint will cut off.
    if (size > bytes) fs.truncateSync(dest, bytes);
    if (size >= bytes) return true;
  } catch {
    // Copied page by page below.
  }
  fs.rmSync(dest, { force: true });
  return false;
}

/**
 * Marks a copied database file as a rollback-journal file: bytes 18 and 19 of its header say 2
 * in write-ahead-log mode, 1 otherwise. It is what `PRAGMA journal_mode = DELETE` writes to a file
 * with no log; the copy then opens as one file anywhere, and a reader leaves no -wal and -shm
 * beside it. (Opened by the app again, after a restore, it is put back in WAL mode.)
 */
export function markRollbackJournal(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    const header = Buffer.alloc(2);
    fs.readSync(fd, header, 0, 2, 18);
    if (header[0] === 2 && header[1] === 2) fs.writeSync(fd, Buffer.from([1, 1]), 0, 2, 18);
  } finally {
    fs.closeSync(fd);
  }
}

/** SQLite's online backup, stepping through the snapshot `db` holds open. */
async function copyPages(db: Db, dest: string, job: JobControl): Promise<void> {
  await db.backup(dest, {
    progress: ({ totalPages, remainingPages }) => {
      job.progress('copy', totalPages - remainingPages, totalPages);
      // A cancel thrown here stops the backup; better-sqlite3 removes the file it started.
      job.checkpoint();
      return PAGES_PER_STEP;
    },
  });
}

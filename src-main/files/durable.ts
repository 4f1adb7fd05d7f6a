import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * File steps that survive a crash: a file is written under a temporary name, flushed to the disk,
 * and only then renamed into place, so its final name always holds a whole file.
 */

/** Flushes a file's bytes to the disk. */
export function fsyncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** The same without holding up the thread (it runs in the I/O pool meanwhile). */
export async function fsyncFileAsync(file: string): Promise<void> {
  const handle = await fs.promises.open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Flushes a folder's entries, so a rename in it survives a power cut. Windows cannot open a
 * folder as a file; NTFS journals the rename itself there.
 */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Not supported here (Windows); the rename is as durable as the file system makes it.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** A name beside `file` for a temporary file that becomes it. */
export const tempBeside = (file: string, tag: string): string =>
  `${file}.${crypto.randomBytes(6).toString('hex')}.${tag}`;

/** Writes `data` to `file` whole or not at all: temporary name, flush, rename. */
export function writeFileAtomic(file: string, data: string): void {
  const tmp = tempBeside(file, 'tmp');
  try {
    const fd = fs.openSync(tmp, 'wx');
    try {
      fs.writeFileSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fsyncDir(path.dirname(file));
}

/**
 * Copies `src` to `dest`, which must not exist, and flushes it. The copy is made by the kernel
 * (copy_file_range where there is one), as fast as `cp`.
 */
export function copyFileDurable(src: string, dest: string): void {
  fs.copyFileSync(src, dest, fs.constants.COPYFILE_EXCL);
  fsyncFile(dest);
}

/** The files SQLite keeps beside a database: its write-ahead log, shared memory and journal. */
export const sqliteCompanions = (file: string): string[] => [`${file}-wal`, `${file}-shm`, `${file}-journal`];

/** Deletes a database file and its companions, whichever exist. */
export function removeDatabaseFiles(file: string): void {
  for (const f of [file, ...sqliteCompanions(file)]) fs.rmSync(f, { force: true });
}

/**
 * What an import file is before any reader touches it: there, readable, not empty, and what its
 * first bytes say it is. Also a stamp to notice a file changed between choosing and reading it
 * (a user who saves it again in Excel while the import wizard is open).
 */
import fs from 'node:fs';
import { AppError } from '../db/errors';

export interface FileStamp {
  size: number;
  mtimeMs: number;
}

/** The file's size and time, refusing a missing, unreadable or empty file with its own reason. */
export async function statImportFile(file: string): Promise<FileStamp> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
    // Opening proves it can be read (permissions), not only seen.
    await (await fs.promises.open(file, 'r')).close();
  } catch (err) {
    throw refusalFor(file, err);
  }
  if (!stat.isFile()) throw unreadable(file);
  if (stat.size === 0) throw emptyFile(file);
  return { size: stat.size, mtimeMs: stat.mtimeMs };
}

/** Refuses to go on reading when the file is no longer the one that was opened. */
export async function assertUnchanged(file: string, stamp: FileStamp): Promise<void> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(file);
  } catch (err) {
    throw refusalFor(file, err);
  }
  if (stat.size !== stamp.size || stat.mtimeMs !== stamp.mtimeMs) {
    throw new AppError('VALIDATION', `${file} changed since it was opened`, {
      reason: 'import_file_changed',
    });
  }
}

function refusalFor(file: string, err: unknown): AppError {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new AppError('FILE_NOT_FOUND', `${file} does not exist`);
  return unreadable(file);
}

const unreadable = (file: string) =>
  new AppError('VALIDATION', `${file} cannot be read`, { reason: 'import_unreadable' });

export const emptyFile = (file: string) =>
  new AppError('VALIDATION', `${file} has no header row`, { reason: 'import_empty' });

/** What the first bytes of a file say it is. */
export type Magic = 'zip' | 'ole' | 'other';

export function magicOf(head: Uint8Array): Magic {
  // A zip's local file header (an .xlsx is a zip), or an empty zip's end record.
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5)) return 'zip';
  // An OLE compound file: old Excel (.xls), and also an .xlsx locked with a password.
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (ole.every((b, i) => head[i] === b)) return 'ole';
  return 'other';
}

import fs from 'node:fs';
import path from 'node:path';
import { isDatabaseId } from './database-id';

/**
 * 最近使用: the files opened lately, newest first, in `<dataFolder>/recent.json`. Each entry also
 * keeps the database id the file had when it was last opened, so that the backups of a file that
 * can no longer be opened, or read at all (damaged), are still found.
 */

/** 最近使用 keeps this many files. */
export const RECENT_MAX = 10;

export interface RecentEntry {
  /** Resolved, as the file was opened. */
  path: string;
  openedAt: string;
  /** Absent in lists written before ids were kept, and for a file that had none (read-only, old). */
  databaseId?: string;
}

const recentFile = (dataFolder: string) => path.join(dataFolder, 'recent.json');

/** The list; entries it cannot use are left out, and a missing or damaged list is empty. */
export function readRecent(dataFolder: string): RecentEntry[] {
  let list: unknown;
  try {
    list = JSON.parse(fs.readFileSync(recentFile(dataFolder), 'utf8'));
  } catch {
    // None yet, or a damaged list: 最近使用 starts again.
    return [];
  }
  if (!Array.isArray(list)) return [];
  return list.flatMap((r: unknown): RecentEntry[] => {
    if (typeof r !== 'object' || r === null) return [];
    const { path: p, openedAt, databaseId } = r as Record<string, unknown>;
    if (typeof p !== 'string') return [];
    return [
      {
        path: p,
        openedAt: typeof openedAt === 'string' ? openedAt : '',
        ...(typeof databaseId === 'string' && isDatabaseId(databaseId) ? { databaseId } : {}),
      },
    ];
  });
}

export function writeRecent(dataFolder: string, list: RecentEntry[]): void {
  fs.mkdirSync(dataFolder, { recursive: true });
  // Written whole under another name, then renamed: a crash never leaves half a list.
  const temp = `${recentFile(dataFolder)}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(list, null, 2));
  fs.renameSync(temp, recentFile(dataFolder));
}

/** Puts `entry` first (in place of any earlier entry for its path), keeping RECENT_MAX. */
export function rememberRecent(dataFolder: string, entry: RecentEntry): void {
  const rest = readRecent(dataFolder).filter((r) => r.path !== entry.path);
  writeRecent(dataFolder, [entry, ...rest].slice(0, RECENT_MAX));
}

/** The database id remembered for the file at `file` (a resolved path), if any. */
export function recentDatabaseId(dataFolder: string, file: string): string | undefined {
  return readRecent(dataFolder).find((r) => r.path === file)?.databaseId;
}

/** The file opened last, while it is still at its path: the app opens it again at start. */
export function lastOpenedFile(dataFolder: string): string | undefined {
  const newest = readRecent(dataFolder)[0];
  return newest && fs.existsSync(newest.path) ? newest.path : undefined;
}

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../db/errors';
import type { Db } from '../db/open';
import { localDate } from '../contract/dates';
import { assignNewDatabaseId } from './database-id';
import { exportsFolder } from './places';

/**
 * A consistent copy of an open database at `dest`, made while the app runs: VACUUM INTO reads
 * one snapshot (other connections go on writing meanwhile) and writes a compacted file, never
 * a byte copy of a live file and its log. Written under another name first, so a copy that
 * fails leaves nothing at `dest`.
 */
export function copyDatabase(db: Db, dest: string): { path: string; sizeBytes: number } {
  const target = path.resolve(dest);
  if (fs.existsSync(target)) {
    throw new AppError('CONFLICT', `${target} exists already`, { field: 'path', reason: 'duplicate' });
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.${crypto.randomBytes(4).toString('hex')}.partial`;
  try {
    db.prepare('VACUUM INTO ?').run(partial);
    fs.renameSync(partial, target);
  } catch (err) {
    fs.rmSync(partial, { force: true });
    throw err;
  }
  return { path: target, sizeBytes: fs.statSync(target).size };
}

/**
 * 导出数据库文件: a copy in the exports folder under a random name, and the name the browser
 * saves it as: the file's own name and today, e.g. 客户资料 2026-12-02.db.
 */
export function exportCopy(db: Db, databasePath: string, dataFolder: string, now: string) {
  const download = `${crypto.randomBytes(16).toString('hex')}.db`;
  const copy = copyDatabase(db, path.join(exportsFolder(dataFolder), download));
  const base = path.basename(databasePath).replace(/\.[^.]*$/, '');
  return { download, fileName: `${base} ${localDate(now)}.db`, sizeBytes: copy.sizeBytes };
}

/**
 * Gives a fresh copy (另存副本, an uploaded file) a database id of its own, so its backups are
 * kept apart from its original's. The copy is ours: nobody has it open yet.
 */
export function giveNewDatabaseId(file: string, nativeBinding?: string): void {
  const db = new Database(file, nativeBinding ? { nativeBinding } : {});
  try {
    // A file from before database ids gets one when it is opened and upgraded.
    if (db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'settings'").get()) assignNewDatabaseId(db);
  } finally {
    db.close();
  }
}

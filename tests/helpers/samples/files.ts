import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, openDatabase } from '../../../src-main/db/open';
import { backupFile, backupsDir, ensureDatabaseId } from '../../../src-main/files/backups';
import { incomingFolder } from '../../../src-main/files/places';
import type { HandlerContext } from '../../../src-main/records/context';
import type { Sample } from './core';

/** An upload as the browser edition's server names it (32 hex digits). */
export const SAMPLE_UPLOAD = `${'a'.repeat(32)}.upload`;

/** The backup of the other database that seedFiles takes (its catalog names it by time and reason). */
let SAMPLE_BACKUP = '';

/** The 文件 channels: other files in the test database's folder, which seedFiles makes. */
export const fileSamples: Record<string, Sample> = {
  'file.current': { valid: {}, wrongType: null, required: null, huge: { field: 'everything' } },
  'file.open': {
    valid: { path: '另一个数据库.db' },
    wrongType: { field: 'readOnly', value: 'yes' },
    required: 'path',
    huge: { field: 'path' },
  },
  'file.new': {
    valid: { path: '新数据库.db' },
    wrongType: { field: 'path', value: 7 },
    required: 'path',
    huge: { field: 'path' },
  },
  'file.close': { valid: {}, wrongType: null, required: null, huge: { field: 'everything' } },
  'file.recent': { valid: {}, wrongType: null, required: null, huge: { field: 'everything' } },
  'file.forget': {
    valid: { path: '另一个数据库.db' },
    wrongType: { field: 'path', value: ['x'] },
    required: 'path',
    huge: { field: 'path' },
  },
  'backups.list': { valid: {}, wrongType: null, required: null, huge: { field: 'everything' } },
  'imports.list': { valid: {}, wrongType: null, required: null, huge: { field: 'everything' } },
  'backups.forFile': {
    valid: { path: '另一个数据库.db' },
    wrongType: { field: 'path', value: 7 },
    required: 'path',
    huge: { field: 'path' },
  },
  'backups.restore': {
    // Read when the test runs: seedFiles names the backup.
    get valid() {
      return { name: SAMPLE_BACKUP };
    },
    wrongType: { field: 'name', value: 1 },
    required: 'name',
    huge: { field: 'name' },
  },
  'file.importUpload': {
    valid: { upload: SAMPLE_UPLOAD, name: '学生作业 张三.db' },
    wrongType: { field: 'upload', value: 7 },
    required: 'upload',
    huge: { field: 'name' },
  },
};

/**
 * Another database beside the test's, with one backup, open in the context's file session (as
 * the worker has a file open); and an upload of it waiting in the incoming folder.
 */
export function seedFiles(ctx: HandlerContext): void {
  const folder = path.dirname(ctx.databasePath);
  const other = path.join(folder, '另一个数据库.db');
  const opened = openDatabase(other);
  const id = ensureDatabaseId(opened.db);
  closeDatabase(opened.db);
  SAMPLE_BACKUP = backupFile(other, backupsDir(folder, id), 'manual', { now: ctx.now }).name;
  fs.mkdirSync(incomingFolder(folder), { recursive: true });
  fs.copyFileSync(other, path.join(incomingFolder(folder), SAMPLE_UPLOAD));
  ctx.files!.open({ path: other });
}

import { z } from 'zod';
import { channel } from './channel';
import type { AppErrorData } from './envelope';

/**
 * The database as a file the user owns: which one is open, opening another, making a new one,
 * closing it, and the recently used ones. The file dialogs themselves belong to the desktop
 * app (native.ts); everything that touches a file happens here, in the database worker.
 */

/**
 * A path on this computer as the user gave or chose it; the worker resolves it (a relative one
 * against the data folder). No file system allows a NUL in a path.
 */
export const filePath = z
  .string()
  .trim()
  .min(1)
  .max(4096)
  .regex(/^[^\0]*$/);

export const fileOpenInput = z.strictObject({
  path: filePath,
  /** Open without writing anything to it (also chosen when the file is in use or not writable). */
  readOnly: z.boolean().default(false),
  /** A 0-byte file is made into a new, empty database only when the user said so. */
  initializeEmpty: z.boolean().default(false),
});

export const fileNewInput = z.strictObject({
  /** Where the new file goes; refused when something is there already. */
  path: filePath,
});

export const fileForgetInput = z.strictObject({ path: filePath });

/** 导入数据库文件 (browser edition): a file the server received into the data folder's incoming folder. */
export const fileImportUploadInput = z.strictObject({
  /** The server's name for the upload. */
  upload: z.string().regex(/^[a-f0-9]{32}\.upload$/),
  /** The name the file had on the user's computer; it is kept, made unique in the data folder. */
  name: z.string().trim().min(1).max(255),
});

/**
 * Why a file is open read-only, as the banner says it. `checking`: a large file being checked
 * (quick_check, in a thread) opens for reading first, and for writing once the check passes.
 */
export type ReadOnlyReason = 'requested' | 'file' | 'folder' | 'in_use' | 'checking';

export interface OpenFileInfo {
  path: string;
  /** The file name, as the title bar and the header show it. */
  name: string;
  folder: string;
  readOnly: boolean;
  readOnlyReason: ReadOnlyReason | null;
  schemaVersion: number;
  sizeBytes: number;
}

/** What is open now, and, when nothing is, why the last attempt failed. */
export interface FileState {
  file: OpenFileInfo | null;
  /** The refusal of the last open (at start, or of a file from 最近使用), until another succeeds. */
  lastError: (AppErrorData & { path: string }) | null;
  /** Where new files and uploaded ones go by default. */
  dataFolder: string;
}

export interface RecentFile {
  path: string;
  name: string;
  openedAt: string;
  /** False when the file is no longer at its path (moved or deleted). */
  exists: boolean;
}

export const fileChannels = {
  'file.current': channel(z.strictObject({})).returns<FileState>(),
  'file.open': channel(fileOpenInput).returns<FileState>(),
  'file.new': channel(fileNewInput).returns<FileState>(),
  'file.close': channel(z.strictObject({})).returns<FileState>(),
  'file.recent': channel(z.strictObject({})).returns<RecentFile[]>(),
  'file.forget': channel(fileForgetInput).returns<RecentFile[]>(),
  'file.importUpload': channel(fileImportUploadInput).returns<FileState>(),
};

import type { AppErrorData } from '../contract';

/** What the database worker is started with. */
export interface DatabaseWorkerData {
  file: string;
  appVersion: string;
  /** The folder of migrations/*.sql, when it is not beside the source tree (the packaged app). */
  migrationsDir?: string;
  /** better-sqlite3's compiled addon, when not the default (Electron builds). */
  nativeBinding?: string;
}

/** The host's messages to the database worker. */
export type ToWorker = { type: 'invoke'; id: number; channel: string; input: unknown } | { type: 'close' };

/** What the database worker knows of its file once it is open. */
export interface OpenedInfo {
  path: string;
  schemaVersion: number;
  /** The copy taken before an upgrade, when the file was upgraded. */
  backupPath?: string;
}

/** The database worker's messages to the host. */
export type FromWorker =
  | { type: 'ready'; opened: OpenedInfo }
  | { type: 'fatal'; error: AppErrorData }
  /** The envelope as JSON text: the worker serialises it, the HTTP server sends it as it is. */
  | { type: 'result'; id: number; text: string }
  | { type: 'closed' };

/** What a job thread is started with. */
export interface JobThreadData extends DatabaseWorkerData {
  /** The job, as jobs.start took it (checked by its schema). */
  input: unknown;
  /** One Int32: 1 once the job is asked to stop, read between its steps. */
  cancel: SharedArrayBuffer;
}

/** A job thread's messages to the database worker. */
export type FromJob =
  | { type: 'progress'; phase: string; done: number; total: number }
  | { type: 'done'; result: unknown }
  | { type: 'cancelled' }
  | { type: 'failed'; error: AppErrorData };

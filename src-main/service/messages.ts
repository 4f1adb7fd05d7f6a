import type { AppErrorData, FileState } from '../contract';

/** How a thread opens a database file: the same for the database worker and a job thread. */
export interface ConnectionOptions {
  appVersion: string;
  /** The folder of migrations/*.sql, when it is not beside the source tree (the packaged app). */
  migrationsDir?: string;
  /** better-sqlite3's compiled addon, when not the default (Electron builds). */
  nativeBinding?: string;
}

/** What the database worker is started with. */
export interface DatabaseWorkerData extends ConnectionOptions {
  /** The file to open at start, if any; a file that cannot be opened leaves none open, with why. */
  file?: string;
  /** Where 最近使用 is kept, and where new and uploaded files go by default. */
  dataFolder: string;
  /**
   * From this size up, a file's quick_check runs in a thread of its own while the file is open for
   * reading (its first screen shows at once); below it, before the file opens. Default 64 MiB.
   */
  deferCheckBytes?: number;
  /**
   * How long such a check waits before it reads (0 by default): tests hold a file in its checking
   * state with it, to see what happens meanwhile, whatever the machine's speed.
   */
  checkDelayMs?: number;
}

/** The host's messages to the database worker. */
export type ToWorker = { type: 'invoke'; id: number; channel: string; input: unknown } | { type: 'close' };

/** The database worker's messages to the host. */
export type FromWorker =
  /** Started; `state` says which file is open, if any. */
  | { type: 'ready'; state: FileState }
  /** The open file changed (another one, or none). */
  | { type: 'file'; state: FileState }
  | { type: 'fatal'; error: AppErrorData }
  /** The envelope as JSON text: the worker serialises it, the HTTP server sends it as it is. */
  | { type: 'result'; id: number; text: string }
  | { type: 'closed' };

/** What a job thread is started with. */
export interface JobThreadData extends ConnectionOptions {
  file: string;
  /** The file is open read-only: the job reads it the same way. */
  readOnly?: boolean;
  /** Where the job may put files (the browser edition's downloads). */
  dataFolder: string;
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

/** What the file-check thread is started with: the file being opened, and how to read it. */
export interface CheckThreadData {
  file: string;
  nativeBinding?: string;
  delayMs?: number;
}

/** The file-check thread's one message: the file passed quick_check, or why not. */
export type FromCheck = { ok: true } | { ok: false; error: AppErrorData };

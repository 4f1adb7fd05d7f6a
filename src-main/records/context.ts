import type { BackupInfo, FileState, JobInfo, JobStartInput, RecentFile, RestoreOutcome } from '../contract';
import type { Db } from '../db/open';

/** The jobs of the open file (service/jobs.ts), where long work runs beside the requests. */
export interface JobRunner {
  start(input: JobStartInput): JobInfo;
  get(id: number): JobInfo;
  cancel(id: number): JobInfo;
}

/** The database file the worker has open, and the ways to change it (service/session.ts). */
export interface FileService {
  state(): FileState;
  open(input: { path: string; readOnly?: boolean; initializeEmpty?: boolean }): FileState;
  create(input: { path: string }): FileState;
  close(): FileState;
  recent(): RecentFile[];
  forget(input: { path: string }): RecentFile[];
  importUpload(input: { upload: string; name: string }): FileState;
  /** The open file's backups, newest first. */
  backups(): BackupInfo[];
  /** The backups of the file at `path`, open or not (one refused as damaged), newest first. */
  backupsOf(input: { path: string }): BackupInfo[];
  /**
   * Puts a backup in place of the open file, or of the file at `path`, after a safety copy of
   * it; that file is then the open one.
   */
  restore(input: { name: string; path?: string }): RestoreOutcome;
}

/** What every handler receives besides its input. */
export interface HandlerContext {
  db: Db;
  /** The current time as an ISO string; tests fix it. */
  now: () => string;
  databasePath: string;
  schemaVersion: number;
  appVersion: string;
  /** Absent where no job can run (a job thread itself). */
  jobs?: JobRunner;
  /** Absent where the file cannot change (a job thread, a test on one file). */
  files?: FileService;
}

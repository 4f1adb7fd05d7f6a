import type { JobInfo, JobStartInput } from '../contract';
import type { Db } from '../db/open';

/** The jobs of the open file (service/jobs.ts), where long work runs beside the requests. */
export interface JobRunner {
  start(input: JobStartInput): JobInfo;
  get(id: number): JobInfo;
  cancel(id: number): JobInfo;
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
}

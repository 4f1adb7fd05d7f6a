import type { Db } from '../db/open';

/** What every handler receives besides its input. */
export interface HandlerContext {
  db: Db;
  /** The current time as an ISO string; tests fix it. */
  now: () => string;
  databasePath: string;
  schemaVersion: number;
  appVersion: string;
}

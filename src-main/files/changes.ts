import type { Db } from '../db/open';

/**
 * Whether the file changed since the last backup, as the database worker sees it on its own
 * connection: `PRAGMA data_version` moves when another connection commits (a job, another
 * program), `total_changes()` when this one writes a row. Neither moves for reads, for a
 * checkpoint or for a backup being taken, and neither is written to the file. The worker takes a
 * stamp when it starts a backup and compares a later one with it: equal stamps, nothing changed.
 * (A change made between the stamp and the backup's snapshot is in the backup and still counts
 * as a change: at worst one backup too many, never one too few.)
 */
export type ChangeStamp = string;

/** The connection's view of the file's changes now. Call it outside a transaction. */
export function changeStamp(db: Db): ChangeStamp {
  const version = db.pragma('data_version', { simple: true }) as number;
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number;
  return `${version}:${changes}`;
}

import type { BackupReason } from '../contract/backups';

/**
 * When the rolling backups are taken, decided from the clock, the newest backup's time and
 * whether the file changed since the last backup (files/changes.ts tells):
 * - `open` (a file was opened): due when there is no backup or the newest is a day old or older;
 * - `tick` (a timer, every minute or so, while the file is open): due when the file changed and
 *   the newest backup is 15 minutes old or older (or there is none), so an hour of steady work
 *   makes 4 backups and an idle file none;
 * - `close`: due when the file changed since the last backup.
 * A newest backup dated after `now` (the clock was put back) does not hold the next one up.
 * Read-only files are never backed up: they cannot change.
 */

export const OPEN_BACKUP_AFTER_MS = 24 * 3600_000;
export const INTERVAL_BACKUP_MS = 15 * 60_000;

export type BackupEvent = 'open' | 'tick' | 'close';

export interface ScheduleInput {
  event: BackupEvent;
  /** ISO string, milliseconds or a Date. */
  now: string | number | Date;
  /** The newest backup's time (ISO), null when there is none. */
  newest: string | null;
  /** Whether the file changed since the last backup was taken. */
  changed: boolean;
}

/** The reason to take a backup now, or null when none is due. */
export function dueBackup(input: ScheduleInput): Extract<BackupReason, 'open' | 'interval' | 'close'> | null {
  const age = input.newest === null ? Infinity : new Date(input.now).getTime() - Date.parse(input.newest);
  const olderThan = (ms: number) => age < 0 || age >= ms;
  switch (input.event) {
    case 'open':
      return olderThan(OPEN_BACKUP_AFTER_MS) ? 'open' : null;
    case 'tick':
      return input.changed && olderThan(INTERVAL_BACKUP_MS) ? 'interval' : null;
    case 'close':
      return input.changed ? 'close' : null;
  }
}

import type { BackupReason } from '../contract/backups';
import { daysBetween, localDate, periodStart } from '../contract/dates';

/**
 * Which backups to keep, by the calendar of this machine (contract/dates.ts): a day is a local
 * date, a week runs Monday to Sunday.
 *
 * - the 4 newest, whatever their reason;
 * - the newest of each of the last 14 days (today and the 13 before);
 * - the newest of each of the last 8 weeks (this week and the 7 before);
 * - named backups count like the others (each may be the one kept for its day or week), and also:
 *   the newest of each `before-…` reason is kept while it is in the last 14 days, so the state
 *   before the last import, restore, upgrade or 清空回收站 survives a busy day of interval backups;
 * - the newest `safety` copy is kept at any age: it is the way back from the last restore, which
 *   can be undone for as long as it is there.
 *
 * Everything else is removed. So a database keeps at most 4 + 14 + 8 + 5 backups, and usually
 * about 22. A backup dated after `now` (the clock was put back) counts as taken `now`.
 */
export const RETENTION = { newest: 4, days: 14, weeks: 8 } as const;

/** What retention looks at. */
export interface RetainedBackup {
  name: string;
  /** ISO instant. */
  time: string;
  reason: BackupReason;
}

export interface RetentionPlan<B> {
  /** Newest first. */
  keep: B[];
  remove: B[];
}

/** The plan for `backups` at `now` (an ISO string, milliseconds or a Date). */
export function retentionPlan<B extends RetainedBackup>(
  backups: readonly B[],
  now: string | number | Date,
): RetentionPlan<B> {
  const nowMs = new Date(now).getTime();
  const today = localDate(nowMs);
  const thisWeek = periodStart(today, 'week');
  const newestFirst = [...backups].sort((a, b) =>
    a.time === b.time ? b.name.localeCompare(a.name) : b.time.localeCompare(a.time),
  );
  const keep = new Set<B>(newestFirst.slice(0, RETENTION.newest));
  const days = new Set<string>();
  const weeks = new Set<string>();
  const named = new Set<BackupReason>();
  let safety = false;
  for (const b of newestFirst) {
    const day = localDate(Math.min(Date.parse(b.time), nowMs));
    const week = periodStart(day, 'week');
    const daysAgo = daysBetween(day, today);
    if (daysAgo < RETENTION.days && !days.has(day)) {
      days.add(day);
      keep.add(b);
    }
    if (daysBetween(week, thisWeek) / 7 < RETENTION.weeks && !weeks.has(week)) {
      weeks.add(week);
      keep.add(b);
    }
    if (b.reason.startsWith('before-') && daysAgo < RETENTION.days && !named.has(b.reason)) {
      named.add(b.reason);
      keep.add(b);
    }
    if (b.reason === 'safety' && !safety) {
      safety = true;
      keep.add(b);
    }
  }
  return {
    keep: newestFirst.filter((b) => keep.has(b)),
    remove: newestFirst.filter((b) => !keep.has(b)),
  };
}

// Days and weeks are local: a fixed zone far from UTC, so a local day differs from the UTC one.
process.env.TZ = 'Asia/Shanghai';

import { describe, expect, it } from 'vitest';
import type { BackupReason } from '../../src-main/contract/backups';
import { addDays, daysBetween, localDate, periodStart } from '../../src-main/contract/dates';
import { RETENTION, retentionPlan, type RetainedBackup } from '../../src-main/files/retention';
import { dueBackup } from '../../src-main/files/schedule';

const MIN = 60_000;
/** A local wall-clock time in the test's zone, as an instant. */
const local = (date: string, time: string) => new Date(`${date}T${time}`).getTime();

let serial = 0;
const backup = (at: number, reason: BackupReason = 'interval'): RetainedBackup => ({
  name: `b${String(++serial).padStart(6, '0')}-${reason}`,
  time: new Date(at).toISOString(),
  reason,
});

const names = (list: RetainedBackup[]) => list.map((b) => b.name);

describe('backup retention', () => {
  it('keeps the 4 newest, and the newest of each local day and week', () => {
    const now = local('2026-03-11', '12:00'); // a Wednesday
    const list = [
      backup(local('2026-03-11', '11:45')),
      backup(local('2026-03-11', '11:30')),
      backup(local('2026-03-11', '11:15')),
      backup(local('2026-03-11', '11:00')),
      backup(local('2026-03-11', '10:45')),
      // 23:59 and 00:01 local are one UTC day apart from nothing: two local days.
      backup(local('2026-03-10', '23:59')),
      backup(local('2026-03-10', '00:01')),
      backup(local('2026-03-09', '23:59')),
    ];
    const plan = retentionPlan(list, now);
    expect(names(plan.keep)).toEqual(names([list[0]!, list[1]!, list[2]!, list[3]!, list[5]!, list[7]!]));
    expect(names(plan.remove)).toEqual(names([list[4]!, list[6]!]));
    // By UTC days it would be the other way round: both are on 2026-03-09 there.
    expect(list[6]!.time.slice(0, 10)).toBe(list[7]!.time.slice(0, 10));
  });

  it('drops everything older than 8 weeks but the newest safety copy', () => {
    const now = local('2026-06-01', '09:00');
    const oldSafety = backup(local('2026-01-05', '10:00'), 'safety');
    const olderSafety = backup(local('2026-01-04', '10:00'), 'safety');
    const oldImport = backup(local('2026-01-05', '11:00'), 'before-import');
    const recent = [1, 2, 3, 4].map((h) => backup(now - h * 3600_000));
    const plan = retentionPlan([oldSafety, olderSafety, oldImport, ...recent], now);
    expect(names(plan.keep)).toEqual(names([...recent, oldSafety]));
    expect(names(plan.remove)).toEqual(names([oldImport, olderSafety]));
  });

  it('keeps the newest backup of each named reason for 14 days, even on a busy day', () => {
    const now = local('2026-03-11', '18:00');
    const beforeImport = backup(local('2026-03-11', '09:00'), 'before-import');
    const beforeTrash = backup(local('2026-03-01', '09:00'), 'before-empty-trash');
    const olderImport = backup(local('2026-03-11', '08:00'), 'before-import');
    const intervals = Array.from({ length: 30 }, (_, i) =>
      backup(local('2026-03-11', '09:15') + i * 15 * MIN),
    );
    const staleTrash = backup(local('2026-02-20', '09:00'), 'before-empty-trash');
    const plan = retentionPlan([beforeImport, beforeTrash, olderImport, staleTrash, ...intervals], now);
    expect(names(plan.keep)).toContain(beforeImport.name);
    expect(names(plan.keep)).toContain(beforeTrash.name);
    expect(names(plan.remove)).toContain(olderImport.name);
    // 2026-02-20 is 19 days back: only its week's slot could keep it, and 02-20's week has it as newest.
    expect(names(plan.keep)).toContain(staleTrash.name);
    expect(plan.keep).toHaveLength(4 + 2 + 1);
  });

  it('counts a backup dated in the future as taken now', () => {
    const now = local('2026-03-11', '12:00');
    const future = backup(local('2026-04-30', '12:00'));
    const today = Array.from({ length: 6 }, (_, i) => backup(local('2026-03-11', '06:00') + i * 30 * MIN));
    const plan = retentionPlan([future, ...today], now);
    expect(names(plan.keep)).toEqual(names([future, ...today.slice(-3).reverse()]));
  });

  it('over four months of the schedule, holds the rules after every backup', () => {
    serial = 0;
    const made: RetainedBackup[] = [];
    let kept: RetainedBackup[] = [];
    let changed = false;
    const dayOf = (b: RetainedBackup) => localDate(b.time);
    const weekOf = (b: RetainedBackup) => periodStart(dayOf(b), 'week');
    /** The last backup made on each local day, and in each week. */
    const lastOfDay = new Map<string, RetainedBackup>();
    const lastOfWeek = new Map<string, RetainedBackup>();
    const take = (at: number, reason: BackupReason) => {
      const b = backup(at, reason);
      made.push(b);
      lastOfDay.set(dayOf(b), b);
      lastOfWeek.set(weekOf(b), b);
      kept = retentionPlan([...kept, b], at).keep;
      changed = false;
    };
    const newest = () => kept[0]?.time ?? null;
    const start = '2026-01-05'; // a Monday
    for (let d = 0; d < 120; d++) {
      const date = addDays(start, d);
      const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
      if (weekday === 0 || (weekday === 6 && d % 14 !== 5)) continue; // Sundays and every other Saturday off
      const open = local(date, '08:50');
      const reason = dueBackup({ event: 'open', now: open, newest: newest(), changed });
      if (reason) take(open, reason);
      for (let t = local(date, '09:00'); t <= local(date, '18:00'); t += MIN) {
        if ((t / MIN) % 7 === 0) changed = true; // a save every 7 minutes
        if (t === local(date, '10:30') && weekday === 3) take(t, 'before-import');
        if (t === local(date, '14:00') && d === 45) take(t, 'safety');
        if (t === local(date, '16:00') && d % 30 === 29) take(t, 'before-empty-trash');
        const tick = dueBackup({ event: 'tick', now: t, newest: newest(), changed });
        if (tick) take(t, tick);
      }
      const close = local(date, '18:05');
      const atClose = dueBackup({ event: 'close', now: close, newest: newest(), changed });
      if (atClose) take(close, atClose);

      // Pruning after each backup keeps what one plan over the whole history keeps.
      expect(names(kept)).toEqual(names(retentionPlan(made, close).keep));
      expect(kept.length).toBeLessThanOrEqual(RETENTION.newest + RETENTION.days + RETENTION.weeks + 5);
      const today = localDate(close);
      // The 4 newest, the last of each of the 14 days, the last of each of the 8 weeks.
      expect(names(kept.slice(0, 4))).toEqual(names(made.slice(-4).reverse()));
      for (let back = 0; back < RETENTION.days; back++) {
        const last = lastOfDay.get(addDays(today, -back));
        if (last) expect(names(kept)).toContain(last.name);
      }
      for (let back = 0; back < RETENTION.weeks; back++) {
        const last = lastOfWeek.get(addDays(periodStart(today, 'week'), -7 * back));
        if (last) expect(names(kept)).toContain(last.name);
      }
      // Past the 14 days, one a week at most (besides the newest safety copy).
      const safety = made.filter((b) => b.reason === 'safety').at(-1);
      const older = kept.filter((b) => daysBetween(dayOf(b), today) >= RETENTION.days && b !== safety);
      expect(new Set(older.map(weekOf)).size).toBe(older.length);
      for (const b of older) {
        expect(daysBetween(weekOf(b), periodStart(today, 'week'))).toBeLessThan(7 * RETENTION.weeks);
      }
      if (safety) expect(names(kept)).toContain(safety.name);
    }
    // A working day: 1 at open, about 36 at 15 minutes, 1 at close.
    expect(made.length).toBeGreaterThan(80 * 36);
    expect(kept.at(-1)!.reason).toBe('safety');
  });
});

import { describe, expect, it } from 'vitest';
import { dueBackup, type BackupEvent } from '../../src-main/files/schedule';

const NOW = Date.parse('2026-03-10T09:00:00.000Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;

const due = (event: BackupEvent, newest: string | null, changed: boolean) =>
  dueBackup({ event, now: NOW, newest, changed });

describe('when a rolling backup is due', () => {
  it('at open: when there is none, or the newest is a day old or older; changes do not matter', () => {
    expect(due('open', null, false)).toBe('open');
    expect(due('open', ago(24 * HOUR), false)).toBe('open');
    expect(due('open', ago(30 * 24 * HOUR), true)).toBe('open');
    expect(due('open', ago(24 * HOUR - 1), true)).toBeNull();
    expect(due('open', ago(MIN), false)).toBeNull();
  });

  it('on a tick: when the file changed and the newest is 15 minutes old or older', () => {
    expect(due('tick', ago(15 * MIN), true)).toBe('interval');
    expect(due('tick', null, true)).toBe('interval');
    expect(due('tick', ago(15 * MIN - 1), true)).toBeNull();
    expect(due('tick', ago(10 * 24 * HOUR), false)).toBeNull();
  });

  it('at close: whenever the file changed since the last backup', () => {
    expect(due('close', ago(1000), true)).toBe('close');
    expect(due('close', null, true)).toBe('close');
    expect(due('close', ago(10 * 24 * HOUR), false)).toBeNull();
  });

  it('does not wait for a newest backup dated in the future (the clock was put back)', () => {
    const future = new Date(NOW + 3 * HOUR).toISOString();
    expect(due('open', future, false)).toBe('open');
    expect(due('tick', future, true)).toBe('interval');
  });

  it('takes the clock as an ISO string, milliseconds or a Date', () => {
    const newest = ago(20 * MIN);
    for (const now of [NOW, new Date(NOW), new Date(NOW).toISOString()]) {
      expect(dueBackup({ event: 'tick', now, newest, changed: true })).toBe('interval');
    }
  });

  it('makes 4 interval backups in an hour of steady work, none in an idle hour (a tick a minute)', () => {
    let newest: string | null = ago(0);
    let changed = false;
    const taken: string[] = [];
    for (let minute = 1; minute <= 120; minute++) {
      const now = NOW + minute * MIN;
      // Working in the first hour: a save every 3 minutes.
      if (minute <= 60 && minute % 3 === 0) changed = true;
      const reason = dueBackup({ event: 'tick', now, newest, changed });
      if (reason) {
        taken.push(`${minute}:${reason}`);
        newest = new Date(now).toISOString();
        changed = false;
      }
    }
    expect(taken).toEqual(['15:interval', '30:interval', '45:interval', '60:interval']);
  });
});

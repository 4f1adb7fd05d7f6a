/**
 * One calendar for the main process and the screens (src-main/contract/dates.ts): its days,
 * ISO weeks, months, quarters and years against dayjs with its plugins (an independent count, in
 * UTC) on every day from 1999-12-20 to 2031-01-10, in several time zones, and on random days of
 * 400 years; known year ends and leap days; and what the main process's channels answer beside
 * what the screens compute from the same inputs.
 */
import dayjs from 'dayjs';
import isoWeekPlugin from 'dayjs/plugin/isoWeek';
import quarterOfYear from 'dayjs/plugin/quarterOfYear';
import utc from 'dayjs/plugin/utc';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, expectTypeOf, it } from 'vitest';
import type { TrendPeriod } from '../../src-main/contract';
import {
  addDays,
  analysisRange,
  daysBetween,
  isCalendarDate,
  isoWeek,
  localDate,
  localMidnight,
  localToday,
  monthDay,
  monthsBefore,
  monthsIn,
  monthStart,
  periodEnd,
  periodKey,
  periodStart,
  quarterOf,
  weekday,
  yearEnding,
  type CalendarPeriod,
} from '../../src-main/contract/dates';
import { periodDays, trendRows } from '../../src-renderer/modules/analysis/trend-rows';
import { baseId, call, makeTestDb, manualClock, type ManualClock, type TestDb } from '../helpers/db';
import { insertSaleRow } from '../helpers/samples/activities';

dayjs.extend(utc);
dayjs.extend(isoWeekPlugin);
dayjs.extend(quarterOfYear);

const FIRST = '1999-12-20';
const LAST = '2031-01-10';
const PERIODS: CalendarPeriod[] = ['day', 'week', 'month', 'quarter', 'year'];

const day = (d: string) => dayjs.utc(d);
const ymd = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD');
/** The first and the last day of a period as dayjs bounds it (a week: ISO, from Monday). */
const startOf = (d: dayjs.Dayjs, period: CalendarPeriod) =>
  ymd(period === 'week' ? d.startOf('isoWeek') : d.startOf(period));
const endOf = (d: dayjs.Dayjs, period: CalendarPeriod) =>
  ymd(period === 'week' ? d.endOf('isoWeek') : d.endOf(period));

/** Every day from FIRST to LAST, counted by dayjs. */
const DAYS: string[] = [];
for (let d = day(FIRST); !d.isAfter(day(LAST)); d = d.add(1, 'day')) DAYS.push(ymd(d));

/** A period's key as dayjs counts it: ISO week-year and week, calendar quarter. */
function keyOf(date: string, period: CalendarPeriod): string {
  const d = day(date);
  switch (period) {
    case 'day':
      return date;
    case 'week':
      return `${d.isoWeekYear()}-W${String(d.isoWeek()).padStart(2, '0')}`;
    case 'month':
      return d.format('YYYY-MM');
    case 'quarter':
      return `${d.year()}-Q${d.quarter()}`;
    case 'year':
      return d.format('YYYY');
  }
}

/** Compares one of our answers with dayjs's, given lazily. */
type Same = (name: string, ours: unknown, dayjsAnswer: () => unknown) => void;

/** Every function of the calendar on one day, with some days and months added or taken away. */
function compareDay(date: string, dayOffsets: number[], monthOffsets: number[], same: Same) {
  const d = () => day(date);
  same(`isCalendarDate(${date})`, isCalendarDate(date), () => true);
  same(`weekday(${date})`, weekday(date), () => d().isoWeekday() - 1);
  same(`quarterOf(${date})`, quarterOf(date), () => d().quarter());
  same(`monthDay(${date})`, monthDay(date), () => d().format('MM-DD'));
  for (const period of PERIODS) {
    same(`periodKey(${date}, ${period})`, periodKey(date, period), () => keyOf(date, period));
    same(`periodStart(${date}, ${period})`, periodStart(date, period), () => startOf(d(), period));
    same(`periodEnd(${date}, ${period})`, periodEnd(date, period), () => endOf(d(), period));
  }
  for (const n of dayOffsets) {
    same(`addDays(${date}, ${n})`, addDays(date, n), () => ymd(d().add(n, 'day')));
    same(`daysBetween(${date}, +${n} days)`, daysBetween(date, addDays(date, n)), () => n);
  }
  for (const n of monthOffsets) {
    same(`monthStart(${date}, ${n})`, monthStart(date, n), () => ymd(d().add(n, 'month').startOf('month')));
    if (n > 0)
      same(`monthsBefore(${date}, ${n})`, monthsBefore(date, n), () => ymd(d().subtract(n, 'month')));
  }
  same(`yearEnding(${date})`, yearEnding(date), () => ({
    from: ymd(d().subtract(1, 'year').add(1, 'day')),
    to: date,
  }));
  same(`analysisRange({}, ${date})`, analysisRange({}, date), () => ({
    from: ymd(d().subtract(11, 'month').startOf('month')),
    to: date,
  }));
}

/** dayjs's answers over DAYS, in the order compareDay asks: counted once, the same in every zone. */
let dayjsAnswers: string[] | undefined;

/**
 * The whole calendar against dayjs, every day of DAYS (run in each time zone below): each
 * difference as `name(arguments): ours ≠ dayjs's`, none expected.
 */
function differencesFromDayjs(): string[] {
  const counting = dayjsAnswers === undefined;
  const theirs = dayjsAnswers ?? [];
  const differences: string[] = [];
  let i = 0;
  const same: Same = (name, ours, dayjsAnswer) => {
    if (counting) theirs.push(JSON.stringify(dayjsAnswer()));
    if (JSON.stringify(ours) !== theirs[i])
      differences.push(`${name}: ${JSON.stringify(ours)} ≠ ${theirs[i]}`);
    i++;
  };
  for (const date of DAYS) {
    compareDay(date, [-366, -30, -7, -1, 1, 3, 7, 14, 30, 365], [-13, -11, -1, 0, 1, 12, 13], same);
  }
  dayjsAnswers = theirs;
  return differences;
}

/** Any day of a whole Gregorian cycle of 400 years (1700, 1800 and 1900 not leap, 2000 leap). */
const anyDate = fc
  .date({ min: new Date('1601-01-01T00:00:00Z'), max: new Date('2400-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('the calendar, against dayjs', () => {
  it('agrees on every day from 1999-12-20 to 2031-01-10', () => {
    expect(DAYS).toHaveLength(11_345);
    expect(differencesFromDayjs()).toEqual([]);
  });

  it('agrees on any day of 400 years, days and months away', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: -1500, max: 1500 }),
        fc.integer({ min: -50, max: 50 }),
        (date, n, m) => {
          const differences: string[] = [];
          compareDay(date, [n], [m, Math.abs(m)], (name, ours, dayjsAnswer) => {
            const theirs = JSON.stringify(dayjsAnswer());
            if (JSON.stringify(ours) !== theirs)
              differences.push(`${name}: ${JSON.stringify(ours)} ≠ ${theirs}`);
          });
          expect(differences).toEqual([]);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('names the same periods as the trend channel takes', () => {
    expectTypeOf<TrendPeriod>().toEqualTypeOf<CalendarPeriod>();
  });
});

describe('known days', () => {
  it('puts the days around New Year in the ISO week of their Thursday', () => {
    const weeks: [string, string][] = [
      ['1999-12-31', '1999-W52'],
      ['2000-01-02', '1999-W52'],
      ['2000-01-03', '2000-W01'],
      ['2008-12-29', '2009-W01'],
      ['2009-12-31', '2009-W53'],
      ['2015-12-31', '2015-W53'],
      ['2020-12-31', '2020-W53'],
      ['2021-01-03', '2020-W53'],
      ['2021-01-04', '2021-W01'],
      ['2024-12-29', '2024-W52'],
      ['2024-12-30', '2025-W01'],
      ['2026-12-31', '2026-W53'],
      ['2027-01-03', '2026-W53'],
      ['2027-01-04', '2027-W01'],
    ];
    for (const [date, week] of weeks) {
      expect(isoWeek(date), date).toBe(week);
      expect(periodKey(date, 'week'), date).toBe(week);
    }
    expect(periodStart('2021-01-03', 'week')).toBe('2020-12-28');
    expect(periodEnd('2020-12-28', 'week')).toBe('2021-01-03');
    expect(periodStart('2025-01-01', 'week')).toBe('2024-12-30');
  });

  it('counts leap days', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2000-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2100-02-29')).toBe(false);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(daysBetween('2024-02-01', '2024-03-01')).toBe(29);
    expect(periodEnd('2024-02-10', 'month')).toBe('2024-02-29');
    expect(periodEnd('2023-02-10', 'month')).toBe('2023-02-28');
    expect(periodEnd('2100-02-10', 'month')).toBe('2100-02-28');
    expect(periodKey('2024-02-29', 'quarter')).toBe('2024-Q1');
    expect(periodEnd('2024-02-29', 'quarter')).toBe('2024-03-31');
    expect(monthsBefore('2024-02-29', 12)).toBe('2023-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(yearEnding('2024-02-29')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(yearEnding('2026-03-15')).toEqual({ from: '2025-03-16', to: '2026-03-15' });
    expect(analysisRange({}, '2024-02-29')).toEqual({ from: '2023-03-01', to: '2024-02-29' });
    expect(monthsIn('2023-12-31', '2024-03-01')).toEqual(['2023-12', '2024-01', '2024-02', '2024-03']);
  });

  it('bounds quarters and years', () => {
    const quarters: [string, string, string, string][] = [
      ['2026-01-01', '2026-Q1', '2026-01-01', '2026-03-31'],
      ['2026-03-31', '2026-Q1', '2026-01-01', '2026-03-31'],
      ['2026-04-01', '2026-Q2', '2026-04-01', '2026-06-30'],
      ['2026-09-30', '2026-Q3', '2026-07-01', '2026-09-30'],
      ['2026-12-31', '2026-Q4', '2026-10-01', '2026-12-31'],
    ];
    for (const [date, key, start, end] of quarters) {
      expect([periodKey(date, 'quarter'), periodStart(date, 'quarter'), periodEnd(date, 'quarter')]).toEqual([
        key,
        start,
        end,
      ]);
    }
    expect([periodStart('2026-07-15', 'year'), periodEnd('2026-07-15', 'year')]).toEqual([
      '2026-01-01',
      '2026-12-31',
    ]);
  });

  it('keeps what is given of a range, and fills the rest with the last 12 months', () => {
    expect(analysisRange({}, '2026-03-15')).toEqual({ from: '2025-04-01', to: '2026-03-15' });
    expect(analysisRange({ to: '2026-01-31' }, '2026-03-15')).toEqual({
      from: '2025-02-01',
      to: '2026-01-31',
    });
    expect(analysisRange({ from: '2026-02-01' }, '2026-03-15')).toEqual({
      from: '2026-02-01',
      to: '2026-03-15',
    });
  });
});

/** Zones with clock changes, two of them at midnight (a local day that starts at 01:00). */
const ZONES = ['America/Sao_Paulo', 'Asia/Shanghai', 'America/Havana', 'Asia/Beirut'];

describe.each(ZONES)('in %s', (zone) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  /** The local date of an instant as the zone's own rules give it, apart from the machine's clock. */
  const zoneDate = (instant: string | number) => {
    const parts = format.formatToParts(new Date(instant));
    const part = (type: string) => parts.find((p) => p.type === type)!.value;
    return `${part('year')}-${part('month')}-${part('day')}`;
  };

  it('goes between an instant and its local day', () => {
    const differences: string[] = [];
    const same = (name: string, ours: string, theirs: string) => {
      if (ours !== theirs) differences.push(`${name}: ${ours} ≠ ${theirs}`);
    };
    for (const date of DAYS) {
      const midnight = localMidnight(date);
      same(`localDate(localMidnight(${date}))`, localDate(midnight), date);
      same(`the zone's date at localMidnight(${date})`, zoneDate(midnight), date);
      // The instant before a day's first one belongs to the day before.
      same(
        `localDate(localMidnight(${date}) - 1 ms)`,
        localDate(Date.parse(midnight) - 1),
        addDays(date, -1),
      );
      for (const time of ['T00:00:00Z', 'T12:00:00Z', 'T23:59:59.999Z']) {
        same(`localDate(${date}${time})`, localDate(`${date}${time}`), zoneDate(`${date}${time}`));
      }
    }
    expect(differences).toEqual([]);
    expect(localToday()).toBe(zoneDate(Date.now()));
  });

  it('counts the calendar as in UTC: no clock change moves a day', () => {
    expect(differencesFromDayjs()).toEqual([]);
    // Daylight saving began at midnight on these days in São Paulo and in Havana: still one day.
    expect(daysBetween('2018-11-03', '2018-11-04')).toBe(1);
    expect(daysBetween('2024-03-09', '2024-03-10')).toBe(1);
    expect(addDays('2018-11-03', 1)).toBe('2018-11-04');
  });
});

describe('the main process and the screens agree', () => {
  let t: TestDb;
  let clock: ManualClock;
  const saved = process.env.TZ;

  beforeEach(() => {
    // Shanghai: a UTC instant's date is not its local date for eight hours of every day.
    process.env.TZ = 'Asia/Shanghai';
    clock = manualClock();
    t = makeTestDb({ now: clock.now });
  });
  afterEach(() => {
    t.close();
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  /** The trend channel's periods over a range beside dayjs's, and the rows the screen makes of them. */
  function expectTrendAsDayjs(from: string, to: string, period: CalendarPeriod) {
    const result = call(t.ctx, 'analysis.trend', { from, to, period });
    const rows = trendRows(result);
    const where = `${period} ${from}~${to}`;
    expect(rows, where).toHaveLength(result.buckets.length);
    result.buckets.forEach((b, i) => {
      const last = i === result.buckets.length - 1;
      expect(b.start, where).toBe(i === 0 ? from : startOf(day(b.start), period));
      expect(b.end, where).toBe(last ? to : endOf(day(b.start), period));
      expect([keyOf(b.start, period), keyOf(b.end, period)], where).toEqual([b.key, b.key]);
      if (!last) expect(result.buckets[i + 1]!.start, where).toBe(ymd(day(b.end).add(1, 'day')));
      // What the screen shows: the key as the label, then the days as dayjs wrote them.
      expect(rows[i]!.label, where).toBe(b.key);
      expect(periodDays(b), where).toEqual(
        b.start === b.end ? null : { from: day(b.start).format('MM-DD'), to: day(b.end).format('MM-DD') },
      );
    });
    // The previous period, as the screen's help says: the same number of days just before `from`.
    const length = day(to).diff(day(from), 'day') + 1;
    expect(result.previous, where).toHaveLength(result.buckets.length);
    expect(result.previous[0]!.start, where).toBe(ymd(day(from).subtract(length, 'day')));
    expect(result.previous.at(-1)!.end, where).toBe(ymd(day(from).subtract(1, 'day')));
  }

  it('on the trend: its periods, their keys and bounds, and the days the screen writes beside them', () => {
    const ranges: [string, string, CalendarPeriod[]][] = [
      [FIRST, LAST, ['week', 'month', 'quarter', 'year']],
      ['2020-12-20', '2021-01-20', PERIODS],
      ['2024-01-15', '2025-02-10', PERIODS],
      ['2024-02-29', '2024-02-29', PERIODS],
      ['2026-03-31', '2027-01-04', PERIODS],
    ];
    for (const [from, to, periods] of ranges) {
      for (const period of periods) expectTrendAsDayjs(from, to, period);
    }
  });

  it('on the trend over any range', () => {
    fc.assert(
      fc.property(
        anyDate,
        fc.integer({ min: 0, max: 1000 }),
        fc.constantFrom(...PERIODS),
        (from, days, period) => {
          expectTrendAsDayjs(from, ymd(day(from).add(days, 'day')), period);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('on the default range, the last 12 months, near midnight', () => {
    /** The local date in Shanghai (UTC+8 all year) of an instant, by hand. */
    const shanghaiDate = (iso: string) =>
      new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
    for (const now of ['2026-03-31T15:59:59.999Z', '2026-03-31T16:00:00.000Z', '2024-02-28T16:30:00.000Z']) {
      clock.set(now);
      // What 客户利润 shows while the range is empty: the renderer's today, the last 12 months.
      const shown = analysisRange({}, localDate(now));
      expect(shown.to).toBe(shanghaiDate(now));
      for (const channel of ['analysis.trend', 'analysis.service'] as const) {
        const { from, to } = call(t.ctx, channel, {});
        expect({ from, to }, `${channel} at ${now}`).toEqual(shown);
      }
      const to = '2025-12-31';
      expect(call(t.ctx, 'analysis.trend', { to })).toMatchObject(analysisRange({ to }, localDate(now)));
    }
  });

  it('on this month and last month of 桌面', () => {
    const customerId = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' }).id;
    const sold = ['2023-12-31', '2024-01-01', '2024-01-31', '2024-02-01', '2024-02-29', '2024-03-01'];
    sold.forEach((saleDate, i) => insertSaleRow(t.db, { customerId, saleDate, amount: 10 ** i }));
    for (const today of ['2024-01-01', '2024-02-29', '2024-03-01', '2024-03-31']) {
      const summary = call(t.ctx, 'home.summary', { today });
      const sum = (month: dayjs.Dayjs) =>
        sold.reduce((s, d, i) => (day(d).format('YYYY-MM') === month.format('YYYY-MM') ? s + 10 ** i : s), 0);
      expect(summary.salesThisMonth.amount, today).toBe(sum(day(today)));
      expect(summary.salesLastMonth.amount, today).toBe(sum(day(today).subtract(1, 'month')));
    }
  });

  it('on the days an open item has waited: the list’s 逾期 filter and the count 桌面 shows', () => {
    const customerId = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' }).id;
    const typeId = baseId(t.ctx, 'feedback_type', 'complaint');
    const today = '2024-03-05';
    const received = Array.from({ length: 14 }, (_, n) => addDays(today, -n));
    const codes = new Map(
      received.map((receivedDate) => [
        call(t.ctx, 'feedback.create', { customerId, typeId, subject: receivedDate, receivedDate }).code,
        receivedDate,
      ]),
    );
    for (const overdueDays of [1, 7, 10]) {
      const listed = call(t.ctx, 'feedback.list', { overdueDays, today, pageSize: 100 }).rows.map(
        (r) => r.code,
      );
      const waited = [...codes].filter(([, d]) => daysBetween(d, today) > overdueDays).map(([code]) => code);
      expect(listed.sort(), `overdue after ${overdueDays} days`).toEqual(waited.sort());
      expect(waited).toHaveLength(13 - overdueDays);
    }
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  baseId,
  call,
  callError,
  makeTestDb,
  manualClock,
  type ManualClock,
  type TestDb,
} from '../helpers/db';

/**
 * 服务分析 against hand-made feedback; every figure is worked out in the comments. The clock
 * stands at noon on 2024-04-15, so "today" is 2024-04-15 and "more than 30 days ago" means
 * received before 2024-03-16.
 */
let t: TestDb;
let clock: ManualClock;
let customerId: number;
beforeEach(() => {
  clock = manualClock('2024-04-15T12:00:00.000Z');
  t = makeTestDb({ now: clock.now });
  customerId = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' }).id;
});
afterEach(() => t.close());

const type = (key: string) => baseId(t.ctx, 'feedback_type', key);

/** A feedback item received on a day, closed on another with a score when given. */
function feedback(typeKey: string, receivedDate: string, closed?: { on: string; satisfaction: number }) {
  const item = call(t.ctx, 'feedback.create', {
    customerId,
    typeId: type(typeKey),
    subject: `${typeKey} ${receivedDate}`,
    receivedDate,
  });
  if (closed) {
    call(t.ctx, 'feedback.close', {
      id: item.id,
      version: item.version,
      result: '已处理',
      satisfaction: closed.satisfaction,
      closedDate: closed.on,
    });
  }
}

describe('analysis.service', () => {
  /**
   * Range 2024-01-15 … 2024-03-10, across the leap day.
   *   f1 enquiry    received 01-20, closed 01-22, score 5 (2 days)
   *   f2 enquiry    received 02-29, closed 03-01, score 4 (1 day, over the leap day)
   *   f3 complaint  received 02-10, closed 03-10, score 2 (19 days to 02-29 + 10 = 29)
   *   f4 complaint  received 03-05, open (41 days old on 04-15)
   *   f5 suggestion received 01-10 (before the range), closed 01-16, score 3 (6 days)
   *   f6 enquiry    received 03-16 (after the range), open, exactly 30 days old: not "over 30"
   *   f7 repair     received 03-11, closed 03-20 (after the range), score 1
   */
  function seed() {
    feedback('enquiry', '2024-01-20', { on: '2024-01-22', satisfaction: 5 });
    feedback('enquiry', '2024-02-29', { on: '2024-03-01', satisfaction: 4 });
    feedback('complaint', '2024-02-10', { on: '2024-03-10', satisfaction: 2 });
    feedback('complaint', '2024-03-05');
    feedback('suggestion', '2024-01-10', { on: '2024-01-16', satisfaction: 3 });
    feedback('enquiry', '2024-03-16');
    feedback('repair', '2024-03-11', { on: '2024-03-20', satisfaction: 1 });
  }

  it('counts by month and type, averages over the closed, and measures the backlog', () => {
    seed();
    const [enquiry, complaint] = [type('enquiry'), type('complaint')];
    expect(call(t.ctx, 'analysis.service', { from: '2024-01-15', to: '2024-03-10' })).toEqual({
      from: '2024-01-15',
      to: '2024-03-10',
      // Received in the range: f1 in January; f2, f3 in February; f4 in March.
      byMonth: [
        { month: '2024-01', counts: { [enquiry]: 1 }, total: 1 },
        { month: '2024-02', counts: { [enquiry]: 1, [complaint]: 1 }, total: 2 },
        { month: '2024-03', counts: { [complaint]: 1 }, total: 1 },
      ],
      // In base-data order (咨询 before 投诉). Enquiries f1, f2: (5 + 4) / 2 = 4.5; complaints
      // f3, f4: only f3 is scored, 2.
      byType: [
        { typeId: enquiry, count: 2, averageSatisfaction: 4.5 },
        { typeId: complaint, count: 2, averageSatisfaction: 2 },
      ],
      // Closed in the range: f1, f2, f3, f5. Scores (5 + 4 + 2 + 3) / 4 = 3.5; days
      // (2 + 1 + 29 + 6) / 4 = 9.5.
      averageSatisfaction: 3.5,
      averageDaysToClose: 9.5,
      // Open now: f4 (received 03-05, before 03-16: over 30 days) and f6 (exactly 30 days).
      openBacklog: 2,
      openOver30Days: 1,
    });
  });

  it('lists a one-day range, and the empty months of a range with nothing in it', () => {
    seed();
    const leapDay = call(t.ctx, 'analysis.service', { from: '2024-02-29', to: '2024-02-29' });
    expect(leapDay.byMonth).toEqual([{ month: '2024-02', counts: { [type('enquiry')]: 1 }, total: 1 }]);
    expect(leapDay.byType).toEqual([{ typeId: type('enquiry'), count: 1, averageSatisfaction: 4 }]);
    // Nothing was closed on 02-29 (f2 closed on 03-01).
    expect([leapDay.averageSatisfaction, leapDay.averageDaysToClose]).toEqual([null, null]);

    expect(call(t.ctx, 'analysis.service', { from: '2023-11-20', to: '2024-01-05' })).toEqual({
      from: '2023-11-20',
      to: '2024-01-05',
      byMonth: [
        { month: '2023-11', counts: {}, total: 0 },
        { month: '2023-12', counts: {}, total: 0 },
        { month: '2024-01', counts: {}, total: 0 },
      ],
      byType: [],
      averageSatisfaction: null,
      averageDaysToClose: null,
      // The backlog is today's, whatever the range.
      openBacklog: 2,
      openOver30Days: 1,
    });
  });

  it('rounds averages to 2 decimals half up, exactly', () => {
    // 40 closed in January: 39 scored 1 after 1 day, one scored 2 after 2 days. Both averages
    // are 41 / 40 = 1.025 → 1.03 (floating point has 1.025 × 100 = 102.49999…, which would give 1.02).
    for (let i = 0; i < 39; i++) feedback('repair', '2024-01-10', { on: '2024-01-11', satisfaction: 1 });
    feedback('repair', '2024-01-10', { on: '2024-01-12', satisfaction: 2 });
    const res = call(t.ctx, 'analysis.service', { from: '2024-01-01', to: '2024-01-31' });
    expect([res.averageSatisfaction, res.averageDaysToClose]).toEqual([1.03, 1.03]);
    expect(res.byType).toEqual([{ typeId: type('repair'), count: 40, averageSatisfaction: 1.03 }]);
    // Three scores 5, 4, 4: 13 / 3 = 4.333… → 4.33.
    for (const s of [5, 4, 4]) feedback('complaint', '2024-01-20', { on: '2024-01-21', satisfaction: s });
    expect(call(t.ctx, 'analysis.service', { from: '2024-01-20', to: '2024-01-31' }).byType).toEqual([
      { typeId: type('complaint'), count: 3, averageSatisfaction: 4.33 },
    ]);
  });

  it('covers the last 12 months to today when the range is left out', () => {
    clock.set('2024-03-20T12:00:00.000Z');
    seed();
    const res = call(t.ctx, 'analysis.service', {});
    // Today 2024-03-20: from the first of the month 11 months before, 2023-04-01.
    expect([res.from, res.to]).toEqual(['2023-04-01', '2024-03-20']);
    expect(res.byMonth.map((m) => m.month)).toEqual([
      '2023-04',
      '2023-05',
      '2023-06',
      '2023-07',
      '2023-08',
      '2023-09',
      '2023-10',
      '2023-11',
      '2023-12',
      '2024-01',
      '2024-02',
      '2024-03',
    ]);
    // All seven were received by then; five are closed: f1, f2, f3, f5 and f7 (on 03-20, in).
    expect(res.byMonth.reduce((n, m) => n + m.total, 0)).toBe(7);
    // Scores 5 + 4 + 2 + 3 + 1 = 15 / 5 = 3; days 2 + 1 + 29 + 6 + 9 = 47 / 5 = 9.4.
    expect([res.averageSatisfaction, res.averageDaysToClose]).toEqual([3, 9.4]);
    // Open on 03-20: f4 (15 days) and f6 (4 days); none over 30.
    expect([res.openBacklog, res.openOver30Days]).toEqual([2, 0]);
  });

  it.each([
    [{ from: '2024-03-02', to: '2024-03-01' }, 'to', 'invalid_format'],
    [{ from: '2024-02-30' }, 'from', 'invalid_format'],
    [{ to: 20240301 }, 'to', 'invalid_type'],
    [{ from: '2024-01-01', extra: 1 }, 'extra', 'unknown_field'],
  ])('refuses %j', (input, field, reason) => {
    expect(callError(t.ctx, 'analysis.service', input)).toMatchObject({ code: 'VALIDATION', field, reason });
  });

  it('refuses a from after the default to, today', () => {
    expect(callError(t.ctx, 'analysis.service', { from: '2024-04-16' })).toMatchObject({
      code: 'VALIDATION',
      field: 'to',
    });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityCreateInput, FeedbackCreateInput, HomeSummary } from '../../src-main/contract';
import {
  FIXED_NOW,
  baseId,
  call,
  callError,
  makeTestDb,
  manualClock,
  type ManualClock,
  type TestDb,
} from '../helpers/db';
import {
  insertContactRow,
  insertOpportunityRow,
  insertProductRow,
  insertSaleRow,
} from '../helpers/samples/activities';

let t: TestDb;
let clock: ManualClock;
let huaxin: number;
let mingda: number;

beforeEach(() => {
  clock = manualClock();
  t = makeTestDb({ now: clock.now });
  huaxin = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' }).id;
  mingda = call(t.ctx, 'customers.create', { name: '上海明达贸易有限公司' }).id;
});
afterEach(() => t.close());

const summary = (today?: string): HomeSummary => call(t.ctx, 'home.summary', today ? { today } : {});
const feedback = (input: Partial<FeedbackCreateInput>) =>
  call(t.ctx, 'feedback.create', {
    customerId: huaxin,
    typeId: baseId(t.ctx, 'feedback_type', 'complaint'),
    subject: '打印机卡纸',
    receivedDate: '2026-03-01',
    ...input,
  });
const activity = (input: Partial<ActivityCreateInput>) =>
  call(t.ctx, 'activities.create', {
    customerId: huaxin,
    type: 'call',
    subject: '电话回访',
    occurredAt: '2026-03-01T09:00',
    ...input,
  });

describe('home.summary', () => {
  it('shows an empty desktop for a new database', () => {
    expect(summary('2026-03-10')).toEqual({
      today: '2026-03-10',
      followUps: [],
      closingSoon: [],
      salesThisMonth: { amount: 0, count: 0 },
      salesLastMonth: { amount: 0, count: 0 },
      recent: [
        { kind: 'customer', id: mingda, title: '上海明达贸易有限公司', updatedAt: FIXED_NOW },
        { kind: 'customer', id: huaxin, title: '北京华信科技有限公司', updatedAt: FIXED_NOW },
      ],
      openFeedback: { count: 0, oldest: [] },
    });
  });

  describe('今日回访', () => {
    it('lists follow-ups due today and overdue, oldest first; not future, done or unset ones', () => {
      const dueToday = activity({ subject: '今天回访', nextFollowUp: '2026-03-10' });
      const overdue = activity({ subject: '逾期回访', nextFollowUp: '2026-03-01', customerId: mingda });
      const longOverdue = activity({ subject: '去年的回访', nextFollowUp: '2025-12-30' });
      activity({ subject: '明天回访', nextFollowUp: '2026-03-11' });
      activity({ subject: '已完成', nextFollowUp: '2026-03-09', done: true });
      activity({ subject: '不需回访', nextFollowUp: null });
      const completed = activity({ subject: '刚完成', nextFollowUp: '2026-03-10' });
      call(t.ctx, 'activities.complete', { id: completed.id, version: 1 });

      const { followUps } = summary('2026-03-10');
      expect(followUps.map((a) => a.subject)).toEqual(['去年的回访', '逾期回访', '今天回访']);
      expect(followUps.map((a) => a.id)).toEqual([longOverdue.id, overdue.id, dueToday.id]);
      const { content: _content, createdAt: _createdAt, ...row } = overdue;
      expect(followUps[1]).toEqual(row);
      expect(followUps[1]).toMatchObject({ customerName: '上海明达贸易有限公司', done: false });
    });

    it('drops a follow-up once it is rescheduled past today, keeps it when moved to today', () => {
      const a = activity({ nextFollowUp: '2026-03-05' });
      const moved = call(t.ctx, 'activities.reschedule', {
        id: a.id,
        version: 1,
        nextFollowUp: '2026-03-12',
      });
      expect(summary('2026-03-10').followUps).toEqual([]);
      call(t.ctx, 'activities.reschedule', { id: a.id, version: moved.version, nextFollowUp: '2026-03-10' });
      expect(summary('2026-03-10').followUps.map((f) => f.id)).toEqual([a.id]);
    });

    it('shows at most 50, the oldest', () => {
      for (let i = 1; i <= 55; i++) {
        activity({ subject: `回访 ${i}`, nextFollowUp: `2026-01-${String((i % 28) + 1).padStart(2, '0')}` });
      }
      const { followUps } = summary('2026-03-10');
      expect(followUps).toHaveLength(50);
      const dates = followUps.map((f) => f.nextFollowUp!);
      expect(dates).toEqual([...dates].sort());
      expect(dates.at(-1)).toBe('2026-01-26');
    });
  });

  describe('today', () => {
    const savedTz = process.env.TZ;
    afterEach(() => {
      if (savedTz === undefined) delete process.env.TZ;
      else process.env.TZ = savedTz;
    });

    it("defaults to the machine's local date at ctx.now()", () => {
      process.env.TZ = 'UTC';
      clock.set('2026-01-31T20:00:00.000Z');
      expect(summary().today).toBe('2026-01-31');
      // 20:00 UTC is already 04:00 the next day in Beijing: a new month, too.
      process.env.TZ = 'Asia/Shanghai';
      insertSaleRow(t.db, { customerId: huaxin, saleDate: '2026-02-01', amount: 500 });
      const s = summary();
      expect(s.today).toBe('2026-02-01');
      expect(s.salesThisMonth).toEqual({ amount: 500, count: 1 });
    });

    it('refuses a today that is not a calendar date', () => {
      expect(callError(t.ctx, 'home.summary', { today: '2026-02-29' })).toMatchObject({
        code: 'VALIDATION',
        field: 'today',
      });
    });
  });

  describe('未结束的服务反馈', () => {
    it('counts the open items and lists the five received first; closed ones stay out', () => {
      feedback({ subject: '3 月 5 日', receivedDate: '2026-03-05' });
      const oldest = feedback({ subject: '2 月 1 日', receivedDate: '2026-02-01', customerId: mingda });
      feedback({ subject: '3 月 1 日 (甲)', receivedDate: '2026-03-01' });
      feedback({ subject: '3 月 1 日 (乙)', receivedDate: '2026-03-01' });
      feedback({ subject: '明天才收到', receivedDate: '2026-03-11' });
      feedback({ subject: '2 月 20 日', receivedDate: '2026-02-20' });
      const closed = feedback({ subject: '已结束', receivedDate: '2026-01-01' });
      call(t.ctx, 'feedback.close', { id: closed.id, version: 1, result: '已处理', satisfaction: 5 });

      const { openFeedback } = summary('2026-03-10');
      expect(openFeedback.count).toBe(6);
      expect(openFeedback.oldest.map((f) => f.subject)).toEqual([
        '2 月 1 日',
        '2 月 20 日',
        '3 月 1 日 (甲)',
        '3 月 1 日 (乙)',
        '3 月 5 日',
      ]);
      const { content: _content, result: _result, createdAt: _createdAt, ...row } = oldest;
      expect(openFeedback.oldest[0]).toEqual(row);
      expect(openFeedback.oldest[0]).toMatchObject({ customerName: '上海明达贸易有限公司', status: 'open' });
    });
  });

  describe('近期结单的机会', () => {
    it('lists open opportunities closing from today to today + 14 days, soonest first', () => {
      const opp = (
        title: string,
        expectedCloseDate: string | null,
        status: 'open' | 'won' | 'lost' = 'open',
      ) =>
        insertOpportunityRow(t.db, {
          customerId: huaxin,
          title,
          expectedCloseDate,
          expectedAmount: 1_000_00,
          status,
          closedAt: status === 'open' ? null : FIXED_NOW,
        });
      // today = 2026-01-25, so the window ends on 2026-02-08: across a month boundary.
      opp('第 14 天', '2026-02-08');
      const first = opp('今天', '2026-01-25');
      opp('第 15 天', '2026-02-09');
      opp('昨天', '2026-01-24');
      opp('第 7 天', '2026-02-01');
      opp('没有日期', null);
      opp('已赢单', '2026-01-28', 'won');
      opp('已输单', '2026-01-28', 'lost');
      insertOpportunityRow(t.db, {
        customerId: mingda,
        title: '明达 第 3 天',
        expectedCloseDate: '2026-01-28',
      });

      const { closingSoon } = summary('2026-01-25');
      expect(closingSoon.map((o) => o.title)).toEqual(['今天', '明达 第 3 天', '第 7 天', '第 14 天']);
      expect(closingSoon[0]).toEqual({
        id: first,
        code: expect.any(String),
        title: '今天',
        customerId: huaxin,
        customerName: '北京华信科技有限公司',
        stageId: expect.any(Number),
        probability: 10,
        expectedAmount: 1_000_00,
        expectedCloseDate: '2026-01-25',
        ownerId: null,
        status: 'open',
        version: 1,
        updatedAt: FIXED_NOW,
        custom: {},
      });
    });
  });

  describe('本月销售 vs 上月', () => {
    it('sums the sales of the month of today and of the month before, without cancelled ones', () => {
      const sale = (saleDate: string, amount: number, status?: 'cancelled' | 'paid' | 'draft') =>
        insertSaleRow(t.db, { customerId: huaxin, saleDate, amount, status });
      sale('2026-03-01', 100_00);
      sale('2026-03-31', 250_00, 'paid');
      sale('2026-03-05', 999_00, 'cancelled');
      sale('2026-03-20', 1); // later this month than today: still this month
      sale('2026-02-01', 70_00);
      sale('2026-02-28', 30_00, 'draft');
      sale('2026-02-10', 500_00, 'cancelled');
      sale('2026-01-31', 1_000_00);
      sale('2026-04-01', 2_000_00);
      const s = summary('2026-03-10');
      expect(s.salesThisMonth).toEqual({ amount: 350_01, count: 3 });
      expect(s.salesLastMonth).toEqual({ amount: 100_00, count: 2 });
    });

    it('takes December of the year before as the month before January', () => {
      const sale = (saleDate: string, amount: number) =>
        insertSaleRow(t.db, { customerId: mingda, saleDate, amount });
      sale('2025-11-30', 1_00);
      sale('2025-12-01', 20_00);
      sale('2025-12-31', 30_00);
      sale('2026-01-01', 400_00);
      sale('2026-01-31', 5_00);
      sale('2026-02-01', 6_00);
      const s = summary('2026-01-10');
      expect(s.salesThisMonth).toEqual({ amount: 405_00, count: 2 });
      expect(s.salesLastMonth).toEqual({ amount: 50_00, count: 2 });
    });
  });

  describe('最近修改', () => {
    it('names service feedback by its subject and an expense by its description, else its category', () => {
      const at = (minute: number) => `2026-03-10T09:${String(minute).padStart(2, '0')}:00.000Z`;
      clock.set(at(1));
      const item = feedback({ subject: '服务器风扇异响' });
      const expense = (description: string | null, updatedAt: string) =>
        Number(
          t.db
            .prepare(
              `INSERT INTO expenses (expense_date, category_id, amount, description, created_at, updated_at)
               VALUES ('2026-03-10', ?, 100, ?, ?, ?)`,
            )
            .run(baseId(t.ctx, 'expense_category', 'travel'), description, updatedAt, updatedAt)
            .lastInsertRowid,
        );
      const described = expense('北京出差机票', at(2));
      const plain = expense(null, at(3));
      expect(summary('2026-03-10').recent.slice(0, 3)).toEqual([
        { kind: 'expense', id: plain, title: '差旅费', updatedAt: at(3) },
        { kind: 'expense', id: described, title: '北京出差机票', updatedAt: at(2) },
        { kind: 'feedback', id: item.id, title: '服务器风扇异响', updatedAt: at(1) },
      ]);
    });

    it('returns the ten records touched last, across every kind, with a title for each', () => {
      const at = (minute: number) => `2026-03-10T08:${String(minute).padStart(2, '0')}:00.000Z`;
      // Twelve customers touched at minutes 0–11: more than ten of one kind.
      const customers: number[] = [];
      for (let i = 0; i < 12; i++) {
        clock.set(at(i));
        customers.push(call(t.ctx, 'customers.create', { name: `客户 ${i}` }).id);
      }
      const contact = insertContactRow(t.db, huaxin, '张伟', at(20));
      const product = insertProductRow(t.db, '服务器', at(21));
      const opportunity = insertOpportunityRow(t.db, {
        customerId: huaxin,
        title: 'ERP 项目',
        updatedAt: at(22),
      });
      const sale = insertSaleRow(t.db, {
        customerId: huaxin,
        saleDate: '2026-03-10',
        amount: 1,
        code: 'S000009',
        updatedAt: at(23),
      });
      clock.set(at(24));
      const act = activity({ subject: '电话回访' });
      // An old record of each kind stays out.
      insertContactRow(t.db, huaxin, '旧联系人', '2025-01-01T00:00:00.000Z');
      insertProductRow(t.db, '旧产品', '2025-01-01T00:00:00.000Z');
      // Editing an old customer brings it back to the top.
      clock.set(at(30));
      call(t.ctx, 'customers.update', { id: customers[0]!, version: 1, name: '客户 0（已修改）' });

      expect(summary('2026-03-10').recent).toEqual([
        { kind: 'customer', id: customers[0], title: '客户 0（已修改）', updatedAt: at(30) },
        { kind: 'activity', id: act.id, title: '电话回访', updatedAt: at(24) },
        { kind: 'sale', id: sale, title: 'S000009', updatedAt: at(23) },
        { kind: 'opportunity', id: opportunity, title: 'ERP 项目', updatedAt: at(22) },
        { kind: 'product', id: product, title: '服务器', updatedAt: at(21) },
        { kind: 'contact', id: contact, title: '张伟', updatedAt: at(20) },
        { kind: 'customer', id: customers[11], title: '客户 11', updatedAt: at(11) },
        { kind: 'customer', id: customers[10], title: '客户 10', updatedAt: at(10) },
        { kind: 'customer', id: customers[9], title: '客户 9', updatedAt: at(9) },
        { kind: 'customer', id: customers[8], title: '客户 8', updatedAt: at(8) },
      ]);
    });
  });
});

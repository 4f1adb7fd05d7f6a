import type { ChannelParsedInput, ServiceAnalysis } from '../contract';
import { addDays, monthsIn } from '../contract/dates';
import { stmt } from '../db/statements';
import type { HandlerContext } from '../records/context';
import { resolveRange } from './common';
import { average2, today } from './customer-dates';

/** Feedback received in the range, per month and type. */
const BY_MONTH_SQL = `SELECT substr(received_date, 1, 7) AS month, type_id, count(*) FROM feedback
  WHERE received_date BETWEEN ? AND ?
  GROUP BY month, type_id`;

/** Feedback received in the range per type, in base-data order, with the scores of the closed. */
const BY_TYPE_SQL = `SELECT f.type_id, count(*), coalesce(sum(f.satisfaction), 0), count(f.satisfaction)
  FROM feedback f JOIN base_items b ON b.id = f.type_id
  WHERE f.received_date BETWEEN ? AND ?
  GROUP BY f.type_id ORDER BY b.sort_order, f.type_id`;

/** Items closed in the range: how many, their scores, and their days from received to closed. */
const CLOSED_SQL = `SELECT count(*) AS closed, coalesce(sum(satisfaction), 0) AS satisfaction,
    coalesce(sum(CAST(julianday(closed_date) - julianday(received_date) AS INTEGER)), 0) AS days
  FROM feedback WHERE status = 'closed' AND closed_date BETWEEN ? AND ?`;

/** Open now (the index feedback_open), and those received before a day. */
const BACKLOG_SQL = `SELECT count(*) AS open, coalesce(sum(received_date < ?), 0) AS old
  FROM feedback WHERE status = 'open'`;

/** Days after which an open item counts as old. */
const OLD_AFTER_DAYS = 30;

/**
 * 服务分析: feedback by month and type, satisfaction by type, the averages over items closed in
 * the range (2 decimals, half up), and the open backlog today. Every month of the range is
 * listed, empty ones with a total of 0.
 */
export function serviceAnalysis(
  ctx: HandlerContext,
  input: ChannelParsedInput<'analysis.service'>,
): ServiceAnalysis {
  const { db } = ctx;
  const { from, to } = resolveRange(ctx, input);
  return db.transaction((): ServiceAnalysis => {
    const byMonth = new Map(
      monthsIn(from, to).map((month) => [month, { month, counts: {} as Record<string, number>, total: 0 }]),
    );
    for (const [month, typeId, count] of stmt(db, BY_MONTH_SQL).raw().all(from, to) as [
      string,
      number,
      number,
    ][]) {
      const m = byMonth.get(month)!;
      m.counts[String(typeId)] = count;
      m.total += count;
    }
    const byType = (stmt(db, BY_TYPE_SQL).raw().all(from, to) as [number, number, number, number][]).map(
      ([typeId, count, satisfaction, scored]) => ({
        typeId,
        count,
        averageSatisfaction: average2(satisfaction, scored),
      }),
    );
    const closed = stmt<{ closed: number; satisfaction: number; days: number }>(db, CLOSED_SQL).get(
      from,
      to,
    )!;
    // Received more than 30 days ago: before today − 30.
    const backlog = stmt<{ open: number; old: number }>(db, BACKLOG_SQL).get(
      addDays(today(ctx), -OLD_AFTER_DAYS),
    )!;
    return {
      from,
      to,
      byMonth: [...byMonth.values()],
      byType,
      averageSatisfaction: average2(closed.satisfaction, closed.closed),
      averageDaysToClose: average2(closed.days, closed.closed),
      openBacklog: backlog.open,
      openOver30Days: backlog.old,
    };
  })();
}

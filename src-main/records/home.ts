import type { ActivityRow, HomeSummary, OpportunityRow, RecentRecord } from '../contract';
import { homeChannels } from '../contract';
import { stmt } from '../db/statements';
import { handlersFor } from '../ipc/handler';
import { addDays, localDate, monthStart } from './dates';
import { ACTIVITY_ROW_SQL, toBoolean } from './activities';
import type { HandlerContext } from './context';
import { readCustom } from './custom-values';
import { openFeedbackSummary } from './feedback';

/** How many follow-ups and closing opportunities the desktop shows at most. */
const FOLLOW_UP_LIMIT = 50;
const CLOSING_SOON_LIMIT = 50;
/** Opportunities expected to close from today to today + this many days count as closing soon. */
const CLOSING_SOON_DAYS = 14;
const RECENT_LIMIT = 10;
/** How many of the open service feedback items, the oldest, the desktop lists. */
const OPEN_FEEDBACK_LIMIT = 5;

/** 今日回访: open follow-ups due on or before today, oldest first (the partial index activities_follow_up). */
const FOLLOW_UPS_SQL = `SELECT ${ACTIVITY_ROW_SQL.select} FROM activities a ${ACTIVITY_ROW_SQL.joins}
  WHERE a.done = 0 AND a.next_follow_up IS NOT NULL AND a.next_follow_up <= ?
  ORDER BY a.next_follow_up, a.occurred_at, a.id LIMIT ${FOLLOW_UP_LIMIT}`;

/** Open opportunities expected to close within the window (the index opportunities_close_date). */
const CLOSING_SOON_SQL = `SELECT o.id, o.code, o.title, o.customer_id AS customerId, c.name AS customerName,
    o.stage_id AS stageId, o.probability, o.expected_amount AS expectedAmount,
    o.expected_close_date AS expectedCloseDate, o.owner_id AS ownerId, o.status, o.version,
    o.updated_at AS updatedAt, o.custom
  FROM opportunities o JOIN customers c ON c.id = o.customer_id
  WHERE o.status = 'open' AND o.expected_close_date BETWEEN ? AND ?
  ORDER BY o.expected_close_date, o.id LIMIT ${CLOSING_SOON_LIMIT}`;

/** Sales in [from, to) that were not cancelled: their total and how many (the index sales_date). */
const SALES_IN_RANGE_SQL = `SELECT coalesce(sum(amount), 0) AS amount, count(*) AS count FROM sales
  WHERE sale_date >= ? AND sale_date < ? AND status <> 'cancelled'`;

/**
 * The records touched last: each table's ten newest by its updated_at index, then the ten newest
 * of those. Every updated_at is the same ISO format (ctx.now()), so they compare as text.
 */
const recentPart = (kind: RecentRecord['kind'], table: string, title: string) =>
  `SELECT * FROM (SELECT '${kind}' AS kind, id, ${title} AS title, updated_at AS updatedAt
     FROM ${table} ORDER BY updated_at DESC LIMIT ${RECENT_LIMIT})`;
const RECENT_SQL = `${[
  recentPart('customer', 'customers', 'name'),
  recentPart('contact', 'contacts', 'name'),
  recentPart('product', 'products', 'name'),
  recentPart('opportunity', 'opportunities', 'title'),
  recentPart('sale', 'sales', 'code'),
  recentPart('activity', 'activities', 'subject'),
  recentPart('feedback', 'feedback', 'subject'),
  // An expense without a description is named by its category (the Chinese name, else the English).
  recentPart(
    'expense',
    'expenses',
    `coalesce(description, (SELECT coalesce(nullif(b.name_zh, ''), b.name_en) FROM base_items b
       WHERE b.id = category_id))`,
  ),
].join('\nUNION ALL\n')}
  ORDER BY updatedAt DESC, id DESC LIMIT ${RECENT_LIMIT}`;

export function homeSummary(ctx: HandlerContext, input: { today?: string }): HomeSummary {
  const { db } = ctx;
  const today = input.today ?? localDate(ctx.now());
  const sales = (from: string, to: string) =>
    stmt<{ amount: number; count: number }>(db, SALES_IN_RANGE_SQL).get(from, to)!;
  // One read transaction, so every card shows the same moment.
  return db.transaction((): HomeSummary => ({
    today,
    followUps: stmt<ActivityRow>(db, FOLLOW_UPS_SQL).all(today).map(toBoolean),
    closingSoon: stmt<OpportunityRow>(db, CLOSING_SOON_SQL)
      .all(today, addDays(today, CLOSING_SOON_DAYS))
      .map(readCustom),
    salesThisMonth: sales(monthStart(today, 0), monthStart(today, 1)),
    salesLastMonth: sales(monthStart(today, -1), monthStart(today, 0)),
    recent: stmt<RecentRecord>(db, RECENT_SQL).all(),
    openFeedback: openFeedbackSummary(db, OPEN_FEEDBACK_LIMIT),
  }))();
}

export const homeHandlers = handlersFor(homeChannels, {
  'home.summary': homeSummary,
});

import {
  activityChannels,
  activityFields,
  type Activity,
  type ActivityRow,
  type activitySortColumns,
  type ChannelParsedInput,
  type Page,
  type TimelineEntry,
} from '../contract';
import { AppError, notFound } from '../db/errors';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { handlersFor } from '../ipc/handler';
import { assertBaseRefs } from './base-data';
import type { HandlerContext } from './context';
import { assertContactOf, assertRecord, checkVersion, deleteByIds, insertRow, updateRow } from './guards';
import { planList, runList, type ListSpec } from './list-query';

type CreateInput = ChannelParsedInput<'activities.create'>;
type UpdateInput = ChannelParsedInput<'activities.update'>;
type ListInput = ChannelParsedInput<'activities.list'>;
type TimelineInput = ChannelParsedInput<'customers.timeline'>;

type ActivitySortColumn = (typeof activitySortColumns)[number];

const editable = Object.keys(activityFields) as (keyof typeof activityFields)[];

/** Base-data lists the reference fields point into. */
const refKinds = { ownerId: 'sales_rep' } as const;

/** The row's columns with the names of what it points at; `done` still 0/1 (see toBoolean). */
const ROW_SELECT = `a.id, a.customer_id AS customerId, c.name AS customerName,
  a.contact_id AS contactId, ct.name AS contactName,
  a.opportunity_id AS opportunityId, o.title AS opportunityTitle,
  a.type, a.subject, a.occurred_at AS occurredAt, a.next_follow_up AS nextFollowUp, a.done,
  a.owner_id AS ownerId, a.version, a.updated_at AS updatedAt`;

/** Joins for the display names; every activity has a customer (NOT NULL, ON DELETE CASCADE). */
export const ACTIVITY_JOINS = `JOIN customers c ON c.id = a.customer_id
  LEFT JOIN contacts ct ON ct.id = a.contact_id
  LEFT JOIN opportunities o ON o.id = a.opportunity_id`;

/** The select list and joins of an ActivityRow, for the lists of other screens (桌面's 今日回访). */
export const ACTIVITY_ROW_SQL = { select: ROW_SELECT, joins: ACTIVITY_JOINS };

const SELECT_ONE = `SELECT ${ROW_SELECT}, a.content, a.created_at AS createdAt
  FROM activities a ${ACTIVITY_JOINS} WHERE a.id = ?`;

/** SQLite stores the done flag as 0/1; the contract says boolean. */
export function toBoolean<T extends { done: unknown }>(row: T): T & { done: boolean } {
  return { ...row, done: row.done === 1 || row.done === true };
}

const sortSql: Record<ActivitySortColumn, string> = {
  occurredAt: 'a.occurred_at',
  nextFollowUp: 'a.next_follow_up',
  type: 'a.type',
  subject: 'a.subject',
  customer: 'c.name',
};

const listSpec: ListSpec<ActivitySortColumn> = {
  table: 'activities',
  alias: 'a',
  joins: ACTIVITY_JOINS,
  select: ROW_SELECT,
  // No search table for activities: the list is filtered, not searched.
  sortSql,
};

export function getActivity(db: Db, id: number): Activity {
  const row = stmt<Activity>(db, SELECT_ONE).get(id);
  if (!row) throw notFound('Activity', id);
  return toBoolean(row);
}

export function listActivities(db: Db, input: ListInput): Page<ActivityRow> {
  const terms: { sql: string; params: unknown[] }[] = [];
  if (input.customerId !== undefined) terms.push({ sql: 'a.customer_id = ?', params: [input.customerId] });
  if (input.type !== undefined) terms.push({ sql: 'a.type = ?', params: [input.type] });
  if (input.done !== undefined) terms.push({ sql: 'a.done = ?', params: [input.done ? 1 : 0] });
  if (input.ownerId !== undefined) terms.push({ sql: 'a.owner_id = ?', params: [input.ownerId] });
  const plan = planList(db, listSpec, { ...input, terms });
  const page = runList<ActivityRow>(db, plan, input);
  return { ...page, rows: page.rows.map(toBoolean) };
}

/**
 * The references of an activity must hang together: the customer exists, the contact is one of
 * its contacts, and the opportunity exists and is one of its opportunities.
 */
function assertRefs(
  db: Db,
  refs: { customerId: number; contactId: number | null; opportunityId: number | null },
): void {
  assertRecord(db, 'customers', 'customerId', refs.customerId);
  assertContactOf(db, refs.contactId, refs.customerId);
  if (refs.opportunityId === null) return;
  assertRecord(db, 'opportunities', 'opportunityId', refs.opportunityId);
  const owner = stmt(db, 'SELECT customer_id FROM opportunities WHERE id = ?')
    .pluck()
    .get(refs.opportunityId);
  if (owner !== refs.customerId) {
    throw new AppError(
      'VALIDATION',
      `opportunityId: opportunity ${refs.opportunityId} is not an opportunity of customer ${refs.customerId}`,
      { field: 'opportunityId', reason: 'not_found' },
    );
  }
}

export function createActivity(ctx: HandlerContext, input: CreateInput): Activity {
  const { db } = ctx;
  return db
    .transaction(() => {
      assertBaseRefs(db, refKinds, input);
      assertRefs(db, input);
      const values: Record<string, unknown> = {};
      for (const f of editable) values[f] = input[f];
      const id = insertRow(db, 'activities', values, ctx.now());
      return getActivity(db, id);
    })
    .immediate();
}

export function updateActivity(ctx: HandlerContext, input: UpdateInput): Activity {
  const { db } = ctx;
  const { id, version, ...changes } = input;
  return db
    .transaction(() => {
      checkVersion(db, 'activities', 'Activity', id, version);
      assertBaseRefs(db, refKinds, changes);
      // The references after the change: what is given, else what is stored. Moving an activity
      // to another customer without new contact/opportunity is refused if the old ones don't fit.
      const current = getActivity(db, id);
      assertRefs(db, {
        customerId: changes.customerId ?? current.customerId,
        contactId: changes.contactId !== undefined ? changes.contactId : current.contactId,
        opportunityId: changes.opportunityId !== undefined ? changes.opportunityId : current.opportunityId,
      });
      updateRow(db, 'activities', id, changes, ctx.now());
      return getActivity(db, id);
    })
    .immediate();
}

/** 今日回访 in one click: done, or moved to another day (and still to do). */
function setFollowUp(
  ctx: HandlerContext,
  input: { id: number; version: number },
  changes: { done: boolean; nextFollowUp?: string },
): Activity {
  const { db } = ctx;
  return db
    .transaction(() => {
      checkVersion(db, 'activities', 'Activity', input.id, input.version);
      updateRow(db, 'activities', input.id, changes, ctx.now());
      return getActivity(db, input.id);
    })
    .immediate();
}

/**
 * A customer's whole history, newest first: activities, opportunities opened and closed, sales,
 * service feedback received and closed.
 *
 * The sources keep time differently: an activity's `occurred_at` is the user's wall clock
 * (`YYYY-MM-DDTHH:mm`), an opportunity's `created_at` / `closed_at` an instant in UTC
 * (`…T03:04:05.000Z`), a sale's `sale_date` and a feedback item's `received_date` / `closed_date`
 * bare dates. Each is ordered on one key, `YYYY-MM-DD HH:MM` in local time: instants go through
 * SQLite's `localtime` (the main process runs on the user's machine, so that is the user's clock),
 * and a bare date sorts at the end of its day (`24:00`, after every time that day): a sale is made
 * by the end of the day it is dated, so it shows above the won opportunity it came from, and so
 * is a feedback item closed. Feedback received on a day sorts at its start (`00:00`): it is what
 * that day's calls and visits answer. Ties go by kind (sale, closed, activity, opened), then
 * newest id. `at` itself is returned as stored.
 */
const TIMELINE_SQL = `
  SELECT kind, id, at, title, activityType, amount FROM (
    SELECT 'activity' AS kind, id, occurred_at AS at, subject AS title, type AS activityType,
           NULL AS amount, replace(occurred_at, 'T', ' ') AS sortKey, 2 AS rank
      FROM activities WHERE customer_id = @customerId
    UNION ALL
    SELECT 'opportunity_opened', id, created_at, title, NULL, expected_amount,
           substr(datetime(created_at, 'localtime'), 1, 16), 1
      FROM opportunities WHERE customer_id = @customerId
    UNION ALL
    SELECT CASE status WHEN 'won' THEN 'opportunity_won' ELSE 'opportunity_lost' END, id, closed_at,
           title, NULL, expected_amount, substr(datetime(closed_at, 'localtime'), 1, 16), 3
      FROM opportunities WHERE customer_id = @customerId AND status <> 'open'
    UNION ALL
    SELECT 'sale', id, sale_date, code, NULL, amount, sale_date || ' 24:00', 4
      FROM sales WHERE customer_id = @customerId
    UNION ALL
    SELECT 'feedback_opened', id, received_date, subject, NULL, NULL, received_date || ' 00:00', 1
      FROM feedback WHERE customer_id = @customerId
    UNION ALL
    SELECT 'feedback_closed', id, closed_date, subject, NULL, NULL, closed_date || ' 24:00', 3
      FROM feedback WHERE customer_id = @customerId AND status = 'closed'
  )
  ORDER BY sortKey DESC, rank DESC, id DESC
  LIMIT @limit OFFSET @offset`;

const TIMELINE_COUNT_SQL = `SELECT
    (SELECT count(*) FROM activities WHERE customer_id = @customerId)
  + (SELECT count(*) FROM opportunities WHERE customer_id = @customerId)
  + (SELECT count(*) FROM opportunities WHERE customer_id = @customerId AND status <> 'open')
  + (SELECT count(*) FROM sales WHERE customer_id = @customerId)
  + (SELECT count(*) FROM feedback WHERE customer_id = @customerId)
  + (SELECT count(*) FROM feedback WHERE customer_id = @customerId AND status = 'closed')`;

export function customerTimeline(db: Db, input: TimelineInput): Page<TimelineEntry> {
  if (!stmt(db, 'SELECT 1 FROM customers WHERE id = ?').pluck().get(input.customerId)) {
    throw notFound('Customer', input.customerId);
  }
  const params = { customerId: input.customerId };
  const total = stmt(db, TIMELINE_COUNT_SQL).pluck().get(params) as number;
  const offset = (input.page - 1) * input.pageSize;
  const rows =
    offset < total
      ? stmt<TimelineEntry>(db, TIMELINE_SQL).all({ ...params, limit: input.pageSize, offset })
      : [];
  return { rows, total, page: input.page, pageSize: input.pageSize };
}

export const activityHandlers = handlersFor(activityChannels, {
  'activities.list': (ctx, input) => listActivities(ctx.db, input),
  'activities.get': (ctx, input) => getActivity(ctx.db, input.id),
  'activities.create': createActivity,
  'activities.update': updateActivity,
  'activities.delete': (ctx, input) => deleteByIds(ctx.db, 'activities', 'Activity', input.ids, ctx.now()),
  'activities.complete': (ctx, input) => setFollowUp(ctx, input, { done: true }),
  'activities.reschedule': (ctx, input) =>
    setFollowUp(ctx, input, { done: false, nextFollowUp: input.nextFollowUp }),
  'customers.timeline': (ctx, input) => customerTimeline(ctx.db, input),
});

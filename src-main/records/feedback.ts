import {
  feedbackChannels,
  feedbackFields,
  type ChannelParsedInput,
  type Feedback,
  type FeedbackRow,
  type feedbackSortColumns,
  type Page,
} from '../contract';
import { AppError, notFound } from '../db/errors';
import type { Db } from '../db/open';
import { nextCode, selectList, stmt } from '../db/statements';
import { handlersFor } from '../ipc/handler';
import { assertBaseRefs } from './base-data';
import type { HandlerContext } from './context';
import { assertContactOf, assertRecord, checkVersion, deleteByIds, insertRow, updateRow } from './guards';
import { addDays, localDate } from './dates';
import { planList, runList, type ListRequest, type ListSpec } from './list-query';
import { writeSearchRow } from './search-index';

type CreateInput = ChannelParsedInput<'feedback.create'>;
type UpdateInput = ChannelParsedInput<'feedback.update'>;
type CloseInput = ChannelParsedInput<'feedback.close'>;
type ListInput = ChannelParsedInput<'feedback.list'>;
type SortColumn = (typeof feedbackSortColumns)[number];

const editable = Object.keys(feedbackFields) as (keyof typeof feedbackFields)[];

/** Base-data lists the reference fields point into. */
const refKinds = { typeId: 'feedback_type', handlerId: 'sales_rep' } as const;

const rowFields = [
  'id',
  'code',
  'customerId',
  'contactId',
  'typeId',
  'subject',
  'priority',
  'status',
  'receivedDate',
  'handlerId',
  'satisfaction',
  'closedDate',
  'version',
  'updatedAt',
] as const satisfies readonly Exclude<keyof FeedbackRow, 'customerName' | 'contactName'>[];

/** `f` is the feedback, `c` its customer, `k` its contact (if any): every read carries their names. */
const JOINS = 'JOIN customers c ON c.id = f.customer_id LEFT JOIN contacts k ON k.id = f.contact_id';
const ROW_SELECT = `${selectList(rowFields, 'f.')}, c.name AS customerName, k.name AS contactName`;
const SELECT_ONE = `SELECT ${ROW_SELECT}, f.content, f.result, f.created_at AS createdAt
  FROM feedback f ${JOINS} WHERE f.id = ?`;

/** The feedback as stored, for the rules below. */
interface Stored {
  id: number;
  code: string;
  customerId: number;
  contactId: number | null;
  status: Feedback['status'];
  receivedDate: string;
}

const sortSql: Record<SortColumn, string> = {
  code: 'f.code',
  receivedDate: 'f.received_date',
  customer: 'c.name',
  // Base-data entries are numbered in their list order (咨询, 建议, 投诉, 维修).
  type: 'f.type_id',
  // By urgency, not by the words' alphabet.
  priority: "CASE f.priority WHEN 'low' THEN 0 WHEN 'normal' THEN 1 WHEN 'high' THEN 2 ELSE 3 END",
  // Open (still to handle) before closed.
  status: "f.status = 'closed'",
  updatedAt: 'f.updated_at',
};

const listSpec: ListSpec<SortColumn> = {
  table: 'feedback',
  alias: 'f',
  joins: JOINS,
  select: ROW_SELECT,
  searchTable: 'feedback_search',
  sortSql,
};

export function getFeedback(db: Db, id: number): Feedback {
  const row = stmt<Feedback>(db, SELECT_ONE).get(id);
  if (!row) throw notFound('Feedback', id);
  return row;
}

function stored(db: Db, id: number): Stored {
  const row = stmt<Stored>(
    db,
    `SELECT id, code, customer_id AS customerId, contact_id AS contactId, status,
       received_date AS receivedDate
     FROM feedback WHERE id = ?`,
  ).get(id);
  if (!row) throw notFound('Feedback', id);
  return row;
}

/**
 * 浏览 and 查找: keyword (code, subject, customer and contact names), filters, sorts, one page.
 * 逾期 (`overdueDays`) keeps the open items received more than that many days before `today`
 * (the user's local date; the machine's when left out): received on today − N days is not yet
 * overdue, the day before is.
 */
export function listFeedback(db: Db, input: ListInput, today: string): Page<FeedbackRow> {
  const byDate = input.sort.column === 'receivedDate';
  const terms: ListRequest<SortColumn>['terms'] = [];
  // One customer's feedback comes off feedback_customer (customer_id, received_date) in date order.
  if (input.customerId !== undefined) {
    terms.push({ sql: 'f.customer_id = ?', params: [input.customerId], keepIndex: byDate });
  }
  if (input.status !== undefined) terms.push({ sql: 'f.status = ?', params: [input.status] });
  if (input.typeId !== undefined) terms.push({ sql: 'f.type_id = ?', params: [input.typeId] });
  if (input.priority !== undefined) terms.push({ sql: 'f.priority = ?', params: [input.priority] });
  if (input.overdueDays !== undefined) {
    terms.push({ sql: "f.status = 'open'", params: [] });
    terms.push({ sql: 'f.received_date < ?', params: [addDays(input.today ?? today, -input.overdueDays)] });
  }
  return runList<FeedbackRow>(db, planList(db, listSpec, { ...input, terms }), input);
}

/** Service feedback still open: how many, and the `limit` received first (桌面). */
export function openFeedbackSummary(db: Db, limit: number): { count: number; oldest: FeedbackRow[] } {
  return {
    count: stmt(db, "SELECT count(*) FROM feedback WHERE status = 'open'").pluck().get() as number,
    oldest: stmt<FeedbackRow>(
      db,
      `SELECT ${ROW_SELECT} FROM feedback f ${JOINS}
       WHERE f.status = 'open' ORDER BY f.received_date, f.id LIMIT ?`,
    ).all(limit),
  };
}

// ---------------------------------------------------------------------------------------------
// Search rows

/** Rebuilds the search rows of the feedback `where` picks: code, subject, customer and contact names. */
function indexWhere(db: Db, where: 'id' | 'customer_id' | 'contact_id', value: number): void {
  const rows = stmt<{ id: number; code: string; subject: string; customer: string; contact: string | null }>(
    db,
    `SELECT f.id, f.code, f.subject, c.name AS customer, k.name AS contact
     FROM feedback f ${JOINS} WHERE f.${where} = ?`,
  ).all(value);
  for (const r of rows)
    writeSearchRow(db, 'feedback_search', r.id, [r.code, r.subject, r.customer, r.contact]);
}

/** Rebuilds one feedback item's search row. */
export function indexFeedback(db: Db, id: number): void {
  indexWhere(db, 'id', id);
}

/** Rebuilds the search rows of a customer's feedback, which hold its name (after a rename). */
export function indexFeedbackOfCustomer(db: Db, customerId: number): void {
  indexWhere(db, 'customer_id', customerId);
}

/** Rebuilds the search rows of the feedback that names a contact (after a rename). */
export function indexFeedbackOfContact(db: Db, contactId: number): void {
  indexWhere(db, 'contact_id', contactId);
}

// ---------------------------------------------------------------------------------------------
// Writing

/** A closed item is kept as it was closed: changing it is READ_ONLY until it is reopened. */
function assertOpen(f: Stored, what: string): void {
  if (f.status === 'closed') {
    throw new AppError('READ_ONLY', `Feedback ${f.code} is already closed; reopen it to ${what}`);
  }
}

export function createFeedback(ctx: HandlerContext, input: CreateInput): Feedback {
  const { db } = ctx;
  return db
    .transaction(() => {
      assertRecord(db, 'customers', 'customerId', input.customerId);
      assertContactOf(db, input.contactId, input.customerId);
      assertBaseRefs(db, refKinds, input);
      const values: Record<string, unknown> = { code: nextCode(db, 'F', 'feedback'), status: 'open' };
      for (const f of editable) values[f] = input[f];
      const id = insertRow(db, 'feedback', values, ctx.now());
      indexFeedback(db, id);
      return getFeedback(db, id);
    })
    .immediate();
}

/** 修改: a partial update of an open item; the fields left out stay as they are. */
export function updateFeedback(ctx: HandlerContext, input: UpdateInput): Feedback {
  const { db } = ctx;
  const { id, version, ...changes } = input;
  return db
    .transaction(() => {
      checkVersion(db, 'feedback', 'Feedback', id, version);
      const current = stored(db, id);
      assertOpen(current, 'change it');
      const customerId = changes.customerId ?? current.customerId;
      if (changes.customerId !== undefined) assertRecord(db, 'customers', 'customerId', customerId);
      if (changes.customerId !== undefined || changes.contactId !== undefined) {
        // The contact (new or kept) must belong to the customer (new or kept).
        const contactId = changes.contactId !== undefined ? changes.contactId : current.contactId;
        assertContactOf(db, contactId, customerId);
      }
      assertBaseRefs(db, refKinds, changes);
      updateRow(db, 'feedback', id, changes, ctx.now());
      indexFeedback(db, id);
      return getFeedback(db, id);
    })
    .immediate();
}

/**
 * 结束服务反馈: records the result and the customer's satisfaction (1–5, the schema checks it)
 * and stamps the closed date: the one given, else today on the machine's clock. A closed date
 * before the received date is refused. Closing a closed item is READ_ONLY: it stays as it was.
 */
export function closeFeedback(ctx: HandlerContext, input: CloseInput): Feedback {
  const { db } = ctx;
  return db
    .transaction(() => {
      const now = ctx.now();
      checkVersion(db, 'feedback', 'Feedback', input.id, input.version);
      const current = stored(db, input.id);
      assertOpen(current, 'close it again');
      const closedDate = input.closedDate ?? localDate(now);
      if (closedDate < current.receivedDate) {
        throw new AppError(
          'VALIDATION',
          `closedDate: ${closedDate} is before the received date ${current.receivedDate}`,
          { field: 'closedDate', reason: 'too_small' },
        );
      }
      updateRow(
        db,
        'feedback',
        input.id,
        { status: 'closed', result: input.result, satisfaction: input.satisfaction, closedDate },
        now,
      );
      return getFeedback(db, input.id);
    })
    .immediate();
}

/**
 * 重新打开: a closed item is open again and its closing is forgotten (result, satisfaction and
 * closed date are cleared; closing it again asks for them anew). One that is already open is a
 * CONFLICT: the screen that asked thought it was closed, so what it showed is out of date.
 */
export function reopenFeedback(ctx: HandlerContext, input: { id: number; version: number }): Feedback {
  const { db } = ctx;
  return db
    .transaction(() => {
      checkVersion(db, 'feedback', 'Feedback', input.id, input.version);
      const current = stored(db, input.id);
      if (current.status === 'open') {
        throw new AppError('CONFLICT', `Feedback ${current.code} is open, not closed`);
      }
      updateRow(
        db,
        'feedback',
        input.id,
        { status: 'open', result: null, satisfaction: null, closedDate: null },
        ctx.now(),
      );
      return getFeedback(db, input.id);
    })
    .immediate();
}

export const feedbackHandlers = handlersFor(feedbackChannels, {
  'feedback.list': (ctx, input) => listFeedback(ctx.db, input, localDate(ctx.now())),
  'feedback.get': (ctx, input) => getFeedback(ctx.db, input.id),
  'feedback.create': createFeedback,
  'feedback.update': updateFeedback,
  // The search row goes by trigger.
  'feedback.delete': (ctx, input) => deleteByIds(ctx.db, 'feedback', 'Feedback', input.ids, ctx.now()),
  'feedback.close': closeFeedback,
  'feedback.reopen': reopenFeedback,
});

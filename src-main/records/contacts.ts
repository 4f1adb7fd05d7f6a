import {
  contactChannels,
  contactFields,
  type ChannelParsedInput,
  type Contact,
  type ContactRow,
  type contactSortColumns,
  type Page,
  type DeleteResult,
} from '../contract';
import { notFound } from '../db/errors';
import type { Db } from '../db/open';
import { selectList, stmt } from '../db/statements';
import { handlersFor } from '../ipc/handler';
import type { HandlerContext } from './context';
import { indexCustomer } from './search-index';
import { indexFeedback, indexFeedbackOfContact } from './feedback';
import { indexSale, indexSalesOfContact } from './sales';
import { customFilterTerms, customToStore, readCustom } from './custom-values';
import { assertRecord, checkVersion, deleteByIds, insertRow, updateRow } from './guards';
import { planList, runList, type ListSpec } from './list-query';
import { writeSearchRow } from './search-index';

type CreateInput = ChannelParsedInput<'contacts.create'>;
type UpdateInput = ChannelParsedInput<'contacts.update'>;
type ListInput = ChannelParsedInput<'contacts.list'>;
type ContactSortColumn = (typeof contactSortColumns)[number];

const editable = Object.keys(contactFields) as (keyof typeof contactFields)[];
const allFields = ['id', ...editable, 'version', 'createdAt', 'updatedAt'] as const;
const rowFields = [
  'id',
  'customerId',
  'name',
  'gender',
  'title',
  'department',
  'phone',
  'mobile',
  'email',
  'isPrimary',
  'isDecisionMaker',
  'updatedAt',
  'custom',
] as const satisfies readonly Exclude<keyof ContactRow, 'customerName'>[];

// `t` is the contact, `c` its customer: every read carries the customer's name.
const JOIN_CUSTOMER = 'JOIN customers c ON c.id = t.customer_id';
const SELECT_ONE = `SELECT ${selectList(allFields, 't.')}, c.name AS customerName
  FROM contacts t ${JOIN_CUSTOMER} WHERE t.id = ?`;

const sortSql: Record<ContactSortColumn, string> = {
  name: 't.name',
  customer: 'c.name',
  title: 't.title',
  department: 't.department',
  phone: 't.phone',
  mobile: 't.mobile',
  email: 't.email',
  updatedAt: 't.updated_at',
};

const listSpec: ListSpec<ContactSortColumn> = {
  table: 'contacts',
  alias: 't',
  joins: JOIN_CUSTOMER,
  select: `${selectList(rowFields, 't.')}, c.name AS customerName`,
  searchTable: 'contact_search',
  sortSql,
};

/** SQLite keeps the two flags as 0/1; the contract speaks booleans. */
function withFlags<T extends { isPrimary: unknown; isDecisionMaker: unknown }>(row: T): T {
  return { ...row, isPrimary: row.isPrimary === 1, isDecisionMaker: row.isDecisionMaker === 1 };
}

export function getContact(db: Db, id: number): Contact {
  const row = stmt<Contact>(db, SELECT_ONE).get(id);
  if (!row) throw notFound('Contact', id);
  return withFlags(readCustom(row));
}

export function listContacts(db: Db, input: ListInput): Page<ContactRow> {
  const terms = [
    ...(input.customerId === undefined ? [] : [{ sql: 't.customer_id = ?', params: [input.customerId] }]),
    ...customFilterTerms(db, 'contacts', 't', input.customFilters),
  ];
  const page = runList<ContactRow>(db, planList(db, listSpec, { ...input, terms }), input);
  return { ...page, rows: page.rows.map(withFlags) };
}

/** Rebuilds the search rows of the contacts `where` picks: name, phones, email, WeChat, QQ, customer name. */
function indexContacts(db: Db, where: 'id' | 'customer_id', value: number): void {
  type Texts = Record<'name' | 'phone' | 'mobile' | 'email' | 'wechat' | 'qq' | 'customer', string | null>;
  const rows = stmt<Texts & { id: number }>(
    db,
    `SELECT t.id, t.name, t.phone, t.mobile, t.email, t.wechat, t.qq, c.name AS customer
     FROM contacts t ${JOIN_CUSTOMER} WHERE t.${where} = ?`,
  ).all(value);
  for (const r of rows) {
    writeSearchRow(db, 'contact_search', r.id, [
      r.name,
      r.phone,
      r.mobile,
      r.email,
      r.wechat,
      r.qq,
      r.customer,
    ]);
  }
}

/** Rebuilds one contact's search row. */
export function indexContact(db: Db, id: number): void {
  indexContacts(db, 'id', id);
}

/**
 * Rebuilds the search rows of all of a customer's contacts, which hold the customer's name.
 * customers.update calls this when a customer is renamed.
 */
export function indexContactsOfCustomer(db: Db, customerId: number): void {
  indexContacts(db, 'customer_id', customerId);
}

/**
 * At most one primary contact per customer: before `keep` becomes (or stays) primary, the flag
 * goes off the customer's other contacts. Their version moves on, so a form still open on one of
 * them is told it changed rather than silently setting the flag back.
 */
function clearOtherPrimary(db: Db, customerId: number, keep: number | null, now: string): void {
  stmt(
    db,
    `UPDATE contacts SET is_primary = 0, version = version + 1, updated_at = ?
     WHERE customer_id = ? AND is_primary = 1 AND id IS NOT ?`,
  ).run(now, customerId, keep);
}

/**
 * Writes a new contact inside the caller's transaction, checking everything before the first
 * write, so a refusal leaves nothing behind: the create channel and 导入 both write through here.
 * The search rows are written after, a batch at a time (indexNewContacts; see insertCustomer).
 */
export function insertContact(ctx: HandlerContext, input: CreateInput): number {
  const { db } = ctx;
  assertRecord(db, 'customers', 'customerId', input.customerId);
  const custom = customToStore(db, 'contacts', input.custom);
  const now = ctx.now();
  if (input.isPrimary) clearOtherPrimary(db, input.customerId, null, now);
  const values: Record<string, unknown> = {};
  for (const f of editable) values[f] = input[f];
  values.custom = custom;
  return insertRow(db, 'contacts', values, now);
}

/** The search rows of contacts just written by insertContact, and their customers' (which hold their names). */
export function indexNewContacts(db: Db, ids: readonly number[]): void {
  for (const id of ids) indexContact(db, id);
  const customerIds = stmt(
    db,
    'SELECT DISTINCT customer_id FROM contacts WHERE id IN (SELECT value FROM json_each(?))',
  )
    .pluck()
    .all(JSON.stringify(ids)) as number[];
  for (const id of customerIds) indexCustomer(db, id);
}

export function createContact(ctx: HandlerContext, input: CreateInput): Contact {
  const { db } = ctx;
  return db
    .transaction(() => {
      const id = insertContact(ctx, input);
      indexNewContacts(db, [id]);
      return getContact(db, id);
    })
    .immediate();
}

export function updateContact(ctx: HandlerContext, input: UpdateInput): Contact {
  const { db } = ctx;
  const { id, version, ...changes } = input;
  return db
    .transaction(() => {
      checkVersion(db, 'contacts', 'Contact', id, version);
      assertRecord(db, 'customers', 'customerId', changes.customerId);
      const before = stmt<{ customerId: number; isPrimary: number }>(
        db,
        'SELECT customer_id AS customerId, is_primary AS isPrimary FROM contacts WHERE id = ?',
      ).get(id)!;
      const customerId = changes.customerId ?? before.customerId;
      const now = ctx.now();
      // A primary contact moved to another customer stays primary there.
      if (changes.isPrimary ?? before.isPrimary === 1) clearOtherPrimary(db, customerId, id, now);
      const custom = customToStore(db, 'contacts', changes.custom, id);
      updateRow(db, 'contacts', id, { ...changes, custom }, now);
      indexContact(db, id);
      indexCustomer(db, before.customerId);
      if (customerId !== before.customerId) indexCustomer(db, customerId);
      // A sale's and a feedback item's search row hold its contact's name.
      if (changes.name !== undefined) {
        indexSalesOfContact(db, id);
        indexFeedbackOfContact(db, id);
      }
      return getContact(db, id);
    })
    .immediate();
}

/** Deletes contacts (all or none) and takes their names out of their customers' search rows. */
export function deleteContacts(db: Db, ids: number[], now: string): DeleteResult {
  return db
    .transaction(() => {
      const unique = [...new Set(ids)];
      const customerIds = stmt(
        db,
        'SELECT DISTINCT customer_id FROM contacts WHERE id IN (SELECT value FROM json_each(?))',
      )
        .pluck()
        .all(JSON.stringify(unique)) as number[];
      // Their sales and feedback lose the contact (ON DELETE SET NULL) and with it the name in their
      // search rows.
      const saleIds = stmt(db, 'SELECT id FROM sales WHERE contact_id IN (SELECT value FROM json_each(?))')
        .pluck()
        .all(JSON.stringify(unique)) as number[];
      const feedbackIds = stmt(
        db,
        'SELECT id FROM feedback WHERE contact_id IN (SELECT value FROM json_each(?))',
      )
        .pluck()
        .all(JSON.stringify(unique)) as number[];
      const result = deleteByIds(db, 'contacts', 'Contact', unique, now);
      for (const customerId of customerIds) indexCustomer(db, customerId);
      for (const saleId of saleIds) indexSale(db, saleId);
      for (const feedbackId of feedbackIds) indexFeedback(db, feedbackId);
      return result;
    })
    .immediate();
}

export const contactHandlers = handlersFor(contactChannels, {
  'contacts.list': (ctx, input) => listContacts(ctx.db, input),
  'contacts.get': (ctx, input) => getContact(ctx.db, input.id),
  'contacts.create': createContact,
  'contacts.update': updateContact,
  'contacts.delete': (ctx, input) => deleteContacts(ctx.db, input.ids, ctx.now()),
});

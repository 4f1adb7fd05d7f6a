import {
  expenseChannels,
  expenseFields,
  type ChannelParsedInput,
  type Expense,
  type ExpensePage,
  type ExpenseRow,
  type expenseSortColumns,
} from '../contract';
import { AppError, notFound } from '../db/errors';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { handlersFor } from '../ipc/handler';
import { assertBaseRefs } from './base-data';
import type { HandlerContext } from './context';
import { assertRecord, checkVersion, deleteByIds, insertRow, updateRow } from './guards';
import { planList, runList, type ListRequest, type ListSpec } from './list-query';

type CreateInput = ChannelParsedInput<'expenses.create'>;
type UpdateInput = ChannelParsedInput<'expenses.update'>;
type ListInput = ChannelParsedInput<'expenses.list'>;
type SortColumn = (typeof expenseSortColumns)[number];

const editable = Object.keys(expenseFields) as (keyof typeof expenseFields)[];

/** Base-data lists the reference fields point into. */
const refKinds = { categoryId: 'expense_category', ownerId: 'sales_rep' } as const;

/** The row's columns with the names of the customer and opportunity it points at. */
const ROW_SELECT = `e.id, e.expense_date AS expenseDate, e.category_id AS categoryId, e.amount,
  e.customer_id AS customerId, c.name AS customerName,
  e.opportunity_id AS opportunityId, o.title AS opportunityTitle,
  e.description, e.owner_id AS ownerId, e.version, e.updated_at AS updatedAt`;

/** Both references are optional (a travel expense may belong to no customer), so LEFT JOIN. */
const JOINS = `LEFT JOIN customers c ON c.id = e.customer_id
  LEFT JOIN opportunities o ON o.id = e.opportunity_id`;

const SELECT_ONE = `SELECT ${ROW_SELECT}, e.created_at AS createdAt FROM expenses e ${JOINS} WHERE e.id = ?`;

const sortSql: Record<SortColumn, string> = {
  expenseDate: 'e.expense_date',
  // Categories in their base-data list order (差旅费, 招待费 …), as the filter shows them.
  category: 'k.sort_order',
  amount: 'e.amount',
  customer: 'c.name',
  updatedAt: 'e.updated_at',
};

const listSpec: ListSpec<SortColumn> = {
  table: 'expenses',
  alias: 'e',
  joins: `${JOINS} JOIN base_items k ON k.id = e.category_id`,
  select: ROW_SELECT,
  // No search table: the list is filtered, not searched.
  sortSql,
};

export function getExpense(db: Db, id: number): Expense {
  const row = stmt<Expense>(db, SELECT_ONE).get(id);
  if (!row) throw notFound('Expense', id);
  return row;
}

/** The list's conditions on the expenses table; the page and the total amount share them. */
function listTerms(input: ListInput): ListRequest<SortColumn>['terms'] {
  const byDate = input.sort.column === 'expenseDate';
  const terms: ListRequest<SortColumn>['terms'] = [];
  // One customer's expenses come off expenses_customer (customer_id, expense_date) in date order.
  if (input.customerId !== undefined) {
    terms.push({ sql: 'e.customer_id = ?', params: [input.customerId], keepIndex: byDate });
  }
  if (input.opportunityId !== undefined) {
    terms.push({ sql: 'e.opportunity_id = ?', params: [input.opportunityId] });
  }
  if (input.categoryId !== undefined) terms.push({ sql: 'e.category_id = ?', params: [input.categoryId] });
  if (input.ownerId !== undefined) terms.push({ sql: 'e.owner_id = ?', params: [input.ownerId] });
  // Both ends of the date range are included.
  if (input.dateFrom !== undefined) {
    terms.push({ sql: 'e.expense_date >= ?', params: [input.dateFrom], keepIndex: byDate });
  }
  if (input.dateTo !== undefined) {
    terms.push({ sql: 'e.expense_date <= ?', params: [input.dateTo], keepIndex: byDate });
  }
  return terms;
}

/** 浏览费用: filters, sorts, one page, and the sum of every expense the filter selects. */
export function listExpenses(db: Db, input: ListInput): ExpensePage {
  const terms = listTerms(input);
  const byDate = input.sort.column === 'expenseDate';
  const inOrder =
    byDate && (input.customerId !== undefined || input.dateFrom !== undefined || input.dateTo !== undefined);
  const plan = planList(db, listSpec, { ...input, terms, ...(inOrder ? { walk: true } : {}) });
  const page = runList<ExpenseRow>(db, plan, input);
  const where = terms.length ? `WHERE ${terms.map((t) => t.sql).join(' AND ')}` : '';
  const totalAmount =
    plan.total === 0
      ? 0
      : (stmt(db, `SELECT coalesce(sum(e.amount), 0) FROM expenses e ${where}`)
          .pluck()
          .get(...terms.flatMap((t) => t.params)) as number);
  return { ...page, totalAmount };
}

/**
 * The references of an expense must hang together. Each is optional; an opportunity given with a
 * customer must be one of that customer's. Returns the customer to store: when only an
 * opportunity is given, the expense belongs to the opportunity's customer, so it shows on that
 * customer's 费用 tab and counts in its totals like every other expense of the deal.
 */
function resolveRefs(
  db: Db,
  refs: { customerId: number | null; opportunityId: number | null },
): number | null {
  assertRecord(db, 'customers', 'customerId', refs.customerId);
  if (refs.opportunityId === null) return refs.customerId;
  assertRecord(db, 'opportunities', 'opportunityId', refs.opportunityId);
  const owner = stmt(db, 'SELECT customer_id FROM opportunities WHERE id = ?')
    .pluck()
    .get(refs.opportunityId) as number;
  if (refs.customerId === null) return owner;
  if (owner !== refs.customerId) {
    throw new AppError(
      'VALIDATION',
      `opportunityId: opportunity ${refs.opportunityId} is not an opportunity of customer ${refs.customerId}`,
      { field: 'opportunityId', reason: 'not_found' },
    );
  }
  return refs.customerId;
}

export function createExpense(ctx: HandlerContext, input: CreateInput): Expense {
  const { db } = ctx;
  return db
    .transaction(() => {
      assertBaseRefs(db, refKinds, input);
      const values: Record<string, unknown> = {};
      for (const f of editable) values[f] = input[f];
      values.customerId = resolveRefs(db, input);
      const id = insertRow(db, 'expenses', values, ctx.now());
      return getExpense(db, id);
    })
    .immediate();
}

/** 修改费用: only the fields given change (expenseFields has no defaults to fill the rest in). */
export function updateExpense(ctx: HandlerContext, input: UpdateInput): Expense {
  const { db } = ctx;
  const { id, version, ...changes } = input;
  return db
    .transaction(() => {
      checkVersion(db, 'expenses', 'Expense', id, version);
      assertBaseRefs(db, refKinds, changes);
      const current = getExpense(db, id);
      // The references after the change: what is given, else what is stored.
      const refs = {
        customerId: changes.customerId !== undefined ? changes.customerId : current.customerId,
        opportunityId: changes.opportunityId !== undefined ? changes.opportunityId : current.opportunityId,
      };
      updateRow(db, 'expenses', id, { ...changes, customerId: resolveRefs(db, refs) }, ctx.now());
      return getExpense(db, id);
    })
    .immediate();
}

export const expenseHandlers = handlersFor(expenseChannels, {
  'expenses.list': (ctx, input) => listExpenses(ctx.db, input),
  'expenses.get': (ctx, input) => getExpense(ctx.db, input.id),
  'expenses.create': createExpense,
  'expenses.update': updateExpense,
  'expenses.delete': (ctx, input) => deleteByIds(ctx.db, 'expenses', 'Expense', input.ids, ctx.now()),
});

import {
  saleChannels,
  cents,
  type ChannelParsedInput,
  type Page,
  type Sale,
  type SaleRow,
  type saleSortColumns,
} from '../contract';
import { AppError, notFound } from '../db/errors';
import type { Db } from '../db/open';
import { reserveCodes, selectList, stmt } from '../db/statements';
import { handlersFor } from '../ipc/handler';
import { assertBaseRefs } from './base-data';
import type { HandlerContext } from './context';
import { assertContactOf, assertRecord, checkVersion, deleteByIds, insertRow, updateRow } from './guards';
import { priceLines, productsOnLines, readLines, writeLines, type LineTable } from './lines';
import { customFilterTerms, customToStore, readCustom } from './custom-values';
import { planList, runList, type ListPlan, type ListSpec } from './list-query';
import { writeSearchRow } from './search-index';

type CreateInput = ChannelParsedInput<'sales.create'>;
type UpdateInput = ChannelParsedInput<'sales.update'>;
type ListInput = ChannelParsedInput<'sales.list'>;
type SaleSortColumn = (typeof saleSortColumns)[number];

const SALE_LINES: LineTable = { table: 'sale_lines', parent: 'sale_id' };
const refKinds = { ownerId: 'sales_rep' } as const;

/** The largest sale total, the same bound as any other amount of money (cents). */
const MAX_AMOUNT = cents.maxValue!;

const ownFields = [
  'id',
  'code',
  'customerId',
  'contactId',
  'opportunityId',
  'saleDate',
  'ownerId',
  'status',
  'amount',
  'amountReceived',
  'notes',
  'custom',
  'version',
  'createdAt',
  'updatedAt',
] as const;

const rowFields = [
  'id',
  'code',
  'customerId',
  'opportunityId',
  'saleDate',
  'ownerId',
  'status',
  'amount',
  'amountReceived',
  'updatedAt',
  'custom',
] as const satisfies readonly (keyof SaleRow)[];

const SELECT_ONE = `SELECT ${selectList(ownFields, 's.')}, c.name AS customerName, k.name AS contactName,
    o.code AS opportunityCode
  FROM sales s
  JOIN customers c ON c.id = s.customer_id
  LEFT JOIN contacts k ON k.id = s.contact_id
  LEFT JOIN opportunities o ON o.id = s.opportunity_id
  WHERE s.id = ?`;

export function getSale(db: Db, id: number): Sale {
  const row = stmt<Omit<Sale, 'lines'>>(db, SELECT_ONE).get(id);
  if (!row) throw notFound('Sale', id);
  return { ...readCustom(row), lines: readLines(db, SALE_LINES, id) };
}

const sortSql: Record<SaleSortColumn, string> = {
  code: 's.code',
  saleDate: 's.sale_date',
  customer: 'c.name',
  amount: 's.amount',
  amountReceived: 's.amount_received',
  status: 's.status',
  updatedAt: 's.updated_at',
};

/** Rows carry their customer's name; CROSS JOIN keeps the sales as SQLite's outer loop. */
const listSpec: ListSpec<SaleSortColumn> = {
  table: 'sales',
  alias: 's',
  joins: 'CROSS JOIN customers c ON c.id = s.customer_id',
  select: `${selectList(rowFields, 's.')}, c.name AS customerName`,
  searchTable: 'sale_search',
  sortSql,
};

/**
 * The count, and the page query chosen for it (see planList).
 *
 * Sorted by date, one customer's sales come out of sales_customer (customer_id, sale_date)
 * already in order, and a date range out of sales_date (or sales_customer, with a customer):
 * those terms keep their index, and without a keyword the page is read that way, in order, with
 * status and owner only filtering (never collected through their own index and sorted).
 */
export function planSaleList(db: Db, input: ListInput): ListPlan {
  const byDate = input.sort.column === 'saleDate';
  const dateRange = input.dateFrom !== undefined || input.dateTo !== undefined;
  const terms: { sql: string; params: unknown[]; keepIndex?: boolean }[] = [];
  if (input.customerId !== undefined) {
    terms.push({ sql: 's.customer_id = ?', params: [input.customerId], keepIndex: byDate });
  }
  if (input.status !== undefined) terms.push({ sql: 's.status = ?', params: [input.status] });
  if (input.ownerId !== undefined) terms.push({ sql: 's.owner_id = ?', params: [input.ownerId] });
  if (input.dateFrom !== undefined) {
    terms.push({ sql: 's.sale_date >= ?', params: [input.dateFrom], keepIndex: byDate });
  }
  if (input.dateTo !== undefined) {
    terms.push({ sql: 's.sale_date <= ?', params: [input.dateTo], keepIndex: byDate });
  }
  terms.push(...customFilterTerms(db, 'sales', 's', input.customFilters));
  const inOrder = byDate && (input.customerId !== undefined || dateRange) && !input.keyword?.trim();
  return planList(db, listSpec, { ...input, terms, ...(inOrder ? { walk: true } : {}) });
}

export function listSales(db: Db, input: ListInput): Page<SaleRow> {
  return runList<SaleRow>(db, planSaleList(db, input), input);
}

/** Rebuilds a sale's search row: its order number, customer name, contact name and notes. */
export function indexSale(db: Db, id: number): void {
  const s = stmt<{ code: string; customer: string; contact: string | null; notes: string | null }>(
    db,
    `SELECT s.code, c.name AS customer, k.name AS contact, s.notes
     FROM sales s JOIN customers c ON c.id = s.customer_id LEFT JOIN contacts k ON k.id = s.contact_id
     WHERE s.id = ?`,
  ).get(id);
  if (s) writeSearchRow(db, 'sale_search', id, [s.code, s.customer, s.contact, s.notes]);
}

/** Rebuilds the search rows of a customer's sales, which hold its name (after a rename). */
export function indexSalesOfCustomer(db: Db, customerId: number): void {
  const ids = stmt(db, 'SELECT id FROM sales WHERE customer_id = ?').pluck().all(customerId) as number[];
  for (const id of ids) indexSale(db, id);
}

/** Rebuilds the search rows of the sales that name a contact (after a rename). */
export function indexSalesOfContact(db: Db, contactId: number): void {
  const ids = stmt(db, 'SELECT id FROM sales WHERE contact_id = ?').pluck().all(contactId) as number[];
  for (const id of ids) indexSale(db, id);
}

/** A sale's total may not pass what an amount can hold. */
function checkTotal(total: number): void {
  if (total > MAX_AMOUNT) {
    throw new AppError('VALIDATION', `lines: the total ${total} is more than ${MAX_AMOUNT} cents`, {
      field: 'lines',
      reason: 'too_big',
      limit: MAX_AMOUNT,
    });
  }
}

/** Codes for new sales (SO000001 …): an import takes those of all its new sales at once. */
export const nextSaleCodes = (db: Db, count: number): string[] => reserveCodes(db, 'SO', 'sales', count);

/**
 * Writes a new sale with its lines (a snapshot of each product's name and unit; the unit price
 * defaults to the product's list price as it is now) inside the caller's transaction, checking
 * everything before the first write, so a refusal leaves nothing behind: the create channel and
 * 导入 both write through here. `code` is the sale's own (an imported order number), else the app
 * gives the next one. The search row is written after (indexSale; see insertCustomer).
 */
export function insertSale(ctx: HandlerContext, input: CreateInput, code?: string): number {
  const { db } = ctx;
  assertRecord(db, 'customers', 'customerId', input.customerId);
  assertContactOf(db, input.contactId, input.customerId);
  assertBaseRefs(db, refKinds, input);
  const { lines, ...fields } = input;
  const custom = customToStore(db, 'sales', input.custom);
  const priced = priceLines(db, lines);
  checkTotal(priced.total);
  const id = insertRow(
    db,
    'sales',
    { code: code ?? nextSaleCodes(db, 1)[0], ...fields, custom, amount: priced.total },
    ctx.now(),
  );
  writeLines(db, SALE_LINES, id, priced.lines);
  return id;
}

/** The search rows of sales just written by insertSale. */
export function indexNewSales(db: Db, ids: readonly number[]): void {
  for (const id of ids) indexSale(db, id);
}

export function createSale(ctx: HandlerContext, input: CreateInput): Sale {
  const { db } = ctx;
  return db
    .transaction(() => {
      const id = insertSale(ctx, input);
      indexNewSales(db, [id]);
      return getSale(db, id);
    })
    .immediate();
}

/**
 * 修改销售. A partial update; `lines`, when given, replace all lines, and products already on the
 * sale may stay on it even if they have been deactivated since. A cancelled (or paid) sale can
 * still be edited: the status is a field like any other, and a cancelled order is set right or
 * reinstated by changing it. Which opportunity a sale came from is set only by closing that
 * opportunity, never here.
 */
export function updateSale(ctx: HandlerContext, input: UpdateInput): Sale {
  const { db } = ctx;
  const { id, version, lines, ...changes } = input;
  return db
    .transaction(() => {
      checkVersion(db, 'sales', 'Sale', id, version);
      const current = stmt<{ customerId: number; contactId: number | null }>(
        db,
        'SELECT customer_id AS customerId, contact_id AS contactId FROM sales WHERE id = ?',
      ).get(id)!;
      if (changes.customerId !== undefined) {
        assertRecord(db, 'customers', 'customerId', changes.customerId);
      }
      if (changes.customerId !== undefined || changes.contactId !== undefined) {
        // The contact (new or kept) must belong to the customer (new or kept).
        assertContactOf(
          db,
          changes.contactId !== undefined ? changes.contactId : current.contactId,
          changes.customerId ?? current.customerId,
        );
      }
      assertBaseRefs(db, refKinds, changes);
      if (lines !== undefined) {
        const priced = priceLines(db, lines, productsOnLines(db, SALE_LINES, id));
        checkTotal(priced.total);
        writeLines(db, SALE_LINES, id, priced.lines);
        stmt(db, 'UPDATE sales SET amount = ? WHERE id = ?').run(priced.total, id);
      }
      const custom = customToStore(db, 'sales', changes.custom, id);
      updateRow(db, 'sales', id, { ...changes, custom }, ctx.now());
      indexSale(db, id);
      return getSale(db, id);
    })
    .immediate();
}

export const saleHandlers = handlersFor(saleChannels, {
  'sales.list': (ctx, input) => listSales(ctx.db, input),
  'sales.get': (ctx, input) => getSale(ctx.db, input.id),
  'sales.create': createSale,
  'sales.update': updateSale,
  // The lines go with the sale (ON DELETE CASCADE), the search row by trigger.
  'sales.delete': (ctx, input) => deleteByIds(ctx.db, 'sales', 'Sale', input.ids, ctx.now()),
});

import {
  customerChannels,
  customerFields,
  customerRefKinds,
  type Customer,
  type CustomerRow,
  type CustomerSortColumn,
  type Page,
  type ChannelParsedInput,
  type CustomerRelated,
} from '../contract';
import { notFound } from '../db/errors';
import type { Db } from '../db/open';
import { column, reserveCodes, selectList, stmt } from '../db/statements';
import { assertBaseRefs } from './base-data';
import { indexContactsOfCustomer } from './contacts';
import { indexCustomer, indexNewCustomers } from './search-index';
import { indexFeedbackOfCustomer } from './feedback';
import { indexOpportunitiesOfCustomer } from './opportunities';
import { indexSalesOfCustomer } from './sales';
import { handlersFor } from '../ipc/handler';
import type { HandlerContext } from './context';
import { customFilterTerms, customToStore, readCustom } from './custom-values';
import { checkVersion, deleteByIds, insertRow, updateRow } from './guards';
import { planList, runList, type ListPlan, type ListSpec } from './list-query';

type CreateInput = ChannelParsedInput<'customers.create'>;
type UpdateInput = ChannelParsedInput<'customers.update'>;
type ListInput = ChannelParsedInput<'customers.list'>;

const editable = Object.keys(customerFields) as (keyof typeof customerFields)[];
const allFields = ['id', 'code', ...editable, 'version', 'createdAt', 'updatedAt'] as const;
const rowFields = [
  'id',
  'code',
  'name',
  'shortName',
  'typeId',
  'levelId',
  'stageId',
  'industryId',
  'regionId',
  'ownerId',
  'city',
  'phone',
  'mobile',
  'email',
  'updatedAt',
  'custom',
] as const satisfies readonly (keyof CustomerRow)[];

const SELECT_ONE = `SELECT ${selectList(allFields)} FROM customers WHERE id = ?`;

const sortSql: Record<CustomerSortColumn, string> = {
  code: 'c.code',
  name: 'c.name',
  shortName: 'c.short_name',
  // Base-data columns group by entry; entries are numbered in their list order.
  type: 'c.type_id',
  level: 'c.level_id',
  stage: 'c.stage_id',
  industry: 'c.industry_id',
  region: 'c.region_id',
  owner: 'c.owner_id',
  city: 'c.city',
  phone: 'c.phone',
  mobile: 'c.mobile',
  createdAt: 'c.created_at',
  updatedAt: 'c.updated_at',
};

const filterFields = ['typeId', 'levelId', 'stageId', 'industryId', 'regionId', 'ownerId'] as const;

export function getCustomer(db: Db, id: number): Customer {
  const row = stmt<Customer>(db, SELECT_ONE).get(id);
  if (!row) throw notFound('Customer', id);
  return readCustom(row);
}

const listSpec: ListSpec<CustomerSortColumn> = {
  table: 'customers',
  alias: 'c',
  select: selectList(rowFields, 'c.'),
  searchTable: 'customer_search',
  sortSql,
};

/** The count, and the page query chosen for it (see planList). */
export function planCustomerList(db: Db, input: ListInput): ListPlan {
  const terms = [
    ...filterFields
      .filter((f) => input[f] !== undefined)
      .map((f) => ({ sql: `c.${column(f)} = ?`, params: [input[f]] })),
    ...customFilterTerms(db, 'customers', 'c', input.customFilters),
  ];
  return planList(db, listSpec, { ...input, terms });
}

export function listCustomers(db: Db, input: ListInput): Page<CustomerRow> {
  return runList<CustomerRow>(db, planCustomerList(db, input), input);
}

/** Codes for new customers (C000001 …): an import takes those of all its new records at once. */
export const nextCustomerCodes = (db: Db, count: number): string[] =>
  reserveCodes(db, 'C', 'customers', count);

/**
 * Writes a new customer inside the caller's transaction, checking everything before the first
 * write, so a refusal leaves nothing behind: the create channel and 导入 both write through here.
 * `code` is the customer's own (an imported file's), else the app gives the next one. The search
 * row is written after (indexNewCustomers): FTS5 writes out its pending rows at every insert
 * that has triggers, so an import indexes a batch of records at once rather than one by one.
 */
export function insertCustomer(ctx: HandlerContext, input: CreateInput, code?: string): number {
  const { db } = ctx;
  assertBaseRefs(db, customerRefKinds, input);
  const custom = customToStore(db, 'customers', input.custom);
  const values: Record<string, unknown> = { code: code ?? nextCustomerCodes(db, 1)[0] };
  for (const f of editable) values[f] = input[f];
  values.custom = custom;
  return insertRow(db, 'customers', values, ctx.now());
}

export function createCustomer(ctx: HandlerContext, input: CreateInput): Customer {
  const { db } = ctx;
  return db
    .transaction(() => {
      const id = insertCustomer(ctx, input);
      indexNewCustomers(db, [id]);
      return getCustomer(db, id);
    })
    .immediate();
}

export function updateCustomer(ctx: HandlerContext, input: UpdateInput): Customer {
  const { db } = ctx;
  const { id, version, ...changes } = input;
  return db
    .transaction(() => {
      checkVersion(db, 'customers', 'Customer', id, version);
      assertBaseRefs(db, customerRefKinds, changes);
      const custom = customToStore(db, 'customers', changes.custom, id);
      updateRow(db, 'customers', id, { ...changes, custom }, ctx.now());
      indexCustomer(db, id);
      // The search rows of its contacts, opportunities, sales and feedback hold the customer's name too.
      if (changes.name !== undefined) {
        indexContactsOfCustomer(db, id);
        indexOpportunitiesOfCustomer(db, id);
        indexSalesOfCustomer(db, id);
        indexFeedbackOfCustomer(db, id);
      }
      return getCustomer(db, id);
    })
    .immediate();
}

/**
 * How many rows of `table` belong to the customers in a JSON array of ids (one parameter). One `?`
 * per id would make a new statement for every length of the list, up to 10,000 of them.
 */
export const relatedCountSql = (table: keyof CustomerRelated): string =>
  `SELECT count(*) FROM ${table} WHERE customer_id IN (SELECT value FROM json_each(?))`;

/**
 * How many records hang off these customers. Deleting a customer deletes them too, in the same
 * transaction (ON DELETE CASCADE), so the confirm dialog names these counts first.
 */
export function customersRelated(db: Db, ids: number[]): CustomerRelated {
  const list = JSON.stringify([...new Set(ids)]);
  const count = (table: keyof CustomerRelated) =>
    stmt(db, relatedCountSql(table)).pluck().get(list) as number;
  return {
    contacts: count('contacts'),
    opportunities: count('opportunities'),
    sales: count('sales'),
    activities: count('activities'),
    feedback: count('feedback'),
    expenses: count('expenses'),
  };
}

export const customerHandlers = handlersFor(customerChannels, {
  'customers.list': (ctx, input) => listCustomers(ctx.db, input),
  'customers.get': (ctx, input) => getCustomer(ctx.db, input.id),
  'customers.create': createCustomer,
  'customers.update': updateCustomer,
  // Contacts, opportunities, sales and activities go with the customer (ON DELETE CASCADE);
  // the search rows go by trigger.
  'customers.delete': (ctx, input) => deleteByIds(ctx.db, 'customers', 'Customer', input.ids, ctx.now()),
  'customers.related': (ctx, input) => customersRelated(ctx.db, input.ids),
});

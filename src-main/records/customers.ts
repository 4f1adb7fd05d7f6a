import {
  customerFields,
  customerRefKinds,
  type Customer,
  type CustomerRow,
  type CustomerSortColumn,
  type Page,
  type ChannelParsedInput,
} from '../contract';
import { AppError, notFound } from '../db/errors';
import type { Db } from '../db/open';
import { column, nextCode, selectList, stmt } from '../db/statements';
import { assertBaseRefs } from './base-data';
import type { HandlerMap } from '../ipc/registry';
import type { HandlerContext } from './context';
import { searchGrams, searchQuery } from './search-text';

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
  return row;
}

interface ListFilter {
  /** Conditions on `c`; each is written twice, plain and with a unary `+` (see listCustomers). */
  terms: string[];
  params: unknown[];
  /** The FTS5 match expression when a keyword is given. */
  match: string | null;
}

/** The conditions shared by the page query and its count; null when nothing can match. */
function listFilter(input: ListInput): ListFilter | null {
  const terms: string[] = [];
  const params: unknown[] = [];
  for (const f of filterFields) {
    if (input[f] !== undefined) {
      terms.push(`c.${column(f)} = ?`);
      params.push(input[f]);
    }
  }
  let match: string | null = null;
  if (input.keyword?.trim()) {
    match = searchQuery(input.keyword);
    if (match === null) return null; // only punctuation: nothing can match
    terms.push('c.id IN (SELECT rowid FROM customer_search WHERE customer_search MATCH ?)');
    params.push(match);
  }
  return { terms, params, match };
}

const whereOf = (terms: string[], prefix = '') =>
  terms.length ? `WHERE ${terms.map((t) => prefix + t).join(' AND ')}` : '';

/**
 * One page of customers and the total count.
 *
 * A filtered page can be read two ways: collect every match through the filter's index and sort
 * them, or walk the sort column's index in order and stop after the page. The first is right for
 * few matches, the second for many (科技 matches a fifth of all customers). The count, taken first,
 * tells which: walking reads about (offset + pageSize) · rows / total entries, collecting reads
 * `total`. A unary `+` on each term stops SQLite from using the filter's index, so it walks.
 */
/** The count, and the page query chosen for it (null when the page is past the end). */
export function planCustomerList(
  db: Db,
  input: ListInput,
): { total: number; page: { sql: string; params: unknown[] } | null } {
  const offset = (input.page - 1) * input.pageSize;
  const f = listFilter(input);
  if (!f) return { total: 0, page: null };

  // Each customer has exactly one search row, so a keyword alone is counted by the index itself.
  const total = (
    f.terms.length === 1 && f.match !== null
      ? stmt(db, 'SELECT count(*) FROM customer_search WHERE customer_search MATCH ?').pluck().get(f.match)
      : stmt(db, `SELECT count(*) FROM customers c ${whereOf(f.terms)}`)
          .pluck()
          .get(...f.params)
  ) as number;
  if (offset >= total) return { total, page: null };

  let walk = false;
  if (f.terms.length > 0) {
    const rowCount = (stmt(db, 'SELECT max(id) FROM customers').pluck().get() as number | null) ?? 0;
    walk = total * total > (offset + input.pageSize) * rowCount;
  }
  const dir = input.sort.direction === 'asc' ? 'ASC' : 'DESC';
  const order = `${sortSql[input.sort.column]} ${dir}, c.id ${dir}`;
  return {
    total,
    page: {
      sql: `SELECT ${selectList(rowFields, 'c.')} FROM customers c ${whereOf(f.terms, walk ? '+' : '')}
     ORDER BY ${order} LIMIT ? OFFSET ?`,
      params: [...f.params, input.pageSize, offset],
    },
  };
}

export function listCustomers(db: Db, input: ListInput): Page<CustomerRow> {
  const { page, pageSize } = input;
  const plan = planCustomerList(db, input);
  const rows = plan.page ? stmt<CustomerRow>(db, plan.page.sql).all(...plan.page.params) : [];
  return { rows, total: plan.total, page, pageSize };
}

function indexCustomer(db: Db, id: number): void {
  const c = stmt<Record<string, string | null>>(
    db,
    'SELECT code, name, short_name, phone, mobile, email FROM customers WHERE id = ?',
  ).get(id);
  stmt(db, 'DELETE FROM customer_search WHERE rowid = ?').run(id);
  if (c) {
    const grams = searchGrams([c.code, c.name, c.short_name, c.phone, c.mobile, c.email]);
    stmt(db, 'INSERT INTO customer_search (rowid, grams) VALUES (?, ?)').run(id, grams);
  }
}

const INSERT = `INSERT INTO customers (code, ${editable.map(column).join(', ')}, created_at, updated_at)
  VALUES (@code, ${editable.map((f) => `@${f}`).join(', ')}, @now, @now)`;

export function createCustomer(ctx: HandlerContext, input: CreateInput): Customer {
  const { db } = ctx;
  return db
    .transaction(() => {
      assertBaseRefs(db, customerRefKinds, input);
      const values: Record<string, unknown> = { code: nextCode(db, 'C', 'customers'), now: ctx.now() };
      for (const f of editable) values[f] = input[f] ?? null;
      const id = Number(stmt(db, INSERT).run(values).lastInsertRowid);
      indexCustomer(db, id);
      return getCustomer(db, id);
    })
    .immediate();
}

export function updateCustomer(ctx: HandlerContext, input: UpdateInput): Customer {
  const { db } = ctx;
  const { id, version, ...changes } = input;
  return db
    .transaction(() => {
      const current = stmt<{ version: number }>(db, 'SELECT version FROM customers WHERE id = ?').get(id);
      if (!current) throw notFound('Customer', id);
      if (current.version !== version) {
        throw new AppError(
          'CONFLICT',
          `Customer ${id} was changed elsewhere (version ${current.version}, not ${version})`,
        );
      }
      assertBaseRefs(db, customerRefKinds, changes);
      const fields = editable.filter((f) => changes[f] !== undefined);
      const sets = fields.map((f) => `${column(f)} = @${f}`);
      stmt(
        db,
        `UPDATE customers SET ${[...sets, 'version = version + 1', 'updated_at = @now'].join(', ')} WHERE id = @id`,
      ).run({ ...Object.fromEntries(fields.map((f) => [f, changes[f]])), id, now: ctx.now() });
      indexCustomer(db, id);
      return getCustomer(db, id);
    })
    .immediate();
}

export function deleteCustomers(db: Db, ids: number[]): { deleted: number } {
  return db
    .transaction(() => {
      const del = stmt(db, 'DELETE FROM customers WHERE id = ?');
      const unique = [...new Set(ids)];
      for (const id of unique) {
        if (del.run(id).changes === 0) throw notFound('Customer', id);
        indexCustomer(db, id);
      }
      return { deleted: unique.length };
    })
    .immediate();
}

export const customerHandlers: HandlerMap<
  'customers.list' | 'customers.get' | 'customers.create' | 'customers.update' | 'customers.delete'
> = {
  'customers.list': (ctx, input) => listCustomers(ctx.db, input),
  'customers.get': (ctx, input) => getCustomer(ctx.db, input.id),
  'customers.create': createCustomer,
  'customers.update': updateCustomer,
  'customers.delete': (ctx, input) => deleteCustomers(ctx.db, input.ids),
};

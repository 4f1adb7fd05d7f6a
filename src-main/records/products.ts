import {
  productChannels,
  productFields,
  type ChannelParsedInput,
  type Page,
  type Product,
  type ProductRow,
  type productSortColumns,
  type DeleteResult,
} from '../contract';
import { AppError, notFound } from '../db/errors';
import type { Db } from '../db/open';
import { reserveCodes, selectList, stmt } from '../db/statements';
import { handlersFor } from '../ipc/handler';
import { assertBaseRefs } from './base-data';
import type { HandlerContext } from './context';
import { checkVersion, deleteByIds, insertRow, updateRow } from './guards';
import { planList, runList, type ListSpec } from './list-query';
import { writeSearchRow } from './search-index';

type CreateInput = ChannelParsedInput<'products.create'>;
type UpdateInput = ChannelParsedInput<'products.update'>;
type ListInput = ChannelParsedInput<'products.list'>;
type ProductSortColumn = (typeof productSortColumns)[number];

const refKinds = { categoryId: 'product_category' } as const;

const editable = Object.keys(productFields) as (keyof typeof productFields)[];
const allFields = ['id', 'code', ...editable, 'version', 'createdAt', 'updatedAt'] as const;
const rowFields = [
  'id',
  'code',
  'name',
  'categoryId',
  'unit',
  'listPrice',
  'cost',
  'active',
  'updatedAt',
] as const satisfies readonly (keyof ProductRow)[];

const SELECT_ONE = `SELECT ${selectList(allFields)} FROM products WHERE id = ?`;

const listSpec: ListSpec<ProductSortColumn> = {
  table: 'products',
  alias: 'p',
  select: selectList(rowFields, 'p.'),
  searchTable: 'product_search',
  sortSql: {
    code: 'p.code',
    name: 'p.name',
    // Categories group by entry; entries are numbered in their list order.
    category: 'p.category_id',
    listPrice: 'p.list_price',
    cost: 'p.cost',
    updatedAt: 'p.updated_at',
  },
};

/** SQLite keeps `active` as 0/1; the contract speaks booleans. */
const withActive = <T extends { active: unknown }>(row: T): T => ({ ...row, active: row.active === 1 });

export function getProduct(db: Db, id: number): Product {
  const row = stmt<Product>(db, SELECT_ONE).get(id);
  if (!row) throw notFound('Product', id);
  return withActive(row);
}

export function listProducts(db: Db, input: ListInput): Page<ProductRow> {
  const terms = [];
  if (input.categoryId !== undefined) terms.push({ sql: 'p.category_id = ?', params: [input.categoryId] });
  if (input.active !== undefined) terms.push({ sql: 'p.active = ?', params: [input.active ? 1 : 0] });
  const page = runList<ProductRow>(db, planList(db, listSpec, { ...input, terms }), input);
  return { ...page, rows: page.rows.map(withActive) };
}

/** A product is found by its code, name and unit. */
export function indexProduct(db: Db, id: number): void {
  const p = stmt<{ code: string; name: string; unit: string | null }>(
    db,
    'SELECT code, name, unit FROM products WHERE id = ?',
  ).get(id)!;
  writeSearchRow(db, 'product_search', id, [p.code, p.name, p.unit]);
}

/** Codes for new products (P000001 …): an import takes those of all its new records at once. */
export const nextProductCodes = (db: Db, count: number): string[] => reserveCodes(db, 'P', 'products', count);

/**
 * Writes a new product inside the caller's transaction, checking everything before the first
 * write, so a refusal leaves nothing behind: the create channel and 导入 both write through here.
 * `code` is the product's own (an imported file's), else the app gives the next one. The search
 * rows are written after, a batch at a time (indexNewProducts; see insertCustomer).
 */
export function insertProduct(ctx: HandlerContext, input: CreateInput, code?: string): number {
  const { db } = ctx;
  assertBaseRefs(db, refKinds, input);
  const values: Record<string, unknown> = { code: code ?? nextProductCodes(db, 1)[0] };
  for (const f of editable) values[f] = input[f];
  return insertRow(db, 'products', values, ctx.now());
}

/** The search rows of products just written by insertProduct. */
export function indexNewProducts(db: Db, ids: readonly number[]): void {
  for (const id of ids) indexProduct(db, id);
}

export function createProduct(ctx: HandlerContext, input: CreateInput): Product {
  const { db } = ctx;
  return db
    .transaction(() => {
      const id = insertProduct(ctx, input);
      indexNewProducts(db, [id]);
      return getProduct(db, id);
    })
    .immediate();
}

export function updateProduct(ctx: HandlerContext, input: UpdateInput): Product {
  const { db } = ctx;
  const { id, version, ...changes } = input;
  return db
    .transaction(() => {
      checkVersion(db, 'products', 'Product', id, version);
      assertBaseRefs(db, refKinds, changes);
      updateRow(db, 'products', id, changes, ctx.now());
      indexProduct(db, id);
      return getProduct(db, id);
    })
    .immediate();
}

/**
 * Deletes products, all or none. A product on any opportunity or sale line stays (the lines keep
 * pointing at it): the whole request is refused, and the user is told to deactivate it instead.
 */
export function deleteProducts(db: Db, ids: number[], now: string): DeleteResult {
  return db
    .transaction(() => {
      const used = stmt<{ code: string; lines: number }>(
        db,
        `SELECT p.code, count(*) AS lines
         FROM (SELECT product_id FROM opportunity_lines UNION ALL SELECT product_id FROM sale_lines) l
         JOIN products p ON p.id = l.product_id
         WHERE l.product_id IN (SELECT value FROM json_each(?))
         GROUP BY p.id ORDER BY p.code`,
      ).all(JSON.stringify(ids));
      if (used.length > 0) {
        const lines = used.reduce((n, u) => n + u.lines, 0);
        throw new AppError(
          'CONFLICT',
          `${lines} opportunity or sale line(s) use product ${used.map((u) => u.code).join(', ')}; ` +
            'deactivate it instead of deleting it',
        );
      }
      return deleteByIds(db, 'products', 'Product', ids, now);
    })
    .immediate();
}

export const productHandlers = handlersFor(productChannels, {
  'products.list': (ctx, input) => listProducts(ctx.db, input),
  'products.get': (ctx, input) => getProduct(ctx.db, input.id),
  'products.create': createProduct,
  'products.update': updateProduct,
  'products.delete': (ctx, input) => deleteProducts(ctx.db, input.ids, ctx.now()),
});

/**
 * Benchmark cases: a channel with one fixed input, timed through the registry and as the bare
 * SQL the handler ran. Add a case by adding it to a suite below (or a new suite to `suites`).
 */
import { isDeepStrictEqual } from 'node:util';
import type { Channel, ChannelInput } from '../../src-main/contract';
import type { Db } from '../../src-main/db/open';
import { invoke } from '../../src-main/ipc/registry';
import type { HandlerContext } from '../../src-main/records/context';
import { analysisSuite, withColdStatements } from './analysis';
import { customerAnalysisSuite } from './customer-analysis';
import { captureSql, replay, type CapturedCall } from './capture';
import { baseItem, SIZE_FIELD } from './generate';
import type { MeasureOptions, Results, Target } from './measure';
import { pipelineLists } from './pipeline';

export interface ChannelCase<C extends Channel = Channel> {
  /** Result name, e.g. `customers.list no filter`; bare figures get ` bare` appended. */
  name: string;
  channel: C;
  input: ChannelInput<C>;
  /** Every call starts with an empty statement cache. */
  cold?: boolean;
}

export interface Suite {
  name: string;
  /** Built against the loaded dataset, so inputs can refer to its base-data ids. */
  cases: (ctx: HandlerContext) => ChannelCase[];
  targets: Target[];
}

const listCase = (label: string, input: ChannelInput<'customers.list'>): ChannelCase<'customers.list'> => ({
  name: `customers.list ${label}`,
  channel: 'customers.list',
  input,
});

/** The id of the generated 客户规模 field. */
const sizeField = (ctx: HandlerContext) =>
  ctx.db.prepare('SELECT id FROM custom_fields WHERE label = ?').pluck().get(SIZE_FIELD.label) as number;

export const customersList: Suite = {
  name: 'customers.list',
  cases: (ctx) => [
    listCase('no filter', {}),
    listCase('keyword zh 2 chars', { keyword: '科技' }),
    // In thousands of English surnames (Johnson, Anderson ...) and in "and Sons"; 3 characters
    // make a 2-bigram phrase query, unlike the single bigram of 科技.
    listCase('keyword ascii', { keyword: 'son' }),
    listCase('filter + sort', {
      levelId: baseItem(ctx, 'customer_level', 'major').id,
      sort: { column: 'name', direction: 'asc' },
    }),
    listCase('custom field filter', {
      customFilters: [{ fieldId: sizeField(ctx), op: 'eq', value: '大型' }],
    }),
    listCase('keyword + custom field filter', {
      keyword: '科技',
      customFilters: [{ fieldId: sizeField(ctx), op: 'eq', value: '大型' }],
    }),
    listCase('page 1', { page: 1, pageSize: 50 }),
    listCase('page 1000', { page: 1000, pageSize: 50 }),
  ],
  targets: [{ applies: (name) => name.startsWith('customers.list '), p95_ms: 10, ratio: 1.5 }],
};

export const suites: Suite[] = [customersList, pipelineLists, analysisSuite, customerAnalysisSuite];

export interface CaseOutcome {
  name: string;
  calls: CapturedCall[];
  /** A short description of what the case returned, e.g. `50 rows of 20,114`. */
  summary: string;
}

function call(ctx: HandlerContext, c: ChannelCase): unknown {
  const res = invoke(ctx, c.channel, c.input);
  if (!res.ok) throw new Error(`${c.name}: ${res.error.code} ${res.error.message}`);
  return res.data;
}

function summarize(data: unknown): string {
  // ABC and RFM carry their page of rows under `rows`, beside their own figures.
  const nested = (data as { rows?: unknown } | null)?.rows;
  if (nested && typeof nested === 'object' && 'pageSize' in nested) return summarize(nested);
  if (data && typeof data === 'object' && 'rows' in data && 'total' in data) {
    const { rows, total } = data as { rows: unknown[]; total: number };
    return `${rows.length} rows of ${total.toLocaleString('en')}`;
  }
  return Array.isArray(data) ? `${data.length} items` : typeof data;
}

/**
 * Times one case through the registry and the SQL it ran, bare (interleaved), and records
 * registry p95 / bare p95 as the case's ratio. Read-only cases only: each run must see the same
 * data.
 */
export function runCase(
  results: Results,
  ctx: HandlerContext,
  c: ChannelCase,
  opts: MeasureOptions,
): CaseOutcome {
  // One call first, so work done once (the analyses' rollups brought up to date after the bulk
  // load) is not among the statements replayed bare on every run.
  call(ctx, c);
  const { result, calls } = captureSql(ctx.db, (db: Db) => call({ ...ctx, db }, c));
  if (calls.length === 0) throw new Error(`${c.name}: the handler ran no SQL`);
  const bare = replay(ctx.db, calls);
  // The bare statements must return what the handler built its page from (a handler may skip
  // the rows query when it knows the page is empty).
  const direct = bare();
  const page = result as { rows?: unknown; total?: unknown };
  const found = (v: unknown) => direct.some((d) => isDeepStrictEqual(d, v));
  // Handlers may turn SQLite's 0/1 into booleans, so rows are matched by their ids, in order.
  const ids = (rows: unknown) =>
    Array.isArray(rows) ? rows.map((r) => (r as { id?: unknown }).id).join(',') : undefined;
  const foundRows = (rows: unknown) => direct.some((d) => ids(d) !== undefined && ids(d) === ids(rows));
  // Pages only (rows, total, page size); an analysis's figures are not a page of rows.
  if (page?.rows !== undefined && 'pageSize' in page) {
    const rowsOk = (Array.isArray(page.rows) && page.rows.length === 0) || foundRows(page.rows);
    if (!rowsOk || !found(page.total)) {
      throw new Error(`${c.name}: replayed SQL returned different results than the registry`);
    }
  }

  const run = c.cold ? () => call({ ...ctx, db: withColdStatements(ctx.db) }, c) : () => call(ctx, c);
  results.compare(c.name, run, bare, 'bare', opts);
  return { name: c.name, calls, summary: summarize(result) };
}

/** EXPLAIN QUERY PLAN of a captured statement, as an indented tree. */
export function queryPlan(db: Db, c: CapturedCall): string {
  const rows = db.prepare(`EXPLAIN QUERY PLAN ${c.sql}`).all(...c.params) as {
    id: number;
    parent: number;
    detail: string;
  }[];
  const depth = new Map<number, number>([[0, 0]]);
  return rows
    .map((r) => {
      const d = (depth.get(r.parent) ?? 0) + 1;
      depth.set(r.id, d);
      return `${'  '.repeat(d)}${r.detail}`;
    })
    .join('\n');
}

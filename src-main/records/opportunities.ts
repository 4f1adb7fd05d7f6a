import type {
  ChannelParsedInput,
  Opportunity,
  OpportunityBoard,
  OpportunityCloseResult,
  OpportunityRow,
  opportunitySortColumns,
  Page,
  StageChange,
} from '../contract';
import { opportunityChannels } from '../contract';
import { AppError, notFound } from '../db/errors';
import type { Db } from '../db/open';
import { nextCode, selectList, stmt } from '../db/statements';
import { handlersFor } from '../ipc/handler';
import { assertBaseRefs } from './base-data';
import type { HandlerContext } from './context';
import { assertContactOf, assertRecord, checkVersion, deleteByIds, insertRow, updateRow } from './guards';
import { copyLines, productsOnLines, readLines, replaceLines, type LineTable } from './lines';
import { customFilterTerms, customToStore, readCustom } from './custom-values';
import { localDate } from './dates';
import { planList, runList, type ListSpec } from './list-query';
import { indexSale } from './sales';
import { writeSearchRow } from './search-index';

type CreateInput = ChannelParsedInput<'opportunities.create'>;
type UpdateInput = ChannelParsedInput<'opportunities.update'>;
type CloseInput = ChannelParsedInput<'opportunities.close'>;
type ListInput = ChannelParsedInput<'opportunities.list'>;
type BoardInput = ChannelParsedInput<'opportunities.board'>;
type SortColumn = (typeof opportunitySortColumns)[number];

const LINES: LineTable = { table: 'opportunity_lines', parent: 'opportunity_id' };
const SALE_LINES: LineTable = { table: 'sale_lines', parent: 'sale_id' };

/** Base-data lists the plain reference fields point into (the stage has rules of its own). */
const refKinds = { sourceId: 'source', ownerId: 'sales_rep' } as const;

/** Stage keys that end an opportunity; every other stage is an open one. */
const CLOSED_KEYS = ['won', 'lost'] as const;
const OPEN_STAGE = `kind = 'opportunity_stage' AND (key IS NULL OR key NOT IN ('won', 'lost'))`;

/** The opportunity as stored, in snake_case, for the rules below. */
interface StoredOpportunity {
  id: number;
  customer_id: number;
  contact_id: number | null;
  stage_id: number;
  owner_id: number | null;
  status: 'open' | 'won' | 'lost';
}

interface Stage {
  id: number;
  key: string | null;
  probability: number | null;
  active: number;
}

// ---------------------------------------------------------------------------------------------
// Reading

const rowFields = [
  'id',
  'code',
  'title',
  'customerId',
  'stageId',
  'probability',
  'expectedAmount',
  'expectedCloseDate',
  'ownerId',
  'status',
  'version',
  'updatedAt',
  'custom',
] as const satisfies readonly (keyof OpportunityRow)[];

/** The list and board columns, `o` being the opportunity and `c` its customer. */
const ROW_SELECT = `${selectList(rowFields, 'o.')}, c.name AS customerName`;

const SELECT_ONE = `
  SELECT ${selectList(
    [
      'id',
      'code',
      'customerId',
      'contactId',
      'title',
      'sourceId',
      'stageId',
      'probability',
      'expectedAmount',
      'expectedCloseDate',
      'ownerId',
      'status',
      'lostReason',
      'closedAt',
      'notes',
      'custom',
      'version',
      'createdAt',
      'updatedAt',
    ],
    'o.',
  )},
    c.name AS customerName, k.name AS contactName,
    (SELECT s.id FROM sales s WHERE s.opportunity_id = o.id) AS saleId
  FROM opportunities o
  JOIN customers c ON c.id = o.customer_id
  LEFT JOIN contacts k ON k.id = o.contact_id
  WHERE o.id = ?`;

export function getOpportunity(db: Db, id: number): Opportunity {
  const row = stmt<Omit<Opportunity, 'lines' | 'history'>>(db, SELECT_ONE).get(id);
  if (!row) throw notFound('Opportunity', id);
  const history = stmt<StageChange>(
    db,
    `SELECT id, from_stage_id AS fromStageId, to_stage_id AS toStageId, changed_at AS changedAt
     FROM opportunity_stage_history WHERE opportunity_id = ? ORDER BY changed_at, id`,
  ).all(id);
  return { ...readCustom(row), lines: readLines(db, LINES, id), history };
}

function stored(db: Db, id: number): StoredOpportunity {
  const row = stmt<StoredOpportunity>(
    db,
    'SELECT id, customer_id, contact_id, stage_id, owner_id, status FROM opportunities WHERE id = ?',
  ).get(id);
  if (!row) throw notFound('Opportunity', id);
  return row;
}

const sortSql: Record<SortColumn, string> = {
  code: 'o.code',
  title: 'o.title',
  customer: 'c.name',
  // Stages in their pipeline order, as the board shows them.
  stage: 's.sort_order',
  probability: 'o.probability',
  expectedAmount: 'o.expected_amount',
  expectedCloseDate: 'o.expected_close_date',
  status: 'o.status',
  updatedAt: 'o.updated_at',
};

const listSpec: ListSpec<SortColumn> = {
  table: 'opportunities',
  alias: 'o',
  joins: 'JOIN customers c ON c.id = o.customer_id JOIN base_items s ON s.id = o.stage_id',
  select: ROW_SELECT,
  searchTable: 'opportunity_search',
  sortSql,
};

/** 浏览 and 查找: keyword (code, title, customer name), filters, sorts, one page. */
export function listOpportunities(db: Db, input: ListInput): Page<OpportunityRow> {
  const terms: { sql: string; params: unknown[] }[] = [];
  const eq = (col: string, value: unknown) => {
    if (value !== undefined) terms.push({ sql: `o.${col} = ?`, params: [value] });
  };
  eq('customer_id', input.customerId);
  eq('stage_id', input.stageId);
  eq('status', input.status);
  eq('owner_id', input.ownerId);
  if (input.closeFrom) terms.push({ sql: 'o.expected_close_date >= ?', params: [input.closeFrom] });
  if (input.closeTo) terms.push({ sql: 'o.expected_close_date <= ?', params: [input.closeTo] });
  terms.push(...customFilterTerms(db, 'opportunities', 'o', input.customFilters));
  return runList<OpportunityRow>(db, planList(db, listSpec, { ...input, terms }), input);
}

/** The pipeline board: every open stage in order, with its open opportunities. */
export function opportunityBoard(db: Db, input: BoardInput): OpportunityBoard {
  const stages = stmt(
    db,
    `SELECT id FROM base_items WHERE ${OPEN_STAGE} AND active = 1 ORDER BY sort_order, id`,
  )
    .pluck()
    .all() as number[];
  const filters: string[] = [];
  const params: unknown[] = [];
  if (input.ownerId !== undefined) {
    filters.push('AND o.owner_id = ?');
    params.push(input.ownerId);
  }
  if (input.customerId !== undefined) {
    filters.push('AND o.customer_id = ?');
    params.push(input.customerId);
  }
  const where = `WHERE o.status = 'open' AND o.stage_id = ? ${filters.join(' ')}`;
  const totals = stmt<{ count: number; amount: number }>(
    db,
    `SELECT count(*) AS count, coalesce(sum(o.expected_amount), 0) AS amount FROM opportunities o ${where}`,
  );
  const cards = stmt<OpportunityRow>(
    db,
    `SELECT ${ROW_SELECT} FROM opportunities o JOIN customers c ON c.id = o.customer_id ${where}
     ORDER BY o.expected_close_date IS NULL, o.expected_close_date, o.id LIMIT 50`,
  );
  return {
    columns: stages.map((stageId) => ({
      stageId,
      ...totals.get(stageId, ...params)!,
      cards: cards.all(stageId, ...params).map(readCustom),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// Stages and history

function stageById(db: Db, id: number): Stage | undefined {
  return stmt<Stage>(
    db,
    `SELECT id, key, probability, active FROM base_items WHERE id = ? AND kind = 'opportunity_stage'`,
  ).get(id);
}

/** A stage a user may put an opportunity in: an active opportunity stage other than won or lost. */
function openStage(db: Db, id: number): Stage {
  const stage = stageById(db, id);
  if (!stage) {
    throw new AppError('VALIDATION', `stageId: no opportunity stage ${id}`, {
      field: 'stageId',
      reason: 'not_found',
    });
  }
  if ((CLOSED_KEYS as readonly (string | null)[]).includes(stage.key) || !stage.active) {
    // Won and lost are reached by 结束机会 only, which also makes the sale or records the reason.
    throw new AppError('VALIDATION', `stageId: stage ${id} is not an open stage`, {
      field: 'stageId',
      reason: 'invalid_value',
    });
  }
  return stage;
}

function firstOpenStage(db: Db): Stage {
  const stage = stmt<Stage>(
    db,
    `SELECT id, key, probability, active FROM base_items WHERE ${OPEN_STAGE} AND active = 1
     ORDER BY sort_order, id LIMIT 1`,
  ).get();
  if (!stage) throw new AppError('INTERNAL', 'There is no open opportunity stage');
  return stage;
}

function closedStage(db: Db, key: (typeof CLOSED_KEYS)[number]): number {
  const id = stmt(db, `SELECT id FROM base_items WHERE kind = 'opportunity_stage' AND key = ?`)
    .pluck()
    .get(key) as number | undefined;
  if (id === undefined) throw new AppError('INTERNAL', `There is no '${key}' opportunity stage`);
  return id;
}

function recordStageChange(db: Db, id: number, from: number | null, to: number, now: string): void {
  stmt(
    db,
    `INSERT INTO opportunity_stage_history (opportunity_id, from_stage_id, to_stage_id, changed_at)
     VALUES (?, ?, ?, ?)`,
  ).run(id, from, to, now);
}

/** A won or lost opportunity is kept as it was closed: changing it is READ_ONLY. */
function assertOpen(o: StoredOpportunity): void {
  if (o.status !== 'open') {
    throw new AppError(
      'READ_ONLY',
      o.status === 'lost'
        ? `Opportunity ${o.id} is lost; reopen it first`
        : `Opportunity ${o.id} is won and cannot be changed`,
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Writing

/** Rebuilds an opportunity's search row: its code, title and customer's name. */
export function indexOpportunity(db: Db, id: number): void {
  const o = stmt<{ code: string; title: string; customer: string }>(
    db,
    `SELECT o.code, o.title, c.name AS customer
     FROM opportunities o JOIN customers c ON c.id = o.customer_id WHERE o.id = ?`,
  ).get(id);
  if (o) writeSearchRow(db, 'opportunity_search', id, [o.code, o.title, o.customer]);
}

/** Rebuilds the search rows of a customer's opportunities (they hold the customer's name). */
export function indexOpportunitiesOfCustomer(db: Db, customerId: number): void {
  const ids = stmt(db, 'SELECT id FROM opportunities WHERE customer_id = ?')
    .pluck()
    .all(customerId) as number[];
  for (const id of ids) indexOpportunity(db, id);
}

const setExpectedAmount = (db: Db, id: number, amount: number) =>
  stmt(db, 'UPDATE opportunities SET expected_amount = ? WHERE id = ?').run(amount, id);

const lineCount = (db: Db, id: number) =>
  stmt(db, 'SELECT count(*) FROM opportunity_lines WHERE opportunity_id = ?').pluck().get(id) as number;

export function createOpportunity(ctx: HandlerContext, input: CreateInput): Opportunity {
  const { db } = ctx;
  return db
    .transaction(() => {
      const now = ctx.now();
      assertRecord(db, 'customers', 'customerId', input.customerId);
      assertContactOf(db, input.contactId, input.customerId);
      assertBaseRefs(db, refKinds, input);
      const stage = input.stageId === undefined ? firstOpenStage(db) : openStage(db, input.stageId);
      const { lines, ...fields } = input;
      const id = insertRow(
        db,
        'opportunities',
        {
          ...fields,
          code: nextCode(db, 'O', 'opportunities'),
          stageId: stage.id,
          probability: input.probability ?? stage.probability ?? 0,
          status: 'open',
          custom: customToStore(db, 'opportunities', input.custom),
        },
        now,
      );
      // With lines, the expected amount is their total; a typed amount is ignored.
      if (lines.length > 0) setExpectedAmount(db, id, replaceLines(db, LINES, id, lines));
      recordStageChange(db, id, null, stage.id, now);
      indexOpportunity(db, id);
      return getOpportunity(db, id);
    })
    .immediate();
}

/**
 * The shared write of update and move: checks the version and that the opportunity is open,
 * records a stage change (and takes the new stage's probability unless one is given), replaces
 * the lines when given and keeps the expected amount equal to their total.
 */
function changeOpportunity(ctx: HandlerContext, input: UpdateInput): Opportunity {
  const { db } = ctx;
  const { id, version, lines, ...changes } = input;
  return db
    .transaction(() => {
      const now = ctx.now();
      checkVersion(db, 'opportunities', 'Opportunity', id, version);
      const current = stored(db, id);
      assertOpen(current);

      const customerId = changes.customerId ?? current.customer_id;
      if (changes.customerId !== undefined) assertRecord(db, 'customers', 'customerId', customerId);
      if (changes.contactId !== undefined) assertContactOf(db, changes.contactId, customerId);
      // A contact kept while the customer changes must belong to the new customer too.
      else if (customerId !== current.customer_id) assertContactOf(db, current.contact_id, customerId);
      assertBaseRefs(db, refKinds, changes);

      if (changes.stageId !== undefined && changes.stageId !== current.stage_id) {
        const stage = openStage(db, changes.stageId);
        recordStageChange(db, id, current.stage_id, stage.id, now);
        changes.probability ??= stage.probability ?? 0;
      }

      let total: number | undefined;
      if (lines !== undefined) {
        total = replaceLines(db, LINES, id, lines, productsOnLines(db, LINES, id));
        if (lines.length === 0) total = undefined;
      } else if (lineCount(db, id) > 0) {
        total = stmt(db, 'SELECT sum(amount) FROM opportunity_lines WHERE opportunity_id = ?')
          .pluck()
          .get(id) as number;
      }
      if (total !== undefined) changes.expectedAmount = total;

      const custom = customToStore(db, 'opportunities', changes.custom, id);
      updateRow(db, 'opportunities', id, { ...changes, custom }, now);
      indexOpportunity(db, id);
      return getOpportunity(db, id);
    })
    .immediate();
}

/** 结束机会(转为销售): won makes exactly one sale carrying the lines; lost records the reason. */
export function closeOpportunity(ctx: HandlerContext, input: CloseInput): OpportunityCloseResult {
  const { db } = ctx;
  return db
    .transaction(() => {
      const now = ctx.now();
      // The version check makes a double click, a retry or a second window a CONFLICT (or,
      // with a fresh version, READ_ONLY), and sales.opportunity_id is UNIQUE besides.
      checkVersion(db, 'opportunities', 'Opportunity', input.id, input.version);
      const current = stored(db, input.id);
      assertOpen(current);
      const stageId = closedStage(db, input.outcome);
      updateRow(
        db,
        'opportunities',
        input.id,
        {
          status: input.outcome,
          stageId,
          probability: input.outcome === 'won' ? 100 : 0,
          closedAt: now,
          lostReason: input.outcome === 'lost' ? input.lostReason : null,
        },
        now,
      );
      recordStageChange(db, input.id, current.stage_id, stageId, now);
      if (input.outcome === 'lost') return { opportunity: getOpportunity(db, input.id), saleId: null };

      const saleId = insertRow(
        db,
        'sales',
        {
          code: nextCode(db, 'SO', 'sales'),
          customerId: current.customer_id,
          contactId: current.contact_id,
          opportunityId: input.id,
          saleDate: input.saleDate ?? localDate(now),
          ownerId: current.owner_id,
          status: 'confirmed',
        },
        now,
      );
      const amount = copyLines(db, LINES, input.id, SALE_LINES, saleId);
      stmt(db, 'UPDATE sales SET amount = ? WHERE id = ?').run(amount, saleId);
      indexSale(db, saleId);
      return { opportunity: getOpportunity(db, input.id), saleId };
    })
    .immediate();
}

/**
 * 重新打开 a lost opportunity: back to the stage it had before it was lost, open again.
 * A won one is READ_ONLY (its sale exists); one that is already open is a CONFLICT: the screen
 * that asked thought it was lost, so what it showed is out of date.
 */
export function reopenOpportunity(ctx: HandlerContext, input: { id: number; version: number }): Opportunity {
  const { db } = ctx;
  return db
    .transaction(() => {
      const now = ctx.now();
      checkVersion(db, 'opportunities', 'Opportunity', input.id, input.version);
      const current = stored(db, input.id);
      if (current.status === 'won') {
        throw new AppError('READ_ONLY', `Opportunity ${input.id} is won and cannot be reopened`);
      }
      if (current.status === 'open') {
        throw new AppError('CONFLICT', `Opportunity ${input.id} is open, not lost`);
      }
      const before = stmt(
        db,
        `SELECT from_stage_id FROM opportunity_stage_history
         WHERE opportunity_id = ? AND to_stage_id = ? ORDER BY id DESC LIMIT 1`,
      )
        .pluck()
        .get(input.id, current.stage_id) as number | null | undefined;
      // The stage it was lost from, if it is still an open stage; else the pipeline's first.
      const previous = before == null ? undefined : stageById(db, before);
      const stage =
        previous && previous.active && !(CLOSED_KEYS as readonly (string | null)[]).includes(previous.key)
          ? previous
          : firstOpenStage(db);
      updateRow(
        db,
        'opportunities',
        input.id,
        {
          status: 'open',
          stageId: stage.id,
          probability: stage.probability ?? 0,
          closedAt: null,
          lostReason: null,
        },
        now,
      );
      recordStageChange(db, input.id, current.stage_id, stage.id, now);
      return getOpportunity(db, input.id);
    })
    .immediate();
}

export const opportunityHandlers = handlersFor(opportunityChannels, {
  'opportunities.list': (ctx, input) => listOpportunities(ctx.db, input),
  'opportunities.get': (ctx, input) => getOpportunity(ctx.db, input.id),
  'opportunities.create': createOpportunity,
  'opportunities.update': changeOpportunity,
  // Lines and stage history go with it (ON DELETE CASCADE); a sale made from it stays, its
  // opportunity_id set to null; the search row goes by trigger.
  'opportunities.delete': (ctx, input) =>
    deleteByIds(ctx.db, 'opportunities', 'Opportunity', input.ids, ctx.now()),
  'opportunities.close': closeOpportunity,
  'opportunities.reopen': reopenOpportunity,
  // The board's drag: an update of the stage alone.
  'opportunities.move': (ctx, input) => changeOpportunity(ctx, input),
  'opportunities.board': (ctx, input) => opportunityBoard(ctx.db, input),
});

/**
 * 导入's import step for a checked plan of a flat kind (plan.ts): every record is written as the
 * door writes it (a new one by its create handler's own insert, from the input the channel's
 * schema gave in the plan; a changed one through `<kind>.update`), so validation, codes, search
 * rows and triggers are the app's own, and journaled (journal.ts), so 撤销导入 takes it all back.
 * Runs inside the caller's transaction: a cancel (`job.checkpoint()` throws) rolls back records
 * and journal alike.
 */
import type { AppErrorData, ImportMapping } from '../contract';
import { AppError } from '../db/errors';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { invoke } from '../ipc/registry';
import type { JobControl } from '../jobs/control';
import { indexNewContacts, insertContact } from '../records/contacts';
import type { HandlerContext } from '../records/context';
import { insertCustomer, nextCustomerCodes } from '../records/customers';
import { indexNewCustomers } from '../records/search-index';
import { indexNewProducts, insertProduct, nextProductCodes } from '../records/products';
import { searchIndexers } from '../records/search-indexers';
import { beginImport, finishImport, journalBeforeUpdate, journalCreated, type ImportTable } from './journal';
import type { FlatKind, ImportPlan, PlannedRow, PlanOptions, PlanProblem } from './plan';

export interface ApplyMeta {
  fileName: string;
  mapping: ImportMapping;
  options: PlanOptions;
  /** How the file was read (sheet, encoding …), kept with the import's entry. */
  source?: unknown;
}

export interface ApplyCounts {
  new: number;
  update: number;
  duplicate: number;
  rejected: number;
  /** Contacts: customers made because a row named one that did not exist. */
  linkedCreated: number;
}

export interface ApplyResult {
  importId: number;
  counts: ApplyCounts;
  /** Rows the door refused after all (a record changed since the check): with the door's reason. */
  problems: PlanProblem[];
}

interface Writer {
  /** Makes a planned record and gives its id; its own code, when given, is the file's. */
  insert: (ctx: HandlerContext, input: never, code?: string) => number;
  /** The search rows of records just made, a batch at a time (the door's writes make their own). */
  index: (db: Db, ids: readonly number[]) => void;
  /** The app's codes for new records that bring none (a kind with codes). */
  codes?: (db: Db, count: number) => string[];
}

/**
 * A kind the import makes through its create channel, whole, record by record: kinds whose
 * create does more than one insert (an opportunity's stage history) or whose files are small.
 */
const byDoor = (kind: 'opportunities' | 'activities' | 'feedback' | 'expenses'): Writer => ({
  insert: (ctx, input, code) => {
    const made = through<{ id: number }>(ctx, `${kind}.create`, input);
    if (code !== undefined && (kind === 'opportunities' || kind === 'feedback'))
      setCode(ctx, kind, made.id, code);
    return made.id;
  },
  index: () => undefined,
});

/** How a planned record of each flat kind is made: the create handlers' own writes. */
const writers: Record<FlatKind, Writer> = {
  customers: { insert: insertCustomer, index: indexNewCustomers, codes: nextCustomerCodes },
  contacts: { insert: insertContact, index: indexNewContacts },
  products: { insert: insertProduct, index: indexNewProducts, codes: nextProductCodes },
  opportunities: byDoor('opportunities'),
  activities: byDoor('activities'),
  feedback: byDoor('feedback'),
  expenses: byDoor('expenses'),
};

/** Progress is told, and a cancel heard, every this many rows. */
export const BATCH = 500;

/**
 * Records an import made whose search rows and journal entries wait for their batch: FTS5 writes
 * out its pending rows at every statement with a statement journal (an insert with triggers), so
 * search rows written one record at a time cost a flush each. `settle` writes them; it runs every
 * BATCH records, and before any other journal entry (an update of one of them must find it
 * journaled as made).
 */
export function madeBatch(
  db: Db,
  importId: number,
  table: ImportTable,
  index: (db: Db, ids: readonly number[]) => void,
): { add: (id: number) => void; settle: () => void } {
  let made: number[] = [];
  const settle = () => {
    if (made.length === 0) return;
    index(db, made);
    journalCreated(db, importId, table, made);
    made = [];
  };
  return {
    add: (id) => {
      made.push(id);
      if (made.length >= BATCH) settle();
    },
    settle,
  };
}

/** What the door answered, or its refusal as an AppError. */
export function through<T>(ctx: HandlerContext, channel: string, input: unknown): T {
  const res = invoke(ctx, channel, input);
  if (!res.ok) {
    const { code, message, ...details } = res.error;
    throw new AppError(code, message, details);
  }
  return res.data as T;
}

/** The file's code for a record its create channel just made (which gives the app's next code). */
export function setCode(
  ctx: HandlerContext,
  table: 'opportunities' | 'feedback',
  id: number,
  code: string,
): void {
  stmt(ctx.db, `UPDATE ${table} SET code = ? WHERE id = ?`).run(code, id);
  searchIndexers[table]?.(ctx.db, id);
}

/**
 * Writes `plan`. Rows the plan rejects or skips are counted as such; a row the door refuses now
 * (the data changed since the check) is rejected with the door's reason and the import goes on.
 */
/** What every import's writing starts with, whatever the record kind. */
export interface ApplyStart {
  importId: number;
  counts: ApplyCounts;
  problems: PlanProblem[];
  /** One record (or sale) written: told as progress, and a cancel heard, every BATCH. */
  step: () => void;
  /** The customer made for rows that name one that did not exist, by the plan's key: made once. */
  customerFor: (newCustomer: { key: string; name: string }) => number;
  /** The records (or sales) the import writes, for its progress: set later when not known yet. */
  total: number;
}

/** Starts an import's journal entry. */
export function startApply(
  ctx: HandlerContext,
  kind: string,
  total: number,
  meta: ApplyMeta,
  job: JobControl,
): ApplyStart {
  const { db } = ctx;
  const importId = beginImport(db, {
    kind,
    fileName: meta.fileName,
    source: meta.source,
    mapping: meta.mapping,
    options: meta.options,
    startedAt: ctx.now(),
  });
  const madeCustomers = new Map<string, number>();
  let done = 0;
  const start: ApplyStart = {
    importId,
    counts: { new: 0, update: 0, duplicate: 0, rejected: 0, linkedCreated: 0 },
    problems: [],
    total,
    step: () => {
      done++;
      if (done % BATCH === 0) {
        job.progress('import', done, start.total);
        job.checkpoint();
      }
    },
    customerFor: ({ key, name }) => {
      let id = madeCustomers.get(key);
      if (id === undefined) {
        id = through<{ id: number }>(ctx, 'customers.create', { name }).id;
        journalCreated(db, importId, 'customers', [id]);
        madeCustomers.set(key, id);
        start.counts.linkedCreated++;
      }
      return id;
    },
  };
  return start;
}

/** Ends what `startApply` began: the last progress, and the import's counts in its entry. */
export function finishApply(ctx: HandlerContext, start: ApplyStart, job: JobControl): ApplyResult {
  job.progress('import', start.total, start.total);
  finishImport(ctx.db, start.importId, start.counts, ctx.now());
  return { importId: start.importId, counts: start.counts, problems: start.problems };
}

export function applyImport(
  ctx: HandlerContext,
  plan: ImportPlan,
  meta: ApplyMeta,
  job: JobControl,
): ApplyResult {
  const { db } = ctx;
  const { kind } = plan;
  const started = startApply(ctx, kind, plan.actions.length + plan.newCustomers.length, meta, job);
  const { importId, counts, problems, step } = started;
  // The customers rows named that did not exist, made first (missingLinks 'create').
  const madeCustomers = new Map(plan.newCustomers.map((c) => [c.key, started.customerFor(c)]));
  plan.newCustomers.forEach(step);

  /** Records made by earlier rows, by row: a later duplicate row updates them. */
  const madeByRow = new Map<number, number>();
  const made = madeBatch(db, importId, kind, writers[kind].index);
  // The app's codes for the new records without their own, taken at once (a row the door refuses
  // after all leaves a gap in the numbers).
  const codes = writers[kind].codes?.(
    db,
    plan.actions.filter((a) => a.action === 'create' && a.code === undefined).length,
  );
  let codesUsed = 0;
  for (const action of plan.actions) {
    try {
      if (action.close) {
        // Made (or changed) and closed as one step: a refused close leaves nothing of the row.
        made.settle();
        const id = db.transaction(() => write(action))();
        if (id !== undefined) made.add(id);
      } else {
        const id = write(action);
        if (id !== undefined) made.add(id);
      }
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      counts.rejected++;
      problems.push(refusal(action.row, err.toData()));
    }
    step();
  }
  made.settle();

  /** Writes one row; the id of the record it made, for the batch's search rows and journal. */
  function write(action: PlannedRow): number | undefined {
    if (action.action === 'reject') {
      counts.rejected++;
      return undefined;
    }
    if (action.action === 'skip') {
      counts.duplicate++;
      return undefined;
    }
    const input = { ...action.input };
    if (action.newCustomer !== undefined) input.customerId = madeCustomers.get(action.newCustomer);
    if (kind === 'contacts' && input.isPrimary === true) {
      made.settle();
      journalPrimaries(input.customerId as number);
    }
    if (action.action === 'create') {
      // Checked by the channel's schema in the plan: written as its handler writes, without a
      // savepoint per record (each insert checks everything before its first write).
      const code = action.code ?? codes?.[codesUsed++];
      const id = writers[kind].insert(ctx, input as never, code);
      if (action.close) close(id, action.close);
      madeByRow.set(action.row, id);
      counts.new++;
      return id;
    }
    const id = action.targetId ?? madeByRow.get(action.targetRow!);
    if (id === undefined) {
      // The row it duplicates was refused by the door: nothing to update.
      throw new AppError('NOT_FOUND', `The record of row ${action.targetRow} was not made`, {
        reason: 'not_found',
      });
    }
    made.settle();
    const current = through<{ version: number }>(ctx, `${kind}.get`, { id });
    journalBeforeUpdate(db, importId, kind, id);
    through(ctx, `${kind}.update`, { ...input, id, version: current.version });
    if (action.close) close(id, action.close);
    counts.update++;
    return undefined;
  }

  /** Closes a record the row made or changed; a won opportunity's sale is the import's too. */
  function close(id: number, how: NonNullable<PlannedRow['close']>): void {
    const current = through<{ version: number }>(ctx, `${kind}.get`, { id });
    const closed = through<{ saleId?: number | null }>(ctx, how.channel, {
      ...how.input,
      id,
      version: current.version,
    });
    if (closed.saleId) journalCreated(db, importId, 'sales', [closed.saleId]);
  }

  /** A new primary contact takes the flag from the customer's other one: journal that change too. */
  function journalPrimaries(customerId: number): void {
    const others = stmt<{ id: number }>(
      db,
      'SELECT id FROM contacts WHERE customer_id = ? AND is_primary = 1',
    ).all(customerId);
    for (const o of others) journalBeforeUpdate(db, importId, 'contacts', o.id);
  }

  return finishApply(ctx, started, job);
}

export function refusal(row: number, error: AppErrorData): PlanProblem {
  const field = error.field ?? '';
  return {
    row,
    column: field,
    field,
    value: '',
    reason: error.reason ?? 'invalid_value',
    ...(error.params ? { params: error.params } : {}),
  };
}

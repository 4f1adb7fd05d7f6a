/**
 * 导入's import step for a checked sales file (plan-sales.ts): each order is one sale written as
 * `sales.create` writes it (insertSale), with its lines, so amounts, codes, search rows and the
 * analysis rollups are the app's own; journaled (journal.ts: a sale's lines go with it), so 撤销导入 takes it all
 * back. The file's order number is kept as the sale's code. Runs inside the caller's transaction:
 * a cancel (`job.checkpoint()` throws) rolls back records and journal alike.
 */
import { AppError } from '../db/errors';
import type { JobControl } from '../jobs/control';
import type { HandlerContext } from '../records/context';
import { indexNewSales, insertSale } from '../records/sales';
import { finishApply, madeBatch, refusal, startApply, type ApplyMeta, type ApplyResult } from './apply';
import type { PlannedSale, SalesPlan } from './plan-sales';

/** Writes the sales of a file as its plan gives them, order by order (planSales' `onSale`). */
export interface SalesWriter {
  /** How many orders the file has (planSales' `onScanned`), for the progress. */
  expect: (orders: number) => void;
  write: (sale: PlannedSale) => void;
  /** The import's entry finished: counts, and the sales the door refused after the check. */
  finish: () => ApplyResult;
}

/**
 * Counts are of sales. A sale refused now (the data changed since the check) is rejected with the
 * door's reason at each of its rows, and the import goes on.
 */
export function salesWriter(ctx: HandlerContext, meta: ApplyMeta, job: JobControl): SalesWriter {
  const { db } = ctx;
  const started = startApply(ctx, 'sales', 0, meta, job);
  const { importId, counts, problems, step } = started;
  const made = madeBatch(db, importId, 'sales', indexNewSales);

  const writeOne = (sale: PlannedSale) => {
    if (sale.action === 'reject') {
      counts.rejected++;
      return;
    }
    if (sale.action === 'skip') {
      counts.duplicate++;
      return;
    }
    const input = { ...sale.input };
    if (sale.newCustomer !== undefined) {
      made.settle();
      input.customerId = started.customerFor(sale.newCustomer);
    }
    // Checked by the channel's schema in the plan: written as its handler writes (insertSale checks
    // everything before its first write, so no savepoint is needed per sale).
    made.add(insertSale(ctx, input as never, sale.code));
    counts.new++;
  };

  return {
    expect: (orders) => {
      started.total = orders;
    },
    write: (sale) => {
      try {
        writeOne(sale);
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        counts.rejected++;
        for (const row of sale.rows) problems.push(refusal(row, err.toData()));
      }
      step();
    },
    finish: () => {
      made.settle();
      return finishApply(ctx, started, job);
    },
  };
}

/** Writes a whole plan (one made without `onSale`). */
export function applySales(
  ctx: HandlerContext,
  plan: SalesPlan,
  meta: ApplyMeta,
  job: JobControl,
): ApplyResult {
  const writer = salesWriter(ctx, meta, job);
  writer.expect(plan.actions.length);
  plan.actions.forEach(writer.write);
  return writer.finish();
}

/**
 * 导入's import step for a checked sales file (plan-sales.ts): each order is one `sales.create`
 * through the real door, with its lines, so amounts, codes, search rows and the analysis rollups
 * are the app's own; journaled (journal.ts: a sale's lines go with it), so 撤销导入 takes it all
 * back. The file's order number is kept as the sale's code. Runs inside the caller's transaction:
 * a cancel (`job.checkpoint()` throws) rolls back records and journal alike.
 */
import { AppError } from '../db/errors';
import type { JobControl } from '../jobs/control';
import type { HandlerContext } from '../records/context';
import {
  finishApply,
  refusal,
  setCode,
  startApply,
  through,
  type ApplyMeta,
  type ApplyResult,
} from './apply';
import { journalCreated } from './journal';
import type { PlannedSale, SalesPlan } from './plan-sales';

/**
 * Writes `plan`. Counts are of sales. A sale the door refuses now (the data changed since the
 * check) is rejected with the door's reason at each of its rows, and the import goes on.
 */
export function applySales(
  ctx: HandlerContext,
  plan: SalesPlan,
  meta: ApplyMeta,
  job: JobControl,
): ApplyResult {
  const { db } = ctx;
  const started = startApply(ctx, 'sales', plan, meta, job);
  const { importId, counts, problems, step, madeCustomers } = started;

  const write = (sale: PlannedSale) => {
    if (sale.action === 'reject') {
      counts.rejected++;
      return;
    }
    if (sale.action === 'skip') {
      counts.duplicate++;
      return;
    }
    const input = { ...sale.input };
    if (sale.newCustomer !== undefined) input.customerId = madeCustomers.get(sale.newCustomer);
    const made = through<{ id: number }>(ctx, 'sales.create', input);
    journalCreated(db, importId, 'sales', [made.id]);
    if (sale.code !== undefined) setCode(ctx, 'sales', made.id, sale.code);
    counts.new++;
  };

  for (const sale of plan.actions) {
    try {
      write(sale);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      counts.rejected++;
      for (const row of sale.rows) problems.push(refusal(row, err.toData()));
    }
    step();
  }

  return finishApply(ctx, started, job);
}

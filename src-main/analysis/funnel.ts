/**
 * 销售漏斗 Sales funnel: today's open pipeline by stage, how far the opportunities created in a
 * range have got (stage-to-stage conversion, from the stage history), and the opportunities won
 * and lost in the range.
 */
import type { FunnelConversion, FunnelInput, FunnelResult, FunnelStage } from '../contract';
import { addDays, localMidnight } from '../contract/dates';
import { stmt } from '../db/statements';
import type { HandlerContext } from '../records/context';
import { resolveRange, type DateRange } from './common';
import { refreshOpportunityFurthest, STAGE_PLACES, WON_PLACE } from './rollups';

interface OpportunityFilter {
  ownerId?: number;
  customerTypeId?: number;
  regionId?: number;
}

/** `AND …` conditions on opportunity `o` (and its customer, looked up by id) for the filters. */
function opportunityWhere(filter: OpportunityFilter): { sql: string; params: number[] } {
  const parts: string[] = [];
  const params: number[] = [];
  if (filter.ownerId !== undefined) {
    parts.push('AND o.owner_id = ?');
    params.push(filter.ownerId);
  }
  if (filter.customerTypeId !== undefined) {
    parts.push('AND (SELECT c.type_id FROM customers c WHERE c.id = o.customer_id) = ?');
    params.push(filter.customerTypeId);
  }
  if (filter.regionId !== undefined) {
    parts.push('AND (SELECT c.region_id FROM customers c WHERE c.id = o.customer_id) = ?');
    params.push(filter.regionId);
  }
  return { sql: parts.join(' '), params };
}

/**
 * The instants a range of local dates covers, as the ISO text *_at columns hold (ctx.now()
 * writes every one the same way, so they compare as text): from the first day's local midnight
 * up to, not including, the local midnight after the last day.
 */
export function instants(range: DateRange): { start: string; end: string } {
  return { start: localMidnight(range.from), end: localMidnight(addDays(range.to, 1)) };
}

interface StageRow {
  id: number;
  key: string | null;
  sort_order: number;
}

/** Active open stages in their order; then the won stage's id, if there is one. */
function stageOrder(ctx: HandlerContext): { open: StageRow[]; won: number | null } {
  const rows = stmt<StageRow>(
    ctx.db,
    `SELECT id, key, sort_order FROM base_items WHERE kind = 'opportunity_stage' AND (active = 1 OR key = 'won')
       AND coalesce(key, '') <> 'lost' ORDER BY sort_order, id`,
  ).all();
  return {
    open: rows.filter((r) => r.key !== 'won'),
    won: rows.find((r) => r.key === 'won')?.id ?? null,
  };
}

/**
 * The opportunities created in the range, counted by the furthest place each has reached so far
 * (opportunity_furthest, kept by rollups.ts). Without a filter, one index range per stage.
 */
function furthestCounts(
  ctx: HandlerContext,
  range: DateRange,
  filter: OpportunityFilter,
): { furthest: number; n: number }[] {
  refreshOpportunityFurthest(ctx.db);
  const { start, end } = instants(range);
  const where = opportunityWhere(filter);
  if (!where.sql) {
    return stmt<{ furthest: number; n: number }>(
      ctx.db,
      `SELECT b.place AS furthest,
         (SELECT count(*) FROM opportunity_furthest f
          WHERE f.stage_id = b.id AND f.created_at >= ? AND f.created_at < ?) AS n
       FROM ${STAGE_PLACES} b`,
    ).all(start, end);
  }
  return stmt<{ furthest: number; n: number }>(
    ctx.db,
    `SELECT b.place AS furthest, count(*) AS n
     FROM opportunity_furthest f
     CROSS JOIN opportunities o ON o.id = f.opportunity_id
     CROSS JOIN ${STAGE_PLACES} b ON b.id = f.stage_id
     WHERE f.created_at >= ? AND f.created_at < ? ${where.sql}
     GROUP BY b.place`,
  ).all(start, end, ...where.params);
}

/**
 * Stage to stage: of the opportunities created in the range, those that have reached stage i or a
 * later one (a skipped stage is passed), and of them those that have gone past it.
 */
function conversions(
  ctx: HandlerContext,
  range: DateRange,
  order: { open: StageRow[]; won: number | null },
  filter: OpportunityFilter,
): FunnelConversion[] {
  const counts = furthestCounts(ctx, range, filter);
  // Stage i (0 …) by its sort order; 赢单 after the open stages.
  const places = [...order.open.map((s) => s.sort_order), WON_PLACE];
  const index = (place: number) => places.findIndex((p) => p >= place);
  const ids = [...order.open.map((s) => s.id), order.won];
  const out: FunnelConversion[] = [];
  for (let i = 0; i < order.open.length; i++) {
    const next = ids[i + 1];
    if (next == null) break;
    let reached = 0;
    let advanced = 0;
    for (const c of counts) {
      if (index(c.furthest) < i) continue;
      reached += c.n;
      if (index(c.furthest) > i) advanced += c.n;
    }
    out.push({
      fromStageId: ids[i]!,
      toStageId: next,
      reached,
      advanced,
      rate: reached === 0 ? null : advanced / reached,
    });
  }
  return out;
}

export function salesFunnel(ctx: HandlerContext, input: FunnelInput): FunnelResult {
  const range = resolveRange(ctx, input);
  const order = stageOrder(ctx);
  const where = opportunityWhere(input);
  const { start, end } = instants(range);

  // Weighted: expected × probability / 100 per opportunity, half up in integers.
  const now = where.sql
    ? stmt<FunnelStage>(
        ctx.db,
        `SELECT o.stage_id AS stageId, count(*) AS count, sum(o.expected_amount) AS amount,
           sum((o.expected_amount * o.probability + 50) / 100) AS weighted
         FROM opportunities o WHERE o.status = 'open' ${where.sql} GROUP BY o.stage_id`,
      ).all(...where.params)
    : // The same sums, kept by triggers (migration 0008).
      stmt<FunnelStage>(
        ctx.db,
        `SELECT stage_id AS stageId, opportunities AS count, amount, weighted FROM pipeline_by_stage`,
      ).all();
  const byStage = new Map(now.map((s) => [s.stageId, s]));
  const stages = order.open.map(
    ({ id }) => byStage.get(id) ?? { stageId: id, count: 0, amount: 0, weighted: 0 },
  );

  const closed = stmt<{ won: number; lost: number; days: number | null }>(
    ctx.db,
    `SELECT coalesce(sum(o.status = 'won'), 0) AS won, coalesce(sum(o.status = 'lost'), 0) AS lost,
       avg(CASE WHEN o.status = 'won' THEN julianday(o.closed_at) - julianday(o.created_at) END) AS days
     FROM opportunities o
     WHERE o.status IN ('won', 'lost') AND o.closed_at >= ? AND o.closed_at < ? ${where.sql}`,
  ).get(start, end, ...where.params)!;
  const lostReasons = stmt<{ reason: string | null; count: number }>(
    ctx.db,
    `SELECT nullif(trim(o.lost_reason), '') AS reason, count(*) AS count
     FROM opportunities o
     WHERE o.status = 'lost' AND o.closed_at >= ? AND o.closed_at < ? ${where.sql}
     GROUP BY reason ORDER BY count DESC, reason IS NULL, reason`,
  ).all(start, end, ...where.params);

  return {
    ...range,
    stages,
    conversions: conversions(ctx, range, order, input),
    won: closed.won,
    lost: closed.lost,
    winRate: closed.won + closed.lost === 0 ? null : closed.won / (closed.won + closed.lost),
    // Days as elapsed time (a day is 24 hours), to one decimal.
    averageDaysToClose: closed.days === null ? null : Math.round(closed.days * 10) / 10,
    lostReasons,
  };
}

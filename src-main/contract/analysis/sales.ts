import { z } from 'zod';
import { channel } from '../channel';
import { id } from '../common';
import { fromNotAfterTo, range, rangeMessage } from './range';

/** The sales analyses: 销售走势, 销售漏斗 and 销售构成. */

export const trendPeriods = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TrendPeriod = (typeof trendPeriods)[number];

/** Which sales an analysis looks at, besides the range. Each is optional. */
export const salesFilterFields = {
  ownerId: id.optional(),
  customerTypeId: id.optional(),
  regionId: id.optional(),
  productCategoryId: id.optional(),
  productId: id.optional(),
};

export const trendInput = z
  .strictObject({
    ...range,
    period: z.enum(trendPeriods).default('month'),
    ...salesFilterFields,
  })
  .refine(fromNotAfterTo, rangeMessage);
export type TrendInput = z.input<typeof trendInput>;

/** One bucket of the trend: a day, an ISO week, a month, a quarter or a year. */
export interface TrendBucket {
  /** `2026-03-05`, `2026-W09`, `2026-03`, `2026-Q1` or `2026`. */
  key: string;
  /** The bucket's first and last day inside the range. */
  start: string;
  end: string;
  /** Sum of line amounts, cents. */
  amount: number;
  /** Sales (orders) with at least one line counted in the bucket. */
  orders: number;
  /** amount / orders, rounded half up to the cent; 0 without orders. */
  averageOrder: number;
}

export interface TrendResult {
  from: string;
  to: string;
  period: TrendPeriod;
  buckets: TrendBucket[];
  /**
   * The same number of days just before `from`, bucketed the same way, for comparison: the
   * previous period's i-th bucket sits beside this period's i-th.
   */
  previous: TrendBucket[];
  total: { amount: number; orders: number; averageOrder: number };
  previousTotal: { amount: number; orders: number; averageOrder: number };
}

export const funnelInput = z
  .strictObject({
    ...range,
    ownerId: id.optional(),
    customerTypeId: id.optional(),
    regionId: id.optional(),
  })
  .refine(fromNotAfterTo, rangeMessage);
export type FunnelInput = z.input<typeof funnelInput>;

export interface FunnelStage {
  stageId: number;
  /** Open opportunities now in the stage (the funnel is today's pipeline; the range is not used). */
  count: number;
  /** Their expected amounts, cents. */
  amount: number;
  /** Σ expected amount × probability / 100, each opportunity rounded half up to the cent. */
  weighted: number;
}

/**
 * From one open stage to the next, over the opportunities created in the range, each at the
 * furthest stage it has reached so far by a move in its stage history.
 */
export interface FunnelConversion {
  fromStageId: number;
  toStageId: number;
  /** Opportunities created in the range that have reached the stage (or a later one, skipping it). */
  reached: number;
  /** Of those, how many have gone on to the next stage or beyond (won included). */
  advanced: number;
  /** advanced / reached, 0–1; null when none reached it. */
  rate: number | null;
}

export interface FunnelResult {
  from: string;
  to: string;
  /** Open stages in their order (基础数据), then nothing for won/lost: those are below. */
  stages: FunnelStage[];
  conversions: FunnelConversion[];
  /** Opportunities closed in the range. */
  won: number;
  lost: number;
  /** won / (won + lost); null when none closed. */
  winRate: number | null;
  /** Mean days from created to closed over those won in the range; null when none. */
  averageDaysToClose: number | null;
  /** Lost reasons in the range, most frequent first; an empty reason counts as null. */
  lostReasons: { reason: string | null; count: number }[];
}

export const compositionDimensions = [
  'category',
  'product',
  'customer',
  'customerType',
  'region',
  'owner',
] as const;
export type CompositionDimension = (typeof compositionDimensions)[number];

export const compositionInput = z
  .strictObject({
    ...range,
    by: z.enum(compositionDimensions).default('category'),
    /** How many groups to show; the rest is one "other" row. */
    top: z.number().int().min(1).max(50).default(10),
    ...salesFilterFields,
  })
  .refine(fromNotAfterTo, rangeMessage);
export type CompositionInput = z.input<typeof compositionInput>;

export interface CompositionRow {
  /** The group's id (product, customer, base-data entry); null for "none" (no category …). */
  id: number | null;
  /** The group's name as it is now; null for "none" (the screen says 未分类 …). */
  name: string | null;
  amount: number;
  orders: number;
  /** Share of the total, 0–1, and the running share down the list. */
  share: number;
  cumulativeShare: number;
}

export interface CompositionResult {
  from: string;
  to: string;
  by: CompositionDimension;
  total: number;
  /** The top N, largest first (ties by name). */
  rows: CompositionRow[];
  /** Everything past the top N together, or null when nothing is left over. */
  other: { groups: number; amount: number; orders: number; share: number } | null;
}

export const salesAnalysisChannels = {
  'analysis.trend': channel(trendInput).returns<TrendResult>(),
  'analysis.funnel': channel(funnelInput).returns<FunnelResult>(),
  'analysis.composition': channel(compositionInput).returns<CompositionResult>(),
};

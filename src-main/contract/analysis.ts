import { z } from 'zod';
import { id, isoDate, pageInput, type Page } from './common';

/**
 * 分析 Analysis. Every figure is computed from the user's own records. Sales count when they are
 * not cancelled (draft, confirmed, delivered and paid all count, as on 桌面); a sale's amount is
 * the sum of its line amounts, each line rounded half up to the cent once, when it was written.
 */

export const trendPeriods = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type TrendPeriod = (typeof trendPeriods)[number];

/**
 * A date range, both ends included. Left out, it is the last 12 months: from the first day of the
 * month 11 months before today's month to today.
 */
const range = {
  from: isoDate.optional(),
  to: isoDate.optional(),
};

/** Which sales an analysis looks at, besides the range. Each is optional. */
export const salesFilterFields = {
  ownerId: id.optional(),
  customerTypeId: id.optional(),
  regionId: id.optional(),
  productCategoryId: id.optional(),
  productId: id.optional(),
};

const fromNotAfterTo = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;
const rangeMessage = { message: 'from must not be after to', path: ['to'] };

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

/** Customer analytics: ABC, RFM, churn warnings, profitability, CLV. */

export const abcInput = z.strictObject({
  /** The 12 months before and including this day count; today when left out. */
  asOf: isoDate.optional(),
  cls: z.enum(['A', 'B', 'C']).optional(),
  ...pageInput,
});

export interface AbcRow {
  customerId: number;
  code: string;
  name: string;
  revenue: number;
  share: number;
  cumulativeShare: number;
  cls: 'A' | 'B' | 'C';
}

export interface AbcResult {
  from: string;
  to: string;
  total: number;
  classes: { cls: 'A' | 'B' | 'C'; customers: number; revenue: number; share: number }[];
  rows: Page<AbcRow>;
}

export const rfmInput = z.strictObject({
  asOf: isoDate.optional(),
  /** Only customers with this R, F or M score, e.g. to list the 5-5-5 ones. */
  score: z
    .string()
    .regex(/^[1-5]{3}$/)
    .optional(),
  ...pageInput,
});

export interface RfmRow {
  customerId: number;
  code: string;
  name: string;
  lastSaleDate: string;
  recencyDays: number;
  frequency: number;
  monetary: number;
  /** Quintile scores 1–5, 5 best (most recent, most frequent, most spent). */
  r: number;
  f: number;
  m: number;
}

export interface RfmResult {
  asOf: string;
  /** Customers with at least one sale up to asOf. */
  customers: number;
  /**
   * How many of those customers have each R and F score: grid[r - 1][f - 1]. All of them,
   * whatever the score filter, so the R × F heat map needs no rows.
   */
  grid: number[][];
  rows: Page<RfmRow>;
}

export const churnInput = z.strictObject({
  asOf: isoDate.optional(),
  /** No purchase in this many days is a warning (SPEC: 180). */
  days: z.number().int().min(1).max(3650).default(180),
  ...pageInput,
});

export interface ChurnRow {
  customerId: number;
  code: string;
  name: string;
  lastSaleDate: string;
  daysSince: number;
  /** The customer's median days between purchases; null with fewer than 2 purchases. */
  usualIntervalDays: number | null;
  /** `no_purchase`: none in `days`; `gap`: silent for more than twice the usual interval. */
  reason: 'no_purchase' | 'gap';
}

export const profitInput = z
  .strictObject({
    ...range,
    sort: z.enum(['profit', 'revenue', 'margin']).default('profit'),
    direction: z.enum(['asc', 'desc']).default('desc'),
    ...pageInput,
  })
  .refine(fromNotAfterTo, rangeMessage);

export interface ProfitRow {
  customerId: number;
  code: string;
  name: string;
  revenue: number;
  /** Σ quantity × the product's cost now, rounded half up per line. */
  costOfGoods: number;
  expenses: number;
  profit: number;
  /** profit / revenue; null without revenue. */
  margin: number | null;
}

export const clvInput = z.strictObject({
  asOf: isoDate.optional(),
  /** Yearly discount rate r, e.g. 0.1 for 10 %. */
  rate: z.number().gt(0).max(1).default(0.1),
  /** Years n. */
  years: z.number().int().min(1).max(50).default(5),
  ...pageInput,
});

export interface ClvRow {
  customerId: number;
  code: string;
  name: string;
  /** R: the last 12 months' profit (revenue − cost of goods − expenses), cents. */
  yearlyProfit: number;
  /** CLV = R · (1 − (1 + r)^−n) / r, cents, rounded half up. */
  clv: number;
}

export const serviceAnalysisInput = z.strictObject({ ...range }).refine(fromNotAfterTo, rangeMessage);

export interface ServiceAnalysis {
  from: string;
  to: string;
  /** Feedback received per month in the range, by type id. */
  byMonth: { month: string; counts: Record<string, number>; total: number }[];
  byType: { typeId: number; count: number; averageSatisfaction: number | null }[];
  /** Over items closed in the range. */
  averageSatisfaction: number | null;
  averageDaysToClose: number | null;
  /** Open now, and how many of those were received more than 30 days ago. */
  openBacklog: number;
  openOver30Days: number;
}

export type AbcPage = Page<AbcRow>;
export type ChurnPage = Page<ChurnRow>;
export type ProfitPage = Page<ProfitRow>;
export type ClvPage = Page<ClvRow>;

import { z } from 'zod';
import { channel } from '../channel';
import { isoDate, pageInput, type Page } from '../common';
import { fromNotAfterTo, range, rangeMessage } from './range';

/** Customer analytics (ABC, RFM, churn warnings, profitability, CLV) and service analytics. */

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

export const customerAnalysisChannels = {
  'analysis.abc': channel(abcInput).returns<AbcResult>(),
  'analysis.rfm': channel(rfmInput).returns<RfmResult>(),
  'analysis.churn': channel(churnInput).returns<ChurnPage>(),
  'analysis.profit': channel(profitInput).returns<ProfitPage>(),
  'analysis.clv': channel(clvInput).returns<ClvPage>(),
  'analysis.service': channel(serviceAnalysisInput).returns<ServiceAnalysis>(),
};

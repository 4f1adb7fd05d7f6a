import { useSearchParams } from 'react-router';
import {
  compositionDimensions,
  isoDate,
  trendPeriods,
  type CompositionDimension,
  type TrendPeriod,
} from '../../../src-main/contract';

export const analysisTabs = ['trend', 'funnel', 'composition', 'customers', 'service'] as const;
export type AnalysisTab = (typeof analysisTabs)[number];

/** The sales filters, by their URL key (the same as the contract's field). */
export const salesFilterKeys = [
  'ownerId',
  'customerTypeId',
  'regionId',
  'productCategoryId',
  'productId',
] as const;
export type SalesFilterKey = (typeof salesFilterKeys)[number];

const oneOf = <T extends string>(list: readonly T[], v: string | null, fallback: T): T =>
  list.includes(v as T) ? (v as T) : fallback;
const date = (v: string | null) => (isoDate.safeParse(v).success ? v! : undefined);
const positiveId = (v: string | null) => (v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : undefined);

/**
 * The analysis screen's state in the URL (tab, range, period, view, dimension, top N, filters),
 * so Back, a reload and a link from 桌面 open the same analysis.
 */
export function useAnalysisParams() {
  const [params, setParams] = useSearchParams();
  const update = (changes: Record<string, string | number | null | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === undefined || v === '') next.delete(k);
      else next.set(k, String(v));
    }
    setParams(next, { replace: true });
  };
  const from = date(params.get('from'));
  const to = date(params.get('to'));
  // A range typed backwards is not sent: the fields say what is wrong instead.
  const rangeValid = !from || !to || from <= to;
  const filters: Partial<Record<SalesFilterKey, number>> = {};
  for (const k of salesFilterKeys) {
    const v = positiveId(params.get(k));
    if (v) filters[k] = v;
  }
  const top = Number(params.get('top'));
  return {
    tab: oneOf(analysisTabs, params.get('tab'), 'trend'),
    from,
    to,
    rangeValid,
    /** The range as the contract takes it; empty (the last 12 months) while it is backwards. */
    range: rangeValid ? { from, to } : {},
    period: oneOf<TrendPeriod>(trendPeriods, params.get('period'), 'month'),
    view: oneOf(['line', 'bar'] as const, params.get('view'), 'line'),
    by: oneOf<CompositionDimension>(compositionDimensions, params.get('by'), 'category'),
    top: Number.isInteger(top) && top >= 1 && top <= 50 ? top : 10,
    filters,
    raw: (k: string) => params.get(k),
    update,
  };
}

export type AnalysisParams = ReturnType<typeof useAnalysisParams>;

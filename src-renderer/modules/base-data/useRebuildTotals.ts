import { useTranslation } from 'react-i18next';
import type { BaseKind } from '../../../src-main/contract';
import { useJobRunner } from '../../lib/jobs';

/**
 * The lists whose bulk changes the analyses' running totals depend on: reordering, switching
 * off or merging stages re-counts every opportunity's furthest stage; merging product categories
 * re-sums the days those products sold on.
 */
const AFFECTS_TOTALS: readonly BaseKind[] = ['opportunity_stage', 'product_category'];

/**
 * After such a change to `kind`, the totals are rebuilt at once as a job (progress and 取消 in a
 * notice), instead of by the next analysis that opens, which would wait on it.
 */
export function useRebuildTotals(kind: BaseKind): () => void {
  const { t } = useTranslation();
  const runJob = useJobRunner();
  return () => {
    if (AFFECTS_TOTALS.includes(kind))
      void runJob({ kind: 'rollups.rebuild' }, { title: t('baseData.rebuildTotals') });
  };
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpportunityStatus } from '../../../src-main/contract';
import { baseName, useBaseData } from '../../lib/base-data';

/** Stage keys that end an opportunity; they are reached by 结束机会, never picked or dragged to. */
const CLOSED_KEYS: readonly (string | null)[] = ['won', 'lost'];

/**
 * The pipeline's stages from the base data: the open ones in order (the board's columns and
 * the form's choices) and each stage's default probability.
 */
export function useStages() {
  const { i18n } = useTranslation();
  const { data = [] } = useBaseData();
  const stages = data.filter((item) => item.kind === 'opportunity_stage');
  const open = stages.filter((s) => s.active && !CLOSED_KEYS.includes(s.key));
  return {
    open,
    openOptions: open.map((s) => ({ value: String(s.id), label: baseName(s, i18n.language) })),
    probability: (id: number | null | undefined): number | null =>
      stages.find((s) => s.id === id)?.probability ?? null,
  };
}

const statusColor: Record<OpportunityStatus, string> = { open: 'blue', won: 'green', lost: 'gray' };

export function StatusBadge({ status }: { status: OpportunityStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light">
      {t(`opportunities.status.${status}`)}
    </Badge>
  );
}

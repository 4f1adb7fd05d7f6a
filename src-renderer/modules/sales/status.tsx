import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { saleStatuses, type SaleStatus } from '../../../src-main/contract';

const statusColor: Record<SaleStatus, string> = {
  draft: 'gray',
  confirmed: 'blue',
  delivered: 'cyan',
  paid: 'green',
  cancelled: 'red',
};

export function SaleStatusBadge({ status }: { status: SaleStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={statusColor[status]} variant="light">
      {t(`sales.status.${status}`)}
    </Badge>
  );
}

/** The statuses as select options, in their natural order (草稿 → 已收款, then 已取消). */
export function useStatusOptions() {
  const { t } = useTranslation();
  return saleStatuses.map((s) => ({ value: s, label: t(`sales.status.${s}`) }));
}

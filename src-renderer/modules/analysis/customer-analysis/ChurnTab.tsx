import { Badge, NumberInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChurnRow } from '../../../../src-main/contract';
import { formatNumber } from '../../../components/charts';
import { CustomerAnalysisTab } from './CustomerAnalysisTab';
import { AsOfField, customerColumns, NS, TabFilters, type FigureColumn } from './shared';

const DEFAULT_DAYS = 180;
const validDays = (n: unknown): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= 3650;

/** 流失预警: customers who bought before but have gone quiet, with the reason in words. */
export function ChurnTab() {
  const { t, i18n } = useTranslation();
  const [asOf, setAsOf] = useState<string | null>(null);
  const [typedDays, setTypedDays] = useState<number | string>(DEFAULT_DAYS);
  const [lastValidDays, setLastValidDays] = useState(DEFAULT_DAYS);
  const [days] = useDebouncedValue(lastValidDays, 300);
  const k = (key: string, o?: Record<string, unknown>) => t(`${NS}.churn.${key}`, o);
  const number = (n: number | null, digits = 0) =>
    n == null ? t(`${NS}.none`) : formatNumber(n, i18n.language, digits);

  const reason = (r: ChurnRow) =>
    r.reason === 'no_purchase'
      ? k('reasonNoPurchase', { days: r.daysSince, limit: days })
      : k('reasonGap', { days: r.daysSince, usual: r.usualIntervalDays });

  const columns: FigureColumn<ChurnRow>[] = [
    ...customerColumns<ChurnRow>(t),
    { accessor: 'lastSaleDate', title: k('lastSaleDate'), width: 120 },
    { accessor: 'daysSince', title: k('daysSince'), textAlign: 'right', render: (r) => number(r.daysSince) },
    {
      accessor: 'usualIntervalDays',
      title: k('usualInterval'),
      textAlign: 'right',
      render: (r) => number(r.usualIntervalDays, 1),
    },
    {
      accessor: 'reason',
      title: k('reason'),
      help: k('help'),
      render: (r) => (
        <Badge variant="light" color={r.reason === 'no_purchase' ? 'red' : 'orange'} tt="none" fw={500}>
          {reason(r)}
        </Badge>
      ),
    },
  ];

  return (
    <CustomerAnalysisTab
      channel="analysis.churn"
      input={{ asOf: asOf ?? undefined, days }}
      columns={columns}
      summary={(data) => data && k('count', { count: data.total })}
      filters={
        <TabFilters>
          <AsOfField value={asOf} onChange={setAsOf} />
          <NumberInput
            label={k('days')}
            value={typedDays}
            min={1}
            max={3650}
            allowDecimal={false}
            allowNegative={false}
            suffix={k('daysSuffix')}
            w={150}
            onChange={(v) => {
              setTypedDays(v);
              if (validDays(v)) setLastValidDays(v);
            }}
          />
        </TabFilters>
      }
    />
  );
}

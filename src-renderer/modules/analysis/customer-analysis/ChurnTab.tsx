import { Badge, NumberInput, Stack } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChurnRow } from '../../../../src-main/contract';
import { call } from '../../../api';
import { formatNumber } from '../../../components/charts';
import { useChannelQuery } from '../../../lib/queries';
import {
  AsOfField,
  customerColumns,
  CustomerExport,
  CustomerTable,
  NS,
  PAGE_SIZE,
  TabFilters,
  TabLine,
  type FigureColumn,
} from './shared';
import { QueryState } from '../AnalysisHeader';

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
  const [page, setPage] = useState(1);
  const k = (key: string, o?: Record<string, unknown>) => t(`${NS}.churn.${key}`, o);
  const number = (n: number | null, digits = 0) =>
    n == null ? t(`${NS}.none`) : formatNumber(n, i18n.language, digits);

  const input = { asOf: asOf ?? undefined, days };
  const query = useChannelQuery('analysis.churn', { ...input, page, pageSize: PAGE_SIZE });
  const data = query.data;

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
    <Stack gap="md">
      <TabFilters>
        <AsOfField
          value={asOf}
          onChange={(v) => {
            setAsOf(v);
            setPage(1);
          }}
        />
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
            if (validDays(v)) {
              setLastValidDays(v);
              setPage(1);
            }
          }}
        />
      </TabFilters>
      <TabLine
        text={data && k('count', { count: data.total })}
        term={k('tab')}
        help={k('help')}
        actions={
          <CustomerExport<ChurnRow>
            title={k('fileName')}
            columns={columns}
            loadPage={(p, pageSize) => call('analysis.churn', { ...input, page: p, pageSize })}
          />
        }
      />
      <QueryState query={query}>
        {() => (
          <>
            <CustomerTable<ChurnRow>
              label={k('list')}
              columns={columns}
              rows={data?.rows}
              total={data?.total ?? 0}
              page={page}
              onPageChange={setPage}
              loading={query.isPlaceholderData}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

import { Stack, Text } from '@mantine/core';
import dayjs from 'dayjs';
import type { DataTableSortStatus } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfitRow } from '../../../../src-main/contract';
import { call } from '../../../api';
import { formatPercent } from '../../../components/charts';
import { formatMoney } from '../../../lib/money';
import { useChannelQuery } from '../../../lib/queries';
import { useAnalysisParams } from '../params';
import { SalesFilters } from '../SalesFilters';
import {
  customerColumns,
  CustomerExport,
  CustomerTable,
  NS,
  PAGE_SIZE,
  TabLine,
  type FigureColumn,
  type Keyed,
} from './shared';
import { QueryState } from '../AnalysisHeader';

type SortColumn = 'profit' | 'revenue' | 'margin';
const SORTS: SortColumn[] = ['profit', 'revenue', 'margin'];

/** 客户利润: revenue − cost of goods − expenses per customer over a range, sorted by a column. */
export function ProfitTab() {
  const { t, i18n } = useTranslation();
  const params = useAnalysisParams();
  const [sort, setSort] = useState<{ column: SortColumn; direction: 'asc' | 'desc' }>({
    column: 'profit',
    direction: 'desc',
  });
  const k = (key: string) => t(`${NS}.profit.${key}`);
  const money = (cents: number) => formatMoney(cents, i18n.language);
  const signed = (cents: number) => (
    <Text span size="sm" c={cents < 0 ? 'red' : undefined}>
      {money(cents)}
    </Text>
  );

  // The range is the analysis screen's (in the URL); empty, the last 12 months up to today.
  const to = params.range.to ?? dayjs().format('YYYY-MM-DD');
  const shown = {
    from: params.range.from ?? dayjs(to).subtract(11, 'month').startOf('month').format('YYYY-MM-DD'),
    to,
  };
  // The page belongs to a range: another range starts again at the first page.
  const rangeKey = `${shown.from}/${shown.to}`;
  const [paged, setPaged] = useState({ rangeKey, page: 1 });
  const page = paged.rangeKey === rangeKey ? paged.page : 1;
  const setPage = (p: number) => setPaged({ rangeKey, page: p });
  const input = { ...params.range, sort: sort.column, direction: sort.direction };
  const query = useChannelQuery('analysis.profit', { ...input, page, pageSize: PAGE_SIZE });
  const data = query.data;

  const columns: FigureColumn<ProfitRow>[] = [
    ...customerColumns<ProfitRow>(t),
    {
      accessor: 'revenue',
      title: k('revenue'),
      textAlign: 'right',
      sortable: true,
      render: (r) => money(r.revenue),
    },
    {
      accessor: 'costOfGoods',
      title: k('costOfGoods'),
      textAlign: 'right',
      render: (r) => money(r.costOfGoods),
    },
    { accessor: 'expenses', title: k('expenses'), textAlign: 'right', render: (r) => money(r.expenses) },
    {
      accessor: 'profit',
      title: k('profit'),
      textAlign: 'right',
      sortable: true,
      render: (r) => signed(r.profit),
    },
    {
      accessor: 'margin',
      title: k('margin'),
      textAlign: 'right',
      sortable: true,
      render: (r) => (r.margin == null ? t(`${NS}.none`) : formatPercent(r.margin, i18n.language)),
    },
  ];

  return (
    <Stack gap="md">
      <SalesFilters params={params} shown={shown} fields={[]} />
      <TabLine
        text={t('analysis.range', shown)}
        term={k('tab')}
        help={k('help')}
        actions={
          <CustomerExport<ProfitRow>
            title={k('fileName')}
            columns={columns}
            loadPage={(p, pageSize) => call('analysis.profit', { ...input, page: p, pageSize })}
          />
        }
      />
      <QueryState query={query}>
        {() => (
          <>
            <CustomerTable<ProfitRow>
              label={k('list')}
              columns={columns}
              rows={data?.rows}
              total={data?.total ?? 0}
              page={page}
              onPageChange={setPage}
              loading={query.isPlaceholderData}
              sortStatus={
                { columnAccessor: sort.column, direction: sort.direction } as DataTableSortStatus<
                  Keyed<ProfitRow>
                >
              }
              onSortStatusChange={(s) => {
                const column = s.columnAccessor as SortColumn;
                if (SORTS.includes(column)) setSort({ column, direction: s.direction });
                setPage(1);
              }}
            />
          </>
        )}
      </QueryState>
    </Stack>
  );
}

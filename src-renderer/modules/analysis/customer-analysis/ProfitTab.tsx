import { Text } from '@mantine/core';
import type { DataTableSortStatus } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfitRow } from '../../../../src-main/contract';
import { analysisRange, localToday } from '../../../../src-main/contract/dates';
import { formatPercent } from '../../../components/charts';
import { formatMoney } from '../../../lib/money';
import { useAnalysisParams } from '../params';
import { SalesFilters } from '../SalesFilters';
import { CustomerAnalysisTab } from './CustomerAnalysisTab';
import { customerColumns, NS, type FigureColumn, type Keyed } from './shared';

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
  const shown = analysisRange(params.range, localToday());
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
    <CustomerAnalysisTab
      channel="analysis.profit"
      input={{ ...params.range, sort: sort.column, direction: sort.direction }}
      columns={columns}
      summary={() => t('analysis.range', { ...shown })}
      filters={<SalesFilters params={params} shown={shown} fields={[]} />}
      sortStatus={
        { columnAccessor: sort.column, direction: sort.direction } as DataTableSortStatus<Keyed<ProfitRow>>
      }
      onSortStatusChange={(s) => {
        const column = s.columnAccessor as SortColumn;
        if (SORTS.includes(column)) setSort({ column, direction: s.direction });
      }}
    />
  );
}

import { Select, SimpleGrid, Stack } from '@mantine/core';
import type { Chart as ChartJS, ChartData, ChartOptions } from 'chart.js';
import { useRef } from 'react';
import { Doughnut } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import {
  compositionDimensions,
  type CompositionDimension,
  type CompositionResult,
  type CompositionRow,
} from '../../../src-main/contract';
import {
  baseOptions,
  ChartCard,
  FigureTable,
  figureExportColumns,
  countColumn,
  moneyColumn,
  formatPercent,
  useChartTheme,
  type ChartTheme,
  type FigureColumn,
} from '../../components/charts';
import { ExportMenu } from '../../components/ExportMenu';
import { useBaseLookup } from '../../lib/base-data';
import { useChannelQuery } from '../../lib/queries';
import { QueryState, RangeLine } from './AnalysisHeader';
import { useAnalysisParams } from './params';
import { SalesFilters } from './SalesFilters';

/** A row of the table: a top-N group, "other", or the total. */
interface Slice {
  key: string;
  rank: number | null;
  name: string;
  amount: number;
  orders: number;
  share: number;
  cumulativeShare: number | null;
  other?: boolean;
}

const baseDimension: Partial<Record<CompositionDimension, true>> = {
  category: true,
  customerType: true,
  region: true,
  owner: true,
};

/** The result as table rows (names in the user's language) and the "other" row, if any. */
export function useSlices(result: CompositionResult | undefined): { rows: Slice[]; other: Slice | null } {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  if (!result) return { rows: [], other: null };
  const nameOf = (r: CompositionRow) => {
    if (r.id === null) return t(`analysis.none.${result.by}`);
    // Base-data entries in the current language; products and customers by their own name.
    return (baseDimension[result.by] && lookup.name(r.id)) || (r.name ?? '');
  };
  const rows = result.rows.map((r, i) => ({
    key: `${r.id ?? 'none'}`,
    rank: i + 1,
    name: nameOf(r),
    amount: r.amount,
    orders: r.orders,
    share: r.share,
    cumulativeShare: r.cumulativeShare,
  }));
  const other = result.other && {
    key: 'other',
    rank: null,
    name: t('analysis.composition.other', { count: result.other.groups }),
    amount: result.other.amount,
    orders: result.other.orders,
    share: result.other.share,
    cumulativeShare: 1,
    other: true,
  };
  return { rows, other };
}

/** The slices as a doughnut, "other" in gray; the legend beside it. */
export function compositionChart(
  slices: Slice[],
  theme: ChartTheme,
  otherLabel: string,
  legend: 'right' | 'bottom' | false,
): { data: ChartData<'doughnut'>; options: ChartOptions<'doughnut'> } {
  const base = baseOptions(theme) as ChartOptions<'doughnut'>;
  return {
    data: {
      labels: slices.map((s) => (s.other ? otherLabel : s.name)),
      datasets: [
        {
          data: slices.map((s) => s.amount),
          backgroundColor: slices.map((s, i) => (s.other ? theme.gray : theme.color(i))),
          borderColor: theme.background,
          borderWidth: 2,
        },
      ],
    },
    options: {
      ...base,
      cutout: '55%',
      plugins: {
        ...base.plugins,
        legend: legend
          ? {
              ...base.plugins?.legend,
              position: legend,
              labels: {
                ...base.plugins?.legend?.labels,
                // Name and share, so the picture reads without the table.
                generateLabels: (chart) =>
                  slices.map((s, i) => ({
                    text: `${s.other ? otherLabel : s.name}  ${formatPercent(s.share, theme.language)}`,
                    fillStyle: (chart.data.datasets[0]!.backgroundColor as string[])[i],
                    strokeStyle: theme.background,
                    fontColor: theme.text,
                    index: i,
                    hidden: !chart.getDataVisibility(i),
                  })),
              },
            }
          : { display: false },
        tooltip: {
          ...base.plugins?.tooltip,
          callbacks: {
            label: (c) => {
              const s = slices[c.dataIndex]!;
              return ` ${theme.money(s.amount)}（${formatPercent(s.share, theme.language)}）`;
            },
          },
        },
      },
    },
  };
}

/** 销售构成: each group's share of sales in the range, the top N and the rest as "other". */
export function CompositionPanel() {
  const { t, i18n } = useTranslation();
  const params = useAnalysisParams();
  const theme = useChartTheme();
  const chartRef = useRef<ChartJS<'doughnut'>>(null);
  const query = useChannelQuery('analysis.composition', {
    ...params.range,
    by: params.by,
    top: params.top,
    ...params.filters,
  });
  const { rows, other } = useSlices(query.data);
  const k = (key: string) => t(`analysis.composition.${key}`);
  const head = (key: string) => ({ key, title: k(key), help: k(`${key}Help`) });
  const money = theme.money;
  const pct = (v: number | null) => (v === null ? '' : formatPercent(v, i18n.language));

  const columns: FigureColumn<Slice>[] = [
    { key: 'rank', title: k('rank'), numeric: true, cell: (s) => s.rank ?? '' },
    { key: 'name', title: t(`analysis.dimensions.${query.data?.by ?? params.by}`), cell: (s) => s.name },
    moneyColumn(head('amount'), (s) => s.amount, money),
    countColumn(head('orders'), (s) => s.orders, i18n.language),
    { key: 'share', title: k('share'), help: k('shareHelp'), numeric: true, cell: (s) => pct(s.share) },
    {
      key: 'cumulative',
      title: k('cumulative'),
      help: k('cumulativeHelp'),
      numeric: true,
      cell: (s) => pct(s.cumulativeShare),
    },
  ];

  return (
    <Stack gap="sm">
      <SalesFilters
        params={params}
        shown={query.data}
        fields={['ownerId', 'customerTypeId', 'regionId', 'productCategoryId', 'productId']}
        before={
          <>
            <Select
              label={t('analysis.filters.by')}
              data={compositionDimensions.map((d) => ({ value: d, label: t(`analysis.dimensions.${d}`) }))}
              value={params.by}
              onChange={(v) => v && params.update({ by: v })}
              allowDeselect={false}
            />
            <Select
              label={t('analysis.filters.top')}
              data={['3', '5', '10', '20', '50']}
              value={String(params.top)}
              onChange={(v) => v && params.update({ top: v })}
              allowDeselect={false}
            />
          </>
        }
      />
      <QueryState query={query}>
        {(result) => {
          const total: Slice = {
            key: 'total',
            rank: null,
            name: t('analysis.total'),
            amount: result.total,
            orders: result.rows.reduce((s, r) => s + r.orders, 0) + (result.other?.orders ?? 0),
            share: result.total > 0 ? 1 : 0,
            cumulativeShare: null,
          };
          const footer = [...(other ? [other] : []), total];
          const slices = [...rows, ...(other ? [other] : [])];
          const title = `${k('chartTitle')}（${t(`analysis.dimensions.${result.by}`)}）`;
          const name = `${title} ${result.from}~${result.to}`;
          const chart = compositionChart(slices, theme, k('otherSeries'), 'right');
          return (
            <Stack gap="sm">
              <RangeLine from={result.from} to={result.to} />
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
                <ChartCard
                  title={title}
                  help={`${k('help')}\n${t('analysis.common.salesCounted')}`}
                  fileName={name}
                  chartRef={chartRef}
                  empty={result.total === 0}
                  height={340}
                  actions={
                    <ExportMenu
                      fileName={name}
                      load={() =>
                        Promise.resolve({ columns: figureExportColumns(columns), rows: [...rows, ...footer] })
                      }
                    />
                  }
                >
                  <Doughnut ref={chartRef} aria-label={title} data={chart.data} options={chart.options} />
                </ChartCard>
                <FigureTable
                  label={k('tableLabel')}
                  columns={columns}
                  rows={rows}
                  footer={footer}
                  rowKey={(s) => s.key}
                />
              </SimpleGrid>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}

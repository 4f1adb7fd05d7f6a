import { SegmentedControl, Select, Stack, Text } from '@mantine/core';
import type { Chart as ChartJS, ChartData, ChartOptions } from 'chart.js';
import { useRef } from 'react';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import {
  baseOptions,
  ChartCard,
  FigureTable,
  figureExportColumns,
  countColumn,
  moneyColumn,
  formatPercent,
  moneyScales,
  useChartTheme,
  type ChartTheme,
  type FigureColumn,
} from '../../components/charts';
import { ExportMenu } from '../../components/ExportMenu';
import { toYuan } from '../../lib/money';
import { useChannelQuery } from '../../lib/queries';
import { QueryState, RangeLine } from './AnalysisHeader';
import { useAnalysisParams } from './params';
import { SalesFilters } from './SalesFilters';
import { change, periodDays, previousEmpty, trendRows, type TrendRow } from './trend-rows';

/**
 * The trend as chart.js data: this period solid, the previous one dashed and gray. When the
 * previous period sold nothing, its series is left out (a flat line at ¥0 reads as a trend) and
 * its legend entry, an empty dashed box, says so: pass `labels.noPrevious`.
 *
 * Lines are straight segments (tension 0): each point is a period's total, and a smoothed curve
 * between them invents values (a bump, or a dip below ¥0, between two periods) that no sale
 * made. The line view stays the default, bars one click away: a chart that changed type with the
 * data would make two screenshots of the same analysis hard to compare.
 */
export function trendChartData(
  rows: TrendRow[],
  theme: ChartTheme,
  labels: { current: string; previous?: string; noPrevious?: string },
  view: 'line' | 'bar',
): ChartData<'bar' | 'line'> {
  const current = theme.color(0);
  const noPrevious = previousEmpty(rows);
  return {
    labels: rows.map((r) => r.label),
    datasets: [
      {
        type: view,
        label: labels.current,
        data: rows.map((r) => r.amount),
        borderColor: current,
        backgroundColor: view === 'bar' ? current : `${current}22`,
        fill: view === 'line',
        tension: 0,
        pointRadius: rows.length > 40 ? 0 : 3,
      },
      ...(labels.previous
        ? [
            {
              type: 'line' as const,
              label: noPrevious && labels.noPrevious ? labels.noPrevious : labels.previous,
              data: noPrevious ? [] : rows.map((r) => r.previous ?? 0),
              borderColor: theme.gray,
              backgroundColor: noPrevious ? 'transparent' : theme.gray,
              borderDash: [6, 4],
              borderWidth: 2,
              pointRadius: 0,
              tension: 0,
              fill: false,
            },
          ]
        : []),
    ],
  };
}

/** 销售走势: sales by period over the range, beside the previous period, with the table behind it. */
export function TrendPanel() {
  const { t, i18n } = useTranslation();
  const params = useAnalysisParams();
  const theme = useChartTheme();
  const chartRef = useRef<ChartJS<'bar' | 'line'>>(null);
  const query = useChannelQuery('analysis.trend', {
    ...params.range,
    period: params.period,
    ...params.filters,
  });
  const k = (key: string) => t(`analysis.trend.${key}`);
  const head = (key: string) => ({ key, title: k(key), help: k(`${key}Help`) });
  const money = theme.money;

  const columns: FigureColumn<TrendRow>[] = [
    {
      key: 'period',
      title: k('period'),
      help: params.period === 'week' ? k('weekHelp') : undefined,
      // The days in words and after a space, so a screen reader says "2026-01 01-01 至 01-31",
      // not "2026-0101-01~01-31".
      cell: (r) => {
        const days = periodDays(r);
        return (
          <span title={`${r.start} ~ ${r.end}`}>
            {r.label}
            {days && (
              <>
                {' '}
                <Text span size="xs" c="dimmed">
                  {t('analysis.trend.days', days)}
                </Text>
              </>
            )}
          </span>
        );
      },
      exportValue: (r) => r.label,
    },
    moneyColumn(head('amount'), (r) => r.amount, money),
    countColumn(head('orders'), (r) => r.orders, i18n.language),
    moneyColumn(head('averageOrder'), (r) => r.averageOrder, money),
    {
      ...head('previous'),
      numeric: true,
      cell: (r) => (r.previous == null ? t('analysis.noChange') : money(r.previous)),
      exportValue: (r) => (r.previous == null ? null : toYuan(r.previous)),
    },
    {
      key: 'change',
      title: k('change'),
      help: k('changeHelp'),
      numeric: true,
      cell: (r) => {
        const c = change(r.amount, r.previous);
        if (c === null) return t('analysis.noChange');
        return (
          // Shade 9 (teal, as green's darkest reads at 4.4:1): AA contrast on the striped rows too.
          <Text span inherit c={c > 0 ? 'teal.9' : c < 0 ? 'red.9' : undefined}>
            {c > 0 ? '+' : ''}
            {formatPercent(c, i18n.language)}
          </Text>
        );
      },
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
              label={t('analysis.filters.period')}
              data={(['day', 'week', 'month', 'quarter', 'year'] as const).map((p) => ({
                value: p,
                label: t(`analysis.periods.${p}`),
              }))}
              value={params.period}
              onChange={(v) => v && params.update({ period: v })}
              allowDeselect={false}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="trend-view-label">
                {t('analysis.filters.view')}
              </Text>
              <SegmentedControl
                aria-labelledby="trend-view-label"
                data={[
                  { value: 'line', label: t('analysis.views.line') },
                  { value: 'bar', label: t('analysis.views.bar') },
                ]}
                value={params.view}
                onChange={(v) => params.update({ view: v })}
              />
            </Stack>
          </>
        }
      />
      <QueryState query={query}>
        {(result) => {
          const rows = trendRows(result);
          const total: TrendRow = {
            key: 'total',
            label: t('analysis.total'),
            start: result.from,
            end: result.to,
            ...result.total,
            previous: result.previousTotal.amount,
          };
          const name = `${k('chartTitle')} ${result.from}~${result.to}`;
          const options = {
            ...baseOptions(theme),
            interaction: { mode: 'index', intersect: false },
            scales: moneyScales(
              theme,
              `${k('xAxis')}（${t(`analysis.periods.${result.period}`)}）`,
              k('yAxis'),
            ),
            plugins: {
              ...baseOptions(theme).plugins,
              tooltip: {
                ...baseOptions(theme).plugins?.tooltip,
                callbacks: { label: (c) => `${c.dataset.label ?? ''}: ${money(Number(c.raw))}` },
              },
            },
          } as ChartOptions<'bar' | 'line'>;
          return (
            <Stack gap="sm">
              <RangeLine from={result.from} to={result.to} />
              <ChartCard
                title={k('chartTitle')}
                help={`${k('help')}\n${t('analysis.common.salesCounted')}`}
                fileName={name}
                chartRef={chartRef}
                empty={result.total.orders === 0 && result.previousTotal.orders === 0}
                height={340}
                actions={
                  <ExportMenu
                    fileName={name}
                    load={() =>
                      Promise.resolve({ columns: figureExportColumns(columns), rows: [...rows, total] })
                    }
                  />
                }
              >
                <Chart
                  ref={chartRef}
                  aria-label={previousEmpty(rows) ? k('chartNoPrevious') : k('chartTitle')}
                  type={params.view}
                  data={trendChartData(
                    rows,
                    theme,
                    { current: k('current'), previous: k('previousSeries'), noPrevious: k('noPrevious') },
                    params.view,
                  )}
                  options={options}
                />
              </ChartCard>
              <FigureTable
                label={k('tableLabel')}
                columns={columns}
                rows={rows}
                footer={[total]}
                rowKey={(r) => r.key}
              />
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}

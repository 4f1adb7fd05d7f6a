import { Card, Group, SimpleGrid, Stack, Text, Title, useMantineTheme } from '@mantine/core';
import type { Chart as ChartJS, ChartData, ChartOptions } from 'chart.js';
import { useRef } from 'react';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { FunnelConversion, FunnelResult, FunnelStage } from '../../../src-main/contract';
import {
  baseOptions,
  ChartCard,
  FigureTable,
  figureExportColumns,
  countColumn,
  moneyColumn,
  formatNumber,
  formatPercent,
  Term,
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

/** The funnel's steps from light to dark blue, top to bottom. */
export function useFunnelColors(n: number): string[] {
  const blue = useMantineTheme().colors.blue;
  return Array.from({ length: n }, (_, i) => blue[Math.min(2 + i, 7)]!);
}

/** Open stages as a funnel: each step as wide as its count, labelled with count and amount. */
export function funnelChart(
  stages: FunnelStage[],
  names: (id: number) => string,
  theme: ChartTheme,
  colors: string[],
  stepLabel: (s: FunnelStage) => string,
  withNames: boolean,
): { data: ChartData<'funnel'>; options: ChartOptions<'funnel'> } {
  const base = baseOptions(theme) as ChartOptions<'funnel'>;
  return {
    data: {
      labels: stages.map((s) => names(s.stageId)),
      datasets: [
        {
          data: stages.map((s) => s.count),
          backgroundColor: colors,
          // No outline: chartjs-chart-funnel strokes one whenever a colour is set, even at
          // width 0 (a canvas ignores a line width of 0), which drew a gray line for an empty step.
          borderWidth: 0,
          borderColor: 'transparent',
          // Centred steps, each as wide as its count: an empty stage between two full ones
          // would otherwise pinch the steps around it into a diamond.
          shrinkAnchor: 'none',
        },
      ],
    },
    options: {
      ...base,
      indexAxis: 'y',
      scales: {
        y: {
          display: withNames,
          grid: { display: false },
          border: { display: false },
          ticks: { color: theme.text, font: { family: theme.fontFamily, size: 13 } },
        },
        x: { display: false },
      },
      plugins: {
        ...base.plugins,
        legend: { display: false },
        valueLabels: {
          text: (i) => stepLabel(stages[i]!),
          color: theme.text,
          font: theme.fontFamily,
        },
        tooltip: {
          ...base.plugins?.tooltip,
          callbacks: { label: (c) => stepLabel(stages[c.dataIndex]!) },
        },
      },
    },
  };
}

/** A figure with its name and ⓘ, for 成交情况. */
function Stat(props: { term: string; help: string; value: string }) {
  return (
    <div>
      <Text size="sm" c="dimmed">
        <Term term={props.term} help={props.help} />
      </Text>
      <Text fz={22} fw={700}>
        {props.value}
      </Text>
    </div>
  );
}

/** 销售漏斗: today's pipeline by stage, conversion between stages in the range, won and lost. */
export function FunnelPanel() {
  const { t, i18n } = useTranslation();
  const params = useAnalysisParams();
  const theme = useChartTheme();
  const lookup = useBaseLookup();
  const chartRef = useRef<ChartJS<'funnel'>>(null);
  const { ownerId, customerTypeId, regionId } = params.filters;
  const query = useChannelQuery('analysis.funnel', { ...params.range, ownerId, customerTypeId, regionId });
  const k = (key: string) => t(`analysis.funnel.${key}`);
  const head = (key: string) => ({ key, title: k(key), help: k(`${key}Help`) });
  const money = theme.money;
  const count = (n: number) => formatNumber(n, i18n.language);
  const stepLabel = (s: FunnelStage) =>
    t('analysis.funnel.stepLabel', { count: s.count, amount: money(s.amount) });
  const colors = useFunnelColors(query.data?.stages.length ?? 0);

  const stageColumns: FigureColumn<FunnelStage & { total?: boolean }>[] = [
    {
      key: 'stage',
      title: k('stage'),
      cell: (s) => (s.total ? t('analysis.total') : lookup.name(s.stageId)),
    },
    countColumn(head('count'), (s) => s.count, i18n.language),
    moneyColumn(head('amount'), (s) => s.amount, money),
    moneyColumn(head('weighted'), (s) => s.weighted, money),
  ];
  const conversionColumns: FigureColumn<FunnelConversion>[] = [
    { key: 'from', title: k('from'), cell: (c) => lookup.name(c.fromStageId) },
    { key: 'to', title: k('to'), cell: (c) => lookup.name(c.toStageId) },
    countColumn(head('reached'), (c) => c.reached, i18n.language),
    countColumn(head('advanced'), (c) => c.advanced, i18n.language),
    {
      ...head('rate'),
      numeric: true,
      cell: (c) => (c.rate === null ? t('analysis.noChange') : formatPercent(c.rate, i18n.language)),
    },
  ];
  type Reason = FunnelResult['lostReasons'][number];
  const reasonColumns: FigureColumn<Reason>[] = [
    { key: 'reason', title: k('reason'), cell: (r) => r.reason ?? k('noReason') },
    countColumn({ key: 'count', title: k('reasonCount') }, (r) => r.count, i18n.language),
  ];

  return (
    <Stack gap="sm">
      <SalesFilters params={params} shown={query.data} fields={['ownerId', 'customerTypeId', 'regionId']} />
      <QueryState query={query}>
        {(result) => {
          const total = {
            stageId: 0,
            total: true,
            count: result.stages.reduce((s, x) => s + x.count, 0),
            amount: result.stages.reduce((s, x) => s + x.amount, 0),
            weighted: result.stages.reduce((s, x) => s + x.weighted, 0),
          };
          const name = `${k('chartTitle')} ${result.from}~${result.to}`;
          const chart = funnelChart(result.stages, lookup.name, theme, colors, stepLabel, true);
          return (
            <Stack gap="sm">
              <RangeLine from={result.from} to={result.to} />
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
                <ChartCard
                  title={k('chartTitle')}
                  help={k('help')}
                  fileName={name}
                  chartRef={chartRef}
                  empty={total.count === 0}
                  height={300}
                  actions={
                    <ExportMenu
                      fileName={name}
                      load={() =>
                        Promise.resolve({
                          columns: figureExportColumns(stageColumns),
                          rows: [...result.stages, total],
                        })
                      }
                    />
                  }
                >
                  <Chart
                    ref={chartRef}
                    aria-label={k('chartTitle')}
                    type="funnel"
                    data={chart.data}
                    options={chart.options}
                  />
                </ChartCard>
                <Stack gap="sm">
                  <FigureTable
                    label={k('tableLabel')}
                    columns={stageColumns}
                    rows={result.stages}
                    footer={[total]}
                    rowKey={(s) => s.stageId}
                  />
                  <Card withBorder radius="md" padding="md" component="section" aria-label={k('closed')}>
                    <Title order={3} size="h5" mb="xs">
                      {k('closed')}
                    </Title>
                    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
                      <Stat term={k('won')} help={k('wonHelp')} value={count(result.won)} />
                      <Stat term={k('lost')} help={k('lostHelp')} value={count(result.lost)} />
                      <Stat
                        term={k('winRate')}
                        help={k('winRateHelp')}
                        value={
                          result.winRate === null
                            ? t('analysis.noChange')
                            : formatPercent(result.winRate, i18n.language)
                        }
                      />
                      <Stat
                        term={k('averageDays')}
                        help={k('averageDaysHelp')}
                        value={
                          result.averageDaysToClose === null
                            ? t('analysis.noChange')
                            : t('analysis.funnel.days', {
                                days: formatNumber(result.averageDaysToClose, i18n.language, 1),
                              })
                        }
                      />
                    </SimpleGrid>
                  </Card>
                </Stack>
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="sm">
                <Card withBorder radius="md" padding="md" component="section" aria-label={k('conversions')}>
                  <Group justify="space-between" mb="xs">
                    <Term term={k('conversions')} help={k('conversionsHelp')} />
                    <ExportMenu
                      fileName={`${k('conversions')} ${result.from}~${result.to}`}
                      load={() =>
                        Promise.resolve({
                          columns: figureExportColumns(conversionColumns),
                          rows: result.conversions,
                        })
                      }
                    />
                  </Group>
                  <FigureTable
                    label={k('conversionsLabel')}
                    columns={conversionColumns}
                    rows={result.conversions}
                    rowKey={(c) => `${c.fromStageId}-${c.toStageId}`}
                  />
                </Card>
                <Card withBorder radius="md" padding="md" component="section" aria-label={k('lostReasons')}>
                  <Group justify="space-between" mb="xs" mih={36}>
                    <Term term={k('lostReasons')} help={k('lostReasonsHelp')} />
                  </Group>
                  <FigureTable
                    label={k('lostReasonsLabel')}
                    columns={reasonColumns}
                    rows={result.lostReasons}
                    rowKey={(r) => r.reason ?? ''}
                  />
                </Card>
              </SimpleGrid>
            </Stack>
          );
        }}
      </QueryState>
    </Stack>
  );
}

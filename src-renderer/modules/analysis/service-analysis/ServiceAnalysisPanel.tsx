import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Chart as ChartJS, ChartOptions } from 'chart.js';
import { useRef, type ReactNode } from 'react';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ServiceAnalysis } from '../../../../src-main/contract';
import { localToday } from '../../../../src-main/contract/dates';
import { ExportMenu } from '../../../components/ExportMenu';
import {
  baseOptions,
  ChartCard,
  FigureTable,
  figureExportColumns,
  formatNumber,
  formatPercent,
  Term,
  useChartTheme,
  type FigureColumn,
} from '../../../components/charts';
import { useBaseData, useBaseLookup } from '../../../lib/base-data';
import { useChannelQuery } from '../../../lib/queries';
import { QueryState, RangeLine } from '../AnalysisHeader';
import { useAnalysisParams } from '../params';
import { SalesFilters } from '../SalesFilters';

const NS = 'analysis.service';
type TypeRow = ServiceAnalysis['byType'][number];
/** A line of the by-type table; the total line has no type. */
type TypeLine = Omit<TypeRow, 'typeId'> & { typeId: number | null };

/** One figure in a card: its name with ⓘ, the value large, a line under it. */
function StatCard(props: { term: string; help: string; value: string; note?: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={props.term}>
      <Text size="sm" c="dimmed" fw={500}>
        <Term term={props.term} help={props.help} />
      </Text>
      <Text fz={26} fw={700} lh={1.3}>
        {props.value}
      </Text>
      {props.note && (
        <Text size="xs" c="dimmed">
          {props.note}
        </Text>
      )}
    </Card>
  );
}

/**
 * 服务分析: feedback received per month by type (stacked bars), by type with the average
 * satisfaction, the averages over items closed in the range, and today's open backlog.
 */
export function ServiceAnalysisPanel() {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const baseData = useBaseData();
  const chartTheme = useChartTheme();
  const chartRef = useRef<ChartJS<'bar'>>(null);
  const k = (key: string, o?: Record<string, unknown>) => t(`${NS}.${key}`, o);
  const number = (n: number, digits = 0) => formatNumber(n, i18n.language, digits);

  const params = useAnalysisParams();
  const query = useChannelQuery('analysis.service', params.range);
  const data = query.data;

  const typeName = (id: number) => lookup.name(id) || k('unknownType');
  // Types in base-data order (byType's order), then any only seen in the months.
  const typeIds = [
    ...new Set([
      ...(data?.byType.map((r) => r.typeId) ?? []),
      ...(data?.byMonth.flatMap((m) => Object.keys(m.counts).map(Number)) ?? []),
    ]),
  ];
  // A type keeps its colour whatever the range: its place among the feedback types.
  const typeOrder = (baseData.data ?? []).filter((b) => b.kind === 'feedback_type').map((b) => b.id);
  const colorIndex = (id: number, i: number) =>
    typeOrder.includes(id) ? typeOrder.indexOf(id) : typeOrder.length + i;
  const received = data?.byType.reduce((n, r) => n + r.count, 0) ?? 0;

  const columns: FigureColumn<TypeLine>[] = [
    {
      key: 'type',
      title: k('type'),
      cell: (r) => (r.typeId == null ? k('total') : typeName(r.typeId)),
    },
    {
      key: 'count',
      title: k('typeCount'),
      numeric: true,
      cell: (r) => number(r.count),
      exportValue: (r) => r.count,
    },
    {
      key: 'share',
      title: k('typeShare'),
      help: k('typeShareHelp'),
      numeric: true,
      cell: (r) => formatPercent(received ? r.count / received : null, i18n.language),
    },
    {
      key: 'satisfaction',
      title: k('typeSatisfaction'),
      help: k('typeSatisfactionHelp'),
      numeric: true,
      cell: (r) => (r.averageSatisfaction == null ? t('common.none') : number(r.averageSatisfaction, 2)),
      exportValue: (r) => r.averageSatisfaction,
    },
  ];
  const totalLine: TypeLine = { typeId: null, count: received, averageSatisfaction: null };

  const base = baseOptions(chartTheme) as ChartOptions<'bar'>;
  const tick = { color: chartTheme.text, font: { family: chartTheme.fontFamily } };
  const axisTitle = (text: string) => ({ display: true, text, color: chartTheme.text });
  const options: ChartOptions<'bar'> = {
    ...base,
    plugins: {
      ...base.plugins,
      legend: { position: 'top', labels: { color: chartTheme.text, boxWidth: 14 } },
      tooltip: { mode: 'index', intersect: false },
    },
    scales: {
      x: {
        stacked: true,
        ticks: { ...tick, maxRotation: 0, autoSkip: true },
        grid: { display: false },
        title: axisTitle(k('month')),
      },
      y: {
        stacked: true,
        beginAtZero: true,
        ticks: { ...tick, precision: 0 },
        grid: { color: chartTheme.grid },
        title: axisTitle(k('count')),
      },
    },
  };
  const chartData = {
    labels: data?.byMonth.map((m) => m.month) ?? [],
    datasets: typeIds.map((id, i) => ({
      label: typeName(id),
      data: data?.byMonth.map((m) => m.counts[String(id)] ?? 0) ?? [],
      backgroundColor: chartTheme.color(colorIndex(id, i)),
      borderRadius: 2,
      maxBarThickness: 48,
    })),
  };
  const today = localToday();

  return (
    <Stack gap="md">
      <SalesFilters params={params} shown={data && { from: data.from, to: data.to }} fields={[]} />
      <RangeLine
        from={data?.from}
        to={data?.to}
        extra={
          <>
            <Term term={k('title')} help={k('help')} />
            <ExportMenu<TypeLine>
              fileName={`${k('fileName')} ${today}`}
              load={() =>
                Promise.resolve({
                  columns: figureExportColumns(columns),
                  rows: [...(data?.byType ?? []), totalLine],
                })
              }
            />
          </>
        }
      />
      <QueryState query={query}>
        {() => (
          <>
            <SimpleGrid cols={{ base: 2, md: 4 }} spacing="md">
              <StatCard
                term={k('received')}
                help={k('receivedHelp')}
                value={k('receivedValue', { count: received })}
              />
              <StatCard
                term={k('averageSatisfaction')}
                help={k('averageSatisfactionHelp')}
                value={
                  data?.averageSatisfaction == null
                    ? k('noValue')
                    : k('satisfactionValue', { value: number(data.averageSatisfaction, 2) })
                }
              />
              <StatCard
                term={k('averageDaysToClose')}
                help={k('averageDaysToCloseHelp')}
                value={
                  data?.averageDaysToClose == null
                    ? k('noValue')
                    : k('daysValue', { value: number(data.averageDaysToClose, 2) })
                }
              />
              <StatCard
                term={k('backlog')}
                help={k('backlogHelp')}
                value={k('backlogValue', { count: data?.openBacklog ?? 0 })}
                note={k('backlogOld', { count: data?.openOver30Days ?? 0 })}
              />
            </SimpleGrid>
            <ChartCard
              title={k('chartTitle')}
              help={k('chartHelp')}
              fileName={`${k('chartFileName')} ${today}`}
              chartRef={chartRef}
              empty={!!data && received === 0}
            >
              <Bar ref={chartRef} aria-label={k('chartTitle')} data={chartData} options={options} />
            </ChartCard>
            <Card withBorder radius="md" padding="md" component="section" aria-label={k('byType')}>
              <Title order={3} size="h5" mb="sm">
                {k('byType')}
              </Title>
              <FigureTable<TypeLine>
                label={k('byType')}
                columns={columns}
                rows={data?.byType ?? []}
                footer={[totalLine]}
                rowKey={(r) => r.typeId ?? 'total'}
              />
            </Card>
          </>
        )}
      </QueryState>
    </Stack>
  );
}

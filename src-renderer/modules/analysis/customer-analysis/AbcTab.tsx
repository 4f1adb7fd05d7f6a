import { Badge, Input, SegmentedControl, SimpleGrid, useMantineTheme } from '@mantine/core';
import type { Chart as ChartJS, ChartOptions } from 'chart.js';
import { useRef, useState } from 'react';
import { Doughnut } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { AbcResult, AbcRow } from '../../../../src-main/contract';
import { localToday } from '../../../../src-main/contract/dates';
import {
  baseOptions,
  ChartCard,
  FigureTable,
  formatNumber,
  formatPercent,
  useChartTheme,
  type FigureColumn as SummaryColumn,
} from '../../../components/charts';
import { formatMoney } from '../../../lib/money';
import { CustomerAnalysisTab } from './CustomerAnalysisTab';
import { AsOfField, customerColumns, NS, TabFilters, type FigureColumn } from './shared';

type Cls = AbcRow['cls'];
/** A class's line of the summary; the total line has no class. */
type ClassRow = Omit<AbcResult['classes'][number], 'cls'> & { cls: Cls | null };
const CLASSES: Cls[] = ['A', 'B', 'C'];
/** A, B and C in the same colour on the badges and in the chart. */
const CLASS_COLOR: Record<Cls, string> = { A: 'teal', B: 'blue', C: 'gray' };

/** Customers with sales in the 12 months: those in a class. */
const customersWithSales = (data: AbcResult) => data.classes.reduce((n, c) => n + c.customers, 0);

export function ClassBadge({ cls }: { cls: Cls }) {
  return (
    <Badge color={CLASS_COLOR[cls]} variant={cls === 'C' ? 'light' : 'filled'} w={32}>
      {cls}
    </Badge>
  );
}

/** The revenue of each class as a doughnut and a summary table, a class without customers as zeros. */
function AbcFigures({ data }: { data: AbcResult }) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const chartTheme = useChartTheme();
  const chartRef = useRef<ChartJS<'doughnut'>>(null);
  const money = (cents: number) => formatMoney(cents, i18n.language);
  const percent = (v: number) => formatPercent(v, i18n.language);
  const k = (key: string, o?: Record<string, unknown>) => t(`${NS}.abc.${key}`, o);

  const classes = CLASSES.map(
    (c) => data.classes.find((x) => x.cls === c) ?? { cls: c, customers: 0, revenue: 0, share: 0 },
  );

  const summaryColumns: SummaryColumn<ClassRow>[] = [
    { key: 'cls', title: k('cls'), cell: (r) => (r.cls ? <ClassBadge cls={r.cls} /> : k('totalRow')) },
    {
      key: 'customers',
      title: k('customers'),
      numeric: true,
      cell: (r) => formatNumber(r.customers, i18n.language),
    },
    { key: 'revenue', title: k('revenue'), numeric: true, cell: (r) => money(r.revenue) },
    { key: 'share', title: k('share'), numeric: true, cell: (r) => percent(r.share) },
  ];

  const options: ChartOptions<'doughnut'> = {
    ...(baseOptions(chartTheme) as ChartOptions<'doughnut'>),
    cutout: '55%',
    plugins: {
      ...baseOptions(chartTheme).plugins,
      legend: { position: 'right', labels: { color: chartTheme.text, boxWidth: 14 } },
      tooltip: {
        callbacks: {
          label: (item) => {
            const c = classes[item.dataIndex]!;
            return ` ${k('tooltip', { amount: money(c.revenue), share: percent(c.share), count: c.customers })}`;
          },
        },
      },
    },
  };
  const chartData = {
    labels: classes.map((c) => `${k('classLabel', { cls: c.cls })} ${percent(c.share)}`),
    datasets: [
      {
        data: classes.map((c) => c.revenue),
        backgroundColor: classes.map((c) => theme.colors[CLASS_COLOR[c.cls]]![c.cls === 'C' ? 5 : 6]),
        borderColor: chartTheme.background,
        borderWidth: 2,
      },
    ],
  };
  const fileName = `${k('fileName')} ${localToday()}`;

  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      <ChartCard
        title={k('chartTitle')}
        help={k('help')}
        fileName={fileName}
        chartRef={chartRef}
        height={240}
        empty={data.total === 0}
      >
        <Doughnut ref={chartRef} aria-label={k('chartTitle')} data={chartData} options={options} />
      </ChartCard>
      <FigureTable<ClassRow>
        label={k('summaryTable')}
        columns={summaryColumns}
        rows={data.total > 0 ? classes : []}
        footer={[{ cls: null, customers: customersWithSales(data), revenue: data.total, share: 1 }]}
        rowKey={(r) => r.cls ?? 'total'}
      />
    </SimpleGrid>
  );
}

/** ABC 分类: revenue per class as a doughnut and a summary, then the customers, filtered by class. */
export function AbcTab() {
  const { t, i18n } = useTranslation();
  const [asOf, setAsOf] = useState<string | null>(null);
  const [cls, setCls] = useState<Cls | 'all'>('all');
  const money = (cents: number) => formatMoney(cents, i18n.language);
  const percent = (v: number) => formatPercent(v, i18n.language);
  const k = (key: string, o?: Record<string, unknown>) => t(`${NS}.abc.${key}`, o);

  const columns: FigureColumn<AbcRow>[] = [
    ...customerColumns<AbcRow>(t),
    { accessor: 'revenue', title: k('revenue'), textAlign: 'right', render: (r) => money(r.revenue) },
    {
      accessor: 'share',
      title: k('share'),
      textAlign: 'right',
      render: (r) => percent(r.share),
    },
    {
      accessor: 'cumulativeShare',
      title: k('cumulativeShare'),
      help: k('help'),
      textAlign: 'right',
      render: (r) => percent(r.cumulativeShare),
    },
    {
      accessor: 'cls',
      title: k('cls'),
      textAlign: 'center',
      width: 80,
      render: (r) => <ClassBadge cls={r.cls} />,
    },
  ];

  return (
    <CustomerAnalysisTab
      channel="analysis.abc"
      input={{ asOf: asOf ?? undefined, cls: cls === 'all' ? undefined : cls }}
      columns={columns}
      summary={(data) =>
        data &&
        `${t('analysis.range', { from: data.from, to: data.to })} · ${k('total', { amount: money(data.total), count: customersWithSales(data) })}`
      }
      figures={(data) => <AbcFigures data={data} />}
      filters={
        <TabFilters>
          <AsOfField value={asOf} onChange={setAsOf} />
          <Input.Wrapper label={k('filter')}>
            <SegmentedControl
              display="flex"
              aria-label={k('filter')}
              value={cls}
              onChange={(v) => setCls(v as Cls | 'all')}
              data={[
                { value: 'all', label: k('all') },
                ...CLASSES.map((c) => ({ value: c, label: k('classLabel', { cls: c }) })),
              ]}
            />
          </Input.Wrapper>
        </TabFilters>
      }
    />
  );
}

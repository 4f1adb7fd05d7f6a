import { Anchor, Center, Loader, SimpleGrid, Text } from '@mantine/core';
import { IconChartDonut, IconChartLine, IconFilter } from '@tabler/icons-react';
import type { ChartData, ChartOptions } from 'chart.js';
import type { ReactNode } from 'react';
import { Chart, Doughnut } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { baseOptions, moneyScales, useChartTheme } from '../../components/charts';
import { useBaseLookup } from '../../lib/base-data';
import { useChannelQuery } from '../../lib/queries';
import { compositionChart, useSlices } from '../analysis/CompositionPanel';
import { funnelChart, useFunnelColors } from '../analysis/FunnelPanel';
import { trendChartData } from '../analysis/TrendPanel';
import { trendRows } from '../analysis/trend-rows';
import { HomeCard } from './HomeCard';

const HEIGHT = 200;

/** Small charts appear at once: 桌面 is opened often, and a growing chart only distracts. */
const still = { animation: false } as const;

/** A small card: the chart, or a spinner / an empty line, and a link to the whole analysis. */
function MiniCard(props: {
  icon: typeof IconChartLine;
  color: string;
  title: string;
  subtitle?: string;
  tab: string;
  state: 'loading' | 'empty' | 'ready';
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <HomeCard
      icon={props.icon}
      color={props.color}
      title={props.title}
      subtitle={props.subtitle}
      aside={
        <Anchor
          component={Link}
          to={`/analysis?tab=${props.tab}`}
          size="sm"
          aria-label={t('analysis.home.moreLabel', { title: props.title })}
          style={{ whiteSpace: 'nowrap' }}
        >
          {t('analysis.home.more')}
        </Anchor>
      }
    >
      {props.state === 'ready' ? (
        <div style={{ position: 'relative', height: HEIGHT }}>{props.children}</div>
      ) : (
        <Center h={HEIGHT}>
          {props.state === 'loading' ? (
            <Loader size="sm" role="status" aria-label={t('common.loading')} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('chart.empty')}
            </Text>
          )}
        </Center>
      )}
    </HomeCard>
  );
}

function MiniTrend() {
  const { t } = useTranslation();
  const theme = useChartTheme();
  const query = useChannelQuery('analysis.trend', { period: 'month' });
  const rows = query.data ? trendRows(query.data) : [];
  const base = baseOptions(theme);
  const scales = moneyScales(theme, '', '');
  const options = {
    ...base,
    ...still,
    plugins: {
      ...base.plugins,
      legend: { display: false },
      tooltip: {
        ...base.plugins?.tooltip,
        callbacks: { label: (c: { raw: unknown }) => theme.money(Number(c.raw)) },
      },
    },
    scales: {
      x: { ...scales.x, title: { display: false }, ticks: { ...scales.x.ticks, maxTicksLimit: 6 } },
      y: { ...scales.y, title: { display: false }, ticks: { ...scales.y.ticks, maxTicksLimit: 5 } },
    },
  } as ChartOptions<'bar'>;
  return (
    <MiniCard
      icon={IconChartLine}
      color="blue"
      title={t('analysis.home.trend')}
      tab="trend"
      state={!query.data ? 'loading' : query.data.total.orders === 0 ? 'empty' : 'ready'}
    >
      <Chart
        type="bar"
        aria-label={t('analysis.home.trend')}
        data={
          trendChartData(rows, theme, { current: t('analysis.trend.current') }, 'bar') as ChartData<'bar'>
        }
        options={options}
      />
    </MiniCard>
  );
}

function MiniFunnel() {
  const { t } = useTranslation();
  const theme = useChartTheme();
  const lookup = useBaseLookup();
  const query = useChannelQuery('analysis.funnel', {});
  const stages = query.data?.stages ?? [];
  const colors = useFunnelColors(stages.length);
  const chart = funnelChart(stages, lookup.name, theme, colors, (s) => String(s.count), true);
  return (
    <MiniCard
      icon={IconFilter}
      color="orange"
      title={t('analysis.home.funnel')}
      subtitle={t('analysis.home.funnelSubtitle')}
      tab="funnel"
      state={!query.data ? 'loading' : stages.every((s) => s.count === 0) ? 'empty' : 'ready'}
    >
      <Chart
        type="funnel"
        aria-label={t('analysis.home.funnel')}
        data={chart.data}
        options={{ ...chart.options, ...still }}
      />
    </MiniCard>
  );
}

function MiniComposition() {
  const { t } = useTranslation();
  const theme = useChartTheme();
  const query = useChannelQuery('analysis.composition', { by: 'category', top: 5 });
  const { rows, other } = useSlices(query.data);
  const chart = compositionChart(
    [...rows, ...(other ? [other] : [])],
    theme,
    t('analysis.composition.otherSeries'),
    'right',
  );
  return (
    <MiniCard
      icon={IconChartDonut}
      color="grape"
      title={t('analysis.home.composition')}
      tab="composition"
      state={!query.data ? 'loading' : query.data.total === 0 ? 'empty' : 'ready'}
    >
      <Doughnut
        aria-label={t('analysis.home.composition')}
        data={chart.data}
        options={{ ...chart.options, ...still }}
      />
    </MiniCard>
  );
}

/** 桌面's small live analyses: the last 12 months' sales, the pipeline, sales by category. */
export function AnalysisCards() {
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }} spacing="lg">
      <MiniTrend />
      <MiniFunnel />
      <MiniComposition />
    </SimpleGrid>
  );
}

import { Badge, Group, Progress, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconArrowDownRight, IconArrowUpRight, IconChartBar, IconEqual } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { HomeSummary } from '../../../src-main/contract';
import { formatMoney } from '../../lib/money';
import { HomeCard } from './HomeCard';

type Totals = HomeSummary['salesThisMonth'];

/** The change from last month in percent, one decimal; null when last month had nothing. */
export function changePercent(current: number, previous: number): number | null {
  if (previous === 0) return current === 0 ? 0 : null;
  return Math.round(((current - previous) / previous) * 1000) / 10;
}

function ChangeBadge({ current, previous }: { current: number; previous: number }) {
  const { t, i18n } = useTranslation();
  const pct = changePercent(current, previous);
  if (pct === null) {
    return (
      <Badge variant="light" color="gray" tt="none">
        {t('home.sales.noBase')}
      </Badge>
    );
  }
  if (pct === 0) {
    return (
      <Badge variant="light" color="gray" tt="none" leftSection={<IconEqual size={12} />}>
        {t('home.sales.same')}
      </Badge>
    );
  }
  const up = pct > 0;
  const text = `${up ? '+' : ''}${new Intl.NumberFormat(i18n.language).format(pct)}%`;
  return (
    <Badge
      variant="light"
      tt="none"
      color={up ? 'green' : 'red'}
      leftSection={up ? <IconArrowUpRight size={12} /> : <IconArrowDownRight size={12} />}
    >
      {t('home.sales.change', { change: text })}
    </Badge>
  );
}

/** 本月销售 vs 上月: amount and count of this calendar month against the month before. */
export function SalesCard({ thisMonth, lastMonth }: { thisMonth: Totals; lastMonth: Totals }) {
  const { t, i18n } = useTranslation();
  const money = (cents: number) => formatMoney(cents, i18n.language);
  const max = Math.max(thisMonth.amount, lastMonth.amount, 1);
  const bar = (label: string, totals: Totals, color: string) => (
    <div>
      <Group justify="space-between" mb={4}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
        <Text size="xs" c="dimmed">
          {money(totals.amount)} · {t('home.sales.count', { count: totals.count })}
        </Text>
      </Group>
      <Progress value={(totals.amount / max) * 100} color={color} size="md" radius="xl" aria-label={label} />
    </div>
  );

  return (
    <HomeCard
      icon={IconChartBar}
      color="green"
      title={t('home.sales.title')}
      subtitle={t('home.sales.subtitle')}
    >
      <SimpleGrid cols={2} spacing="md" mb="md">
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('home.sales.amount')}
          </Text>
          <Text fz={26} fw={700} lh={1.1}>
            {money(thisMonth.amount)}
          </Text>
          <div>
            <ChangeBadge current={thisMonth.amount} previous={lastMonth.amount} />
          </div>
        </Stack>
        <Stack gap={4}>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
            {t('home.sales.orders')}
          </Text>
          <Text fz={26} fw={700} lh={1.1}>
            {t('home.sales.count', { count: thisMonth.count })}
          </Text>
          <div>
            <ChangeBadge current={thisMonth.count} previous={lastMonth.count} />
          </div>
        </Stack>
      </SimpleGrid>
      <Stack gap="xs">
        {bar(t('home.sales.thisMonth'), thisMonth, 'green')}
        {bar(t('home.sales.lastMonth'), lastMonth, 'gray')}
      </Stack>
    </HomeCard>
  );
}

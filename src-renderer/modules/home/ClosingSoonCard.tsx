import { Anchor, Badge, Group, ScrollArea, Stack, Text } from '@mantine/core';
import { IconTarget, IconTargetOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OpportunityRow } from '../../../src-main/contract';
import { daysBetween } from '../../../src-main/contract/dates';
import { useBaseLookup } from '../../lib/base-data';
import { formatMoney } from '../../lib/money';
import { EmptyState, HomeCard } from './HomeCard';

/** 近期结单的机会: open opportunities expected to close in the next 14 days, soonest first. */
export function ClosingSoonCard({
  opportunities,
  today,
}: {
  opportunities: OpportunityRow[];
  today: string;
}) {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const total = opportunities.reduce((sum, o) => sum + o.expectedAmount, 0);
  return (
    <HomeCard
      icon={IconTarget}
      color="orange"
      title={t('home.closing.title')}
      subtitle={t('home.closing.subtitle')}
      aside={
        opportunities.length > 0 && (
          <Text size="sm" fw={500} ta="right">
            {t('home.closing.totalAmount', { amount: formatMoney(total, i18n.language) })}
          </Text>
        )
      }
    >
      {opportunities.length === 0 ? (
        <EmptyState icon={IconTargetOff} title={t('home.closing.empty')} hint={t('home.closing.emptyHint')} />
      ) : (
        <ScrollArea.Autosize mah={320} type="auto" offsetScrollbars>
          <Stack gap={0} role="list" aria-label={t('home.closing.title')}>
            {opportunities.map((o) => {
              const days = daysBetween(today, o.expectedCloseDate ?? today);
              return (
                <Group key={o.id} role="listitem" justify="space-between" wrap="nowrap" py={6} gap="sm">
                  <div style={{ minWidth: 0 }}>
                    <Anchor component={Link} to={`/opportunities/${o.id}`} fw={500} size="sm" lineClamp={1}>
                      {o.title}
                    </Anchor>
                    <Group gap={6} wrap="nowrap">
                      <Anchor
                        component={Link}
                        to={`/customers/${o.customerId}`}
                        size="xs"
                        c="dimmed"
                        lineClamp={1}
                      >
                        {o.customerName}
                      </Anchor>
                      <Badge size="xs" variant="light" color="gray" tt="none" style={{ flexShrink: 0 }}>
                        {lookup.name(o.stageId)} · {o.probability}%
                      </Badge>
                    </Group>
                  </div>
                  <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }}>
                    <Text size="sm" fw={600}>
                      {formatMoney(o.expectedAmount, i18n.language)}
                    </Text>
                    <Badge size="sm" variant="light" tt="none" color={days <= 3 ? 'orange' : 'blue'}>
                      {days === 0 ? t('home.closing.today') : t('home.closing.inDays', { count: days })}
                      {' · '}
                      {o.expectedCloseDate}
                    </Badge>
                  </Stack>
                </Group>
              );
            })}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </HomeCard>
  );
}

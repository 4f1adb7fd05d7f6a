import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { IconMessageCheck, IconMessageReport, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { HomeSummary } from '../../../src-main/contract';
import { daysBetween } from '../../../src-main/contract/dates';
import { useBaseLookup } from '../../lib/base-data';
import { PriorityBadge } from '../feedback/meta';
import { EmptyState, HomeCard } from './HomeCard';

/** 待处理的服务反馈: how many are still open, and the ones received first, each a link. */
export function OpenFeedbackCard({
  openFeedback,
  today,
}: {
  openFeedback: HomeSummary['openFeedback'];
  today: string;
}) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const { count, oldest } = openFeedback;
  return (
    <HomeCard
      icon={IconMessageReport}
      color="orange"
      title={t('home.feedback.title')}
      subtitle={count > 0 && t('home.feedback.subtitle', { count })}
      aside={
        count > 0 && (
          <Anchor component={Link} to="/feedback?status=open&sort=receivedDate&dir=asc" size="sm">
            {t('home.feedback.all')}
          </Anchor>
        )
      }
    >
      {count === 0 ? (
        <EmptyState
          icon={IconMessageCheck}
          title={t('home.feedback.empty')}
          hint={t('home.feedback.emptyHint')}
          action={
            <Button
              component={Link}
              to="/feedback/new"
              variant="light"
              size="xs"
              mt="xs"
              leftSection={<IconPlus size={14} />}
            >
              {t('home.feedback.add')}
            </Button>
          }
        />
      ) : (
        <Stack gap={0} role="list" aria-label={t('home.feedback.title')}>
          {oldest.map((f) => {
            const days = daysBetween(f.receivedDate, today);
            return (
              <Group key={f.id} role="listitem" justify="space-between" wrap="nowrap" py={6} gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/feedback/${f.id}`} fw={500} size="sm" lineClamp={1}>
                    {f.subject}
                  </Anchor>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    <Anchor component={Link} to={`/customers/${f.customerId}`} inherit c="dimmed">
                      {f.customerName}
                    </Anchor>
                    {` · ${lookup.name(f.typeId)} · ${f.code}`}
                  </Text>
                </div>
                <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                  <PriorityBadge priority={f.priority} />
                  <Badge size="sm" variant="light" tt="none" color={days > 7 ? 'red' : 'gray'}>
                    {days <= 0 ? t('home.feedback.today') : t('home.feedback.days', { count: days })}
                  </Badge>
                </Group>
              </Group>
            );
          })}
          {count > oldest.length && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('home.feedback.oldest', { count: oldest.length })}
            </Text>
          )}
        </Stack>
      )}
    </HomeCard>
  );
}

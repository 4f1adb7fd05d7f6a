import { Anchor, Badge, Button, Group, Popover, ScrollArea, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendarDue, IconCheck, IconCircleCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivityRow } from '../../../src-main/contract';
import { addDays, daysBetween } from '../../../src-main/contract/dates';
import { DateField } from '../../components/DateField';
import { notifyError } from '../../lib/errors';
import { useChannelMutation } from '../../lib/queries';
import { ActivityTypeIcon } from '../activities/activityMeta';
import { EmptyState, HomeCard } from './HomeCard';

const FOLLOW_UP_LIMIT = 50;

/** 改期: a small popover with a date, and quick choices that reschedule at once. */
function RescheduleButton({ activity, today }: { activity: ActivityRow; today: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [date, setDate] = useState(() => addDays(today, 1));
  const reschedule = useChannelMutation('activities.reschedule');
  const move = (nextFollowUp: string) =>
    reschedule.mutate(
      { id: activity.id, version: activity.version, nextFollowUp },
      {
        onSuccess: (a) => {
          setOpened(false);
          notifications.show({
            color: 'blue',
            message: t('activities.rescheduled', { subject: a.subject, date: a.nextFollowUp }),
          });
        },
        onError: (err) => notifyError(t, err),
      },
    );
  const quick = [
    ['tomorrow', 1],
    ['inThreeDays', 3],
    ['nextWeek', 7],
  ] as const;

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button
          size="compact-sm"
          variant="default"
          leftSection={<IconCalendarDue size={14} />}
          aria-label={t('home.followUps.rescheduleLabel', { subject: activity.subject })}
          onClick={() => setOpened((o) => !o)}
        >
          {t('home.followUps.reschedule')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={220}>
          <Group gap={6}>
            {quick.map(([key, days]) => (
              <Button
                key={key}
                size="compact-xs"
                variant="light"
                disabled={reschedule.isPending}
                onClick={() => move(addDays(today, days))}
              >
                {t(`home.followUps.${key}`)}
              </Button>
            ))}
          </Group>
          <DateField
            size="xs"
            label={t('home.followUps.newDate')}
            value={date}
            minDate={today}
            onChange={(d) => setDate(d ?? '')}
            // Inside this popover, so that picking a day does not count as a click outside it.
            popoverProps={{ withinPortal: false }}
          />
          <Button size="xs" disabled={!date} loading={reschedule.isPending} onClick={() => move(date)}>
            {t('home.followUps.confirm')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

function FollowUpItem({ activity, today }: { activity: ActivityRow; today: string }) {
  const { t } = useTranslation();
  const complete = useChannelMutation('activities.complete');
  const overdueDays = daysBetween(activity.nextFollowUp ?? today, today);
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm" py={6}>
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        <ActivityTypeIcon type={activity.type} size={32} />
        <div style={{ minWidth: 0 }}>
          <Group gap={6} wrap="nowrap">
            <Anchor component={Link} to={`/activities/${activity.id}`} fw={500} size="sm" lineClamp={1}>
              {activity.subject}
            </Anchor>
            {overdueDays > 0 ? (
              <Badge size="sm" color="red" variant="light" tt="none" style={{ flexShrink: 0 }}>
                {t('home.followUps.overdue', { count: overdueDays })}
              </Badge>
            ) : (
              <Badge size="sm" color="blue" variant="light" tt="none" style={{ flexShrink: 0 }}>
                {t('home.followUps.dueToday')}
              </Badge>
            )}
          </Group>
          <Text size="xs" c="dimmed" lineClamp={1}>
            <Anchor component={Link} to={`/customers/${activity.customerId}`} inherit c="dimmed">
              {activity.customerName}
            </Anchor>
            {activity.contactName && ` · ${activity.contactName}`}
            {` · ${activity.nextFollowUp ?? ''}`}
          </Text>
        </div>
      </Group>
      <Group gap={6} wrap="nowrap">
        <Button
          size="compact-sm"
          variant="light"
          color="green"
          leftSection={<IconCheck size={14} />}
          loading={complete.isPending}
          aria-label={t('home.followUps.completeLabel', { subject: activity.subject })}
          onClick={() =>
            complete.mutate(
              { id: activity.id, version: activity.version },
              {
                onSuccess: (a) =>
                  notifications.show({
                    color: 'green',
                    message: t('activities.completed', { subject: a.subject }),
                  }),
                onError: (err) => notifyError(t, err),
              },
            )
          }
        >
          {t('home.followUps.complete')}
        </Button>
        <RescheduleButton activity={activity} today={today} />
      </Group>
    </Group>
  );
}

/** 今日回访: follow-ups due today and overdue, oldest first, each done or moved in one click. */
export function FollowUpsCard({ followUps, today }: { followUps: ActivityRow[]; today: string }) {
  const { t } = useTranslation();
  const overdue = followUps.filter((a) => a.nextFollowUp! < today).length;
  return (
    <HomeCard
      icon={IconCalendarDue}
      color="blue"
      title={t('home.followUps.title')}
      subtitle={
        followUps.length > 0 && (
          <>
            {t('home.followUps.subtitle', { count: followUps.length })}
            {overdue > 0 && (
              <Text span c="red" inherit>
                {' · '}
                {t('home.followUps.overdueCount', { count: overdue })}
              </Text>
            )}
          </>
        )
      }
    >
      {followUps.length === 0 ? (
        <EmptyState
          icon={IconCircleCheck}
          title={t('home.followUps.empty')}
          hint={t('home.followUps.emptyHint')}
          action={
            <Button
              component={Link}
              to="/activities/new"
              variant="light"
              size="xs"
              mt="xs"
              leftSection={<IconPlus size={14} />}
            >
              {t('home.followUps.addActivity')}
            </Button>
          }
        />
      ) : (
        <ScrollArea.Autosize mah={440} type="auto" offsetScrollbars>
          <Stack gap={0} role="list" aria-label={t('home.followUps.title')}>
            {followUps.map((a) => (
              <div role="listitem" key={a.id}>
                <FollowUpItem activity={a} today={today} />
              </div>
            ))}
          </Stack>
          {followUps.length >= FOLLOW_UP_LIMIT && (
            <Text size="xs" c="dimmed" mt="xs">
              {t('home.followUps.more', { count: FOLLOW_UP_LIMIT })}
            </Text>
          )}
        </ScrollArea.Autosize>
      )}
    </HomeCard>
  );
}

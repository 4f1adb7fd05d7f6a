import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconCheck, IconEdit, IconTable, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Activity } from '../../../src-main/contract';
import { FieldGrid } from '../../components/FieldGrid';
import { useBaseLookup } from '../../lib/base-data';
import { notifyError } from '../../lib/errors';
import { useChannelMutation } from '../../lib/queries';
import { ActivityTypeBadge } from './activityMeta';
import { activityFieldRows } from './activityFieldRows';
import { useDeleteActivitiesFlow } from './useDeleteActivitiesFlow';

/** One 行动: what happened, with whom, and what comes next. */
export function ActivityShow({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const confirmDelete = useDeleteActivitiesFlow();
  const complete = useChannelMutation('activities.complete');
  const lookup = useBaseLookup();
  const rows = activityFieldRows(activity, t, lookup);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Button
              component={Link}
              to="/activities"
              variant="subtle"
              size="compact-sm"
              leftSection={<IconArrowLeft size={14} />}
            >
              {t('activities.browse')}
            </Button>
          </Group>
          <Group gap="sm">
            <Title order={2}>{activity.subject}</Title>
            <ActivityTypeBadge type={activity.type} />
            <Badge variant="light" color={activity.done ? 'green' : 'gray'}>
              {activity.done ? t('activities.doneYes') : t('activities.doneNo')}
            </Badge>
          </Group>
        </Stack>
        <Group>
          {!activity.done && (
            <Button
              variant="light"
              color="green"
              leftSection={<IconCheck size={16} />}
              loading={complete.isPending}
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
              {t('activities.markDone')}
            </Button>
          )}
          <Button
            component={Link}
            to={`/activities/${activity.id}/fields`}
            variant="default"
            leftSection={<IconTable size={16} />}
          >
            {t('activities.fieldTable')}
          </Button>
          <Button
            component={Link}
            to={`/activities/${activity.id}/edit`}
            leftSection={<IconEdit size={16} />}
          >
            {t('activities.edit')}
          </Button>
          <Button
            color="red"
            variant="light"
            leftSection={<IconTrash size={16} />}
            onClick={() => confirmDelete([activity], () => void navigate('/activities'))}
          >
            {t('activities.delete')}
          </Button>
        </Group>
      </Group>
      <Paper withBorder p="md">
        <FieldGrid rows={rows.filter((r) => r.name !== 'content' && r.name !== 'subject')} />
      </Paper>
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed" mb={4}>
          {t('activities.fields.content')}
        </Text>
        <Text
          size="sm"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          c={activity.content ? undefined : 'dimmed'}
        >
          {activity.content || t('common.none')}
        </Text>
      </Paper>
    </Stack>
  );
}

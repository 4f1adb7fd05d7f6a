import { Anchor, Button, Center, Group, Loader, Stack, Text, ThemeIcon, Timeline } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBulb,
  IconMessageCheck,
  IconMessageReport,
  IconPlus,
  IconReceipt,
  IconTimeline,
  IconTrophy,
  IconX,
  type Icon,
} from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Customer, TimelineEntry } from '../../../src-main/contract';
import { call } from '../../api';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { formatMoney } from '../../lib/money';
import { useDefaultRep } from '../../lib/settings';
import { FormDialog } from '../../components/FormDialog';
import { ActivityInputs, useActivityForm, useSaveActivity } from './ActivityInputs';
import { activityTypeMeta, formatLocalDateTime } from './activityMeta';

const PAGE_SIZE = 20;

const kindMeta: Record<Exclude<TimelineEntry['kind'], 'activity'>, { icon: Icon; color: string }> = {
  opportunity_opened: { icon: IconBulb, color: 'yellow' },
  opportunity_won: { icon: IconTrophy, color: 'green' },
  opportunity_lost: { icon: IconX, color: 'red' },
  sale: { icon: IconReceipt, color: 'indigo' },
  feedback_opened: { icon: IconMessageReport, color: 'orange' },
  feedback_closed: { icon: IconMessageCheck, color: 'green' },
};

/** Where an entry leads, and its time as the user reads it (local, whatever the stored form). */
const hrefOf = (e: TimelineEntry) =>
  e.kind === 'activity'
    ? `/activities/${e.id}`
    : e.kind === 'sale'
      ? `/sales/${e.id}`
      : e.kind === 'feedback_opened' || e.kind === 'feedback_closed'
        ? `/feedback/${e.id}`
        : `/opportunities/${e.id}`;
const timeOf = (e: TimelineEntry) =>
  e.at.length === 10 ? e.at : e.at.endsWith('Z') ? formatDateTime(e.at) : formatLocalDateTime(e.at);

function EntryBullet({ entry }: { entry: TimelineEntry }) {
  const { icon: KindIcon, color } =
    entry.kind === 'activity' && entry.activityType
      ? activityTypeMeta[entry.activityType]
      : kindMeta[entry.kind as keyof typeof kindMeta];
  return (
    <ThemeIcon size={26} radius="xl" variant="light" color={color}>
      <KindIcon size={15} />
    </ThemeIcon>
  );
}

/** 行动 tab of a customer: the whole history, newest first, and 记录行动 in place. */
export function CustomerTimelineTab({ customer }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const [logging, logModal] = useDisclosure(false);
  const query = useInfiniteQuery({
    queryKey: ['customers.timeline', { customerId: customer.id }, 'pages'],
    queryFn: ({ pageParam }) =>
      call('customers.timeline', { customerId: customer.id, page: pageParam, pageSize: PAGE_SIZE }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
  });
  const entries = query.data?.pages.flatMap((p) => p.rows) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;

  const kindLabel = (e: TimelineEntry) =>
    e.kind === 'activity' && e.activityType
      ? t(`activities.types.${e.activityType}`)
      : t(`activities.timeline.${e.kind}`);
  const amountText = (e: TimelineEntry) =>
    e.amount == null || (e.kind !== 'sale' && e.amount === 0)
      ? null
      : t(e.kind === 'sale' ? 'activities.timeline.amount' : 'activities.timeline.expected', {
          amount: formatMoney(e.amount, i18n.language),
        });

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('activities.timeline.total', { count: total })}
        </Text>
        <Button leftSection={<IconPlus size={16} />} onClick={logModal.open}>
          {t('activities.log')}
        </Button>
      </Group>

      {query.isPending ? (
        <Loader role="status" aria-label={t('common.loading')} />
      ) : query.isError ? (
        <Text c="red">{errorText(t, query.error)}</Text>
      ) : entries.length === 0 ? (
        <Center py="xl">
          <Stack align="center" gap="xs">
            <ThemeIcon size={48} radius="xl" variant="light" color="gray">
              <IconTimeline size={28} />
            </ThemeIcon>
            <Text c="dimmed" ta="center" maw={360}>
              {t('activities.timeline.empty')}
            </Text>
          </Stack>
        </Center>
      ) : (
        <Timeline bulletSize={26} lineWidth={2} aria-label={t('activities.timeline.label')}>
          {entries.map((e) => (
            <Timeline.Item key={`${e.kind}-${e.id}`} bullet={<EntryBullet entry={e} />}>
              <Group gap="xs" wrap="nowrap" align="baseline">
                <Text size="xs" c="dimmed" fw={500} style={{ whiteSpace: 'nowrap' }}>
                  {kindLabel(e)}
                </Text>
                <Anchor component={Link} to={hrefOf(e)} fw={500} size="sm">
                  {e.title}
                </Anchor>
              </Group>
              <Group gap="md" mt={2}>
                <Text size="xs" c="dimmed">
                  {timeOf(e)}
                </Text>
                {amountText(e) && (
                  <Text
                    size="xs"
                    fw={500}
                    c={e.kind === 'sale' || e.kind === 'opportunity_won' ? 'green' : undefined}
                  >
                    {amountText(e)}
                  </Text>
                )}
              </Group>
            </Timeline.Item>
          ))}
        </Timeline>
      )}

      {query.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {t('activities.timeline.loadMore', { count: total - entries.length })}
          </Button>
        </Group>
      )}

      {/* Mounted only while open: each time it starts from an empty form. */}
      {logging && <LogActivityDialog customer={customer} onDone={logModal.close} />}
    </Stack>
  );
}

/** 记录行动 for one customer, without leaving its page. */
function LogActivityDialog({ customer, onDone }: { customer: Customer; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useActivityForm(undefined, { customerId: customer.id });
  const { save, saving } = useSaveActivity();
  useDefaultRep(form, 'ownerId', true);
  return (
    <FormDialog
      opened
      onClose={onDone}
      title={t('activities.log')}
      size="xl"
      form={form}
      onSubmit={form.onSubmit((values) => save(values, form, onDone))}
      saving={saving}
    >
      <ActivityInputs form={form} labels={{ customer: customer.name }} lockCustomer />
    </FormDialog>
  );
}

import { Button, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import type { DataTableSortStatus } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Customer, FeedbackRow, feedbackSortColumns } from '../../../src-main/contract';
import { RecordTable } from '../../components/RecordTable';
import { useBaseLookup } from '../../lib/base-data';
import { useChannelQuery } from '../../lib/queries';
import { feedbackColumns } from './columns';

const PAGE_SIZE = 20;

/** The 服务反馈 tab of a customer: its feedback, newest first, and 新建服务反馈 for this customer. */
export function CustomerFeedbackTab({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<DataTableSortStatus<FeedbackRow>>({
    columnAccessor: 'receivedDate',
    direction: 'desc',
  });
  const query = useChannelQuery('feedback.list', {
    customerId: customer.id,
    sort: { column: sort.columnAccessor as (typeof feedbackSortColumns)[number], direction: sort.direction },
    page,
    pageSize: PAGE_SIZE,
  });
  const open = useChannelQuery('feedback.list', { customerId: customer.id, status: 'open', pageSize: 1 });
  const total = query.data?.total ?? 0;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('feedback.total', { count: total })}
          {open.data && open.data.total > 0 && ` · ${t('feedback.openCount', { count: open.data.total })}`}
        </Text>
        <Button
          component={Link}
          to={`/feedback/new?customerId=${customer.id}`}
          leftSection={<IconPlus size={16} />}
        >
          {t('feedback.add')}
        </Button>
      </Group>
      <RecordTable<FeedbackRow>
        label={t('feedback.list')}
        rows={query.data?.rows ?? []}
        total={total}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        sortStatus={sort}
        onSortStatusChange={(s) => {
          setSort(s);
          setPage(1);
        }}
        loading={query.isFetching && !query.data}
        emptyText={t('feedback.empty')}
        columns={feedbackColumns(t, lookup, { withCustomer: false })}
      />
    </Stack>
  );
}

import { Anchor, Badge, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  activityTypes,
  id as idSchema,
  type ActivityRow,
  type ActivityType,
} from '../../../src-main/contract';
import { localToday } from '../../../src-main/contract/dates';
import { ListExport } from '../../components/ExportMenu';
import { ListHeader } from '../../components/ListHeader';
import { RecordTable } from '../../components/RecordTable';
import { useBaseLookup } from '../../lib/base-data';
import { useListParams } from '../../lib/list-params';
import { useChannelQuery } from '../../lib/queries';
import { ActivityTypeBadge, formatLocalDateTime } from './activityMeta';
import { useDeleteActivitiesFlow } from './useDeleteActivitiesFlow';

const PAGE_SIZE = 50;
type SortColumn = 'occurredAt' | 'nextFollowUp' | 'type' | 'subject' | 'customer';

/** An id from the URL, or nothing when it is not one. */
const idOrUndefined = (v: unknown) => (idSchema.safeParse(v).success ? (v as number) : undefined);

/** 浏览行动: every call, visit, email, meeting and message, filtered by type, done and 业务员. */
export function ActivityList() {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const list = useListParams<SortColumn, 'type' | 'done' | 'ownerId'>({
    defaultSort: { column: 'occurredAt', direction: 'desc' },
    filters: ['type', 'done', 'ownerId'],
    textFilters: ['type', 'done'],
  });
  const [selected, setSelected] = useState<ActivityRow[]>([]);
  const confirmDelete = useDeleteActivitiesFlow();
  const today = localToday();

  const type = list.filterValue('type') as ActivityType | null;
  const done = list.filterValue('done');
  const input = {
    type: type && (activityTypes as readonly string[]).includes(type) ? type : undefined,
    done: done === 'true' ? true : done === 'false' ? false : undefined,
    ownerId: idOrUndefined(list.filters.ownerId),
    sort: list.sort,
  };
  const query = useChannelQuery('activities.list', { ...input, page: list.page, pageSize: PAGE_SIZE });
  const total = query.data?.total ?? 0;

  const columns: DataTableColumn<ActivityRow>[] = [
    {
      accessor: 'occurredAt',
      title: t('activities.fields.occurredAt'),
      sortable: true,
      width: 150,
      render: (r) => formatLocalDateTime(r.occurredAt),
    },
    {
      accessor: 'type',
      title: t('activities.fields.type'),
      sortable: true,
      width: 100,
      render: (r) => <ActivityTypeBadge type={r.type} />,
    },
    {
      accessor: 'subject',
      title: t('activities.fields.subject'),
      sortable: true,
      render: (r) => (
        <Anchor component={Link} to={`/activities/${r.id}`} size="sm">
          {r.subject}
        </Anchor>
      ),
    },
    {
      accessor: 'customer',
      title: t('activities.fields.customerId'),
      sortable: true,
      render: (r) => (
        <Anchor component={Link} to={`/customers/${r.customerId}`} size="sm" c="inherit">
          {r.customerName}
        </Anchor>
      ),
    },
    { accessor: 'contactName', title: t('activities.fields.contactId') },
    {
      accessor: 'ownerId',
      title: t('activities.fields.ownerId'),
      width: 100,
      render: (r) => lookup.name(r.ownerId),
    },
    {
      accessor: 'nextFollowUp',
      title: t('activities.fields.nextFollowUp'),
      sortable: true,
      width: 120,
      render: (r) =>
        r.nextFollowUp && (
          <Text size="sm" c={!r.done && r.nextFollowUp < today ? 'red' : undefined}>
            {r.nextFollowUp}
          </Text>
        ),
    },
    {
      accessor: 'done',
      title: t('activities.fields.done'),
      width: 90,
      render: (r) => (
        <Badge variant="light" color={r.done ? 'green' : 'gray'}>
          {r.done ? t('activities.doneYes') : t('activities.doneNo')}
        </Badge>
      ),
    },
  ];

  return (
    <Stack gap="sm">
      <ListHeader
        ns="activities"
        selectedCount={selected.length}
        onDeleteSelected={() => confirmDelete(selected, () => setSelected([]))}
        addPath="/activities/new"
        importKind="activities"
        extra={
          <ListExport
            title={t('nav.activities')}
            columns={columns}
            channel="activities.list"
            recordKind="activities"
            input={input}
            exportValues={{
              type: (r) => t(`activities.types.${r.type}`),
              nextFollowUp: (r) => r.nextFollowUp,
              done: (r) => t(r.done ? 'common.yes' : 'common.no'),
            }}
          />
        }
      />

      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
        <Select
          label={t('activities.filterType')}
          data={activityTypes.map((v) => ({ value: v, label: t(`activities.types.${v}`) }))}
          value={type}
          onChange={(v) => list.setFilter('type', v)}
          clearable
        />
        <Select
          label={t('activities.filterDone')}
          data={[
            { value: 'false', label: t('activities.doneNo') },
            { value: 'true', label: t('activities.doneYes') },
          ]}
          value={done}
          onChange={(v) => list.setFilter('done', v)}
          clearable
        />
        <Select
          label={t('activities.fields.ownerId')}
          data={lookup.options('sales_rep')}
          value={list.filterValue('ownerId')}
          onChange={(v) => list.setFilter('ownerId', v)}
          clearable
          searchable
        />
      </SimpleGrid>

      <Text size="sm" c="dimmed" aria-live="polite">
        {t('activities.total', { count: total })}
      </Text>

      <RecordTable<ActivityRow>
        label={t('activities.list')}
        rows={query.data?.rows ?? []}
        total={total}
        page={list.page}
        pageSize={PAGE_SIZE}
        onPageChange={list.setPage}
        sortStatus={list.sortStatus<ActivityRow>()}
        onSortStatusChange={list.setSort}
        loading={query.isFetching && !query.data}
        emptyText={t('activities.empty')}
        selected={selected}
        onSelectedChange={setSelected}
        selectLabel={(r) => t('activities.selectRow', { subject: r.subject })}
        selectAllLabel={t('activities.selectAll')}
        columns={columns}
      />
    </Stack>
  );
}

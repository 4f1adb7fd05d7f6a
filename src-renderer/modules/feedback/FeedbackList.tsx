import { NumberInput, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  feedbackPriorities,
  feedbackStatuses,
  type FeedbackRow,
  type feedbackSortColumns,
} from '../../../src-main/contract';
import { localToday } from '../../../src-main/contract/dates';
import { ListExport } from '../../components/ExportMenu';
import { KeywordInput, ListHeader } from '../../components/ListHeader';
import { RecordTable } from '../../components/RecordTable';
import { useBaseLookup } from '../../lib/base-data';
import { useListParams } from '../../lib/list-params';
import { useChannelQuery } from '../../lib/queries';
import { feedbackColumns } from './columns';
import { usePriorityOptions, useStatusOptions } from './meta';
import { useDeleteFeedbackFlow } from './useDeleteFeedbackFlow';

type SortColumn = (typeof feedbackSortColumns)[number];
type Priority = (typeof feedbackPriorities)[number];
type Status = (typeof feedbackStatuses)[number];
const PAGE_SIZE = 50;
const filters = ['status', 'typeId', 'priority', 'overdue'] as const;
/** 逾期 starts at a week unless the user says otherwise. */
const DEFAULT_OVERDUE_DAYS = 7;

/** A number of days from the URL, or nothing when it is not one the list accepts. */
const daysOrUndefined = (v: string | null) => {
  const n = Number(v);
  return Number.isInteger(n) && n >= 1 && n <= 3650 ? n : undefined;
};

/** 浏览 and 查找 service feedback: keyword, filters (逾期 among them) and sorts, in the URL. */
export function FeedbackList() {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const list = useListParams<SortColumn, (typeof filters)[number]>({
    defaultSort: { column: 'receivedDate', direction: 'desc' },
    filters,
    textFilters: ['status', 'priority', 'overdue'],
  });
  const [selected, setSelected] = useState<FeedbackRow[]>([]);
  const confirmDelete = useDeleteFeedbackFlow();
  const statusOptions = useStatusOptions();
  const priorityOptions = usePriorityOptions();

  const overdue = daysOrUndefined(list.filterValue('overdue'));
  // The days typed while 只看逾期 is off, kept for when it is switched on.
  const [days, setDays] = useState<number | string>(overdue ?? DEFAULT_OVERDUE_DAYS);
  const status = list.filterValue('status');
  const priority = list.filterValue('priority');
  const input = {
    keyword: list.debouncedKeyword || undefined,
    status: feedbackStatuses.includes(status as Status) ? (status as Status) : undefined,
    typeId: (list.filters.typeId as number | undefined) || undefined,
    priority: feedbackPriorities.includes(priority as Priority) ? (priority as Priority) : undefined,
    overdueDays: overdue,
    // The window knows the user's local date.
    today: overdue ? localToday() : undefined,
    sort: list.sort,
  };
  const query = useChannelQuery('feedback.list', { ...input, page: list.page, pageSize: PAGE_SIZE });
  const total = query.data?.total ?? 0;
  const columns = feedbackColumns(t, lookup);
  const field = (f: string) => t(`feedback.fields.${f}`);

  return (
    <Stack gap="sm">
      <ListHeader
        ns="feedback"
        selectedCount={selected.length}
        onDeleteSelected={() => confirmDelete(selected, () => setSelected([]))}
        addPath="/feedback/new"
        importKind="feedback"
        extra={
          <ListExport
            title={t('nav.feedback')}
            columns={columns}
            channel="feedback.list"
            recordKind="feedback"
            input={input}
            exportValues={{
              priority: (r) => t(`feedback.priority.${r.priority}`),
              status: (r) => t(`feedback.status.${r.status}`),
              satisfaction: (r) => r.satisfaction,
            }}
          />
        }
      />

      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="xs" style={{ alignItems: 'end' }}>
        <KeywordInput ns="feedback" value={list.keyword} onChange={list.setKeyword} />
        <Select
          label={field('status')}
          data={statusOptions}
          value={status}
          onChange={(v) => list.setFilter('status', v)}
          clearable
        />
        <Select
          label={field('typeId')}
          data={lookup.options('feedback_type')}
          value={list.filterValue('typeId')}
          onChange={(v) => list.setFilter('typeId', v)}
          clearable
        />
        <Select
          label={field('priority')}
          data={priorityOptions}
          value={priority}
          onChange={(v) => list.setFilter('priority', v)}
          clearable
        />
        <NumberInput
          label={t('feedback.overdueDays')}
          min={1}
          max={3650}
          allowDecimal={false}
          allowNegative={false}
          value={days}
          onChange={(v) => {
            setDays(v);
            const n = daysOrUndefined(String(v));
            if (overdue !== undefined && n !== undefined) list.setFilter('overdue', String(n));
          }}
        />
        <Switch
          label={t('feedback.overdueOnly')}
          description={t('feedback.overdueHint', {
            count: daysOrUndefined(String(days)) ?? DEFAULT_OVERDUE_DAYS,
          })}
          checked={overdue !== undefined}
          onChange={(e) =>
            list.setFilter(
              'overdue',
              e.currentTarget.checked ? String(daysOrUndefined(String(days)) ?? DEFAULT_OVERDUE_DAYS) : null,
            )
          }
        />
      </SimpleGrid>

      <Text size="sm" c="dimmed" aria-live="polite">
        {t('feedback.total', { count: total })}
      </Text>

      <RecordTable<FeedbackRow>
        label={t('feedback.list')}
        rows={query.data?.rows ?? []}
        total={total}
        page={list.page}
        pageSize={PAGE_SIZE}
        onPageChange={list.setPage}
        sortStatus={list.sortStatus<FeedbackRow>()}
        onSortStatusChange={list.setSort}
        loading={query.isFetching && !query.data}
        emptyText={t('feedback.empty')}
        selected={selected}
        onSelectedChange={setSelected}
        selectLabel={(r) => t('feedback.selectRow', { code: r.code })}
        selectAllLabel={t('feedback.selectAll')}
        columns={columns}
      />
    </Stack>
  );
}

import { Badge, Button, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconRestore, IconTrash, IconTrashX } from '@tabler/icons-react';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/EmptyState';
import { trashKinds, type TrashEntry, type TrashKind } from '../../../src-main/contract';
import { KeywordInput } from '../../components/ListHeader';
import { RecordTable } from '../../components/RecordTable';
import { formatDateTime } from '../../lib/format';
import { useListParams } from '../../lib/list-params';
import { useChannelQuery } from '../../lib/queries';
import { useTrashActions } from './useTrashActions';
import { countsText } from './words';

const PAGE_SIZE = 50;
const filters = ['kind'] as const;

const kindColor: Record<TrashKind, string> = {
  customers: 'blue',
  contacts: 'cyan',
  products: 'grape',
  opportunities: 'orange',
  sales: 'green',
  feedback: 'pink',
  expenses: 'yellow',
  activities: 'teal',
};

const isKind = (v: unknown): v is TrashKind => (trashKinds as readonly unknown[]).includes(v);

/** 回收站: what was deleted, newest first, with what went with it. State lives in the URL. */
export function TrashList() {
  const { t } = useTranslation();
  const list = useListParams<'deletedAt', (typeof filters)[number]>({
    defaultSort: { column: 'deletedAt', direction: 'desc' },
    filters,
    textFilters: filters,
  });
  const [selected, setSelected] = useState<TrashEntry[]>([]);
  const actions = useTrashActions();
  const kind = list.filters.kind;

  const query = useChannelQuery('trash.list', {
    kind: isKind(kind) ? kind : undefined,
    keyword: list.debouncedKeyword || undefined,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  // Everything in the trash, whatever the filters: for 清空回收站 and the empty state.
  const all = useChannelQuery('trash.list', { pageSize: 1 });
  const allCount = all.data?.total ?? 0;
  const clear = () => setSelected([]);

  const columns: DataTableColumn<TrashEntry>[] = [
    {
      accessor: 'kind',
      title: t('trash.columns.kind'),
      width: 110,
      render: (e) => (
        <Badge variant="light" color={kindColor[e.kind]}>
          {t(`trash.kinds.${e.kind}`)}
        </Badge>
      ),
    },
    { accessor: 'title', title: t('trash.columns.title') },
    { accessor: 'ownerName', title: t('trash.columns.owner'), render: (e) => e.ownerName ?? '—' },
    {
      accessor: 'counts',
      title: t('trash.columns.counts'),
      render: (e) => countsText(t, e.counts) || t('trash.nothingWithIt'),
    },
    {
      accessor: 'deletedAt',
      title: t('trash.columns.deletedAt'),
      width: 150,
      render: (e) => formatDateTime(e.deletedAt),
    },
  ];

  const header = (
    <Group justify="space-between">
      <Title order={2}>{t('trash.title')}</Title>
      <Group>
        <Button
          variant="light"
          leftSection={<IconRestore size={16} />}
          disabled={selected.length === 0 || actions.busy}
          onClick={() => actions.restoreEntries(selected, clear)}
        >
          {t('trash.restoreSelected', { count: selected.length })}
        </Button>
        <Button
          color="red"
          variant="light"
          leftSection={<IconTrashX size={16} />}
          disabled={selected.length === 0 || actions.busy}
          onClick={() => actions.purgeEntries(selected, clear)}
        >
          {t('trash.purgeSelected', { count: selected.length })}
        </Button>
        <Button
          color="red"
          leftSection={<IconTrash size={16} />}
          disabled={allCount === 0 || actions.busy}
          onClick={() => actions.emptyTrash(allCount, clear)}
        >
          {t('trash.emptyTrash')}
        </Button>
      </Group>
    </Group>
  );

  if (all.data && allCount === 0) {
    return (
      <Stack gap="sm">
        {header}
        <EmptyState
          icon={<IconTrash size={30} />}
          title={t('trash.emptyTitle')}
          text={t('trash.emptyText')}
        />
      </Stack>
    );
  }

  return (
    <Stack gap="sm">
      {header}
      <Text size="sm" c="dimmed">
        {t('trash.intro')}
      </Text>

      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
        <KeywordInput ns="trash" value={list.keyword} onChange={list.setKeyword} />
        <Select
          label={t('trash.filterKind')}
          placeholder={t('trash.allKinds')}
          data={trashKinds.map((k) => ({ value: k, label: t(`trash.kinds.${k}`) }))}
          value={isKind(kind) ? kind : null}
          onChange={(v) => list.setFilter('kind', v)}
          clearable
          // Named and not hidden, so assistive technology can clear the filter too.
          clearButtonProps={{ 'aria-label': t('trash.clearKind'), 'aria-hidden': false }}
        />
      </SimpleGrid>

      <Text size="sm" c="dimmed">
        {t('trash.total', { count: query.data?.total ?? 0 })}
      </Text>

      <RecordTable<TrashEntry>
        label={t('trash.list')}
        rows={query.data?.rows ?? []}
        total={query.data?.total ?? 0}
        page={list.page}
        pageSize={PAGE_SIZE}
        onPageChange={list.setPage}
        loading={query.isFetching && !query.data}
        emptyText={t('trash.empty')}
        selected={selected}
        onSelectedChange={setSelected}
        selectLabel={(e) => t('trash.selectRow', { title: e.title })}
        selectAllLabel={t('trash.selectAll')}
        columns={columns}
      />
    </Stack>
  );
}

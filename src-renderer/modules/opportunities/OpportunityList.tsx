import type { DataTableColumn } from 'mantine-datatable';
import {
  Anchor,
  Button,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import {
  opportunityStatuses,
  type OpportunityRow,
  type OpportunityStatus,
  type opportunitySortColumns,
} from '../../../src-main/contract';
import { CustomFieldFilter } from '../../components/CustomFieldFilter';
import { RecordTable } from '../../components/RecordTable';
import { useBaseLookup } from '../../lib/base-data';
import { useCustomList } from '../../lib/custom-fields';
import { useListParams } from '../../lib/list-params';
import { formatMoney, toYuan } from '../../lib/money';
import { useChannelQuery } from '../../lib/queries';
import { ListExport } from '../../components/ExportMenu';
import { ImportButton } from '../../components/ImportButton';
import { OpportunityBoard } from './OpportunityBoard';
import { StatusBadge } from './stages';
import { useDeleteOpportunitiesFlow } from './useDeleteOpportunitiesFlow';

const PAGE_SIZE = 50;
type SortColumn = (typeof opportunitySortColumns)[number];
const filterFields = ['stageId', 'status', 'ownerId'] as const;

/**
 * 机会与明细: 浏览 and 查找 as a list, or the pipeline as a board (看板). The view, keyword,
 * filters, sort and page live in the URL.
 */
export function OpportunityList() {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'board' ? 'board' : 'list';
  const list = useListParams<SortColumn, (typeof filterFields)[number]>({
    defaultSort: { column: 'updatedAt', direction: 'desc' },
    filters: filterFields,
    textFilters: ['status'],
  });
  const [selected, setSelected] = useState<OpportunityRow[]>([]);
  const confirmDelete = useDeleteOpportunitiesFlow();
  const custom = useCustomList<OpportunityRow>('opportunities');
  const { stageId, status, ownerId } = list.filters as {
    stageId?: number;
    status?: OpportunityStatus;
    ownerId?: number;
  };

  const input = {
    keyword: list.debouncedKeyword || undefined,
    stageId,
    status: status && (opportunityStatuses as readonly string[]).includes(status) ? status : undefined,
    ownerId,
    customFilters: custom.customFilters,
    sort: list.sort,
  };
  const query = useChannelQuery(
    'opportunities.list',
    { ...input, page: list.page, pageSize: PAGE_SIZE },
    { enabled: view === 'list' && custom.ready },
  );
  const total = query.data?.total ?? 0;

  const setView = (v: string) => {
    const next = new URLSearchParams(params);
    if (v === 'board') next.set('view', 'board');
    else next.delete('view');
    next.delete('page');
    setParams(next, { replace: true });
  };

  const columns: DataTableColumn<OpportunityRow>[] = [
    { accessor: 'code', title: t('opportunities.fields.code'), sortable: true, width: 100 },
    {
      accessor: 'title',
      title: t('opportunities.fields.title'),
      sortable: true,
      render: (r) => (
        <Anchor component={Link} to={`/opportunities/${r.id}`} size="sm">
          {r.title}
        </Anchor>
      ),
    },
    {
      accessor: 'customer',
      title: t('opportunities.fields.customerId'),
      sortable: true,
      render: (r) => r.customerName,
    },
    {
      accessor: 'stage',
      title: t('opportunities.fields.stageId'),
      sortable: true,
      render: (r) => lookup.name(r.stageId),
    },
    {
      accessor: 'probability',
      title: t('opportunities.fields.probability'),
      sortable: true,
      textAlign: 'right',
      render: (r) => `${r.probability}%`,
    },
    {
      accessor: 'expectedAmount',
      title: t('opportunities.fields.expectedAmount'),
      sortable: true,
      textAlign: 'right',
      render: (r) => formatMoney(r.expectedAmount, i18n.language),
    },
    {
      accessor: 'expectedCloseDate',
      title: t('opportunities.fields.expectedCloseDate'),
      sortable: true,
    },
    {
      accessor: 'status',
      title: t('opportunities.fields.status'),
      sortable: true,
      render: (r) => <StatusBadge status={r.status} />,
    },
    ...custom.columns,
  ];

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group>
          <Title order={2}>{t('opportunities.title')}</Title>
          <SegmentedControl
            aria-label={t('opportunities.view.label')}
            value={view}
            onChange={setView}
            data={[
              { value: 'list', label: t('opportunities.view.list') },
              { value: 'board', label: t('opportunities.view.board') },
            ]}
          />
        </Group>
        <Group>
          <ImportButton kind="opportunities" />
          {view === 'list' && (
            <ListExport
              title={t('nav.opportunities')}
              columns={columns}
              channel="opportunities.list"
              recordKind="opportunities"
              input={input}
              exportValues={{
                ...custom.exportValues,
                expectedAmount: (r) => toYuan(r.expectedAmount),
                status: (r) => t(`opportunities.status.${r.status}`),
              }}
            />
          )}
          {view === 'list' && (
            <Button
              color="red"
              variant="light"
              leftSection={<IconTrash size={16} />}
              disabled={selected.length === 0}
              onClick={() => confirmDelete(selected, () => setSelected([]))}
            >
              {t('opportunities.deleteSelected', { count: selected.length })}
            </Button>
          )}
          <Button component={Link} to="/opportunities/new" leftSection={<IconPlus size={16} />}>
            {t('opportunities.add')}
          </Button>
        </Group>
      </Group>

      {view === 'board' ? (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
            <Select
              label={t('opportunities.fields.ownerId')}
              data={lookup.options('sales_rep')}
              value={list.filterValue('ownerId')}
              onChange={(v) => list.setFilter('ownerId', v)}
              clearable
              searchable
            />
          </SimpleGrid>
          <OpportunityBoard ownerId={ownerId} />
        </>
      ) : (
        <>
          <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
            <TextInput
              label={t('opportunities.find')}
              placeholder={t('opportunities.findPlaceholder')}
              leftSection={<IconSearch size={16} />}
              value={list.keyword}
              onChange={(e) => list.setKeyword(e.currentTarget.value)}
              type="search"
            />
            <Select
              label={t('opportunities.fields.stageId')}
              data={lookup.options('opportunity_stage')}
              value={list.filterValue('stageId')}
              onChange={(v) => list.setFilter('stageId', v)}
              clearable
              searchable
            />
            <Select
              label={t('opportunities.fields.status')}
              data={opportunityStatuses.map((s) => ({ value: s, label: t(`opportunities.status.${s}`) }))}
              value={list.filterValue('status')}
              onChange={(v) => list.setFilter('status', v)}
              clearable
            />
            <Select
              label={t('opportunities.fields.ownerId')}
              data={lookup.options('sales_rep')}
              value={list.filterValue('ownerId')}
              onChange={(v) => list.setFilter('ownerId', v)}
              clearable
              searchable
            />
            <CustomFieldFilter filter={custom} />
          </SimpleGrid>

          <Text size="sm" c="dimmed" aria-live="polite">
            {t('opportunities.total', { count: total })}
          </Text>

          <RecordTable<OpportunityRow>
            label={t('opportunities.list')}
            rows={query.data?.rows ?? []}
            total={total}
            page={list.page}
            pageSize={PAGE_SIZE}
            onPageChange={list.setPage}
            sortStatus={list.sortStatus<OpportunityRow>()}
            onSortStatusChange={list.setSort}
            loading={query.isFetching && !query.data}
            emptyText={t('opportunities.empty')}
            selected={selected}
            onSelectedChange={setSelected}
            selectLabel={(r) => t('opportunities.selectRow', { title: r.title })}
            selectAllLabel={t('opportunities.selectAll')}
            columns={columns}
          />
        </>
      )}
    </Stack>
  );
}

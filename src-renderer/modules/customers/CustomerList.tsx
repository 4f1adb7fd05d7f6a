import { Anchor, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BaseKind, CustomerRow, CustomerSortColumn } from '../../../src-main/contract';
import { RecordTable } from '../../components/RecordTable';
import { useBaseLookup } from '../../lib/base-data';
import { formatDateTime } from '../../lib/format';
import { useListParams } from '../../lib/list-params';
import { useChannelQuery } from '../../lib/queries';
import { useDeleteCustomersFlow } from './useDeleteCustomersFlow';

const PAGE_SIZE = 50;
const filterFields = [
  ['typeId', 'customer_type'],
  ['levelId', 'customer_level'],
  ['stageId', 'lifecycle_stage'],
  ['industryId', 'industry'],
  ['regionId', 'region'],
  ['ownerId', 'sales_rep'],
] as const satisfies readonly (readonly [string, BaseKind])[];

/** 浏览客户信息 and 查找客户: the list, its keyword box and filters. State lives in the URL. */
export function CustomerList() {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const list = useListParams<CustomerSortColumn, (typeof filterFields)[number][0]>({
    defaultSort: { column: 'code', direction: 'desc' },
    filters: filterFields.map(([f]) => f),
  });
  const [selected, setSelected] = useState<CustomerRow[]>([]);
  const confirmDelete = useDeleteCustomersFlow();

  const query = useChannelQuery('customers.list', {
    keyword: list.debouncedKeyword || undefined,
    ...(list.filters as Record<string, number>),
    sort: list.sort,
    page: list.page,
    pageSize: PAGE_SIZE,
  });
  const total = query.data?.total ?? 0;

  const baseColumn = (accessor: keyof CustomerRow, sortKey: CustomerSortColumn) => ({
    accessor: sortKey,
    title: t(`fields.${accessor}`),
    sortable: true,
    render: (r: CustomerRow) => lookup.name(r[accessor] as number | null),
  });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('customers.browse')}</Title>
        <Group>
          <Button
            color="red"
            variant="light"
            leftSection={<IconTrash size={16} />}
            disabled={selected.length === 0}
            onClick={() => void confirmDelete(selected, () => setSelected([]))}
          >
            {t('customers.deleteSelected', { count: selected.length })}
          </Button>
          <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />}>
            {t('customers.add')}
          </Button>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 2, md: 4, xl: 7 }} spacing="xs">
        <TextInput
          label={t('customers.find')}
          placeholder={t('customers.findPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={list.keyword}
          onChange={(e) => list.setKeyword(e.currentTarget.value)}
          type="search"
        />
        {filterFields.map(([field, kind]) => (
          <Select
            key={field}
            label={t(`fields.${field}`)}
            data={lookup.options(kind)}
            value={list.filterValue(field)}
            onChange={(v) => list.setFilter(field, v)}
            clearable
            searchable
          />
        ))}
      </SimpleGrid>

      <Text size="sm" c="dimmed" aria-live="polite">
        {t('customers.total', { count: total })}
      </Text>

      <RecordTable<CustomerRow>
        label={t('customers.list')}
        rows={query.data?.rows ?? []}
        total={total}
        page={list.page}
        pageSize={PAGE_SIZE}
        onPageChange={list.setPage}
        sortStatus={list.sortStatus<CustomerRow>()}
        onSortStatusChange={list.setSort}
        loading={query.isFetching && !query.data}
        emptyText={t('customers.empty')}
        selected={selected}
        onSelectedChange={setSelected}
        selectLabel={(r) => t('customers.selectRow', { name: r.name })}
        selectAllLabel={t('customers.selectAll')}
        columns={[
          { accessor: 'code', title: t('fields.code'), sortable: true, width: 100 },
          {
            accessor: 'name',
            title: t('fields.name'),
            sortable: true,
            render: (r) => (
              <Anchor component={Link} to={`/customers/${r.id}`} size="sm">
                {r.name}
              </Anchor>
            ),
          },
          { accessor: 'shortName', title: t('fields.shortName'), sortable: true },
          baseColumn('typeId', 'type'),
          baseColumn('levelId', 'level'),
          baseColumn('stageId', 'stage'),
          baseColumn('industryId', 'industry'),
          baseColumn('regionId', 'region'),
          baseColumn('ownerId', 'owner'),
          { accessor: 'phone', title: t('fields.phone'), sortable: true },
          { accessor: 'mobile', title: t('fields.mobile'), sortable: true },
          {
            accessor: 'updatedAt',
            title: t('fields.updatedAt'),
            sortable: true,
            render: (r) => formatDateTime(r.updatedAt),
          },
        ]}
      />
    </Stack>
  );
}

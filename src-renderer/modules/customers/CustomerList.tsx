import { Anchor, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { BaseKind, CustomerRow, CustomerSortColumn } from '../../../src-main/contract';
import { CustomFieldFilter } from '../../components/CustomFieldFilter';
import { ListExport } from '../../components/ExportMenu';
import { KeywordInput, ListHeader } from '../../components/ListHeader';
import { RecordTable } from '../../components/RecordTable';
import { useBaseLookup } from '../../lib/base-data';
import { useCustomList } from '../../lib/custom-fields';
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
  const custom = useCustomList<CustomerRow>('customers');

  const input = {
    keyword: list.debouncedKeyword || undefined,
    ...(list.filters as Record<string, number>),
    customFilters: custom.customFilters,
    sort: list.sort,
  };
  const query = useChannelQuery(
    'customers.list',
    { ...input, page: list.page, pageSize: PAGE_SIZE },
    { enabled: custom.ready },
  );
  const total = query.data?.total ?? 0;

  const baseColumn = (accessor: keyof CustomerRow, sortKey: CustomerSortColumn) => ({
    accessor: sortKey,
    title: t(`fields.${accessor}`),
    sortable: true,
    render: (r: CustomerRow) => lookup.name(r[accessor] as number | null),
  });

  const columns: DataTableColumn<CustomerRow>[] = [
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
    ...custom.columns,
    {
      accessor: 'updatedAt',
      title: t('fields.updatedAt'),
      sortable: true,
      render: (r) => formatDateTime(r.updatedAt),
    },
  ];

  return (
    <Stack gap="sm">
      <ListHeader
        ns="customers"
        selectedCount={selected.length}
        onDeleteSelected={() => void confirmDelete(selected, () => setSelected([]))}
        addPath="/customers/new"
        importKind="customers"
        extra={
          <ListExport
            title={t('nav.customers')}
            columns={columns}
            channel="customers.list"
            recordKind="customers"
            input={input}
            exportValues={custom.exportValues}
          />
        }
      />

      <SimpleGrid cols={{ base: 2, md: 4, xl: 7 }} spacing="xs">
        <KeywordInput ns="customers" value={list.keyword} onChange={list.setKeyword} />
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
        <CustomFieldFilter filter={custom} />
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
        columns={columns}
      />
    </Stack>
  );
}

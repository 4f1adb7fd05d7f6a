import { Anchor, Button, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { DataTable, type DataTableSortStatus } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { BaseKind, CustomerRow, CustomerSortColumn } from '../../../src-main/contract';
import { useBaseLookup } from '../../lib/base-data';
import { formatDateTime } from '../../lib/format';
import { useCustomerList } from './queries';
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
type FilterField = (typeof filterFields)[number][0];

/** 浏览客户信息 and 查找客户: the list, its keyword box and filters. State lives in the URL. */
export function CustomerList() {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const [params, setParams] = useSearchParams();
  const [keyword, setKeyword] = useState(params.get('q') ?? '');
  const [debouncedKeyword] = useDebouncedValue(keyword, 250);
  const [selected, setSelected] = useState<CustomerRow[]>([]);
  const confirmDelete = useDeleteCustomersFlow();

  const page = Number(params.get('page') ?? 1) || 1;
  const sort: DataTableSortStatus<CustomerRow> = {
    columnAccessor: (params.get('sort') as CustomerSortColumn | null) ?? 'code',
    direction: params.get('dir') === 'asc' ? 'asc' : 'desc',
  };
  const filters = Object.fromEntries(
    filterFields.flatMap(([field]) => (params.get(field) ? [[field, Number(params.get(field))]] : [])),
  ) as Partial<Record<FilterField, number>>;

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const query = useCustomerList({
    keyword: debouncedKeyword || undefined,
    ...filters,
    sort: { column: sort.columnAccessor as CustomerSortColumn, direction: sort.direction },
    page,
    pageSize: PAGE_SIZE,
  });
  const rows = query.data?.rows ?? [];
  const total = query.data?.total ?? 0;

  const baseColumn = (accessor: keyof CustomerRow, sortKey: CustomerSortColumn, field: string) => ({
    accessor: sortKey,
    title: t(`fields.${field}`),
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
            onClick={() => confirmDelete(selected, () => setSelected([]))}
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
          value={keyword}
          onChange={(e) => {
            setKeyword(e.currentTarget.value);
            update({ q: e.currentTarget.value });
          }}
          type="search"
        />
        {filterFields.map(([field, kind]) => (
          <Select
            key={field}
            label={t(`fields.${field}`)}
            data={lookup.options(kind)}
            value={params.get(field)}
            onChange={(v) => update({ [field]: v })}
            clearable
            searchable
          />
        ))}
      </SimpleGrid>

      <Text size="sm" c="dimmed" aria-live="polite">
        {t('customers.total', { count: total })}
      </Text>

      <DataTable<CustomerRow>
        aria-label={t('customers.list')}
        withTableBorder
        borderRadius="sm"
        striped
        highlightOnHover
        minHeight={240}
        records={rows}
        fetching={query.isFetching && !query.data}
        totalRecords={total}
        recordsPerPage={PAGE_SIZE}
        page={page}
        onPageChange={(p) => update({ page: String(p) })}
        paginationText={({ from, to, totalRecords }) => t('common.page', { from, to, total: totalRecords })}
        noRecordsText={t('customers.empty')}
        sortStatus={sort}
        onSortStatusChange={(s) => update({ sort: s.columnAccessor, dir: s.direction })}
        selectedRecords={selected}
        onSelectedRecordsChange={setSelected}
        getRecordSelectionCheckboxProps={(r) => ({
          'aria-label': t('customers.selectRow', { name: r.name }),
        })}
        allRecordsSelectionCheckboxProps={{ 'aria-label': t('customers.selectAll') }}
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
          baseColumn('typeId', 'type', 'typeId'),
          baseColumn('levelId', 'level', 'levelId'),
          baseColumn('stageId', 'stage', 'stageId'),
          baseColumn('industryId', 'industry', 'industryId'),
          baseColumn('regionId', 'region', 'regionId'),
          baseColumn('ownerId', 'owner', 'ownerId'),
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

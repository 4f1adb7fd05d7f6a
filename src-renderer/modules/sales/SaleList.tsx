import type { DataTableColumn } from 'mantine-datatable';
import { Anchor, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  isoDate,
  saleStatuses,
  type SaleRow,
  type SaleStatus,
  type saleSortColumns,
} from '../../../src-main/contract';
import { CustomFieldFilter } from '../../components/CustomFieldFilter';
import { DateField } from '../../components/DateField';
import { KeywordInput, ListHeader } from '../../components/ListHeader';
import { RecordTable } from '../../components/RecordTable';
import { useBaseLookup } from '../../lib/base-data';
import { useCustomList } from '../../lib/custom-fields';
import { useListParams } from '../../lib/list-params';
import { formatMoney, toYuan } from '../../lib/money';
import { useChannelQuery } from '../../lib/queries';
import { ListExport } from '../../components/ExportMenu';
import { SaleStatusBadge, useStatusOptions } from './status';
import { useDeleteSalesFlow } from './useDeleteSalesFlow';

type SaleSortColumn = (typeof saleSortColumns)[number];
const PAGE_SIZE = 50;
const filters = ['status', 'ownerId', 'dateFrom', 'dateTo'] as const;

/** A date from the URL, or nothing while it is half typed or not a date. */
const dateOrUndefined = (v: unknown) => (isoDate.safeParse(v).success ? (v as string) : undefined);

/** 浏览 and 查找 sales: the list, its keyword box and filters. State lives in the URL. */
export function SaleList() {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const statusOptions = useStatusOptions();
  const list = useListParams<SaleSortColumn, (typeof filters)[number]>({
    defaultSort: { column: 'saleDate', direction: 'desc' },
    filters,
    textFilters: ['status', 'dateFrom', 'dateTo'],
  });
  const [selected, setSelected] = useState<SaleRow[]>([]);
  const confirmDelete = useDeleteSalesFlow();
  const custom = useCustomList<SaleRow>('sales');

  const status = list.filters.status as string | undefined;
  const input = {
    keyword: list.debouncedKeyword || undefined,
    status: saleStatuses.includes(status as SaleStatus) ? (status as SaleStatus) : undefined,
    ownerId: (list.filters.ownerId as number | undefined) || undefined,
    dateFrom: dateOrUndefined(list.filters.dateFrom),
    dateTo: dateOrUndefined(list.filters.dateTo),
    customFilters: custom.customFilters,
    sort: list.sort,
  };
  const query = useChannelQuery(
    'sales.list',
    { ...input, page: list.page, pageSize: PAGE_SIZE },
    { enabled: custom.ready },
  );
  const total = query.data?.total ?? 0;
  const field = (f: string) => t(`sales.fields.${f}`);
  const money = (cents: number) => formatMoney(cents, i18n.language);

  const columns: DataTableColumn<SaleRow>[] = [
    {
      accessor: 'code',
      title: field('code'),
      sortable: true,
      width: 110,
      render: (r) => (
        <Anchor component={Link} to={`/sales/${r.id}`} size="sm">
          {r.code}
        </Anchor>
      ),
    },
    { accessor: 'saleDate', title: field('saleDate'), sortable: true, width: 120 },
    {
      accessor: 'customer',
      title: field('customerId'),
      sortable: true,
      render: (r) => (
        <Anchor component={Link} to={`/customers/${r.customerId}`} size="sm">
          {r.customerName}
        </Anchor>
      ),
    },
    {
      accessor: 'amount',
      title: field('amount'),
      sortable: true,
      textAlign: 'right',
      render: (r) => money(r.amount),
    },
    {
      accessor: 'amountReceived',
      title: field('amountReceived'),
      sortable: true,
      textAlign: 'right',
      render: (r) => money(r.amountReceived),
    },
    {
      accessor: 'status',
      title: field('status'),
      sortable: true,
      render: (r) => <SaleStatusBadge status={r.status} />,
    },
    { accessor: 'ownerId', title: field('ownerId'), render: (r) => lookup.name(r.ownerId) },
    ...custom.columns,
  ];

  return (
    <Stack gap="sm">
      <ListHeader
        ns="sales"
        selectedCount={selected.length}
        onDeleteSelected={() => confirmDelete(selected, () => setSelected([]))}
        addPath="/sales/new"
        importKind="sales"
        extra={
          <ListExport
            title={t('nav.sales')}
            columns={columns}
            channel="sales.list"
            recordKind="sales"
            input={input}
            exportValues={{
              ...custom.exportValues,
              amount: (r) => toYuan(r.amount),
              amountReceived: (r) => toYuan(r.amountReceived),
              status: (r) => t(`sales.status.${r.status}`),
            }}
          />
        }
      />

      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="xs">
        <KeywordInput ns="sales" value={list.keyword} onChange={list.setKeyword} />
        <Select
          label={field('status')}
          data={statusOptions}
          value={list.filterValue('status')}
          onChange={(v) => list.setFilter('status', v)}
          clearable
        />
        <Select
          label={field('ownerId')}
          data={lookup.options('sales_rep')}
          value={list.filterValue('ownerId')}
          onChange={(v) => list.setFilter('ownerId', v)}
          clearable
          searchable
        />
        <DateField
          label={t('sales.filterDateFrom')}
          value={dateOrUndefined(list.filterValue('dateFrom')) ?? null}
          onChange={(d) => list.setFilter('dateFrom', d)}
          clearable
        />
        <DateField
          label={t('sales.filterDateTo')}
          value={dateOrUndefined(list.filterValue('dateTo')) ?? null}
          onChange={(d) => list.setFilter('dateTo', d)}
          clearable
        />
        <CustomFieldFilter filter={custom} />
      </SimpleGrid>

      <Text size="sm" c="dimmed" aria-live="polite">
        {t('sales.total', { count: total })}
      </Text>

      <RecordTable<SaleRow>
        label={t('sales.list')}
        rows={query.data?.rows ?? []}
        total={total}
        page={list.page}
        pageSize={PAGE_SIZE}
        onPageChange={list.setPage}
        sortStatus={list.sortStatus<SaleRow>()}
        onSortStatusChange={list.setSort}
        loading={query.isFetching && !query.data}
        emptyText={t('sales.empty')}
        selected={selected}
        onSelectedChange={setSelected}
        selectLabel={(r) => t('sales.selectRow', { code: r.code })}
        selectAllLabel={t('sales.selectAll')}
        columns={columns}
      />
    </Stack>
  );
}

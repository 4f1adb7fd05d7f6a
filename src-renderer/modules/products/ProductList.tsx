import { Anchor, Badge, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import type { DataTableColumn } from 'mantine-datatable';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ProductRow, productSortColumns } from '../../../src-main/contract';
import { ListExport } from '../../components/ExportMenu';
import { KeywordInput, ListHeader } from '../../components/ListHeader';
import { RecordTable } from '../../components/RecordTable';
import { useBaseLookup } from '../../lib/base-data';
import { formatDateTime } from '../../lib/format';
import { useListParams } from '../../lib/list-params';
import { formatMoney, toYuan } from '../../lib/money';
import { useChannelQuery } from '../../lib/queries';
import { useDeleteProductsFlow } from './useDeleteProductsFlow';

const PAGE_SIZE = 50;

/** 浏览产品 and 查找产品: the list, its keyword box, category and status filters. State lives in the URL. */
export function ProductList() {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const list = useListParams<(typeof productSortColumns)[number], 'categoryId' | 'active'>({
    defaultSort: { column: 'code', direction: 'asc' },
    filters: ['categoryId', 'active'],
    textFilters: ['active'],
  });
  const [selected, setSelected] = useState<ProductRow[]>([]);
  const confirmDelete = useDeleteProductsFlow();
  const active = list.filterValue('active');

  const input = {
    keyword: list.debouncedKeyword || undefined,
    categoryId: list.filters.categoryId as number | undefined,
    active: active === 'true' ? true : active === 'false' ? false : undefined,
    sort: list.sort,
  };
  const query = useChannelQuery('products.list', { ...input, page: list.page, pageSize: PAGE_SIZE });
  const total = query.data?.total ?? 0;
  const field = (f: string) => t(`products.fields.${f}`);
  const money = (cents: number) => formatMoney(cents, i18n.language);

  const columns: DataTableColumn<ProductRow>[] = [
    { accessor: 'code', title: field('code'), sortable: true, width: 100 },
    {
      accessor: 'name',
      title: field('name'),
      sortable: true,
      render: (r) => (
        <Anchor component={Link} to={`/products/${r.id}`} size="sm">
          {r.name}
        </Anchor>
      ),
    },
    {
      accessor: 'category',
      title: field('categoryId'),
      sortable: true,
      render: (r) => lookup.name(r.categoryId),
    },
    { accessor: 'unit', title: field('unit') },
    {
      accessor: 'listPrice',
      title: field('listPrice'),
      sortable: true,
      textAlign: 'right',
      render: (r) => money(r.listPrice),
    },
    {
      accessor: 'cost',
      title: field('cost'),
      sortable: true,
      textAlign: 'right',
      render: (r) => money(r.cost),
    },
    {
      accessor: 'active',
      title: field('active'),
      render: (r) => (
        <Badge size="sm" variant="light" color={r.active ? 'green' : 'gray'}>
          {t(r.active ? 'products.activeYes' : 'products.activeNo')}
        </Badge>
      ),
    },
    {
      accessor: 'updatedAt',
      title: field('updatedAt'),
      sortable: true,
      render: (r) => formatDateTime(r.updatedAt),
    },
  ];

  return (
    <Stack gap="sm">
      <ListHeader
        ns="products"
        selectedCount={selected.length}
        onDeleteSelected={() => confirmDelete(selected, () => setSelected([]))}
        addPath="/products/new"
        importKind="products"
        extra={
          <ListExport
            title={t('nav.products')}
            columns={columns}
            channel="products.list"
            recordKind="products"
            input={input}
            exportValues={{
              listPrice: (r) => toYuan(r.listPrice),
              cost: (r) => toYuan(r.cost),
              active: (r) => t(r.active ? 'common.yes' : 'common.no'),
            }}
          />
        }
      />

      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <KeywordInput ns="products" value={list.keyword} onChange={list.setKeyword} />
        <Select
          label={field('categoryId')}
          data={lookup.options('product_category')}
          value={list.filterValue('categoryId')}
          onChange={(v) => list.setFilter('categoryId', v)}
          clearable
          searchable
        />
        <Select
          label={t('products.statusFilter')}
          data={[
            { value: 'true', label: t('products.activeYes') },
            { value: 'false', label: t('products.activeNo') },
          ]}
          value={active}
          onChange={(v) => list.setFilter('active', v)}
          clearable
        />
      </SimpleGrid>

      <Text size="sm" c="dimmed" aria-live="polite">
        {t('products.total', { count: total })}
      </Text>

      <RecordTable<ProductRow>
        label={t('products.list')}
        rows={query.data?.rows ?? []}
        total={total}
        page={list.page}
        pageSize={PAGE_SIZE}
        onPageChange={list.setPage}
        sortStatus={list.sortStatus<ProductRow>()}
        onSortStatusChange={list.setSort}
        loading={query.isFetching && !query.data}
        emptyText={t('products.empty')}
        selected={selected}
        onSelectedChange={setSelected}
        selectLabel={(r) => t('products.selectRow', { name: r.name })}
        selectAllLabel={t('products.selectAll')}
        columns={columns}
      />
    </Stack>
  );
}

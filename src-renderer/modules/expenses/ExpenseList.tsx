import { Select, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { expenseSortColumns, id as idSchema, isoDate, type ExpenseRow } from '../../../src-main/contract';
import { DateField } from '../../components/DateField';
import { RecordSelect } from '../../components/RecordSelect';
import { ListExport } from '../../components/ExportMenu';
import { ListHeader } from '../../components/ListHeader';
import { RecordTable } from '../../components/RecordTable';
import { useBaseLookup } from '../../lib/base-data';
import { useListParams } from '../../lib/list-params';
import { toYuan } from '../../lib/money';
import { useChannelQuery } from '../../lib/queries';
import { ExpenseSum, useExpenseColumns } from './ExpensesTable';
import { useDeleteExpensesFlow } from './useDeleteExpensesFlow';
import { useExpenseItem } from './useExpenseItem';

type SortColumn = (typeof expenseSortColumns)[number];
const PAGE_SIZE = 50;
const filters = ['categoryId', 'customerId', 'ownerId', 'dateFrom', 'dateTo'] as const;

/** A date from the URL, or nothing while it is half typed or not a date. */
const dateOrUndefined = (v: unknown) => (isoDate.safeParse(v).success ? (v as string) : undefined);
/** An id from the URL, or nothing when it is not one. */
const idOrUndefined = (v: unknown) => (idSchema.safeParse(v).success ? (v as number) : undefined);

/** 浏览费用: the list, its filters and the total of everything they select. State lives in the URL. */
export function ExpenseList() {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const item = useExpenseItem();
  const list = useListParams<SortColumn, (typeof filters)[number]>({
    defaultSort: { column: 'expenseDate', direction: 'desc' },
    filters,
    textFilters: ['dateFrom', 'dateTo'],
  });
  const [selected, setSelected] = useState<ExpenseRow[]>([]);
  const confirmDelete = useDeleteExpensesFlow();
  const columns = useExpenseColumns();

  const customerId = idOrUndefined(list.filters.customerId);
  // The chosen customer's name for the picker, when the page opens with one in the URL.
  const customer = useChannelQuery('customers.get', { id: customerId ?? 1 }, { enabled: customerId != null });
  const input = {
    categoryId: idOrUndefined(list.filters.categoryId),
    customerId,
    ownerId: idOrUndefined(list.filters.ownerId),
    dateFrom: dateOrUndefined(list.filters.dateFrom),
    dateTo: dateOrUndefined(list.filters.dateTo),
    // A sort the URL names that the list does not have falls back to the newest first.
    sort: expenseSortColumns.includes(list.sort.column)
      ? list.sort
      : ({ column: 'expenseDate', direction: 'desc' } as const),
  };
  const query = useChannelQuery('expenses.list', { ...input, page: list.page, pageSize: PAGE_SIZE });
  const customerLabel =
    customer.data && customer.data.id === customerId
      ? `${customer.data.name}（${customer.data.code}）`
      : null;

  return (
    <Stack gap="sm">
      <ListHeader
        ns="expenses"
        selectedCount={selected.length}
        onDeleteSelected={() => confirmDelete(selected, () => setSelected([]))}
        addPath="/expenses/new"
        importKind="expenses"
        extra={
          <ListExport
            title={t('nav.expenses')}
            columns={columns}
            channel="expenses.list"
            recordKind="expenses"
            input={input}
            exportValues={{ amount: (r) => toYuan(r.amount) }}
          />
        }
      />

      <SimpleGrid cols={{ base: 2, md: 5 }} spacing="xs">
        <Select
          label={t('expenses.filterCategory')}
          data={lookup.options('expense_category')}
          value={list.filterValue('categoryId')}
          onChange={(v) => list.setFilter('categoryId', v)}
          clearable
        />
        <RecordSelect
          // Remounted once the name of a customer given in the URL is known.
          key={customerLabel ?? 'customer'}
          source="customers"
          label={t('expenses.filterCustomer')}
          value={customerId ?? null}
          initialLabel={customerLabel}
          onChange={(id) => list.setFilter('customerId', id == null ? null : String(id))}
        />
        <Select
          label={t('expenses.filterOwner')}
          data={lookup.options('sales_rep')}
          value={list.filterValue('ownerId')}
          onChange={(v) => list.setFilter('ownerId', v)}
          clearable
          searchable
        />
        <DateField
          label={t('expenses.filterDateFrom')}
          value={dateOrUndefined(list.filterValue('dateFrom')) ?? null}
          onChange={(d) => list.setFilter('dateFrom', d)}
          clearable
        />
        <DateField
          label={t('expenses.filterDateTo')}
          value={dateOrUndefined(list.filterValue('dateTo')) ?? null}
          onChange={(d) => list.setFilter('dateTo', d)}
          clearable
        />
      </SimpleGrid>

      <ExpenseSum page={query.data} />

      <RecordTable<ExpenseRow>
        label={t('expenses.list')}
        rows={query.data?.rows ?? []}
        total={query.data?.total ?? 0}
        page={list.page}
        pageSize={PAGE_SIZE}
        onPageChange={list.setPage}
        sortStatus={list.sortStatus<ExpenseRow>()}
        onSortStatusChange={list.setSort}
        loading={query.isFetching && !query.data}
        emptyText={t('expenses.empty')}
        selected={selected}
        onSelectedChange={setSelected}
        selectLabel={(r) => t('expenses.selectRow', { item: item(r) })}
        selectAllLabel={t('expenses.selectAll')}
        columns={columns}
      />
    </Stack>
  );
}

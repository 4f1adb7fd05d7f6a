import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { DataTableColumn, DataTableSortStatus } from 'mantine-datatable';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExpensePage, ExpenseRow, expenseSortColumns } from '../../../src-main/contract';
import { RecordTable } from '../../components/RecordTable';
import { useBaseLookup } from '../../lib/base-data';
import { formatMoney } from '../../lib/money';
import { useChannelQuery } from '../../lib/queries';

type SortColumn = (typeof expenseSortColumns)[number];
type Column = 'customer' | 'opportunity';

const PAGE_SIZE = 20;

/**
 * The columns of every expense table: date (opens the expense), category, amount, customer,
 * opportunity, description and owner. `hide` leaves out the one a tab already names.
 */
export function useExpenseColumns(hide?: Column): DataTableColumn<ExpenseRow>[] {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const field = (f: string) => t(`expenses.fields.${f}`);
  const columns: (DataTableColumn<ExpenseRow> & { key?: Column })[] = [
    {
      accessor: 'expenseDate',
      title: field('expenseDate'),
      sortable: true,
      width: 120,
      render: (r) => (
        <Anchor component={Link} to={`/expenses/${r.id}`} size="sm">
          {r.expenseDate}
        </Anchor>
      ),
    },
    {
      accessor: 'category',
      title: field('categoryId'),
      sortable: true,
      width: 110,
      render: (r) => lookup.name(r.categoryId),
    },
    {
      accessor: 'amount',
      title: field('amount'),
      sortable: true,
      textAlign: 'right',
      width: 140,
      render: (r) => formatMoney(r.amount, i18n.language),
    },
    {
      key: 'customer',
      accessor: 'customer',
      title: field('customerId'),
      sortable: true,
      render: (r) =>
        r.customerId != null && (
          <Anchor component={Link} to={`/customers/${r.customerId}?tab=expenses`} size="sm" c="inherit">
            {r.customerName}
          </Anchor>
        ),
    },
    {
      key: 'opportunity',
      accessor: 'opportunityTitle',
      title: field('opportunityId'),
      render: (r) =>
        r.opportunityId != null && (
          <Anchor
            component={Link}
            to={`/opportunities/${r.opportunityId}?tab=expenses`}
            size="sm"
            c="inherit"
          >
            {r.opportunityTitle}
          </Anchor>
        ),
    },
    {
      accessor: 'description',
      title: field('description'),
      ellipsis: true,
      render: (r) => <span title={r.description ?? undefined}>{r.description}</span>,
    },
    { accessor: 'ownerId', title: field('ownerId'), width: 100, render: (r) => lookup.name(r.ownerId) },
  ];
  return columns.filter((c) => !c.key || c.key !== hide).map(({ key: _key, ...c }) => c);
}

/** 合计：¥12,345.00（共 N 笔）: the sum of everything the filter selects, not just this page. */
export function ExpenseSum({ page }: { page: ExpensePage | undefined }) {
  const { t, i18n } = useTranslation();
  return (
    <Text
      size="lg"
      fw={600}
      role="status"
      aria-label={t('expenses.sumLabel')}
      aria-live="polite"
      style={{ visibility: page ? undefined : 'hidden' }}
    >
      {t('expenses.sum', {
        count: page?.total ?? 0,
        amount: formatMoney(page?.totalAmount ?? 0, i18n.language),
      })}
    </Text>
  );
}

/**
 * One customer's or one opportunity's expenses with their total: the 费用 tab of the customer and
 * opportunity pages. `actions` go beside the total (新建费用记录 for this record).
 */
export function ExpensesTable({
  where,
  hide,
  actions,
}: {
  where: { customerId: number } | { opportunityId: number };
  hide?: Column;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState<DataTableSortStatus<ExpenseRow>>({
    columnAccessor: 'expenseDate',
    direction: 'desc',
  });
  const query = useChannelQuery('expenses.list', {
    ...where,
    sort: { column: sort.columnAccessor as SortColumn, direction: sort.direction },
    page,
    pageSize: PAGE_SIZE,
  });
  const columns = useExpenseColumns(hide);

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <ExpenseSum page={query.data} />
        {actions}
      </Group>
      <RecordTable<ExpenseRow>
        label={t('expenses.list')}
        rows={query.data?.rows ?? []}
        total={query.data?.total ?? 0}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        sortStatus={sort}
        onSortStatusChange={(s) => {
          setSort(s);
          setPage(1);
        }}
        loading={query.isFetching && !query.data}
        emptyText={t('expenses.empty')}
        columns={columns}
      />
    </Stack>
  );
}

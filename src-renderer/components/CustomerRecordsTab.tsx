import { Group, Stack } from '@mantine/core';
import type { DataTableColumn, DataTableSortStatus } from 'mantine-datatable';
import { useState, type ReactNode } from 'react';
import type { Channel, ChannelInput, ChannelResult, Page } from '../../src-main/contract';
import { useChannelQuery } from '../lib/queries';
import { RecordTable } from './RecordTable';

const PAGE_SIZE = 20;

/** The list channels that narrow to one customer, sort, and answer with a page of records. */
type CustomerListChannel = {
  [C in Channel]: 'customerId' | 'sort' extends keyof ChannelInput<C>
    ? ChannelResult<C> extends Page<{ id: number }>
      ? C
      : never
    : never;
}[Channel];

type RowOf<C extends CustomerListChannel> =
  ChannelResult<C> extends Page<infer R extends { id: number }> ? R : never;

/**
 * A customer page's tab of one kind of record: that customer's records, a page at a time and
 * sortable (another sort goes back to the first page), under `summary` (given how many there are)
 * and `addButton`. `children` come after the table, e.g. the dialog the button opens.
 */
export function CustomerRecordsTab<C extends CustomerListChannel>({
  channel,
  customerId,
  defaultSort,
  label,
  emptyText,
  columns,
  summary,
  addButton,
  children,
}: {
  channel: C;
  customerId: number;
  defaultSort: DataTableSortStatus<RowOf<C>>;
  /** The table's accessible name. */
  label: string;
  emptyText: string;
  columns: DataTableColumn<RowOf<C>>[];
  summary: (total: number) => ReactNode;
  addButton: ReactNode;
  children?: ReactNode;
}) {
  const [page, setPage] = useState(1);
  const [sort, setSort] = useState(defaultSort);
  const query = useChannelQuery(channel, {
    customerId,
    sort: { column: sort.columnAccessor, direction: sort.direction },
    page,
    pageSize: PAGE_SIZE,
  } as ChannelInput<C>);
  const data = query.data as Page<RowOf<C>> | undefined;
  const total = data?.total ?? 0;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        {summary(total)}
        {addButton}
      </Group>
      <RecordTable<RowOf<C>>
        label={label}
        rows={data?.rows ?? []}
        total={total}
        page={page}
        pageSize={PAGE_SIZE}
        onPageChange={setPage}
        sortStatus={sort}
        onSortStatusChange={(s) => {
          setSort(s);
          setPage(1);
        }}
        loading={query.isFetching && !data}
        emptyText={emptyText}
        columns={columns}
      />
      {children}
    </Stack>
  );
}

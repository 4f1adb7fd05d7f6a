import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';

/**
 * Every record list's table: server-side paging and sorting, optional row selection with
 * named checkboxes, texts in the user's language.
 */
export function RecordTable<T extends { id: number }>(props: {
  label: string;
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
  onPageChange: (page: number) => void;
  sortStatus?: DataTableSortStatus<T>;
  onSortStatusChange?: (s: DataTableSortStatus<T>) => void;
  columns: DataTableColumn<T>[];
  loading?: boolean;
  emptyText: string;
  selected?: T[];
  onSelectedChange?: (rows: T[]) => void;
  /** The accessible name of a row's checkbox, e.g. "选择 北京华信". */
  selectLabel?: (row: T) => string;
  selectAllLabel?: string;
}) {
  const { t } = useTranslation();
  const selection =
    props.selected && props.onSelectedChange
      ? {
          selectedRecords: props.selected,
          onSelectedRecordsChange: props.onSelectedChange,
          getRecordSelectionCheckboxProps: (r: T) => ({
            'aria-label': props.selectLabel?.(r) ?? String(r.id),
          }),
          allRecordsSelectionCheckboxProps: { 'aria-label': props.selectAllLabel ?? '' },
        }
      : {};
  return (
    <DataTable<T>
      aria-label={props.label}
      withTableBorder
      borderRadius="sm"
      striped
      highlightOnHover
      minHeight={props.rows.length ? undefined : 200}
      records={props.rows}
      fetching={props.loading}
      totalRecords={props.total}
      recordsPerPage={props.pageSize}
      page={props.page}
      onPageChange={props.onPageChange}
      paginationText={({ from, to, totalRecords }) => t('common.page', { from, to, total: totalRecords })}
      noRecordsText={props.emptyText}
      sortStatus={props.sortStatus as DataTableSortStatus<T>}
      onSortStatusChange={props.onSortStatusChange}
      columns={props.columns}
      {...selection}
    />
  );
}

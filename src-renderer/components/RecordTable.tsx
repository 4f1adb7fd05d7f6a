import { DataTable, type DataTableColumn, type DataTableSortStatus } from 'mantine-datatable';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

const zh = {
  unsorted: '未排序',
  ascending: '升序排列',
  descending: '降序排列',
  first: '第一页',
  previous: '上一页',
  next: '下一页',
  last: '最后一页',
};
const en: typeof zh = {
  unsorted: 'Not sorted',
  ascending: 'Sorted ascending',
  descending: 'Sorted descending',
  first: 'First page',
  previous: 'Previous page',
  next: 'Next page',
  last: 'Last page',
};

/**
 * The table's own texts, added to the translations on first use: this file is imported while
 * ../i18n is still starting (it loads app/modules, whose lists import this), too early for that.
 */
function useTableTexts() {
  const { t, i18n } = useTranslation();
  if (!i18n.exists('recordTable.unsorted')) {
    i18n.addResourceBundle('zh-CN', 'translation', { recordTable: zh }, true, false);
    i18n.addResourceBundle('en', 'translation', { recordTable: en }, true, false);
  }
  return { t, texts: t('recordTable', { returnObjects: true }) as typeof zh };
}

const SORTED = 'mantine-datatable-header-cell-sortable-icon';
const UNSORTED = 'mantine-datatable-header-cell-sortable-unsorted-icon';

/**
 * Names the header's sort icons in the user's language. mantine-datatable 9.4 writes them in
 * English ("Not sorted", "Sorted ascending", "Sorted descending") on the icon's wrapper, and has
 * no prop for them (`sortIcons` only replaces the picture; icflorescu/mantine-datatable#844), so
 * a screen reader on a Chinese screen heard English. The state is read from the wrapper's class,
 * which the table sets, and the name is written again whenever the header changes.
 */
function useSortIconLabels(root: HTMLTableElement | null, labels: typeof zh) {
  const { unsorted, ascending, descending } = labels;
  useEffect(() => {
    if (!root) return;
    const relabel = () => {
      for (const icon of root.querySelectorAll<HTMLElement>(`thead .${SORTED}, thead .${UNSORTED}`)) {
        const label = icon.classList.contains(UNSORTED)
          ? unsorted
          : icon.classList.contains(`${SORTED}-reversed`)
            ? descending
            : ascending;
        if (icon.getAttribute('aria-label') !== label) icon.setAttribute('aria-label', label);
      }
    };
    relabel();
    const observer = new MutationObserver(relabel);
    observer.observe(root, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['aria-label', 'class'],
    });
    return () => observer.disconnect();
  }, [root, unsorted, ascending, descending]);
}

/**
 * Every record list's table: server-side paging and sorting, optional row selection with
 * named checkboxes, texts in the user's language (the sort icons' and the page buttons' too).
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
  const { t, texts } = useTableTexts();
  const [table, setTable] = useState<HTMLTableElement | null>(null);
  useSortIconLabels(table, texts);
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
      tableRef={setTable}
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
      getPaginationControlProps={(control) => ({ 'aria-label': texts[control] })}
      noRecordsText={props.emptyText}
      sortStatus={props.sortStatus as DataTableSortStatus<T>}
      onSortStatusChange={props.onSortStatusChange}
      columns={props.columns}
      {...selection}
    />
  );
}

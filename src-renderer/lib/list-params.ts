import { useDebouncedValue } from '@mantine/hooks';
import type { DataTableSortStatus } from 'mantine-datatable';
import { useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * A list's state in the URL (page, sort, keyword, filters), so Back and a reload keep it.
 * `filters` names the URL keys that hold filter values.
 */
export function useListParams<Sort extends string, F extends string>(opts: {
  defaultSort: { column: Sort; direction: 'asc' | 'desc' };
  filters: readonly F[];
  /** Filter values from the URL are ids unless named here (kept as strings). */
  textFilters?: readonly F[];
}) {
  const [params, setParams] = useSearchParams();
  const [keyword, setKeywordState] = useState(params.get('q') ?? '');
  const [debouncedKeyword] = useDebouncedValue(keyword, 250);

  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null || v === '') next.delete(k);
      else next.set(k, v);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const filters = {} as Partial<Record<F, number | string>>;
  for (const f of opts.filters) {
    const v = params.get(f);
    if (v) filters[f] = opts.textFilters?.includes(f) ? v : Number(v);
  }
  const sortColumn = (params.get('sort') as Sort | null) ?? opts.defaultSort.column;
  const direction: 'asc' | 'desc' =
    params.get('dir') === 'asc' || params.get('dir') === 'desc'
      ? (params.get('dir') as 'asc' | 'desc')
      : opts.defaultSort.direction;

  return {
    page: Number(params.get('page') ?? 1) || 1,
    keyword,
    debouncedKeyword,
    setKeyword: (v: string) => {
      setKeywordState(v);
      update({ q: v });
    },
    filters,
    filterValue: (f: F) => params.get(f),
    setFilter: (f: F, v: string | null) => update({ [f]: v }),
    sort: { column: sortColumn, direction },
    sortStatus: <T>(): DataTableSortStatus<T> => ({ columnAccessor: sortColumn, direction }),
    setSort: (s: { columnAccessor: string; direction: 'asc' | 'desc' }) =>
      update({ sort: s.columnAccessor, dir: s.direction }),
    setPage: (p: number) => update({ page: String(p) }),
  };
}

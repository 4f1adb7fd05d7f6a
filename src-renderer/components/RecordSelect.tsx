import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import type { ChannelInput } from '../../src-main/contract';
import { useChannelQuery } from '../lib/queries';

type Source = 'customers' | 'contacts' | 'products' | 'opportunities';

const labelOf: Record<Source, (r: Record<string, unknown>) => string> = {
  customers: (r) => `${r.name as string}（${r.code as string}）`,
  contacts: (r) => r.name as string,
  products: (r) => `${r.name as string}（${r.code as string}）`,
  opportunities: (r) => `${r.title as string}（${r.code as string}）`,
};

/**
 * Picks a record by typing part of its name: the list is searched in the main process (the same
 * substring search as the list pages), 20 at a time. `where` narrows it, e.g. to one customer's
 * contacts or to active products.
 */
export function RecordSelect({
  source,
  value,
  onChange,
  where,
  initialLabel,
  onPick,
  ...props
}: Omit<SelectProps, 'value' | 'onChange' | 'data'> & {
  source: Source;
  value: number | null;
  onChange: (id: number | null) => void;
  where?: Record<string, unknown>;
  /** The label of the current value when it is not among the search results (e.g. in an edit form). */
  initialLabel?: string | null;
  /** Called with the whole chosen row (e.g. a product's list price). */
  onPick?: (row: Record<string, unknown>) => void;
}) {
  const [search, setSearch] = useState('');
  // The chosen record's label; typing it back into the box is not a new search.
  const [chosenLabel, setChosenLabel] = useState(initialLabel ?? null);
  const [keyword] = useDebouncedValue(search === chosenLabel ? '' : search, 200);
  const query = useChannelQuery(`${source}.list`, {
    ...where,
    keyword: keyword || undefined,
    page: 1,
    pageSize: 20,
  } as ChannelInput<`${Source}.list`>);
  const rows = (query.data?.rows ?? []) as unknown as Record<string, unknown>[];
  const data = rows.map((r) => ({ value: String(r.id), label: labelOf[source](r) }));
  if (value != null && chosenLabel && !data.some((d) => d.value === String(value))) {
    data.unshift({ value: String(value), label: chosenLabel });
  }
  return (
    <Select
      {...props}
      data={data}
      value={value == null ? null : String(value)}
      onChange={(v, option) => {
        setChosenLabel(option?.label ?? null);
        const row = rows.find((r) => String(r.id) === v);
        if (row) onPick?.(row);
        onChange(v ? Number(v) : null);
      }}
      searchable
      clearable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
    />
  );
}

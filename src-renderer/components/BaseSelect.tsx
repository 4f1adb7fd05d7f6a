import { Select } from '@mantine/core';
import type { ReactNode } from 'react';
import type { BaseKind } from '../../src-main/contract';
import { useBaseLookup } from '../lib/base-data';

/**
 * A pick from one base-data list (基础数据): its active entries, plus the one the record holds
 * when that was since made inactive, so an edit shows it and can keep it.
 */
export function BaseSelect({
  kind,
  label,
  value,
  onChange,
  error,
  required = false,
}: {
  kind: BaseKind;
  label: string;
  value: number | null;
  onChange: (id: number | null) => void;
  error?: ReactNode;
  required?: boolean;
}) {
  const lookup = useBaseLookup();
  const options = lookup.options(kind);
  const data =
    value != null && !options.some((o) => o.value === String(value))
      ? [{ value: String(value), label: lookup.name(value) }, ...options]
      : options;
  return (
    <Select
      label={label}
      withAsterisk={required}
      data={data}
      value={value == null ? null : String(value)}
      onChange={(v) => onChange(v ? Number(v) : null)}
      error={error}
      clearable={!required}
      allowDeselect={!required}
      searchable
    />
  );
}

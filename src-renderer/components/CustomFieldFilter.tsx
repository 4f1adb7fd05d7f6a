import { NumberInput, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isoDate, type CustomField } from '../../src-main/contract';
import type { CustomListState } from '../lib/custom-fields';
import { DateField } from './DateField';

/** A custom text filter: typed freely, sent once typing pauses. */
function TextFilter({ field, filter }: { field: CustomField; filter: CustomListState }) {
  const { t } = useTranslation();
  const [text, setText] = useState(filter.value);
  const send = useDebouncedCallback((v: string) => filter.setValue(v), 250);
  return (
    <TextInput
      label={field.label}
      placeholder={t('customFields.filterContains')}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        send(e.currentTarget.value);
      }}
      type="search"
    />
  );
}

/** The value input(s) that fit the chosen field: a range for numbers and dates, a choice for the rest. */
function ValueFilter({ field, filter }: { field: CustomField; filter: CustomListState }) {
  const { t } = useTranslation();
  const range = (which: 'cmin' | 'cmax') => ({
    label: t(which === 'cmin' ? 'customFields.filterFrom' : 'customFields.filterTo', { label: field.label }),
    current: which === 'cmin' ? filter.min : filter.max,
  });
  switch (field.type) {
    case 'text':
      return <TextFilter key={field.id} field={field} filter={filter} />;
    case 'select':
    case 'multiselect':
    case 'checkbox':
      return (
        <Select
          label={field.label}
          data={
            field.type === 'checkbox'
              ? [
                  { value: 'yes', label: t('customFields.yes') },
                  { value: 'no', label: t('customFields.no') },
                ]
              : field.options
          }
          value={filter.value || null}
          onChange={filter.setValue}
          clearable
          searchable={field.type !== 'checkbox'}
        />
      );
    case 'number':
      return (['cmin', 'cmax'] as const).map((which) => {
        const { label, current } = range(which);
        return (
          <NumberInput
            key={which}
            label={label}
            value={current === '' || !Number.isFinite(Number(current)) ? '' : Number(current)}
            onChange={(v) => filter.setRange(which, String(v))}
          />
        );
      });
    case 'date':
      return (['cmin', 'cmax'] as const).map((which) => {
        const { label, current } = range(which);
        return (
          <DateField
            key={which}
            label={label}
            value={isoDate.safeParse(current).success ? current : null}
            onChange={(d) => filter.setRange(which, d)}
            clearable
          />
        );
      });
  }
}

/**
 * A list's filter on one custom field: pick the field, then give the value its type needs
 * (text contains, a choice, yes/no, or a from–to range). Cells of the list's filter grid.
 */
export function CustomFieldFilter({ filter }: { filter: CustomListState }) {
  const { t } = useTranslation();
  if (filter.fields.length === 0) return null;
  return (
    <>
      <Select
        label={t('customFields.filterField')}
        data={filter.fields.map((f) => ({ value: String(f.id), label: f.label }))}
        value={filter.field ? String(filter.field.id) : null}
        onChange={filter.setField}
        clearable
        searchable
      />
      {filter.field && <ValueFilter field={filter.field} filter={filter} />}
    </>
  );
}

import { Checkbox, Fieldset, Group, MultiSelect, Select, SimpleGrid, TextInput } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOM_TEXT_MAX, type CustomField } from '../../src-main/contract';
import { customFormValue, type CustomFormValue, type CustomFormValues } from '../lib/custom-fields';
import { checkChangedField, lengthLimitProps } from '../lib/forms';
import { DateField } from './DateField';
import { NumberField, type TypedNumber } from './NumberField';

/**
 * The part of a Mantine form these inputs use: values under `custom` (start it as `{}` or the
 * record's values), errors by `custom.<id>`.
 */
export interface CustomFieldsForm {
  values: { custom: CustomFormValues };
  errors: Record<string, ReactNode>;
  setFieldValue(path: string, value: CustomFormValue): void;
  isDirty(path: string): boolean;
  validateField(path: string): unknown;
}

/** A choice's options, with the value the record holds even if that option has since been removed. */
const choices = (options: string[], held: string[]) => [
  ...options,
  ...held.filter((v) => !options.includes(v)),
];

/**
 * 自定义字段: a record form's inputs for the kind's active custom fields, after the built-in
 * ones, each with the input its type needs. Nothing when the kind has none.
 */
export function CustomFieldInputs({ form, fields }: { form: CustomFieldsForm; fields: CustomField[] }) {
  const { t } = useTranslation();
  if (fields.length === 0) return null;

  const input = (f: CustomField) => {
    const path = `custom.${f.id}`;
    const value = customFormValue(f, form.values.custom);
    const set = (v: CustomFormValue) => form.setFieldValue(path, v);
    const common = {
      label: f.label,
      withAsterisk: f.required,
      error: form.errors[path],
      onBlur: () => checkChangedField(form, path),
    };
    switch (f.type) {
      case 'text':
        return (
          <TextInput
            {...common}
            {...lengthLimitProps(CUSTOM_TEXT_MAX, value)}
            value={value as string}
            onChange={(e) => set(e.currentTarget.value)}
          />
        );
      case 'number':
        return <NumberField {...common} value={value as TypedNumber} onChange={(v) => set(v)} />;
      case 'date':
        return (
          <DateField
            {...common}
            keepTyped
            value={value as string}
            onChange={(d) => set(d ?? '')}
            clearable={!f.required}
          />
        );
      case 'select':
        return (
          <Select
            {...common}
            data={choices(f.options, value == null ? [] : [String(value)])}
            value={value == null ? null : String(value)}
            onChange={(v) => set(v)}
            clearable
            searchable
          />
        );
      case 'multiselect':
        return (
          <MultiSelect
            {...common}
            data={choices(f.options, value as string[])}
            value={value as string[]}
            onChange={(v) => set(v)}
            clearable
            searchable
          />
        );
      case 'checkbox':
        return null;
    }
  };
  const checkboxes = fields.filter((f) => f.type === 'checkbox');

  return (
    <Fieldset legend={t('customFields.section')}>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
        {fields
          .filter((f) => f.type !== 'checkbox')
          .map((f) => (
            <Fragment key={f.id}>{input(f)}</Fragment>
          ))}
      </SimpleGrid>
      {checkboxes.length > 0 && (
        <Group mt="md" gap="xl">
          {checkboxes.map((f) => (
            <Checkbox
              key={f.id}
              label={f.label}
              checked={customFormValue(f, form.values.custom) === true}
              onChange={(e) => form.setFieldValue(`custom.${f.id}`, e.currentTarget.checked)}
              error={form.errors[`custom.${f.id}`]}
            />
          ))}
        </Group>
      )}
    </Fieldset>
  );
}

import { Fieldset, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Customer, CustomField } from '../../../src-main/contract';
import { CustomFieldInputs } from '../../components/CustomFieldInputs';
import { useBaseLookup } from '../../lib/base-data';
import { customToFormValues, type CustomFormValues } from '../../lib/custom-fields';
import { customerFieldSpecs, customerSections, type FieldSpec } from './fields';

/**
 * The editable fields of a customer, as the form holds them (text as '', references as id or
 * null), and its custom fields under `custom`.
 */
export type CustomerFormValues = Record<FieldSpec['name'], string | number | null> & {
  custom: CustomFormValues;
};

export function emptyCustomerValues(): CustomerFormValues {
  return {
    ...Object.fromEntries(customerFieldSpecs.map((f) => [f.name, f.kind === 'base' ? null : ''])),
    custom: {},
  } as CustomerFormValues;
}

export function customerToValues(c: Customer): CustomerFormValues {
  return {
    ...Object.fromEntries(
      customerFieldSpecs.map((f) => [f.name, c[f.name] ?? (f.kind === 'base' ? null : '')]),
    ),
    custom: customToFormValues(c.custom),
  } as CustomerFormValues;
}

/** The form fields shared by 增加客户 and 修改客户信息; the custom fields come last. */
export function CustomerInputs({
  form,
  customFields,
}: {
  form: UseFormReturnType<CustomerFormValues>;
  customFields: CustomField[];
}) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();

  const input = (f: FieldSpec) => {
    const label = t(`fields.${f.name}`);
    if (f.kind === 'base') {
      const props = form.getInputProps(f.name);
      return (
        <Select
          key={f.name}
          label={label}
          data={lookup.options(f.list)}
          value={props.value == null ? null : String(props.value)}
          onChange={(v) => form.setFieldValue(f.name, v ? Number(v) : null)}
          error={props.error}
          clearable
          searchable
        />
      );
    }
    if (f.kind === 'long') {
      return (
        <Textarea
          key={f.name}
          mt="sm"
          label={label}
          autosize
          minRows={2}
          maxRows={8}
          {...form.getInputProps(f.name)}
        />
      );
    }
    return (
      <TextInput
        key={f.name}
        label={label}
        withAsterisk={f.name === 'name'}
        data-autofocus={f.name === 'name' || undefined}
        {...form.getInputProps(f.name)}
      />
    );
  };

  return (
    <Stack gap="md">
      {customerSections.map((section) => (
        <Fieldset key={section.key} legend={t(`customers.sections.${section.key}`)}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
            {section.fields.filter((f) => f.kind !== 'long').map(input)}
          </SimpleGrid>
          {section.fields.filter((f) => f.kind === 'long').map(input)}
        </Fieldset>
      ))}
      <CustomFieldInputs form={form} fields={customFields} />
    </Stack>
  );
}

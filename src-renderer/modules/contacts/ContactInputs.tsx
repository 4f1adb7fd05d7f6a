import { Checkbox, Fieldset, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  contactCreateInput,
  genders,
  type Contact,
  type ContactCreateInput,
  type CustomField,
} from '../../../src-main/contract';
import { CustomFieldInputs } from '../../components/CustomFieldInputs';
import { DateField } from '../../components/DateField';
import { RecordSelect } from '../../components/RecordSelect';
import {
  customInput,
  customToFormValues,
  validateCustom,
  type CustomFormValues,
} from '../../lib/custom-fields';
import { schemaValidator } from '../../lib/errors';
import { dateFieldProps } from '../../lib/forms';

const textFields = [
  'name',
  'title',
  'department',
  'phone',
  'mobile',
  'email',
  'wechat',
  'qq',
  'address',
  'notes',
] as const;
type TextField = (typeof textFields)[number];

/** A contact as the form holds it: text as '', no customer or gender as null, birthday as '' or YYYY-MM-DD. */
export type ContactFormValues = Record<TextField, string> & {
  customerId: number | null;
  gender: (typeof genders)[number] | null;
  birthday: string;
  isPrimary: boolean;
  isDecisionMaker: boolean;
  custom: CustomFormValues;
};

export function emptyContactValues(customerId: number | null = null): ContactFormValues {
  return {
    ...(Object.fromEntries(textFields.map((f) => [f, ''])) as Record<TextField, string>),
    customerId,
    gender: null,
    birthday: '',
    isPrimary: false,
    isDecisionMaker: false,
    custom: {},
  };
}

export function contactToValues(c: Contact): ContactFormValues {
  return {
    ...(Object.fromEntries(textFields.map((f) => [f, c[f] ?? ''])) as Record<TextField, string>),
    customerId: c.customerId,
    gender: c.gender,
    birthday: c.birthday ?? '',
    isPrimary: c.isPrimary,
    isDecisionMaker: c.isDecisionMaker,
    custom: customToFormValues(c.custom),
  };
}

/**
 * The form's values as the contract takes them: an empty picker is a missing customer (so the
 * form says 必填), an empty date is no birthday. Once the form is valid, the customer is there.
 * `customFields` are the custom fields the form shows.
 */
export function contactInput(values: ContactFormValues, customFields: CustomField[]): ContactCreateInput {
  const { customerId, birthday, custom, ...rest } = values;
  return {
    ...rest,
    customerId: customerId ?? (undefined as unknown as number),
    birthday: birthday || null,
    custom: customInput(customFields, custom),
  };
}

/** Refuses in the form exactly what contacts.create would refuse, custom fields included. */
export function contactValidator(t: TFunction, customFields: CustomField[]) {
  const validate = schemaValidator<ContactCreateInput>(contactCreateInput, t);
  return (values: ContactFormValues) => ({
    ...validate(contactInput(values, customFields)),
    ...validateCustom(customFields, values.custom, t),
  });
}

/**
 * The inputs of 增加联系人 and 修改联系人信息. `customerLabel` names the current customer in an
 * edit form; `hideCustomer` leaves the customer out where it is given (a customer's contacts tab).
 */
export function ContactInputs({
  form,
  customFields,
  customerLabel,
  hideCustomer = false,
}: {
  form: UseFormReturnType<ContactFormValues>;
  customFields: CustomField[];
  customerLabel?: string | null;
  hideCustomer?: boolean;
}) {
  const { t } = useTranslation();
  const label = (f: keyof ContactFormValues) => t(`contacts.fields.${f}`);
  const text = (f: TextField) => (
    <TextInput
      key={f}
      label={label(f)}
      withAsterisk={f === 'name'}
      data-autofocus={f === 'name' || undefined}
      {...form.getInputProps(f)}
    />
  );
  const long = (f: 'address' | 'notes') => (
    <Textarea key={f} mt="sm" label={label(f)} autosize minRows={2} maxRows={8} {...form.getInputProps(f)} />
  );
  const customer = form.getInputProps('customerId');

  return (
    <Stack gap="md">
      <Fieldset legend={t('contacts.sections.basic')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {!hideCustomer && (
            <RecordSelect
              source="customers"
              label={label('customerId')}
              withAsterisk
              value={form.values.customerId}
              onChange={(id) => form.setFieldValue('customerId', id)}
              initialLabel={customerLabel}
              error={customer.error as string | undefined}
            />
          )}
          {text('name')}
          <Select
            label={label('gender')}
            data={genders.map((g) => ({ value: g, label: t(`contacts.gender.${g}`) }))}
            value={form.values.gender}
            onChange={(v) => form.setFieldValue('gender', v as ContactFormValues['gender'])}
            error={form.errors.gender}
            clearable
          />
          {text('title')}
          {text('department')}
          <DateField label={label('birthday')} clearable {...dateFieldProps(form, 'birthday')} />
        </SimpleGrid>
        <Group mt="md" gap="xl">
          <Checkbox label={label('isPrimary')} {...form.getInputProps('isPrimary', { type: 'checkbox' })} />
          <Checkbox
            label={label('isDecisionMaker')}
            {...form.getInputProps('isDecisionMaker', { type: 'checkbox' })}
          />
        </Group>
      </Fieldset>
      <Fieldset legend={t('contacts.sections.contact')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          {text('phone')}
          {text('mobile')}
          {text('email')}
          {text('wechat')}
          {text('qq')}
        </SimpleGrid>
        {long('address')}
      </Fieldset>
      <Fieldset legend={t('contacts.sections.other')}>{long('notes')}</Fieldset>
      <CustomFieldInputs form={form} fields={customFields} />
    </Stack>
  );
}

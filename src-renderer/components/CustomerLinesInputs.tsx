import { Fieldset, SimpleGrid, Stack, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../src-main/contract';
import type { CustomFormValues } from '../lib/custom-fields';
import { CustomFieldInputs } from './CustomFieldInputs';
import { FormLinesEditor, type LineDraft } from './LinesEditor';
import { RecordSelect } from './RecordSelect';

/** What a form with product lines for a customer holds, besides its own fields. */
export interface CustomerLinesValues {
  customerId: number | null;
  contactId: number | null;
  notes: string;
  lines: LineDraft[];
  custom: CustomFormValues;
}

/** What an opportunity's or a sale's inputs take, and hand on to CustomerLinesInputs. */
export interface CustomerLinesFormProps<V> {
  form: UseFormReturnType<V>;
  customFields: CustomField[];
  /** The current customer and contact's names in an edit form (or a customer given in the URL). */
  labels?: { customer?: string | null; contact?: string | null };
}

/**
 * The inputs of a record sold to a customer with product lines (an opportunity, a sale): 基本信息
 * starting with the customer and one of its contacts, 明细, 其他 with the notes, then the custom
 * fields. `kind` names the messages used (`<kind>.fields.*`, `<kind>.sections.*`,
 * `<kind>.pickCustomerFirst`); `basic` follows the contact in 基本信息, `beforeLines` and
 * `afterLines` are the kind's own sections.
 */
export function CustomerLinesInputs({
  form,
  customFields,
  labels = {},
  kind,
  autofocusCustomer = false,
  basic,
  beforeLines,
  afterLines,
}: CustomerLinesFormProps<CustomerLinesValues> & {
  kind: 'opportunities' | 'sales';
  /** Focus the customer picker while it is empty (the form has no other first input). */
  autofocusCustomer?: boolean;
  basic: ReactNode;
  beforeLines?: ReactNode;
  afterLines?: ReactNode;
}) {
  const { t } = useTranslation();
  const label = (f: string) => t(`${kind}.fields.${f}`);
  const { values } = form;

  return (
    <Stack gap="md">
      <Fieldset legend={t(`${kind}.sections.basic`)}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <RecordSelect
            source="customers"
            label={label('customerId')}
            withAsterisk
            data-autofocus={(autofocusCustomer && values.customerId == null) || undefined}
            value={values.customerId}
            onChange={(id) => {
              // Another customer's contacts are not this one's.
              if (id !== values.customerId) form.setFieldValue('contactId', null);
              form.setFieldValue('customerId', id);
            }}
            initialLabel={labels.customer}
            error={form.errors.customerId}
          />
          <RecordSelect
            // A new customer: the contact picker starts afresh with that customer's contacts.
            key={`contact-${values.customerId ?? ''}`}
            source="contacts"
            label={label('contactId')}
            where={{ customerId: values.customerId ?? undefined }}
            disabled={values.customerId == null}
            placeholder={values.customerId == null ? t(`${kind}.pickCustomerFirst`) : undefined}
            value={values.contactId}
            onChange={(id) => form.setFieldValue('contactId', id)}
            initialLabel={values.contactId != null ? labels.contact : null}
            error={form.errors.contactId}
          />
          {basic}
        </SimpleGrid>
      </Fieldset>

      {beforeLines}

      <Fieldset legend={t(`${kind}.sections.lines`)}>
        <FormLinesEditor form={form} />
      </Fieldset>

      {afterLines}

      <Fieldset legend={t(`${kind}.sections.other`)}>
        <Textarea label={label('notes')} autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
      </Fieldset>

      <CustomFieldInputs form={form} fields={customFields} />
    </Stack>
  );
}

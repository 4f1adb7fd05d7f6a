import { Fieldset, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { feedbackCreateInput, type Feedback, type FeedbackCreateInput } from '../../../src-main/contract';
import { localToday } from '../../../src-main/contract/dates';
import { BaseSelect } from '../../components/BaseSelect';
import { DateField } from '../../components/DateField';
import { RecordSelect } from '../../components/RecordSelect';
import { schemaValidator } from '../../lib/errors';
import { dateFieldProps } from '../../lib/forms';
import { usePriorityOptions } from './meta';

type Priority = Feedback['priority'];

/** A 服务反馈 as the form holds it: no choice as null, text as '', dates as YYYY-MM-DD. */
export interface FeedbackFormValues {
  customerId: number | null;
  contactId: number | null;
  typeId: number | null;
  subject: string;
  content: string;
  priority: Priority;
  receivedDate: string;
  handlerId: number | null;
}

/** A new item: received today, normal priority; for a customer when one is given. */
export function emptyFeedbackValues(customerId: number | null = null): FeedbackFormValues {
  return {
    customerId,
    contactId: null,
    typeId: null,
    subject: '',
    content: '',
    priority: 'normal',
    receivedDate: localToday(),
    handlerId: null,
  };
}

export function feedbackToValues(f: Feedback): FeedbackFormValues {
  return {
    customerId: f.customerId,
    contactId: f.contactId,
    typeId: f.typeId,
    subject: f.subject,
    content: f.content ?? '',
    priority: f.priority,
    receivedDate: f.receivedDate,
    handlerId: f.handlerId,
  };
}

/** The form's values as the contract takes them; an empty picker is a missing value (必填). */
export function feedbackInput(v: FeedbackFormValues): FeedbackCreateInput {
  const missing = undefined as unknown as number;
  return {
    customerId: v.customerId ?? missing,
    contactId: v.contactId,
    typeId: v.typeId ?? missing,
    subject: v.subject,
    content: v.content,
    priority: v.priority,
    receivedDate: v.receivedDate,
    handlerId: v.handlerId,
  };
}

/** Refuses in the form exactly what feedback.create would refuse. */
export function feedbackValidator(t: TFunction) {
  const validate = schemaValidator<FeedbackCreateInput>(feedbackCreateInput, t);
  return (values: FeedbackFormValues) => validate(feedbackInput(values));
}

/**
 * The inputs of 新建服务反馈 and 修改服务反馈. The contact is picked among the chosen customer's;
 * another customer clears it. `labels` name the stored customer and contact (or the customer
 * given in the URL).
 */
export function FeedbackInputs({
  form,
  labels = {},
}: {
  form: UseFormReturnType<FeedbackFormValues>;
  labels?: { customer?: string | null; contact?: string | null };
}) {
  const { t } = useTranslation();
  const priorityOptions = usePriorityOptions();
  const label = (f: keyof FeedbackFormValues) => t(`feedback.fields.${f}`);
  const { values } = form;
  // The stored names only label the stored references.
  const sameCustomer = values.customerId === form.getInitialValues().customerId;

  return (
    <Stack gap="md">
      <Fieldset legend={t('feedback.sections.basic')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }}>
          <RecordSelect
            source="customers"
            label={label('customerId')}
            withAsterisk
            data-autofocus={values.customerId == null || undefined}
            value={values.customerId}
            initialLabel={labels.customer}
            onChange={(id) => {
              if (id === values.customerId) return;
              form.setValues({ customerId: id, contactId: null });
            }}
            error={form.errors.customerId}
          />
          {values.customerId == null ? (
            <Select
              label={label('contactId')}
              data={[]}
              disabled
              placeholder={t('feedback.pickCustomerFirst')}
            />
          ) : (
            <RecordSelect
              // Keyed by customer: another customer starts the picker afresh with its contacts.
              key={`contact-${values.customerId}`}
              source="contacts"
              label={label('contactId')}
              where={{ customerId: values.customerId }}
              value={values.contactId}
              initialLabel={sameCustomer ? labels.contact : null}
              onChange={(id) => form.setFieldValue('contactId', id)}
              error={form.errors.contactId}
            />
          )}
          <BaseSelect
            kind="feedback_type"
            label={label('typeId')}
            required
            value={values.typeId}
            onChange={(id) => form.setFieldValue('typeId', id)}
            error={form.errors.typeId}
          />
          <Select
            label={label('priority')}
            data={priorityOptions}
            value={values.priority}
            onChange={(v) => v && form.setFieldValue('priority', v as Priority)}
            error={form.errors.priority}
            allowDeselect={false}
          />
          <DateField label={label('receivedDate')} withAsterisk {...dateFieldProps(form, 'receivedDate')} />
          <BaseSelect
            kind="sales_rep"
            label={label('handlerId')}
            value={values.handlerId}
            onChange={(id) => form.setFieldValue('handlerId', id)}
            error={form.errors.handlerId}
          />
        </SimpleGrid>
      </Fieldset>
      <Fieldset legend={t('feedback.sections.details')}>
        <Stack gap="sm">
          <TextInput
            label={label('subject')}
            withAsterisk
            data-autofocus={values.customerId != null || undefined}
            {...form.getInputProps('subject')}
          />
          <Textarea
            label={label('content')}
            autosize
            minRows={4}
            maxRows={12}
            {...form.getInputProps('content')}
          />
        </Stack>
      </Fieldset>
    </Stack>
  );
}

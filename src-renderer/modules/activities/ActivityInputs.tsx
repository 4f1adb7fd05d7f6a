import { Checkbox, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm, type UseFormReturnType } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  activityCreateInput,
  activityTypes,
  type Activity,
  type ActivityCreateInput,
  type ActivityType,
} from '../../../src-main/contract';
import { BaseSelect } from '../../components/BaseSelect';
import { DateField, DateTimeField } from '../../components/DateField';
import { RecordSelect } from '../../components/RecordSelect';
import { schemaValidator, showSaveError } from '../../lib/errors';
import { dateFieldProps, recordFormOptions } from '../../lib/forms';
import { useChannelMutation } from '../../lib/queries';

/** A 行动 as the form holds it: empty text as '', no reference as null. */
export interface ActivityFormValues {
  customerId: number | null;
  contactId: number | null;
  opportunityId: number | null;
  type: ActivityType;
  subject: string;
  content: string;
  occurredAt: string;
  nextFollowUp: string;
  done: boolean;
  ownerId: number | null;
}

/** The names of the records a form's references point at, for the pickers' labels. */
export interface ActivityRefLabels {
  customer?: string | null;
  contact?: string | null;
  opportunity?: string | null;
}

export function emptyActivityValues(preset: Partial<ActivityFormValues> = {}): ActivityFormValues {
  return {
    customerId: null,
    contactId: null,
    opportunityId: null,
    type: 'call',
    subject: '',
    content: '',
    occurredAt: dayjs().format('YYYY-MM-DDTHH:mm'),
    nextFollowUp: '',
    done: false,
    ownerId: null,
    ...preset,
  };
}

export function activityToValues(a: Activity): ActivityFormValues {
  return {
    customerId: a.customerId,
    contactId: a.contactId,
    opportunityId: a.opportunityId,
    type: a.type,
    subject: a.subject,
    content: a.content ?? '',
    occurredAt: a.occurredAt,
    nextFollowUp: a.nextFollowUp ?? '',
    done: a.done,
    ownerId: a.ownerId,
  };
}

/**
 * What the channel takes: an empty required field left out (so the schema says "required"), an
 * empty date as null. The form validates this same object before it is ever sent.
 */
export function toActivityInput(v: ActivityFormValues): ActivityCreateInput {
  const { customerId, occurredAt, nextFollowUp, ...rest } = v;
  return {
    ...rest,
    ...(customerId != null && { customerId }),
    ...(occurredAt && { occurredAt }),
    nextFollowUp: nextFollowUp || null,
  } as ActivityCreateInput;
}

/** A form for one 行动, validated with the contract's own schema. */
export function useActivityForm(activity?: Activity, preset?: Partial<ActivityFormValues>) {
  const { t } = useTranslation();
  const validate = schemaValidator<ActivityCreateInput>(activityCreateInput, t);
  return useForm<ActivityFormValues>({
    initialValues: activity ? activityToValues(activity) : emptyActivityValues(preset),
    validate: (values) => validate(toActivityInput(values)),
    ...recordFormOptions(activityCreateInput),
  });
}

/** Saves the form: 新建 without `activity`, 修改 with it; a refused field goes beside its input. */
export function useSaveActivity(activity?: Activity) {
  const { t } = useTranslation();
  const create = useChannelMutation('activities.create');
  const update = useChannelMutation('activities.update');
  const save = (
    values: ActivityFormValues,
    form: UseFormReturnType<ActivityFormValues>,
    onSaved: (saved: Activity) => void,
  ) => {
    const handlers = {
      onSuccess: (saved: Activity) => {
        notifications.show({
          color: 'green',
          message: t(activity ? 'activities.updated' : 'activities.created', { subject: saved.subject }),
        });
        onSaved(saved);
      },
      onError: (err: Error) => showSaveError(t, err, form),
    };
    const input = toActivityInput(values);
    if (activity) update.mutate({ ...input, id: activity.id, version: activity.version }, handlers);
    else create.mutate(input, handlers);
  };
  return { save, saving: create.isPending || update.isPending };
}

/**
 * The inputs of 新建行动 and 修改行动. Contacts and opportunities are picked among the chosen
 * customer's; changing the customer clears them. `lockCustomer` keeps a preset customer fixed.
 */
export function ActivityInputs({
  form,
  labels = {},
  lockCustomer = false,
}: {
  form: UseFormReturnType<ActivityFormValues>;
  labels?: ActivityRefLabels;
  lockCustomer?: boolean;
}) {
  const { t } = useTranslation();
  const { customerId } = form.values;
  const label = (f: keyof ActivityFormValues) => t(`activities.fields.${f}`);
  const pickFirst = t('activities.pickCustomerFirst');
  // The stored names only label the stored references.
  const sameCustomer = customerId === form.getInitialValues().customerId;

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <RecordSelect
          source="customers"
          label={label('customerId')}
          withAsterisk
          value={customerId}
          initialLabel={labels.customer}
          disabled={lockCustomer}
          onChange={(id) => {
            if (id === customerId) return;
            form.setValues({ customerId: id, contactId: null, opportunityId: null });
          }}
          error={form.errors.customerId}
        />
        {customerId == null ? (
          <>
            <Select label={label('contactId')} data={[]} disabled placeholder={pickFirst} />
            <Select label={label('opportunityId')} data={[]} disabled placeholder={pickFirst} />
          </>
        ) : (
          <>
            {/* Keyed by customer: another customer starts the pickers afresh. */}
            <RecordSelect
              key={`contact-${customerId}`}
              source="contacts"
              label={label('contactId')}
              where={{ customerId }}
              value={form.values.contactId}
              initialLabel={sameCustomer ? labels.contact : null}
              onChange={(id) => form.setFieldValue('contactId', id)}
              error={form.errors.contactId}
            />
            <RecordSelect
              key={`opportunity-${customerId}`}
              source="opportunities"
              label={label('opportunityId')}
              where={{ customerId }}
              value={form.values.opportunityId}
              initialLabel={sameCustomer ? labels.opportunity : null}
              onChange={(id) => form.setFieldValue('opportunityId', id)}
              error={form.errors.opportunityId}
            />
          </>
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Select
          label={label('type')}
          withAsterisk
          data={activityTypes.map((type) => ({ value: type, label: t(`activities.types.${type}`) }))}
          allowDeselect={false}
          {...form.getInputProps('type')}
        />
        <DateTimeField
          label={label('occurredAt')}
          withAsterisk
          value={form.values.occurredAt}
          onChange={(d) => form.setFieldValue('occurredAt', d ?? '')}
          error={form.errors.occurredAt}
        />
        <DateField label={label('nextFollowUp')} clearable {...dateFieldProps(form, 'nextFollowUp')} />
        <BaseSelect
          kind="sales_rep"
          label={label('ownerId')}
          value={form.values.ownerId}
          onChange={(id) => form.setFieldValue('ownerId', id)}
          error={form.errors.ownerId}
        />
      </SimpleGrid>
      <TextInput label={label('subject')} withAsterisk data-autofocus {...form.getInputProps('subject')} />
      <Textarea
        label={label('content')}
        autosize
        minRows={3}
        maxRows={10}
        {...form.getInputProps('content')}
      />
      <Checkbox label={label('done')} {...form.getInputProps('done', { type: 'checkbox' })} />
    </Stack>
  );
}

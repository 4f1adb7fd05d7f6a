import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { customerCreateInput, type Customer } from '../../../src-main/contract';
import { FormShell } from '../../components/FormShell';
import { customInput, useCustomFields, validateCustom } from '../../lib/custom-fields';
import { schemaValidator, showSaveError } from '../../lib/errors';
import { recordFormOptions } from '../../lib/forms';
import { useFormGuard } from '../../lib/leave-guard';
import { useDefaultRep } from '../../lib/settings';
import { useChannelMutation } from '../../lib/queries';
import {
  CustomerInputs,
  customerToValues,
  emptyCustomerValues,
  type CustomerFormValues,
} from './CustomerInputs';

/** 增加客户 when `customer` is absent, 修改客户信息 when it is given. */
export function CustomerForm({ customer }: { customer?: Customer }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useChannelMutation('customers.create');
  const update = useChannelMutation('customers.update');
  const customFields = useCustomFields('customers');
  const validate = schemaValidator(customerCreateInput, t);
  const toInput = (values: CustomerFormValues) => ({
    ...values,
    custom: customInput(customFields, values.custom),
  });
  const form = useForm<CustomerFormValues>({
    initialValues: customer ? customerToValues(customer) : emptyCustomerValues(),
    validate: (values) => ({
      ...validate(toInput(values)),
      ...validateCustom(customFields, values.custom, t),
    }),
    ...recordFormOptions(customerCreateInput),
  });
  const guard = useFormGuard(form);
  useDefaultRep(form, 'ownerId', !customer);

  const done = (saved: Customer) => {
    notifications.show({
      color: 'green',
      message: customer
        ? t('customers.updated', { name: saved.name })
        : t('customers.created', { name: saved.name, code: saved.code }),
    });
    guard.leave(`/customers/${saved.id}`);
  };
  const submit = form.onSubmit((values) => {
    const handlers = { onSuccess: done, onError: (err: Error) => showSaveError(t, err, form) };
    const input = toInput(values);
    if (customer) update.mutate({ ...input, id: customer.id, version: customer.version } as never, handlers);
    else create.mutate(input as never, handlers);
  });

  return (
    <FormShell
      title={customer ? t('customers.editTitle', { name: customer.name }) : t('customers.add')}
      onSubmit={submit}
      onCancel={() => void navigate(customer ? `/customers/${customer.id}` : '/customers')}
      saving={create.isPending || update.isPending}
      guard={guard}
    >
      <CustomerInputs form={form} customFields={customFields} />
    </FormShell>
  );
}

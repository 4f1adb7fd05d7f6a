import { Button, Group, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { customerCreateInput, type Customer } from '../../../src-main/contract';
import { ApiError } from '../../api';
import { notifyError, reasonText, schemaValidator } from '../../lib/errors';
import {
  CustomerInputs,
  customerToValues,
  emptyCustomerValues,
  type CustomerFormValues,
} from './CustomerInputs';
import { useSaveCustomer } from './queries';

/** 增加客户 when `customer` is absent, 修改客户信息 when it is given. */
export function CustomerForm({ customer }: { customer?: Customer }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const save = useSaveCustomer();
  const form = useForm<CustomerFormValues>({
    initialValues: customer ? customerToValues(customer) : emptyCustomerValues(),
    validate: schemaValidator<CustomerFormValues>(customerCreateInput, t),
  });

  const submit = form.onSubmit((values) => {
    const input = customer ? { ...values, id: customer.id, version: customer.version } : values;
    save.mutate(input as never, {
      onSuccess: (saved) => {
        notifications.show({
          color: 'green',
          message: customer
            ? t('customers.updated', { name: saved.name })
            : t('customers.created', { name: saved.name, code: saved.code }),
        });
        void navigate(`/customers/${saved.id}`);
      },
      onError: (err) => {
        // A field the main process refused goes beside its input; anything else is a notice.
        if (err instanceof ApiError && err.data.code === 'VALIDATION' && err.data.field) {
          form.setFieldError(err.data.field, reasonText(t, err.data));
        } else notifyError(t, err);
      },
    });
  });

  const cancel = () => void navigate(customer ? `/customers/${customer.id}` : '/customers');

  return (
    <form onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && cancel()}>
      <Stack>
        <Group justify="space-between">
          <Title order={2}>
            {customer ? t('customers.editTitle', { name: customer.name }) : t('customers.add')}
          </Title>
          <Group>
            <Button variant="default" onClick={cancel}>
              {t('actions.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('actions.save')}
            </Button>
          </Group>
        </Group>
        <CustomerInputs form={form} />
      </Stack>
    </form>
  );
}

import { Anchor, Badge, Button, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contactCreateInput, type Customer } from '../../../src-main/contract';
import { CustomerRecordsTab } from '../../components/CustomerRecordsTab';
import { FormDialog } from '../../components/FormDialog';
import { useCustomFields } from '../../lib/custom-fields';
import { showSaveError } from '../../lib/errors';
import { recordFormOptions } from '../../lib/forms';
import { useChannelMutation } from '../../lib/queries';
import {
  ContactInputs,
  contactInput,
  contactValidator,
  emptyContactValues,
  type ContactFormValues,
} from './ContactInputs';

/** 增加联系人 in place, for a given customer: a dialog with the contact's inputs. */
function AddContactModal({
  customer,
  opened,
  onClose,
}: {
  customer: Customer;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const create = useChannelMutation('contacts.create');
  const customFields = useCustomFields('contacts');
  const form = useForm<ContactFormValues>({
    initialValues: emptyContactValues(customer.id),
    validate: contactValidator(t, customFields),
    ...recordFormOptions(contactCreateInput),
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.onSubmit((values) =>
    create.mutate(contactInput(values, customFields), {
      onSuccess: (saved) => {
        notifications.show({ color: 'green', message: t('contacts.created', { name: saved.name }) });
        close();
      },
      onError: (err) => showSaveError(t, err, form),
    }),
  );
  return (
    <FormDialog
      opened={opened}
      onClose={close}
      title={`${t('contacts.add')} · ${customer.name}`}
      size="xl"
      form={form}
      onSubmit={submit}
      saving={create.isPending}
    >
      <ContactInputs form={form} customFields={customFields} hideCustomer />
    </FormDialog>
  );
}

/** The 联系人 tab of a customer: its contacts, and 增加联系人 without leaving the customer. */
export function CustomerContactsTab({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const field = (f: string) => t(`contacts.fields.${f}`);

  return (
    <CustomerRecordsTab
      channel="contacts.list"
      customerId={customer.id}
      defaultSort={{ columnAccessor: 'name', direction: 'asc' }}
      label={t('contacts.list')}
      emptyText={t('contacts.empty')}
      summary={(total) => (
        <Text size="sm" c="dimmed" aria-live="polite">
          {t('contacts.total', { count: total })}
        </Text>
      )}
      addButton={
        <Button leftSection={<IconPlus size={16} />} onClick={() => setAdding(true)}>
          {t('contacts.add')}
        </Button>
      }
      columns={[
        {
          accessor: 'name',
          title: field('name'),
          sortable: true,
          render: (r) => (
            <Anchor component={Link} to={`/contacts/${r.id}`} size="sm">
              {r.name}
            </Anchor>
          ),
        },
        { accessor: 'title', title: field('title'), sortable: true },
        { accessor: 'department', title: field('department'), sortable: true },
        { accessor: 'phone', title: field('phone'), sortable: true },
        { accessor: 'mobile', title: field('mobile'), sortable: true },
        { accessor: 'email', title: field('email'), sortable: true },
        {
          accessor: 'isPrimary',
          title: field('isPrimary'),
          render: (r) =>
            r.isPrimary ? (
              <Badge size="sm" variant="light">
                {t('contacts.primary')}
              </Badge>
            ) : null,
        },
      ]}
    >
      <AddContactModal customer={customer} opened={adding} onClose={() => setAdding(false)} />
    </CustomerRecordsTab>
  );
}

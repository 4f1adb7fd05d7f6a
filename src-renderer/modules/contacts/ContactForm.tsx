import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { contactCreateInput, type Contact } from '../../../src-main/contract';
import { FormShell } from '../../components/FormShell';
import { useCustomFields } from '../../lib/custom-fields';
import { showSaveError } from '../../lib/errors';
import { recordFormOptions } from '../../lib/forms';
import { useFormGuard } from '../../lib/leave-guard';
import { useChannelMutation } from '../../lib/queries';
import {
  ContactInputs,
  contactInput,
  contactToValues,
  contactValidator,
  emptyContactValues,
  type ContactFormValues,
} from './ContactInputs';

/** 增加联系人 when `contact` is absent, 修改联系人信息 when it is given. */
export function ContactForm({ contact }: { contact?: Contact }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useChannelMutation('contacts.create');
  const update = useChannelMutation('contacts.update');
  const customFields = useCustomFields('contacts');
  const form = useForm<ContactFormValues>({
    initialValues: contact ? contactToValues(contact) : emptyContactValues(),
    validate: contactValidator(t, customFields),
    ...recordFormOptions(contactCreateInput),
  });
  const guard = useFormGuard(form);

  const done = (saved: Contact) => {
    notifications.show({
      color: 'green',
      message: t(contact ? 'contacts.updated' : 'contacts.created', { name: saved.name }),
    });
    guard.leave(`/contacts/${saved.id}`);
  };
  const submit = form.onSubmit((values) => {
    const handlers = { onSuccess: done, onError: (err: Error) => showSaveError(t, err, form) };
    const input = contactInput(values, customFields);
    if (contact) update.mutate({ ...input, id: contact.id, version: contact.version }, handlers);
    else create.mutate(input, handlers);
  });

  return (
    <FormShell
      title={contact ? t('contacts.editTitle', { name: contact.name }) : t('contacts.add')}
      onSubmit={submit}
      onCancel={() => void navigate(contact ? `/contacts/${contact.id}` : '/contacts')}
      saving={create.isPending || update.isPending}
      guard={guard}
    >
      <ContactInputs form={form} customFields={customFields} customerLabel={contact?.customerName} />
    </FormShell>
  );
}

import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '../../../src-main/contract';
import { FieldDetailTable } from '../../components/FieldDetailTable';
import { RecordLoader } from '../../components/RecordLoader';
import { useCustomFieldRows, withCustomRows } from '../../lib/custom-fields';
import { ContactForm } from './ContactForm';
import { ContactShow } from './ContactShow';
import { contactFieldRows } from './contactFieldRows';

export const ContactCreatePage = () => <ContactForm />;

export const ContactShowPage = () => (
  <RecordLoader channel="contacts.get">{(c) => <ContactShow key={c.id} contact={c} />}</RecordLoader>
);

// Keyed by version: after a save elsewhere, the form starts again from what is stored.
export const ContactEditPage = () => (
  <RecordLoader channel="contacts.get">
    {(c) => <ContactForm key={`${c.id}:${c.version}`} contact={c} />}
  </RecordLoader>
);

function ContactFieldTable({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const custom = useCustomFieldRows('contacts', contact.custom);
  return (
    <FieldDetailTable
      title={t('contacts.fieldTableTitle', { name: contact.name })}
      rows={withCustomRows(contactFieldRows(contact, t), custom)}
      actions={
        <Button component={Link} to={`/contacts/${contact.id}`} variant="default">
          {t('actions.back')}
        </Button>
      }
    />
  );
}

/** 联系人字段详情表: every field, printable. */
export const ContactFieldTablePage = () => (
  <RecordLoader channel="contacts.get">{(c) => <ContactFieldTable contact={c} />}</RecordLoader>
);

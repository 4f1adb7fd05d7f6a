import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Customer } from '../../../src-main/contract';
import { FieldDetailTable } from '../../components/FieldDetailTable';
import { RecordLoader } from '../../components/RecordLoader';
import { useBaseLookup } from '../../lib/base-data';
import { useCustomFieldRows, withCustomRows } from '../../lib/custom-fields';
import { CustomerForm } from './CustomerForm';
import { CustomerShow } from './CustomerShow';
import { customerFieldRows } from './customerFieldRows';

export const CustomerCreatePage = () => <CustomerForm />;

export const CustomerShowPage = () => (
  <RecordLoader channel="customers.get">{(c) => <CustomerShow key={c.id} customer={c} />}</RecordLoader>
);

// Keyed by version: after a save elsewhere, the form starts again from what is stored.
export const CustomerEditPage = () => (
  <RecordLoader channel="customers.get">
    {(c) => <CustomerForm key={`${c.id}:${c.version}`} customer={c} />}
  </RecordLoader>
);

function CustomerFieldTable({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  const custom = useCustomFieldRows('customers', customer.custom);
  return (
    <FieldDetailTable
      title={t('customers.fieldTableTitle', { name: customer.name })}
      rows={withCustomRows(customerFieldRows(customer, t, lookup), custom)}
      actions={
        <Button component={Link} to={`/customers/${customer.id}`} variant="default">
          {t('actions.back')}
        </Button>
      }
    />
  );
}

export const CustomerFieldTablePage = () => (
  <RecordLoader channel="customers.get">{(c) => <CustomerFieldTable customer={c} />}</RecordLoader>
);

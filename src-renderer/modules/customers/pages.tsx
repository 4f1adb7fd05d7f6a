import { Alert, Button, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Customer } from '../../../src-main/contract';
import { FieldDetailTable } from '../../components/FieldDetailTable';
import { useBaseLookup } from '../../lib/base-data';
import { errorText } from '../../lib/errors';
import { CustomerForm } from './CustomerForm';
import { CustomerShow } from './CustomerShow';
import { customerFieldRows } from './customerFieldRows';
import { useCustomer } from './queries';

/** Loads the customer named in the URL, then renders `children` with it. */
function WithCustomer({ children }: { children: (c: Customer) => React.ReactNode }) {
  const { t } = useTranslation();
  const id = Number(useParams().id);
  const query = useCustomer(id);
  if (query.isPending) return <Loader aria-label={t('common.loading')} />;
  if (query.isError)
    return (
      <Alert color="red" title={t('common.notFound')}>
        {errorText(t, query.error)}
      </Alert>
    );
  return <>{children(query.data)}</>;
}

export const CustomerCreatePage = () => <CustomerForm />;

export const CustomerShowPage = () => (
  <WithCustomer>{(c) => <CustomerShow key={c.id} customer={c} />}</WithCustomer>
);

// Keyed by version: after a save elsewhere, the form starts again from what is stored.
export const CustomerEditPage = () => (
  <WithCustomer>{(c) => <CustomerForm key={`${c.id}:${c.version}`} customer={c} />}</WithCustomer>
);

function CustomerFieldTable({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  const lookup = useBaseLookup();
  return (
    <FieldDetailTable
      title={t('customers.fieldTableTitle', { name: customer.name })}
      rows={customerFieldRows(customer, t, lookup)}
      actions={
        <Button component={Link} to={`/customers/${customer.id}`} variant="default">
          {t('actions.back')}
        </Button>
      }
    />
  );
}

export const CustomerFieldTablePage = () => (
  <WithCustomer>{(c) => <CustomerFieldTable customer={c} />}</WithCustomer>
);

import { Button, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { id as idSchema, type Expense } from '../../../src-main/contract';
import { FieldDetailTable } from '../../components/FieldDetailTable';
import { RecordLoader } from '../../components/RecordLoader';
import { useBaseLookup } from '../../lib/base-data';
import { useChannelQuery } from '../../lib/queries';
import { ExpenseForm } from './ExpenseForm';
import { ExpenseShow } from './ExpenseShow';
import { expenseFieldRows } from './expenseFieldRows';
import { useExpenseItem } from './useExpenseItem';

/** An id from the URL's query, or null when it is absent or not an id. */
function useIdParam(name: string): number | null {
  const [params] = useSearchParams();
  const parsed = idSchema.safeParse(Number(params.get(name)));
  return parsed.success ? parsed.data : null;
}

/**
 * 新建费用记录. `?customerId=<id>` (from a customer's 费用 tab) presets the customer,
 * `?opportunityId=<id>` (from an opportunity's) the opportunity and its customer; an id that is
 * not such a record is ignored.
 */
export function ExpenseCreatePage() {
  const { t } = useTranslation();
  const customerId = useIdParam('customerId');
  const opportunityId = useIdParam('opportunityId');
  const customer = useChannelQuery('customers.get', { id: customerId ?? 1 }, { enabled: customerId != null });
  const opportunity = useChannelQuery(
    'opportunities.get',
    { id: opportunityId ?? 1 },
    { enabled: opportunityId != null },
  );
  if ((customerId != null && customer.isPending) || (opportunityId != null && opportunity.isPending)) {
    return <Loader role="status" aria-label={t('common.loading')} />;
  }
  if (opportunityId != null && opportunity.data) {
    const o = opportunity.data;
    return (
      <ExpenseForm
        key={`o${o.id}`}
        preset={{
          opportunity: {
            id: o.id,
            label: `${o.title}（${o.code}）`,
            customerId: o.customerId,
            customerLabel: o.customerName,
          },
        }}
      />
    );
  }
  if (customerId != null && customer.data) {
    const c = customer.data;
    return (
      <ExpenseForm key={`c${c.id}`} preset={{ customer: { id: c.id, label: `${c.name}（${c.code}）` } }} />
    );
  }
  return <ExpenseForm />;
}

export const ExpenseShowPage = () => (
  <RecordLoader channel="expenses.get">{(e) => <ExpenseShow key={e.id} expense={e} />}</RecordLoader>
);

// Keyed by version: after a save elsewhere, the form starts again from what is stored.
export const ExpenseEditPage = () => (
  <RecordLoader channel="expenses.get">
    {(e) => <ExpenseForm key={`${e.id}:${e.version}`} expense={e} />}
  </RecordLoader>
);

function ExpenseFieldTable({ expense }: { expense: Expense }) {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const item = useExpenseItem();
  return (
    <FieldDetailTable
      title={t('expenses.fieldTableTitle', { item: item(expense) })}
      rows={expenseFieldRows(expense, t, lookup, i18n.language, { links: false })}
      actions={
        <Button component={Link} to={`/expenses/${expense.id}`} variant="default">
          {t('actions.back')}
        </Button>
      }
    />
  );
}

/** 费用字段详情表: every field of one expense; printable. */
export const ExpenseFieldTablePage = () => (
  <RecordLoader channel="expenses.get">{(e) => <ExpenseFieldTable expense={e} />}</RecordLoader>
);

import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Customer } from '../../../src-main/contract';
import { ExpensesTable } from './ExpensesTable';

/** The 费用 tab of a customer: its expenses, their total, and 新建费用记录 for this customer. */
export function CustomerExpensesTab({ customer }: { customer: Customer }) {
  const { t } = useTranslation();
  return (
    <ExpensesTable
      where={{ customerId: customer.id }}
      hide="customer"
      actions={
        <Button
          component={Link}
          to={`/expenses/new?customerId=${customer.id}`}
          leftSection={<IconPlus size={16} />}
        >
          {t('expenses.add')}
        </Button>
      }
    />
  );
}

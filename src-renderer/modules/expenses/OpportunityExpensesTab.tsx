import { Button } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Opportunity } from '../../../src-main/contract';
import { ExpensesTable } from './ExpensesTable';

/**
 * The 费用 tab of an opportunity: what was spent on the deal, its total, and 新建费用记录 for it
 * (the expense goes to the opportunity's customer).
 */
export function OpportunityExpensesTab({ opportunity }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  return (
    <ExpensesTable
      where={{ opportunityId: opportunity.id }}
      hide="opportunity"
      actions={
        <Button
          component={Link}
          to={`/expenses/new?opportunityId=${opportunity.id}`}
          leftSection={<IconPlus size={16} />}
        >
          {t('expenses.add')}
        </Button>
      }
    />
  );
}

import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { Expense } from '../../../src-main/contract';
import { FieldGrid } from '../../components/FieldGrid';
import { useBaseLookup } from '../../lib/base-data';
import { formatMoney } from '../../lib/money';
import { expenseFieldRows } from './expenseFieldRows';
import { useDeleteExpensesFlow } from './useDeleteExpensesFlow';
import { RecordActions } from '../../components/RecordActions';

/** One 费用: what was spent, when, for whom; 修改, 删除 and the 费用字段详情表. */
export function ExpenseShow({ expense }: { expense: Expense }) {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  const navigate = useNavigate();
  const confirmDelete = useDeleteExpensesFlow();
  const rows = expenseFieldRows(expense, t, lookup, i18n.language);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Group gap="xs">
            <Button
              component={Link}
              to="/expenses"
              variant="subtle"
              size="compact-sm"
              leftSection={<IconArrowLeft size={14} />}
            >
              {t('expenses.browse')}
            </Button>
          </Group>
          <Group gap="sm">
            <Title order={2}>{formatMoney(expense.amount, i18n.language)}</Title>
            <Badge variant="light">{lookup.name(expense.categoryId)}</Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {expense.expenseDate}
          </Text>
        </Stack>
        <RecordActions
          ns="expenses"
          path={`/expenses/${expense.id}`}
          onDelete={() => confirmDelete([expense], () => void navigate('/expenses'))}
        />
      </Group>
      <Paper withBorder p="md">
        <FieldGrid rows={rows.filter((r) => r.name !== 'description')} />
      </Paper>
      <Paper withBorder p="md">
        <Text size="xs" c="dimmed" mb={4}>
          {t('expenses.fields.description')}
        </Text>
        <Text
          size="sm"
          style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
          c={expense.description ? undefined : 'dimmed'}
        >
          {expense.description || t('common.none')}
        </Text>
      </Paper>
    </Stack>
  );
}

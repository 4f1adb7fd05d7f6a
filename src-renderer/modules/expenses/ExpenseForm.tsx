import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Expense } from '../../../src-main/contract';
import { FormShell } from '../../components/FormShell';
import { useFormGuard } from '../../lib/leave-guard';
import { useDefaultRep } from '../../lib/settings';
import { ExpenseInputs, useExpenseForm, useSaveExpense, type ExpenseFormValues } from './ExpenseInputs';
import { useExpenseItem } from './useExpenseItem';

/** Where a new expense was started from: a customer's or an opportunity's 费用 tab. */
export interface ExpensePreset {
  customer?: { id: number; label: string };
  opportunity?: { id: number; label: string; customerId: number; customerLabel: string };
}

/** 新建费用记录 when `expense` is absent (for a customer or opportunity, when given), 修改费用 when given. */
export function ExpenseForm({ expense, preset = {} }: { expense?: Expense; preset?: ExpensePreset }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const item = useExpenseItem();
  const { customer, opportunity } = preset;
  const presetValues: Partial<ExpenseFormValues> = opportunity
    ? { customerId: opportunity.customerId, opportunityId: opportunity.id }
    : { customerId: customer?.id ?? null };
  const form = useExpenseForm(expense, presetValues);
  const { save, saving } = useSaveExpense(expense);
  const guard = useFormGuard(form);
  useDefaultRep(form, 'ownerId', !expense);

  const back = expense
    ? `/expenses/${expense.id}`
    : opportunity
      ? `/opportunities/${opportunity.id}?tab=expenses`
      : customer
        ? `/customers/${customer.id}?tab=expenses`
        : '/expenses';
  return (
    <FormShell
      title={expense ? t('expenses.editTitle', { item: item(expense) }) : t('expenses.add')}
      onSubmit={form.onSubmit((values) =>
        save(values, form, (saved) => guard.leave(`/expenses/${saved.id}`)),
      )}
      onCancel={() => void navigate(back)}
      saving={saving}
      guard={guard}
    >
      <ExpenseInputs
        form={form}
        labels={
          expense
            ? { customer: expense.customerName, opportunity: expense.opportunityTitle }
            : {
                customer: opportunity?.customerLabel ?? customer?.label,
                opportunity: opportunity?.label,
              }
        }
      />
    </FormShell>
  );
}

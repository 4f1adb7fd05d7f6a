import { useTranslation } from 'react-i18next';
import type { ExpenseRow } from '../../../src-main/contract';
import { confirmDelete } from '../../components/confirmDelete';
import { notifyError } from '../../lib/errors';
import { useChannelMutation } from '../../lib/queries';
import { useExpenseItem } from './useExpenseItem';

type Deletable = Pick<ExpenseRow, 'id' | 'expenseDate' | 'categoryId' | 'amount' | 'customerName'>;

/** 删除费用: a confirm dialog naming every expense that goes, then one delete of them all. */
export function useDeleteExpensesFlow() {
  const { t } = useTranslation();
  const item = useExpenseItem();
  const del = useChannelMutation('expenses.delete');
  return (expenses: Deletable[], onDone?: () => void) => {
    const [first] = expenses;
    if (!first) return;
    const named = (e: Deletable) => (e.customerName ? `${item(e)} ${e.customerName}` : item(e));
    confirmDelete({
      title: t('expenses.deleteTitle'),
      message:
        expenses.length === 1
          ? t('expenses.deleteOne', { item: named(first) })
          : t('expenses.deleteMany', { count: expenses.length }),
      items: expenses.map(named),
      confirmLabel: t('actions.delete'),
      cancelLabel: t('actions.cancel'),
      onConfirm: () =>
        del.mutate(
          { ids: expenses.map((e) => e.id) },
          {
            // Its notice, with 撤销, comes with every delete (useChannelMutation).
            onSuccess: () => onDone?.(),
            onError: (err) => notifyError(t, err),
          },
        ),
    });
  };
}

import { useTranslation } from 'react-i18next';
import type { ExpenseRow } from '../../../src-main/contract';
import { useBaseLookup } from '../../lib/base-data';
import { formatMoney } from '../../lib/money';

type Named = Pick<ExpenseRow, 'expenseDate' | 'categoryId' | 'amount'>;

/**
 * An expense has no code or title: it is named by its date, category and amount
 * ("2026-01-02 差旅费 ¥1,200.00") in titles, confirm dialogs and checkbox labels.
 */
export function useExpenseItem(): (e: Named) => string {
  const { t, i18n } = useTranslation();
  const lookup = useBaseLookup();
  return (e) =>
    t('expenses.item', {
      date: e.expenseDate,
      category: lookup.name(e.categoryId),
      amount: formatMoney(e.amount, i18n.language),
    });
}

import { useTranslation } from 'react-i18next';
import type { SaleRow } from '../../../src-main/contract';
import { confirmDelete } from '../../components/confirmDelete';
import { notifyError } from '../../lib/errors';
import { formatMoney } from '../../lib/money';
import { useChannelMutation } from '../../lib/queries';

type Deletable = Pick<SaleRow, 'id' | 'code' | 'customerName' | 'amount'>;

/** 删除销售: the dialog names every order number; the lines go with the sales, in one transaction. */
export function useDeleteSalesFlow() {
  const { t, i18n } = useTranslation();
  const del = useChannelMutation('sales.delete');
  return (sales: Deletable[], onDone?: () => void) => {
    const [first] = sales;
    if (!first) return;
    confirmDelete({
      title: t('sales.deleteTitle'),
      message:
        sales.length === 1
          ? t('sales.deleteOne', { code: first.code, customer: first.customerName })
          : t('sales.deleteMany', { count: sales.length }),
      items: sales.map((s) =>
        t('sales.item', {
          code: s.code,
          customer: s.customerName,
          amount: formatMoney(s.amount, i18n.language),
        }),
      ),
      confirmLabel: t('actions.delete'),
      cancelLabel: t('actions.cancel'),
      onConfirm: () =>
        del.mutate(
          { ids: sales.map((s) => s.id) },
          {
            // Its notice, with 撤销, comes with every delete (useChannelMutation).
            onSuccess: () => onDone?.(),
            onError: (err) => notifyError(t, err),
          },
        ),
    });
  };
}

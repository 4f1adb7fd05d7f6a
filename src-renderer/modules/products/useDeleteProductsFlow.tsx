import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ProductRow } from '../../../src-main/contract';
import { ApiError } from '../../api';
import { confirmDelete } from '../../components/confirmDelete';
import { notifyError } from '../../lib/errors';
import { useChannelMutation } from '../../lib/queries';

/**
 * 删除产品: the dialog names the products. A product on any opportunity or sale line is refused
 * (CONFLICT) and nothing is deleted; the notice says why and to deactivate it instead.
 */
export function useDeleteProductsFlow() {
  const { t } = useTranslation();
  const del = useChannelMutation('products.delete');
  return (products: Pick<ProductRow, 'id' | 'code' | 'name'>[], onDone?: () => void) => {
    const [first] = products;
    if (!first) return;
    confirmDelete({
      title: t('products.deleteTitle'),
      message:
        products.length === 1
          ? t('products.deleteOne', { name: first.name, code: first.code })
          : t('products.deleteMany', { count: products.length }),
      items: products.map((p) => t('products.item', { code: p.code, name: p.name })),
      confirmLabel: t('actions.delete'),
      cancelLabel: t('actions.cancel'),
      onConfirm: () =>
        del.mutate(
          { ids: products.map((p) => p.id) },
          {
            // Its notice, with 撤销, comes with every delete (useChannelMutation).
            onSuccess: () => onDone?.(),
            onError: (err) => {
              if (err instanceof ApiError && err.data.code === 'CONFLICT') {
                notifications.show({
                  color: 'orange',
                  title: t('products.inUseTitle'),
                  message: t('products.inUse'),
                  autoClose: false,
                });
              } else notifyError(t, err);
            },
          },
        ),
    });
  };
}

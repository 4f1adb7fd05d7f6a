import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../src-main/contract';
import { call } from '../../api';
import { confirmDelete } from '../../components/confirmDelete';
import { notifyError } from '../../lib/errors';
import { useChannelMutation } from '../../lib/queries';

/**
 * 删除客户: the dialog names the customers and says how many contacts, opportunities, sales and
 * activities go with them; all of it is deleted in one transaction.
 */
export function useDeleteCustomersFlow() {
  const { t } = useTranslation();
  const del = useChannelMutation('customers.delete');
  return async (customers: Pick<CustomerRow, 'id' | 'code' | 'name'>[], onDone?: () => void) => {
    const [first] = customers;
    if (!first) return;
    let related;
    try {
      related = await call('customers.related', { ids: customers.map((c) => c.id) });
    } catch (err) {
      notifyError(t, err);
      return;
    }
    const involved = (
      ['contacts', 'opportunities', 'sales', 'feedback', 'expenses', 'activities'] as const
    ).filter((k) => related[k] > 0);
    confirmDelete({
      title: t('customers.deleteTitle'),
      message:
        customers.length === 1
          ? t('customers.deleteOne', { name: first.name, code: first.code })
          : t('customers.deleteMany', { count: customers.length }),
      items: customers.map((c) => `${c.code} ${c.name}`),
      consequence: involved.length ? (
        <Alert color="orange" mt="sm" title={t('customers.deleteAlso')}>
          {involved
            .map((k) => t(`customers.related.${k}`, { count: related[k] }))
            .join(t('customers.listSeparator'))}
        </Alert>
      ) : undefined,
      confirmLabel: t('actions.delete'),
      cancelLabel: t('actions.cancel'),
      onConfirm: () =>
        del.mutate(
          { ids: customers.map((c) => c.id) },
          {
            // Its notice, with 撤销, comes with every delete (useChannelMutation).
            onSuccess: () => onDone?.(),
            onError: (err) => notifyError(t, err),
          },
        ),
    });
  };
}

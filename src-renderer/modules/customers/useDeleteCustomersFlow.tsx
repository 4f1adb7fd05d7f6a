import { List, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../src-main/contract';
import { notifyError } from '../../lib/errors';
import { useDeleteCustomers } from './queries';

/** 删除客户: a confirm dialog that names what will go, then one delete for all of them. */
export function useDeleteCustomersFlow() {
  const { t } = useTranslation();
  const del = useDeleteCustomers();
  return (customers: Pick<CustomerRow, 'id' | 'code' | 'name'>[], onDone?: () => void) => {
    const [first] = customers;
    if (!first) return;
    modals.openConfirmModal({
      title: t('customers.deleteTitle'),
      children:
        customers.length === 1 ? (
          <Text size="sm">{t('customers.deleteOne', { name: first.name, code: first.code })}</Text>
        ) : (
          <>
            <Text size="sm">{t('customers.deleteMany', { count: customers.length })}</Text>
            <List size="sm" mt="xs" mah={240} style={{ overflow: 'auto' }}>
              {customers.map((c) => (
                <List.Item key={c.id}>
                  {c.code} {c.name}
                </List.Item>
              ))}
            </List>
          </>
        ),
      labels: { confirm: t('actions.delete'), cancel: t('actions.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        del.mutate(
          customers.map((c) => c.id),
          {
            onSuccess: ({ deleted }) => {
              notifications.show({ color: 'green', message: t('customers.deleted', { count: deleted }) });
              onDone?.();
            },
            onError: (err) => notifyError(t, err),
          },
        ),
    });
  };
}

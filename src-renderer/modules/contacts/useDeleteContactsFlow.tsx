import { useTranslation } from 'react-i18next';
import type { ContactRow } from '../../../src-main/contract';
import { confirmDelete } from '../../components/confirmDelete';
import { notifyError } from '../../lib/errors';
import { useChannelMutation } from '../../lib/queries';

/** 删除联系人: the dialog names every contact (with its customer) before they go. */
export function useDeleteContactsFlow() {
  const { t } = useTranslation();
  const del = useChannelMutation('contacts.delete');
  return (contacts: Pick<ContactRow, 'id' | 'name' | 'customerName'>[], onDone?: () => void) => {
    const [first] = contacts;
    if (!first) return;
    confirmDelete({
      title: t('contacts.deleteTitle'),
      message:
        contacts.length === 1
          ? t('contacts.deleteOne', { name: first.name, customer: first.customerName })
          : t('contacts.deleteMany', { count: contacts.length }),
      items: contacts.map((c) => t('contacts.item', { name: c.name, customer: c.customerName })),
      confirmLabel: t('actions.delete'),
      cancelLabel: t('actions.cancel'),
      onConfirm: () =>
        del.mutate(
          { ids: contacts.map((c) => c.id) },
          {
            // Its notice, with 撤销, comes with every delete (useChannelMutation).
            onSuccess: () => onDone?.(),
            onError: (err) => notifyError(t, err),
          },
        ),
    });
  };
}

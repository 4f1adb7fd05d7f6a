import { useTranslation } from 'react-i18next';
import type { FeedbackRow } from '../../../src-main/contract';
import { confirmDelete } from '../../components/confirmDelete';
import { notifyError } from '../../lib/errors';
import { useChannelMutation } from '../../lib/queries';

type Deletable = Pick<FeedbackRow, 'id' | 'code' | 'subject' | 'customerName'>;

/** 删除服务反馈: the dialog names every item by code and subject; all go, or none. */
export function useDeleteFeedbackFlow() {
  const { t } = useTranslation();
  const del = useChannelMutation('feedback.delete');
  return (items: Deletable[], onDone?: () => void) => {
    const [first] = items;
    if (!first) return;
    confirmDelete({
      title: t('feedback.deleteTitle'),
      message:
        items.length === 1
          ? t('feedback.deleteOne', { code: first.code, subject: first.subject })
          : t('feedback.deleteMany', { count: items.length }),
      items: items.map((f) =>
        t('feedback.item', { code: f.code, subject: f.subject, customer: f.customerName }),
      ),
      confirmLabel: t('actions.delete'),
      cancelLabel: t('actions.cancel'),
      onConfirm: () =>
        del.mutate(
          { ids: items.map((f) => f.id) },
          {
            // Its notice, with 撤销, comes with every delete (useChannelMutation).
            onSuccess: () => onDone?.(),
            onError: (err) => notifyError(t, err),
          },
        ),
    });
  };
}

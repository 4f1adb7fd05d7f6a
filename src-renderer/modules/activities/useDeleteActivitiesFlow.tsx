import { useTranslation } from 'react-i18next';
import type { ActivityRow } from '../../../src-main/contract';
import { confirmDelete } from '../../components/confirmDelete';
import { notifyError } from '../../lib/errors';
import { useChannelMutation } from '../../lib/queries';

/** 删除行动: a confirm dialog naming what goes, then one delete of them all. */
export function useDeleteActivitiesFlow() {
  const { t } = useTranslation();
  const del = useChannelMutation('activities.delete');
  return (activities: Pick<ActivityRow, 'id' | 'subject' | 'occurredAt'>[], onDone?: () => void) => {
    const [first] = activities;
    if (!first) return;
    confirmDelete({
      title: t('activities.deleteTitle'),
      message:
        activities.length === 1
          ? t('activities.deleteOne', { subject: first.subject })
          : t('activities.deleteMany', { count: activities.length }),
      items: activities.map((a) => `${a.occurredAt.replace('T', ' ')} ${a.subject}`),
      confirmLabel: t('actions.delete'),
      cancelLabel: t('actions.cancel'),
      onConfirm: () =>
        del.mutate(
          { ids: activities.map((a) => a.id) },
          {
            // Its notice, with 撤销, comes with every delete (useChannelMutation).
            onSuccess: () => onDone?.(),
            onError: (err) => notifyError(t, err),
          },
        ),
    });
  };
}

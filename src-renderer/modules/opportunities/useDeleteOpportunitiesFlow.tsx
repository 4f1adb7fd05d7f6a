import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpportunityRow } from '../../../src-main/contract';
import { confirmDelete } from '../../components/confirmDelete';
import { notifyError } from '../../lib/errors';
import { useChannelMutation } from '../../lib/queries';

/**
 * 删除机会: the dialog names the opportunities and says that their lines and stage history go
 * with them, while a sale made from one stays.
 */
export function useDeleteOpportunitiesFlow() {
  const { t } = useTranslation();
  const del = useChannelMutation('opportunities.delete');
  return (opportunities: Pick<OpportunityRow, 'id' | 'code' | 'title'>[], onDone?: () => void) => {
    const [first] = opportunities;
    if (!first) return;
    confirmDelete({
      title: t('opportunities.deleteTitle'),
      message:
        opportunities.length === 1
          ? t('opportunities.deleteOne', { title: first.title, code: first.code })
          : t('opportunities.deleteMany', { count: opportunities.length }),
      items: opportunities.map((o) => t('opportunities.item', { code: o.code, title: o.title })),
      consequence: (
        <Alert color="orange" mt="sm">
          {t('opportunities.deleteAlso')}
        </Alert>
      ),
      confirmLabel: t('actions.delete'),
      cancelLabel: t('actions.cancel'),
      onConfirm: () =>
        del.mutate(
          { ids: opportunities.map((o) => o.id) },
          {
            // Its notice, with 撤销, comes with every delete (useChannelMutation).
            onSuccess: () => onDone?.(),
            onError: (err) => notifyError(t, err),
          },
        ),
    });
  };
}

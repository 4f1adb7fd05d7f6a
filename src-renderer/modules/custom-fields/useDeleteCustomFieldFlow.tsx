import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../src-main/contract';
import { call } from '../../api';
import { confirmDelete } from '../../components/confirmDelete';
import { notifyError } from '../../lib/errors';
import { useChannelMutation } from '../../lib/queries';

/**
 * 删除 a custom field: asks first how many records hold a value for it, and the dialog says so,
 * since those values go with the field. Switching it off is offered as the way to keep them.
 */
export function useDeleteCustomFieldFlow() {
  const { t } = useTranslation();
  const del = useChannelMutation('customFields.delete');
  return (field: CustomField) => {
    const label = field.label;
    call('customFields.usage', { id: field.id }).then(
      ({ records }) =>
        confirmDelete({
          title: t('customFields.deleteTitle'),
          message:
            records > 0
              ? t('customFields.deleteUsed', { label, count: records })
              : t('customFields.deleteUnused', { label }),
          consequence:
            records > 0 && field.active ? (
              <Text size="sm" mt="sm" c="dimmed">
                {t('customFields.deleteInsteadHint')}
              </Text>
            ) : undefined,
          confirmLabel: t('actions.delete'),
          cancelLabel: t('actions.cancel'),
          onConfirm: () =>
            del.mutate(
              { id: field.id },
              {
                onSuccess: () =>
                  notifications.show({ color: 'green', message: t('customFields.deleted', { label }) }),
                onError: (err) => notifyError(t, err),
              },
            ),
        }),
      (err: unknown) => notifyError(t, err),
    );
  };
}

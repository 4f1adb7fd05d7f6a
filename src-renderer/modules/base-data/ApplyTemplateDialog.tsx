import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateKey } from '../../../src-main/contract';
import { baseName } from '../../lib/base-data';
import { notifyError } from '../../lib/errors';
import { useChannelMutation } from '../../lib/queries';
import { useSettings } from '../../lib/settings';
import { TemplatePicker } from './TemplatePicker';

/** 应用行业模板: adds a template's missing categories (and sources, expense categories) later. */
export function ApplyTemplateDialog({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const settings = useSettings();
  const apply = useChannelMutation('baseData.applyTemplate');
  const [template, setTemplate] = useState<TemplateKey>(settings.data?.template ?? 'general');

  const submit = () =>
    apply.mutate(
      { template },
      {
        onSuccess: ({ added }) => {
          notifications.show({
            color: 'green',
            message:
              added.length === 0
                ? t('baseData.templates.nothingAdded')
                : t('baseData.templates.added', {
                    count: added.length,
                    names: added.map((i) => baseName(i, i18n.language)).join(t('baseData.separator')),
                  }),
          });
          onClose();
        },
        onError: (err) => notifyError(t, err),
      },
    );

  return (
    <Modal opened={opened} onClose={onClose} title={t('baseData.templates.applyTitle')} size="xl">
      <Stack gap="md">
        <Text size="sm">{t('baseData.templates.applyExplain')}</Text>
        <TemplatePicker value={template} onChange={setTemplate} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button onClick={submit} loading={apply.isPending}>
            {t('baseData.templates.applyButton')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

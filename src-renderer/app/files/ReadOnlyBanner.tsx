import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFiles } from '../../lib/file-context';

/**
 * Under the header while the open file is read-only: why (asked for, the file or its folder
 * cannot be written, another Solo CRM has it) and what to do, with the way out at hand.
 */
export function ReadOnlyBanner() {
  const { t } = useTranslation();
  const { state, openPath, saveCopy } = useFiles();
  const file = state?.file;
  if (!file?.readOnly) return null;
  const reason = file.readOnlyReason ?? 'requested';
  if (reason === 'checking')
    return (
      <Alert
        color="blue"
        variant="light"
        icon={<Loader size="sm" aria-hidden />}
        title={t('file.banner.checkingTitle')}
        mb="md"
        data-app-chrome
        role="status"
      >
        <Text size="sm">{t('file.banner.checking')}</Text>
      </Alert>
    );
  // Asked for, or another Solo CRM had it: opening it again for writing may work now.
  const canReopen = reason === 'requested' || reason === 'in_use';
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconLock />}
      title={t('file.banner.title')}
      mb="md"
      data-app-chrome
      role="status"
    >
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm" style={{ flex: 1, minWidth: 260 }}>
          {t(`file.banner.${reason}`)}
        </Text>
        <Group gap="xs">
          {canReopen ? (
            <Button
              size="xs"
              variant="light"
              color="orange"
              onClick={() => openPath(file.path, { readOnly: false })}
            >
              {t('file.banner.reopen')}
            </Button>
          ) : (
            <Button size="xs" variant="light" color="orange" onClick={saveCopy}>
              {t('file.saveCopy')}
            </Button>
          )}
        </Group>
      </Group>
    </Alert>
  );
}

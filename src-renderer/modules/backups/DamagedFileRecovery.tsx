import { Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api';
import { useRestoreDamaged } from './useBackupRestore';
import { countsText, reasonText, timeText } from './words';

/**
 * Under the refusal of a damaged file: the newest backup of that file that passed its check, with
 * what it holds, and 恢复这份备份 (the damaged file is kept among the backups, as it was). When this
 * computer has none, says so and what else there is to try.
 */
export function DamagedFileRecovery({ path, onRestore }: { path: string; onRestore?: () => void }) {
  const { t } = useTranslation();
  const restore = useRestoreDamaged();
  const [restoring, setRestoring] = useState(false);
  const query = useQuery({
    queryKey: ['backups.forFile', { path }],
    queryFn: () => call('backups.forFile', { path }),
  });
  if (query.isPending) return <Loader size="sm" role="status" aria-label={t('common.loading')} />;
  const good = query.data?.find((b) => b.verified);
  if (!good)
    return (
      <Text size="sm" c="dimmed">
        {t('backups.damaged.none')}
      </Text>
    );
  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('backups.damaged.found', { time: timeText(good), reason: reasonText(t, good) })}
        </Text>
        <Text size="sm">{t('backups.damaged.holds', { counts: countsText(t, good.counts) })}</Text>
        <Text size="sm" c="dimmed">
          {t('backups.damaged.keep')}
        </Text>
        <Group>
          <Button
            leftSection={<IconRestore size={16} />}
            loading={restoring}
            onClick={() => {
              setRestoring(true);
              onRestore?.();
              void restore(path, good).finally(() => setRestoring(false));
            }}
          >
            {t('backups.damaged.action')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

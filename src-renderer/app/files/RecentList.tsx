import { ActionIcon, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabase, IconX } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RecentFile } from '../../../src-main/contract';
import { call } from '../../api';
import { notifyError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';

const recentKey = ['file.recent', {}] as const;

/** 最近使用: the files opened lately, newest first, each marked when it is no longer there. */
export function useRecentFiles(enabled = true) {
  return useQuery({ queryKey: recentKey, queryFn: () => call('file.recent', {}), enabled });
}

/** Takes a file off 最近使用 (the file itself stays where it is). */
export function useForgetRecent() {
  const { t } = useTranslation();
  const client = useQueryClient();
  return async (file: RecentFile) => {
    try {
      client.setQueryData(recentKey, await call('file.forget', { path: file.path }));
      notifications.show({ message: t('file.forgotten', { name: file.name }) });
    } catch (err) {
      notifyError(t, err);
    }
  };
}

/**
 * The recent files as a list: name, path and when each was last opened; 打开 and 移除 on each
 * row. A file that is gone is marked 已不存在 and cannot be opened, only removed.
 */
export function RecentList({
  currentPath,
  onOpen,
}: {
  /** The open file: marked, and not opened again. */
  currentPath?: string;
  onOpen: (file: RecentFile) => void;
}) {
  const { t } = useTranslation();
  const recent = useRecentFiles();
  const forget = useForgetRecent();
  if (recent.isPending) return <Text size="sm">{t('common.loading')}</Text>;
  const files = recent.data ?? [];
  if (files.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('file.recentEmpty')}
      </Text>
    );
  }
  return (
    <Stack
      component="ul"
      gap="xs"
      aria-label={t('file.recent')}
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
    >
      {files.map((file) => {
        const isCurrent = file.path === currentPath;
        return (
          <Paper component="li" key={file.path} withBorder p="xs" radius="sm">
            <Group wrap="nowrap" gap="sm" align="center">
              <IconDatabase size={22} aria-hidden style={{ flexShrink: 0, opacity: file.exists ? 1 : 0.4 }} />
              <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                <Group gap="xs" wrap="nowrap">
                  <Text fw={600} size="sm" c={file.exists ? undefined : 'dimmed'} truncate>
                    {file.name}
                  </Text>
                  {!file.exists && (
                    <Badge color="red" variant="light" size="sm" style={{ flexShrink: 0 }}>
                      {t('file.missing')}
                    </Badge>
                  )}
                  {isCurrent && (
                    <Badge variant="light" size="sm" style={{ flexShrink: 0 }}>
                      {t('file.current')}
                    </Badge>
                  )}
                </Group>
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {file.path}
                </Text>
                <Text size="xs" c="dimmed">
                  {t('file.openedAt', { time: formatDateTime(file.openedAt) })}
                </Text>
              </Stack>
              <Button
                size="xs"
                variant="light"
                disabled={!file.exists || isCurrent}
                aria-label={t('file.openRecent', { name: file.name })}
                onClick={() => onOpen(file)}
              >
                {t('file.openButton')}
              </Button>
              <Tooltip label={t('file.forget', { name: file.name })} withinPortal>
                <ActionIcon
                  variant="subtle"
                  color="gray"
                  aria-label={t('file.forget', { name: file.name })}
                  onClick={() => void forget(file)}
                  disabled={isCurrent}
                >
                  <IconX size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          </Paper>
        );
      })}
    </Stack>
  );
}

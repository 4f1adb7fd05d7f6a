import { Alert, Badge, Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconDatabasePlus,
  IconFolder,
  IconFolderOpen,
  IconHistory,
  IconLock,
  IconRestore,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EntriesTable } from '../../components/EntriesTable';
import type { BackupInfo, BackupReason } from '../../../src-main/contract';
import { call, callNative, isDesktop } from '../../api';
import { useFiles } from '../../lib/file-context';
import { formatSize, joinPath } from '../../lib/file-text';
import { notifyError } from '../../lib/errors';
import { useJobRunner } from '../../lib/jobs';
import { useBackupRestore } from './useBackupRestore';
import { countsText, folderOf, reasonText, timeText } from './words';

/** Backups appear by themselves (every 15 minutes while the file changes): look again this often. */
const REFRESH_MS = 60_000;

const reasonColor: Record<BackupReason, string> = {
  open: 'gray',
  interval: 'gray',
  close: 'gray',
  manual: 'blue',
  'before-import': 'orange',
  'before-restore': 'orange',
  'before-upgrade': 'orange',
  'before-empty-trash': 'orange',
  safety: 'violet',
};

/** Where this file's backups are: the folder itself once there is one, else where it will be. */
function BackupsFolder({ backups, dataFolder }: { backups: BackupInfo[]; dataFolder: string }) {
  const { t } = useTranslation();
  const newest = backups[0];
  return (
    <Paper withBorder p="md" radius="sm">
      <Stack gap={6}>
        <Group gap="xs" wrap="nowrap">
          <IconFolder size={18} aria-hidden />
          <Title order={3} size="h5">
            {t('backups.where.title')}
          </Title>
        </Group>
        {newest ? (
          <Group gap="xs" align="center">
            <Text size="sm">{t('backups.where.folder')}</Text>
            <Code style={{ overflowWrap: 'anywhere' }} data-testid="backups-folder">
              {folderOf(newest.file)}
            </Code>
            {isDesktop && (
              <Button
                size="compact-sm"
                variant="subtle"
                leftSection={<IconFolderOpen size={16} />}
                onClick={() =>
                  void callNative('native.showInFolder', { path: newest.file }).catch((err: unknown) =>
                    notifyError(t, err),
                  )
                }
              >
                {t('backups.where.show')}
              </Button>
            )}
          </Group>
        ) : (
          <Text size="sm">{t('backups.where.parent', { folder: joinPath(dataFolder, 'backups') })}</Text>
        )}
        <Text size="sm" c="dimmed">
          {t('backups.where.stays')}
        </Text>
      </Stack>
    </Paper>
  );
}

/**
 * 备份: the open file's backups, newest first, with when and why each was taken, its size, what
 * it holds and whether it passed its check; 立即备份; and 恢复 (two clicks, with 撤销).
 */
export function BackupsPage() {
  const { t } = useTranslation();
  const files = useFiles();
  const file = files.state?.file;
  const readOnly = file?.readOnly ?? false;
  const runJob = useJobRunner();
  const restore = useBackupRestore();
  const query = useQuery({
    queryKey: ['backups.list', {}],
    queryFn: () => call('backups.list', {}),
    refetchInterval: REFRESH_MS,
  });
  const backups = query.data ?? [];

  const backupNow = () =>
    void runJob(
      { kind: 'backup.create', reason: 'manual' },
      {
        title: t('backups.backupNow'),
        doneMessage: (backup) => t('backups.created', { time: timeText(backup) }),
      },
    );

  const rows = backups.map((b) => (
    <Table.Tr key={b.name}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{timeText(b)}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={reasonColor[b.reason]} style={{ textTransform: 'none' }}>
          {reasonText(t, b)}
        </Badge>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatSize(b.sizeBytes)}</Table.Td>
      <Table.Td>{b.verified ? countsText(t, b.counts) : t('backups.counts.unknown')}</Table.Td>
      <Table.Td>
        {b.verified ? (
          <Group gap={4} wrap="nowrap">
            <IconCircleCheck size={16} color="var(--mantine-color-green-8)" aria-hidden />
            <Text size="sm">{t('backups.verified')}</Text>
          </Group>
        ) : (
          <Stack gap={2}>
            <Group gap={4} wrap="nowrap">
              <IconAlertTriangle size={16} color="var(--mantine-color-orange-8)" aria-hidden />
              <Text size="sm">{t('backups.notVerified')}</Text>
            </Group>
            <Text size="xs" c="dimmed">
              {t('backups.notVerifiedHint')}
            </Text>
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        <Button
          size="compact-sm"
          variant="light"
          color="orange"
          leftSection={<IconRestore size={16} />}
          disabled={readOnly}
          aria-label={t('backups.restoreLabel', { time: timeText(b) })}
          onClick={() => restore(b)}
        >
          {t('backups.restore')}
        </Button>
      </Table.Td>
    </Table.Tr>
  ));

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={2}>{t('backups.title')}</Title>
        <Button leftSection={<IconDatabasePlus size={16} />} onClick={backupNow} disabled={!file || readOnly}>
          {t('backups.backupNow')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t('backups.intro')}
      </Text>
      {readOnly && (
        <Alert color="orange" variant="light" icon={<IconLock />}>
          {t('backups.readOnly')}
        </Alert>
      )}
      {query.isSuccess && <BackupsFolder backups={backups} dataFolder={files.state?.dataFolder ?? ''} />}

      <EntriesTable
        query={query}
        count={backups.length}
        empty={{
          icon: <IconHistory size={30} />,
          title: t('backups.emptyTitle'),
          text: t('backups.emptyText'),
        }}
        label={t('backups.list')}
        headers={(['time', 'reason', 'size', 'counts', 'verified', 'actions'] as const).map((c) =>
          t(`backups.columns.${c}`),
        )}
        rows={rows}
      />
      {backups.length > 0 && (
        <Text size="sm" c="dimmed">
          {t('backups.total', { count: backups.length })}
        </Text>
      )}
    </Stack>
  );
}

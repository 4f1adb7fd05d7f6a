import { Button, Group, List, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, RestoreOutcome } from '../../../src-main/contract';
import { ApiError } from '../../api';
import { useFiles, type FileCommands } from '../../lib/file-context';
import { errorText } from '../../lib/errors';
import { countsText, reasonText, timeText } from './words';

/** The screen the app shows after a restore or its undo: the list that says what happened. */
const AFTER = '/backups';
/** Long enough to look at the restored data and come back for 撤销 (the list offers it later too). */
const NOTICE_MS = 30_000;

/** A refused restore in words: a damaged or vanished backup in this screen's own. */
function failureText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    if (err.data.code === 'FILE_DAMAGED') return t('backups.errors.damaged');
    if (err.data.code === 'NOT_FOUND') return t('backups.errors.gone');
  }
  return errorText(t, err);
}

/**
 * A restore of a backup, its undo (restoring the safety copy), doing it again after an undo, or
 * the restore of a file that would not open (damaged): that one offers no 撤销, which would only
 * bring the damaged file back; its safety copy is listed among the backups all the same.
 */
type Step = 'restore' | 'undo' | 'redo' | 'damaged';

/**
 * Restores `name` under the notice `id`, `time` being when the backup first restored was taken:
 * the notice says it runs, then what happened, with the way back (撤销 after a restore, 重做
 * after an undo), each itself a restore of the safety copy just made.
 */
async function restoreWithNotice(
  t: TFunction,
  files: Pick<FileCommands, 'restoreBackup'>,
  id: string,
  name: string,
  time: string,
  step: Step,
  path?: string,
) {
  const undoing = step === 'undo';
  notifications.show({
    id,
    loading: true,
    message: undoing ? t('backups.undoing') : t('backups.restoring'),
    autoClose: false,
    withCloseButton: false,
  });
  let outcome: RestoreOutcome | null;
  try {
    outcome = await files.restoreBackup(name, AFTER, path);
  } catch (err) {
    notifications.update({
      id,
      loading: false,
      color: 'red',
      title: t('backups.failed'),
      message: failureText(t, err),
      autoClose: 10_000,
      withCloseButton: true,
    });
    return;
  }
  // The user kept editing a form instead: nothing was restored.
  if (!outcome) return notifications.hide(id);
  const safety = step === 'damaged' ? null : outcome.safety;
  const back = () => safety && void restoreWithNotice(t, files, id, safety, time, undoing ? 'redo' : 'undo');
  notifications.update({
    id,
    loading: false,
    color: 'green',
    title: undoing ? t('backups.undone') : t('backups.restored', { time }),
    autoClose: NOTICE_MS,
    withCloseButton: true,
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">
          {undoing
            ? t('backups.undoneText')
            : step === 'damaged'
              ? t('backups.damaged.restoredText')
              : t('backups.restoredText')}
        </Text>
        {safety && (
          <Button size="compact-sm" variant="light" onClick={back}>
            {undoing ? t('backups.redo') : t('backups.undo')}
          </Button>
        )}
      </Group>
    ),
  });
}

/**
 * 恢复 in two clicks: the first opens a dialog that says what happens (the file as it is now is
 * kept as a safety copy, then the backup replaces it, and 撤销 goes back), the second restores.
 * Afterwards every screen reads the file again, and a notice offers 撤销.
 */
export function useBackupRestore() {
  const { t } = useTranslation();
  const files = useFiles();
  const fileName = files.state?.file?.name ?? '';

  return (backup: BackupInfo) => {
    const time = timeText(backup);
    modals.openConfirmModal({
      title: t('backups.confirm.title'),
      children: (
        <Stack gap="xs">
          <Text size="sm">
            {t('backups.confirm.lead', { time, reason: reasonText(t, backup), name: fileName })}
          </Text>
          <Text size="sm" c="dimmed">
            {t('backups.confirm.contains', { counts: countsText(t, backup.counts) })}
          </Text>
          <List type="ordered" size="sm" spacing={4}>
            <List.Item>{t('backups.confirm.keep')}</List.Item>
            <List.Item>{t('backups.confirm.replace', { time })}</List.Item>
            <List.Item>{t('backups.confirm.undo')}</List.Item>
          </List>
        </Stack>
      ),
      labels: { confirm: t('backups.confirm.action'), cancel: t('actions.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void restoreWithNotice(t, files, `restore-${backup.name}`, backup.name, time, 'restore'),
    });
  };
}

/**
 * 恢复 for a file that would not open, being damaged: `backup` (of that file) takes its place,
 * the damaged file is kept among its backups as it was, and the restored file is opened.
 */
export function useRestoreDamaged() {
  const { t } = useTranslation();
  const files = useFiles();
  return (path: string, backup: BackupInfo) =>
    restoreWithNotice(t, files, `restore-${backup.name}`, backup.name, timeText(backup), 'damaged', path);
}

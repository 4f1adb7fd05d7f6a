import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo, useRef, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Envelope, FileState } from '../../../src-main/contract';
import { ApiError } from '../../api';
import { notifyError } from '../../lib/errors';
import { useJobRunner } from '../../lib/jobs';
import type { FileDialog } from '../../lib/file-context';
import { formatSize, isPathTaken } from '../../lib/file-text';

/** The extensions a Solo CRM database file usually has (the picker offers "all files" too). */
const DATABASE_FILES = '.db,.solocrm,.sqlite,.sqlite3';

/**
 * The database file's copies: 另存副本 (a job, either edition), and in the browser edition
 * 导出数据库文件 (a copy the browser downloads) and 导入数据库文件 (a file the browser uploads,
 * which the server checks, keeps in the data folder and opens).
 */
export function useTransfers(opts: {
  apply: (next: FileState) => Promise<void>;
  mayDiscard: () => Promise<boolean>;
  refused: (err: unknown, path: string) => Promise<void>;
  openPath: (path: string) => void;
  setDialog: (dialog: FileDialog) => void;
}) {
  const { apply, mayDiscard, refused, openPath, setDialog } = opts;
  const { t } = useTranslation();
  const runJob = useJobRunner();
  const picker = useRef<HTMLInputElement>(null);

  const saveCopyAt = useCallback(
    async (path: string) => {
      setDialog(null);
      const title = t('file.saveCopyTitle');
      const copy = await runJob(
        { kind: 'file.saveCopy', path },
        { title, failureText: (err) => (isPathTaken(err) ? t('file.pathTaken') : undefined) },
      );
      if (!copy) return;
      const id = `copy-${copy.path}`;
      // No title: the sentence says it all, in full contrast (a titled notice greys its text).
      notifications.show({
        id,
        color: 'green',
        autoClose: 10_000,
        message: (
          <Stack gap={6} align="flex-start">
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('file.savedCopy', { path: copy.path, size: formatSize(copy.sizeBytes) })}
            </Text>
            <Button
              size="compact-xs"
              variant="light"
              onClick={() => {
                notifications.hide(id);
                openPath(copy.path);
              }}
            >
              {t('file.openCopy')}
            </Button>
          </Stack>
        ),
      });
    },
    [openPath, runJob, setDialog, t],
  );

  const exportFile = useCallback(async () => {
    const title = t('file.exportFile');
    const copy = await runJob({ kind: 'file.exportCopy' }, { title });
    if (!copy) return;
    // The server sends the copy once, under the open file's name; the browser saves it.
    const link = document.createElement('a');
    link.href = `download/database/${encodeURIComponent(copy.download)}?as=${encodeURIComponent(copy.fileName)}`;
    link.download = copy.fileName;
    document.body.append(link);
    link.click();
    link.remove();
    notifications.show({
      color: 'green',
      message: t('file.exported', { name: copy.fileName, size: formatSize(copy.sizeBytes) }),
      autoClose: 8000,
    });
  }, [runJob, t]);

  const upload = useCallback(
    async (event: ChangeEvent<HTMLInputElement>) => {
      const file = event.currentTarget.files?.[0];
      // Cleared, so that choosing the same file again is a change too.
      event.currentTarget.value = '';
      if (!file || !(await mayDiscard())) return;
      const id = notifications.show({
        loading: true,
        title: t('file.importFile'),
        message: t('file.importing', { name: file.name }),
        autoClose: false,
        withCloseButton: false,
      });
      let envelope: Envelope<FileState>;
      try {
        const res = await fetch('upload/database', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/octet-stream',
            'X-File-Name': encodeURIComponent(file.name),
          },
          body: file,
          credentials: 'same-origin',
        });
        envelope = (await res.json()) as Envelope<FileState>;
      } catch (err) {
        notifications.hide(id);
        notifyError(t, new ApiError({ code: 'NETWORK', message: (err as Error).message }));
        return;
      }
      notifications.hide(id);
      if (!envelope.ok) return refused(new ApiError(envelope.error), file.name);
      await apply(envelope.data);
      const opened = envelope.data.file;
      if (opened) notifications.show({ color: 'green', message: t('file.opened', { name: opened.name }) });
    },
    [apply, mayDiscard, refused, t],
  );

  const input = (
    <input
      ref={picker}
      type="file"
      accept={DATABASE_FILES}
      aria-label={t('file.importFile')}
      style={{ display: 'none' }}
      onChange={(e) => void upload(e)}
    />
  );

  return useMemo(
    () => ({ saveCopyAt, exportFile, chooseUpload: () => picker.current?.click(), input }),
    // `input` is rebuilt with `upload`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [saveCopyAt, exportFile, upload],
  );
}

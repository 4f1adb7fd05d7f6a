import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { TrashEntry } from '../../../src-main/contract';
import { confirmDelete } from '../../components/confirmDelete';
import { notifyError } from '../../lib/errors';
import { useJobRunner } from '../../lib/jobs';
import { useChannelMutation } from '../../lib/queries';
import { dropUndoNotices } from '../../lib/undo';
import { countsText, kindWord, recordPath, sumCounts } from './words';

/** Restored records the notice offers to open, at most. */
const OPEN_LINKS = 5;

/** 恢复, 彻底删除 and 清空回收站, each with its dialog or notice. */
export function useTrashActions() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const restore = useChannelMutation('trash.restore');
  const purge = useChannelMutation('trash.purge');
  const runJob = useJobRunner();
  const label = (e: TrashEntry) => `${t(`trash.kinds.${e.kind}`)} ${e.title}`;

  /** Brings entries back; the notice names them and opens each restored record. */
  const restoreEntries = (entries: TrashEntry[], onDone?: () => void) => {
    const [first] = entries;
    if (!first) return;
    restore.mutate(
      { ids: entries.map((e) => e.id) },
      {
        onSuccess: ({ records }) => {
          dropUndoNotices(entries.map((e) => e.id));
          const withIt = countsText(t, sumCounts(entries.map((e) => e.counts)));
          // The restored records the user picked, to open from the notice.
          const opened = records
            .flatMap((r) => entries.filter((e) => e.kind === r.kind && e.recordId === r.id))
            .slice(0, OPEN_LINKS);
          const id = notifications.show({
            color: 'green',
            autoClose: 8000,
            title:
              entries.length === 1
                ? t('trash.restoredOne', { what: kindWord(t, first.kind), title: first.title })
                : t('trash.restoredMany', { count: entries.length }),
            message: (
              <Stack gap={4}>
                {withIt && <Text size="sm">{t('trash.restoredWith', { counts: withIt })}</Text>}
                {opened.map((e) => (
                  <Anchor
                    key={e.id}
                    component="button"
                    size="sm"
                    ta="left"
                    onClick={() => {
                      notifications.hide(id);
                      void navigate(recordPath(e.kind, e.recordId));
                    }}
                  >
                    {t('trash.open', { what: kindWord(t, e.kind), title: e.title })}
                  </Anchor>
                ))}
              </Stack>
            ),
          });
          onDone?.();
        },
        onError: (err) => notifyError(t, err),
      },
    );
  };

  /** Deletes entries for good, after a dialog that names them and what goes with them. */
  const purgeEntries = (entries: TrashEntry[], onDone?: () => void) => {
    const [first] = entries;
    if (!first) return;
    const withIt = countsText(t, sumCounts(entries.map((e) => e.counts)));
    confirmDelete({
      title: t('trash.purgeTitle'),
      message:
        entries.length === 1
          ? t('trash.purgeOne', { what: kindWord(t, first.kind), title: first.title })
          : t('trash.purgeMany', { count: entries.length }),
      items: entries.map(label),
      consequence: withIt ? (
        <Alert color="orange" mt="sm" title={t('trash.purgeAlso')}>
          {withIt}
        </Alert>
      ) : undefined,
      confirmLabel: t('trash.purgeTitle'),
      cancelLabel: t('actions.cancel'),
      onConfirm: () =>
        purge.mutate(
          { ids: entries.map((e) => e.id) },
          {
            onSuccess: ({ purged }) => {
              dropUndoNotices(entries.map((e) => e.id));
              notifications.show({ color: 'green', message: t('trash.purged', { count: purged }) });
              onDone?.();
            },
            onError: (err) => notifyError(t, err),
          },
        ),
    });
  };

  /** Empties the whole trash (`count` entries), after a dialog, as a job: progress and 取消. */
  const emptyTrash = (count: number, onDone?: () => void) =>
    confirmDelete({
      title: t('trash.emptyConfirmTitle'),
      message: t('trash.emptyConfirm', { count }),
      confirmLabel: t('trash.emptyTrash'),
      cancelLabel: t('actions.cancel'),
      onConfirm: () =>
        void runJob(
          { kind: 'trash.empty' },
          {
            title: t('trash.emptyTrash'),
            doneMessage: ({ purged }) => t('trash.emptied', { count: purged }),
          },
        ).then((result) => {
          if (!result) return;
          dropUndoNotices();
          onDone?.();
        }),
    });

  const busy = restore.isPending || purge.isPending;
  return { restoreEntries, purgeEntries, emptyTrash, busy };
}

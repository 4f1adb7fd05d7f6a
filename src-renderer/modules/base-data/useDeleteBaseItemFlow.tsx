import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { BaseDataUsage, BaseItem } from '../../../src-main/contract';
import { ApiError, call } from '../../api';
import { confirmDelete } from '../../components/confirmDelete';
import { baseName } from '../../lib/base-data';
import { notifyError } from '../../lib/errors';
import { useChannelMutation } from '../../lib/queries';
import { isClosedStage } from './stages';

const totalOf = (usage: BaseDataUsage) => Object.values(usage).reduce((a, b) => a + b, 0);

/** "客户 12、机会 3": the records that use an entry, per kind. */
function usageDetail(t: TFunction, usage: BaseDataUsage): string {
  return Object.entries(usage)
    .map(([table, count]) => t(`baseData.usage.${table}`, { count, defaultValue: `${table} ${count}` }))
    .join(t('baseData.separator'));
}

/** A refused delete, in words: a stage the pipeline needs, or (after a race) an entry now in use. */
function notifyDeleteError(t: TFunction, item: BaseItem, err: Error) {
  if (err instanceof ApiError && err.data.code === 'CONFLICT') {
    notifications.show({
      color: 'orange',
      title: t('errors.title'),
      message: t('baseData.cannotDelete', {
        reason: t(
          item.kind === 'opportunity_stage' ? 'baseData.cannotDeleteStage' : 'baseData.cannotDeleteInUse',
        ),
      }),
    });
  } else notifyError(t, err);
}

/** The dialog for an entry in use: how many records use it, and where to move them before it goes. */
function MergeDeleteDialog({
  item,
  usage,
  items,
  onClose,
  onMerged,
}: {
  item: BaseItem;
  usage: BaseDataUsage;
  items: BaseItem[];
  onClose: () => void;
  onMerged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const del = useChannelMutation('baseData.delete');
  const [into, setInto] = useState<string | null>(null);
  const name = baseName(item, i18n.language);
  // Open opportunities cannot be moved into 赢单/输单 (that is 结束机会's job), nor into an inactive entry.
  const targets = items.filter((i) => i.id !== item.id && i.active && !isClosedStage(i));
  const target = targets.find((i) => String(i.id) === into);

  const merge = () => {
    if (!target) return;
    del.mutate(
      { id: item.id, mergeInto: target.id },
      {
        onSuccess: ({ moved }) => {
          notifications.show({
            color: 'green',
            message: t('baseData.merged', { name, count: moved, into: baseName(target, i18n.language) }),
          });
          onClose();
          onMerged();
        },
        onError: (err) => notifyDeleteError(t, item, err),
      },
    );
  };

  return (
    <Modal opened onClose={onClose} title={t('baseData.inUseTitle', { name })}>
      <Stack>
        <Text size="sm">
          {t('baseData.inUse', { count: totalOf(usage), name, detail: usageDetail(t, usage) })}
        </Text>
        {targets.length > 0 ? (
          <>
            <Text size="sm">{t('baseData.mergeExplain')}</Text>
            <Select
              label={t('baseData.mergeInto')}
              data={targets.map((i) => ({ value: String(i.id), label: baseName(i, i18n.language) }))}
              value={into}
              onChange={setInto}
              searchable
            />
          </>
        ) : (
          <Alert color="orange">{t('baseData.noMergeTarget')}</Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('actions.cancel')}
          </Button>
          <Button color="red" disabled={!target} loading={del.isPending} onClick={merge}>
            {t('baseData.mergeAndDelete')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * 删除 an entry: asks how many records use it first. Unused, a plain confirm; in use, a dialog
 * that names the count and offers to merge it into another entry of the same list.
 */
export function useDeleteBaseItemFlow(
  items: BaseItem[],
  /** After a merge moved records: the totals that depend on them are rebuilt. */
  onMerged: () => void = () => undefined,
): {
  start: (item: BaseItem) => void;
  dialog: ReactNode;
} {
  const { t, i18n } = useTranslation();
  const del = useChannelMutation('baseData.delete');
  const [inUse, setInUse] = useState<{ item: BaseItem; usage: BaseDataUsage } | null>(null);

  const start = (item: BaseItem) => {
    const name = baseName(item, i18n.language);
    call('baseData.usage', { id: item.id }).then(
      (usage) => {
        if (totalOf(usage) > 0) {
          setInUse({ item, usage });
          return;
        }
        confirmDelete({
          title: t('baseData.deleteTitle'),
          message: t('baseData.deleteOne', { name }),
          confirmLabel: t('actions.delete'),
          cancelLabel: t('actions.cancel'),
          onConfirm: () =>
            del.mutate(
              { id: item.id },
              {
                onSuccess: () =>
                  notifications.show({ color: 'green', message: t('baseData.deleted', { name }) }),
                onError: (err) => notifyDeleteError(t, item, err),
              },
            ),
        });
      },
      (err: unknown) => notifyError(t, err),
    );
  };

  const dialog = inUse && (
    <MergeDeleteDialog
      key={inUse.item.id}
      item={inUse.item}
      usage={inUse.usage}
      items={items}
      onClose={() => setInUse(null)}
      onMerged={onMerged}
    />
  );
  return { start, dialog };
}

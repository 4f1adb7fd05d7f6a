import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { QueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { trashKinds, type DeleteResult, type TrashKind } from '../../src-main/contract';
import { call } from '../api';
import { errorText } from './errors';

/** Long enough to read the notice and reach for 撤销. */
const UNDO_VISIBLE_MS = 10_000;

/** A delete channel's answer that put records in the trash, and the kind they were. */
export function trashedBy(
  channel: string,
  result: unknown,
): { kind: TrashKind; result: DeleteResult } | null {
  const kind = channel.replace(/\.delete$/, '');
  if (kind === channel || !(trashKinds as readonly string[]).includes(kind)) return null;
  const r = result as Partial<DeleteResult> | null;
  if (!r || !Array.isArray(r.trashIds) || r.trashIds.length === 0) return null;
  return { kind: kind as TrashKind, result: r as DeleteResult };
}

/** The undo notices on screen, by notice id, with the trash entries each would restore. */
const shown = new Map<string, number[]>();

/**
 * Takes back the undo notices of trash entries restored or deleted for good some other way (in
 * 回收站), so no 撤销 is left that could only fail. Without ids: every undo notice.
 */
export function dropUndoNotices(trashIds?: number[]) {
  for (const [id, ids] of shown) {
    if (!trashIds || ids.some((i) => trashIds.includes(i))) {
      shown.delete(id);
      notifications.hide(id);
    }
  }
}

/**
 * The notice after a delete: "已删除 2 个联系人，已移到回收站" with 撤销, which restores exactly
 * those trash entries and refreshes every screen. The only notice a delete shows.
 */
export function showUndoDelete(t: TFunction, client: QueryClient, kind: TrashKind, result: DeleteResult) {
  const id = `undo-${result.trashIds.join('-')}`;
  // Each module words its own deletes (已删除 1 笔费用); any other kind says 条记录.
  const deleted = t(`${kind}.deleted`, {
    count: result.deleted,
    defaultValue: t('trash.undo.deleted', { count: result.deleted }),
  });
  const undo = () => {
    shown.delete(id);
    const restoring = call('trash.restore', { ids: result.trashIds }).finally(() => {
      void client.invalidateQueries();
    });
    void notifications
      .promise(restoring, {
        id,
        loading: { message: t('trash.undo.restoring') },
        success: () => ({
          color: 'green',
          message: t('trash.undo.restored', {
            what: t(`trash.counts.${kind}`, { count: result.deleted }),
          }),
          autoClose: 4000,
        }),
        error: (err) => ({
          title: t('errors.title'),
          message: errorText(t, err),
          autoClose: UNDO_VISIBLE_MS,
        }),
      })
      .catch(() => undefined);
  };
  shown.set(id, result.trashIds);
  notifications.show({
    id,
    color: 'green',
    autoClose: UNDO_VISIBLE_MS,
    onClose: () => shown.delete(id),
    message: (
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Text size="sm">{t('trash.undo.moved', { deleted })}</Text>
        <Button size="compact-sm" variant="light" onClick={undo}>
          {t('trash.undo.action')}
        </Button>
      </Group>
    ),
  });
}

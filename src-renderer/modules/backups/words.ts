import type { TFunction } from 'i18next';
import type { BackupInfo, RecordCounts } from '../../../src-main/contract';
import dayjs from 'dayjs';

/** The tables a backup's counts name, in the order the lab guide's modules come. */
const countOrder = [
  'customers',
  'contacts',
  'opportunities',
  'sales',
  'feedback',
  'expenses',
  'activities',
  'products',
  'trash',
] as const;

/** What a backup holds, in words: 客户 12 · 联系人 30 · 销售 8. Tables with no rows are left out. */
export function countsText(t: TFunction, counts: RecordCounts | null): string {
  if (!counts) return t('backups.counts.unknown');
  const parts = countOrder
    .filter((table) => (counts[table] ?? 0) > 0)
    .map((table) => t(`backups.counts.${table}`, { count: counts[table] }));
  return parts.length > 0 ? parts.join(t('backups.counts.separator')) : t('backups.counts.none');
}

/** Why a backup was taken, in words: 打开时, 每 15 分钟, 手动 … */
export const reasonText = (t: TFunction, backup: Pick<BackupInfo, 'reason'>): string =>
  t(`backups.reasons.${backup.reason}`);

/** When a backup was taken, local, to the second (several can be taken in one minute): 2026-12-02 14:30:05. */
export const timeText = (backup: Pick<BackupInfo, 'time'>): string =>
  dayjs(backup.time).format('YYYY-MM-DD HH:mm:ss');

/** The folder a file is in, with that computer's own separator. */
export function folderOf(file: string): string {
  const cut = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return cut > 0 ? file.slice(0, cut) : file;
}

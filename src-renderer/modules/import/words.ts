import type { TFunction } from 'i18next';
import dayjs from 'dayjs';
import type { ImportField, ImportProblem, RejectedRow } from '../../../src-main/contract';
import { reasonText } from '../../lib/errors';
import { exportTable, type ExportColumn, type ExportFormat } from '../../lib/export';

/** A field's name in the user's language, as the forms label it. */
export const fieldLabel = (field: Pick<ImportField, 'label'>, language: string): string =>
  language.startsWith('zh') ? field.label.zh : field.label.en;

/** Why a cell was refused, in the words the forms use for the same reason. */
export const problemText = (t: TFunction, p: Pick<ImportProblem, 'reason' | 'params' | 'value'>): string =>
  // The forms' 所选项目不存在 is about a choice made in a list; a file names a record that is not there.
  p.reason === 'not_found'
    ? t('import.check.notFound', { value: p.value })
    : reasonText(t, {
        reason: p.reason,
        params: p.params,
        limit: typeof p.params?.limit === 'number' ? p.params.limit : undefined,
      });

/** When an import ran, local, to the minute. */
export const timeText = (iso: string): string => dayjs(iso).format('YYYY-MM-DD HH:mm');

/** Every reason of each row, as one cell: 公司名称：必填；客户类型：不是可选的值. */
export function reasonsByRow(t: TFunction, problems: ImportProblem[]): Map<number, string> {
  const byRow = new Map<number, string[]>();
  for (const p of problems) {
    const list = byRow.get(p.row) ?? [];
    list.push(t('import.check.reasonItem', { column: p.column, reason: problemText(t, p) }));
    byRow.set(p.row, list);
  }
  return new Map([...byRow].map(([row, list]) => [row, list.join(t('import.check.reasonSeparator'))]));
}

/**
 * The rows not imported, as the file has them, with 错误原因 at the end: fixed, the file imports
 * again with the same mapping (the extra column is left unmapped).
 */
export async function saveRejected(
  t: TFunction,
  format: ExportFormat,
  result: { headers: string[]; rejected: RejectedRow[]; problems: ImportProblem[] },
  fileName: string,
): Promise<void> {
  const reasons = reasonsByRow(t, result.problems);
  const columns: ExportColumn<RejectedRow>[] = [
    ...result.headers.map((title, i) => ({ title, value: (r: RejectedRow) => r.cells[i] ?? '' })),
    { title: t('import.check.reasonColumn'), value: (r: RejectedRow) => reasons.get(r.row) ?? '' },
  ];
  const base = fileName.replace(/\.[^.]+$/, '');
  await exportTable(format, columns, result.rejected, t('import.check.fileName', { name: base }));
}

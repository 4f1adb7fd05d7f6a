import type { BaseItem, BaseKind } from '../contract';
import type { Db } from '../db/open';
import { AppError } from '../db/errors';
import type { HandlerMap } from '../ipc/registry';

interface BaseItemRow {
  id: number;
  kind: BaseKind;
  key: string | null;
  name_zh: string;
  name_en: string;
  sort_order: number;
  probability: number | null;
  active: number;
}

const toItem = (r: BaseItemRow): BaseItem => ({
  id: r.id,
  kind: r.kind,
  key: r.key,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  sortOrder: r.sort_order,
  probability: r.probability,
  active: r.active === 1,
});

export function listBaseItems(db: Db, input: { kind?: BaseKind }): BaseItem[] {
  const rows = input.kind
    ? db.prepare('SELECT * FROM base_items WHERE kind = ? ORDER BY sort_order, id').all(input.kind)
    : db.prepare('SELECT * FROM base_items ORDER BY kind, sort_order, id').all();
  return (rows as BaseItemRow[]).map(toItem);
}

/**
 * Checks that each given reference points at an entry of the right list; a wrong one is a
 * VALIDATION error naming the field, so a form can show it beside the input.
 */
export function assertBaseRefs(
  db: Db,
  refs: Record<string, BaseKind>,
  values: Record<string, unknown>,
): void {
  const stmt = db.prepare('SELECT kind FROM base_items WHERE id = ?').pluck();
  for (const [field, kind] of Object.entries(refs)) {
    const value = values[field];
    if (value === null || value === undefined) continue;
    if (stmt.get(value) !== kind) {
      throw new AppError('VALIDATION', `${field}: no ${kind} entry with id ${String(value)}`, {
        field,
        reason: 'not_found',
      });
    }
  }
}

export const baseDataHandlers: HandlerMap<'baseData.list'> = {
  'baseData.list': (ctx, input) => listBaseItems(ctx.db, input),
};

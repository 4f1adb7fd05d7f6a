import type { BaseDataUsage, BaseItem, BaseKind, ChannelParsedInput } from '../contract';
import { baseDataChannels } from '../contract';
import type { Db } from '../db/open';
import { AppError, notFound } from '../db/errors';
import { stmt } from '../db/statements';
import { readSetting, writeSetting } from './settings';
import { moveTrashReferences } from './trash-snapshot';
import { handlersFor } from '../ipc/handler';

type CreateInput = ChannelParsedInput<'baseData.create'>;
type UpdateInput = ChannelParsedInput<'baseData.update'>;
type ReorderInput = ChannelParsedInput<'baseData.reorder'>;
type DeleteInput = ChannelParsedInput<'baseData.delete'>;

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
  // Compiled once per connection (every save of a record with base-data fields comes here).
  const kindOf = stmt(db, 'SELECT kind FROM base_items WHERE id = ?').pluck();
  for (const [field, kind] of Object.entries(refs)) {
    const value = values[field];
    if (value === null || value === undefined) continue;
    if (kindOf.get(value) !== kind) {
      throw new AppError('VALIDATION', `${field}: no ${kind} entry with id ${String(value)}`, {
        field,
        reason: 'not_found',
      });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Editing the lists (基础数据)

/**
 * Stage entries the pipeline cannot do without: 结束机会 moves an opportunity into these by key,
 * so they can be renamed but neither deactivated nor deleted.
 */
const CLOSED_STAGE_KEYS: readonly (string | null)[] = ['won', 'lost'];

const isClosedStage = (item: BaseItemRow) =>
  item.kind === 'opportunity_stage' && CLOSED_STAGE_KEYS.includes(item.key);

function itemRow(db: Db, id: number): BaseItemRow | undefined {
  return stmt<BaseItemRow>(db, 'SELECT * FROM base_items WHERE id = ?').get(id);
}

function getItem(db: Db, id: number): BaseItemRow {
  const row = itemRow(db, id);
  if (!row) throw notFound('Base data entry', id);
  return row;
}

const invalid = (field: string, message: string, reason: 'invalid_value' | 'not_found' = 'invalid_value') =>
  new AppError('VALIDATION', `${field}: ${message}`, { field, reason });

/** Only opportunity stages carry a probability; anything else given one is refused. */
function assertProbabilityFits(kind: BaseKind, probability: number | null | undefined): void {
  if (probability !== null && probability !== undefined && kind !== 'opportunity_stage') {
    throw invalid('probability', `only opportunity stages have a probability, not ${kind}`);
  }
}

/**
 * An open stage that is not this one stays active: opportunities need one to start in (and to
 * go back to when reopened), so the last one can be neither deactivated nor deleted.
 */
function isLastOpenStage(db: Db, item: BaseItemRow): boolean {
  if (item.kind !== 'opportunity_stage' || isClosedStage(item) || item.active !== 1) return false;
  const others = stmt(
    db,
    `SELECT count(*) FROM base_items WHERE kind = 'opportunity_stage' AND active = 1 AND id <> ?
       AND (key IS NULL OR key NOT IN ('won', 'lost'))`,
  )
    .pluck()
    .get(item.id) as number;
  return others === 0;
}

/** A reference into base_items: a table and one of its columns. */
interface BaseRef {
  table: string;
  column: string;
}

const refCache = new WeakMap<Db, BaseRef[]>();

/**
 * Every column of the schema that points into base_items, read from the foreign keys themselves,
 * so a table a later migration adds is counted and merged without touching this file.
 */
export function baseItemReferences(db: Db): BaseRef[] {
  let refs = refCache.get(db);
  if (!refs) {
    refs = db
      .prepare(
        `SELECT m.name AS "table", f."from" AS "column"
         FROM sqlite_schema m, pragma_foreign_key_list(m.name) f
         WHERE m.type = 'table' AND f."table" = 'base_items'
         ORDER BY m.rootpage, f.id`,
      )
      .all() as BaseRef[];
    refCache.set(db, refs);
  }
  return refs;
}

/** Per table, how many of its rows use the entry in any of their base-data columns; zeros left out. */
export function baseItemUsage(db: Db, id: number): BaseDataUsage {
  getItem(db, id);
  const byTable = new Map<string, string[]>();
  for (const r of baseItemReferences(db)) byTable.set(r.table, [...(byTable.get(r.table) ?? []), r.column]);
  const usage: BaseDataUsage = {};
  for (const [table, columns] of byTable) {
    // Rows, not references: a stage history row going from and to the same entry counts once.
    const where = columns.map((c) => `${c} = @id`).join(' OR ');
    const n = stmt(db, `SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get({ id }) as number;
    if (n > 0) usage[table] = n;
  }
  return usage;
}

const usageText = (usage: BaseDataUsage) =>
  Object.entries(usage)
    .map(([table, n]) => `${table} ${n}`)
    .join(', ');

export function createBaseItem(db: Db, input: CreateInput): BaseItem {
  return db
    .transaction(() => {
      assertProbabilityFits(input.kind, input.probability);
      const next = stmt(db, 'SELECT coalesce(max(sort_order), 0) + 1 FROM base_items WHERE kind = ?')
        .pluck()
        .get(input.kind) as number;
      const id = Number(
        stmt(
          db,
          `INSERT INTO base_items (kind, key, name_zh, name_en, sort_order, probability, active)
           VALUES (?, NULL, ?, ?, ?, ?, 1)`,
        ).run(input.kind, input.nameZh, input.nameEn, next, input.probability ?? null).lastInsertRowid,
      );
      return toItem(getItem(db, id));
    })
    .immediate();
}

/** Renames, re-weights or (de)activates an entry. Records point at it by id, so they follow. */
export function updateBaseItem(db: Db, input: UpdateInput): BaseItem {
  return db
    .transaction(() => {
      const item = getItem(db, input.id);
      assertProbabilityFits(item.kind, input.probability);
      if (input.active === false && isClosedStage(item)) {
        throw invalid('active', `the ${item.key} stage is needed to close opportunities`);
      }
      if (input.active === false && isLastOpenStage(db, item)) {
        throw invalid('active', 'at least one open opportunity stage must stay active');
      }
      const sets: string[] = [];
      const params: Record<string, unknown> = { id: item.id };
      const set = (column: string, value: unknown) => {
        sets.push(`${column} = @${column}`);
        params[column] = value;
      };
      if (input.nameZh !== undefined) set('name_zh', input.nameZh);
      if (input.nameEn !== undefined) set('name_en', input.nameEn);
      if (input.probability !== undefined) set('probability', input.probability);
      if (input.active !== undefined) set('active', input.active ? 1 : 0);
      if (sets.length > 0) stmt(db, `UPDATE base_items SET ${sets.join(', ')} WHERE id = @id`).run(params);
      return toItem(getItem(db, item.id));
    })
    .immediate();
}

/** Puts a list in the given order: `ids` must be every entry of that kind, each once. */
export function reorderBaseItems(db: Db, input: ReorderInput): BaseItem[] {
  return db
    .transaction(() => {
      const current = stmt(db, 'SELECT id FROM base_items WHERE kind = ?')
        .pluck()
        .all(input.kind) as number[];
      const given = new Set(input.ids);
      if (
        given.size !== input.ids.length ||
        given.size !== current.length ||
        current.some((id) => !given.has(id))
      ) {
        throw invalid('ids', `must list every ${input.kind} entry exactly once`);
      }
      const setOrder = stmt(db, 'UPDATE base_items SET sort_order = ? WHERE id = ?');
      input.ids.forEach((id, i) => setOrder.run(i + 1, id));
      return listBaseItems(db, { kind: input.kind });
    })
    .immediate();
}

/**
 * Deletes an entry. One still in use is refused, naming how many records use it, unless
 * `mergeInto` names another entry of the same list: every reference moves there first (the
 * stage history included), all in one transaction.
 */
export function deleteBaseItem(db: Db, input: DeleteInput): { deleted: number; moved: number } {
  return db
    .transaction(() => {
      const item = getItem(db, input.id);
      if (isClosedStage(item)) {
        throw new AppError('CONFLICT', `The ${item.key} stage is needed to close opportunities`);
      }
      if (isLastOpenStage(db, item)) {
        throw new AppError('CONFLICT', 'At least one open opportunity stage must stay active');
      }
      let moved = 0;
      if (input.mergeInto !== undefined) {
        const target = itemRow(db, input.mergeInto);
        if (!target) throw invalid('mergeInto', `no entry ${input.mergeInto}`, 'not_found');
        if (target.id === item.id) throw invalid('mergeInto', 'an entry cannot be merged into itself');
        if (target.kind !== item.kind) {
          throw invalid('mergeInto', `entry ${target.id} is a ${target.kind}, not a ${item.kind}`);
        }
        if (target.active !== 1) throw invalid('mergeInto', `entry ${target.id} is not active`);
        // Open opportunities must not land in won or lost without being closed (结束机会).
        if (isClosedStage(target))
          throw invalid('mergeInto', `the ${target.key} stage is reached by closing`);
        for (const { table, column } of baseItemReferences(db)) {
          moved += stmt(db, `UPDATE ${table} SET ${column} = ? WHERE ${column} = ?`).run(
            target.id,
            item.id,
          ).changes;
        }
        // Records in the trash come back using the merged entry too.
        moveTrashReferences(db, 'base_items', item.id, target.id);
        // So does the current 业务员, when it is the one merged away.
        if (readSetting(db, 'current_rep_id') === String(item.id)) {
          writeSetting(db, 'current_rep_id', String(target.id));
        }
      } else {
        const usage = baseItemUsage(db, item.id);
        const total = Object.values(usage).reduce((a, b) => a + b, 0);
        if (total > 0) {
          throw new AppError(
            'CONFLICT',
            `Base data entry ${item.id} is used by ${total} records (${usageText(usage)}); merge it into another entry to delete it`,
          );
        }
      }
      stmt(db, 'DELETE FROM base_items WHERE id = ?').run(item.id);
      return { deleted: 1, moved };
    })
    .immediate();
}

export const baseDataHandlers = handlersFor(baseDataChannels, {
  'baseData.list': (ctx, input) => listBaseItems(ctx.db, input),
  'baseData.create': (ctx, input) => createBaseItem(ctx.db, input),
  'baseData.update': (ctx, input) => updateBaseItem(ctx.db, input),
  'baseData.reorder': (ctx, input) => reorderBaseItems(ctx.db, input),
  'baseData.delete': (ctx, input) => deleteBaseItem(ctx.db, input),
  'baseData.usage': (ctx, input) => baseItemUsage(ctx.db, input.id),
});

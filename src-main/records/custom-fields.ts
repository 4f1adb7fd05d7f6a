import type {
  ChannelParsedInput,
  CustomField,
  CustomFieldEntity,
  CustomFieldType,
  CustomFieldUsage,
  ValidationReason,
} from '../contract';
import { customFieldChannels } from '../contract';
import { AppError, notFound } from '../db/errors';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';
import { handlersFor } from '../ipc/handler';
import type { HandlerContext } from './context';
import { checkVersion } from './guards';
import { valuePath } from './custom-values';

/**
 * The definitions of the user's own fields (自定义字段) on customers, contacts, opportunities and
 * sales. The values live with each record (custom-values.ts); a field's id is their key.
 */

type ListInput = ChannelParsedInput<'customFields.list'>;
type CreateInput = ChannelParsedInput<'customFields.create'>;
type UpdateInput = ChannelParsedInput<'customFields.update'>;
type ReorderInput = ChannelParsedInput<'customFields.reorder'>;

interface FieldRow {
  id: number;
  entity: CustomFieldEntity;
  label: string;
  type: CustomFieldType;
  options: string;
  required: number;
  show_in_list: number;
  active: number;
  sort_order: number;
  version: number;
  created_at: string;
  updated_at: string;
}

const toField = (r: FieldRow): CustomField => ({
  id: r.id,
  entity: r.entity,
  label: r.label,
  type: r.type,
  options: JSON.parse(r.options) as string[],
  required: r.required === 1,
  showInList: r.show_in_list === 1,
  active: r.active === 1,
  sortOrder: r.sort_order,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const hasOptions = (type: CustomFieldType) => type === 'select' || type === 'multiselect';

const invalid = (
  field: string,
  message: string,
  params?: Record<string, string | number>,
  reason: ValidationReason = 'invalid_value',
) => new AppError('VALIDATION', `${field}: ${message}`, { field, reason, ...(params ? { params } : {}) });

function fieldRow(db: Db, id: number): FieldRow {
  const row = stmt<FieldRow>(db, 'SELECT * FROM custom_fields WHERE id = ?').get(id);
  if (!row) throw notFound('Custom field', id);
  return row;
}

export function getCustomField(db: Db, id: number): CustomField {
  return toField(fieldRow(db, id));
}

/** A record kind's fields in their order (every kind's, without `entity`); switched-off ones on request. */
export function listCustomFields(db: Db, input: ListInput): CustomField[] {
  const where = [
    ...(input.entity ? ['entity = @entity'] : []),
    ...(input.includeInactive ? [] : ['active = 1']),
  ];
  const rows = stmt<FieldRow>(
    db,
    `SELECT * FROM custom_fields ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY entity, sort_order, id`,
  ).all(input.entity ? { entity: input.entity } : {});
  return rows.map(toField);
}

/** Two fields of one record kind may not share a label (letter case aside): a form shows both. */
function assertLabelFree(db: Db, entity: CustomFieldEntity, label: string, self: number | null): void {
  const taken = stmt(
    db,
    'SELECT id FROM custom_fields WHERE entity = ? AND lower(label) = lower(?) AND id IS NOT ?',
  )
    .pluck()
    .get(entity, label, self);
  if (taken !== undefined) {
    throw invalid(
      'label',
      `${entity} already have a field called "${label}"; choose another label`,
      {
        label,
      },
      'duplicate',
    );
  }
}

/** Single and multiple choice fields need options, each once; the other types take none. */
function assertOptionsFit(type: CustomFieldType, options: readonly string[]): void {
  if (!hasOptions(type)) {
    if (options.length > 0) throw invalid('options', `a ${type} field has no options`);
    return;
  }
  if (options.length === 0) {
    throw new AppError('VALIDATION', `options: a ${type} field needs at least one option`, {
      field: 'options',
      reason: 'required',
    });
  }
  const seen = new Set<string>();
  for (const o of options) {
    if (seen.has(o)) throw invalid('options', `"${o}" is given twice`, { option: o }, 'duplicate');
    seen.add(o);
  }
}

/** How many of the kind's records hold one of `options` in the field (custom_value_index). */
function recordsChoosing(db: Db, field: FieldRow, options: readonly string[]): number {
  return stmt(
    db,
    `SELECT count(DISTINCT record_id) FROM custom_value_index
     WHERE field_id = ? AND value IN (SELECT value FROM json_each(?))`,
  )
    .pluck()
    .get(field.id, JSON.stringify(options)) as number;
}

export function createCustomField(ctx: HandlerContext, input: CreateInput): CustomField {
  const { db } = ctx;
  return db
    .transaction(() => {
      assertLabelFree(db, input.entity, input.label, null);
      assertOptionsFit(input.type, input.options);
      const next = stmt(db, 'SELECT coalesce(max(sort_order), 0) + 1 FROM custom_fields WHERE entity = ?')
        .pluck()
        .get(input.entity) as number;
      const now = ctx.now();
      const id = Number(
        stmt(
          db,
          `INSERT INTO custom_fields (entity, label, type, options, required, show_in_list, sort_order,
             created_at, updated_at)
           VALUES (@entity, @label, @type, @options, @required, @showInList, @next, @now, @now)`,
        ).run({
          entity: input.entity,
          label: input.label,
          type: input.type,
          options: JSON.stringify(input.options),
          required: input.required ? 1 : 0,
          showInList: input.showInList ? 1 : 0,
          next,
          now,
        }).lastInsertRowid,
      );
      return getCustomField(db, id);
    })
    .immediate();
}

/**
 * Renames a field, changes its options, or switches required, list column or the field itself
 * on and off. An option still chosen on records cannot be taken away: the records would hold a
 * value the field no longer offers (renaming an option is taking one away and adding another).
 */
export function updateCustomField(ctx: HandlerContext, input: UpdateInput): CustomField {
  const { db } = ctx;
  return db
    .transaction(() => {
      checkVersion(db, 'custom_fields', 'Custom field', input.id, input.version);
      const field = fieldRow(db, input.id);
      if (input.label !== undefined) assertLabelFree(db, field.entity, input.label, field.id);
      if (input.options !== undefined) {
        assertOptionsFit(field.type, input.options);
        const kept = new Set(input.options);
        const removed = (JSON.parse(field.options) as string[]).filter((o) => !kept.has(o));
        const n = removed.length ? recordsChoosing(db, field, removed) : 0;
        if (n > 0) {
          const names = removed.map((o) => `"${o}"`).join(', ');
          throw invalid(
            'options',
            `${names} is still chosen on ${n} ${field.entity} records; choose another option on them first`,
            { count: n, option: removed.join('、') },
            'in_use',
          );
        }
      }
      const sets = ['version = version + 1', 'updated_at = @now'];
      const params: Record<string, unknown> = { id: field.id, now: ctx.now() };
      const set = (column: string, value: unknown) => {
        sets.push(`${column} = @${column}`);
        params[column] = value;
      };
      if (input.label !== undefined) set('label', input.label);
      if (input.options !== undefined) set('options', JSON.stringify(input.options));
      if (input.required !== undefined) set('required', input.required ? 1 : 0);
      if (input.showInList !== undefined) set('show_in_list', input.showInList ? 1 : 0);
      if (input.active !== undefined) set('active', input.active ? 1 : 0);
      stmt(db, `UPDATE custom_fields SET ${sets.join(', ')} WHERE id = @id`).run(params);
      return getCustomField(db, field.id);
    })
    .immediate();
}

/** Puts a record kind's fields in the given order: `ids` must be every one of them, each once. */
export function reorderCustomFields(db: Db, input: ReorderInput): CustomField[] {
  return db
    .transaction(() => {
      const current = stmt(db, 'SELECT id FROM custom_fields WHERE entity = ?')
        .pluck()
        .all(input.entity) as number[];
      const given = new Set(input.ids);
      if (
        given.size !== input.ids.length ||
        given.size !== current.length ||
        current.some((id) => !given.has(id))
      ) {
        throw invalid('ids', `must list every custom field of ${input.entity} exactly once`);
      }
      const setOrder = stmt(db, 'UPDATE custom_fields SET sort_order = ? WHERE id = ?');
      input.ids.forEach((id, i) => setOrder.run(i + 1, id));
      return listCustomFields(db, { entity: input.entity, includeInactive: true });
    })
    .immediate();
}

const countHolding = (db: Db, field: FieldRow) =>
  stmt(db, 'SELECT count(DISTINCT record_id) FROM custom_value_index WHERE field_id = ?')
    .pluck()
    .get(field.id) as number;

/** How many records hold a value for the field: the delete dialog names it. */
export function customFieldUsage(db: Db, id: number): CustomFieldUsage {
  return { id, records: countHolding(db, fieldRow(db, id)) };
}

/** Deletes a field and, in the same transaction, its value on every record that has one. */
export function deleteCustomField(db: Db, id: number): { deleted: number; values: number } {
  return db
    .transaction(() => {
      const field = fieldRow(db, id);
      const path = valuePath(field.id);
      // Not an edit of the records: their version and updated time stay, so an open form is not
      // told someone else changed them.
      const values = stmt(
        db,
        `UPDATE ${field.entity} SET custom = json_remove(custom, @path)
         WHERE id IN (SELECT record_id FROM custom_value_index WHERE field_id = @id)`,
      ).run({ path, id: field.id }).changes;
      stmt(db, 'DELETE FROM custom_fields WHERE id = ?').run(field.id);
      return { deleted: 1, values };
    })
    .immediate();
}

export const customFieldHandlers = handlersFor(customFieldChannels, {
  'customFields.list': (ctx, input) => listCustomFields(ctx.db, input),
  'customFields.create': createCustomField,
  'customFields.update': updateCustomField,
  'customFields.reorder': (ctx, input) => reorderCustomFields(ctx.db, input),
  'customFields.usage': (ctx, input) => customFieldUsage(ctx.db, input.id),
  'customFields.delete': (ctx, input) => deleteCustomField(ctx.db, input.id),
});

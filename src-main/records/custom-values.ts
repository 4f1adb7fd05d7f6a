import {
  isoDate,
  type CustomField,
  type CustomFieldEntity,
  type CustomFieldType,
  type CustomFilter,
  type CustomValue,
  type CustomValues,
  type ValidationReason,
} from '../contract';
import { AppError } from '../db/errors';
import type { Db } from '../db/open';
import { stmt } from '../db/statements';

/**
 * The values of the user's own fields (自定义字段) on customers, contacts, opportunities and sales.
 *
 * They live in the record's `custom` column as a JSON object keyed by the field's id (migration
 * 0004 says why a JSON column). SQLite only checks that it is JSON; everything else is checked
 * here against the field definitions before it is stored: the key names a field of this record
 * kind, the value fits the field's type and options, a required field is filled in.
 */

/** What the checks need of a field's definition. */
export type FieldDef = Pick<CustomField, 'id' | 'label' | 'type' | 'options' | 'required' | 'active'>;

interface FieldDefRow {
  id: number;
  label: string;
  type: CustomFieldType;
  options: string;
  required: number;
  active: number;
}

/** Every field of a record kind, switched-off ones included, by id as a string (the JSON key). */
export function fieldDefs(db: Db, entity: CustomFieldEntity): Map<string, FieldDef> {
  const rows = stmt<FieldDefRow>(
    db,
    'SELECT id, label, type, options, required, active FROM custom_fields WHERE entity = ?',
  ).all(entity);
  return new Map(
    rows.map((r) => [
      String(r.id),
      {
        id: r.id,
        label: r.label,
        type: r.type,
        options: JSON.parse(r.options) as string[],
        required: r.required === 1,
        active: r.active === 1,
      },
    ]),
  );
}

/**
 * Where a field's value sits in `custom`: `$."7"`. Always bound as a parameter, never spliced into
 * the SQL, so every filter on any field shares one prepared statement.
 */
export const valuePath = (fieldId: number | string): string => `$."${fieldId}"`;

/** A VALIDATION error about one field, carrying its label for the message the user reads. */
function refuse(field: string, def: Pick<FieldDef, 'label'>, reason: ValidationReason, message: string) {
  return new AppError('VALIDATION', `${field} (${def.label}): ${message}`, {
    field,
    reason,
    params: { label: def.label },
  });
}

/** What a field's value looks like, for the messages. */
const expected: Record<CustomFieldType, string> = {
  text: 'a text',
  number: 'a number',
  date: 'a date (YYYY-MM-DD)',
  select: 'one of its options',
  multiselect: 'a list of its options',
  checkbox: 'true or false',
};

/** Nothing in it: null, a blank text or an empty list. Such a value is removed, not stored. */
const isEmpty = (v: CustomValue | undefined): boolean =>
  v === null ||
  v === undefined ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

const isOption = (def: FieldDef, v: unknown): v is string => typeof v === 'string' && def.options.includes(v);

/** Checks one non-empty value against its field and returns it as stored (a text trimmed). */
function checkValue(field: string, def: FieldDef, value: CustomValue): Exclude<CustomValue, null> {
  const wrongType = () =>
    refuse(field, def, 'invalid_type', `expected ${expected[def.type]}, got ${JSON.stringify(value)}`);
  switch (def.type) {
    case 'text':
      if (typeof value !== 'string') throw wrongType();
      return value.trim();
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) throw wrongType();
      return value;
    case 'date':
      if (typeof value !== 'string') throw wrongType();
      if (!isoDate.safeParse(value).success) {
        throw refuse(
          field,
          def,
          'invalid_format',
          `${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)`,
        );
      }
      return value;
    case 'select':
      if (typeof value !== 'string') throw wrongType();
      if (!isOption(def, value)) {
        throw refuse(field, def, 'invalid_value', `${JSON.stringify(value)} is not one of its options`);
      }
      return value;
    case 'multiselect': {
      if (!Array.isArray(value)) throw wrongType();
      const wrong = value.find((v) => !isOption(def, v));
      if (wrong !== undefined) {
        throw refuse(field, def, 'invalid_value', `${JSON.stringify(wrong)} is not one of its options`);
      }
      if (new Set(value).size !== value.length) {
        throw refuse(field, def, 'invalid_value', 'an option is chosen twice');
      }
      return value;
    }
    case 'checkbox':
      if (typeof value !== 'boolean') throw wrongType();
      return value;
  }
}

const requiredError = (def: FieldDef) =>
  refuse(`custom.${def.id}`, def, 'required', 'is required; fill it in');

/**
 * The `custom` JSON to store for a record, every given value checked against the record kind's
 * fields. A create (no `recordId`) starts from no values and must fill in every required field
 * that is switched on; an update merges: the keys given change, the others stay as stored, and a
 * required field may not be cleared. Empty values (null, '', []) are removed. Returns undefined
 * for an update that gives no values, which leaves the column as it is.
 */
export function customToStore(
  db: Db,
  entity: CustomFieldEntity,
  given: Record<string, CustomValue> | undefined,
  recordId?: number,
): string | undefined {
  const creating = recordId === undefined;
  if (!creating && given === undefined) return undefined;
  const defs = fieldDefs(db, entity);
  const values: CustomValues = creating ? {} : readStored(db, entity, recordId);
  for (const [key, value] of Object.entries(given ?? {})) {
    const field = `custom.${key}`;
    const def = defs.get(key);
    if (!def) {
      throw new AppError('VALIDATION', `${field}: there is no custom field ${key} on ${entity}`, {
        field,
        reason: 'unknown_field',
      });
    }
    if (isEmpty(value)) {
      // Switched-off fields are not required (and keep whatever they hold).
      if (def.required && def.active) throw requiredError(def);
      delete values[key];
    } else {
      values[key] = checkValue(field, def, value);
    }
  }
  if (creating) {
    for (const def of defs.values()) {
      if (def.required && def.active && values[String(def.id)] === undefined) throw requiredError(def);
    }
  }
  return JSON.stringify(values);
}

function readStored(db: Db, entity: CustomFieldEntity, id: number): CustomValues {
  const json = stmt(db, `SELECT custom FROM ${entity} WHERE id = ?`).pluck().get(id) as string | undefined;
  return json ? (JSON.parse(json) as CustomValues) : {};
}

/**
 * A row as SQLite gives it, with its `custom` JSON text parsed into the values object the contract
 * promises. Rows without a `custom` column pass through unchanged, so one list runner serves every
 * record kind (see runList).
 */
export function readCustom<T>(row: T): T {
  const custom = (row as { custom?: unknown }).custom;
  return typeof custom === 'string' ? { ...row, custom: JSON.parse(custom) as CustomValues } : row;
}

// ---------------------------------------------------------------------------------------------
// List filters

type FilterOp = CustomFilter['op'];

/** The comparisons each type of field can be filtered by. */
const opsByType: Record<CustomFieldType, readonly FilterOp[]> = {
  text: ['contains'],
  number: ['eq', 'gte', 'lte'],
  date: ['eq', 'gte', 'lte'],
  select: ['eq'],
  multiselect: ['has'],
  checkbox: ['eq'],
};

/** Checks a filter's value against its field: the same shapes a stored value has. */
function checkFilterValue(field: string, def: FieldDef, value: CustomFilter['value']): void {
  const wrongType = () =>
    refuse(field, def, 'invalid_type', `expected ${expected[def.type]}, got ${JSON.stringify(value)}`);
  switch (def.type) {
    case 'text':
      if (typeof value !== 'string') throw wrongType();
      return;
    case 'number':
      if (typeof value !== 'number') throw wrongType();
      return;
    case 'date':
      if (typeof value !== 'string') throw wrongType();
      if (!isoDate.safeParse(value).success) {
        throw refuse(
          field,
          def,
          'invalid_format',
          `${JSON.stringify(value)} is not a calendar date (YYYY-MM-DD)`,
        );
      }
      return;
    case 'select':
    case 'multiselect':
      if (typeof value !== 'string') throw wrongType();
      if (!isOption(def, value)) {
        throw refuse(field, def, 'invalid_value', `${JSON.stringify(value)} is not one of its options`);
      }
      return;
    case 'checkbox':
      if (typeof value !== 'boolean') throw wrongType();
  }
}

/**
 * The list terms (for planList) of the filters on custom fields, `alias` being the record's table
 * in the list query. Each filter is checked against its field first: a field of this record kind,
 * a comparison its type has, a value of its type.
 */
export function customFilterTerms(
  db: Db,
  entity: CustomFieldEntity,
  alias: string,
  filters: readonly CustomFilter[] | undefined,
): { sql: string; params: unknown[]; idSet?: string }[] {
  if (!filters?.length) return [];
  const defs = fieldDefs(db, entity);
  return filters.map((f, i) => {
    const def = defs.get(String(f.fieldId));
    if (!def) {
      const field = `customFilters.${i}.fieldId`;
      throw new AppError('VALIDATION', `${field}: there is no custom field ${f.fieldId} on ${entity}`, {
        field,
        reason: 'not_found',
      });
    }
    if (!opsByType[def.type].includes(f.op)) {
      throw refuse(
        `customFilters.${i}.op`,
        def,
        'invalid_value',
        `a ${def.type} field is filtered by ${opsByType[def.type].join(' or ')}, not ${f.op}`,
      );
    }
    checkFilterValue(`customFilters.${i}.value`, def, f.value);
    // custom_value_index (migration 0005) holds one row per stored value, kept by triggers: a
    // filter reads the field's index range, never every record's JSON.
    const held = (test: string, ...params: unknown[]) => ({
      sql: `${alias}.id IN (SELECT record_id FROM custom_value_index WHERE field_id = ? AND ${test})`,
      params: [def.id, ...params],
      idSet: `SELECT record_id AS id FROM custom_value_index WHERE field_id = ? AND ${test}`,
    });
    switch (f.op) {
      case 'contains':
        // lower() folds ASCII only, which is all the case there is in Chinese text.
        return held('instr(lower(value), lower(?)) > 0', f.value);
      case 'has':
      case 'eq':
        if (def.type !== 'checkbox') return held('value = ?', f.value);
        // A ticked box is stored as true (1 in the index); unticked as false or not at all.
        if (f.value) return held('value = 1');
        return {
          sql: `${alias}.id NOT IN (SELECT record_id FROM custom_value_index WHERE field_id = ? AND value = 1)`,
          params: [def.id],
        };
      case 'gte':
        return held('value >= ?', f.value);
      case 'lte':
        return held('value <= ?', f.value);
    }
  });
}

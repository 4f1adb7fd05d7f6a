import type { TFunction } from 'i18next';
import type { DataTableColumn } from 'mantine-datatable';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  CUSTOM_TEXT_MAX,
  isoDate,
  type CustomField,
  type CustomFieldEntity,
  type CustomFieldType,
  type CustomFilter,
  type CustomValue,
  type CustomValues,
} from '../../src-main/contract';
import { reasonText } from './errors';
import type { ExportValues } from './export';
import { useChannelQuery } from './queries';

const NONE: CustomField[] = [];

/**
 * The user's own fields (自定义字段) of a record kind, in their order: the active ones (what
 * forms, list columns and filters offer), or all of them with `includeInactive` (a switched-off
 * field still shows the values records keep).
 */
export function useCustomFields(
  entity: CustomFieldEntity,
  opts: { includeInactive?: boolean } = {},
): CustomField[] {
  const query = useChannelQuery('customFields.list', {
    entity,
    includeInactive: opts.includeInactive ?? false,
  });
  return query.data ?? NONE;
}

// ---------------------------------------------------------------------------------------------
// Forms

/**
 * One custom value as a form holds it: text and date as '' when empty, a number as '' while the
 * box is empty (NumberInput's empty value), a single choice as null, a multiple choice as [],
 * a checkbox as a boolean.
 */
export type CustomFormValue = string | number | boolean | string[] | null;
/** The form's `custom` part, keyed by field id: its error paths are `custom.<id>`, as the main process names them. */
export type CustomFormValues = Record<string, CustomFormValue>;

const emptyValue = (type: CustomFieldType): CustomFormValue =>
  type === 'multiselect' ? [] : type === 'checkbox' ? false : type === 'select' ? null : '';

/** A record's stored values as the form starts with them; a field without one starts empty. */
export const customToFormValues = (custom: CustomValues | undefined): CustomFormValues => ({ ...custom });

/** The value of one field's input, its empty value while the record has none. */
export function customFormValue(field: CustomField, values: CustomFormValues | undefined): CustomFormValue {
  const v = values?.[String(field.id)];
  if (v === undefined || v === null) return emptyValue(field.type);
  // A stored value of the other shape (never written by this form) shows as empty rather than break the input.
  if (field.type === 'multiselect') return Array.isArray(v) ? v : emptyValue(field.type);
  if (field.type === 'checkbox') return v === true;
  return v;
}

/** Nothing in it, as the main process counts it: no value, blank text, no choice. */
const isEmpty = (v: CustomFormValue | undefined) =>
  v === undefined ||
  v === null ||
  (typeof v === 'string' && v.trim() === '') ||
  (Array.isArray(v) && v.length === 0);

/**
 * What a save sends: every field the form shows, an empty one as '' / [] / null (which clears a
 * stored value). Fields not shown (switched off) are left out, so their values stay as they are.
 */
export function customInput(fields: CustomField[], values: CustomFormValues | undefined) {
  const input: Record<string, CustomValue> = {};
  for (const f of fields) {
    const v = customFormValue(f, values);
    input[String(f.id)] = f.type === 'number' || f.type === 'date' ? (v === '' ? null : v) : v;
  }
  return input;
}

/**
 * The form's own check of the custom fields, keyed `custom.<id>`: required ones filled, numbers
 * that are numbers, dates that are dates, choices among the options, text within its length.
 * The main process checks the same again.
 */
export function validateCustom(
  fields: CustomField[],
  values: CustomFormValues | undefined,
  t: TFunction,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const v = customFormValue(f, values);
    const path = `custom.${f.id}`;
    if (isEmpty(v)) {
      if (f.required) errors[path] = reasonText(t, { reason: 'required' });
      continue;
    }
    const bad =
      (f.type === 'number' && (typeof v !== 'number' || !Number.isFinite(v))) ||
      (f.type === 'date' && !isoDate.safeParse(v).success) ||
      (f.type === 'select' && !f.options.includes(String(v))) ||
      (f.type === 'multiselect' && !(v as string[]).every((o) => f.options.includes(o)));
    if (bad) {
      errors[path] = reasonText(
        t,
        f.type === 'select' || f.type === 'multiselect'
          ? { reason: 'invalid_value' }
          : f.type === 'date'
            ? { reason: 'invalid_format', params: { format: 'date' } }
            : { reason: 'invalid_type', params: { format: 'number' } },
      );
    } else if (f.type === 'text' && String(v).length > CUSTOM_TEXT_MAX) {
      errors[path] = reasonText(t, { reason: 'too_long', limit: CUSTOM_TEXT_MAX });
    }
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Showing values

/** A value as the screen and paper show it: 2026-11-22, 大型、中型, 是 / 否; '' when there is none. */
export function formatCustomValue(
  field: CustomField,
  value: CustomValue | undefined,
  t: TFunction,
  language: string,
): string {
  if (field.type === 'checkbox') return t(value === true ? 'common.yes' : 'common.no');
  if (value === undefined || value === null || value === '') return '';
  if (Array.isArray(value)) return value.join(t('customFields.separator'));
  if (field.type === 'number' && typeof value === 'number') {
    return new Intl.NumberFormat(language, { maximumFractionDigits: 6 }).format(value);
  }
  if (field.type === 'date') return String(value).slice(0, 10);
  return String(value);
}

/** One custom field of a record as the field lists show it (a FieldRow of FieldDetailTable / FieldGrid). */
export interface CustomFieldRow {
  /** `custom.<id>` */
  name: string;
  label: string;
  value: string;
}

/**
 * A record's custom fields as label and value, for the 基本信息 view and the 字段详情表: the active
 * fields, and switched-off ones that still hold a value. Named `custom.<id>`.
 */
export function useCustomFieldRows(
  entity: CustomFieldEntity,
  custom: CustomValues | undefined,
): CustomFieldRow[] {
  const { t, i18n } = useTranslation();
  const fields = useCustomFields(entity, { includeInactive: true });
  return fields
    .filter((f) => f.active || !isEmpty(custom?.[String(f.id)]))
    .map((f) => ({
      name: `custom.${f.id}`,
      label: f.label,
      value: formatCustomValue(f, custom?.[String(f.id)], t, i18n.language),
    }));
}

/**
 * Inserts a record's custom rows into its built-in ones: before the created/updated times, which
 * close every field list, or at the end.
 */
export function withCustomRows<R extends { label: string }>(rows: R[], custom: R[], before = 2): R[] {
  const at = Math.max(0, rows.length - before);
  return [...rows.slice(0, at), ...custom, ...rows.slice(at)];
}

// ---------------------------------------------------------------------------------------------
// Lists: columns and the filter

/**
 * A record list's custom part: a column for each field shown in lists, and the filter on one
 * field (in the URL as `cf` = field id, `cv` = value, `cmin` / `cmax` = range, so Back and a
 * reload keep it). Pass `customFilters` to the list query and hold it back until `ready`.
 */
export function useCustomList<T extends { id: number; custom: CustomValues }>(entity: CustomFieldEntity) {
  const { t, i18n } = useTranslation();
  const fields = useCustomFields(entity);
  const [params, setParams] = useSearchParams();
  const fieldParam = params.get('cf');
  const field = fields.find((f) => String(f.id) === fieldParam) ?? null;
  const value = params.get('cv') ?? '';
  const min = params.get('cmin') ?? '';
  const max = params.get('cmax') ?? '';

  const update = (changes: Record<string, string | null>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v === null || v === '') next.delete(k);
          else next.set(k, v);
        }
        next.delete('page');
        return next;
      },
      { replace: true },
    );

  const columns: DataTableColumn<T>[] = fields
    .filter((f) => f.showInList)
    .map((f) => ({
      accessor: `custom.${f.id}`,
      title: f.label,
      textAlign: f.type === 'number' ? ('right' as const) : undefined,
      render: (r: T) => formatCustomValue(f, r.custom[String(f.id)], t, i18n.language),
    }));
  // An export holds a number as the number, not grouped for the screen (1234.5, not 1,234.5).
  const exportValues: ExportValues<T> = {};
  for (const f of fields) {
    if (!f.showInList || f.type !== 'number') continue;
    exportValues[`custom.${f.id}`] = (r) => {
      const v = r.custom[String(f.id)];
      return typeof v === 'number' ? v : null;
    };
  }

  return {
    fields,
    field,
    value,
    min,
    max,
    /** Another field: its value starts empty. */
    setField: (id: string | null) => update({ cf: id, cv: null, cmin: null, cmax: null }),
    setValue: (v: string | null) => update({ cv: v }),
    setRange: (which: 'cmin' | 'cmax', v: string | null) => update({ [which]: v }),
    customFilters: field ? customFiltersFor(field, value, min, max) : undefined,
    /** False while a filter in the URL waits for the field definitions (the list would show unfiltered). */
    ready: !fieldParam || fields !== NONE,
    columns,
    /** The list export's cells for the custom columns, where not their text on screen. */
    exportValues,
  };
}

/** The filter part of a list's custom state, whatever its rows. */
export type CustomListState = Omit<ReturnType<typeof useCustomList>, 'columns' | 'exportValues'>;

/**
 * The list filter a field's inputs make (`value`, or `min` / `max` as the URL holds them):
 * contains for text, equals for a choice or a checkbox (`yes` / `no`), has for a multiple
 * choice, a range for numbers and dates. Undefined while nothing usable is given.
 */
export function customFiltersFor(
  field: CustomField,
  value: string,
  min: string,
  max: string,
): CustomFilter[] | undefined {
  const fieldId = field.id;
  switch (field.type) {
    case 'text':
      return value.trim() ? [{ fieldId, op: 'contains', value: value.trim().slice(0, 200) }] : undefined;
    case 'select':
      return value ? [{ fieldId, op: 'eq', value }] : undefined;
    case 'multiselect':
      return value ? [{ fieldId, op: 'has', value }] : undefined;
    case 'checkbox':
      return value === 'yes' || value === 'no' ? [{ fieldId, op: 'eq', value: value === 'yes' }] : undefined;
    case 'number':
    case 'date': {
      const bound = (v: string) =>
        field.type === 'number'
          ? v !== '' && Number.isFinite(Number(v))
            ? Number(v)
            : undefined
          : isoDate.safeParse(v).success
            ? v
            : undefined;
      const lo = bound(min);
      const hi = bound(max);
      const filters: CustomFilter[] = [
        ...(lo !== undefined ? [{ fieldId, op: 'gte' as const, value: lo }] : []),
        ...(hi !== undefined ? [{ fieldId, op: 'lte' as const, value: hi }] : []),
      ];
      return filters.length ? filters : undefined;
    }
  }
}

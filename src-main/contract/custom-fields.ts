import { z } from 'zod';
import { channel } from './channel';
import { id, idInput, requiredText } from './common';

/** The record kinds a user can add fields to. */
export const customFieldEntities = ['customers', 'contacts', 'opportunities', 'sales'] as const;
export type CustomFieldEntity = (typeof customFieldEntities)[number];

export const customFieldTypes = ['text', 'number', 'date', 'select', 'multiselect', 'checkbox'] as const;
export type CustomFieldType = (typeof customFieldTypes)[number];

/** Longest text a custom text field keeps. */
export const CUSTOM_TEXT_MAX = 2_000;

/** One field's definition. Values are stored with the record, keyed by the field's id. */
export interface CustomField {
  id: number;
  entity: CustomFieldEntity;
  label: string;
  type: CustomFieldType;
  /** The choices of a single or multiple choice field; empty for the others. */
  options: string[];
  required: boolean;
  /** Shown as a column in the record kind's list. */
  showInList: boolean;
  /** Switched off: kept with its values, but no longer in forms. */
  active: boolean;
  sortOrder: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * One value as stored: text, number, date (`YYYY-MM-DD`, a string), single choice (a string),
 * multiple choice (strings), checkbox (boolean). The shape is checked here; whether it fits the
 * field's type, options and `required` is checked by the main process against the definitions.
 */
export const customValue = z.union([
  z.string().max(CUSTOM_TEXT_MAX),
  z.number().finite().min(-1e15).max(1e15),
  z.boolean(),
  z.array(z.string().max(100)).max(100),
  z.null(),
]);
export type CustomValue = z.infer<typeof customValue>;

/**
 * A record's custom values keyed by field id (`{"3": "华东", "7": 12}`). On update only the
 * keys given change; `null`, `''` or `[]` clears a value.
 */
export const customValues = z.record(z.string().regex(/^[1-9]\d{0,8}$/), customValue);
export type CustomValues = Record<string, Exclude<CustomValue, null>>;

/** The `custom` input field the four record kinds share. */
export const customValuesField = customValues.optional();

const options = z.array(requiredText(100)).max(100);

export const customFieldListInput = z.strictObject({
  entity: z.enum(customFieldEntities).optional(),
  /** Switched-off fields too (the settings screen); forms leave them out. */
  includeInactive: z.boolean().default(false),
});

export const customFieldCreateInput = z.strictObject({
  entity: z.enum(customFieldEntities),
  label: requiredText(60),
  type: z.enum(customFieldTypes),
  options: options.default([]),
  required: z.boolean().default(false),
  showInList: z.boolean().default(false),
});
export type CustomFieldCreateInput = z.input<typeof customFieldCreateInput>;

/** The type cannot change: stored values would no longer fit it. Add a new field instead. */
export const customFieldUpdateInput = z.strictObject({
  id,
  version: z.number().int().min(1),
  label: requiredText(60).optional(),
  options: options.optional(),
  required: z.boolean().optional(),
  showInList: z.boolean().optional(),
  active: z.boolean().optional(),
});
export type CustomFieldUpdateInput = z.input<typeof customFieldUpdateInput>;

export const customFieldReorderInput = z.strictObject({
  entity: z.enum(customFieldEntities),
  ids: z.array(id).min(1).max(500),
});

/** How many records hold a value for the field: the delete dialog names it. */
export interface CustomFieldUsage {
  id: number;
  records: number;
}

/**
 * A list filter on a custom field. `contains` for text; `eq` for single choice, number, date and
 * checkbox (false also matches records without a value); `gte`/`lte` for number and date ranges;
 * `has` for one choice of a multiple choice field.
 */
export const customFilter = z.strictObject({
  fieldId: id,
  op: z.enum(['contains', 'eq', 'gte', 'lte', 'has']),
  value: z.union([z.string().min(1).max(200), z.number().finite(), z.boolean()]),
});
export type CustomFilter = z.input<typeof customFilter>;

/** The list input field the four record kinds share. */
export const customFiltersField = z.array(customFilter).max(10).optional();

export const customFieldChannels = {
  'customFields.list': channel(customFieldListInput).returns<CustomField[]>(),
  'customFields.create': channel(customFieldCreateInput).returns<CustomField>(),
  'customFields.update': channel(customFieldUpdateInput).returns<CustomField>(),
  'customFields.reorder': channel(customFieldReorderInput).returns<CustomField[]>(),
  'customFields.usage': channel(idInput).returns<CustomFieldUsage>(),
  /** The field goes, and its values with it (the dialog names how many records hold one). */
  'customFields.delete': channel(idInput).returns<{ deleted: number; values: number }>(),
};

/**
 * The check step's cell reader: one mapped cell's text → the value its field's input takes, or
 * the problem with it, by the field's type (values.ts, values-date.ts, values-number.ts). Base
 * data (客户类型, 行业 …) and choices (性别 …) are matched by their words, never created. Links to
 * other records are the planner's (plan.ts): they need the database.
 */
import type { BaseItem, BaseKind, ImportField } from '../contract';
import type { DayMonthOrder } from './values-date';
import { parseDate, parseDateTime } from './values-date';
import { parseMoney, parseNumber, parsePercent } from './values-number';
import { normaliseKey, parseBoolean, parseCode, type ValueResult } from './values';
import type { CellKind } from './source';

/**
 * What the list export writes before a text that a spreadsheet would take for a formula: an
 * apostrophe (src-renderer/lib/export.ts FORMULA_CELL, the same expression: the renderer's module
 * is not imported into the worker). A negative or signed number is not quoted there.
 */
const EXPORTED_FORMULA = /^'(?![+-](?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?%?$)[=+\-@\t\r]/;

/**
 * A cell as the export wrote it → the text it was: the apostrophe the export put before a
 * formula-looking text goes, so an export read back is exactly what was exported. An apostrophe
 * before anything else is the user's and stays; a formula-looking cell is kept as text.
 */
export const unquoteExported = (cell: string): string => (EXPORTED_FORMULA.test(cell) ? cell.slice(1) : cell);

/** Base-data entries by their words: zh and en names, normalised. Active entries win a tie. */
export type BaseLookup = Map<BaseKind, Map<string, number>>;

export function baseLookup(items: readonly BaseItem[]): BaseLookup {
  const lookup: BaseLookup = new Map();
  const ordered = [...items.filter((i) => i.active), ...items.filter((i) => !i.active)];
  for (const item of ordered) {
    let names = lookup.get(item.kind);
    if (!names) lookup.set(item.kind, (names = new Map()));
    for (const word of [item.nameZh, item.nameEn]) {
      const key = normaliseKey(word);
      if (key && !names.has(key)) names.set(key, item.id);
    }
  }
  return lookup;
}

export interface CellContext {
  base: BaseLookup;
  dayMonthOrder?: DayMonthOrder;
}

export type FieldValue = string | number | boolean | string[];

const notOne = { ok: false, reason: 'invalid_value' } as const;

/** An enum's option by its value, its zh or en word, or a synonym. */
function option(field: ImportField, text: string): ValueResult<string> {
  const key = normaliseKey(text);
  for (const o of field.options ?? []) {
    const words = [o.value, o.zh, o.en, ...(o.synonyms ?? [])];
    if (words.some((w) => normaliseKey(w) === key)) return { ok: true, value: o.value };
  }
  return notOne;
}

/** A multiple choice cell: options split on 、 , ; | / and each matched. */
function options(field: ImportField, text: string): ValueResult<string[]> {
  const values: string[] = [];
  for (const part of text.split(/[、,，;；|/]/)) {
    if (!part.trim()) continue;
    const one = option(field, part);
    if (!one.ok) return one;
    if (!values.includes(one.value)) values.push(one.value);
  }
  return { ok: true, value: values };
}

/**
 * A non-empty cell of `field` → its value. `link` fields are not read here (the planner finds
 * the record); `kind` is what a workbook said the cell held (a number in a date column is an
 * Excel serial date).
 */
export function readCell(
  field: ImportField,
  text: string,
  ctx: CellContext,
  kind?: CellKind,
): ValueResult<FieldValue> {
  switch (field.type) {
    case 'text':
    case 'link':
      return { ok: true, value: text };
    case 'code':
      return parseCode(text);
    case 'date':
      return parseDate(text, { order: ctx.dayMonthOrder, serial: kind === 'number' });
    case 'datetime':
      return parseDateTime(text, { order: ctx.dayMonthOrder, serial: kind === 'number' });
    case 'money':
      return parseMoney(text);
    case 'number':
      return parseNumber(text);
    case 'percent':
      return parsePercent(text);
    case 'boolean':
      return parseBoolean(text);
    case 'enum':
      return field.multiple ? options(field, text) : option(field, text);
    case 'base': {
      const id = ctx.base.get(field.base!)?.get(normaliseKey(text));
      return id === undefined ? notOne : { ok: true, value: id };
    }
  }
}

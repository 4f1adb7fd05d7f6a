/**
 * 导入's check step for every kind but sales (customers, contacts, products, opportunities,
 * activities, feedback, expenses): a dry run over the whole file that writes nothing and says, row by row, what the import would do (create, update, skip
 * as a duplicate, reject), with every problem at its row and column in the app's own validation
 * reasons, and the likely duplicates listed for the user (never merged). apply.ts writes a plan.
 *
 * A row is read cell by cell (plan-values.ts), the records it names found (plan-links.ts), its
 * close fields set apart (plan-close.ts), matched against the stored records and the rows before it (plan-index.ts, duplicates.ts),
 * and then checked with the channel's own zod schema, as a form's input is: a row the door would
 * refuse is rejected here, with the same words.
 */
import type { z } from 'zod';
import {
  channels,
  type ImportField,
  type ImportKind,
  type ImportMapping,
  type ValidationReason,
} from '../contract';
import { AppError } from '../db/errors';
import { listBaseItems } from '../records/base-data';
import type { HandlerContext } from '../records/context';
import { listCustomFields } from '../records/custom-fields';
import { codeKey, exactKeys, type KeyFields } from './duplicates';
import { importFields } from './fields';
import { checkWith, closeOfRow, type RowClose, type SchemaProblem } from './plan-close';
import { indexStored, type IndexedKind, type LikelyReason, type Ref } from './plan-index';
import { isLinkField, linkFinder, type LinkField } from './plan-links';
import { baseLookup, readCell, unquoteExported, type CellContext, type FieldValue } from './plan-values';
import type { ImportRow } from './source';
import type { DayMonthOrder } from './values-date';

/** Every kind but sales (whose rows are lines, grouped by order: plan-sales.ts). */
export type FlatKind = IndexedKind;

export interface PlanOptions {
  /** A row that is a record already (stored, or an earlier row): leave it, update it, or add it anyway. */
  duplicates: 'skip' | 'update' | 'create';
  /** Contacts: a customer the row names that does not exist is a reason to reject, or is created. */
  missingLinks: 'reject' | 'create';
  /** The day/month order of `5/3/2024` in the file's date columns, when the user chose one. */
  dayMonthOrder?: DayMonthOrder;
}

/** What a plan is for: the check lists likely duplicates for the user; the import step writes. */
export type PlanPurpose = 'check' | 'import';

export interface PlanInput {
  kind: FlatKind;
  headers: readonly string[];
  rows: AsyncIterable<ImportRow> | Iterable<ImportRow>;
  mapping: ImportMapping;
  /** A value for a field on every row where its column is empty or unmapped, by field key. */
  fixed?: Readonly<Record<string, string>>;
  options: PlanOptions;
  /** 'check' unless told: the import step's plan leaves `likely` empty. */
  purpose?: PlanPurpose;
}

/** One problem of one cell (or of the row, at the field's column). */
export interface PlanProblem {
  row: number;
  /** The header of the cell's column; for a fixed value or an unmapped field, the field's label. */
  column: string;
  /** The field key (`name`, `typeId`, `custom.3`). */
  field: string;
  value: string;
  reason: ValidationReason;
  params?: Record<string, string | number>;
}

export interface LikelyDuplicate {
  row: number;
  matches: { id?: number; row?: number; name: string; reason: LikelyReason }[];
}

/**
 * What the import does with one row. `input` is the update input as the channel takes it (only
 * the fields the row fills: an empty cell never blanks a field), or the create input as the
 * channel's schema gave it back. An update's record is
 * a stored one (`targetId`) or the one an earlier row creates (`targetRow`). `code` is the file's
 * code for a created record, which the create channel does not take. `newCustomer`: a contact's
 * customer is the one the import creates under that key (ImportPlan.newCustomers).
 */
export interface PlannedRow {
  row: number;
  action: 'create' | 'update' | 'skip' | 'reject';
  input?: Record<string, unknown>;
  targetId?: number;
  targetRow?: number;
  code?: string;
  newCustomer?: string;
  /** The row closes its record once made or changed (plan-close.ts). */
  close?: { channel: NonNullable<RowClose['channel']>; input: Record<string, unknown> };
}

export interface PlanCounts {
  new: number;
  update: number;
  /** Duplicates left alone (mode skip). */
  duplicate: number;
  rejected: number;
}

export interface ImportPlan {
  kind: FlatKind;
  counts: PlanCounts;
  problems: PlanProblem[];
  likely: LikelyDuplicate[];
  /** Every row's action in file order; empty when `planImport` was given `onRow`. */
  actions: PlannedRow[];
  /** Contacts with missingLinks 'create': the customers to create first, once per name. */
  newCustomers: { key: string; name: string; row: number }[];
}

/** A mapped field and the columns that fill it (a field mapped twice takes the first filled cell). */
export interface Target {
  field: ImportField;
  columns: number[];
}

/**
 * A row's text for a field: its first filled column's (and that column), else the fixed value;
 * '' when neither. An apostrophe an export put before a formula-like cell goes.
 */
export function cellOf(row: ImportRow, t: Target, fixed?: string): { column?: number; text: string } {
  const column = t.columns.find((c) => (row.cells[c] ?? '') !== '');
  let text = column === undefined ? '' : row.cells[column]!;
  if (text === '' && fixed !== undefined) text = fixed.trim();
  return { column, text: text === '' ? '' : unquoteExported(text) };
}

/**
 * A problem of one cell: at the column it was read from (else the field's first column, else the
 * field's label: a fixed value or an unmapped field).
 */
export function cellProblem(
  row: number,
  t: Target,
  headers: readonly string[],
  column: number | undefined,
  value: string,
  reason: ValidationReason,
  params?: Record<string, string | number>,
): PlanProblem {
  const at = column ?? t.columns[0];
  return {
    row,
    column: at === undefined ? t.field.label.zh : headers[at]!,
    field: t.field.key,
    value,
    reason,
    ...(params ? { params } : {}),
  };
}

/** Where a field's problem is shown: its first column's header, else its label. */
export const columnName = (t: Target | undefined, headers: readonly string[], field: string) =>
  t?.columns.length ? headers[t.columns[0]!]! : (t?.field.label.zh ?? field);

/**
 * The fields `mapping` and `fixed` fill, each with the columns that fill it; a key that is not a
 * field of `kind` (its custom fields included) is refused.
 */
export function mappedTargets(
  ctx: HandlerContext,
  kind: ImportKind,
  mapping: ImportMapping,
  fixed: Readonly<Record<string, string>> | undefined,
): Map<string, Target> {
  const fields = importFields(kind, listCustomFields(ctx.db, { includeInactive: false }));
  const byKey = new Map(fields.map((f) => [f.key, f]));
  const targets = new Map<string, Target>();
  mapping.forEach((key, i) => {
    if (key === null) return;
    const field = byKey.get(key);
    if (!field) {
      throw new AppError('VALIDATION', `mapping: ${key} is not a field of ${kind}`, {
        field: `mapping.${i}`,
        reason: 'unknown_field',
      });
    }
    const t = targets.get(key) ?? { field, columns: [] };
    t.columns.push(i);
    targets.set(key, t);
  });
  for (const key of Object.keys(fixed ?? {})) {
    const field = byKey.get(key);
    if (!field) {
      throw new AppError('VALIDATION', `fixed: ${key} is not a field of ${kind}`, {
        field: `fixed.${key}`,
        reason: 'unknown_field',
      });
    }
    if (!targets.has(key)) targets.set(key, { field, columns: [] });
  }
  return targets;
}

/**
 * The dry run. Reads `rows` once; holds the key columns of the stored records, the keys of the
 * rows planned so far and, unless `onRow` takes them, every row's action (a reject or skip is a
 * row number alone). With `onRow`, each action goes there as it is planned and `actions` stays
 * empty: memory then grows with the file's keys only.
 */
export async function planImport(
  ctx: HandlerContext,
  input: PlanInput,
  onRow?: (action: PlannedRow) => void,
): Promise<ImportPlan> {
  const { kind, headers, mapping, options } = input;
  const targets = mappedTargets(ctx, kind, mapping, input.fixed);

  const baseItems = listBaseItems(ctx.db, {});
  // The stages an opportunity closes in, by id: 'won' and 'lost'.
  const closedStages = new Map(
    baseItems
      .filter((i) => i.kind === 'opportunity_stage' && (i.key === 'won' || i.key === 'lost'))
      .map((i) => [i.id, i.key!]),
  );
  const cellCtx: CellContext = {
    base: baseLookup(baseItems),
    dayMonthOrder: options.dayMonthOrder,
  };
  const index = indexStored(ctx.db, kind, input.purpose !== 'import');
  const findLinks = linkFinder(ctx.db, new Set(targets.keys()), options.missingLinks);
  const createSchema = channels[`${kind}.create`] as z.ZodType;
  const updateSchema = channels[`${kind}.update`] as z.ZodType;

  const plan: ImportPlan = {
    kind,
    counts: { new: 0, update: 0, duplicate: 0, rejected: 0 },
    problems: [],
    likely: [],
    actions: [],
    newCustomers: [],
  };
  const plannedCustomers = new Set<string>();
  const emit = (a: PlannedRow) => {
    if (a.action === 'create') plan.counts.new++;
    else if (a.action === 'update') plan.counts.update++;
    else if (a.action === 'skip') plan.counts.duplicate++;
    else plan.counts.rejected++;
    if (onRow) onRow(a);
    else plan.actions.push(a);
  };

  for await (const row of input.rows) {
    const problems: PlanProblem[] = [];
    const bad = new Set<string>();
    const texts: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const custom: Record<string, FieldValue> = {};
    const linkTexts: Partial<Record<LinkField, string>> = {};
    /** A problem of a field at its column, once per field (the first found is the one told). */
    const tell = (p: SchemaProblem, value = texts[p.field] ?? '') => {
      if (bad.has(p.field)) return;
      problems.push({
        row: row.row,
        column: columnName(targets.get(p.field), headers, p.field),
        field: p.field,
        value,
        reason: p.reason,
        ...(p.params ? { params: p.params } : {}),
      });
      bad.add(p.field);
    };

    for (const [key, t] of targets) {
      const { column, text } = cellOf(row, t, input.fixed?.[t.field.key]);
      if (text === '') continue;
      texts[key] = text;
      if (isLinkField(key)) {
        linkTexts[key] = text;
        continue;
      }
      const read = readCell(t.field, text, cellCtx, column === undefined ? undefined : row.kinds?.[column]);
      if (!read.ok) {
        problems.push(cellProblem(row.row, t, headers, column, text, read.reason, read.params));
        bad.add(key);
      } else if (t.field.customFieldId !== undefined) custom[String(t.field.customFieldId)] = read.value;
      else values[key] = read.value;
    }
    if (Object.keys(custom).length) values.custom = custom;

    // The customer, contact and opportunity the row names (plan-links.ts).
    const links = findLinks(linkTexts);
    Object.assign(values, links.ids);
    const { newCustomer } = links;
    for (const field of links.missing) tell({ field, reason: 'not_found' }, linkTexts[field]!);

    // 状态 and what goes with it close the record once made (plan-close.ts): not a create input.
    const close: RowClose = closeOfRow(kind, values, closedStages);
    close.problems.forEach((p) => tell(p));

    // The file's code is the record's own: a key, not a create input.
    const code = typeof values.code === 'string' ? values.code : undefined;
    delete values.code;

    const keyFields: KeyFields = {
      ...(values as KeyFields),
      code,
      customerId: newCustomer ? `new:${newCustomer.key}` : (values.customerId as number | undefined),
    };
    let action: PlannedRow['action'] = 'create';
    let exact: Ref | undefined;
    if (problems.length === 0) {
      exact = index.findExact(exactKeys(kind, keyFields));
      if (exact) action = options.duplicates === 'skip' ? 'skip' : options.duplicates;
    } else action = 'reject';

    // The channel's own check, as the door runs it (placeholders for what the import fills in).
    // A created record is written from what the check gave, as the door writes what it parsed.
    let parsed: Record<string, unknown> | undefined;
    if (action !== 'skip') {
      const checked = checkWith(
        action === 'update' ? updateSchema : createSchema,
        action === 'update'
          ? { ...values, id: 1, version: 1 }
          : newCustomer
            ? { ...values, customerId: 1 }
            : values,
      );
      if (!checked.ok) {
        checked.problems.forEach((p) => tell(p));
        action = 'reject';
      } else parsed = checked.value;
    }
    plan.problems.push(...problems);

    if (action === 'reject') {
      emit({ row: row.row, action });
      continue;
    }
    const target = exact ? (exact.id !== undefined ? { targetId: exact.id } : { targetRow: exact.row! }) : {};
    if (action === 'skip') {
      emit({ row: row.row, action, ...target });
      continue;
    }
    if (newCustomer && !plannedCustomers.has(newCustomer.key)) {
      plannedCustomers.add(newCustomer.key);
      plan.newCustomers.push({ ...newCustomer, row: row.row });
    }
    const link = {
      ...(newCustomer ? { newCustomer: newCustomer.key } : {}),
      ...(close.channel ? { close: { channel: close.channel, input: close.input! } } : {}),
    };
    if (action === 'update') {
      // Later rows that are this record find the same one.
      index.add(keyFields, exact!);
      emit({ row: row.row, action, input: values, ...target, ...link });
      continue;
    }
    const likelyKeys = index.likelyKeysOf(keyFields);
    const likely = exact ? [] : index.findLikely(likelyKeys);
    if (likely.length) {
      plan.likely.push({
        row: row.row,
        matches: likely.map(({ ref, reason }) => ({ ...ref, reason })),
      });
    }
    // A code another record has (a duplicate created anyway) is left to the app to give.
    const ownCode = code !== undefined && !index.findExact([`code:${codeKey(code)}`]) ? code : undefined;
    index.add(
      ownCode === undefined ? { ...keyFields, code: undefined } : keyFields,
      {
        row: row.row,
        name: String(values.name ?? values.title ?? values.subject ?? values.description ?? ''),
      },
      likelyKeys,
    );
    emit({
      row: row.row,
      action,
      input: parsed,
      ...(ownCode !== undefined ? { code: ownCode } : {}),
      ...link,
    });
  }
  return plan;
}

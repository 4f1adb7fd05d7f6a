import { z } from 'zod';
import type { BaseKind } from './base-data';
import { channel } from './channel';
import type { ValidationReason } from './envelope';
import { filePath } from './files';

/**
 * 导入: what a file's columns can fill. The worker owns the field table and the header matching
 * (src-main/import/fields.ts); these are the shapes it hands to the import wizard. No imports
 * beyond the contract's own: the renderer uses them too.
 */

/** The record kinds an import fills: one per list. A sales file has one row per sale line. */
export const importKinds = [
  'customers',
  'contacts',
  'products',
  'opportunities',
  'sales',
  'activities',
  'feedback',
  'expenses',
] as const;
export type ImportKind = (typeof importKinds)[number];

/**
 * How a cell is read into its field:
 * - `text`: trimmed text. `code`: text kept as written (codes, phone numbers: leading zeros stay).
 * - `date`: a calendar date (`YYYY-MM-DD`). `datetime`: a local date and time to the minute.
 * - `money`: yuan, stored as integer cents. `number`: a plain number. `percent`: 0–100, so `15%`
 *   and `15` are both fifteen per cent.
 * - `boolean`: yes or no (是/否, Y/N, 1/0 …).
 * - `base`: an entry of the base-data list `base` (客户类型, 业务员 …), matched by its Chinese or
 *   English name; the record stores its id.
 * - `link`: another record of kind `link`, found by its code or its name; the record stores its id.
 * - `enum`: one of `options`, matched by its value, its Chinese or English word, or a synonym.
 */
export type ImportFieldType =
  | 'text'
  | 'code'
  | 'date'
  | 'datetime'
  | 'money'
  | 'number'
  | 'percent'
  | 'boolean'
  | 'base'
  | 'link'
  | 'enum';

/** The records a `link` field points at. */
export type ImportLinkKind = 'customers' | 'contacts' | 'products' | 'opportunities';

/** One choice of an `enum` field: the value stored, and the words a cell may hold for it. */
export interface ImportOption {
  value: string;
  zh: string;
  en: string;
  /** Other words for it (先生 for male, Shipped for delivered …). */
  synonyms?: readonly string[];
}

/**
 * Where a field's value goes when it is not simply the create input's field of that name:
 * - `code`: the record's own code (客户编号, 产品编号, 订单号 …). It finds the existing record a row
 *   updates or duplicates, groups a sales file's rows into one sale per order number, and is what
 *   other files' `link` columns may name.
 * - `line`: a sale line's field (产品, 数量, 单价, 折扣): one row of a sales file is one line.
 * - `close`: written by closing the record after it is created (a feedback item's 处理结果 and
 *   满意度, an opportunity's 状态 and 输单原因), not by the create input.
 */
export type ImportFieldRole = 'code' | 'line' | 'close';

/** One field an import can fill, as the mapping step offers it. */
export interface ImportField {
  /**
   * The create input's field name (`name`, `typeId`, `customerId`); a sale line's field is the
   * line input's (`productId`, `quantity` …); a custom field's is `custom.<id>`, as its errors say.
   */
  key: string;
  type: ImportFieldType;
  /** A row without a value for it is rejected (unless the mapping gives a fixed value). */
  required: boolean;
  /** The label on the app's forms and the heading of its list export, in both languages. */
  label: { zh: string; en: string };
  /** Other header names that mean this field (zh and en), the most telling first. */
  synonyms: readonly string[];
  /** `base` fields: the base-data list. */
  base?: BaseKind;
  /** `link` fields: the kind of record. */
  link?: ImportLinkKind;
  /** `enum` fields: the choices. */
  options?: readonly ImportOption[];
  /** A multiple choice: one cell holds several options (大型、中型). */
  multiple?: boolean;
  role?: ImportFieldRole;
  /** A custom field (自定义字段): its id. */
  customFieldId?: number;
}

/** For each header of a file, in order, the key of the field it fills, or null when ignored. */
export type ImportMapping = (string | null)[];

/**
 * The user's mapping for a set of headers, kept to be offered again for the same headers (keyed
 * by `headerSignature`): field key (or null, ignored) by normalised header; a header that occurs
 * again in the same file is keyed `<header>#2`, `#3` ….
 */
export type RememberedMapping = Record<string, string | null>;

/** The encodings and separators a text file may be read with (the reader's own lists). */
export const importEncodings = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export const importSeparators = [',', '\t', ';'] as const;

/**
 * What the check (`import.check`) and the import (`import.run`) jobs read, and how: the file on
 * this computer, how to read it, which column fills which field, fixed values, and what to do with
 * duplicates and with contacts whose customer does not exist.
 */
export const importSourceInput = {
  recordKind: z.enum(importKinds),
  /**
   * The file on this computer; or, in the browser edition, the name `POST /upload/import` gave
   * the uploaded file (32 hex digits + `.upload`), which is found in the data folder.
   */
  path: filePath,
  /** The name the user knows the file by (an upload's own name); the path's name by default. */
  fileName: z.string().trim().min(1).max(255).optional(),
  encoding: z.enum(importEncodings).optional(),
  separator: z.enum(importSeparators).optional(),
  sheet: z.string().trim().min(1).max(255).optional(),
};

export const importFileInput = {
  ...importSourceInput,
  mapping: z.array(z.string().trim().min(1).max(100).nullable()).max(1000),
  fixed: z.record(z.string().trim().min(1).max(100), z.string().max(10_000)).optional(),
  options: z.strictObject({
    duplicates: z.enum(['skip', 'update', 'create']).default('skip'),
    missingLinks: z.enum(['reject', 'create']).default('reject'),
    dayMonthOrder: z.enum(['dmy', 'mdy']).optional(),
  }),
};

/**
 * The wizard's first look at a file (`import.preview`): how it was read (and what else it could
 * be read as), its headers and first rows, the fields of the record kind, and the mapping
 * suggested for the headers (the user's last one for the same headers, else by name).
 */
export interface ImportPreview {
  fileName: string;
  kind: 'csv' | 'xlsx' | 'vcard';
  /** Text files: the encoding read with, and the one detected. */
  encoding?: (typeof importEncodings)[number];
  detectedEncoding?: (typeof importEncodings)[number];
  separator?: (typeof importSeparators)[number];
  /** Workbooks: every sheet, and the one read. */
  sheets?: string[];
  sheet?: string;
  headers: string[];
  /** The first rows after the header, each as long as the headers at least. */
  rows: string[][];
  /** Where each of them is in the file: its line (a card's BEGIN line), or its sheet row. */
  rowNumbers: number[];
  /** Text files: the first lines as decoded, to see whether the encoding is right. */
  decodedSample?: string;
  fields: ImportField[];
  suggested: ImportMapping;
  /** True when `suggested` is the mapping the user chose last time for these headers. */
  remembered: boolean;
}

/** One problem of one cell, as the check step lists it. */
export interface ImportProblem {
  row: number;
  column: string;
  field: string;
  value: string;
  reason: ValidationReason;
  params?: Record<string, string | number>;
}

export interface ImportCounts {
  new: number;
  update: number;
  /** Duplicates left alone. */
  duplicate: number;
  rejected: number;
}

/** The most problems and likely duplicates a job answers with (the counts say how many in all). */
export const IMPORT_LIST_MAX = 1000;
/** The most rejected rows a job hands back whole, for the file of rejected rows. */
export const IMPORT_REJECTED_MAX = 10_000;

/** A row that was not imported, as the file has it: for the file of rejected rows (with reasons). */
export interface RejectedRow {
  row: number;
  cells: string[];
}

export interface ImportCheckResult {
  headers: string[];
  counts: ImportCounts;
  problems: ImportProblem[];
  problemCount: number;
  likely: { row: number; matches: { id?: number; row?: number; name: string; reason: string }[] }[];
  likelyCount: number;
  /** The rows with a problem, as in the file (the first IMPORT_REJECTED_MAX); their reasons are in `problems`. */
  rejected: RejectedRow[];
}

export interface ImportRunResult {
  importId: number;
  counts: ImportCounts & { linkedCreated: number };
  problems: ImportProblem[];
  problemCount: number;
  headers: string[];
  /** The rows not imported, as in the file (the first IMPORT_REJECTED_MAX). */
  rejected: RejectedRow[];
}

/** An import as the history lists it. */
export interface ImportEntry {
  id: number;
  kind: string;
  fileName: string;
  counts: Partial<ImportRunResult['counts']>;
  startedAt: string;
  finishedAt: string | null;
  undoneAt: string | null;
}

/** 导入记录: the imports into this file, newest first. 撤销导入 is the `import.undo` job. */
export const importChannels = {
  'imports.list': channel(z.strictObject({})).returns<ImportEntry[]>(),
};

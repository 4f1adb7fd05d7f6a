/**
 * 导入's first step: a chosen file as headers and a stream of rows, whatever it is (CSV/TXT/TSV
 * text in any of the usual encodings, an .xlsx workbook, or a .vcf of contacts). The import reads rows from here and
 * never sees bytes; the file itself is only ever opened for reading.
 */
import path from 'node:path';
import { AppError } from '../db/errors';
import {
  chooseEncoding,
  detectFileEncoding,
  previewText,
  readHead,
  type EncodingEvidence,
  type TextEncoding,
} from './decode';
import { magicOf, statImportFile } from './file-check';
import { guessLayout, openCsv, type Separator } from './read-csv';
import { openVcard } from './read-vcard';
import { openXlsx } from './read-xlsx';

export type { TextEncoding } from './decode';
export type { CellKind, ImportRow, ImportSource } from './source-types';
import type { ImportRow, ImportSource } from './source-types';
export { textEncodings } from './decode';
export type { Separator } from './read-csv';
export { separators } from './read-csv';

export interface ImportSourceOptions {
  /** Text files: read in this encoding instead of the detected one. */
  encoding?: TextEncoding;
  /** Text files: split on this separator instead of the guessed one. */
  separator?: Separator;
  /** Workbooks: the worksheet to read, by name; the first visible one by default. */
  sheet?: string;
  /**
   * The name the user knows the file by, when the file itself is named otherwise (an upload
   * waiting under a random name): its extension chooses the reader.
   */
  name?: string;
}

const textExtensions = new Set(['.csv', '.txt', '.tsv']);

/**
 * Opens a file for import, choosing the reader by its extension and checking that its content
 * agrees: .csv/.txt/.tsv and .vcf must be text, .xlsx a workbook. Everything else is refused with a reason
 * the screen can show (old .xls: save it as .xlsx or CSV).
 */
export function openImportSource(file: string, opts: ImportSourceOptions = {}): Promise<ImportSource> {
  return openSource(file, opts, true);
}

/** `strictText` false: bytes that are not valid in the encoding read as U+FFFD (for the preview). */
async function openSource(
  file: string,
  opts: ImportSourceOptions,
  strictText: boolean,
): Promise<ImportSource> {
  const ext = path.extname(opts.name ?? file).toLowerCase();
  if (ext === '.xls') throw oldExcel(file);
  const isText = textExtensions.has(ext);
  if (ext === '.vcf') {
    const stamp = await statImportFile(file);
    if (magicOf((await readHead(file)).head) !== 'other') throw notText(file);
    return openVcard(file, stamp);
  }
  if (!isText && ext !== '.xlsx') {
    throw new AppError('VALIDATION', `${file} is not a CSV, text or .xlsx file`, {
      reason: 'import_file_type',
      params: { extension: ext },
    });
  }
  const stamp = await statImportFile(file);
  const { head } = await readHead(file);
  const magic = magicOf(head);

  if (!isText) {
    if (magic === 'ole') throw oldExcel(file);
    if (magic !== 'zip') throw notWorkbook(file);
    return openXlsx(file, { sheet: opts.sheet, stamp });
  }

  if (magic !== 'other') throw notText(file);
  const detected = await detectFileEncoding(file);
  const encoding = chooseEncoding(detected, opts.encoding);
  // NUL bytes are in binary files, and in UTF-16 text; without a BOM saying UTF-16 they mean binary.
  if (!encoding.encoding.startsWith('utf-16') && head.includes(0)) throw notText(file);
  const sample = (await previewText(file, { detected, encoding: opts.encoding, lines: 50 })).raw;
  // Excel in some locales writes a first line "sep=;" naming the separator: it is no header.
  const directive = /^\uFEFF?sep=([,;\t])\r?\n/.exec(sample);
  const layout = guessLayout(directive ? sample.slice(directive[0].length) : sample);
  return openCsv(file, {
    encoding,
    detected,
    separator: opts.separator ?? (directive?.[1] as Separator | undefined) ?? layout.separator,
    newline: layout.newline,
    skipLines: directive ? 1 : 0,
    stamp,
    strict: strictText,
  });
}

export interface ImportPreview {
  kind: ImportSource['kind'];
  rowUnit: ImportSource['rowUnit'];
  headers: string[];
  headerRow: number;
  /** The first rows after the header, as the import will read them. */
  rows: ImportRow[];
  encoding?: TextEncoding;
  detectedEncoding?: TextEncoding;
  encodingEvidence?: EncodingEvidence;
  separator?: Separator;
  sheets?: string[];
  sheet?: string;
  /** Text files: the first lines as decoded, so the user can see the encoding is right. */
  decodedSample?: string;
}

/**
 * What the wizard's first step shows: headers, the first `n` rows, and how the file was read.
 * Text that is not valid in the chosen encoding is shown with U+FFFD here rather than refused,
 * so the user sees that another encoding is needed; reading the rows for the import refuses it.
 */
export async function previewImportSource(
  file: string,
  opts: ImportSourceOptions = {},
  n = 20,
): Promise<ImportPreview> {
  const source = await openSource(file, opts, false);
  try {
    const rows: ImportRow[] = [];
    if (n > 0) {
      for await (const row of source.rows()) {
        rows.push(row);
        if (rows.length >= n) break;
      }
    }
    const decodedSample =
      source.kind === 'csv'
        ? (await previewText(file, { encoding: source.encoding, lines: Math.max(n, 10) + 1 })).text
        : undefined;
    const { file: _file, rows: _rows, progress: _progress, close: _close, ...about } = source;
    return { ...about, rows, decodedSample };
  } finally {
    await source.close();
  }
}

const oldExcel = (file: string) =>
  new AppError('VALIDATION', `${file} is an old .xls workbook or a workbook with a password`, {
    reason: 'import_old_xls',
  });

const notWorkbook = (file: string) =>
  new AppError('VALIDATION', `${file} is not an .xlsx workbook`, { reason: 'import_not_xlsx' });

const notText = (file: string) =>
  new AppError('VALIDATION', `${file} is not a text file`, { reason: 'import_not_text' });

import type { DataTableColumn } from 'mantine-datatable';
import Papa from 'papaparse';
import { encodeGbk } from './gbk';
import { isValidElement, type ReactNode } from 'react';

/** One column of an exported table: its heading and how a row gives its cell. */
export interface ExportColumn<Row> {
  title: string;
  value: (row: Row) => string | number | boolean | null | undefined;
}

/** CSV in UTF-8 with a BOM (any Excel since 2016, WPS, LibreOffice), in GBK (older Excel), or .xlsx. */
export type ExportFormat = 'csv' | 'csv-gbk' | 'xlsx';

const cell = (v: string | number | boolean | null | undefined) =>
  v === null || v === undefined ? '' : typeof v === 'boolean' ? (v ? 1 : 0) : v;

/** The table as plain rows of cells, headings first. */
export function exportCells<Row>(columns: ExportColumn<Row>[], rows: Row[]): (string | number)[][] {
  return [columns.map((c) => c.title), ...rows.map((r) => columns.map((c) => cell(c.value(r))))];
}

/**
 * A text cell a spreadsheet would run as a formula: one starting with = + - @, a tab or a carriage
 * return (OWASP's list for CSV injection), on any line count (papaparse's own pattern misses a
 * payload with a newline in it). A plain signed number written as text (-5, +3.5%, -1,234.50) is
 * spared: it has nothing to run, and a changed figure would be a wrong one. Number cells are
 * never text, so a negative amount stays a number.
 */
export const FORMULA_CELL = /^(?![+-](?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?%?$)[=+\-@\t\r]/;

/**
 * CSV with a byte-order mark: Excel opens a BOM-less UTF-8 file as the local code page and turns
 * every Chinese character into mojibake. A formula-looking text cell is written with a leading
 * apostrophe, inside quotes ('=1+1), so Excel, WPS and LibreOffice show it as text instead of
 * running it.
 */
export function toCsv<Row>(columns: ExportColumn<Row>[], rows: Row[]): string {
  return '\uFEFF' + csvText(columns, rows);
}

/** The same CSV in GBK, without a BOM (GBK has none): what older Excel on Chinese Windows reads. */
export function toCsvGbk<Row>(columns: ExportColumn<Row>[], rows: Row[]): Uint8Array<ArrayBuffer> {
  return encodeGbk(csvText(columns, rows)) as Uint8Array<ArrayBuffer>;
}

const csvText = <Row>(columns: ExportColumn<Row>[], rows: Row[]): string =>
  Papa.unparse(exportCells(columns, rows), { newline: '\r\n', escapeFormulae: FORMULA_CELL });

/**
 * An .xlsx workbook of one sheet, headings bold and frozen. exceljs loads only when used. Text
 * cells are written as text (a shared string), never as formulas, so '=1+1' needs no escaping
 * here and is kept exactly: only a cell given as `{ formula }` would be one, and none is.
 */
export async function toXlsx<Row>(
  columns: ExportColumn<Row>[],
  rows: Row[],
  sheetName: string,
): Promise<ArrayBuffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  // Excel refuses a sheet name over 31 characters or with []:*?/\ in it.
  const sheet = book.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet1', {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const cells = exportCells(columns, rows);
  sheet.addRows(cells);
  sheet.getRow(1).font = { bold: true };
  // Wide enough for the first rows' text; a Chinese character takes about two widths.
  const sample = cells.slice(0, 200);
  sheet.columns.forEach((col, i) => {
    const widest = Math.max(...sample.map((r) => String(r[i] ?? '').length));
    col.width = Math.min(60, Math.max(8, widest * 2));
  });
  return (await book.xlsx.writeBuffer()) as ArrayBuffer;
}

/** Hands a file to the user: the browser's download, which Electron turns into a save dialog. */
export function saveFile(data: BlobPart, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Builds the file in the chosen format and saves it as `<baseName>.csv|.xlsx`. */
export async function exportTable<Row>(
  format: ExportFormat,
  columns: ExportColumn<Row>[],
  rows: Row[],
  baseName: string,
): Promise<void> {
  if (format === 'csv') {
    saveFile(toCsv(columns, rows), `${baseName}.csv`, 'text/csv;charset=utf-8');
  } else if (format === 'csv-gbk') {
    saveFile(toCsvGbk(columns, rows), `${baseName}.csv`, 'text/csv;charset=gbk');
  } else {
    const data = await toXlsx(columns, rows, baseName);
    saveFile(data, `${baseName}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  }
}

/**
 * Every row a list query selects, page by page (a list channel returns at most 200 at a time).
 * `load` reads one page; `onProgress` hears how many of how many are in.
 */
export async function collectPages<Row>(
  load: (page: number, pageSize: number) => Promise<{ rows: Row[]; total: number }>,
  onProgress?: (done: number, total: number) => void,
): Promise<Row[]> {
  const pageSize = 200;
  const rows: Row[] = [];
  for (let page = 1; ; page++) {
    const result = await load(page, pageSize);
    rows.push(...result.rows);
    onProgress?.(rows.length, result.total);
    if (result.rows.length < pageSize || rows.length >= result.total) return rows;
  }
}

/** The text a rendered cell shows: strings and numbers as they are, elements by their children. */
export function nodeText(node: ReactNode): string {
  if (node === null || node === undefined || typeof node === 'boolean') return '';
  if (typeof node === 'string' || typeof node === 'number' || typeof node === 'bigint') return String(node);
  if (Array.isArray(node)) return node.map(nodeText).join('');
  if (isValidElement<{ children?: ReactNode }>(node)) return nodeText(node.props.children);
  return '';
}

/**
 * What an exported file holds for some of a list's columns, where the text on screen would not
 * do: a badge drawn by a component (a status, a type) has no text to read, money goes out in yuan
 * as a number, a yes/no badge as 是/否. Keyed by the column's accessor.
 */
export type ExportValues<Row> = Partial<Record<string, ExportColumn<Row>['value']>>;

/**
 * A list's export columns from its table columns, so the file holds what the screen shows, in the
 * same order and words (headings an import maps back to their fields): the column's `values`
 * entry, else a rendered cell's text, or the plain value where the column renders none.
 */
export function columnsForExport<Row>(
  columns: DataTableColumn<Row>[],
  values: ExportValues<Row> = {},
): ExportColumn<Row>[] {
  return columns
    .filter((c) => !c.hidden)
    .map((c) => ({
      title: nodeText(c.title as ReactNode) || String(c.accessor),
      value:
        values[String(c.accessor)] ??
        ((row: Row) => {
          if (c.render) return nodeText(c.render(row, 0));
          const v = (row as Record<string, unknown>)[String(c.accessor)];
          return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? v : null;
        }),
    }));
}

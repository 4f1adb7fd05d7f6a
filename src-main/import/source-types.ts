import type { EncodingEvidence, TextEncoding } from './decode';

/** A file to import, as its readers give it (source.ts opens one; read-csv, read-xlsx read it). */

/** The separators a text file's columns may have. */
export const separators = [',', '\t', ';'] as const;
export type Separator = (typeof separators)[number];

/**
 * What a workbook cell held, beside its text: the value layer may read a `number` in a date
 * column as an Excel serial date, and knows a `date` was a real date cell (a cell in a time
 * format is a `date` too, its text "HH:mm:ss").
 */
export type CellKind = 'empty' | 'text' | 'number' | 'date' | 'boolean' | 'error';

export interface ImportRow {
  /**
   * Where the user finds the row in the file (see `ImportSource.rowUnit`): in a text file the line
   * it starts on, counted as an editor counts lines (a line break inside quotes included); in a
   * workbook the sheet's row number as Excel shows it. 1-based; the header's is `headerRow`.
   */
  row: number;
  /**
   * One string per column, trimmed; '' for an empty cell. As long as the header at least; longer
   * when the row has filled cells past the last header column.
   */
  cells: string[];
  /** Workbooks only: what each cell held (`cells[i]` is its text). */
  kinds?: CellKind[];
}

export interface ImportSource {
  file: string;
  /** A text table, an Excel workbook, or a vCard file (contacts, one card a row). */
  kind: 'csv' | 'xlsx' | 'vcard';
  /** What `ImportRow.row` counts: a text file's lines, or a sheet's rows. */
  rowUnit: 'line' | 'row';
  /** Text files: the encoding read with, the one detected, and how it was found. */
  encoding?: TextEncoding;
  detectedEncoding?: TextEncoding;
  encodingEvidence?: EncodingEvidence;
  /** Text files: the separator read with. */
  separator?: Separator;
  /** Workbooks: the worksheets in the workbook's order, and the one read. */
  sheets?: string[];
  sheet?: string;
  /** The header row's cells, trimmed (the first row with anything in it). */
  headers: string[];
  headerRow: number;
  /**
   * The rows after the header, read from the file as they are used (each call reads it again,
   * so a check and an import can each go through it). Rows with nothing in them are left out.
   * Refuses with `import_file_changed` if the file changed since it was opened.
   */
  rows(): AsyncIterable<ImportRow>;
  /** Bytes read of the file (for a workbook: of the sheet's compressed part) by the latest `rows()`. */
  progress(): { read: number; total: number };
  /** Stops any reading under way and lets go of the file. */
  close(): Promise<void>;
}

/**
 * CSV and other delimited text (RFC 4180 as papaparse reads it: quoted separators, doubled
 * quotes, line breaks inside quotes, CRLF or LF), read as a stream of rows.
 *
 * papaparse's low-level Parser is fed one decoded chunk at a time and asked to hold back the last,
 * possibly unfinished, record; the next chunk completes it. Rows are pulled by the caller, so the
 * file is read only as fast as rows are used: memory holds a chunk and its rows, not the file.
 */
import Papa from 'papaparse';
import { AppError } from '../db/errors';
import { decodeFile, normaliseBreaks, type DetectedEncoding } from './decode';
import { assertUnchanged, emptyFile, type FileStamp } from './file-check';
import { separators, type ImportRow, type ImportSource, type Separator } from './source-types';

/** The separators a file can use; papaparse guesses among these. */
export { separators, type Separator };
export type Newline = '\r\n' | '\n' | '\r';

/**
 * A record longer than this many characters means a quote that is never closed (or a file that is
 * not a table): it is refused rather than held in memory to the end of the file.
 */
export const MAX_RECORD_CHARS = 8 * 1024 * 1024;

/** The separator and line ending of a file, guessed by papaparse from decoded text at its start. */
export function guessLayout(sample: string): { separator: Separator; newline: Newline } {
  const meta = Papa.parse<string[]>(sample, {
    preview: 50,
    delimitersToGuess: [...separators],
    // A blank line (the one after the last line break) has one field for every separator.
    skipEmptyLines: true,
  }).meta;
  const separator = (separators as readonly string[]).includes(meta.delimiter)
    ? (meta.delimiter as Separator)
    : ',';
  return { separator, newline: meta.linebreak as Newline };
}

export interface RecordOptions {
  encoding: DetectedEncoding;
  separator: Separator;
  newline: Newline;
  /** Refuse text that is not valid UTF-8 (the default), or read it as U+FFFD. */
  strict?: boolean;
  onBytes?: (read: number) => void;
}

/** One record as parsed: its cells untouched, and the line of the file it starts on. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

interface ParseResult {
  data: string[][];
  errors: { code: string; row: number }[];
  meta: { cursor: number };
}

/** Every record of the file, blank ones included, in order. */
export async function* csvRecords(file: string, opts: RecordOptions): AsyncGenerator<CsvRecord> {
  const parser = new Papa.Parser({ delimiter: opts.separator, newline: opts.newline, quoteChar: '"' });
  // Lines are counted by the character that ends them: LF (also in CRLF), or CR in old Mac files.
  const lineEnd = opts.newline === '\r' ? '\r' : '\n';
  let line = 1;
  let pending = '';

  function* emit(result: ParseResult): Generator<CsvRecord> {
    const firstError = Math.min(...result.errors.map((e) => e.row));
    for (let i = 0; i < result.data.length; i++) {
      if (i === firstError) throw badQuote(line);
      const cells = result.data[i]!;
      yield { line, cells };
      line += 1 + countChar(cells, lineEnd);
    }
  }

  for await (const text of decodeFile(file, {
    encoding: opts.encoding.encoding,
    bomLength: opts.encoding.bomLength,
    strict: opts.strict ?? true,
    onBytes: opts.onBytes,
  })) {
    pending += text;
    // `true`: the last record may go on in the next chunk, so it is held back (meta.cursor is its start).
    const result = parser.parse(pending, 0, true) as ParseResult;
    // An error in the held-back record is seen again when it is parsed whole.
    result.errors = result.errors.filter((e) => e.row < result.data.length);
    yield* emit(result);
    pending = pending.slice(result.meta.cursor);
    if (pending.length > MAX_RECORD_CHARS) {
      throw pending.startsWith('"') || pending.includes(`${opts.separator}"`)
        ? badQuote(line)
        : new AppError('VALIDATION', `Line ${line} is longer than any table row`, {
            reason: 'import_not_text',
            params: { line },
          });
    }
  }
  if (pending !== '') yield* emit(parser.parse(pending, 0, false) as ParseResult);
}

function badQuote(line: number): AppError {
  return new AppError('VALIDATION', `The quoted field on line ${line} is not closed properly`, {
    reason: 'import_quote',
    params: { line },
  });
}

function countChar(cells: string[], ch: string): number {
  let n = 0;
  for (const cell of cells) {
    for (let i = cell.indexOf(ch); i !== -1; i = cell.indexOf(ch, i + 1)) n++;
  }
  return n;
}

/** A record with nothing in it once trimmed: a blank line, or a row of empty cells (",,,"). */
const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

/**
 * A record's cells as the import uses them: trimmed, line breaks inside as \n; padded with '' to
 * the header's width; cells past the header kept (the caller reports them) as far as the last one
 * that holds something.
 */
export function shapeCells(cells: string[], width: number): string[] {
  const out = cells.map((c) => normaliseBreaks(c.trim()));
  let end = out.length;
  while (end > width && out[end - 1] === '') end--;
  out.length = end;
  for (let i = end; i < width; i++) out[i] = '';
  return out;
}

export interface CsvSourceOptions {
  encoding: DetectedEncoding;
  detected: DetectedEncoding;
  separator: Separator;
  newline: Newline;
  /** Lines before the header that are no part of the table (Excel's "sep=;"). */
  skipLines?: number;
  stamp: FileStamp;
  strict?: boolean;
}

/** A text file as an import source: its header (the first non-blank record) and its rows. */
export async function openCsv(file: string, opts: CsvSourceOptions): Promise<ImportSource> {
  const streams = new Set<AsyncGenerator<CsvRecord>>();
  let read = 0;
  let closed = false;

  const records = () => {
    const it = csvRecords(file, { ...opts, onBytes: (n) => (read = n) });
    streams.add(it);
    return it;
  };

  let header: CsvRecord | undefined;
  const first = records();
  try {
    for await (const record of first) {
      if (record.line > (opts.skipLines ?? 0) && !isBlank(record.cells)) {
        header = record;
        break;
      }
    }
  } finally {
    await first.return(undefined);
    streams.delete(first);
  }
  if (!header) throw emptyFile(file);
  // Empty cells at the header's end name no column (Excel writes them after a stray edit).
  const headers = shapeCells(header.cells, 0);
  const headerLine = header.line;

  async function* rows(): AsyncGenerator<ImportRow> {
    if (closed) throw new Error('The import source is closed');
    await assertUnchanged(file, opts.stamp);
    const it = records();
    try {
      for await (const record of it) {
        if (record.line <= headerLine || isBlank(record.cells)) continue;
        yield { row: record.line, cells: shapeCells(record.cells, headers.length) };
      }
    } finally {
      streams.delete(it);
    }
  }

  return {
    file,
    kind: 'csv',
    rowUnit: 'line',
    encoding: opts.encoding.encoding,
    detectedEncoding: opts.detected.encoding,
    encodingEvidence: opts.encoding.evidence,
    separator: opts.separator,
    headers,
    headerRow: headerLine,
    rows,
    progress: () => ({ read, total: opts.stamp.size }),
    close: async () => {
      closed = true;
      for (const it of streams) await it.return(undefined);
      streams.clear();
    },
  };
}

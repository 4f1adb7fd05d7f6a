/**
 * .xlsx workbooks as import sources: the worksheet names, and one sheet's rows streamed from its
 * XML part as they are read.
 *
 * Memory holds the shared strings table (every distinct text in the workbook, which Excel keeps in
 * one part that cells point into) and one chunk of the sheet, never the whole sheet.
 *
 * Not exceljs's streaming WorkbookReader: exceljs 4.4.0 decodes each inflated chunk of a part
 * separately, so a Chinese character that straddles two chunks comes out as U+FFFD (measured: 41
 * of 20,000 Chinese company names damaged), and it drops the error text of formula cells and the
 * East Asian built-in date formats. The container is read here through its central directory
 * (xlsx-zip.ts) and the parts with a streaming scanner (xlsx-xml.ts).
 */
import { AppError } from '../db/errors';
import { assertUnchanged, emptyFile, type FileStamp } from './file-check';
import type { CellKind, ImportRow, ImportSource } from './source-types';
import { cellText, formatKind, type CellContext, type FormatKind } from './xlsx-cells';
import {
  XmlError,
  XmlScanner,
  decodeEntities,
  decodeOoxmlEscapes,
  parseAttrs,
  scanXml,
  type XmlHandler,
} from './xlsx-xml';
import { ZipError, ZipFile, type ZipEntry } from './xlsx-zip';

export interface SheetInfo {
  name: string;
  /** The sheet's part in the package, e.g. xl/worksheets/sheet1.xml. */
  part: string;
  hidden: boolean;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

interface Workbook {
  sheets: SheetInfo[];
  date1904: boolean;
  sharedStrings?: string;
  styles?: string;
}

/** Runs `handler` over a part's XML. A missing part is a damaged workbook. */
async function readPart(zip: ZipFile, part: string, handler: XmlHandler): Promise<void> {
  const entry = zip.entry(part);
  if (!entry) throw new ZipError(`no part ${part}`);
  await scanXml(zip.stream(entry), handler);
}

/** A relationship target relative to the part that names it (`worksheets/sheet1.xml` from xl/workbook.xml). */
function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const piece of target.split('/')) {
    if (piece === '..') parts.pop();
    else if (piece !== '.' && piece !== '') parts.push(piece);
  }
  return parts.join('/');
}

async function readRelationships(zip: ZipFile, part: string): Promise<Relationship[]> {
  const slash = part.lastIndexOf('/');
  const relsPart = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const rels: Relationship[] = [];
  if (!zip.entry(relsPart)) return rels;
  await readPart(zip, relsPart, {
    open(name, attrs) {
      if (name !== 'Relationship') return;
      const a = parseAttrs(attrs);
      if (a.TargetMode === 'External' || !a.Target) return;
      rels.push({ id: a.Id ?? '', type: a.Type ?? '', target: resolvePart(part, a.Target) });
    },
    close() {},
    text() {},
  });
  return rels;
}

/** The relationship type's last word (`.../officeDocument`), the same in transitional and strict files. */
const typeIs = (rel: Relationship, word: string) => rel.type.endsWith(`/${word}`);

async function readWorkbook(zip: ZipFile): Promise<Workbook> {
  const root = await readRelationships(zip, '');
  const bookPart = root.find((r) => typeIs(r, 'officeDocument'))?.target ?? 'xl/workbook.xml';
  const rels = await readRelationships(zip, bookPart);
  const book: Workbook = {
    sheets: [],
    date1904: false,
    sharedStrings: rels.find((r) => typeIs(r, 'sharedStrings'))?.target,
    styles: rels.find((r) => typeIs(r, 'styles'))?.target,
  };
  await readPart(zip, bookPart, {
    open(name, attrs) {
      if (name === 'workbookPr') {
        const v = parseAttrs(attrs).date1904;
        book.date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const a = parseAttrs(attrs);
        const rel = rels.find((r) => r.id === a.id);
        // Chart sheets and dialog sheets have no cells: only worksheets are offered.
        if (rel && typeIs(rel, 'worksheet') && a.name !== undefined) {
          book.sheets.push({ name: a.name, part: rel.target, hidden: (a.state ?? 'visible') !== 'visible' });
        }
      }
    },
    close() {},
    text() {},
  });
  return book;
}

/** The shared strings, in order; a rich text's runs joined; phonetic guides (`rPh`) left out. */
async function readSharedStrings(zip: ZipFile, part: string | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!part || !zip.entry(part)) return strings;
  let current = '';
  let inText = false;
  let inPhonetic = false;
  await readPart(zip, part, {
    open(name, _attrs, selfClosing) {
      if (name === 'si') current = '';
      else if (name === 't' && !inPhonetic && !selfClosing) inText = true;
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(decodeOoxmlEscapes(current));
    },
    text(text) {
      if (inText) current += text;
    },
  });
  return strings;
}

/** Per cell style (`cellXfs` index): what it shows numbers as (dates, times, or numbers). */
async function readStyleKinds(zip: ZipFile, part: string | undefined): Promise<FormatKind[]> {
  const styles: FormatKind[] = [];
  if (!part || !zip.entry(part)) return styles;
  const codes = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  await readPart(zip, part, {
    open(name, attrs) {
      if (name === 'numFmt') {
        const a = parseAttrs(attrs);
        codes.set(Number(a.numFmtId), a.formatCode ?? '');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) xfs.push(Number(parseAttrs(attrs).numFmtId ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  for (const id of xfs) styles.push(formatKind(id, codes.get(id)));
  return styles;
}

/** 'AB12' → 27 (0-based column index), or -1 if the reference has no letters. */
function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
  }
  return i === 0 ? -1 : col - 1;
}

const rowOf = (ref: string) => Number(ref.replace(/^[A-Za-z]+/, ''));

/** A merged range 'B1:D2' as 0-based columns and 1-based rows. */
function parseRange(ref: string): { left: number; right: number; top: number; bottom: number } | null {
  const [from, to = from] = ref.split(':');
  if (!from) return null;
  const left = columnOf(from);
  const right = columnOf(to!);
  const top = rowOf(from);
  const bottom = rowOf(to!);
  if (left < 0 || right < 0 || !top || !bottom) return null;
  return { left, right, top, bottom };
}

interface SheetRow {
  row: number;
  cells: string[];
  kinds: CellKind[];
}

/**
 * Turns a worksheet's XML into rows. Rows are collected in `rows` as their end tags are read;
 * the caller takes them after each chunk. Cells and rows without an `r` attribute (allowed, and
 * written by some programs) follow the previous one.
 */
class SheetHandler implements XmlHandler {
  rows: SheetRow[] = [];
  merges: string[] = [];
  private rowNumber = 0;
  private cells: string[] = [];
  private kinds: CellKind[] = [];
  private col = -1;
  private type: string | undefined;
  private style = 0;
  private value: string | null = null;
  private inline: string | null = null;
  private capture: 'v' | 't' | null = null;
  private inInline = false;
  private inPhonetic = false;

  constructor(private readonly ctx: CellContext) {}

  open(name: string, attrs: string, selfClosing: boolean): void {
    switch (name) {
      case 'row': {
        const r = parseAttrs(attrs).r;
        this.rowNumber = r ? Number(r) : this.rowNumber + 1;
        this.cells = [];
        this.kinds = [];
        this.col = -1;
        break;
      }
      case 'c': {
        const a = parseAttrs(attrs);
        const col = a.r ? columnOf(a.r) : -1;
        this.col = col >= 0 ? col : this.col + 1;
        this.type = a.t;
        this.style = a.s ? Number(a.s) : 0;
        this.value = null;
        this.inline = null;
        break;
      }
      case 'v':
        this.value = '';
        this.capture = selfClosing ? null : 'v';
        break;
      case 'is':
        this.inInline = true;
        this.inline = '';
        break;
      case 't':
        if (this.inInline && !this.inPhonetic && !selfClosing) this.capture = 't';
        break;
      case 'rPh':
        this.inPhonetic = true;
        break;
      case 'mergeCell': {
        const ref = parseAttrs(attrs).ref;
        if (ref) this.merges.push(ref);
        break;
      }
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
      case 't':
        this.capture = null;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'rPh':
        this.inPhonetic = false;
        break;
      case 'c': {
        const v = this.type === 'str' && this.value !== null ? decodeOoxmlEscapes(this.value) : this.value;
        const inline = this.inline === null ? null : decodeOoxmlEscapes(this.inline);
        const cell = cellText(this.type, this.style, v, inline, this.ctx);
        if (cell.kind !== 'empty') {
          this.cells[this.col] = cell.text;
          this.kinds[this.col] = cell.kind;
        }
        break;
      }
      case 'row':
        this.rows.push({ row: this.rowNumber, cells: this.cells, kinds: this.kinds });
        break;
    }
  }

  text(text: string): void {
    if (this.capture === 'v') this.value += text;
    else if (this.capture === 't') this.inline += text;
  }
}

/** Fills the holes of a sparse row: '' and 'empty' up to `width` (and to its last filled cell). */
function denseRow(row: SheetRow, width: number): ImportRow {
  const length = Math.max(width, row.cells.length);
  const cells = new Array<string>(length);
  const kinds = new Array<CellKind>(length);
  for (let i = 0; i < length; i++) {
    cells[i] = row.cells[i] ?? '';
    kinds[i] = row.kinds[i] ?? 'empty';
  }
  return { row: row.row, cells, kinds };
}

const isBlank = (row: SheetRow) => row.cells.every((c) => c === undefined || c === '');

const notWorkbook = (file: string, why: string) =>
  new AppError('VALIDATION', `${file} is not a readable .xlsx workbook: ${why}`, {
    reason: 'import_not_xlsx',
  });

/** Container and XML failures (and a damaged cell) become the refusal the screen shows. */
function asRefusal(file: string, err: unknown): unknown {
  if (err instanceof ZipError || err instanceof XmlError || err instanceof RangeError) {
    return notWorkbook(file, err.message);
  }
  return err;
}

/** The worksheets of an .xlsx, in the workbook's order. */
export async function listSheets(file: string): Promise<SheetInfo[]> {
  let zip: ZipFile | undefined;
  try {
    zip = await ZipFile.open(file);
    return (await readWorkbook(zip)).sheets;
  } catch (err) {
    throw asRefusal(file, err);
  } finally {
    await zip?.close();
  }
}

/**
 * An .xlsx worksheet as an import source: `sheet` by name, else the first visible one. The header
 * is the sheet's first row with anything in it; a header cell inside a merged range takes the
 * range's value (so a title merged over two columns names both). Merges are listed after the
 * rows in the sheet's XML, so opening reads the sheet through once to find them.
 */
export async function openXlsx(
  file: string,
  opts: { sheet?: string; stamp: FileStamp },
): Promise<ImportSource> {
  let zip: ZipFile;
  try {
    zip = await ZipFile.open(file);
  } catch (err) {
    throw asRefusal(file, err);
  }
  try {
    return await openOpened(file, zip, opts);
  } catch (err) {
    await zip.close();
    throw asRefusal(file, err);
  }
}

async function openOpened(file: string, zip: ZipFile, opts: { sheet?: string; stamp: FileStamp }) {
  const book = await readWorkbook(zip);
  if (book.sheets.length === 0) throw emptyFile(file);
  const sheet =
    opts.sheet === undefined
      ? (book.sheets.find((s) => !s.hidden) ?? book.sheets[0]!)
      : book.sheets.find((s) => s.name === opts.sheet);
  if (!sheet) {
    throw new AppError('VALIDATION', `${file} has no sheet named ${opts.sheet}`, {
      field: 'sheet',
      reason: 'invalid_value',
    });
  }
  const entry = zip.entry(sheet.part);
  if (!entry) throw new ZipError(`no part ${sheet.part}`);
  const ctx: CellContext = {
    sharedStrings: await readSharedStrings(zip, book.sharedStrings),
    styleKinds: await readStyleKinds(zip, book.styles),
    date1904: book.date1904,
  };
  const header = await readHeader(zip, entry, ctx);
  if (!header) throw emptyFile(file);
  const headers = header.cells;
  const headerRow = header.row;

  const active = new Set<AsyncGenerator<unknown>>();
  let read = 0;
  let closed = false;

  async function* rows(): AsyncGenerator<ImportRow> {
    if (closed) throw new Error('The import source is closed');
    await assertUnchanged(file, opts.stamp);
    const sheetRows = rowsOf(zip, entry!, ctx, (n) => (read = n));
    active.add(sheetRows);
    try {
      for await (const row of sheetRows) {
        if (row.row <= headerRow || isBlank(row)) continue;
        yield denseRow(row, headers.length);
      }
    } catch (err) {
      // Closed while reading: the part was stopped half-way on purpose, so its end is not checked.
      if (closed) return;
      throw asRefusal(file, err);
    } finally {
      active.delete(sheetRows);
    }
  }

  const source: ImportSource = {
    file,
    kind: 'xlsx',
    rowUnit: 'row',
    sheets: book.sheets.map((s) => s.name),
    sheet: sheet.name,
    headers,
    headerRow,
    rows,
    progress: () => ({ read, total: entry.compressedSize }),
    close: async () => {
      if (closed) return;
      closed = true;
      for (const it of active) await it.return(undefined);
      active.clear();
      await zip.close();
    },
  };
  return source;
}

/** Every row of a sheet part in order, read chunk by chunk. */
async function* rowsOf(
  zip: ZipFile,
  entry: ZipEntry,
  ctx: CellContext,
  onRead: (n: number) => void,
): AsyncGenerator<SheetRow> {
  const handler = new SheetHandler(ctx);
  const scanner = new XmlScanner(handler);
  const chunks = zip.stream(entry, onRead);
  try {
    for await (const chunk of chunks) {
      scanner.writeBytes(chunk);
      const done = handler.rows;
      handler.rows = [];
      yield* done;
    }
    scanner.end();
  } finally {
    await chunks.return(undefined);
  }
}

/**
 * The header: the first row with anything in it, its merged cells filled in. Scans the XML
 * until that row, then only looks for `<mergeCell>` tags in the rest of the part (they follow
 * the rows), which is much cheaper than reading every cell.
 */
async function readHeader(zip: ZipFile, entry: ZipEntry, ctx: CellContext): Promise<SheetRow | null> {
  const handler = new SheetHandler(ctx);
  const scanner = new XmlScanner(handler);
  let header: SheetRow | null = null;
  const merges: string[] = [];
  let tail = '';
  const mergeTag = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\b([^>]*)>/g;
  for await (const chunk of zip.stream(entry)) {
    if (!header) {
      scanner.writeBytes(chunk);
      header = handler.rows.find((r) => !isBlank(r)) ?? null;
      handler.rows = [];
      // A merge tag cut at this chunk's end is found again from here (a merge seen twice is harmless).
      if (header) tail = chunk.toString('latin1').slice(-512);
      continue;
    }
    // Tags are ASCII, so the bytes can be searched as Latin-1 without decoding the text.
    const text = tail + chunk.toString('latin1');
    let last = 0;
    mergeTag.lastIndex = 0;
    for (let m = mergeTag.exec(text); m; m = mergeTag.exec(text)) {
      const ref = parseAttrs(decodeEntities(m[1]!)).ref;
      if (ref) merges.push(ref);
      last = mergeTag.lastIndex;
    }
    tail = text.slice(Math.max(last, text.length - 512));
  }
  if (!header) return null;
  merges.push(...handler.merges);

  const cells = [...header.cells].map((c) => c ?? '');
  const kinds = [...header.kinds].map((k) => k ?? 'empty');
  for (const ref of merges) {
    const range = parseRange(ref);
    if (!range || range.top !== header.row) continue;
    const value = cells[range.left] ?? '';
    for (let col = range.left + 1; col <= range.right; col++) {
      if (!cells[col]) {
        cells[col] = value;
        kinds[col] = kinds[range.left] ?? 'empty';
      }
    }
  }
  let width = cells.length;
  while (width > 0 && !cells[width - 1]) width--;
  return { row: header.row, cells: cells.slice(0, width), kinds: kinds.slice(0, width) };
}

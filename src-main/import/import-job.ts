import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import {
  IMPORT_LIST_MAX,
  IMPORT_REJECTED_MAX,
  type ImportCheckResult,
  type ImportKind,
  type ImportPreview,
  type ImportRunResult,
  type RejectedRow,
  type jobStartInput,
  type RememberedMapping,
} from '../contract';
import { AppError } from '../db/errors';
import type { Db } from '../db/open';
import { incomingFolder, UPLOAD_NAME } from '../files/places';
import type { JobControl } from '../jobs/control';
import type { HandlerContext } from '../records/context';
import { listCustomFields } from '../records/custom-fields';
import { readSetting, writeSetting } from '../records/settings';
import { applyImport, type ApplyResult } from './apply';
import { salesWriter } from './apply-sales';
import { headerSignature, importFields, rememberMapping, suggestMapping } from './fields';
import { planImport, type ImportPlan, type PlanPurpose } from './plan';
import { planSales, type SalesPlan, type SalesStream } from './plan-sales';
import { openImportSource, previewImportSource, type ImportRow, type ImportSource } from './source';

/**
 * 导入 as jobs: `import.check` reads the whole file and plans it without writing (the check
 * step), `import.run` plans and writes it in the job's one transaction (a cancel leaves the file
 * as it was; a named backup is taken first). Both read the file afresh: what the check saw is
 * what is imported, or the reader refuses a file changed since (import_file_changed).
 */

type FileJobInput = Extract<z.output<typeof jobStartInput>, { kind: 'import.check' | 'import.run' }>;
type PreviewJobInput = Extract<z.output<typeof jobStartInput>, { kind: 'import.preview' }>;

/** The rows the first step shows. */
const PREVIEW_ROWS = 20;

/** Where a job finds what the browser edition uploaded: the data folder. */
interface JobPlaces {
  dataFolder: string;
}

/** The file a job reads: a path on this computer, or an upload waiting in the data folder. */
function fileOf(input: { path: string }, places: JobPlaces): string {
  return UPLOAD_NAME.test(input.path) ? path.join(incomingFolder(places.dataFolder), input.path) : input.path;
}

const fileNameOf = (input: { path: string; fileName?: string }) =>
  input.fileName ?? path.basename(input.path);

/** Where the mapping last used for a file with these headers is kept, per record kind. */
const mappingKey = (kind: ImportKind, headers: readonly string[]) =>
  `import_mapping:${kind}:${headerSignature(headers)}` as const;

function rememberedMapping(
  db: Db,
  kind: ImportKind,
  headers: readonly string[],
): RememberedMapping | undefined {
  const saved = readSetting(db, mappingKey(kind, headers));
  try {
    return saved ? (JSON.parse(saved) as RememberedMapping) : undefined;
  } catch {
    // A value that no longer reads is no mapping: the headers' names suggest one instead.
    return undefined;
  }
}

/** 导入's first step: how the file reads, its first rows, the fields, and a suggested mapping. */
export async function previewImportFile(
  ctx: HandlerContext,
  input: PreviewJobInput,
  job: JobControl,
  places: JobPlaces,
): Promise<ImportPreview> {
  job.progress('read', 0, 1);
  const preview = await previewImportSource(
    fileOf(input, places),
    { encoding: input.encoding, separator: input.separator, sheet: input.sheet, name: fileNameOf(input) },
    PREVIEW_ROWS,
  );
  assertKindReads(preview.kind, input.recordKind);
  const customFields = listCustomFields(ctx.db, { includeInactive: false });
  const remembered = rememberedMapping(ctx.db, input.recordKind, preview.headers);
  job.progress('read', 1, 1);
  return {
    fileName: fileNameOf(input),
    kind: preview.kind,
    encoding: preview.encoding,
    detectedEncoding: preview.detectedEncoding,
    separator: preview.separator,
    sheets: preview.sheets,
    sheet: preview.sheet,
    headers: preview.headers,
    rows: preview.rows.map((r) => r.cells),
    rowNumbers: preview.rows.map((r) => r.row),
    decodedSample: preview.decodedSample,
    fields: importFields(input.recordKind, customFields),
    suggested: suggestMapping(input.recordKind, preview.headers, customFields, remembered),
    remembered: remembered !== undefined,
  };
}

/** Rows between two progress reports (each also a place where a cancel is heard). */
const PROGRESS_EVERY = 1000;

/** The file's rows, telling the job how far through the file it is, and hearing a cancel. */
async function* withProgress(source: ImportSource, job: JobControl, phase: string): AsyncIterable<ImportRow> {
  let n = 0;
  for await (const row of source.rows()) {
    if (++n % PROGRESS_EVERY === 0) {
      const { read, total } = source.progress();
      job.progress(phase, read, total);
      job.checkpoint();
    }
    yield row;
  }
  const { total } = source.progress();
  job.progress(phase, total, total);
}

/**
 * The rows with a problem, read again from the file as they are there (the plan keeps no cells):
 * the user gets them back, with their reasons, to fix and import again.
 */
async function rejectedRows(
  source: ImportSource,
  problems: readonly { row: number }[],
): Promise<RejectedRow[]> {
  const wanted = new Set(problems.map((p) => p.row));
  const rows: RejectedRow[] = [];
  if (wanted.size === 0) return rows;
  for await (const row of source.rows()) {
    if (!wanted.has(row.row)) continue;
    rows.push({ row: row.row, cells: row.cells });
    if (rows.length >= Math.min(wanted.size, IMPORT_REJECTED_MAX)) break;
  }
  return rows;
}

async function openSource(input: FileJobInput, places: JobPlaces): Promise<ImportSource> {
  const source = await openImportSource(fileOf(input, places), {
    encoding: input.encoding,
    separator: input.separator,
    sheet: input.sheet,
    name: fileNameOf(input),
  });
  try {
    assertKindReads(source.kind, input.recordKind);
  } catch (err) {
    await source.close();
    throw err;
  }
  return source;
}

/** A card file (.vcf) is contacts: imported into another kind, it is refused with that reason. */
function assertKindReads(fileKind: ImportSource['kind'], recordKind: ImportKind): void {
  if (fileKind === 'vcard' && recordKind !== 'contacts') {
    throw new AppError('VALIDATION', 'A vCard file holds contacts', { reason: 'import_vcard_contacts' });
  }
}

/**
 * The plan of a file. A sales file's rows are lines, grouped into sales by order number, read
 * twice (planSales), each order handed to `sales.onSale` as soon as it is complete; without
 * one it is counted and let go: a check keeps problems, not sales.
 */
function planOf(
  ctx: HandlerContext,
  input: FileJobInput,
  source: ImportSource,
  job: JobControl,
  purpose: PlanPurpose,
  sales: SalesStream = { onSale: () => undefined },
): Promise<ImportPlan | SalesPlan> {
  const file = {
    headers: source.headers,
    mapping: input.mapping,
    fixed: input.fixed,
    options: input.options,
  };
  return input.recordKind === 'sales'
    ? planSales(ctx, { ...file, kind: 'sales', rows: (pass) => withProgress(source, job, pass) }, sales)
    : planImport(ctx, { ...file, rows: withProgress(source, job, 'check'), kind: input.recordKind, purpose });
}

export async function checkImportFile(
  ctx: HandlerContext,
  input: FileJobInput,
  job: JobControl,
  places: JobPlaces,
): Promise<ImportCheckResult> {
  const source = await openSource(input, places);
  try {
    const plan = await planOf(ctx, input, source, job, 'check');
    return {
      headers: source.headers,
      counts: plan.counts,
      problems: plan.problems.slice(0, IMPORT_LIST_MAX),
      problemCount: plan.problems.length,
      likely: plan.likely.slice(0, IMPORT_LIST_MAX),
      likelyCount: plan.likely.length,
      rejected: await rejectedRows(source, plan.problems),
    };
  } finally {
    await source.close();
  }
}

export async function runImportFile(
  ctx: HandlerContext,
  input: FileJobInput,
  job: JobControl,
  places: JobPlaces,
): Promise<ImportRunResult> {
  const source = await openSource(input, places);
  try {
    const meta = {
      fileName: fileNameOf(input),
      mapping: input.mapping,
      options: input.options,
      source: { path: input.path, kind: source.kind, encoding: source.encoding, sheet: source.sheet },
    };
    let plan: ImportPlan | SalesPlan;
    let result: ApplyResult;
    if (input.recordKind === 'sales') {
      // Each order is written as soon as its last row is read: a file's sales are never all held.
      const writer = salesWriter(ctx, meta, job);
      plan = await planOf(ctx, input, source, job, 'import', {
        onScanned: writer.expect,
        onSale: writer.write,
      });
      result = writer.finish();
    } else {
      plan = await planOf(ctx, input, source, job, 'import');
      result = applyImport(ctx, plan as ImportPlan, meta, job);
    }
    // Offered again for the next file with these headers.
    writeSetting(
      ctx.db,
      mappingKey(input.recordKind, source.headers),
      JSON.stringify(rememberMapping(source.headers, input.mapping)),
    );
    // Rejected at the check and refused by the door after it: every row that was not imported.
    const problems = [...plan.problems, ...result.problems];
    const rejected = await rejectedRows(source, problems);
    // An uploaded file has served its purpose (the browser edition keeps no copy of what it imports).
    if (UPLOAD_NAME.test(input.path)) fs.rmSync(fileOf(input, places), { force: true });
    return {
      importId: result.importId,
      counts: result.counts,
      problems: problems.slice(0, IMPORT_LIST_MAX),
      problemCount: problems.length,
      headers: source.headers,
      rejected,
    };
  } finally {
    await source.close();
  }
}

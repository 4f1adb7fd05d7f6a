import path from 'node:path';
import type { z } from 'zod';
import {
  IMPORT_LIST_MAX,
  type ImportCheckResult,
  type ImportRunResult,
  type jobStartInput,
} from '../contract';
import type { JobControl } from '../jobs/control';
import type { HandlerContext } from '../records/context';
import { applyImport } from './apply';
import { planImport, type ImportPlan } from './plan';
import { openImportSource, type ImportRow, type ImportSource } from './source';

/**
 * 导入 as jobs: `import.check` reads the whole file and plans it without writing (the check
 * step), `import.run` plans and writes it in the job's one transaction (a cancel leaves the file
 * as it was; a named backup is taken first). Both read the file afresh: what the check saw is
 * what is imported, or the reader refuses a file changed since (import_file_changed).
 */

type FileJobInput = Extract<z.output<typeof jobStartInput>, { kind: 'import.check' | 'import.run' }>;

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

async function planFile(
  ctx: HandlerContext,
  input: FileJobInput,
  job: JobControl,
): Promise<{ plan: ImportPlan; source: ImportSource }> {
  const source = await openImportSource(input.path, {
    encoding: input.encoding,
    separator: input.separator,
    sheet: input.sheet,
  });
  try {
    const plan = await planImport(ctx, {
      kind: input.recordKind,
      headers: source.headers,
      rows: withProgress(source, job, 'check'),
      mapping: input.mapping,
      fixed: input.fixed,
      options: input.options,
    });
    return { plan, source };
  } finally {
    await source.close();
  }
}

export async function checkImportFile(
  ctx: HandlerContext,
  input: FileJobInput,
  job: JobControl,
): Promise<ImportCheckResult> {
  const { plan, source } = await planFile(ctx, input, job);
  return {
    headers: source.headers,
    counts: plan.counts,
    problems: plan.problems.slice(0, IMPORT_LIST_MAX),
    problemCount: plan.problems.length,
    likely: plan.likely.slice(0, IMPORT_LIST_MAX),
    likelyCount: plan.likely.length,
  };
}

export async function runImportFile(
  ctx: HandlerContext,
  input: FileJobInput,
  job: JobControl,
): Promise<ImportRunResult> {
  const { plan, source } = await planFile(ctx, input, job);
  const result = applyImport(
    ctx,
    plan,
    {
      fileName: path.basename(input.path),
      mapping: input.mapping,
      options: input.options,
      source: { path: input.path, kind: source.kind, encoding: source.encoding, sheet: source.sheet },
    },
    job,
  );
  // Rejected at the check and refused by the door after it: every row that was not imported.
  const problems = [...plan.problems, ...result.problems];
  return {
    importId: result.importId,
    counts: result.counts,
    problems: problems.slice(0, IMPORT_LIST_MAX),
    problemCount: problems.length,
  };
}

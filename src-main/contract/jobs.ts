import { z } from 'zod';
import { jobBackupReasons, type BackupInfo } from './backups';
import {
  importKinds,
  importFileInput,
  importSourceInput,
  type ImportCheckResult,
  type ImportPreview,
  type ImportRunResult,
} from './import';
import { channel } from './channel';
import type { Page } from './common';
import type { AppErrorData } from './envelope';

/** What the backup job answers, and what the 备份 screen lists. */
export * from './backups';

/**
 * Long work runs as a job: `jobs.start` returns at once with the job's id; `jobs.get` tells its
 * progress (a phase, done of total) and, at the end, its result or error; `jobs.cancel` stops it
 * and leaves the database as it was before the job. One writing job runs at a time.
 */

/** Paged channels whose every page an export job can gather (the lists and customer analyses). */
export const pagedChannels = [
  'customers.list',
  'contacts.list',
  'products.list',
  'opportunities.list',
  'sales.list',
  'activities.list',
  'feedback.list',
  'expenses.list',
  'trash.list',
  'analysis.abc',
  'analysis.rfm',
  'analysis.churn',
  'analysis.profit',
  'analysis.clv',
] as const;
export type PagedChannel = (typeof pagedChannels)[number];

/**
 * The page in a paged channel's answer: the answer itself, or its `rows` where an analysis
 * answers more beside its page (ABC's classes, RFM's grid).
 */
export function pageIn<Row = unknown>(answer: unknown): Page<Row> {
  const a = answer as Page<Row> | { rows: Page<Row> };
  return 'page' in a ? a : a.rows;
}

export const jobStartInput = z.discriminatedUnion('kind', [
  /** 清空回收站: every entry of the trash deleted for good. */
  z.strictObject({ kind: z.literal('trash.empty') }),
  /** The analyses' running totals recomputed for everything marked stale (after a bulk change). */
  z.strictObject({ kind: z.literal('rollups.rebuild') }),
  /**
   * A rolling backup of the open file (立即备份 is `manual`; the app starts the others: on its
   * schedule, and before an import, a restore, an upgrade or 清空回收站).
   */
  z.strictObject({ kind: z.literal('backup.create'), reason: z.enum(jobBackupReasons).default('manual') }),
  /** 另存副本: a consistent copy of the open file at `path` (not there yet), with its own identity. */
  z.strictObject({ kind: z.literal('file.saveCopy'), path: z.string().trim().min(1).max(4096) }),
  /**
   * 导出数据库文件 (browser edition): a consistent copy in the data folder's exports, which the
   * server then hands to the browser as a download (`GET /download/database/<download>`).
   */
  z.strictObject({ kind: z.literal('file.exportCopy') }),
  /**
   * Every page of a paged channel's answer for `input` (its filters and sort; the job sets the
   * page), read in one snapshot, for an export.
   */
  z.strictObject({
    kind: z.literal('export.pages'),
    channel: z.enum(pagedChannels),
    input: z.record(z.string(), z.unknown()).default({}),
  }),
  /**
   * 导出全部字段: the records of a list for `input` (its filters and sort, as for export.pages),
   * every field, each cell as 导入 reads it back.
   */
  z.strictObject({
    kind: z.literal('export.records'),
    recordKind: z.enum(importKinds),
    input: z.record(z.string(), z.unknown()).default({}),
  }),
  /** 导出 vCard: the contacts of the list for `input` as one vCard 3.0 file (UTF-8). */
  z.strictObject({
    kind: z.literal('export.vcard'),
    input: z.record(z.string(), z.unknown()).default({}),
  }),
  z.strictObject({ kind: z.literal('import.preview'), ...importSourceInput }),
  z.strictObject({ kind: z.literal('import.check'), ...importFileInput }),
  z.strictObject({ kind: z.literal('import.run'), ...importFileInput }),
  z.strictObject({
    kind: z.literal('import.undo'),
    importId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  }),
]);
export type JobStartInput = z.input<typeof jobStartInput>;
export type JobKind = JobStartInput['kind'];

export const jobIdInput = z.strictObject({ id: z.number().int().positive().max(Number.MAX_SAFE_INTEGER) });

/** What each kind of job answers when it is done. */
export interface JobResults {
  'trash.empty': { purged: number };
  'rollups.rebuild': { rebuilt: string[] };
  'backup.create': BackupInfo;
  'export.pages': { rows: unknown[]; total: number };
  /** Headers (the import fields' labels) and rows of cells. */
  'export.records': { headers: string[]; rows: string[][] };
  /** The .vcf file's text and how many cards it has. */
  'export.vcard': { text: string; count: number };
  'file.saveCopy': { path: string; sizeBytes: number };
  /** `download` names the copy for the download address; `fileName` is what the browser saves it as. */
  'file.exportCopy': { download: string; fileName: string; sizeBytes: number };
  'import.preview': ImportPreview;
  'import.check': ImportCheckResult;
  'import.run': ImportRunResult;
  'import.undo': { deleted: number; restored: number };
}

export type JobState = 'running' | 'done' | 'failed' | 'cancelled';

/** A job as `jobs.start`, `jobs.get` and `jobs.cancel` tell it. */
export interface JobInfo {
  id: number;
  kind: JobKind;
  state: JobState;
  /** What the job is doing now, a word the screens translate (`delete`, `rollups.sales_category_days` …). */
  phase: string;
  done: number;
  /** 0 while the job does not know yet how much there is. */
  total: number;
  startedAt: string;
  finishedAt: string | null;
  /** When `state` is done; its shape is `JobResults[kind]`. */
  result?: unknown;
  /** When `state` is failed. */
  error?: AppErrorData;
}

/** jobs.*: long work started, watched and cancelled. */
export const jobChannels = {
  'jobs.start': channel(jobStartInput).returns<JobInfo>(),
  'jobs.get': channel(jobIdInput).returns<JobInfo>(),
  'jobs.cancel': channel(jobIdInput).returns<JobInfo>(),
};

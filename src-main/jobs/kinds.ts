import type { z } from 'zod';
import { pageIn, type JobKind, type JobResults, type jobStartInput } from '../contract';
import { AppError } from '../db/errors';
import { rebuildRollups } from '../analysis/rollups';
import { invoke } from '../ipc/registry';
import type { HandlerContext } from '../records/context';
import { emptyTrash } from '../records/trash';
import { createBackup } from '../files/backup';
import { copyDatabase, exportCopy, giveNewDatabaseId } from '../files/copy';
import { checkImportFile, previewImportFile, runImportFile } from '../import/import-job';
import { exportRecords } from '../import/export-records';
import { contactsToVcard } from '../import/vcard';
import { getContact } from '../records/contacts';
import { readDatabaseId } from '../files/database-id';
import { undoImport } from '../import/journal';
import type { JobControl } from './control';

type JobInput<K extends JobKind> = Extract<z.output<typeof jobStartInput>, { kind: K }>;

/** Where a job may put files: the data folder (the browser edition's downloads wait there). */
export interface JobPlaces {
  dataFolder: string;
  /** better-sqlite3's addon, when not the default (Electron builds), for a job that opens a file. */
  nativeBinding?: string;
}

/** One kind of long work: whether it writes, and the work itself, run in a job thread. */
interface JobDefinition<K extends JobKind> {
  /** A writing job holds the write lock for its transaction; a reading one reads one snapshot. */
  writes: boolean;
  /** No transaction around the work: it reads its own snapshot (VACUUM INTO cannot run in one). */
  ownSnapshot?: boolean;
  /** A named backup of the file is taken first (before a change that cannot be undone otherwise). */
  backupFirst?: 'before-empty-trash' | 'before-import';
  /** Awaited when it returns a promise (a backup copies page by page, between other work). */
  run(
    ctx: HandlerContext,
    input: JobInput<K>,
    job: JobControl,
    places: JobPlaces,
  ): JobResults[K] | Promise<JobResults[K]>;
}

/** Rows read per page by an export (the largest page a list channel gives). */
const EXPORT_PAGE_SIZE = 200;

/** Every page of a paged channel's answer, in one read snapshot (the job's transaction). */
function exportPages(ctx: HandlerContext, input: JobInput<'export.pages'>, job: JobControl) {
  const rows: unknown[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const envelope = invoke(ctx, input.channel, { ...input.input, page, pageSize: EXPORT_PAGE_SIZE });
    if (!envelope.ok) throw new AppError(envelope.error.code, envelope.error.message, envelope.error);
    const answer = pageIn(envelope.data);
    rows.push(...answer.rows);
    total = answer.total;
    job.progress('read', rows.length, total);
    job.checkpoint();
    if (answer.rows.length < EXPORT_PAGE_SIZE || rows.length >= total) return { rows, total };
  }
}

/** 导出全部字段: the list's records, in its order, with every field as the import reads it. */
function exportAllFields(ctx: HandlerContext, input: JobInput<'export.records'>, job: JobControl) {
  const { rows } = exportPages(
    ctx,
    { kind: 'export.pages', channel: `${input.recordKind}.list`, input: input.input },
    job,
  );
  const ids = rows.map((r) => (r as { id: number }).id);
  job.progress('write', 0, ids.length);
  return exportRecords(ctx.db, input.recordKind, ids);
}

/**
 * 导出 vCard: the list's contacts as cards, each with its customer's name (ORG), so importing the
 * cards back finds the same contacts, and a phone's contacts app reads them with Chinese intact.
 */
function exportVcard(ctx: HandlerContext, input: JobInput<'export.vcard'>, job: JobControl) {
  const { rows } = exportPages(
    ctx,
    { kind: 'export.pages', channel: 'contacts.list', input: input.input },
    job,
  );
  const contacts = rows.map((r) => getContact(ctx.db, (r as { id: number }).id));
  return {
    text: contactsToVcard(contacts, { databaseId: readDatabaseId(ctx.db) ?? undefined }),
    count: contacts.length,
  };
}

export const jobDefinitions: { [K in JobKind]: JobDefinition<K> } = {
  'trash.empty': {
    writes: true,
    backupFirst: 'before-empty-trash',
    run: (ctx, _input, job) => emptyTrash(ctx.db, job),
  },
  'rollups.rebuild': { writes: true, run: (ctx, _input, job) => rebuildRollups(ctx.db, job) },
  'export.pages': { writes: false, run: exportPages },
  'export.records': { writes: false, run: exportAllFields },
  'export.vcard': { writes: false, run: exportVcard },
  // Reads its own snapshot, never a write transaction: backups go on beside any other job.
  'backup.create': {
    writes: false,
    ownSnapshot: true,
    run: (ctx, input, job, places) =>
      createBackup(ctx.db, {
        userData: places.dataFolder,
        reason: input.reason,
        now: ctx.now,
        job,
        nativeBinding: places.nativeBinding,
      }),
  },
  'file.saveCopy': {
    writes: false,
    ownSnapshot: true,
    run: (ctx, input, job, places) => {
      job.progress('copy', 0, 1);
      const copy = copyDatabase(ctx.db, input.path);
      // A copy is a file of its own: its backups are its own, not its original's.
      giveNewDatabaseId(copy.path, places.nativeBinding);
      job.progress('copy', 1, 1);
      return copy;
    },
  },
  'file.exportCopy': {
    writes: false,
    ownSnapshot: true,
    run: (ctx, _input, job, places) => {
      job.progress('copy', 0, 1);
      const copy = exportCopy(ctx.db, ctx.databasePath, places.dataFolder, ctx.now());
      job.progress('copy', 1, 1);
      return copy;
    },
  },
  // The check writes nothing; the import writes in the job's one transaction, after a backup.
  'import.preview': { writes: false, run: previewImportFile },
  'import.check': { writes: false, run: checkImportFile },
  'import.run': { writes: true, backupFirst: 'before-import', run: runImportFile },
  'import.undo': { writes: true, run: (ctx, input) => undoImport(ctx.db, input.importId, ctx.now()) },
};

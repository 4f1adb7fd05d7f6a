import { importChannels, type ImportEntry } from '../contract';
import { stmt } from '../db/statements';
import { handlersFor } from '../ipc/handler';

/** The newest imports the history shows. */
const HISTORY_MAX = 200;

interface ImportRow {
  id: number;
  kind: string;
  file_name: string;
  counts: string;
  started_at: string;
  finished_at: string | null;
  undone_at: string | null;
}

/** imports.*: 导入记录, the imports into this file (the import journal's entries), newest first. */
export const importHandlers = handlersFor(importChannels, {
  'imports.list': (ctx): ImportEntry[] =>
    stmt<ImportRow>(
      ctx.db,
      `SELECT id, kind, file_name, counts, started_at, finished_at, undone_at
       FROM imports ORDER BY id DESC LIMIT ${HISTORY_MAX}`,
    )
      .all()
      .map((r) => ({
        id: r.id,
        kind: r.kind,
        fileName: r.file_name,
        counts: JSON.parse(r.counts) as ImportEntry['counts'],
        startedAt: r.started_at,
        finishedAt: r.finished_at,
        undoneAt: r.undone_at,
      })),
});

/**
 * 打开数据库 of the bench file through the database worker, as the 文件 menu does it: the file's
 * checks (identity, version, quick_check) and the session's start, switching from a small file.
 * It opens a copy: the bench's own connection holds the bench file's lock, and a file this
 * process already holds is opened as a job's second connection is, without the checks.
 * `file.open` is the answer (the first screen can show); `file.open until writable` includes the
 * quick_check a large file gets in a thread meanwhile.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Envelope, FileState } from '../../src-main/contract';
import { copySnapshot, markRollbackJournal } from '../../src-main/files/snapshot-copy';
import type { HandlerContext } from '../../src-main/records/context';
import { DatabaseHost } from '../../src-main/service/host';
import { summarize, type Results, type Target } from './measure';

export const fileOpenTargets: Target[] = [{ applies: (name) => name === 'file.open', p95_ms: 2000 }];

/** Opening a 700 MB file takes a while: this many, each after switching away to a small file. */
const RUNS = 5;

export async function runFileOpenSuite(results: Results, ctx: HandlerContext): Promise<string[]> {
  const dir = path.dirname(ctx.databasePath);
  const small = path.join(dir, 'small.db');
  const copy = path.join(dir, 'open-bench.db');
  await copySnapshot(ctx.db, copy);
  // As the app leaves a file it closes (and as a file is handed in): one file, at rest.
  markRollbackJournal(copy);
  const host = new DatabaseHost({ file: small, dataFolder: dir, appVersion: 'bench' });
  await host.start();
  const times: number[] = [];
  const writable: number[] = [];
  const since = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
  try {
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      const opened = (await host.invoke('file.open', { path: copy })) as Envelope<FileState>;
      times.push(since(start));
      if (!opened.ok) throw new Error(`file.open: ${opened.error.code} ${opened.error.message}`);
      // A large file opens for reading first; its quick_check, in a thread, then lets it write.
      for (let state = opened.data; state.file?.readOnlyReason === 'checking';) {
        await new Promise((done) => setTimeout(done, 5));
        const current = (await host.invoke('file.current', {})) as Envelope<FileState>;
        if (!current.ok) throw new Error(`file.current: ${current.error.message}`);
        state = current.data;
      }
      writable.push(since(start));
      await host.invoke('file.open', { path: small });
    }
  } finally {
    await host.close();
    for (const f of [small, copy])
      for (const side of ['', '-wal', '-shm', '.lock']) fs.rmSync(f + side, { force: true });
  }
  results.set('file.open', summarize(times));
  results.set('file.open until writable', summarize(writable));
  return ['file.open', 'file.open until writable'];
}

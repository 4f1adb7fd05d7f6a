/**
 * 打开数据库 of the bench file through the database worker, as the 文件 menu does it: the file's
 * checks (identity, version, quick_check) and the session's start, switching from a small file.
 * It opens a copy: the bench's own connection holds the bench file's lock, and a file this
 * process already holds is opened as a job's second connection is, without the checks.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../../src-main/contract';
import { copySnapshot } from '../../src-main/files/snapshot-copy';
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
  const host = new DatabaseHost({ file: small, dataFolder: dir, appVersion: 'bench' });
  await host.start();
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      const opened = (await host.invoke('file.open', { path: copy })) as Envelope<unknown>;
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (!opened.ok) throw new Error(`file.open: ${opened.error.code} ${opened.error.message}`);
      await host.invoke('file.open', { path: small });
    }
  } finally {
    await host.close();
    for (const f of [small, copy])
      for (const side of ['', '-wal', '-shm', '.lock']) fs.rmSync(f + side, { force: true });
  }
  results.set('file.open', summarize(times));
  return ['file.open'];
}

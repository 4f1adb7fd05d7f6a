/**
 * 打开数据库 of the bench file through the database worker, as the 文件 menu does it: the file's
 * checks (identity, version, quick_check) and the session's start, switching from a small file.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Envelope } from '../../src-main/contract';
import type { HandlerContext } from '../../src-main/records/context';
import { DatabaseHost } from '../../src-main/service/host';
import { summarize, type Results, type Target } from './measure';

export const fileOpenTargets: Target[] = [{ applies: (name) => name === 'file.open', p95_ms: 2000 }];

/** Opening a 700 MB file takes a while: this many, each after switching away to a small file. */
const RUNS = 5;

export async function runFileOpenSuite(results: Results, ctx: HandlerContext): Promise<string[]> {
  const dir = path.dirname(ctx.databasePath);
  const small = path.join(dir, 'small.db');
  const host = new DatabaseHost({ file: small, dataFolder: dir, appVersion: 'bench' });
  await host.start();
  const times: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const start = process.hrtime.bigint();
      const opened = (await host.invoke('file.open', { path: ctx.databasePath })) as Envelope<unknown>;
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
      if (!opened.ok) throw new Error(`file.open: ${opened.error.code} ${opened.error.message}`);
      await host.invoke('file.open', { path: small });
    }
  } finally {
    await host.close();
    fs.rmSync(small, { force: true });
  }
  results.set('file.open', summarize(times));
  return ['file.open'];
}

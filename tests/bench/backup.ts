/**
 * Backups of the bench file (src-main/files/): the copy the backup job takes, against `cp` of
 * the same file; the whole backup (copy, quick_check of the copy, rename); and reads through the
 * database worker while backup jobs run.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Envelope, JobInfo } from '../../src-main/contract';
import { createBackup } from '../../src-main/files/backup';
import { fsyncFile } from '../../src-main/files/durable';
import { copySnapshot } from '../../src-main/files/snapshot-copy';
import type { HandlerContext } from '../../src-main/records/context';
import { DatabaseHost } from '../../src-main/service/host';
import { summarize, type MeasureOptions, type Results, type Target, type Timing } from './measure';

export const backupTargets: Target[] = [
  // The ratio is of the medians (a handful of runs: a p95 would be the slowest one).
  { applies: (name) => name === 'backup.copy', ratio: 1.5 },
  { applies: (name) => name === 'concurrent.customers.list during backup', p95_ms: 50 },
];

/** Copies of a 700 MB file take a while: this many of each, interleaved. */
const COPY_RUNS = 5;
const BACKUP_RUNS = 3;

async function data<T>(host: DatabaseHost, channel: string, input: unknown): Promise<T> {
  const envelope: Envelope<unknown> = await host.invoke(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data as T;
}

const elapsed = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

/** Runs each way of copying `runs` times, interleaved, each into a file of its own, removed after. */
async function timeCopies(
  dir: string,
  ways: Record<string, (dest: string) => unknown>,
  runs: number,
): Promise<Record<string, Timing>> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(ways).map((k) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [name, copy] of Object.entries(ways)) {
      const dest = path.join(dir, `${name.replace(/\W+/g, '-')}-${i}.db`);
      const start = process.hrtime.bigint();
      await copy(dest);
      times[name]!.push(elapsed(start));
      fs.rmSync(dest, { force: true });
    }
  }
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, summarize(v)]));
}

/** Runs the backup cases on the bench file (open in `ctx`) and returns the names measured. */
export async function runBackupSuite(
  results: Results,
  ctx: HandlerContext,
  opts: MeasureOptions,
): Promise<string[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'solo-crm-bench-backup-'));
  const names: string[] = [];
  try {
    // Whatever the bench wrote is in the file itself, as in an app that checkpoints as it goes.
    ctx.db.pragma('wal_checkpoint(TRUNCATE)');
    const methods = new Set<string>();
    const copies = await timeCopies(
      dir,
      {
        cp: (dest) => execFileSync('cp', [ctx.databasePath, dest]),
        'backup.copy': async (dest) => methods.add((await copySnapshot(ctx.db, dest)).method),
        'cp + fsync': (dest) => {
          execFileSync('cp', [ctx.databasePath, dest]);
          fsyncFile(dest);
        },
        'backup.copy page by page': (dest) => copySnapshot(ctx.db, dest, { method: 'pages' }),
      },
      COPY_RUNS,
    );
    for (const [name, timing] of Object.entries(copies)) results.set(name, timing);
    results.ratio('backup.copy', copies['backup.copy']!.p50_ms / copies.cp!.p50_ms);
    results.ratio('backup.copy page by page', copies['backup.copy page by page']!.p50_ms / copies.cp!.p50_ms);
    names.push('cp', 'cp + fsync', 'backup.copy', 'backup.copy page by page');
    console.log(`  backup.copy copied the ${[...methods].join(' and ')}`);

    // The whole backup: copy, check (quick_check, with the flush meanwhile), rename.
    const userData = path.join(dir, 'userData');
    const whole: number[] = [];
    for (let i = 0; i < BACKUP_RUNS; i++) {
      const start = process.hrtime.bigint();
      const info = await createBackup(ctx.db, { userData, reason: 'manual', prune: false });
      whole.push(elapsed(start));
      fs.rmSync(info.file);
    }
    results.set('backup.create (copy, check, rename)', summarize(whole));
    names.push('backup.create (copy, check, rename)');

    names.push(await readsDuringBackups(results, ctx, userData, opts));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return names;
}

/** customers.list through the worker, timed while backup.create jobs run one after another. */
async function readsDuringBackups(
  results: Results,
  ctx: HandlerContext,
  dataFolder: string,
  opts: MeasureOptions,
): Promise<string> {
  const name = 'concurrent.customers.list during backup';
  const host = new DatabaseHost({ file: ctx.databasePath, dataFolder, appVersion: 'bench' });
  const started = await host.start();
  // The worker shares the lock this process holds on the bench file (a thread it started).
  if (!started.file)
    throw new Error(
      `The database worker could not open the bench file: ${JSON.stringify(started.lastError)}`,
    );
  try {
    let job: JobInfo | undefined;
    let jobs = 0;
    const phases = new Set<string>();
    const backupRunning = async () => {
      if (job) {
        const now = await data<JobInfo>(host, 'jobs.get', { id: job.id });
        if (now.state === 'running') return phases.add(now.phase);
        if (now.state !== 'done')
          throw new Error(`The backup job ${now.state}: ${JSON.stringify(now.error)}`);
      }
      job = await data<JobInfo>(host, 'jobs.start', { kind: 'backup.create', reason: 'interval' });
      jobs++;
      while ((await data<JobInfo>(host, 'jobs.get', { id: job.id })).phase === 'start') {
        await new Promise((done) => setTimeout(done, 5));
      }
    };
    const times: number[] = [];
    for (let i = 0; i < (opts.runs ?? 200); i++) {
      await backupRunning();
      const start = process.hrtime.bigint();
      await host.invokeText('customers.list', { keyword: '科技' });
      times.push(elapsed(start));
    }
    results.set(name, summarize(times));
    if (job) {
      while ((await data<JobInfo>(host, 'jobs.get', { id: job.id })).state === 'running') {
        await new Promise((done) => setTimeout(done, 20));
      }
    }
    console.log(
      `  ${name}: ${times.length} runs while ${jobs} backup job(s) ran (${[...phases].join(', ')})`,
    );
  } finally {
    await host.close();
  }
  return name;
}

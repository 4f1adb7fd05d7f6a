import path from 'node:path';
/**
 * The requests as the app sends them: through the database worker (service/host.ts), so the
 * figures include the hop between threads. Then the same reads while a long write job runs (the
 * rollup rebuild over the whole bench file): they must still answer at once.
 */
import type { Envelope, JobInfo } from '../../src-main/contract';
import { invoke } from '../../src-main/ipc/registry';
import type { HandlerContext } from '../../src-main/records/context';
import { DatabaseHost } from '../../src-main/service/host';
import { captureSql, replay } from './capture';
import { customersList } from './cases';
import { summarize, type MeasureOptions, type Results, type Target } from './measure';

export const workerTargets: Target[] = [
  { applies: (name) => name.startsWith('worker customers.list '), p95_ms: 10, ratio: 1.5 },
  { applies: (name) => name.startsWith('concurrent.'), p95_ms: 50 },
];

async function data<T>(host: DatabaseHost, channel: string, input: unknown): Promise<T> {
  const envelope: Envelope<unknown> = await host.invoke(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.code} ${envelope.error.message}`);
  return envelope.data as T;
}

/** Marks every rollup stale, as an upgrade or a bulk load does, so a rebuild has all of it to do. */
function markAllStale(ctx: HandlerContext): void {
  ctx.db.exec(`
    INSERT OR IGNORE INTO customer_sale_sequence_stale VALUES (0);
    INSERT OR IGNORE INTO opportunity_furthest_stale VALUES (0);
    INSERT OR IGNORE INTO sales_category_days_stale SELECT DISTINCT sale_date FROM sales;
  `);
}

/** Runs the worker cases on the bench file (open in `ctx` too) and returns the names measured. */
export async function runWorkerSuite(
  results: Results,
  ctx: HandlerContext,
  opts: MeasureOptions,
): Promise<string[]> {
  const host = new DatabaseHost({
    file: ctx.databasePath,
    dataFolder: path.dirname(ctx.databasePath),
    appVersion: 'bench',
  });
  const started = await host.start();
  // The worker shares the lock this process holds on the bench file (a thread it started).
  if (!started.file)
    throw new Error(
      `The database worker could not open the bench file: ${JSON.stringify(started.lastError)}`,
    );
  const names: string[] = [];
  try {
    for (const c of customersList.cases(ctx)) {
      // The bare SQL is the one the handler runs, captured from one call in this thread.
      const { calls } = captureSql(ctx.db, (db) => invoke({ ...ctx, db }, c.channel, c.input));
      const name = `worker ${c.name}`;
      // As the browser edition sends it: the worker's JSON text, passed on as it is.
      await results.compareAsync(
        name,
        () => host.invokeText(c.channel, c.input),
        replay(ctx.db, calls),
        'bare',
        opts,
      );
      names.push(name);
    }

    // Reads while the rollup rebuild writes: started again whenever it ends before the runs do.
    const customer = ctx.db
      .prepare('SELECT id FROM customers ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM customers)')
      .pluck()
      .get();
    const reads: [string, () => Promise<unknown>][] = [
      ['concurrent.customers.list', () => host.invokeText('customers.list', { keyword: '科技' })],
      ['concurrent.customers.get', () => host.invokeText('customers.get', { id: customer })],
    ];
    const runs = opts.runs ?? 200;
    const times = reads.map((): number[] => []);
    let job: JobInfo | undefined;
    let jobs = 0;
    const jobRunning = async () => {
      if (job && (await data<JobInfo>(host, 'jobs.get', { id: job.id })).state === 'running') return;
      markAllStale(ctx);
      job = await data<JobInfo>(host, 'jobs.start', { kind: 'rollups.rebuild' });
      jobs++;
      // Timed once the job is into its work, not while its thread starts.
      while ((await data<JobInfo>(host, 'jobs.get', { id: job.id })).phase === 'start') {
        await new Promise((done) => setTimeout(done, 5));
      }
    };
    for (let i = 0; i < runs; i++) {
      for (const [k, [, read]] of reads.entries()) {
        await jobRunning();
        const start = process.hrtime.bigint();
        await read();
        times[k]!.push(Number(process.hrtime.bigint() - start) / 1e6);
      }
    }
    for (const [k, [name]] of reads.entries()) {
      results.set(name, summarize(times[k]!));
      names.push(name);
    }
    if (job) {
      await data(host, 'jobs.cancel', { id: job.id });
      while ((await data<JobInfo>(host, 'jobs.get', { id: job.id })).state === 'running') {
        await new Promise((done) => setTimeout(done, 20));
      }
    }
    console.log(`  concurrent cases: ${runs} runs each while ${jobs} rollup rebuild job(s) ran`);
  } finally {
    await host.close();
  }
  return names;
}

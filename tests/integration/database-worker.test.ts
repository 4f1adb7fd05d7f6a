import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Envelope, JobInfo } from '../../src-main/contract';
import type { Db } from '../../src-main/db/open';
import { DatabaseHost } from '../../src-main/service/host';
import { makeTempDir, tableHashes } from '../helpers/db';

/**
 * The database worker and its jobs, as both editions run them: a DatabaseHost on a real file,
 * the registry in its worker thread, jobs in threads of their own. The test looks at the file
 * through a read-only connection of its own.
 */

let tmp: ReturnType<typeof makeTempDir>;
let file: string;
let host: DatabaseHost;
let crashes: string[];

async function data<T>(channel: string, input: unknown = {}): Promise<T> {
  const envelope = await host.invoke(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

const reader = (): Db => new Database(file, { readonly: true });

/** Waits until the job satisfies `until`, asking every 20 ms. */
async function watch(id: number, until: (job: JobInfo) => boolean, timeoutMs = 60_000): Promise<JobInfo> {
  const start = Date.now();
  for (;;) {
    const job = await data<JobInfo>('jobs.get', { id });
    if (until(job)) return job;
    if (Date.now() - start > timeoutMs)
      throw new Error(`job ${id} still ${job.state} at ${job.done}/${job.total}`);
    await new Promise((done) => setTimeout(done, 20));
  }
}

/**
 * A trash of `entries` entries, written straight into the file: the 清空回收站 job then has
 * seconds of real work, deleting them in steps.
 */
function fillTrash(entries: number): void {
  const db = new Database(file);
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO trash (kind, record_id, title, payload, deleted_at)
     SELECT 'customers', 100000 + i, '客户 ' || i, json_object('rows', json_array(json_object('id', i, 'note', hex(randomblob(64))))), '2026-01-02T03:04:05.000Z'
     FROM n`,
  ).run(entries);
  db.close();
}

beforeEach(async () => {
  tmp = makeTempDir();
  file = path.join(tmp.dir, 'crm.db');
  crashes = [];
  host = new DatabaseHost({
    file,
    dataFolder: tmp.dir,
    appVersion: 't',
    onCrash: (reason) => crashes.push(reason),
  });
  await host.start();
});

afterEach(async () => {
  await host.close();
  tmp.remove();
});

describe('the database worker', () => {
  it('answers every channel through the host, with the registry running in its thread', async () => {
    const created = await data<{ id: number; code: string }>('customers.create', {
      name: '北京华信科技有限公司',
    });
    expect(created.code).toBe('C000001');
    expect(await data('customers.get', { id: created.id })).toMatchObject({ name: '北京华信科技有限公司' });
    const refused = (await host.invoke('customers.create', { name: 5 })) as Envelope<unknown>;
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'name' } });
  });

  it('is restarted on the same file after it dies mid-write, and every acknowledged write is there', async () => {
    // Writes go out without waiting; the worker is killed once some of them are answered.
    const answers: Promise<Envelope<unknown>>[] = [];
    for (let i = 1; i <= 400; i++) answers.push(host.invoke('customers.create', { name: `客户 ${i}` }));
    await answers[49];
    await host.kill();
    const settled = await Promise.all(answers);

    const acknowledged = settled.filter((e) => e.ok).map((e) => (e as { data: { id: number } }).data.id);
    const cut = settled.filter((e) => !e.ok);
    expect(acknowledged.length).toBeGreaterThanOrEqual(50);
    // What was not answered when the worker died is told so, in words the screens translate.
    for (const e of cut) expect(e).toMatchObject({ ok: false, error: { code: 'DATABASE_RESTARTED' } });
    expect(crashes).toHaveLength(1);
    expect(host.restarts).toBe(1);

    // The new worker has the same file open: every acknowledged customer is there.
    const list = await data<{ total: number; rows: { id: number }[] }>('customers.list', {
      pageSize: 200,
      page: 1,
    });
    const more = await data<{ rows: { id: number }[] }>('customers.list', { pageSize: 200, page: 2 });
    const ids = new Set([...list.rows, ...more.rows].map((r) => r.id));
    for (const id of acknowledged) expect(ids.has(id)).toBe(true);
    expect(list.total).toBeGreaterThanOrEqual(acknowledged.length);
    // And it goes on taking writes.
    expect(await data('customers.create', { name: '重启后的客户' })).toMatchObject({ name: '重启后的客户' });
  });

  it('never loads SQLite on the thread that serves HTTP', () => {
    const probe = path.resolve('tests/helpers/main-thread-probe.ts');
    const run = (...args: string[]) =>
      JSON.parse(
        execFileSync(process.execPath, ['--import', 'tsx', probe, path.join(tmp.dir, 'probe.db'), ...args], {
          encoding: 'utf8',
        }),
      ) as { served: number; sqliteOnThisThread: boolean };
    // The browser edition's path: a customer saved and read over HTTP, SQLite only in the worker.
    expect(run()).toEqual({ served: 2, sqliteOnThisThread: false });
    // The probe can tell: a thread that opens the file itself is seen to load SQLite.
    expect(run('--open-here')).toEqual({ served: 2, sqliteOnThisThread: true });
  });
});

describe('jobs', () => {
  it('清空回收站 as a job: progress as it goes, every entry gone at the end', async () => {
    fillTrash(5_000);
    const started = await data<JobInfo>('jobs.start', { kind: 'trash.empty' });
    expect(started).toMatchObject({ kind: 'trash.empty', state: 'running' });
    const done = await watch(started.id, (j) => j.state !== 'running');
    expect(done).toMatchObject({
      state: 'done',
      phase: 'delete',
      done: 5_000,
      total: 5_000,
      result: { purged: 5_000 },
    });
    const db = reader();
    expect(db.prepare('SELECT count(*) FROM trash').pluck().get()).toBe(0);
    db.close();
  });

  it(
    'answers reads while a long job writes, and a cancel leaves every table as it was',
    { timeout: 180_000 },
    async () => {
      const customer = await data<{ id: number }>('customers.create', { name: '上海东方电子商务有限公司' });
      // About three seconds of deleting, here.
      fillTrash(1_500_000);
      let db = reader();
      const before = tableHashes(db);
      db.close();

      const job = await data<JobInfo>('jobs.start', { kind: 'trash.empty' });
      // Past the backup it takes first, into the deleting.
      await watch(job.id, (j) => j.phase === 'delete' && j.done > 0);
      // The job holds the write lock; reads are answered at once all the same.
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now();
        expect(await data('customers.get', { id: customer.id })).toMatchObject({
          name: '上海东方电子商务有限公司',
        });
        expect(await data<{ total: number }>('customers.list', { keyword: '东方' })).toMatchObject({
          total: 1,
        });
        expect(performance.now() - t0).toBeLessThan(1000);
      }
      // A save meanwhile is refused as busy, not left waiting.
      expect(await host.invoke('customers.create', { name: '等一等' })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', reason: 'busy' },
      });
      const during = await data<JobInfo>('jobs.get', { id: job.id });
      expect(during.state).toBe('running');
      expect(during.done).toBeLessThan(during.total);

      // One job at a time.
      expect(await host.invoke('jobs.start', { kind: 'rollups.rebuild' })).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', reason: 'job_running' },
      });

      await data('jobs.cancel', { id: job.id });
      expect(await watch(job.id, (j) => j.state !== 'running')).toMatchObject({ state: 'cancelled' });
      db = reader();
      expect(tableHashes(db)).toEqual(before);
      db.close();
      // Saves go through again once the job is over.
      expect(await data('customers.create', { name: '取消之后' })).toMatchObject({ name: '取消之后' });
    },
  );

  it('gathers every page of a list in one job, for an export', async () => {
    for (let i = 1; i <= 450; i++)
      await data('customers.create', { name: `科技客户 ${String(i).padStart(3, '0')}` });
    const job = await data<JobInfo>('jobs.start', {
      kind: 'export.pages',
      channel: 'customers.list',
      input: { keyword: '科技', sort: { column: 'name', direction: 'asc' } },
    });
    const done = await watch(job.id, (j) => j.state !== 'running');
    expect(done).toMatchObject({ state: 'done', done: 450, total: 450 });
    const rows = (done.result as { rows: { name: string }[] }).rows;
    expect(rows).toHaveLength(450);
    expect(rows[0]!.name).toBe('科技客户 001');
    expect(rows.at(-1)!.name).toBe('科技客户 450');
  });

  it('refuses a job it does not know, a list it cannot page and a bad filter, with the reason', async () => {
    expect(await host.invoke('jobs.start', { kind: 'drop.everything' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'kind' },
    });
    expect(
      await host.invoke('jobs.start', { kind: 'export.pages', channel: 'customers.delete', input: {} }),
    ).toMatchObject({ ok: false, error: { code: 'VALIDATION', field: 'channel' } });
    // The list's own schema checks the filter, in the job: it fails with the list's reason.
    const job = await data<JobInfo>('jobs.start', {
      kind: 'export.pages',
      channel: 'customers.list',
      input: { keyword: 7 },
    });
    expect(await watch(job.id, (j) => j.state !== 'running')).toMatchObject({
      state: 'failed',
      error: { code: 'VALIDATION', field: 'keyword' },
    });
    expect(await host.invoke('jobs.get', { id: 999 })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });
});

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupInfo, Envelope, JobInfo } from '../../src-main/contract';
import { backupsDir, listBackups, readDatabaseId } from '../../src-main/files/backups';
import { DatabaseHost } from '../../src-main/service/host';
import { makeTempDir } from '../helpers/db';

/** 立即备份 as the app runs it: a `backup.create` job, in a job thread, through the database worker. */

let tmp: ReturnType<typeof makeTempDir>;
let file: string;
let dataFolder: string;
let host: DatabaseHost;

async function data<T>(channel: string, input: unknown = {}): Promise<T> {
  const envelope: Envelope<unknown> = await host.invoke(channel, input);
  if (!envelope.ok) throw new Error(`${channel}: ${JSON.stringify(envelope.error)}`);
  return envelope.data as T;
}

async function finished(id: number): Promise<JobInfo> {
  for (const start = Date.now(); Date.now() - start < 60_000;) {
    const job = await data<JobInfo>('jobs.get', { id });
    if (job.state !== 'running') return job;
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error(`job ${id} did not finish`);
}

beforeEach(async () => {
  tmp = makeTempDir();
  file = path.join(tmp.dir, 'files', 'crm.solocrm');
  dataFolder = path.join(tmp.dir, 'userData');
  host = new DatabaseHost({ file, dataFolder, appVersion: 't' });
  await host.start();
  for (let i = 0; i < 50; i++) await data('customers.create', { name: `客户 ${i}` });
});

afterEach(async () => {
  await host.close();
  tmp.remove();
});

describe('the backup.create job', () => {
  it('backs up the open file into the data folder, with its progress and the backup as its result', async () => {
    const started = await data<JobInfo>('jobs.start', { kind: 'backup.create' });
    // The app goes on answering, saves included, while the job runs.
    await data('customers.create', { name: '备份时保存' });
    const job = await finished(started.id);
    expect(job).toMatchObject({ kind: 'backup.create', state: 'done', phase: 'verify' });
    const backup = job.result as BackupInfo;
    expect(backup).toMatchObject({ reason: 'manual', verified: true });
    expect(backup.counts!.customers).toBeGreaterThanOrEqual(50);

    const reader = new Database(file, { readonly: true });
    const id = readDatabaseId(reader)!;
    reader.close();
    // Opening the file takes its own backup too (reason "open"), in the background.
    const listed = listBackups(backupsDir(dataFolder, id));
    expect(listed).toContainEqual(backup);
    expect(listed.filter((b) => b.name !== backup.name).every((b) => b.reason === 'open')).toBe(true);
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('backup'))).toEqual([]);
  });

  it('takes the reason it is given, and refuses safety (only a restore takes those)', async () => {
    const started = await data<JobInfo>('jobs.start', { kind: 'backup.create', reason: 'before-import' });
    expect(((await finished(started.id)).result as BackupInfo).reason).toBe('before-import');
    const refused = await host.invoke('jobs.start', { kind: 'backup.create', reason: 'safety' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('runs beside a writing job', async () => {
    const rebuild = await data<JobInfo>('jobs.start', { kind: 'rollups.rebuild' });
    const backup = await data<JobInfo>('jobs.start', { kind: 'backup.create', reason: 'interval' });
    expect((await finished(backup.id)).state).toBe('done');
    expect((await finished(rebuild.id)).state).toBe('done');
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Worker } from 'node:worker_threads';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppErrorData } from '../../src-main/contract';
import { AppError } from '../../src-main/db/errors';
import { openDatabase, type OpenedDatabase } from '../../src-main/db/open';
import { startThread } from '../../src-main/service/threads';
import { call, callError, contextFor, makeTempDir, sha256File, thrownBy } from '../helpers/db';

/**
 * One writer per file: a second process, or a second window's thread in the same process, is told
 * the file is in use (and by whom) and may open it read-only; a lock left by a killed process is
 * found and cleared; threads started by the holder (jobs) share its lock.
 */

const repo = path.resolve(import.meta.dirname, '..', '..');
const childScript = path.join(repo, 'tests', 'helpers', 'open-child.ts');

let tmp: ReturnType<typeof makeTempDir>;
let file: string;
const children: ChildProcess[] = [];
const threads: Worker[] = [];
const opened: OpenedDatabase[] = [];

beforeEach(() => {
  tmp = makeTempDir();
  file = path.join(tmp.dir, 'crm.db');
});
afterEach(async () => {
  for (const o of opened.splice(0)) o.release();
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  await Promise.all(threads.splice(0).map((t) => t.terminate()));
  tmp.remove();
});

interface ChildAnswer {
  opened?: { pid: number; readOnly: boolean };
  error?: AppErrorData;
}

/** Starts open-child.ts on `file`, lets it open at once, and resolves with its answer. */
async function childOpens(mode: 'hold' | 'once'): Promise<{ child: ChildProcess; answer: ChildAnswer }> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, file, mode], {
    cwd: repo,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  children.push(child);
  const lines = readline.createInterface({ input: child.stdout! });
  const answer = await new Promise<ChildAnswer>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`open-child exited with ${code}`)));
    lines.on('line', (line) => {
      const message = JSON.parse(line) as 'ready' | ChildAnswer;
      if (message === 'ready') child.stdin!.write('go\n');
      else resolve(message);
    });
  });
  return { child, answer };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((done) =>
    child.exitCode !== null || child.signalCode ? done() : child.once('exit', () => done()),
  );

function open(opts: Parameters<typeof openDatabase>[1] = {}): OpenedDatabase {
  const o = openDatabase(file, opts);
  opened.push(o);
  return o;
}

const names = (o: OpenedDatabase) =>
  call(contextFor(o.db, o.path, o.schemaVersion), 'customers.list', {}).rows.map((r) => r.name);

/** Starts open-thread.ts on `file` from this thread; resolves with its first message. */
async function threadOpens(): Promise<{ thread: Worker; first: { opened?: object; error?: AppErrorData } }> {
  const thread = startThread(new URL('../helpers/open-thread.ts', import.meta.url), { workerData: { file } });
  threads.push(thread);
  const first = await new Promise<{ opened?: object; error?: AppErrorData }>((resolve, reject) => {
    thread.once('message', resolve);
    thread.once('error', reject);
  });
  return { thread, first };
}

const ask = (thread: Worker, message: unknown) =>
  new Promise<unknown>((resolve) => {
    thread.once('message', resolve);
    thread.postMessage(message);
  });

describe('one writer per file', () => {
  it('a second process is told the file is in use, by whom, and may open it read-only', async () => {
    const { child, answer } = await childOpens('hold');
    expect(answer.opened).toMatchObject({ readOnly: false });
    const pid = answer.opened!.pid;
    const lockBefore = sha256File(`${file}.lock`);
    const dbBefore = sha256File(file);
    const listing = fs.readdirSync(tmp.dir).sort();

    const err = thrownBy(() => open());
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).toData()).toMatchObject({
      code: 'FILE_IN_USE',
      reason: 'open_elsewhere',
      params: { pid, host: os.hostname(), edition: 'browser' },
    });
    expect((err as AppError).details.params?.since).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
    expect(sha256File(`${file}.lock`)).toBe(lockBefore);
    expect(sha256File(file)).toBe(dbBefore);
    expect(fs.readdirSync(tmp.dir).sort()).toEqual(listing);

    const viewer = open({ readOnly: true });
    expect(viewer).toMatchObject({ readOnly: true, readOnlyReason: 'in_use' });
    expect(names(viewer)).toEqual(['另一个进程的客户']);
    expect(
      callError(contextFor(viewer.db, file, viewer.schemaVersion), 'customers.create', { name: 'x' }),
    ).toMatchObject({ code: 'READ_ONLY', reason: 'read_only_file' });
    opened.pop()!.release();

    child.stdin!.end();
    await exited(child);
    expect(fs.readdirSync(tmp.dir)).toEqual(['crm.db']);
    const after = open();
    expect(after.readOnly).toBe(false);
    expect(after.staleLock).toBeUndefined();
  });

  it('a lock left by a killed process is found and cleared, and its saves are kept', async () => {
    const { child, answer } = await childOpens('hold');
    const pid = answer.opened!.pid;
    expect(thrownBy(() => open())).toMatchObject({ code: 'FILE_IN_USE' });
    child.kill('SIGKILL');
    await exited(child);
    expect(fs.existsSync(`${file}.lock`)).toBe(true);

    const o = open();
    expect(o.readOnly).toBe(false);
    expect(o.staleLock).toMatchObject({ pid, host: os.hostname() });
    expect(names(o)).toEqual(['另一个进程的客户']);
    opened.pop()!.release();
    expect(fs.readdirSync(tmp.dir)).toEqual(['crm.db']);
  });

  it("a second window's thread in the same process is refused; a thread the holder starts shares the lock", async () => {
    open().release();
    opened.pop();
    // The first window's database worker holds the file.
    const first = await threadOpens();
    expect(first.first).toMatchObject({ opened: { readOnly: false } });
    // A second window's worker, started by the main thread like the first.
    const second = await threadOpens();
    expect(second.first.error).toMatchObject({
      code: 'FILE_IN_USE',
      params: { pid: process.pid, host: os.hostname() },
    });
    expect(thrownBy(() => open())).toMatchObject({ code: 'FILE_IN_USE' });
    expect(await ask(first.thread, { save: '第一个窗口的客户' })).toEqual({ saved: '第一个窗口的客户' });
    expect(await ask(first.thread, 'close')).toBe('closed');

    // This thread holds it now; a thread it starts (as the worker starts a job thread) writes too.
    const holder = open();
    const job = await threadOpens();
    expect(job.first).toMatchObject({ opened: { readOnly: false } });
    expect(await ask(job.thread, { save: '任务线程的客户' })).toEqual({ saved: '任务线程的客户' });
    expect(await ask(job.thread, 'close')).toBe('closed');
    expect(names(holder).sort()).toEqual(['任务线程的客户', '第一个窗口的客户'].sort());
    // The thread's release did not free the holder's lock.
    const { answer } = await childOpens('once');
    expect(answer.error).toMatchObject({ code: 'FILE_IN_USE', params: { pid: process.pid } });
  });

  it('lock: false opens a second connection beside the holder, without the lock', () => {
    const holder = open();
    const second = open({ lock: false });
    expect(second.readOnly).toBe(false);
    call(contextFor(second.db, file, second.schemaVersion), 'customers.create', { name: '第二个连接' });
    expect(names(holder)).toEqual(['第二个连接']);
  });
});

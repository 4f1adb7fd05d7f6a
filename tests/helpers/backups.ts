import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { Db } from '../../src-main/db/open';
import { JobCancelled, type JobControl } from '../../src-main/jobs/control';

/** Adds `count` customers straight into the file, each with `noteLength` characters of notes. */
export function fillCustomers(db: Db, count: number, noteLength = 1000): void {
  db.prepare(
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
     INSERT INTO customers (code, name, notes, created_at, updated_at)
     SELECT printf('F%07d', i), '客户 ' || i, substr(hex(randomblob(?)), 1, ?), '2026-01-02T03:04:05.000Z', '2026-01-02T03:04:05.000Z'
     FROM n`,
  ).run(count, noteLength, noteLength);
}

/** A job control that records its progress and cancels at its `cancelAt`-th checkpoint. */
export function recordingJob(cancelAt = Infinity): JobControl & {
  events: string[];
  checkpoints: number;
} {
  const control = {
    events: [] as string[],
    checkpoints: 0,
    progress(phase: string, done: number, total: number) {
      control.events.push(`${phase} ${done}/${total}`);
    },
    checkpoint() {
      control.checkpoints++;
      if (control.checkpoints >= cancelAt) throw new JobCancelled();
    },
  };
  return control;
}

/** Another connection, in a thread of its own, adding customers W0000001, W0000002 … one per commit. */
export interface Writer {
  /** The number of the last write whose commit returned. */
  acked(): number;
  /** Pauses (true) or resumes (false) the writes; resolves once no write is under way. */
  pause(paused: boolean): Promise<void>;
  stop(): Promise<void>;
}

const WRITER = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file);
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 10000');
const state = new Int32Array(workerData.state);
const ins = db.prepare("INSERT INTO customers (code, name, notes, created_at, updated_at) VALUES (?, ?, ?, '2026-01-02T03:04:05.000Z', '2026-01-02T03:04:05.000Z')");
const upd = db.prepare('UPDATE customers SET notes = ? WHERE id = ?');
const write = db.transaction((n) => {
  ins.run('W' + String(n).padStart(7, '0'), 'writer ' + n, 'x'.repeat(300));
  upd.run('changed by ' + n, 1 + (n * 7919) % 1000);
});
for (let n = 1; Atomics.load(state, 1) !== 2; ) {
  if (Atomics.load(state, 1) === 1) { Atomics.store(state, 2, 1); Atomics.wait(state, 1, 1, 50); continue; }
  Atomics.store(state, 2, 0);
  write(n);
  Atomics.store(state, 0, n++);
}
db.close();
`;

export function startWriter(file: string): Writer {
  // [0] last acked write, [1] 0 run / 1 pause / 2 stop, [2] 1 while paused.
  const state = new Int32Array(new SharedArrayBuffer(12));
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const thread = new Worker(WRITER, { eval: true, workerData: { file, module, state: state.buffer } });
  const exited = new Promise<void>((done, fail) => {
    thread.on('exit', () => done());
    thread.on('error', fail);
  });
  return {
    acked: () => Atomics.load(state, 0),
    async pause(paused) {
      Atomics.store(state, 1, paused ? 1 : 0);
      Atomics.notify(state, 1);
      while (paused && Atomics.load(state, 2) !== 1) await new Promise((r) => setTimeout(r, 2));
    },
    async stop() {
      Atomics.store(state, 1, 2);
      Atomics.notify(state, 1);
      await exited;
    },
  };
}

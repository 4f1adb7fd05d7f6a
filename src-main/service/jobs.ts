import type { Worker } from 'node:worker_threads';
import { jobStartInput, type JobInfo, type JobStartInput } from '../contract';
import { AppError, notFound } from '../db/errors';
import { jobDefinitions } from '../jobs/kinds';
import type { ConnectionOptions, FromJob, JobThreadData } from './messages';
import { siblingEntry, startThread } from './threads';

/** Finished jobs kept for `jobs.get` (their results are read once the screen sees them end). */
const KEEP_FINISHED = 20;

interface RunningJob {
  info: JobInfo;
  thread: Worker;
  cancel: Int32Array;
}

export interface JobManagerOptions extends ConnectionOptions {
  file: string;
  /** The file is open read-only: jobs only read it, and a writing one is refused. */
  readOnly?: boolean;
  dataFolder: string;
  now: () => string;
  /** Told when a writing job starts and ends (the worker stops waiting on the write lock meanwhile). */
  onWriting?: (writing: boolean) => void;
  /** The job threads' entry file; job-thread beside this module unless given. */
  entry?: URL;
}

/**
 * The jobs of one open file, kept in the database worker: each runs in a job thread of its own
 * (service/job-thread.ts) while the worker goes on answering requests. One writing job at a time.
 */
export class JobManager {
  private readonly jobs = new Map<number, JobInfo>();
  private readonly running = new Map<number, RunningJob>();
  /** The writing job, if one runs. */
  private writing: RunningJob | undefined;
  private nextId = 1;

  constructor(private readonly options: JobManagerOptions) {}

  start(raw: JobStartInput): JobInfo {
    const input = jobStartInput.parse(raw);
    const writes = jobDefinitions[input.kind].writes;
    // Writing jobs would only wait on each other for the write lock: one at a time. Reading
    // jobs (an export) run beside anything.
    if (writes && this.options.readOnly) {
      throw new AppError('READ_ONLY', `A ${input.kind} job would write to a file open read-only`, {
        reason: 'read_only_file',
      });
    }
    const writing = this.writing;
    if (writes && writing) {
      throw new AppError('CONFLICT', `A ${writing.info.kind} job is running`, {
        reason: 'job_running',
        params: { kind: writing.info.kind },
      });
    }
    const { entry, now, onWriting, ...database } = this.options;
    const cancel = new Int32Array(new SharedArrayBuffer(4));
    const workerData: JobThreadData = { ...database, input, cancel: cancel.buffer as SharedArrayBuffer };
    const thread = startThread(entry ?? siblingEntry('job-thread', import.meta.url), { workerData });
    const info: JobInfo = {
      id: this.nextId++,
      kind: input.kind,
      state: 'running',
      phase: 'start',
      done: 0,
      total: 0,
      startedAt: now(),
      finishedAt: null,
    };
    this.running.set(info.id, { info, thread, cancel });
    if (writes) this.writing = this.running.get(info.id);
    this.jobs.set(info.id, info);
    if (writes) onWriting?.(true);

    const finish = (outcome: Partial<JobInfo>) => {
      if (info.state !== 'running') return;
      Object.assign(info, outcome, { finishedAt: now() });
      this.running.delete(info.id);
      if (this.writing?.info === info) this.writing = undefined;
      if (writes) onWriting?.(false);
      this.forgetOld();
    };
    thread.on('message', (message: FromJob) => {
      if (message.type === 'progress')
        Object.assign(info, { phase: message.phase, done: message.done, total: message.total });
      else if (message.type === 'done') finish({ state: 'done', result: message.result });
      else if (message.type === 'cancelled') finish({ state: 'cancelled' });
      else finish({ state: 'failed', error: message.error });
    });
    thread.on('error', (err) => {
      console.error('[solo-crm] a job thread failed', err);
      finish({ state: 'failed', error: { code: 'INTERNAL', message: 'The job stopped unexpectedly' } });
    });
    // A thread that ends without a word died mid-job: its transaction never committed.
    thread.on('exit', () =>
      finish({ state: 'failed', error: { code: 'INTERNAL', message: 'The job stopped unexpectedly' } }),
    );
    return { ...info };
  }

  get(id: number): JobInfo {
    const info = this.jobs.get(id);
    if (!info) throw notFound('Job', id);
    return { ...info };
  }

  /** Asks the job to stop; it rolls back at its next step and `get` then says cancelled. */
  cancel(id: number): JobInfo {
    const info = this.get(id);
    const running = this.running.get(id);
    if (running) Atomics.store(running.cancel, 0, 1);
    return info;
  }

  /** Resolves when the job has ended (at once when it has). */
  whenDone(id: number): Promise<JobInfo> {
    const running = this.running.get(id);
    if (!running) return Promise.resolve(this.get(id));
    return new Promise((resolve) => running.thread.once('exit', () => resolve(this.get(id))));
  }

  /**
   * Stops every job now (the file is closing): each one's transaction is rolled back. `keep`
   * is left to finish (the backup taken at close).
   */
  async stopAll(keep?: number): Promise<void> {
    const running = [...this.running.values()].filter((job) => job.info.id !== keep);
    for (const job of running) Atomics.store(job.cancel, 0, 1);
    await Promise.all(running.map((job) => job.thread.terminate()));
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((j) => j.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.jobs.delete(job.id);
  }
}

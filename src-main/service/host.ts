import type { Worker } from 'node:worker_threads';
import type { AppErrorData, Envelope, FileState } from '../contract';
import { AppError } from '../db/errors';
import type { DatabaseWorkerData, FromWorker, ToWorker } from './messages';
import { siblingEntry, startThread } from './threads';

/** What the window's process calls: one channel, one envelope back. */
export type Invoke = (channel: string, input: unknown) => Promise<Envelope<unknown>>;

/** The same, with the envelope as the JSON text the worker wrote (the HTTP server sends it as it is). */
export type InvokeText = (channel: string, input: unknown) => Promise<string>;

export interface DatabaseHostOptions extends DatabaseWorkerData {
  /** The worker's entry file; db-worker beside this module unless given. */
  entry?: URL;
  /**
   * Told when the worker stopped without being asked to (a crash, an addon fault, a kill). The
   * host has already answered the requests in flight and is starting a new worker on the same file.
   */
  onCrash?: (reason: string) => void;
  /** Told when the open file changes (another one, or none): the window title follows it. */
  onFileChange?: (state: FileState) => void;
}

const crashed = (reason: string): AppErrorData => ({
  code: 'DATABASE_RESTARTED',
  message: `The database worker stopped (${reason}) and is being restarted`,
});

/**
 * The database worker seen from the thread that starts it: `invoke` sends a request and resolves
 * with the worker's envelope; nothing here opens the file or runs SQL. If the worker dies, every
 * request in flight is answered with DATABASE_RESTARTED (the screens say so), `onCrash` is told,
 * and a new worker opens the same file: whatever was committed before is there, since every
 * acknowledged write was committed (WAL, synchronous=FULL) before its answer was sent.
 */
export class DatabaseHost {
  private worker: Worker | undefined;
  private ready: Promise<FileState> | undefined;
  /** The file the worker has open, to open again should it have to be restarted. */
  private file: string | undefined;
  /** True once the current worker answers. */
  private started = false;
  private nextId = 1;
  private readonly pending = new Map<number, (text: string) => void>();
  private closing = false;
  /** How many times the worker was started again after a crash. */
  restarts = 0;

  constructor(private readonly options: DatabaseHostOptions) {}

  /**
   * Starts the worker and resolves once it answers, with the file it could open (a file that
   * cannot be opened is no reason not to start: the state says why, and the screens offer 打开).
   */
  start(): Promise<FileState> {
    const { entry, onCrash: _onCrash, onFileChange: _onFileChange, ...options } = this.options;
    const workerData: DatabaseWorkerData = { ...options, file: this.file ?? options.file };
    const worker = startThread(entry ?? siblingEntry('db-worker', import.meta.url), { workerData });
    let started = false;
    this.started = false;
    this.worker = worker;
    this.ready = new Promise<FileState>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          started = true;
          this.started = true;
          this.file = message.state.file?.path;
          resolve(message.state);
        } else if (message.type === 'file') {
          this.file = message.state.file?.path;
          this.options.onFileChange?.(message.state);
        } else if (message.type === 'fatal') {
          reject(new AppError(message.error.code, message.error.message, message.error));
        } else if (message.type === 'result') {
          const answer = this.pending.get(message.id);
          this.pending.delete(message.id);
          answer?.(message.text);
        }
      });
      worker.on('error', (err) => {
        console.error('[solo-crm] the database worker failed', err);
        reject(err);
      });
      worker.on('exit', (code) => {
        if (this.worker !== worker) return;
        this.worker = undefined;
        this.started = false;
        reject(new Error(`The database worker exited with code ${code} before the file was open`));
        // A worker that never started is not retried: start() has already said why.
        if (!this.closing && started) this.recover(`exit code ${code}`);
      });
    });
    // Whoever awaits start() hears of a failure; a restart's failure is logged in recover().
    this.ready.catch(() => undefined);
    return this.ready;
  }

  /** One request; queued while the worker starts, answered with an envelope in every case. */
  async invoke(channel: string, input: unknown): Promise<Envelope<unknown>> {
    return JSON.parse(await this.invokeText(channel, input)) as Envelope<unknown>;
  }

  /** `invoke`, with the envelope as the worker's JSON text. */
  async invokeText(channel: string, input: unknown): Promise<string> {
    const refuse = (error: AppErrorData) => JSON.stringify({ ok: false, error } satisfies Envelope<unknown>);
    if (this.closing) return refuse({ code: 'INTERNAL', message: 'The database is closed' });
    // Waits only while the worker is starting: an open file's requests go straight through.
    if (!this.started) {
      try {
        await this.ready;
      } catch {
        return refuse(crashed('it could not open the file'));
      }
    }
    const worker = this.worker;
    if (!worker) return refuse(crashed('not running'));
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      try {
        worker.postMessage({ type: 'invoke', id, channel, input } satisfies ToWorker);
      } catch (err) {
        // An input the structured clone refuses (nested too deep for its recursion, say).
        this.pending.delete(id);
        resolve(
          refuse({
            code: 'VALIDATION',
            message: `The input cannot be passed to the database worker: ${(err as Error).message}`,
            reason: 'invalid_format',
          }),
        );
      }
    });
  }

  /** Closes the file (PRAGMA optimize) and stops the worker. */
  async close(): Promise<void> {
    this.closing = true;
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((done) => worker.once('exit', () => done()));
    worker.postMessage({ type: 'close' } satisfies ToWorker);
    await exited;
    this.worker = undefined;
  }

  /** Stops the worker at once, as a crash would; for tests of the recovery. */
  async kill(): Promise<void> {
    await this.worker?.terminate();
  }

  private recover(reason: string): void {
    const restarted = JSON.stringify({ ok: false, error: crashed(reason) } satisfies Envelope<unknown>);
    for (const answer of this.pending.values()) answer(restarted);
    this.pending.clear();
    this.restarts++;
    this.options.onCrash?.(reason);
    this.start().catch((err: unknown) =>
      console.error('[solo-crm] the database worker did not restart', err),
    );
  }
}

/**
 * The database worker: the one thread that opens the file and runs the handler registry. The
 * window's process (Electron) and the browser edition's HTTP server only pass envelopes to it
 * and back (service/host.ts), so no query, however long, holds up the window or other requests.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../db/errors';
import { loadMigrations } from '../db/migrations';
import { closeDatabase, openDatabase } from '../db/open';
import { invoke } from '../ipc/registry';
import type { HandlerContext } from '../records/context';
import { JobManager } from './jobs';
import type { DatabaseWorkerData, FromWorker, ToWorker } from './messages';

/** How often committed pages are copied from the write-ahead log into the file, between requests. */
const CHECKPOINT_EVERY_MS = 5000;
/** How long a write waits for the file's write lock (another program, a checkpoint). */
const BUSY_TIMEOUT_MS = 5000;
/**
 * The same while a job writes: a save waits only briefly and is refused as busy, rather than
 * holding up every read behind it for seconds.
 */
const BUSY_TIMEOUT_DURING_JOB_MS = 100;

const port = parentPort!;
const data = workerData as DatabaseWorkerData;
const send = (message: FromWorker) => port.postMessage(message);

/** The open file's jobs; set once the file is open. */
let jobs: JobManager | undefined;

function open(): HandlerContext | undefined {
  try {
    const migrations = data.migrationsDir ? loadMigrations(data.migrationsDir) : undefined;
    const opened = openDatabase(data.file, { migrations, nativeBinding: data.nativeBinding });
    send({
      type: 'ready',
      opened: { path: opened.path, schemaVersion: opened.schemaVersion, backupPath: opened.backupPath },
    });
    const now = () => new Date().toISOString();
    jobs = new JobManager({
      ...data,
      now,
      onWriting: (writing) =>
        opened.db.pragma(`busy_timeout = ${writing ? BUSY_TIMEOUT_DURING_JOB_MS : BUSY_TIMEOUT_MS}`),
    });
    return {
      db: opened.db,
      now,
      databasePath: opened.path,
      schemaVersion: opened.schemaVersion,
      appVersion: data.appVersion,
      jobs,
    };
  } catch (err) {
    send({
      type: 'fatal',
      error:
        err instanceof AppError
          ? err.toData()
          : { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) },
    });
    return undefined;
  }
}

const ctx = open();
if (ctx) {
  // A save rarely pays for the copy itself (openDatabase lets the log grow); PASSIVE never waits
  // on a reader and does nothing when the log is already copied.
  const checkpoint = setInterval(() => {
    try {
      ctx.db.pragma('wal_checkpoint(PASSIVE)');
    } catch (err) {
      // The next commit checkpoints on its own; nothing is lost by skipping one.
      console.warn('[solo-crm] checkpoint skipped', err);
    }
  }, CHECKPOINT_EVERY_MS);

  port.on('message', (message: ToWorker) => {
    if (message.type === 'invoke') {
      // Serialised here, so the thread serving the window or HTTP never walks a big answer.
      send({
        type: 'result',
        id: message.id,
        text: JSON.stringify(invoke(ctx, message.channel, message.input)),
      });
    } else if (message.type === 'close') {
      clearInterval(checkpoint);
      void Promise.resolve(jobs?.stopAll())
        .catch((err: unknown) => console.error('[solo-crm] stopping a job failed', err))
        .finally(() => {
          try {
            closeDatabase(ctx.db);
          } finally {
            send({ type: 'closed' });
            port.close();
          }
        });
    }
  });
} else {
  port.close();
}

/**
 * A job thread: one long piece of work (service/jobs.ts starts it) on a connection of its own, in
 * one transaction, so the database worker keeps answering reads meanwhile (WAL: readers beside
 * the writer). Committed only when the work is done; rolled back when it is cancelled or fails,
 * which leaves the file as it was.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { JobStartInput } from '../contract';
import { loadMigrations } from '../db/migrations';
import { closeDatabase, openDatabase } from '../db/open';
import { toErrorData } from '../ipc/errors';
import { JobCancelled, type JobControl } from '../jobs/control';
import { createBackup } from '../files/backups';
import { jobDefinitions, type JobPlaces } from '../jobs/kinds';
import type { FromJob, JobThreadData } from './messages';

/** Progress is told at most this often (and at every change of phase). */
const PROGRESS_EVERY_MS = 100;

const port = parentPort!;
const data = workerData as JobThreadData;
const cancelled = new Int32Array(data.cancel);
const send = (message: FromJob) => port.postMessage(message);

let lastPhase = '';
let lastSent = 0;
const control: JobControl = {
  progress(phase, done, total) {
    const now = Date.now();
    if (phase === lastPhase && now - lastSent < PROGRESS_EVERY_MS && done < total) return;
    lastPhase = phase;
    lastSent = now;
    send({ type: 'progress', phase, done, total });
  },
  checkpoint() {
    if (Atomics.load(cancelled, 0) === 1) throw new JobCancelled();
  },
};

async function run(): Promise<FromJob> {
  const migrations = data.migrationsDir ? loadMigrations(data.migrationsDir) : undefined;
  const opened = openDatabase(data.file, {
    migrations,
    nativeBinding: data.nativeBinding,
    readOnly: data.readOnly,
    // A job (the backup at close, say) may start after its file was moved away: never make an
    // empty one at the old path.
    create: false,
  });
  const { db } = opened;
  try {
    const input = data.input as JobStartInput & { kind: keyof typeof jobDefinitions };
    const definition = jobDefinitions[input.kind];
    if (definition.backupFirst) {
      await createBackup(db, {
        userData: data.dataFolder,
        reason: definition.backupFirst,
        job: control,
        nativeBinding: data.nativeBinding,
      });
    }
    if (!definition.ownSnapshot) db.exec(definition.writes ? 'BEGIN IMMEDIATE' : 'BEGIN');
    const ctx = {
      db,
      now: () => new Date().toISOString(),
      databasePath: opened.path,
      schemaVersion: opened.schemaVersion,
      appVersion: data.appVersion,
    };
    const run = definition.run as (c: typeof ctx, i: unknown, j: JobControl, p: JobPlaces) => unknown;
    const result = await run(ctx, input, control, {
      dataFolder: data.dataFolder,
      nativeBinding: data.nativeBinding,
    });
    // A cancel that arrived during the last step still undoes the job.
    control.checkpoint();
    if (db.inTransaction) db.exec('COMMIT');
    return { type: 'done', result };
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    return err instanceof JobCancelled ? { type: 'cancelled' } : { type: 'failed', error: toErrorData(err) };
  } finally {
    closeDatabase(db);
  }
}

run()
  // The file could not even be opened.
  .catch((err: unknown): FromJob => ({ type: 'failed', error: toErrorData(err) }))
  .then((outcome) => {
    send(outcome);
    port.close();
  });

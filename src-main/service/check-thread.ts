import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { quickCheck } from '../db/file-checks';
import { toErrorData } from '../ipc/errors';
import type { CheckThreadData, FromCheck } from './messages';

/**
 * SQLite's quick_check of a file being opened, in a thread of its own, so that the file's first
 * screen shows while a large file is read through (FileSession opens it for reading meanwhile,
 * and for writing only once this says ok). Reads only: the file is not changed.
 */
const { file, nativeBinding, delayMs } = workerData as CheckThreadData;

function check(): FromCheck {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, {
      readonly: true,
      fileMustExist: true,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
    quickCheck(db, file);
    return { ok: true };
  } catch (err) {
    return { ok: false, error: toErrorData(err) };
  } finally {
    db?.close();
  }
}

if (delayMs) await new Promise((done) => setTimeout(done, delayMs));
parentPort!.postMessage(check());

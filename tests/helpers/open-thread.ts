/**
 * A thread opening a database file, as a second window's database worker would (started with
 * `startThread`, workerData `{ file }`). It posts `{ opened }` or `{ error }`; then, told
 * `{ save: name }`, saves a customer and posts `{ saved }`, and told `close`, releases the file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../src-main/db/errors';
import { openDatabase, type OpenedDatabase } from '../../src-main/db/open';

const port = parentPort!;
const { file } = workerData as { file: string };

let opened: OpenedDatabase | undefined;
try {
  opened = openDatabase(file);
  port.postMessage({ opened: { readOnly: opened.readOnly } });
} catch (err) {
  port.postMessage({
    error: err instanceof AppError ? err.toData() : { code: 'THROWN', message: String(err) },
  });
  port.close();
}

port.on('message', (message: { save: string } | 'close') => {
  if (!opened) return;
  if (message === 'close') {
    opened.release();
    port.postMessage('closed');
    port.close();
    return;
  }
  const now = '2026-01-02T03:04:05.000Z';
  opened.db
    .prepare(
      "INSERT INTO customers (code, name, created_at, updated_at) SELECT 'C8' || printf('%05d', count(*)), ?, ?, ? FROM customers",
    )
    .run(message.save, now, now);
  port.postMessage({ saved: message.save });
});

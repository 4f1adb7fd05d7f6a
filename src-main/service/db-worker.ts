/**
 * The database worker: the one thread that opens database files and runs the handler registry.
 * The window's process (Electron) and the browser edition's HTTP server only pass envelopes to
 * it and back (service/host.ts), so no query, however long, holds up the window or other
 * requests. Which file is open, and opening another, is the session's (service/session.ts).
 */
import fs from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { invoke } from '../ipc/registry';
import type { DatabaseWorkerData, FromWorker, ToWorker } from './messages';
import { FileSession } from './session';

const port = parentPort!;
const data = workerData as DatabaseWorkerData;
const send = (message: FromWorker) => port.postMessage(message);

const session = new FileSession({
  ...data,
  now: () => new Date().toISOString(),
  onChange: (state) => send({ type: 'file', state }),
});
const ctx = session.context();

if (data.file) {
  try {
    // The file named at start: a new path gets a new database, as on the very first start.
    if (fs.existsSync(data.file)) session.open({ path: data.file });
    else session.create({ path: data.file });
  } catch {
    // The refusal is in the session's state, which the screens show with 打开 and 新建.
  }
}
send({ type: 'ready', state: session.state() });

port.on('message', (message: ToWorker) => {
  if (message.type === 'invoke') {
    // Serialised here, so the thread serving the window or HTTP never walks a big answer.
    send({
      type: 'result',
      id: message.id,
      text: JSON.stringify(invoke(ctx, message.channel, message.input)),
    });
  } else if (message.type === 'close') {
    void session.shutdown().finally(() => {
      send({ type: 'closed' });
      port.close();
    });
  }
});

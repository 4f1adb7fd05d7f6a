/**
 * Run as its own process (tests/integration/database-worker.test.ts): starts the browser
 * edition's server on a database worker, saves and reads a customer over HTTP, then prints
 * whether better-sqlite3 was ever loaded on this, the serving thread. `--open-here` also opens
 * the file on this thread, to show the check can see it.
 */
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { startServer } from '../../src-main/ipc/http';
import { DatabaseHost } from '../../src-main/service/host';

const [file, flag] = process.argv.slice(2);

function post(port: number, token: string, channel: string, body: unknown): Promise<{ ok: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/${channel}`,
        headers: {
          Host: `127.0.0.1:${port}`,
          'Content-Type': 'application/json',
          Cookie: `solo_crm_token=${token}`,
        },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve(JSON.parse(text) as { ok: boolean }));
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const host = new DatabaseHost({ file: file!, dataFolder: path.dirname(file!), appVersion: 'probe' });
await host.start();
if (flag === '--open-here') {
  const { openDatabase, closeDatabase } = await import('../../src-main/db/open');
  closeDatabase(openDatabase(file!, { readOnly: true }).db);
}
const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'solo-crm-probe-'));
const server = await startServer({ invoke: (c, i) => host.invokeText(c, i), rendererDir });
let served = 0;
if ((await post(server.port, server.token, 'customers.create', { name: '探针客户' })).ok) served++;
if ((await post(server.port, server.token, 'customers.list', { keyword: '探针' })).ok) served++;
await server.close();
await host.close();
fs.rmSync(rendererDir, { recursive: true, force: true });

const loaded = Object.keys(createRequire(import.meta.url).cache);
console.log(JSON.stringify({ served, sqliteOnThisThread: loaded.some((m) => m.includes('better-sqlite3')) }));

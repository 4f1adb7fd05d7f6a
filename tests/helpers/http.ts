import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { closeDatabase, openDatabase } from '../../src-main/db/open';
import { startServer, type RunningServer } from '../../src-main/ipc/http';
import type { HandlerContext } from '../../src-main/records/context';
import { DatabaseHost } from '../../src-main/service/host';
import { contextFor, makeTempDir } from './db';

/** One HTTP response as read off the socket. */
export interface RawAnswer {
  status: number;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
}

/** What came back for a request sent as raw bytes: a response, or none (the server closed). */
export interface RawResult {
  answer: RawAnswer | null;
  /** A socket error seen before any response (ECONNRESET, EPIPE). */
  error?: string;
}

type Parsed = { done: false } | { done: true; answer: RawAnswer };

/**
 * Parses one response from the bytes so far; interim 1xx responses (100 Continue) are skipped.
 * `closed` says the server has closed: a body without a length ends there.
 */
function parseAnswer(buf: Buffer, method: string, closed: boolean): Parsed {
  let start = 0;
  for (;;) {
    const headEnd = buf.indexOf('\r\n\r\n', start);
    if (headEnd < 0) return { done: false };
    const lines = buf.subarray(start, headEnd).toString('latin1').split('\r\n');
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(lines[0] ?? '')?.[1]);
    if (!Number.isInteger(status)) throw new Error(`Not an HTTP response: ${JSON.stringify(lines[0])}`);
    const headers: Record<string, string> = {};
    for (const line of lines.slice(1)) {
      const colon = line.indexOf(':');
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      headers[name] = name in headers ? `${headers[name]}, ${value}` : value;
    }
    const bodyStart = headEnd + 4;
    if (status >= 100 && status < 200) {
      start = bodyStart;
      continue;
    }
    const rest = buf.subarray(bodyStart);
    const answer = (body: Buffer): Parsed => ({ done: true, answer: { status, headers, body } });
    if (method === 'HEAD' || status === 204 || status === 304) return answer(Buffer.alloc(0));
    if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
      const parts: Buffer[] = [];
      let at = 0;
      for (;;) {
        const lineEnd = rest.indexOf('\r\n', at);
        if (lineEnd < 0) return { done: false };
        const size = parseInt(rest.subarray(at, lineEnd).toString('latin1'), 16);
        if (!Number.isFinite(size)) throw new Error('Bad chunk size in the response');
        if (size === 0)
          return rest.indexOf('\r\n\r\n', lineEnd) >= 0 ? answer(Buffer.concat(parts)) : { done: false };
        if (rest.length < lineEnd + 2 + size + 2) return { done: false };
        parts.push(rest.subarray(lineEnd + 2, lineEnd + 2 + size));
        at = lineEnd + 2 + size + 2;
      }
    }
    if (headers['content-length'] !== undefined) {
      const length = Number(headers['content-length']);
      return rest.length >= length ? answer(rest.subarray(0, length)) : { done: false };
    }
    return closed ? answer(rest) : { done: false };
  }
}

/**
 * Sends `bytes` as they are on a new connection to 127.0.0.1 and reads one response, so a test can
 * send what no HTTP client would: a malformed request line, a bad header, a lying length. Rejects
 * when nothing complete arrives within `timeoutMs` (a server that stopped answering).
 */
export function rawRequest(
  port: number,
  bytes: string | Buffer,
  opts: { method?: string; timeoutMs?: number } = {},
): Promise<RawResult> {
  const line = typeof bytes === 'string' ? bytes.slice(0, 16) : bytes.toString('latin1', 0, 16);
  const method = opts.method ?? line.split(' ')[0] ?? 'GET';
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    let settled = false;
    let error: string | undefined;
    const finish = (closed: boolean) => {
      if (settled) return;
      const buf = Buffer.concat(chunks);
      let parsed: Parsed;
      try {
        parsed = parseAnswer(buf, method, closed);
      } catch (err) {
        settled = true;
        socket.destroy();
        reject(err as Error);
        return;
      }
      if (parsed.done) {
        settled = true;
        clearTimeout(timer);
        socket.destroy();
        resolve({ answer: parsed.answer, error });
      } else if (closed) {
        settled = true;
        clearTimeout(timer);
        if (buf.length > 0)
          reject(new Error(`Truncated response: ${JSON.stringify(buf.toString('latin1').slice(0, 200))}`));
        else resolve({ answer: null, error });
      }
    };
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      socket.destroy();
      reject(new Error(`No complete answer within ${opts.timeoutMs ?? 10_000} ms`));
    }, opts.timeoutMs ?? 10_000);
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      finish(false);
    });
    socket.on('error', (err: NodeJS.ErrnoException) => {
      error ??= err.code ?? err.message;
    });
    socket.on('close', () => finish(true));
    socket.write(bytes);
  });
}

/** A request as the fuzz and regression tests build it, before it becomes bytes. */
export interface RequestSpec {
  method: string;
  target: string;
  version?: string;
  /** Sent in this order, as given: no Host, Content-Length or Connection is added. */
  headers: [string, string][];
  body?: string | Buffer;
}

export function requestBytes(spec: RequestSpec): Buffer {
  const head =
    `${spec.method} ${spec.target} ${spec.version ?? 'HTTP/1.1'}\r\n` +
    spec.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('') +
    '\r\n';
  return Buffer.concat([Buffer.from(head, 'latin1'), Buffer.from(spec.body ?? '')]);
}

/** The browser edition as `npm run serve` runs it, on a file in a temp folder. */
export interface ServedDatabase {
  server: RunningServer;
  database: DatabaseHost;
  dir: string;
  /** `127.0.0.1:<port>`, the Host header the server accepts. */
  host: string;
  /** `solo_crm_token=<token>` */
  cookie: string;
  close(): Promise<void>;
}

/**
 * A real DatabaseHost (the worker thread) and HTTP server on a new file, with a tiny built
 * renderer (index.html and one asset). `seed` fills the file first, through an in-process
 * connection closed before the worker opens it.
 */
export async function serveDatabase(seed?: (ctx: HandlerContext) => void): Promise<ServedDatabase> {
  const tmp = makeTempDir('solo-crm-http-');
  const file = path.join(tmp.dir, 'crm.solocrm');
  if (seed) {
    const opened = openDatabase(file);
    try {
      seed(contextFor(opened.db, opened.path, opened.schemaVersion));
    } finally {
      closeDatabase(opened.db);
    }
  }
  const rendererDir = path.join(tmp.dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Solo CRM</title>');
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log("Solo CRM");\n'.repeat(40));
  const database = new DatabaseHost({ file, dataFolder: path.dirname(file), appVersion: 't' });
  await database.start();
  const server = await startServer({
    invoke: (channel, input) => database.invokeText(channel, input),
    rendererDir,
  });
  return {
    server,
    database,
    dir: tmp.dir,
    host: `127.0.0.1:${server.port}`,
    cookie: `solo_crm_token=${server.token}`,
    close: async () => {
      await server.close();
      await database.close();
      tmp.remove();
    },
  };
}

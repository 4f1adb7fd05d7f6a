import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import sirv from 'sirv';
import { CONTENT_SECURITY_POLICY, type Envelope } from '../contract';
import type { InvokeText } from '../service/host';
import { receiveUpload, sendDownload } from './transfers';

/**
 * The browser edition's transport: the registry at `POST /api/<channel>` and the built renderer,
 * on 127.0.0.1 only. A random token (in the printed URL, then an HttpOnly SameSite=Strict cookie)
 * keeps other local users and web pages out; Host and Origin checks stop DNS rebinding and
 * cross-site requests. Whatever arrives, the answer is an envelope (but for the static files
 * themselves) and the server keeps running: tests/integration/http-fuzz.test.ts holds it to that.
 */

const COOKIE = 'solo_crm_token';
const MAX_BODY_BYTES = 8 * 1024 * 1024;
/**
 * How deep a request's JSON may nest (no channel's input goes past 5 levels). Passing a value to
 * the worker copies it recursively, which overflows the stack at some 10,000 levels.
 */
const MAX_JSON_DEPTH = 64;

export interface ServerOptions {
  /** The registry, behind the database worker (service/host.ts): this thread runs no SQL. */
  invoke: InvokeText;
  /** Where uploads arrive and downloads wait (the worker's data folder); without it, neither is served. */
  dataFolder?: string;
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; random otherwise. */
  token?: string;
}

export interface RunningServer {
  port: number;
  token: string;
  /** The URL to open: it carries the token once, the cookie carries it after. */
  url: string;
  close(): Promise<void>;
}

const securityHeaders = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

function sameToken(a: string | undefined, b: string): boolean {
  if (!a) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function cookieToken(req: http.IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return v.join('=');
  }
  return undefined;
}

function sendJson(res: http.ServerResponse, status: number, body: Envelope<unknown>): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

function refuse(res: http.ServerResponse, status: number, message: string): void {
  sendJson(res, status, { ok: false, error: { code: 'FORBIDDEN', message } });
}

function readBody(req: http.IncomingMessage): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Whether arrays and objects in `value` nest more than `limit` levels (walked without recursion). */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  const stack: [object, number][] = value !== null && typeof value === 'object' ? [[value, 1]] : [];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    if (depth > limit) return true;
    for (const child of Object.values(node)) {
      if (child !== null && typeof child === 'object') stack.push([child as object, depth + 1]);
    }
  }
  return false;
}

/** The request target as a URL, or null when it is not one (`http://[/`, say). */
function requestUrl(target: string | undefined): URL | null {
  try {
    return new URL(target ?? '/', 'http://127.0.0.1');
  } catch {
    return null;
  }
}

/** The channel named by the path after `/api/`, or null when its %-escapes are malformed (`%`). */
function channelName(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

function invalidRequest(res: http.ServerResponse, message: string): void {
  sendJson(res, 400, { ok: false, error: { code: 'VALIDATION', message, reason: 'invalid_format' } });
}

function failed(res: http.ServerResponse, err: unknown): void {
  // The client went away mid-request (or the parser gave up on its body): no one to answer.
  if ((err as NodeJS.ErrnoException).code === 'ECONNRESET') {
    res.destroy();
    return;
  }
  console.error('[solo-crm] request failed', err);
  if (res.headersSent) res.destroy();
  else sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Request failed' } });
}

/** An envelope written straight to the socket, for requests that never become a `request` event. */
function rawAnswer(status: number, body: Envelope<unknown>): string {
  const text = JSON.stringify(body);
  return [
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}`,
    'Content-Type: application/json; charset=utf-8',
    'Cache-Control: no-store',
    'X-Content-Type-Options: nosniff',
    `Content-Length: ${Buffer.byteLength(text)}`,
    'Connection: close',
    '',
    text,
  ].join('\r\n');
}

export function startServer(opts: ServerOptions): Promise<RunningServer> {
  const token = opts.token ?? crypto.randomBytes(24).toString('base64url');
  const serveStatic = sirv(opts.rendererDir, { etag: true, dev: false });
  let port = 0;
  const ownHosts = () => [`127.0.0.1:${port}`, `localhost:${port}`];

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, channel: string) {
    if (req.method !== 'POST') return refuse(res, 405, 'Use POST');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(res, 415, 'Send application/json');
    }
    const body = await readBody(req);
    if (body === null) {
      return sendJson(res, 413, {
        ok: false,
        error: { code: 'VALIDATION', message: 'Request too large', reason: 'too_big', limit: MAX_BODY_BYTES },
      });
    }
    let input: unknown;
    try {
      input = body === '' ? {} : JSON.parse(body);
    } catch {
      return sendJson(res, 400, {
        ok: false,
        error: { code: 'VALIDATION', message: 'Body is not JSON', reason: 'invalid_format' },
      });
    }
    if (nestsDeeperThan(input, MAX_JSON_DEPTH)) {
      return sendJson(res, 400, {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: `Body nests deeper than ${MAX_JSON_DEPTH} levels`,
          reason: 'too_big',
          limit: MAX_JSON_DEPTH,
        },
      });
    }
    // The worker's JSON text, as it wrote it: this thread never walks the answer.
    const text = await opts.invoke(channel, input);
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(text);
  }

  function route(req: http.IncomingMessage, res: http.ServerResponse): void {
    for (const [k, v] of Object.entries(securityHeaders)) res.setHeader(k, v);
    // A page on another site, or a DNS name rebound to 127.0.0.1, never gets an answer.
    if (!ownHosts().includes(req.headers.host ?? '')) return refuse(res, 421, 'Unknown host');
    const origin = req.headers.origin;
    if (origin !== undefined && !ownHosts().some((h) => origin === `http://${h}`)) {
      return refuse(res, 403, 'Foreign origin');
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') return refuse(res, 403, 'Cross-site request');

    // Everything up to the token check runs for anyone who can reach the port: none of it throws.
    const url = requestUrl(req.url);
    if (!url) return invalidRequest(res, 'The request target is not a URL');
    const offered = url.searchParams.get('token');
    if (offered !== null && req.method === 'GET') {
      if (!sameToken(offered, token)) return refuse(res, 401, 'Wrong token');
      url.searchParams.delete('token');
      res.writeHead(303, {
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        // One leading slash: `//host/...` would send the browser to another site.
        Location: url.pathname.replace(/^\/+/, '/') + url.search,
      });
      res.end();
      return;
    }
    if (!sameToken(cookieToken(req), token)) {
      return refuse(res, 401, 'Open the address printed by "npm run serve" (it carries the access token)');
    }
    if (url.pathname.startsWith('/api/')) {
      const channel = channelName(url.pathname.slice(5));
      if (channel === null) return invalidRequest(res, 'The channel name has a malformed %-escape');
      handleApi(req, res, channel).catch((err: unknown) => failed(res, err));
      return;
    }
    if (opts.dataFolder && (url.pathname === '/upload/database' || url.pathname === '/upload/import')) {
      const purpose = url.pathname === '/upload/import' ? 'import' : 'database';
      receiveUpload(req, res, opts.dataFolder, opts.invoke, purpose).catch((err: unknown) =>
        failed(res, err),
      );
      return;
    }
    if (opts.dataFolder && url.pathname.startsWith('/download/database/')) {
      sendDownload(req, res, url, opts.dataFolder).catch((err: unknown) => failed(res, err));
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    // The static files see the parsed path, never the raw target (always `/…`, so no lookup can
    // reach the file table's prototype), and no Range: sirv throws on an unsatisfiable one
    // (`bytes=10-5`), and the renderer's files are small enough to send whole.
    req.url = url.pathname + url.search;
    delete req.headers.range;
    serveStatic(req, res, () => refuse(res, 404, 'Not found'));
  }

  // Without a Host header Node would answer 400 with no body; the Host check answers instead.
  /** Per connection, the request being answered, until its response is done. */
  const inFlight = new WeakMap<Duplex, { req: http.IncomingMessage; res: http.ServerResponse }>();

  // Without a Host header Node would answer 400 with no body; the Host check answers instead.
  const server = http.createServer({ requireHostHeader: false }, (req, res) => {
    const socket = req.socket;
    inFlight.set(socket, { req, res });
    res.once('close', () => {
      if (inFlight.get(socket)?.res === res) inFlight.delete(socket);
    });
    try {
      route(req, res);
    } catch (err) {
      failed(res, err);
    }
  });
  // Requests Node answers by itself unless told otherwise get an envelope too: one its parser
  // refuses (a malformed request line or header, headers too large, a bad body framing), one with
  // an Expect other than 100-continue, and CONNECT.
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Duplex) => {
    if (err.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    const status =
      err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const answer = rawAnswer(status, {
      ok: false,
      error: { code: 'VALIDATION', message: 'Malformed HTTP request', reason: 'invalid_format' },
    });
    // What came after a whole request (pipelined), or after a response was begun, is refused once
    // that response is done, so it arrives whole and first. A refusal within a request's own body
    // is its answer, now.
    const current = inFlight.get(socket);
    if (current && (current.req.complete || current.res.headersSent)) {
      current.res.once('close', () => socket.end(answer));
    } else {
      socket.end(answer);
    }
  });
  server.on('checkExpectation', (req, res) => {
    for (const [k, v] of Object.entries(securityHeaders)) res.setHeader(k, v);
    sendJson(res, 417, {
      ok: false,
      error: { code: 'VALIDATION', message: 'Unsupported Expect header', reason: 'invalid_value' },
    });
  });
  server.on('connect', (_req, socket: Duplex) => {
    socket.end(rawAnswer(405, { ok: false, error: { code: 'FORBIDDEN', message: 'Method not allowed' } }));
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({
        port,
        token,
        url: `http://127.0.0.1:${port}/?token=${token}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

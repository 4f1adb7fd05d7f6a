import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { CONTENT_SECURITY_POLICY, type Envelope } from '../contract';
import type { Invoke } from '../service/host';

/**
 * The browser edition's transport: the registry at `POST /api/<channel>` and the built renderer,
 * on 127.0.0.1 only. A random token (in the printed URL, then an HttpOnly SameSite=Strict cookie)
 * keeps other local users and web pages out; Host and Origin checks stop DNS rebinding and
 * cross-site requests.
 */

const COOKIE = 'solo_crm_token';
const MAX_BODY_BYTES = 8 * 1024 * 1024;

export interface ServerOptions {
  /** The registry, behind the database worker (service/host.ts): this thread runs no SQL. */
  invoke: Invoke;
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
    sendJson(res, 200, await opts.invoke(channel, input));
  }

  const server = http.createServer((req, res) => {
    for (const [k, v] of Object.entries(securityHeaders)) res.setHeader(k, v);
    // A page on another site, or a DNS name rebound to 127.0.0.1, never gets an answer.
    if (!ownHosts().includes(req.headers.host ?? '')) return refuse(res, 421, 'Unknown host');
    const origin = req.headers.origin;
    if (origin !== undefined && !ownHosts().some((h) => origin === `http://${h}`)) {
      return refuse(res, 403, 'Foreign origin');
    }
    if (req.headers['sec-fetch-site'] === 'cross-site') return refuse(res, 403, 'Cross-site request');

    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const offered = url.searchParams.get('token');
    if (offered !== null && req.method === 'GET') {
      if (!sameToken(offered, token)) return refuse(res, 401, 'Wrong token');
      url.searchParams.delete('token');
      res.writeHead(303, {
        'Set-Cookie': `${COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
      });
      return res.end();
    }
    if (!sameToken(cookieToken(req), token)) {
      return refuse(res, 401, 'Open the address printed by "npm run serve" (it carries the access token)');
    }
    if (url.pathname.startsWith('/api/')) {
      handleApi(req, res, decodeURIComponent(url.pathname.slice(5))).catch((err: unknown) => {
        console.error('[solo-crm] request failed', err);
        if (!res.headersSent)
          sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: 'Request failed' } });
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed');
    serveStatic(req, res, () => refuse(res, 404, 'Not found'));
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

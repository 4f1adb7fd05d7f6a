import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/contract';
import Database from 'better-sqlite3';
import type { Db } from '../../src-main/db/open';
import { startServer, type RunningServer } from '../../src-main/ipc/http';
import { DatabaseHost } from '../../src-main/service/host';

/** A raw request, so tests can set Host and Origin as an attacker would. */
function request(
  port: number,
  opts: { method?: string; path: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}

describe('browser edition server', () => {
  let dir: string;
  let db: Db;
  let database: DatabaseHost;
  let server: RunningServer;
  let host: string;
  let cookie: string;
  const count = () => db.prepare('SELECT count(*) FROM customers').pluck().get() as number;

  const api = (channel: string, input: unknown, headers: Record<string, string> = {}) =>
    request(server.port, {
      method: 'POST',
      path: `/api/${channel}`,
      headers: { Host: host, 'Content-Type': 'application/json', Cookie: cookie, ...headers },
      body: JSON.stringify(input),
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'solo-crm-http-'));
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Solo CRM</title>');
    // The server as the browser edition runs it: the file is open in the database worker only;
    // the test looks at it through a read-only connection of its own.
    database = new DatabaseHost({ file: path.join(dir, 'crm.db'), dataFolder: dir, appVersion: 't' });
    await database.start();
    db = new Database(path.join(dir, 'crm.db'), { readonly: true });
    server = await startServer({
      invoke: (channel, input) => database.invokeText(channel, input),
      rendererDir,
    });
    host = `127.0.0.1:${server.port}`;
    cookie = `solo_crm_token=${server.token}`;
  });

  afterAll(async () => {
    await server.close();
    db.close();
    await database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('binds 127.0.0.1 and prints a URL carrying the token', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('trades the token in the URL for an HttpOnly SameSite=Strict cookie', async () => {
    const res = await request(server.port, { path: `/?token=${server.token}`, headers: { Host: host } });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toContain(`solo_crm_token=${server.token}`);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
  });

  it('answers a request with the cookie, and sends the CSP', async () => {
    const page = await request(server.port, { path: '/', headers: { Host: host, Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Solo CRM');
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    const res = await api('customers.create', { name: '北京华信科技有限公司' });
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { code: 'C000001' } });
  });

  it('refuses a request without the token, or with a wrong one', async () => {
    const before = count();
    const noToken = await api('customers.create', { name: 'x' }, { Cookie: '' });
    expect(noToken.status).toBe(401);
    expect(JSON.parse(noToken.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const wrong = await api('customers.create', { name: 'x' }, { Cookie: 'solo_crm_token=guess' });
    expect(wrong.status).toBe(401);
    const wrongUrl = await request(server.port, { path: '/?token=guess', headers: { Host: host } });
    expect(wrongUrl.status).toBe(401);
    expect(wrongUrl.headers['set-cookie']).toBeUndefined();
    const page = await request(server.port, { path: '/', headers: { Host: host } });
    expect(page.status).toBe(401);
    expect(count()).toBe(before);
  });

  it('refuses a foreign Origin, even with the right cookie', async () => {
    const before = count();
    const res = await api('customers.create', { name: 'x' }, { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const otherPort = await api(
      'customers.create',
      { name: 'x' },
      { Origin: `http://127.0.0.1:${server.port + 1}` },
    );
    expect(otherPort.status).toBe(403);
    const own = await api('customers.list', {}, { Origin: `http://${host}` });
    expect(own.status).toBe(200);
    expect(count()).toBe(before);
  });

  it('refuses a foreign Host (DNS rebinding), even with the right cookie', async () => {
    const before = count();
    const res = await api('customers.create', { name: 'x' }, { Host: `evil.example:${server.port}` });
    expect(res.status).toBe(421);
    const page = await request(server.port, { path: '/', headers: { Host: 'evil.example', Cookie: cookie } });
    expect(page.status).toBe(421);
    expect(count()).toBe(before);
  });

  it('returns VALIDATION for bad JSON and bad input, and refuses non-JSON bodies', async () => {
    const bad = await request(server.port, {
      method: 'POST',
      path: '/api/customers.create',
      headers: { Host: host, Cookie: cookie, 'Content-Type': 'application/json' },
      body: '{not json',
    });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const form = await request(server.port, {
      method: 'POST',
      path: '/api/customers.create',
      headers: { Host: host, Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'name=x',
    });
    expect(form.status).toBe(415);
    const invalid = await api('customers.create', { name: 1 });
    expect(JSON.parse(invalid.body)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', field: 'name' },
    });
    const unknown = await api('nope.nothing', {});
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});

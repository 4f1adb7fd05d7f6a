import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, serveDatabase, type RawAnswer, type ServedDatabase } from '../helpers/http';

/**
 * Requests that stopped the browser edition's server, or got no envelope, before: each by name,
 * beside the generated ones of http-fuzz.test.ts. Sent as raw bytes, since no HTTP client sends
 * most of them.
 */

type Json = { ok?: unknown; error?: { code?: unknown } };

describe('requests that stopped the browser edition', () => {
  let served: ServedDatabase;

  beforeAll(async () => {
    served = await serveDatabase();
  });
  afterAll(async () => {
    await served?.close();
  });

  const envelopeOf = (answer: RawAnswer | null) => JSON.parse(answer!.body.toString('utf8')) as Json;

  async function stillServes() {
    const res = await rawRequest(
      served.server.port,
      `POST /api/app.info HTTP/1.1\r\nHost: ${served.host}\r\nCookie: ${served.cookie}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
    );
    expect(res.answer?.status).toBe(200);
    expect(envelopeOf(res.answer)).toMatchObject({ ok: true });
    expect(served.database.restarts).toBe(0);
  }

  it('answers POST /api/% (a malformed %-escape in the channel name) with VALIDATION', async () => {
    const res = await rawRequest(
      served.server.port,
      `POST /api/% HTTP/1.1\r\nHost: ${served.host}\r\nCookie: ${served.cookie}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}',
    );
    expect(res.answer?.status).toBe(400);
    expect(envelopeOf(res.answer)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await stillServes();
  });

  it('answers a request target that is not a URL (http://[/), without a token, with VALIDATION', async () => {
    const res = await rawRequest(
      served.server.port,
      `GET http://[/ HTTP/1.1\r\nHost: ${served.host}\r\n\r\n`,
    );
    expect(res.answer?.status).toBe(400);
    expect(envelopeOf(res.answer)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await stillServes();
  });

  it('sends a static file whole for an unsatisfiable Range (bytes=10-5)', async () => {
    const res = await rawRequest(
      served.server.port,
      `GET /index.html HTTP/1.1\r\nHost: ${served.host}\r\nCookie: ${served.cookie}\r\nRange: bytes=10-5\r\n\r\n`,
    );
    expect(res.answer?.status).toBe(200);
    expect(res.answer?.body.toString('utf8')).toContain('Solo CRM');
    await stillServes();
  });

  it('answers a body nested 200,000 deep with VALIDATION, not a lost request', async () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const res = await rawRequest(
      served.server.port,
      `POST /api/customers.related HTTP/1.1\r\nHost: ${served.host}\r\nCookie: ${served.cookie}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${deep.length}\r\nConnection: close\r\n\r\n${deep}`,
    );
    expect(res.answer?.status).toBe(400);
    expect(envelopeOf(res.answer)).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', reason: 'too_big' },
    });
    await stillServes();
  });

  it('answers an input too deep to pass to the worker with VALIDATION, at the host too', async () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const res = await served.database.invoke('customers.related', { ids: deep });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await stillServes();
  });

  it('answers a whole request first, then refuses the malformed one pipelined after it', async () => {
    const res = await rawRequest(
      served.server.port,
      `POST /api/app.info HTTP/1.1\r\nHost: ${served.host}\r\nCookie: ${served.cookie}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}' +
        'NOT A REQUEST\r\n\r\n',
    );
    expect(res.answer?.status).toBe(200);
    expect(envelopeOf(res.answer)).toMatchObject({ ok: true });
    await stillServes();
  });

  it('answers what Node would answer without a body (no Host, Expect, CONNECT, a bad request line) with envelopes', async () => {
    for (const [text, status] of [
      ['GET /api/app.info HTTP/1.1\r\n\r\n', 421],
      [`GET / HTTP/1.1\r\nHost: ${served.host}\r\nExpect: something-else\r\n\r\n`, 417],
      [`CONNECT ${served.host} HTTP/1.1\r\nHost: ${served.host}\r\n\r\n`, 405],
      [`GET  HTTP/1.1\r\nHost: ${served.host}\r\n\r\n`, 400],
    ] as const) {
      const res = await rawRequest(served.server.port, text);
      expect(res.answer?.status, text).toBe(status);
      expect(envelopeOf(res.answer), text).toMatchObject({ ok: false });
    }
    await stillServes();
  });
});

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes } from '../../src-main/contract';
import {
  rawRequest,
  requestBytes,
  serveDatabase,
  type RawResult,
  type ServedDatabase,
} from '../helpers/http';
import { build, recipe, type Sent } from '../helpers/http-fuzz-requests';
import { seedForSamples } from '../helpers/samples';

/**
 * The browser edition's door under generated requests: every channel with valid, mistyped,
 * incomplete, huge and deep input, odd methods, headers and bodies, bad %-escapes and request
 * targets, malformed request lines on raw sockets, with and without the token (the generators are
 * in tests/helpers/http-fuzz-requests.ts). Every answer must be an envelope (or one of the static
 * files, to a request carrying the token), the server must answer to the last request, and the
 * database worker must never have restarted.
 *
 * The seed is fixed, so a failure reproduces; FUZZ_SEED and FUZZ_RUNS pick others, e.g.
 * `FUZZ_SEED=7 FUZZ_RUNS=20000 npx vitest run tests/integration/http-fuzz.test.ts`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_102);
const RUNS = Number(process.env.FUZZ_RUNS ?? 3000);

// ---- What counts as an answer ----

type Json = { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } };

/** Null when the answer is an acceptable one; else what is wrong with it. */
function problem(sent: Sent, result: RawResult, restarts: number): string | null {
  if (restarts > 0) return `the database worker restarted (${restarts})`;
  const answer = result.answer;
  if (!answer) return `no answer${result.error ? ` (${result.error})` : ''}`;
  const type = answer.headers['content-type'] ?? '';
  if (answer.status === 303) {
    if (!sent.hasUrlToken) return '303 without the token in the URL';
    const location = answer.headers.location ?? '';
    return location.startsWith('/') && !location.startsWith('//') ? null : `redirect to ${location}`;
  }
  if (!type.startsWith('application/json')) {
    const staticFile = (answer.status === 200 || answer.status === 304) && sent.hasCookie;
    if (staticFile && (sent.method === 'GET' || sent.method === 'HEAD')) return null;
    return `status ${answer.status}, ${type || 'no content type'}: ${answer.body.toString('utf8', 0, 200)}`;
  }
  if (sent.method === 'HEAD') return answer.body.length === 0 ? null : 'a body in the answer to HEAD';
  let json: Json;
  try {
    json = JSON.parse(answer.body.toString('utf8')) as Json;
  } catch {
    return `not JSON: ${answer.body.toString('utf8', 0, 200)}`;
  }
  if (json === null || typeof json !== 'object') return `not an envelope: ${JSON.stringify(json)}`;
  if (json.ok === true) {
    if (!('data' in json)) return 'ok without data';
    if (answer.status !== 200) return `ok with status ${answer.status}`;
    if (!sent.hasCookie) return 'ok without the token';
    return null;
  }
  if (json.ok !== false || !json.error) return `not an envelope: ${JSON.stringify(json).slice(0, 200)}`;
  const code = json.error.code;
  if (!errorCodes.includes(code as (typeof errorCodes)[number]) || typeof json.error.message !== 'string') {
    return `not an error envelope: ${JSON.stringify(json).slice(0, 200)}`;
  }
  if (code === 'INTERNAL' || code === 'DATABASE_RESTARTED') return `${code}: ${json.error.message}`;
  return null;
}

async function send(served: ServedDatabase, sent: Sent): Promise<RawResult> {
  return rawRequest(served.server.port, sent.bytes, { method: sent.method, timeoutMs: 15_000 });
}

const describeRequest = (sent: Sent) =>
  JSON.stringify(sent.bytes.toString('latin1', 0, 300)) +
  (sent.bytes.length > 300 ? ` … (${sent.bytes.length} bytes)` : '');

describe('the browser edition under generated requests', () => {
  let served: ServedDatabase;

  beforeAll(async () => {
    served = await serveDatabase(seedForSamples);
  });
  afterAll(async () => {
    await served?.close();
  });

  it(`answers ${RUNS} generated requests with envelopes, and stays up (seed ${SEED})`, async () => {
    console.log(`http fuzz: seed ${SEED}, ${RUNS} requests (FUZZ_SEED / FUZZ_RUNS to change)`);
    const started = Date.now();
    let count = 0;
    await fc.assert(
      fc.asyncProperty(recipe, async (r) => {
        const sent = build(r, served);
        count++;
        let result: RawResult;
        try {
          result = await send(served, sent);
        } catch (err) {
          throw new Error(`${(err as Error).message}\nrequest: ${describeRequest(sent)}`);
        }
        const wrong = problem(sent, result, served.database.restarts);
        if (wrong) throw new Error(`${wrong}\nrequest: ${describeRequest(sent)}`);
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    console.log(`http fuzz: ${count} requests in ${Date.now() - started} ms`);

    // Still answering, and still the same worker.
    const last = await rawRequest(
      served.server.port,
      requestBytes({
        method: 'POST',
        // Answered with a file open or not (the fuzz may have closed it: file.close is a channel too).
        target: '/api/file.current',
        headers: [
          ['Host', served.host],
          ['Cookie', served.cookie],
          ['Content-Type', 'application/json'],
          ['Content-Length', '2'],
        ],
        body: '{}',
      }),
    );
    expect(last.answer?.status).toBe(200);
    expect(JSON.parse(last.answer!.body.toString('utf8'))).toMatchObject({ ok: true });
    expect(served.database.restarts).toBe(0);
  }, 120_000);
});

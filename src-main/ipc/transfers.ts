import crypto from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Envelope } from '../contract';
import { DOWNLOAD_NAME, exportsFolder, incomingFolder } from '../files/places';
import type { InvokeText } from '../service/host';

/**
 * The browser edition's file transfers, the one thing its screens cannot do through the door:
 * a database file uploaded into the data folder (then checked and opened by the worker, through
 * `file.importUpload`), and a copy the worker made handed back as a download. Bytes only pass
 * through here; no file is opened as a database on this thread.
 */

/** The largest database file the browser may upload. */
const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;

function answer(res: http.ServerResponse, status: number, body: Envelope<unknown> | string): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

const refusal = (
  message: string,
  reason: 'too_big' | 'invalid_format' = 'invalid_format',
): Envelope<never> => ({
  ok: false,
  error: { code: 'VALIDATION', message, reason },
});

/** The name the browser gave the file, from `X-File-Name` (percent-encoded), or null. */
function uploadedName(req: http.IncomingMessage): string | null {
  const raw = req.headers['x-file-name'];
  if (typeof raw !== 'string' || raw === '') return null;
  try {
    const name = path.basename(decodeURIComponent(raw)).trim();
    return name.length > 0 && name.length <= 255 ? name : null;
  } catch {
    return null;
  }
}

/**
 * `POST /upload/database` and `POST /upload/import`: the body, the file's bytes, goes to the data
 * folder's incoming folder under a random name. A database file is then checked, moved under a
 * free name and opened by the worker (file.importUpload); a file to import is answered with its
 * upload name, which the import jobs read it by (and the import removes once done).
 */
export async function receiveUpload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  dataFolder: string,
  invoke: InvokeText,
  purpose: 'database' | 'import' = 'database',
): Promise<void> {
  if (req.method !== 'POST') return answer(res, 405, refusal('Use POST'));
  const name = uploadedName(req);
  if (!name) return answer(res, 400, refusal('Send the file name in X-File-Name'));
  const length = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(length) && length > MAX_UPLOAD_BYTES) {
    req.resume();
    return answer(res, 413, refusal('The file is too large', 'too_big'));
  }
  fs.mkdirSync(incomingFolder(dataFolder), { recursive: true });
  const upload = `${crypto.randomBytes(16).toString('hex')}.upload`;
  const file = path.join(incomingFolder(dataFolder), upload);
  let received = 0;
  req.on('data', (chunk: Buffer) => {
    received += chunk.length;
    if (received > MAX_UPLOAD_BYTES) req.destroy(new Error('too large'));
  });
  try {
    await pipeline(req, fs.createWriteStream(file, { flags: 'wx' }));
  } catch {
    fs.rmSync(file, { force: true });
    if (!res.headersSent && !res.destroyed)
      answer(res, 413, refusal('The upload did not complete', 'too_big'));
    return;
  }
  if (purpose === 'import') return answer(res, 200, { ok: true, data: { upload, name } });
  // The worker removes the upload whatever it decides.
  answer(res, 200, await invoke('file.importUpload', { upload, name }));
}

/** A name for Content-Disposition: the user's words kept (RFC 5987), a plain fallback beside them. */
function disposition(fileName: string): string {
  const plain = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * `GET /download/database/<name>?as=<file name>`: a copy the worker made for download
 * (file.exportCopy), sent once and then removed.
 */
export async function sendDownload(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  dataFolder: string,
): Promise<void> {
  if (req.method !== 'GET') return answer(res, 405, refusal('Use GET'));
  const name = url.pathname.slice('/download/database/'.length);
  if (!DOWNLOAD_NAME.test(name)) return answer(res, 404, refusal('No such download'));
  const file = path.join(exportsFolder(dataFolder), name);
  // Taken out of the exports first, so the same address never serves it twice.
  const sending = `${file}.${crypto.randomBytes(4).toString('hex')}.sending`;
  try {
    fs.renameSync(file, sending);
  } catch {
    return answer(res, 404, refusal('No such download'));
  }
  const as = path.basename(url.searchParams.get('as') ?? 'solo-crm.db').slice(0, 255) || 'solo-crm.db';
  res.writeHead(200, {
    'Content-Type': 'application/octet-stream',
    'Content-Length': fs.statSync(sending).size,
    'Content-Disposition': disposition(as),
    'Cache-Control': 'no-store',
  });
  try {
    await pipeline(fs.createReadStream(sending), res);
  } finally {
    fs.rmSync(sending, { force: true });
  }
}

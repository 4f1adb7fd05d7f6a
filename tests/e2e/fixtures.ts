import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page, type TestInfo } from '@playwright/test';

export interface CrmServer {
  url: string;
  dbPath: string;
}

/** Starts the browser edition's server on a new temporary database and waits for its URL. */
async function startServer(dbPath: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src-main/serve.ts', '--db', dbPath, '--data', path.dirname(dbPath), '--port', '0'],
    {
      cwd: path.resolve(import.meta.dirname, '..', '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return { child, url };
}

/** Saves a full-page screenshot of the current screen under test-results/screens/. */
export async function screen(page: Page, info: TestInfo, name: string): Promise<void> {
  const dir = path.resolve('test-results', 'screens');
  fs.mkdirSync(dir, { recursive: true });
  const slug = path.basename(info.file).replace(/\.spec\.ts$/, '');
  const n = String(info.attachments.filter((a) => a.name.startsWith('screen:')).length + 1).padStart(2, '0');
  const file = path.join(dir, `${slug}-${n}-${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await info.attach(`screen:${name}`, { path: file, contentType: 'image/png' });
}

/**
 * Calls one channel of the server the page is on, with the page's cookie (the access token), the
 * way the browser edition's screens do; a refused call fails the test with the server's message.
 */
export async function api<T = unknown>(page: Page, channel: string, input: unknown = {}): Promise<T> {
  const res = await page.request.post(`${new URL(page.url()).origin}/api/${channel}`, { data: input });
  const envelope = (await res.json()) as { ok: true; data: T } | { ok: false; error: { message: string } };
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`);
  return envelope.data;
}

export const test = base.extend<{ crm: CrmServer; firstRun: boolean }>({
  /**
   * Off by default: the new database is marked set up (app.setup, skipped: the seeded lists stay)
   * before the page first loads. `test.use({ firstRun: true })` starts on a database that is not
   * set up yet, so the first-run dialog shows.
   */
  firstRun: [false, { option: true }],
  crm: async ({ page, firstRun }, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'solo-crm-e2e-'));
    const dbPath = path.join(dir, 'crm.db');
    const { child, url } = await startServer(dbPath);
    try {
      if (!firstRun) {
        await page.request.get(url); // takes the access cookie, which the page shares
        const res = await page.request.post(`${new URL(url).origin}/api/app.setup`, {
          data: { template: null },
        });
        expect(await res.json()).toMatchObject({ ok: true, data: { setUp: true } });
      }
      await page.goto(url);
      await use({ url, dbPath });
    } finally {
      // The server takes its backup at close as it stops: wait for it before removing the folder.
      const exited = new Promise((done) => {
        if (child.exitCode !== null || child.signalCode !== null) done(null);
        else child.once('exit', done);
      });
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((done) => setTimeout(done, 15_000))]);
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5 });
    }
  },
});

export { expect };

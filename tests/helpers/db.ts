import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AppErrorData, BaseKind, Channel, ChannelInput, ChannelResult } from '../../src-main/contract';
import { closeDatabase, openDatabase, type Db } from '../../src-main/db/open';
import type { Migration } from '../../src-main/db/migrations';
import { invoke } from '../../src-main/ipc/registry';
import type { HandlerContext } from '../../src-main/records/context';
import { JobManager } from '../../src-main/service/jobs';
import { FileSession } from '../../src-main/service/session';

/** The one instant every fixed-clock test runs at. */
export const FIXED_NOW = '2026-01-02T03:04:05.000Z';

/** A clock the test moves by hand: `now()` returns the last value given to `set`. */
export interface ManualClock {
  now: () => string;
  set: (iso: string) => void;
}

export function manualClock(start: string = FIXED_NOW): ManualClock {
  let current = start;
  return { now: () => current, set: (iso) => (current = iso) };
}

/** A clock that moves forward by `stepMs` on every call, starting at `start`. */
export function steppingClock(start: string = FIXED_NOW, stepMs = 1000): () => string {
  let t = Date.parse(start);
  return () => {
    const iso = new Date(t).toISOString();
    t += stepMs;
    return iso;
  };
}

/** A fresh folder under the OS temp dir; `remove()` deletes it with everything in it. */
export function makeTempDir(prefix = 'solo-crm-test-'): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export interface TestDb {
  ctx: HandlerContext;
  db: Db;
  dir: string;
  path: string;
  /** Closes the connection and deletes the temp folder; safe to call twice. */
  close: () => void;
}

export interface TestDbOptions {
  now?: () => string;
  migrations?: Migration[];
}

/** A real Solo CRM file in its own temp folder, opened through `openDatabase`. */
export function makeTestDb(opts: TestDbOptions = {}): TestDb {
  const tmp = makeTempDir();
  const file = path.join(tmp.dir, 'test.solocrm');
  let opened;
  try {
    opened = openDatabase(file, opts.migrations ? { migrations: opts.migrations } : {});
  } catch (err) {
    tmp.remove();
    throw err;
  }
  const ctx = contextFor(opened.db, opened.path, opened.schemaVersion, opts.now);
  return {
    ctx,
    db: opened.db,
    dir: tmp.dir,
    path: opened.path,
    close: () => {
      void (ctx.jobs as JobManager).stopAll();
      void (ctx.files as FileSession).shutdown();
      closeDatabase(opened.db);
      tmp.remove();
    },
  };
}

/** A handler context around an already open connection. */
export function contextFor(
  db: Db,
  databasePath: string,
  schemaVersion: number,
  now: () => string = () => FIXED_NOW,
): HandlerContext {
  const appVersion = '0.0.0-test';
  // Jobs run in threads of their own on the same file, as in the database worker.
  const jobs = new JobManager({
    file: databasePath,
    dataFolder: path.dirname(databasePath),
    appVersion,
    now,
  });
  // 打开, 新建 … of other files in the same folder, as the worker's session does them.
  const files = new FileSession({ dataFolder: path.dirname(databasePath), appVersion, now });
  return { db, now, databasePath, schemaVersion, appVersion, jobs, files };
}

/** Invokes a channel through the real registry and returns its data; fails the test on an error. */
export function call<C extends Channel>(
  ctx: HandlerContext,
  channel: C,
  input: ChannelInput<C>,
): ChannelResult<C> {
  const res = invoke(ctx, channel, input);
  if (!res.ok) throw new Error(`${channel} failed: ${JSON.stringify(res.error)}`);
  return res.data as ChannelResult<C>;
}

/** Invokes a channel that must fail and returns the error half of the envelope. */
export function callError(ctx: HandlerContext, channel: string, input: unknown): AppErrorData {
  const res = invoke(ctx, channel, input);
  if (res.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(res.data).slice(0, 500)}`);
  return res.error;
}

/** Id of a seeded base-data entry, found by its stable key. */
export function baseId(ctx: HandlerContext, kind: BaseKind, key: string): number {
  const item = call(ctx, 'baseData.list', { kind }).find((i) => i.key === key);
  if (!item) throw new Error(`No ${kind} entry with key ${key}`);
  return item.id;
}

export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

export const sha256File = (file: string): string => sha256(fs.readFileSync(file));

/**
 * What a refused call must leave alone: the customers (count and a hash of every column), the
 * code counters, the base data and the search index's row count.
 */
export function dbSnapshot(db: Db): { customers: number; hash: string } {
  const customers = db.prepare('SELECT count(*) FROM customers').pluck().get() as number;
  // Every real table, the search indexes' shadow tables included, row by row (in rowid or
  // primary-key order, which is how SQLite scans a table without ORDER BY).
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  const parts = tables.map((name) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]);
  return { customers, hash: sha256(JSON.stringify(parts)) };
}

/**
 * A hash of every real table, row by row, streamed: for files too big for dbSnapshot's one
 * string (a trash of a million entries). Equal hashes mean every table is as it was.
 */
export function tableHashes(db: Db): Record<string, string> {
  const tables = db
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((name) => {
      const hash = createHash('sha256');
      for (const row of db.prepare(`SELECT * FROM "${name}"`).raw().iterate())
        hash.update(JSON.stringify(row));
      return [name, hash.digest('hex')];
    }),
  );
}

/** Runs `fn`, which must throw, and returns what it threw. */
export function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('Expected the call to throw, but it returned');
}

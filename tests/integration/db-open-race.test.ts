import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppErrorData } from '../../src-main/contract';
import { loadMigrations } from '../../src-main/db/migrations';
import { APPLICATION_ID, openDatabase } from '../../src-main/db/open';
import { makeTempDir } from '../helpers/db';

/**
 * Two processes opening one new file at the same moment (two windows started at once, or the
 * browser edition beside the desktop app). Before the one-writer lock and the version read again
 * inside BEGIN IMMEDIATE, both ran the first migration and one died with "table … already exists"
 * (6 starts in 20). Now each either opens the file or is told it is in use, and the schema is whole.
 */

const ROUNDS = 20;
const repo = path.resolve(import.meta.dirname, '..', '..');
const childScript = path.join(repo, 'tests', 'helpers', 'open-child.ts');
const all = loadMigrations();

let tmp: ReturnType<typeof makeTempDir>;
/** The schema (minus SQLite's statistics) and seed counts of a file made by one process alone. */
let reference: { schema: unknown[]; baseItems: number };

function schemaOf(file: string): { schema: unknown[]; baseItems: number } {
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(db.pragma('user_version', { simple: true })).toBe(all.length);
    return {
      schema: db
        .prepare(
          "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_stat%' ORDER BY name",
        )
        .all(),
      baseItems: db.prepare('SELECT count(*) FROM base_items').pluck().get() as number,
    };
  } finally {
    db.close();
  }
}

beforeAll(() => {
  tmp = makeTempDir();
  const file = path.join(tmp.dir, 'reference.db');
  openDatabase(file, { migrations: all }).release();
  reference = schemaOf(file);
});
afterAll(() => tmp.remove());

interface Answer {
  opened?: { readOnly: boolean; version: number };
  error?: AppErrorData;
}

/** Starts a process that opens `file` once told to; resolves when it is ready, then with its answer. */
function start(
  file: string,
  holdMs: number,
): { ready: Promise<void>; go: () => void; answer: Promise<Answer> } {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, file, 'once', String(holdMs)], {
    cwd: repo,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  let ready!: () => void;
  const readyP = new Promise<void>((r) => (ready = r));
  let result: Answer | undefined;
  const answer = new Promise<Answer>((resolve, reject) => {
    lines.on('line', (line) => {
      const message = JSON.parse(line) as 'ready' | Answer;
      if (message === 'ready') ready();
      else result = message;
    });
    child.once('exit', (code) =>
      result ? resolve(result) : reject(new Error(`open-child exited with ${code} and no answer`)),
    );
  });
  return { ready: readyP, go: () => child.stdin!.end('go\n'), answer };
}

describe('two processes opening one new file at once', () => {
  it(`each opens it or is told it is in use, and the schema is whole (${ROUNDS} rounds)`, async () => {
    const tally = { opened: 0, inUse: 0 };
    for (let round = 0; round < ROUNDS; round++) {
      const folder = path.join(tmp.dir, `round-${round}`);
      fs.mkdirSync(folder);
      const file = path.join(folder, '新的 客户.db');
      // Every other round the first to open keeps the file a moment, so that the other, which
      // waits for the lock a little, finds it in use; otherwise it opens once the first is done.
      const holdMs = round % 2 === 0 ? 0 : 600;
      const pair = [start(file, holdMs), start(file, holdMs)];
      await Promise.all(pair.map((p) => p.ready));
      for (const p of pair) p.go();
      const answers = await Promise.all(pair.map((p) => p.answer));
      for (const a of answers) {
        if (a.opened) {
          expect(a.opened).toEqual(expect.objectContaining({ readOnly: false, version: all.length }));
          tally.opened++;
        } else {
          expect(a.error, `round ${round}`).toMatchObject({ code: 'FILE_IN_USE' });
          tally.inUse++;
        }
      }
      expect(answers.some((a) => a.opened)).toBe(true);
      expect(schemaOf(file)).toEqual(reference);
      // Neither left a lock, a log or a copy beside the file.
      expect(fs.readdirSync(folder)).toEqual(['新的 客户.db']);
    }
    expect(tally.opened + tally.inUse).toBe(2 * ROUNDS);
    // The starts did meet: some found the file in use.
    expect(tally.inUse).toBeGreaterThan(0);
  }, 120_000);
});

describe('the first migration, read again inside its transaction', () => {
  it('skips the migrations another connection applied between the read and BEGIN IMMEDIATE', () => {
    const file = path.join(tmp.dir, 'upgrade.db');
    openDatabase(file, { migrations: all.slice(0, 3) }).release();
    const racer: { applied?: number } = {};
    const o = openDatabase(file, {
      migrations: all,
      // Runs after the version is read and before the write lock is taken: the moment another
      // process could upgrade the file first.
      backupBeforeUpgrade: (db, from) => {
        expect(from).toBe(3);
        const other = openDatabase(file, {
          migrations: all,
          lock: false,
          backupBeforeUpgrade: () => undefined,
        });
        racer.applied = other.db.pragma('user_version', { simple: true }) as number;
        other.release();
      },
    });
    expect(racer.applied).toBe(all.length);
    expect(o.db.pragma('user_version', { simple: true })).toBe(all.length);
    o.release();
    expect(schemaOf(file).schema).toEqual(reference.schema);
  });
});

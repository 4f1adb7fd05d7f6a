import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackup } from '../../src-main/files/backups';
import { copySnapshot } from '../../src-main/files/snapshot-copy';
import { fillCustomers, startWriter, type Writer } from '../helpers/backups';
import { makeTempDir, makeTestDb, type TestDb } from '../helpers/db';

/**
 * Backups taken while another connection, in a thread of its own, commits a write after another
 * (a customer added and another changed, in one transaction): each backup must finish, pass
 * integrity_check and hold every write acknowledged before it began, and one snapshot only (the
 * writer's customers numbered without a gap); the writer must go on meanwhile.
 */

let t: TestDb;
let userData: ReturnType<typeof makeTempDir>;
let writer: Writer | undefined;

beforeEach(() => {
  t = makeTestDb();
  userData = makeTempDir('solo-crm-userdata-');
  // About 20 MB: several steps of a page copy.
  fillCustomers(t.db, 15_000);
});

afterEach(async () => {
  await writer?.stop();
  writer = undefined;
  t.close();
  userData.remove();
});

/** The writer's customers in a backup: how many, and the highest number. */
function writesIn(file: string): { count: number; last: number; integrity: string } {
  const db = new Database(file, { readonly: true });
  try {
    const row = db
      .prepare(
        "SELECT count(*) AS count, max(CAST(substr(code, 2) AS INTEGER)) AS last FROM customers WHERE code LIKE 'W%'",
      )
      .get() as { count: number; last: number | null };
    return {
      count: row.count,
      last: row.last ?? 0,
      integrity: db.pragma('integrity_check', { simple: true }) as string,
    };
  } finally {
    db.close();
  }
}

async function writesGoOn(w: Writer, from: number): Promise<void> {
  while (w.acked() < from + 20) await new Promise((r) => setTimeout(r, 5));
}

describe('a backup while another connection writes', () => {
  it.each(['pages', 'auto'] as const)(
    'finishes, is whole, and holds every write acknowledged before it began (%s copy)',
    async (method) => {
      const w = (writer = startWriter(t.path));
      for (let round = 0; round < 3; round++) {
        await writesGoOn(w, w.acked());
        const before = w.acked();
        const info = await createBackup(t.db, { userData: userData.dir, reason: 'interval', method });
        const after = w.acked();
        const got = writesIn(info.file);
        expect(got.integrity).toBe('ok');
        expect(got.last).toBeGreaterThanOrEqual(before);
        expect(got.count).toBe(got.last);
        expect(info.counts!.customers).toBe(15_000 + got.count);
        // The writer was not held up: it committed while the backup ran.
        expect(after).toBeGreaterThan(before);
      }
    },
  );

  it('copies the file itself when the log is settled, and page by page under steady writes', async () => {
    const w = (writer = startWriter(t.path));
    const methods: string[] = [];
    for (let round = 0; round < 6; round++) {
      // Every other round with the writer paused: nothing is committed while the copy starts.
      await w.pause(round % 2 === 0);
      await writesGoOn(w, round % 2 === 0 ? -Infinity : w.acked());
      const before = w.acked();
      const dest = path.join(userData.dir, `copy-${round}.db`);
      const copy = await copySnapshot(t.db, dest, {});
      methods.push(copy.method);
      const got = writesIn(dest);
      expect(got.integrity).toBe('ok');
      expect(got.last).toBeGreaterThanOrEqual(before);
      expect(got.count).toBe(got.last);
      expect(copy.counts.customers).toBe(15_000 + got.count);
    }
    // Paused: always the file. Writing: whichever the moment allows, always one snapshot.
    expect(methods.filter((_, i) => i % 2 === 0)).toEqual(['file', 'file', 'file']);
  });
});

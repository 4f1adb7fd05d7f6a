import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../../src-main/db/open';
import { JobCancelled } from '../../src-main/jobs/control';
import {
  assignNewDatabaseId,
  backupFile,
  backupsDir,
  changeStamp,
  createBackup,
  ensureDatabaseId,
  listBackups,
  readDatabaseId,
  verifyBackupFile,
} from '../../src-main/files/backups';
import { fillCustomers, recordingJob } from '../helpers/backups';
import {
  FIXED_NOW,
  makeTempDir,
  makeTestDb,
  sha256File,
  steppingClock,
  thrownBy,
  type TestDb,
} from '../helpers/db';

let t: TestDb;
let userData: ReturnType<typeof makeTempDir>;

beforeEach(() => {
  t = makeTestDb();
  userData = makeTempDir('solo-crm-userdata-');
  fillCustomers(t.db, 3000);
});

afterEach(() => {
  t.close();
  userData.remove();
});

const dirOf = (db: Db) => backupsDir(userData.dir, ensureDatabaseId(db));
const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

/** Overwrites one whole page in the middle of a database file with garbage. */
function damage(file: string): void {
  const pageSize = 4096;
  const fd = fs.openSync(file, 'r+');
  const page = Math.floor(fs.statSync(file).size / pageSize / 2);
  fs.writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, page * pageSize);
  fs.closeSync(fd);
}

describe('taking a backup', () => {
  it('writes a verified copy into <userData>/backups/<database id>/, listed with time, reason, size and counts', async () => {
    const job = recordingJob();
    const info = await createBackup(t.db, {
      userData: userData.dir,
      reason: 'manual',
      now: () => FIXED_NOW,
      job,
    });
    const id = readDatabaseId(t.db)!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const dir = path.join(userData.dir, 'backups', id);
    expect(info).toMatchObject({
      name: '20260102T030405000Z-manual.db',
      file: path.join(dir, '20260102T030405000Z-manual.db'),
      time: FIXED_NOW,
      reason: 'manual',
      verified: true,
      schemaVersion: t.ctx.schemaVersion,
    });
    expect(info.counts).toMatchObject({ customers: 3000, contacts: 0, sales: 0, trash: 0 });
    expect(info.sizeBytes).toBe(fs.statSync(info.file).size);
    expect(listBackups(dir)).toEqual([info]);
    // The backup and its record only: no log, no temporary file, nothing beside the database.
    expect(filesIn(dir)).toEqual([info.name, `${info.name}.json`]);
    expect(filesIn(t.dir).filter((f) => !f.startsWith('test.solocrm'))).toEqual([]);
    // Progress: the pages of the copy, then the check.
    expect(job.events[0]).toMatch(/^copy 0\/\d+$/);
    expect(job.events).toContain(`copy ${info.sizeBytes / 4096}/${info.sizeBytes / 4096}`);
    expect(job.events.at(-1)).toBe('verify 1/1');

    const copy = new Database(info.file, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(3000);
    copy.close();
    expect(filesIn(dir)).toEqual([info.name, `${info.name}.json`]);
  });

  it('copies page by page when asked, to the same result', async () => {
    const info = await createBackup(t.db, { userData: userData.dir, reason: 'open', method: 'pages' });
    expect(info).toMatchObject({ reason: 'open', verified: true, counts: { customers: 3000 } });
    expect(filesIn(path.dirname(info.file))).toEqual([info.name, `${info.name}.json`]);
  });

  it('keeps the database id in the file; a copy given a new id has backups of its own', async () => {
    const first = await createBackup(t.db, { userData: userData.dir, reason: 'manual' });
    const id = ensureDatabaseId(t.db);
    expect(ensureDatabaseId(t.db)).toBe(id);

    // 另存副本: the copy carries the id until it is given its own.
    const copyPath = path.join(t.dir, 'copy.solocrm');
    t.db.prepare('VACUUM INTO ?').run(copyPath);
    const copy = openDatabase(copyPath).db;
    try {
      expect(readDatabaseId(copy)).toBe(id);
      const newId = assignNewDatabaseId(copy);
      expect(newId).not.toBe(id);
      const ofCopy = await createBackup(copy, { userData: userData.dir, reason: 'manual' });
      expect(path.dirname(ofCopy.file)).toBe(path.join(userData.dir, 'backups', newId));
      expect(listBackups(dirOf(t.db)).map((b) => b.name)).toEqual([first.name]);
    } finally {
      copy.close();
    }
    // Reopened, the file still has its id.
    t.db.close();
    const again = new Database(t.path, { readonly: true });
    expect(readDatabaseId(again)).toBe(id);
    again.close();
  });

  it('detects a damaged backup', async () => {
    const info = await createBackup(t.db, { userData: userData.dir, reason: 'manual' });
    expect(verifyBackupFile(info.file)).toMatchObject({ ok: true, problems: [] });
    damage(info.file);
    const check = verifyBackupFile(info.file);
    expect(check.ok).toBe(false);
    expect(check.problems.length).toBeGreaterThan(0);
    // Checking leaves nothing beside the file.
    expect(filesIn(path.dirname(info.file))).toEqual([info.name, `${info.name}.json`]);
  });

  it.each(['auto', 'pages'] as const)(
    'refuses to keep a copy of a damaged database (%s copy)',
    async (method) => {
      const dir = dirOf(t.db);
      t.db.close();
      damage(t.path);
      const damaged = new Database(t.path);
      try {
        await expect(
          createBackup(damaged, { userData: userData.dir, reason: 'manual', method }),
        ).rejects.toMatchObject({ code: 'FILE_DAMAGED', message: expect.stringMatching(/failed its check/) });
      } finally {
        damaged.close();
      }
      expect(listBackups(dir)).toEqual([]);
      expect(filesIn(dir)).toEqual([]);
    },
  );

  it.each(['auto', 'pages'] as const)(
    'leaves no file behind when cancelled at any step (%s copy)',
    async (method) => {
      const dir = dirOf(t.db);
      let completed = false;
      for (let cancelAt = 1; !completed; cancelAt++) {
        const job = recordingJob(cancelAt);
        try {
          const info = await createBackup(t.db, { userData: userData.dir, reason: 'manual', job, method });
          completed = true;
          expect(filesIn(dir)).toEqual([info.name, `${info.name}.json`]);
        } catch (err) {
          expect(err).toBeInstanceOf(JobCancelled);
          expect(filesIn(dir)).toEqual([]);
          expect(t.db.inTransaction).toBe(false);
        }
        expect(cancelAt).toBeLessThan(20);
      }
    },
  );

  it('backs up a closed file as it is, and refuses a damaged one (before an upgrade)', () => {
    const dir = dirOf(t.db);
    closeDatabase(t.db);
    const info = backupFile(t.path, dir, 'before-upgrade', { now: () => FIXED_NOW });
    expect(info).toMatchObject({ reason: 'before-upgrade', verified: true, counts: { customers: 3000 } });
    expect(sha256File(info.file)).toBe(sha256File(t.path));
    damage(t.path);
    expect(thrownBy(() => backupFile(t.path, dir, 'before-upgrade'))).toMatchObject({ code: 'FILE_DAMAGED' });
    expect(filesIn(dir)).toEqual([info.name, `${info.name}.json`]);
  });

  it('prunes the catalog after each backup by the retention rules (clock injected)', async () => {
    // Six backups in one morning, then one eight weeks and a day later.
    const clock = steppingClock('2026-03-02T01:00:00.000Z', 10 * 60_000);
    const morning = [];
    for (let i = 0; i < 6; i++) {
      morning.push(await createBackup(t.db, { userData: userData.dir, reason: 'interval', now: clock }));
    }
    const dir = dirOf(t.db);
    expect(listBackups(dir).map((b) => b.name)).toEqual(
      morning
        .slice(-4)
        .reverse()
        .map((b) => b.name),
    );
    const later = await createBackup(t.db, {
      userData: userData.dir,
      reason: 'open',
      now: () => '2026-04-28T01:00:00.000Z',
    });
    // Still the 4 newest; nothing else: the morning's week is 9 weeks back.
    expect(listBackups(dir).map((b) => b.name)).toEqual([
      later.name,
      ...morning
        .slice(-3)
        .reverse()
        .map((b) => b.name),
    ]);
    expect(filesIn(dir)).toHaveLength(8);
  });

  it('lists only backups: other files are ignored, and one whose record is lost is not called verified', async () => {
    const info = await createBackup(t.db, { userData: userData.dir, reason: 'manual' });
    const dir = path.dirname(info.file);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'hello');
    fs.writeFileSync(path.join(dir, '20260102T030405000Z-sometime.db'), 'x');
    fs.rmSync(`${info.file}.json`);
    expect(listBackups(dir)).toEqual([{ ...info, verified: false, counts: null, schemaVersion: null }]);
  });
});

describe('what changed since the last backup', () => {
  it('moves with writes of this connection or another one, not with reads or a backup', async () => {
    const stamp = changeStamp(t.db);
    t.db.prepare('SELECT count(*) FROM customers').get();
    expect(changeStamp(t.db)).toBe(stamp);
    await createBackup(t.db, { userData: userData.dir, reason: 'manual' });
    await createBackup(t.db, { userData: userData.dir, reason: 'manual', method: 'pages' });
    // The id was written by the first backup: stamp again after it.
    const afterBackups = changeStamp(t.db);
    await createBackup(t.db, { userData: userData.dir, reason: 'interval' });
    expect(changeStamp(t.db)).toBe(afterBackups);

    t.db.prepare("UPDATE customers SET notes = 'x' WHERE id = 1").run();
    const afterOwnWrite = changeStamp(t.db);
    expect(afterOwnWrite).not.toBe(afterBackups);

    const other = new Database(t.path);
    other.prepare("UPDATE customers SET notes = 'y' WHERE id = 2").run();
    other.close();
    expect(changeStamp(t.db)).not.toBe(afterOwnWrite);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/db/errors';
import { defaultMigrationsDir, loadMigrations } from '../../src-main/db/migrations';
import {
  APPLICATION_ID,
  closeDatabase,
  openDatabase,
  type OpenOptions,
  type OpenedDatabase,
} from '../../src-main/db/open';
import { call, contextFor, makeTempDir, sha256File, thrownBy } from '../helpers/db';

const all = loadMigrations();
const latest = all.length;

let tmp: ReturnType<typeof makeTempDir>;
const opened: OpenedDatabase[] = [];

beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => {
  for (const o of opened.splice(0)) closeDatabase(o.db);
  tmp.remove();
});

const file = (name = 'crm.db') => path.join(tmp.dir, name);

function open(p: string, migrations = all, opts: OpenOptions = {}): OpenedDatabase {
  const o = openDatabase(p, { migrations, ...opts });
  opened.push(o);
  return o;
}

function close(o: OpenedDatabase): void {
  closeDatabase(o.db);
}

/** A plain SQLite connection that knows nothing of Solo CRM. */
function raw(p: string, fn: (db: Database.Database) => void): void {
  const db = new Database(p);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

function pragmas(p: string): { appId: number; version: number } {
  let out = { appId: -1, version: -1 };
  raw(p, (db) => {
    out = {
      appId: db.pragma('application_id', { simple: true }) as number,
      version: db.pragma('user_version', { simple: true }) as number,
    };
  });
  return out;
}

function expectAppError(fn: () => unknown, code: string): AppError {
  const err = thrownBy(fn);
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

/** Asserts that opening `p` is refused with `code` and that neither the file nor its folder changed. */
function expectRefusedUntouched(p: string, code: 'FILE_NOT_SQLITE' | 'FILE_NOT_CRM' | 'FILE_TOO_NEW'): void {
  const before = sha256File(p);
  const listing = fs.readdirSync(path.dirname(p)).sort();
  expectAppError(() => open(p), code);
  expect(sha256File(p)).toBe(before);
  expect(fs.readdirSync(path.dirname(p)).sort()).toEqual(listing);
}

/** A migrations folder holding a copy of the real ones plus the given extra files. */
function migrationsDirWith(extra: Record<string, string>): string {
  const dir = path.join(tmp.dir, `migrations-${Object.keys(extra).join('-')}`);
  fs.mkdirSync(dir);
  for (const f of fs.readdirSync(defaultMigrationsDir())) {
    fs.copyFileSync(path.join(defaultMigrationsDir(), f), path.join(dir, f));
  }
  for (const [name, sql] of Object.entries(extra)) fs.writeFileSync(path.join(dir, name), sql);
  return dir;
}

const nextName = (n: number, name: string) => `${String(n).padStart(4, '0')}_${name}.sql`;

describe('openDatabase on a new file', () => {
  it('stamps the Solo CRM application id and the latest schema version', () => {
    const o = open(file());
    expect(o.schemaVersion).toBe(latest);
    expect(o.backupPath).toBeUndefined();
    expect(o.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(APPLICATION_ID).toBe(0x5343524d);
    expect(o.db.pragma('user_version', { simple: true })).toBe(latest);
  });

  it('turns on WAL, foreign keys and synchronous=FULL', () => {
    const o = open(file());
    expect(o.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(o.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(o.db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('creates missing parent folders', () => {
    const p = path.join(tmp.dir, 'a', 'b', 'crm.db');
    open(p);
    expect(fs.existsSync(p)).toBe(true);
  });

  it('makes a 0-byte file into a new database when asked to (initializeEmpty)', () => {
    const p = file();
    fs.writeFileSync(p, '');
    const o = open(p, all, { initializeEmpty: true });
    expect(o.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect(o.db.pragma('user_version', { simple: true })).toBe(latest);
    expect(o.db.prepare('SELECT count(*) FROM base_items').pluck().get()).toBeGreaterThan(0);
  });

  it('is idempotent: reopening keeps the data and does not seed twice or back up', () => {
    const p = file();
    const first = open(p);
    const ctx = contextFor(first.db, p, first.schemaVersion);
    call(ctx, 'customers.create', { name: '北京华信科技有限公司' });
    const baseCount = first.db.prepare('SELECT count(*) FROM base_items').pluck().get();
    close(first);

    const second = open(p);
    expect(second.backupPath).toBeUndefined();
    expect(second.db.pragma('user_version', { simple: true })).toBe(latest);
    expect(second.db.prepare('SELECT count(*) FROM base_items').pluck().get()).toBe(baseCount);
    const ctx2 = contextFor(second.db, p, second.schemaVersion);
    expect(call(ctx2, 'customers.list', { keyword: '科技' }).rows.map((r) => r.name)).toEqual([
      '北京华信科技有限公司',
    ]);
    close(second);
    expect(fs.readdirSync(tmp.dir).filter((f) => f.endsWith('.bak'))).toEqual([]);
  });
});

describe('openDatabase refuses files it must not touch', () => {
  it('refuses a Solo CRM file from a newer version (FILE_TOO_NEW), leaving it unchanged', () => {
    const p = file();
    close(open(p));
    raw(p, (db) => db.pragma(`user_version = ${latest + 1}`));
    expect(pragmas(p)).toEqual({ appId: APPLICATION_ID, version: latest + 1 });
    expectRefusedUntouched(p, 'FILE_TOO_NEW');
  });

  it('refuses a file far beyond the latest version, even in rollback-journal mode', () => {
    const p = file();
    raw(p, (db) => {
      db.exec('CREATE TABLE future_things (id INTEGER PRIMARY KEY, x TEXT)');
      db.prepare('INSERT INTO future_things (x) VALUES (?)').run('keep me');
      db.pragma(`application_id = ${APPLICATION_ID}`);
      db.pragma('user_version = 9999');
    });
    expectRefusedUntouched(p, 'FILE_TOO_NEW');
  });

  it('refuses a text file (FILE_NOT_SQLITE), leaving it unchanged', () => {
    const p = file('notes.txt');
    fs.writeFileSync(p, '客户名单\nname,phone\n北京华信科技有限公司,010-8888 1234\n'.repeat(50));
    expectRefusedUntouched(p, 'FILE_NOT_SQLITE');
  });

  it('refuses a file of random bytes (FILE_NOT_SQLITE), leaving it unchanged', () => {
    const p = file('noise.bin');
    // A fixed linear congruential sequence: arbitrary bytes, the same on every run.
    const bytes = Buffer.alloc(8192);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) {
      x = (x * 1103515245 + 12345) >>> 0;
      bytes[i] = x >>> 24;
    }
    fs.writeFileSync(p, bytes);
    expectRefusedUntouched(p, 'FILE_NOT_SQLITE');
  });

  it("refuses another application's SQLite database (FILE_NOT_CRM), leaving it unchanged", () => {
    const p = file('other-app.sqlite');
    raw(p, (db) => {
      db.exec(
        'CREATE TABLE customers (id INTEGER PRIMARY KEY, title TEXT); CREATE TABLE invoices (n INTEGER)',
      );
      db.prepare('INSERT INTO customers (title) VALUES (?)').run('not ours');
    });
    expect(pragmas(p).appId).toBe(0);
    expectRefusedUntouched(p, 'FILE_NOT_CRM');
  });

  it('refuses a SQLite database stamped with a different application id', () => {
    const p = file('other-id.sqlite');
    raw(p, (db) => {
      db.exec('CREATE TABLE t (x)');
      db.pragma('application_id = 1234');
      db.pragma('user_version = 1');
    });
    expectRefusedUntouched(p, 'FILE_NOT_CRM');
  });

  it('refuses a folder given as the database path', () => {
    const p = path.join(tmp.dir, 'a-folder');
    fs.mkdirSync(p);
    expectAppError(() => open(p), 'FILE_NOT_SQLITE');
    expect(fs.readdirSync(p)).toEqual([]);
  });
});

describe('loadMigrations', () => {
  it('reads the repository migrations in order, numbered 1..N', () => {
    expect(all.length).toBeGreaterThanOrEqual(1);
    all.forEach((m, i) => {
      expect(m.version).toBe(i + 1);
      expect(m.name.startsWith(String(i + 1).padStart(4, '0'))).toBe(true);
      expect(m.sql.length).toBeGreaterThan(0);
    });
  });

  it('rejects a gap in the numbering', () => {
    const dir = path.join(tmp.dir, 'gap');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '0001_a.sql'), 'CREATE TABLE a (x);');
    fs.writeFileSync(path.join(dir, '0003_b.sql'), 'CREATE TABLE b (x);');
    expect(() => loadMigrations(dir)).toThrow(/0003_b\.sql is out of sequence/);
  });

  it('rejects a folder that does not start at 0001', () => {
    const dir = path.join(tmp.dir, 'late-start');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '0002_b.sql'), 'CREATE TABLE b (x);');
    expect(() => loadMigrations(dir)).toThrow(/out of sequence/);
  });

  it('ignores files that are not NNNN_name.sql', () => {
    const dir = path.join(tmp.dir, 'mixed');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, '0001_a.sql'), 'CREATE TABLE a (x);');
    fs.writeFileSync(path.join(dir, 'README.md'), '# notes');
    fs.writeFileSync(path.join(dir, '0002_b.sql.orig'), 'junk');
    expect(loadMigrations(dir).map((m) => m.name)).toEqual(['0001_a.sql']);
  });
});

describe.each(all.map((m) => [m.name, m.version] as const))('migration %s', (_name, n) => {
  it(`upgrades a version ${n - 1} file to version ${n}, keeping its data`, () => {
    const p = file();
    const before = open(p, all.slice(0, n - 1));
    const hasData = n - 1 >= 1;
    if (hasData) {
      before.db
        .prepare("INSERT INTO customers (code, name, created_at, updated_at) VALUES ('C900001', ?, ?, ?)")
        .run('升级前的客户', '2025-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z');
    }
    close(before);

    const after = open(p, all.slice(0, n));
    expect(after.db.pragma('user_version', { simple: true })).toBe(n);
    expect(after.db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    if (hasData) {
      expect(after.backupPath?.startsWith(`${p}.v${n - 1}-`)).toBe(true);
      expect(after.backupPath).toMatch(/\.bak$/);
      const names = after.db.prepare("SELECT name FROM customers WHERE code = 'C900001'").pluck().all();
      expect(names).toEqual(['升级前的客户']);
    }
    close(after);

    const latestOpen = open(p);
    expect(latestOpen.db.pragma('user_version', { simple: true })).toBe(latest);
  });
});

describe('migration 0001 seed data', () => {
  it('seeds the opportunity stages with their default probabilities', () => {
    const o = open(file());
    const ctx = contextFor(o.db, o.path, o.schemaVersion);
    const stages = call(ctx, 'baseData.list', { kind: 'opportunity_stage' });
    expect(stages.map((s) => [s.nameZh, s.probability])).toEqual([
      ['初步接触', 10],
      ['需求确认', 30],
      ['方案报价', 50],
      ['谈判', 70],
      ['赢单', 100],
      ['输单', 0],
    ]);
    expect(stages.every((s) => s.active && s.kind === 'opportunity_stage')).toBe(true);
  });

  it('seeds the lifecycle stages in order', () => {
    const o = open(file());
    const ctx = contextFor(o.db, o.path, o.schemaVersion);
    const stages = call(ctx, 'baseData.list', { kind: 'lifecycle_stage' });
    expect(stages.map((s) => s.nameZh)).toEqual(['考察期', '形成期', '稳定期', '退化期']);
    expect(stages.map((s) => s.key)).toEqual(['prospecting', 'developing', 'stable', 'declining']);
    expect(stages.every((s) => s.probability === null)).toBe(true);
  });

  it('seeds the customer types and feedback types of the lab guide', () => {
    const o = open(file());
    const ctx = contextFor(o.db, o.path, o.schemaVersion);
    expect(call(ctx, 'baseData.list', { kind: 'customer_type' }).map((s) => s.key)).toEqual([
      'customer',
      'prospect',
      'partner',
      'distributor',
      'competitor',
    ]);
    expect(call(ctx, 'baseData.list', { kind: 'feedback_type' }).map((s) => s.nameZh)).toEqual([
      '咨询',
      '建议',
      '投诉',
      '维修',
    ]);
  });
});

describe('upgrading an older file', () => {
  const extra = {
    [nextName(latest + 1, 'test')]: 'CREATE TABLE upgrade_probe (id INTEGER PRIMARY KEY, x TEXT);',
  };

  function makeOldFile(p: string): void {
    const o = open(p);
    const ctx = contextFor(o.db, p, o.schemaVersion);
    call(ctx, 'customers.create', { name: '旧版本客户', phone: '010-1234 5678' });
    close(o);
  }

  it('takes a .vN.bak copy first, which opens at the old version with the old data', () => {
    const p = file();
    makeOldFile(p);
    const withNext = loadMigrations(migrationsDirWith(extra));
    expect(withNext).toHaveLength(latest + 1);

    const up = open(p, withNext);
    const backup = up.backupPath!;
    expect(backup.startsWith(`${p}.v${latest}-`)).toBe(true);
    expect(backup).toMatch(/\.bak$/);
    expect(up.db.pragma('user_version', { simple: true })).toBe(latest + 1);
    expect(
      up.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'upgrade_probe'").pluck().get(),
    ).toBe(1);
    expect(up.db.prepare('SELECT name FROM customers').pluck().all()).toEqual(['旧版本客户']);
    close(up);

    expect(fs.existsSync(backup)).toBe(true);
    raw(backup, (db) => {
      expect(db.pragma('user_version', { simple: true })).toBe(latest);
      expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
      expect(db.prepare('SELECT name FROM customers').pluck().all()).toEqual(['旧版本客户']);
      expect(
        db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'upgrade_probe'").pluck().get(),
      ).toBe(0);
    });
  });

  it('refuses the upgraded file in a build that only knows the older schema', () => {
    const p = file();
    makeOldFile(p);
    close(open(p, loadMigrations(migrationsDirWith(extra))));
    expectRefusedUntouched(p, 'FILE_TOO_NEW');
  });

  it('rolls a failing migration back completely, leaving the file at its old version', () => {
    const p = file();
    makeOldFile(p);
    const broken = loadMigrations(
      migrationsDirWith({
        [nextName(latest + 1, 'broken')]:
          "CREATE TABLE half_done (x); UPDATE customers SET name = 'changed'; SELECT * FROM no_such_table;",
      }),
    );
    expect(() => open(p, broken)).toThrow(/no_such_table/);

    const again = open(p);
    expect(again.db.pragma('user_version', { simple: true })).toBe(latest);
    expect(again.db.prepare('SELECT name FROM customers').pluck().all()).toEqual(['旧版本客户']);
    expect(
      again.db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'half_done'").pluck().get(),
    ).toBe(0);
  });

  it('can still upgrade after an earlier upgrade attempt failed and left its backup behind', () => {
    const p = file();
    makeOldFile(p);
    const broken = loadMigrations(
      migrationsDirWith({ [nextName(latest + 1, 'broken')]: 'SELECT * FROM no_such_table;' }),
    );
    expect(() => open(p, broken)).toThrow();
    const left = fs
      .readdirSync(path.dirname(p))
      .filter((f) => f.startsWith(`${path.basename(p)}.v${latest}-`));
    expect(left).toHaveLength(1);

    // The next release ships a working migration; the user's file must open and upgrade.
    const fixed = loadMigrations(migrationsDirWith(extra));
    const up = open(p, fixed);
    expect(up.db.pragma('user_version', { simple: true })).toBe(latest + 1);
    expect(up.db.prepare('SELECT name FROM customers').pluck().all()).toEqual(['旧版本客户']);
  });
});

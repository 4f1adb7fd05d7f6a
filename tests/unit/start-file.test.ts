import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveDatabasePath } from '../../src-main/db/paths';
import { lastOpenedFile, rememberRecent } from '../../src-main/files/recent';
import { makeTempDir } from '../helpers/db';

/** Which file the app opens at start: the one asked for, else the one used last, else the default. */

let tmp: ReturnType<typeof makeTempDir>;
const at = (name: string) => path.join(tmp.dir, name);

beforeEach(() => {
  tmp = makeTempDir();
});
afterEach(() => tmp.remove());

const start = (opts: { cliPath?: string; env?: NodeJS.ProcessEnv } = {}) =>
  resolveDatabasePath({ env: {}, ...opts, userData: tmp.dir, lastOpened: lastOpenedFile(tmp.dir) });

describe('the file opened at start', () => {
  it('is the default file in the user-data folder the first time', () => {
    expect(start()).toBe(at('solo-crm.db'));
  });

  it('is the file opened last, while it is still where it was', () => {
    fs.writeFileSync(at('期末 作业.db'), 'x');
    fs.writeFileSync(at('older.db'), 'x');
    rememberRecent(tmp.dir, { path: at('older.db'), openedAt: '2026-12-01T08:00:00.000Z' });
    rememberRecent(tmp.dir, { path: at('期末 作业.db'), openedAt: '2026-12-02T08:00:00.000Z' });
    expect(start()).toBe(at('期末 作业.db'));
    // Moved away: not made again, empty, at the old path; the default opens instead.
    fs.rmSync(at('期末 作业.db'));
    expect(start()).toBe(at('solo-crm.db'));
  });

  it('is the one asked for, by --db or SOLO_CRM_DB, before the one opened last', () => {
    fs.writeFileSync(at('last.db'), 'x');
    rememberRecent(tmp.dir, { path: at('last.db'), openedAt: '2026-12-02T08:00:00.000Z' });
    expect(start({ cliPath: at('asked.db') })).toBe(at('asked.db'));
    expect(start({ env: { SOLO_CRM_DB: at('env.db') } })).toBe(at('env.db'));
  });

  it('is the default when the recent list is damaged', () => {
    fs.writeFileSync(at('recent.json'), '{not json');
    expect(start()).toBe(at('solo-crm.db'));
  });
});

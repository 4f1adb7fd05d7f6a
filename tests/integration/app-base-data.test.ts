import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseKinds } from '../../src-main/contract';
import { loadMigrations } from '../../src-main/db/migrations';
import { call, makeTestDb, type TestDb } from '../helpers/db';

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.close());

describe('app.info', () => {
  it('reports the open file, its schema version and the app version', () => {
    expect(call(t.ctx, 'app.info', {})).toEqual({
      version: '0.0.0-test',
      databasePath: t.path,
      schemaVersion: loadMigrations().length,
    });
  });
});

describe('baseData.list', () => {
  it('seeds at least one entry for every kind of list', () => {
    const all = call(t.ctx, 'baseData.list', {});
    for (const kind of baseKinds) expect(all.filter((i) => i.kind === kind).length, kind).toBeGreaterThan(0);
    expect(new Set(all.map((i) => i.kind))).toEqual(new Set(baseKinds));
  });

  it('lists everything grouped by kind, each group in its sort order', () => {
    const all = call(t.ctx, 'baseData.list', {});
    const kinds = all.map((i) => i.kind);
    expect(kinds).toEqual([...kinds].sort());
    for (const kind of baseKinds) {
      const group = all.filter((i) => i.kind === kind);
      expect(group).toEqual(call(t.ctx, 'baseData.list', { kind }));
      const orders = group.map((i) => i.sortOrder);
      expect(orders).toEqual([...orders].sort((x, y) => x - y));
    }
  });

  it('returns only the requested kind, in the contract shape', () => {
    const levels = call(t.ctx, 'baseData.list', { kind: 'customer_level' });
    expect(levels.map((l) => l.key)).toEqual(['vip', 'major', 'normal', 'small']);
    expect(levels[0]).toEqual({
      id: expect.any(Number),
      kind: 'customer_level',
      key: 'vip',
      nameZh: 'VIP客户',
      nameEn: 'VIP',
      sortOrder: 1,
      probability: null,
      active: true,
    });
  });

  it('gives every seeded entry a name in both languages and a key unique within its kind', () => {
    const all = call(t.ctx, 'baseData.list', {});
    for (const item of all) {
      expect(item.nameZh.trim()).not.toBe('');
      expect(item.nameEn.trim()).not.toBe('');
    }
    const keys = all.map((i) => `${i.kind}/${i.key}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

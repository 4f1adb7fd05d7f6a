import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type OpenedDatabase } from '../../src-main/db/open';
import { invoke } from '../../src-main/ipc/registry';
import type { HandlerContext } from '../../src-main/records/context';
import { call, callError, contextFor, makeTempDir, steppingClock } from '../helpers/db';

/**
 * Two connections to one file stand in for two windows or processes (the desktop app and the
 * browser edition may open the same file).
 */
let tmp: ReturnType<typeof makeTempDir>;
let file: string;
const conns: OpenedDatabase[] = [];
const extra: Database.Database[] = [];
let a: HandlerContext;
let b: HandlerContext;

function connect(): HandlerContext {
  const o = openDatabase(file);
  conns.push(o);
  return contextFor(o.db, o.path, o.schemaVersion, steppingClock());
}

beforeEach(() => {
  tmp = makeTempDir();
  file = path.join(tmp.dir, 'shared.db');
  a = connect();
  b = connect();
});
afterEach(() => {
  for (const d of extra.splice(0)) d.close();
  for (const o of conns.splice(0)) closeDatabase(o.db);
  tmp.remove();
});

describe('two connections to the same file', () => {
  it('see each other’s committed writes, search index included', () => {
    const c = call(a, 'customers.create', { name: '北京华信科技有限公司' });
    expect(call(b, 'customers.get', { id: c.id })).toEqual(c);
    expect(call(b, 'customers.list', { keyword: '科技' }).rows.map((r) => r.id)).toEqual([c.id]);
    const d = call(b, 'customers.create', { name: '上海明达贸易' });
    expect(d.code).toBe('C000002');
    expect(call(a, 'customers.list', {}).total).toBe(2);
  });

  it('let exactly one of two saves of the same version win; the other gets CONFLICT', () => {
    const c = call(a, 'customers.create', { name: '原名', phone: '000' });
    const seenByA = call(a, 'customers.get', { id: c.id });
    const seenByB = call(b, 'customers.get', { id: c.id });
    expect(seenByA.version).toBe(seenByB.version);

    const results = [
      invoke(a, 'customers.update', { id: c.id, version: seenByA.version, name: 'A 的修改' }),
      invoke(b, 'customers.update', { id: c.id, version: seenByB.version, name: 'B 的修改', phone: '999' }),
    ];
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.error.code)).toEqual(['CONFLICT']);

    const final = call(b, 'customers.get', { id: c.id });
    expect(final).toMatchObject({ name: 'A 的修改', phone: '000', version: 2 });
    expect(call(a, 'customers.get', { id: c.id })).toEqual(final);
  });

  it('report a write blocked by another connection’s open write transaction as CONFLICT, then recover', () => {
    const c = call(a, 'customers.create', { name: '原名' });
    const holder = new Database(file);
    extra.push(holder);
    holder.exec('BEGIN IMMEDIATE');
    holder.prepare('UPDATE customers SET notes = ? WHERE id = ?').run('held', c.id);

    expect(callError(b, 'customers.update', { id: c.id, version: 1, name: '被挡住' })).toMatchObject({
      code: 'CONFLICT',
    });
    holder.exec('ROLLBACK');

    const saved = call(b, 'customers.update', { id: c.id, version: 1, name: '重试成功' });
    expect(saved).toMatchObject({ name: '重试成功', notes: null, version: 2 });
  });

  it('report a save that loses the race after reading a stale snapshot as CONFLICT, not INTERNAL', () => {
    const c = call(a, 'customers.create', { name: '原名' });
    // B's handler has read version 1 (its read snapshot is open) when A's save commits.
    // A plain read transaction on B's connection pins that moment deterministically.
    b.db.exec('BEGIN');
    expect(b.db.prepare('SELECT version FROM customers WHERE id = ?').pluck().get(c.id)).toBe(1);
    expect(call(a, 'customers.update', { id: c.id, version: 1, name: 'A 先保存' }).version).toBe(2);

    const res = invoke(b, 'customers.update', { id: c.id, version: 1, name: 'B 后保存' });
    if (b.db.inTransaction) b.db.exec('ROLLBACK');
    expect(res).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(call(b, 'customers.get', { id: c.id })).toMatchObject({ name: 'A 先保存', version: 2 });
  });
});

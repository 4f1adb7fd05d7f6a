import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src-main/db/errors';
import {
  beginImport,
  finishImport,
  journalBeforeUpdate,
  journalCreated,
  undoImport,
} from '../../src-main/import/journal';
import { call, makeTestDb, steppingClock, tableHashes, thrownBy, type TestDb } from '../helpers/db';

/**
 * 撤销导入 through the import journal: what an import made goes, what it changed comes back, and
 * every record table (and the code counters) is then as it was before the import.
 */

let t: TestDb;

/**
 * The tables an undo must leave as they were: all but the journal's own and the full-text
 * indexes' internal segments (their words are checked by searching instead).
 */
const recordTables = (db: TestDb['db']) =>
  Object.fromEntries(
    Object.entries(tableHashes(db)).filter(
      ([name]) => !name.startsWith('import') && !name.includes('_search_'),
    ),
  );

/** An import as the import job writes it: records through the real handlers, each one journaled. */
function importSome(db: TestDb, existingId: number): number {
  const { ctx } = db;
  return ctx.db.transaction(() => {
    const id = beginImport(ctx.db, { kind: 'customers', fileName: '客户.csv', startedAt: ctx.now() });
    for (const name of ['杭州西湖茶业有限公司', '宁波港湾物流有限公司']) {
      const made = call(ctx, 'customers.create', { name, phone: '0571-88886666' });
      journalCreated(ctx.db, id, 'customers', [made.id]);
    }
    const madeCustomer = call(ctx, 'customers.list', { keyword: '西湖茶业' }).rows[0]!;
    const contact = call(ctx, 'contacts.create', { customerId: madeCustomer.id, name: '王芳' });
    journalCreated(ctx.db, id, 'contacts', [contact.id]);
    const existing = call(ctx, 'customers.get', { id: existingId });
    journalBeforeUpdate(ctx.db, id, 'customers', existingId);
    call(ctx, 'customers.update', { id: existingId, version: existing.version, mobile: '13800138000' });
    finishImport(ctx.db, id, { created: 3, updated: 1 }, ctx.now());
    return id;
  })();
}

beforeEach(() => {
  t = makeTestDb({ now: steppingClock('2026-12-02T08:00:00.000Z') });
});
afterEach(() => t.close());

describe('撤销导入', () => {
  it('deletes what the import made and puts back what it changed: every table as before', () => {
    const existing = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司', mobile: '13900000000' });
    const before = recordTables(t.db);
    const importId = importSome(t, existing.id);
    expect(call(t.ctx, 'customers.list', {}).total).toBe(3);

    expect(undoImport(t.db, importId, t.ctx.now())).toEqual({ deleted: 3, restored: 1 });
    expect(recordTables(t.db)).toEqual(before);
    expect(call(t.ctx, 'customers.get', { id: existing.id }).mobile).toBe('13900000000');
    expect(call(t.ctx, 'customers.list', { keyword: '西湖茶业' }).total).toBe(0);
    expect(call(t.ctx, 'customers.list', { keyword: '13900000000' }).total).toBe(1);
    expect(call(t.ctx, 'contacts.list', { keyword: '王芳' }).total).toBe(0);
    // The next customer takes the code the first imported one had.
    expect(call(t.ctx, 'customers.create', { name: '上海明达贸易有限公司' }).code).toBe('C000002');
  });

  it('is refused, changing nothing, once a record of the import was changed after it', () => {
    const existing = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' });
    const importId = importSome(t, existing.id);
    const made = call(t.ctx, 'customers.list', { keyword: '港湾物流' }).rows[0]!;
    const full = call(t.ctx, 'customers.get', { id: made.id });
    call(t.ctx, 'customers.update', { id: made.id, version: full.version, email: 'info@ningbo.cn' });
    const after = recordTables(t.db);

    const refused = thrownBy(() => undoImport(t.db, importId, t.ctx.now()));
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).toData()).toMatchObject({
      code: 'CONFLICT',
      reason: 'changed_since_import',
      params: { count: 1 },
    });
    expect(recordTables(t.db)).toEqual(after);
  });

  it('is refused when a record was added by hand to one the import made', () => {
    const existing = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' });
    const importId = importSome(t, existing.id);
    const made = call(t.ctx, 'customers.list', { keyword: '港湾物流' }).rows[0]!;
    call(t.ctx, 'contacts.create', { customerId: made.id, name: '后来加的联系人' });
    expect((thrownBy(() => undoImport(t.db, importId, t.ctx.now())) as AppError).toData()).toMatchObject({
      reason: 'changed_since_import',
    });
  });

  it('is done once: a second undo is refused', () => {
    const existing = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' });
    const importId = importSome(t, existing.id);
    undoImport(t.db, importId, t.ctx.now());
    expect((thrownBy(() => undoImport(t.db, importId, t.ctx.now())) as AppError).toData()).toMatchObject({
      code: 'CONFLICT',
      reason: 'already_undone',
    });
    expect((thrownBy(() => undoImport(t.db, 999, t.ctx.now())) as AppError).toData()).toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('leaves no journal when the import itself is rolled back (a cancel)', () => {
    const existing = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' });
    const before = tableHashes(t.db);
    expect(() =>
      t.db.transaction(() => {
        importSome(t, existing.id);
        throw new Error('cancelled');
      })(),
    ).toThrow('cancelled');
    expect(tableHashes(t.db)).toEqual(before);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyImport } from '../../src-main/import/apply';
import { undoImport } from '../../src-main/import/journal';
import type { ImportPlan, PlanOptions } from '../../src-main/import/plan';
import { JobCancelled, noJobControl, type JobControl } from '../../src-main/jobs/control';
import { baseId, call, makeTestDb, steppingClock, tableHashes, type TestDb } from '../helpers/db';
import { CUSTOMER_HEADERS, CUSTOMER_ROWS, plan, seedCustomers } from '../helpers/import-plan';
import { suggestMapping } from '../../src-main/import/fields';

/**
 * 导入's import step: a checked plan written through the real door, journaled, in one transaction;
 * then 撤销导入 leaves every record table as it was before.
 */

let t: TestDb;
beforeEach(() => {
  t = makeTestDb({ now: steppingClock('2026-12-02T08:00:00.000Z') });
});
afterEach(() => t.close());

/** Every table but the journal's own and the full-text indexes' internal segments. */
const recordTables = (db: TestDb['db']) =>
  Object.fromEntries(
    Object.entries(tableHashes(db)).filter(
      ([name]) => !name.startsWith('import') && !name.includes('_search_'),
    ),
  );

function apply(p: ImportPlan, options: Partial<PlanOptions> = {}, job: JobControl = noJobControl) {
  return t.db.transaction(() =>
    applyImport(
      t.ctx,
      p,
      {
        fileName: '客户.csv',
        mapping: suggestMapping(p.kind, CUSTOMER_HEADERS),
        options: { duplicates: 'skip', missingLinks: 'reject', ...options },
      },
      job,
    ),
  )();
}

const byName = (name: string) => call(t.ctx, 'customers.list', { keyword: name }).rows;

describe('importing a checked customers file', () => {
  it('creates, updates with the filled cells only, and is undone as a whole', async () => {
    const { huaxin } = seedCustomers(t);
    const before = recordTables(t.db);
    const p = await plan(t, 'customers', CUSTOMER_HEADERS, CUSTOMER_ROWS, { duplicates: 'update' });
    const done = apply(p, { duplicates: 'update' });
    expect(done.counts).toEqual({ new: 5, update: 2, duplicate: 0, rejected: 2, linkedCreated: 0 });
    expect(done.problems).toEqual([]);

    const mingda = call(t.ctx, 'customers.get', { id: byName('明达贸易')[0]!.id });
    // Made by row 2, then updated by its duplicate on row 6: the later filled cells win.
    expect(mingda).toMatchObject({
      typeId: baseId(t.ctx, 'customer_type', 'partner'),
      phone: '021-5555',
      email: 'sales@mingda.cn',
      notes: '同一文件里的重复',
    });
    // The stored duplicate keeps what the file left empty.
    expect(call(t.ctx, 'customers.get', { id: huaxin.id })).toMatchObject({
      phone: '010-88886666',
      mobile: '13900139000',
      notes: '老客户',
    });
    const ningbo = call(t.ctx, 'customers.get', { id: byName('港湾物流')[0]!.id });
    expect(ningbo).toMatchObject({ code: 'C000777', notes: '=1+1' });
    expect(call(t.ctx, 'customers.list', { keyword: 'C000777' }).total).toBe(1);
    expect(byName('西湖茶业')).toHaveLength(2);
    expect(call(t.ctx, 'customers.list', {}).total).toBe(7);

    undoImport(t.db, done.importId, t.ctx.now());
    expect(recordTables(t.db)).toEqual(before);
    expect(call(t.ctx, 'customers.list', {}).total).toBe(2);
  });

  it('skips duplicates, or creates them anyway', async () => {
    seedCustomers(t);
    const skipped = apply(await plan(t, 'customers', CUSTOMER_HEADERS, CUSTOMER_ROWS));
    expect(skipped.counts).toMatchObject({ new: 5, update: 0, duplicate: 2, rejected: 2 });
    expect(byName('华信科技')).toHaveLength(1);
    undoImport(t.db, skipped.importId, t.ctx.now());

    const created = apply(
      await plan(t, 'customers', CUSTOMER_HEADERS, CUSTOMER_ROWS, { duplicates: 'create' }),
    );
    expect(created.counts).toMatchObject({ new: 7, duplicate: 0 });
    expect(byName('华信科技')).toHaveLength(2);
    expect(byName('明达贸易')).toHaveLength(2);
  });

  it('a cancel rolls the whole import back', async () => {
    const before = recordTables(t.db);
    const rows = Array.from({ length: 1200 }, (_, i) => [`客户${i}`]);
    const p = await plan(t, 'customers', ['客户名称'], rows);
    const job: JobControl = {
      progress: () => undefined,
      checkpoint: () => {
        throw new JobCancelled();
      },
    };
    expect(() => apply(p, {}, job)).toThrow(JobCancelled);
    expect(recordTables(t.db)).toEqual(before);
    expect(t.db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);
  });

  it('a row the door refuses after the check leaves nothing of itself; the rows around it are made', async () => {
    const temporary = call(t.ctx, 'baseData.create', { kind: 'customer_type', nameZh: '临时类型' });
    const p = await plan(
      t,
      'customers',
      ['客户名称', '客户类型'],
      [
        ['甲公司', ''],
        ['乙公司', '临时类型'],
        ['丙公司', ''],
      ],
    );
    expect(p.counts).toMatchObject({ new: 3, rejected: 0 });
    // Between the check and the import, the entry the second row names goes.
    call(t.ctx, 'baseData.delete', { id: temporary.id });
    const done = apply(p);
    expect(done.counts).toMatchObject({ new: 2, rejected: 1 });
    expect(done.problems).toEqual([
      { row: 3, column: 'typeId', field: 'typeId', value: '', reason: 'not_found' },
    ]);
    const rows = call(t.ctx, 'customers.list', { sort: { column: 'code', direction: 'asc' } }).rows;
    expect(rows.map((r) => [r.code, r.name])).toEqual([
      ['C000001', '甲公司'],
      ['C000003', '丙公司'],
    ]);
    // Found by search, and nothing else of the refused row anywhere.
    expect(byName('丙公司').map((r) => r.name)).toEqual(['丙公司']);
    expect(byName('乙公司')).toEqual([]);
    const journaled = t.db.prepare('SELECT count(*) FROM import_changes').pluck().get();
    expect(journaled).toBe(2);
  });

  it('10,000 rows with one bad row in the middle: 9,999 made, 1 rejected with its reason', async () => {
    const before = recordTables(t.db);
    const rows = Array.from({ length: 10_000 }, (_, i) => [
      i === 5000 ? '' : `客户${String(i).padStart(5, '0')}`,
      `0571-${String(80_000_000 + i)}`,
    ]);
    const p = await plan(t, 'customers', ['客户名称', '电话'], rows);
    expect(p.counts).toEqual({ new: 9999, update: 0, duplicate: 0, rejected: 1 });
    expect(p.problems).toEqual([
      { row: 5002, column: '客户名称', field: 'name', value: '', reason: 'required' },
    ]);
    const progress: number[] = [];
    const done = apply(p, {}, { progress: (_phase, n) => progress.push(n), checkpoint: () => undefined });
    expect(done.counts).toMatchObject({ new: 9999, rejected: 1 });
    expect(progress.at(-1)).toBe(10_000);
    expect(call(t.ctx, 'customers.list', {}).total).toBe(9999);
    undoImport(t.db, done.importId, t.ctx.now());
    expect(recordTables(t.db)).toEqual(before);
  }, 60_000);
});

describe('importing products and contacts', () => {
  it('products keep their codes and prices', async () => {
    const p = await plan(
      t,
      'products',
      ['产品编号', '产品名称', '标准价格'],
      [
        ['T-001', '碧螺春', '¥1,234.50'],
        ['', '龙井茶', '60'],
      ],
    );
    apply(p);
    const rows = call(t.ctx, 'products.list', { sort: { column: 'code', direction: 'asc' } }).rows;
    expect(rows.map((r) => [r.code, r.name, r.listPrice])).toEqual([
      ['P000001', '龙井茶', 6000],
      ['T-001', '碧螺春', 123_450],
    ]);
  });

  it('contacts link to customers by code and name; a missing customer is made once; undo takes all back', async () => {
    const { huaxin, xihu } = seedCustomers(t);
    const primary = call(t.ctx, 'contacts.create', { customerId: xihu.id, name: '老王', isPrimary: true });
    const before = recordTables(t.db);
    const p = await plan(
      t,
      'contacts',
      ['所属客户', '姓名', '手机', '主要联系人'],
      [
        [huaxin.code, '张伟', '13800138000', ''],
        ['杭州西湖茶业有限公司', '王芳', '', '是'],
        ['无锡新客户', '李雷', '', ''],
        ['无锡新客户', '韩梅梅', '', ''],
      ],
      { missingLinks: 'create' },
    );
    const done = apply(p, { missingLinks: 'create' });
    expect(done.counts).toMatchObject({ new: 4, linkedCreated: 1 });
    const made = byName('无锡新客户');
    expect(made).toHaveLength(1);
    const contacts = call(t.ctx, 'contacts.list', { sort: { column: 'name', direction: 'asc' } }).rows;
    expect(contacts.map((c) => [c.name, c.customerId]).sort()).toEqual(
      [
        ['张伟', huaxin.id],
        ['王芳', xihu.id],
        ['李雷', made[0]!.id],
        ['韩梅梅', made[0]!.id],
        ['老王', xihu.id],
      ].sort(),
    );
    expect(call(t.ctx, 'contacts.get', { id: primary.id }).isPrimary).toBe(false);

    undoImport(t.db, done.importId, t.ctx.now());
    expect(recordTables(t.db)).toEqual(before);
    expect(call(t.ctx, 'contacts.get', { id: primary.id }).isPrimary).toBe(true);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { productSortColumns, type Product, type ProductCreateInput } from '../../src-main/contract';
import { replaceLines } from '../../src-main/records/lines';
import {
  FIXED_NOW,
  baseId,
  call,
  callError,
  dbSnapshot,
  makeTestDb,
  manualClock,
  thrownBy,
  type ManualClock,
  type TestDb,
} from '../helpers/db';

let t: TestDb;
let clock: ManualClock;

beforeEach(() => {
  clock = manualClock();
  t = makeTestDb({ now: clock.now });
});
afterEach(() => t.close());

const create = (input: ProductCreateInput): Product => call(t.ctx, 'products.create', input);
const get = (id: number): Product => call(t.ctx, 'products.get', { id });
const names = (input: { keyword?: string; categoryId?: number; active?: boolean }): string[] =>
  call(t.ctx, 'products.list', { ...input, sort: { column: 'code', direction: 'asc' } }).rows.map(
    (r) => r.name,
  );
const category = (key: string) => baseId(t.ctx, 'product_category', key);

/**
 * Puts a product on a line the way the opportunities and sales modules do, but with plain SQL
 * for the parent record, so these tests do not depend on those modules.
 */
function customerId(): number {
  return (
    (t.db.prepare('SELECT id FROM customers LIMIT 1').pluck().get() as number | undefined) ??
    call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' }).id
  );
}
function opportunityWith(productIds: number[]): number {
  const stage = baseId(t.ctx, 'opportunity_stage', 'initial');
  const n = t.db.prepare('SELECT count(*) FROM opportunities').pluck().get() as number;
  const id = Number(
    t.db
      .prepare(
        `INSERT INTO opportunities (code, customer_id, title, stage_id, probability, created_at, updated_at)
         VALUES (?, ?, '服务器采购', ?, 10, ?, ?)`,
      )
      .run(`TEST-O${n + 1}`, customerId(), stage, FIXED_NOW, FIXED_NOW).lastInsertRowid,
  );
  replaceLines(
    t.db,
    { table: 'opportunity_lines', parent: 'opportunity_id' },
    id,
    productIds.map((productId) => ({ productId, quantity: 1 })),
  );
  return id;
}
function saleWith(productIds: number[]): number {
  const n = t.db.prepare('SELECT count(*) FROM sales').pluck().get() as number;
  const id = Number(
    t.db
      .prepare(
        `INSERT INTO sales (code, customer_id, sale_date, created_at, updated_at)
         VALUES (?, ?, '2026-01-02', ?, ?)`,
      )
      .run(`TEST-S${n + 1}`, customerId(), FIXED_NOW, FIXED_NOW).lastInsertRowid,
  );
  replaceLines(
    t.db,
    { table: 'sale_lines', parent: 'sale_id' },
    id,
    productIds.map((productId) => ({ productId, quantity: 2, discount: 10 })),
  );
  return id;
}

describe('products.create and products.get', () => {
  it('creates a product with every field and reads it back', () => {
    const input = {
      name: '服务器 R740',
      categoryId: category('hardware'),
      unit: '台',
      listPrice: 4_599_900,
      cost: 3_800_000,
      active: true,
      description: '2U 机架式服务器',
    };
    const created = create(input);
    expect(created).toEqual({
      id: created.id,
      code: 'P000001',
      ...input,
      version: 1,
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
    });
    expect(get(created.id)).toEqual(created);
  });

  it('fills in defaults: no category, zero prices, active', () => {
    const p = create({ name: '  技术支持  ', unit: '', description: '   ' });
    expect(p).toMatchObject({
      name: '技术支持',
      categoryId: null,
      unit: null,
      listPrice: 0,
      cost: 0,
      active: true,
      description: null,
    });
  });

  it('numbers codes P000001, P000002 ... never reusing one and skipping a taken one', () => {
    const [a, b] = [create({ name: 'A' }), create({ name: 'B' })];
    expect([a.code, b.code]).toEqual(['P000001', 'P000002']);
    call(t.ctx, 'products.delete', { ids: [b.id] });
    expect(create({ name: 'C' }).code).toBe('P000003');
    t.db
      .prepare(
        "INSERT INTO products (code, name, created_at, updated_at) VALUES ('P000004', 'imported', ?, ?)",
      )
      .run(FIXED_NOW, FIXED_NOW);
    expect(create({ name: 'D' }).code).toBe('P000005');
    // Products and customers count separately.
    expect(call(t.ctx, 'customers.create', { name: '客户' }).code).toBe('C000001');
  });

  it.each([
    ['name', { name: '  ' }, 'required'],
    ['name', { name: 'x'.repeat(201) }, 'too_long'],
    ['unit', { unit: 'x'.repeat(21) }, 'too_long'],
    ['listPrice', { listPrice: -1 }, 'too_small'],
    ['listPrice', { listPrice: 12.5 }, 'invalid_format'],
    ['cost', { cost: '100' }, 'invalid_type'],
    ['active', { active: 'yes' }, 'invalid_type'],
    ['description', { description: 'x'.repeat(20_001) }, 'too_long'],
  ])('refuses a bad %s (case %#)', (field, bad, reason) => {
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'products.create', { name: '服务器', ...bad })).toMatchObject({
      code: 'VALIDATION',
      field,
      reason,
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('refuses a category that is not a product category', () => {
    const before = dbSnapshot(t.db);
    const industry = baseId(t.ctx, 'industry', 'it');
    for (const categoryId of [industry, 99_999]) {
      expect(callError(t.ctx, 'products.create', { name: '服务器', categoryId })).toMatchObject({
        code: 'VALIDATION',
        field: 'categoryId',
        reason: 'not_found',
      });
    }
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('returns NOT_FOUND for a product that does not exist', () => {
    expect(callError(t.ctx, 'products.get', { id: 1 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('round-trips a 10,000-character description exactly', () => {
    const unit = '第一行：产品说明\t"quoted" \'single\' \\ back\n𠮷野家😀 ＡＢＣ © \r\n';
    const description = `D${unit.repeat(Math.ceil(10_000 / unit.length))}`.slice(0, 9_999) + 'Z';
    expect(description).toHaveLength(10_000);
    expect(get(create({ name: 'Long', description }).id).description).toBe(description);
  });

  it('stores SQL-injection-looking text verbatim and survives it as a keyword', () => {
    const nasty = [`'); DROP TABLE products; --`, `" OR 1=1 --`, `%_\\`, `*"NEAR(a b)"^`, `Robert'); --`];
    for (const s of nasty) {
      const p = create({ name: s, description: s });
      expect(get(p.id)).toMatchObject({ name: s, description: s });
    }
    for (const s of nasty) {
      const res = call(t.ctx, 'products.list', { keyword: s });
      expect(res.total).toBe(res.rows.length);
    }
    expect(names({ keyword: `'); DROP TABLE products; --` })).toEqual([`'); DROP TABLE products; --`]);
    expect(call(t.ctx, 'products.list', {}).total).toBe(nasty.length);
  });
});

describe('products.update', () => {
  it('changes only the given fields, bumps the version and stamps updated_at', () => {
    const p = create({ name: '服务器', unit: '台', listPrice: 100_000, cost: 60_000, active: false });
    clock.set('2026-02-03T04:05:06.000Z');
    const u = call(t.ctx, 'products.update', { id: p.id, version: 1, name: '服务器二代' });
    // Prices and the active flag stay as they were: an update without them is not a reset.
    expect(u).toEqual({ ...p, name: '服务器二代', version: 2, updatedAt: '2026-02-03T04:05:06.000Z' });
    const u2 = call(t.ctx, 'products.update', { id: p.id, version: 2, listPrice: 0, unit: '', active: true });
    expect(u2).toMatchObject({ listPrice: 0, cost: 60_000, unit: null, active: true, version: 3 });
    expect(get(p.id)).toEqual(u2);
  });

  it('refuses a stale version with CONFLICT and leaves everything unchanged', () => {
    const p = create({ name: '服务器' });
    call(t.ctx, 'products.update', { id: p.id, version: 1, cost: 5 });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'products.update', { id: p.id, version: 1, name: '覆盖' })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
    expect(names({ keyword: '覆盖' })).toEqual([]);
  });

  it('returns NOT_FOUND for a missing id', () => {
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'products.update', { id: 42, version: 1, name: 'B' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('refuses a category of another list', () => {
    const p = create({ name: '服务器' });
    expect(
      callError(t.ctx, 'products.update', {
        id: p.id,
        version: 1,
        categoryId: baseId(t.ctx, 'region', 'north'),
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'categoryId', reason: 'not_found' });
    expect(get(p.id).version).toBe(1);
  });

  it('re-indexes the search text: the new name is found, the old one is not', () => {
    const p = create({ name: '激光打印机' });
    call(t.ctx, 'products.update', { id: p.id, version: 1, name: '扫描仪' });
    expect(names({ keyword: '打印' })).toEqual([]);
    expect(names({ keyword: '扫描' })).toEqual(['扫描仪']);
  });
});

describe('products.list', () => {
  beforeEach(() => {
    create({ name: '服务器 R740', categoryId: category('hardware'), unit: '台', listPrice: 4_599_900 });
    create({ name: '办公软件许可', categoryId: category('software'), unit: '套', listPrice: 99_900 });
    create({ name: '服务器安装服务', categoryId: category('service'), unit: '次', active: false });
    create({ name: 'A4 打印纸', categoryId: category('consumables'), unit: '箱', description: '服务器' });
  });

  it('finds a 2-character Chinese substring of the name, not of the description', () => {
    expect(names({ keyword: '服务' })).toEqual(['服务器 R740', '服务器安装服务']);
    expect(names({ keyword: '软件' })).toEqual(['办公软件许可']);
  });

  it('finds a product by its code and its unit', () => {
    expect(names({ keyword: 'P000002' })).toEqual(['办公软件许可']);
    expect(names({ keyword: 'p000004' })).toEqual(['A4 打印纸']);
    expect(names({ keyword: '箱' })).toEqual(['A4 打印纸']);
  });

  it('filters by category and by the active flag, with a keyword too', () => {
    expect(names({ categoryId: category('software') })).toEqual(['办公软件许可']);
    expect(names({ active: false })).toEqual(['服务器安装服务']);
    expect(names({ active: true })).toEqual(['服务器 R740', '办公软件许可', 'A4 打印纸']);
    expect(names({ keyword: '服务', active: true })).toEqual(['服务器 R740']);
    expect(names({ keyword: '服务', categoryId: category('software') })).toEqual([]);
  });

  it('returns rows with real booleans, without the long fields', () => {
    const row = call(t.ctx, 'products.list', { keyword: '安装' }).rows[0]!;
    expect(row).toEqual({
      id: 3,
      code: 'P000003',
      name: '服务器安装服务',
      categoryId: category('service'),
      unit: '次',
      listPrice: 0,
      cost: 0,
      active: false,
      updatedAt: FIXED_NOW,
    });
  });

  it('sorts by code ascending by default', () => {
    expect(call(t.ctx, 'products.list', {}).rows.map((r) => r.code)).toEqual([
      'P000001',
      'P000002',
      'P000003',
      'P000004',
    ]);
  });
});

describe('products.list sorting', () => {
  /**
   * Products created A, B, C; for every column but the code the values rank B < C < A, so the
   * ascending order B, C, A differs from the creation order and its reverse.
   */
  function seedForSort(): Record<'A' | 'B' | 'C', number> {
    const rank = { A: 2, B: 0, C: 1 } as const;
    const categories = ['hardware', 'software', 'service'].map(category);
    const ids = {} as Record<'A' | 'B' | 'C', number>;
    for (const who of ['A', 'B', 'C'] as const) {
      const r = rank[who];
      ids[who] = create({
        name: `name-${r}`,
        categoryId: categories[r],
        listPrice: 100 * (r + 1),
        cost: 10 * (r + 1),
      }).id;
    }
    const updated = {
      B: '2026-02-01T00:00:00.000Z',
      C: '2026-02-02T00:00:00.000Z',
      A: '2026-02-03T00:00:00.000Z',
    };
    for (const who of ['B', 'C', 'A'] as const) {
      clock.set(updated[who]);
      call(t.ctx, 'products.update', { id: ids[who], version: 1 });
    }
    return ids;
  }

  const columns = productSortColumns.flatMap((column) =>
    (['asc', 'desc'] as const).map((direction) => [column, direction] as const),
  );

  it.each(columns)('sorts by %s %s', (column, direction) => {
    const ids = seedForSort();
    const asc = column === 'code' ? [ids.A, ids.B, ids.C] : [ids.B, ids.C, ids.A];
    const res = call(t.ctx, 'products.list', { sort: { column, direction } });
    expect(res.rows.map((r) => r.id)).toEqual(direction === 'asc' ? asc : [...asc].reverse());
  });
});

describe('products.delete', () => {
  it('deletes products that are on no line, and takes them out of search', () => {
    const a = create({ name: '服务器' });
    const b = create({ name: '服务合同' });
    expect(call(t.ctx, 'products.delete', { ids: [a.id, a.id] })).toMatchObject({ deleted: 1 });
    expect(callError(t.ctx, 'products.get', { id: a.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(names({ keyword: '服务' })).toEqual(['服务合同']);
    expect(get(b.id).name).toBe('服务合同');
  });

  it('is atomic: a list with a missing id is NOT_FOUND and deletes nothing', () => {
    const a = create({ name: '服务器' });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'products.delete', { ids: [a.id, 404] })).toMatchObject({ code: 'NOT_FOUND' });
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('refuses the whole request when a product is on an opportunity line, saying how many and what to do', () => {
    const used = create({ name: '服务器' });
    const unused = create({ name: '打印纸' });
    opportunityWith([used.id, used.id]);
    const before = dbSnapshot(t.db);
    const error = callError(t.ctx, 'products.delete', { ids: [unused.id, used.id] });
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(error.message).toMatch(/^2 opportunity or sale line\(s\) use product P000001; deactivate it/);
    expect(dbSnapshot(t.db)).toEqual(before);
    expect(get(unused.id).name).toBe('打印纸');
  });

  it('refuses a product on a sale line, counting the lines of every product asked for', () => {
    const a = create({ name: '服务器' });
    const b = create({ name: '软件' });
    saleWith([a.id, b.id]);
    opportunityWith([b.id]);
    const before = dbSnapshot(t.db);
    const error = callError(t.ctx, 'products.delete', { ids: [b.id, a.id] });
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(error.message).toMatch(/^3 opportunity or sale line\(s\) use product P000001, P000002;/);
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('is also refused by the database itself (RESTRICT)', () => {
    const p = create({ name: '服务器' });
    saleWith([p.id]);
    const err = thrownBy(() => t.db.prepare('DELETE FROM products WHERE id = ?').run(p.id));
    expect(err).toMatchObject({ code: expect.stringMatching(/^SQLITE_CONSTRAINT/) });
    expect(String(err)).toMatch(/FOREIGN KEY/);
  });

  it('can be deleted once the lines that used it are gone', () => {
    const p = create({ name: '服务器' });
    const sale = saleWith([p.id]);
    t.db.prepare('DELETE FROM sales WHERE id = ?').run(sale);
    expect(call(t.ctx, 'products.delete', { ids: [p.id] })).toMatchObject({ deleted: 1 });
  });
});

describe('an inactive product', () => {
  it('stays on the lines that have it but cannot go on a new line', () => {
    const p = create({ name: '服务器', listPrice: 10_000 });
    const opp = opportunityWith([p.id]);
    call(t.ctx, 'products.update', { id: p.id, version: 1, active: false });
    expect(names({ active: true })).toEqual([]);
    const lines = { table: 'opportunity_lines', parent: 'opportunity_id' } as const;
    // A new record cannot take it ...
    const other = opportunityWith([]);
    expect(
      thrownBy(() => replaceLines(t.db, lines, other, [{ productId: p.id, quantity: 1 }])),
    ).toMatchObject({
      code: 'VALIDATION',
      details: { field: 'lines.0.productId', reason: 'inactive' },
    });
    // ... the record that already had it may keep it.
    expect(replaceLines(t.db, lines, opp, [{ productId: p.id, quantity: 3 }], new Set([p.id]))).toBe(30_000);
    // Reactivated, it can go on new lines again.
    call(t.ctx, 'products.update', { id: p.id, version: 2, active: true });
    expect(replaceLines(t.db, lines, other, [{ productId: p.id, quantity: 1 }])).toBe(10_000);
  });
});

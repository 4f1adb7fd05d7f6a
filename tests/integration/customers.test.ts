import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  customerRefKinds,
  customerSortColumns,
  type Customer,
  type CustomerCreateInput,
  type CustomerSortColumn,
} from '../../src-main/contract';
import {
  FIXED_NOW,
  baseId,
  call,
  callError,
  dbSnapshot,
  makeTestDb,
  manualClock,
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

const create = (input: CustomerCreateInput): Customer => call(t.ctx, 'customers.create', input);
const get = (id: number): Customer => call(t.ctx, 'customers.get', { id });
const names = (keyword: string): string[] =>
  call(t.ctx, 'customers.list', { keyword, sort: { column: 'code', direction: 'asc' } }).rows.map(
    (r) => r.name,
  );

describe('customers.create and customers.get', () => {
  it('creates a customer with every field and reads it back', () => {
    const typeId = baseId(t.ctx, 'customer_type', 'partner');
    const input = {
      name: '北京华信科技有限公司',
      shortName: '华信',
      typeId,
      levelId: baseId(t.ctx, 'customer_level', 'vip'),
      stageId: baseId(t.ctx, 'lifecycle_stage', 'stable'),
      industryId: baseId(t.ctx, 'industry', 'it'),
      sourceId: baseId(t.ctx, 'source', 'referral'),
      regionId: baseId(t.ctx, 'region', 'north'),
      ownerId: baseId(t.ctx, 'sales_rep', 'me'),
      city: '北京',
      areaCode: '010',
      address: '海淀区中关村大街1号',
      postcode: '100080',
      phone: '010-8888 1234',
      mobile: '13800138000',
      fax: '010-8888 1235',
      email: 'info@huaxin-tech.cn',
      website: 'https://huaxin-tech.cn',
      decisionMaker: '王总',
      products: '服务器, 存储',
      creditRating: 'AA',
      notes: '重点客户',
    };
    const created = create(input);
    expect(created).toEqual({
      id: created.id,
      code: 'C000001',
      ...input,
      custom: {},
      version: 1,
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
    });
    expect(get(created.id)).toEqual(created);
  });

  it('numbers codes C000001, C000002 ... and never hands out a deleted code again', () => {
    const [a, b, c] = [create({ name: 'A' }), create({ name: 'B' }), create({ name: 'C' })];
    expect([a, b, c].map((x) => x.code)).toEqual(['C000001', 'C000002', 'C000003']);
    call(t.ctx, 'customers.delete', { ids: [c.id] });
    const d = create({ name: 'D' });
    expect(d.code).toBe('C000004');
    call(t.ctx, 'customers.delete', { ids: [a.id, b.id, d.id] });
    expect(create({ name: 'E' }).code).toBe('C000005');
    const codes = t.db.prepare('SELECT code FROM customers').pluck().all();
    expect(codes).toEqual(['C000005']);
  });

  it('skips a code that is already taken', () => {
    t.db
      .prepare(
        "INSERT INTO customers (code, name, created_at, updated_at) VALUES ('C000001', 'imported', ?, ?)",
      )
      .run(FIXED_NOW, FIXED_NOW);
    expect(create({ name: 'new' }).code).toBe('C000002');
  });

  it('stores empty and blank optional text as null and trims the rest', () => {
    const c = create({
      name: '  上海明达贸易  ',
      shortName: '',
      phone: '   ',
      email: '',
      city: '  上海 ',
      notes: null,
      typeId: null,
    });
    expect(c.name).toBe('上海明达贸易');
    expect(c.shortName).toBeNull();
    expect(c.phone).toBeNull();
    expect(c.email).toBeNull();
    expect(c.notes).toBeNull();
    expect(c.typeId).toBeNull();
    expect(c.city).toBe('上海');
  });

  it('round-trips 10,000-character notes and products exactly', () => {
    const unit = '第一行：客户需求\t"quoted" \'single\' \\ back\n𠮷野家😀 ＡＢＣ © \r\n';
    const notes = `N${unit.repeat(Math.ceil(10_000 / unit.length))}`.slice(0, 9_999) + 'Z';
    const products = `P${'产品清单-Product list; '.repeat(600)}`.slice(0, 9_999) + 'Q';
    expect(notes).toHaveLength(10_000);
    expect(products).toHaveLength(10_000);
    const c = create({ name: 'Long text Ltd', notes, products });
    expect(get(c.id).notes).toBe(notes);
    expect(get(c.id).products).toBe(products);
  });

  it('stores SQL-injection-looking text verbatim and survives it as a keyword', () => {
    const nasty = [`'); DROP TABLE customers; --`, `" OR 1=1 --`, `%_\\`, `*"NEAR(a b)"^`, `Robert'); --`];
    for (const s of nasty) {
      const c = create({ name: s, notes: s, shortName: s });
      expect(get(c.id)).toMatchObject({ name: s, notes: s, shortName: s });
    }
    for (const s of nasty) {
      const res = call(t.ctx, 'customers.list', { keyword: s });
      expect(res.total).toBe(res.rows.length);
    }
    expect(names(`'); DROP TABLE customers; --`)).toEqual([`'); DROP TABLE customers; --`]);
    expect(call(t.ctx, 'customers.list', {}).total).toBe(nasty.length);
  });

  it('returns NOT_FOUND for a customer that does not exist', () => {
    create({ name: 'A' });
    expect(callError(t.ctx, 'customers.get', { id: 999 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses an invalid email with a VALIDATION error on the email field', () => {
    const before = dbSnapshot(t.db);
    for (const email of ['not-an-email', 'a@b', 'a b@c.d', '@example.com']) {
      expect(callError(t.ctx, 'customers.create', { name: 'X', email })).toMatchObject({
        code: 'VALIDATION',
        field: 'email',
      });
    }
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('refuses a blank name as required', () => {
    expect(callError(t.ctx, 'customers.create', { name: '   ' })).toMatchObject({
      code: 'VALIDATION',
      field: 'name',
      reason: 'required',
    });
  });
});

describe('base-data references', () => {
  const refFields = Object.entries(customerRefKinds) as [keyof typeof customerRefKinds, string][];

  it.each(refFields)('refuses %s pointing at an entry of another list (%s expected)', (field, kind) => {
    create({ name: 'existing' });
    const otherKind = kind === 'industry' ? 'region' : 'industry';
    const wrongId = call(t.ctx, 'baseData.list', { kind: otherKind })[0]!.id;
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'customers.create', { name: 'X', [field]: wrongId })).toMatchObject({
      code: 'VALIDATION',
      field,
      reason: 'not_found',
    });
    expect(callError(t.ctx, 'customers.update', { id: 1, version: 1, [field]: wrongId })).toMatchObject({
      code: 'VALIDATION',
      field,
      reason: 'not_found',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it.each(refFields)('refuses %s pointing at a missing entry', (field) => {
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'customers.create', { name: 'X', [field]: 99_999 })).toMatchObject({
      code: 'VALIDATION',
      field,
      reason: 'not_found',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });
});

describe('customers.update', () => {
  it('changes only the given fields, bumps the version and stamps updated_at', () => {
    const c = create({ name: '旧名称', phone: '010-1111 2222', city: '北京' });
    clock.set('2026-02-03T04:05:06.000Z');
    const u = call(t.ctx, 'customers.update', { id: c.id, version: 1, name: '新名称', city: '' });
    expect(u).toEqual({
      ...c,
      name: '新名称',
      city: null,
      version: 2,
      updatedAt: '2026-02-03T04:05:06.000Z',
    });
    expect(u.createdAt).toBe(FIXED_NOW);
    clock.set('2026-02-04T00:00:00.000Z');
    const u2 = call(t.ctx, 'customers.update', { id: c.id, version: 2 });
    expect(u2).toEqual({ ...u, version: 3, updatedAt: '2026-02-04T00:00:00.000Z' });
    expect(get(c.id)).toEqual(u2);
  });

  it('refuses a stale version with CONFLICT and leaves the row unchanged', () => {
    const c = create({ name: '华信', phone: '123' });
    call(t.ctx, 'customers.update', { id: c.id, version: 1, phone: '456' });
    const saved = get(c.id);
    const before = dbSnapshot(t.db);
    clock.set('2026-03-01T00:00:00.000Z');
    expect(callError(t.ctx, 'customers.update', { id: c.id, version: 1, name: '覆盖' })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(callError(t.ctx, 'customers.update', { id: c.id, version: 3, name: '覆盖' })).toMatchObject({
      code: 'CONFLICT',
    });
    expect(get(c.id)).toEqual(saved);
    expect(dbSnapshot(t.db)).toEqual(before);
    expect(names('覆盖')).toEqual([]);
  });

  it('returns NOT_FOUND for a missing id', () => {
    create({ name: 'A' });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'customers.update', { id: 42, version: 1, name: 'B' })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('re-indexes the search text: the new name is found, the old one is not', () => {
    const c = create({ name: '北京华信科技有限公司' });
    call(t.ctx, 'customers.update', { id: c.id, version: 1, name: '深圳远航物流有限公司' });
    expect(names('华信')).toEqual([]);
    expect(names('科技')).toEqual([]);
    expect(names('远航')).toEqual(['深圳远航物流有限公司']);
    expect(names('物流')).toEqual(['深圳远航物流有限公司']);
  });
});

describe('customers.delete', () => {
  it('deletes one customer', () => {
    const a = create({ name: '甲公司' });
    const b = create({ name: '乙公司' });
    expect(call(t.ctx, 'customers.delete', { ids: [a.id] })).toMatchObject({ deleted: 1 });
    expect(callError(t.ctx, 'customers.get', { id: a.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(get(b.id).name).toBe('乙公司');
  });

  it('deletes several at once, counting a repeated id once', () => {
    const ids = ['甲', '乙', '丙', '丁'].map((n) => create({ name: n }).id);
    expect(call(t.ctx, 'customers.delete', { ids: [ids[0]!, ids[2]!, ids[0]!] })).toMatchObject({
      deleted: 2,
    });
    expect(
      call(t.ctx, 'customers.list', { sort: { column: 'code', direction: 'asc' } }).rows.map((r) => r.name),
    ).toEqual(['乙', '丁']);
  });

  it('is atomic: a list with a missing id is NOT_FOUND and deletes nothing', () => {
    const ids = ['甲公司', '乙公司', '丙公司'].map((n) => create({ name: n }).id);
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'customers.delete', { ids: [ids[0]!, ids[1]!, 777, ids[2]!] })).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(dbSnapshot(t.db)).toEqual(before);
    expect(names('公司')).toEqual(['甲公司', '乙公司', '丙公司']);
  });

  it('removes deleted customers from search', () => {
    const a = create({ name: '北京华信科技有限公司', phone: '010-8888 1234' });
    create({ name: '上海华信贸易' });
    call(t.ctx, 'customers.delete', { ids: [a.id] });
    expect(names('华信')).toEqual(['上海华信贸易']);
    expect(names('科技')).toEqual([]);
    expect(names('88881234')).toEqual([]);
    expect(names('华')).toEqual(['上海华信贸易']);
  });
});

describe('customers.delete and id reuse', () => {
  it('does not let a new customer inherit the search entry of a deleted one with the same id', () => {
    create({ name: '甲公司' });
    const last = create({ name: '北京华信科技有限公司', phone: '010-8888 1234' });
    call(t.ctx, 'customers.delete', { ids: [last.id] });
    const next = create({ name: '深圳远航物流' });
    expect(next.code).toBe('C000003');
    expect(names('华信')).toEqual([]);
    expect(names('88881234')).toEqual([]);
    expect(names('远航')).toEqual(['深圳远航物流']);
  });
});

describe('customers.list keyword search', () => {
  beforeEach(() => {
    create({
      name: '北京华信科技有限公司',
      shortName: '华信',
      phone: '010-8888 1234',
      email: 'info@huaxin-tech.cn',
    });
    create({
      name: '上海明达贸易有限公司',
      shortName: '明达',
      mobile: '139 0000 5678',
      email: 'sales@mingda.com',
    });
    create({ name: '广州天河科技发展公司', shortName: '天河科技', phone: '020-3333 4444' });
    create({ name: 'Acme Trading GmbH', shortName: 'ACME', email: 'Contact@Acme.example' });
    create({ name: '测试ab', shortName: 'bc测试' });
  });

  it('finds a 2-character Chinese substring', () => {
    expect(names('科技')).toEqual(['北京华信科技有限公司', '广州天河科技发展公司']);
  });

  it('finds a 4-character Chinese substring', () => {
    expect(names('华信科技')).toEqual(['北京华信科技有限公司']);
    expect(names('有限公司')).toEqual(['北京华信科技有限公司', '上海明达贸易有限公司']);
  });

  it('finds an ASCII substring of an email, ignoring case', () => {
    expect(names('huaxin')).toEqual(['北京华信科技有限公司']);
    expect(names('ACME.EXA')).toEqual(['Acme Trading GmbH']);
  });

  it('finds phone digits across dashes and spaces', () => {
    expect(names('88881234')).toEqual(['北京华信科技有限公司']);
    expect(names('8888-1234')).toEqual(['北京华信科技有限公司']);
    expect(names('00005678')).toEqual(['上海明达贸易有限公司']);
  });

  it('finds a customer by its code', () => {
    expect(names('C000002')).toEqual(['上海明达贸易有限公司']);
    expect(names('c000004')).toEqual(['Acme Trading GmbH']);
  });

  it('answers a 1-character query with every customer containing it', () => {
    expect(names('华')).toEqual(['北京华信科技有限公司']);
    expect(names('司')).toEqual(['北京华信科技有限公司', '上海明达贸易有限公司', '广州天河科技发展公司']);
    expect(names('g')).toEqual(['上海明达贸易有限公司', 'Acme Trading GmbH']);
  });

  it('matches full-width input against half-width data', () => {
    expect(names('ＨＵＡＸＩＮ')).toEqual(['北京华信科技有限公司']);
    expect(names('８８８８')).toEqual(['北京华信科技有限公司']);
  });

  it('finds nothing for a keyword that matches nothing', () => {
    const res = call(t.ctx, 'customers.list', { keyword: '不存在的公司' });
    expect(res).toEqual({ rows: [], total: 0, page: 1, pageSize: 50 });
  });

  it('does not match across two fields', () => {
    expect(names('ab')).toEqual(['测试ab']);
    expect(names('bc')).toEqual(['测试ab']);
    expect(names('abc')).toEqual([]);
    expect(names('试b')).toEqual([]);
  });

  it('finds nothing for a punctuation-only keyword and everything for a blank one', () => {
    expect(call(t.ctx, 'customers.list', { keyword: '!!!---' }).total).toBe(0);
    expect(call(t.ctx, 'customers.list', { keyword: '   ' }).total).toBe(5);
    expect(call(t.ctx, 'customers.list', { keyword: '' }).total).toBe(5);
  });

  it('finds a name written with a supplementary-plane character', () => {
    create({ name: '𠮷野家餐饮' });
    expect(names('𠮷野')).toEqual(['𠮷野家餐饮']);
    expect(names('𠮷')).toEqual(['𠮷野家餐饮']);
  });

  it('combines a keyword with a filter', () => {
    const typeId = baseId(t.ctx, 'customer_type', 'partner');
    call(t.ctx, 'customers.update', { id: 3, version: 1, typeId });
    const res = call(t.ctx, 'customers.list', { keyword: '科技', typeId });
    expect(res.total).toBe(1);
    expect(res.rows.map((r) => r.name)).toEqual(['广州天河科技发展公司']);
  });
});

describe('customers.list filters', () => {
  const filterRefs = [
    ['typeId', 'customer_type'],
    ['levelId', 'customer_level'],
    ['stageId', 'lifecycle_stage'],
    ['industryId', 'industry'],
    ['regionId', 'region'],
    ['ownerId', 'sales_rep'],
  ] as const;

  it.each(filterRefs)('filters by %s', (field, kind) => {
    const items = call(t.ctx, 'baseData.list', { kind });
    const first = items[0]!.id;
    const other = items[items.length - 1]!.id;
    create({ name: 'match-1', [field]: first });
    create({ name: 'none' });
    create({ name: 'match-2', [field]: first });
    if (other !== first) create({ name: 'other', [field]: other });
    const res = call(t.ctx, 'customers.list', { [field]: first, sort: { column: 'code', direction: 'asc' } });
    expect(res.total).toBe(2);
    expect(res.rows.map((r) => [r.name, r[field]])).toEqual([
      ['match-1', first],
      ['match-2', first],
    ]);
    const unused = items.length > 2 ? items[1]!.id : 99_999;
    expect(call(t.ctx, 'customers.list', { [field]: unused }).total).toBe(0);
  });

  it('combines several filters with AND', () => {
    const vip = baseId(t.ctx, 'customer_level', 'vip');
    const north = baseId(t.ctx, 'region', 'north');
    const east = baseId(t.ctx, 'region', 'east');
    create({ name: 'vip-north', levelId: vip, regionId: north });
    create({ name: 'vip-east', levelId: vip, regionId: east });
    create({ name: 'north', regionId: north });
    const res = call(t.ctx, 'customers.list', { levelId: vip, regionId: north });
    expect(res.rows.map((r) => r.name)).toEqual(['vip-north']);
  });
});

describe('customers.list sorting and paging', () => {
  /**
   * Three customers created A, B, C; for every sort column except code the values are ranked
   * B < C < A, so ascending order B, C, A differs from both the creation order and its reverse.
   */
  function seedForSort(): Record<'A' | 'B' | 'C', number> {
    const ref = (kind: Parameters<typeof baseId>[1], keys: [string, string, string]) =>
      keys.map((k) => baseId(t.ctx, kind, k));
    const rank = { A: 2, B: 0, C: 1 } as const;
    const types = ref('customer_type', ['customer', 'prospect', 'partner']);
    const levels = ref('customer_level', ['vip', 'major', 'normal']);
    const stages = ref('lifecycle_stage', ['prospecting', 'developing', 'stable']);
    const industries = ref('industry', ['manufacturing', 'it', 'finance']);
    const regions = ref('region', ['north', 'northeast', 'east']);
    const rep2 = call(t.ctx, 'baseData.list', { kind: 'sales_rep' })[0]!.id;
    // Only one sales rep is seeded; add two more so the owner column has three values.
    const insertRep = t.db.prepare(
      "INSERT INTO base_items (kind, key, name_zh, name_en, sort_order) VALUES ('sales_rep', ?, ?, ?, ?)",
    );
    const owners = [
      rep2,
      Number(insertRep.run('rep2', '张三', 'Zhang', 2).lastInsertRowid),
      Number(insertRep.run('rep3', '李四', 'Li', 3).lastInsertRowid),
    ];
    const created = {
      A: '2026-01-10T00:00:00.000Z',
      B: '2026-01-01T00:00:00.000Z',
      C: '2026-01-05T00:00:00.000Z',
    };
    const ids = {} as Record<'A' | 'B' | 'C', number>;
    for (const who of ['A', 'B', 'C'] as const) {
      const r = rank[who];
      clock.set(created[who]);
      ids[who] = create({
        name: `name-${r}`,
        shortName: `short-${r}`,
        typeId: types[r],
        levelId: levels[r],
        stageId: stages[r],
        industryId: industries[r],
        regionId: regions[r],
        ownerId: owners[r],
        city: `city-${r}`,
        phone: `010-000${r}`,
        mobile: `1380000000${r}`,
      }).id;
    }
    const updated = {
      B: '2026-02-01T00:00:00.000Z',
      C: '2026-02-02T00:00:00.000Z',
      A: '2026-02-03T00:00:00.000Z',
    };
    for (const who of ['B', 'C', 'A'] as const) {
      clock.set(updated[who]);
      call(t.ctx, 'customers.update', { id: ids[who], version: 1 });
    }
    return ids;
  }

  const columns = customerSortColumns.flatMap((column) =>
    (['asc', 'desc'] as const).map(
      (direction) => [column, direction] as [CustomerSortColumn, 'asc' | 'desc'],
    ),
  );

  it.each(columns)('sorts by %s %s', (column, direction) => {
    const ids = seedForSort();
    const asc = column === 'code' ? [ids.A, ids.B, ids.C] : [ids.B, ids.C, ids.A];
    const expected = direction === 'asc' ? asc : [...asc].reverse();
    const res = call(t.ctx, 'customers.list', { sort: { column, direction } });
    expect(res.rows.map((r) => r.id)).toEqual(expected);
  });

  it('sorts newest code first by default', () => {
    ['A', 'B', 'C'].forEach((name) => create({ name }));
    expect(call(t.ctx, 'customers.list', {}).rows.map((r) => r.code)).toEqual([
      'C000003',
      'C000002',
      'C000001',
    ]);
  });

  it('pages through the list with a stable total', () => {
    for (let i = 1; i <= 7; i++) create({ name: `客户${i}` });
    const sort = { column: 'code', direction: 'asc' } as const;
    const page2 = call(t.ctx, 'customers.list', { sort, page: 2, pageSize: 3 });
    expect(page2.total).toBe(7);
    expect(page2.page).toBe(2);
    expect(page2.pageSize).toBe(3);
    expect(page2.rows.map((r) => r.name)).toEqual(['客户4', '客户5', '客户6']);
    expect(call(t.ctx, 'customers.list', { sort, page: 3, pageSize: 3 }).rows.map((r) => r.name)).toEqual([
      '客户7',
    ]);
    expect(call(t.ctx, 'customers.list', { sort, page: 4, pageSize: 3 })).toEqual({
      rows: [],
      total: 7,
      page: 4,
      pageSize: 3,
    });
  });

  it('returns list rows without the long fields', () => {
    create({ name: 'A', notes: 'long notes', products: 'many products', address: 'far away' });
    const row = call(t.ctx, 'customers.list', {}).rows[0]!;
    expect(Object.keys(row).sort()).toEqual(
      [
        'id',
        'code',
        'name',
        'shortName',
        'typeId',
        'levelId',
        'stageId',
        'industryId',
        'regionId',
        'ownerId',
        'city',
        'phone',
        'mobile',
        'email',
        'updatedAt',
        'custom',
      ].sort(),
    );
  });

  it('refuses a page size above 200', () => {
    expect(callError(t.ctx, 'customers.list', { pageSize: 201 })).toMatchObject({
      code: 'VALIDATION',
      field: 'pageSize',
      reason: 'too_big',
      limit: 200,
    });
    expect(call(t.ctx, 'customers.list', { pageSize: 200 }).pageSize).toBe(200);
  });

  it('refuses an unknown sort column', () => {
    expect(
      callError(t.ctx, 'customers.list', {
        sort: { column: 'notes; DROP TABLE customers', direction: 'asc' },
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'sort.column' });
  });
});

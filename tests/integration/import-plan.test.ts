import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { channels } from '../../src-main/contract';
import { suggestMapping } from '../../src-main/import/fields';
import { planImport } from '../../src-main/import/plan';
import { openImportSource } from '../../src-main/import/source';
import { baseId, call, makeTestDb, tableHashes, type TestDb } from '../helpers/db';
import { CUSTOMER_HEADERS, CUSTOMER_ROWS, plan, seedCustomers } from '../helpers/import-plan';

/**
 * 导入's check step for customers, products and contacts: a dry run through the value layer, the
 * duplicate keys and the channels' own schemas, which writes nothing and says for every row what
 * the import would do, with every problem at its row and column.
 */

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.close());

describe('the check step for customers', () => {
  it('plans every row and lists every problem, writing nothing', async () => {
    const { huaxin, xihu } = seedCustomers(t);
    const before = tableHashes(t.db);
    const p = await plan(t, 'customers', CUSTOMER_HEADERS, CUSTOMER_ROWS);
    expect(tableHashes(t.db)).toEqual(before);

    expect(p.counts).toEqual({ new: 5, update: 0, duplicate: 2, rejected: 2 });
    expect(p.actions.map((a) => [a.row, a.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'reject'],
      [5, 'reject'],
      [6, 'skip'],
      [7, 'skip'],
      [8, 'create'],
      [9, 'create'],
      [10, 'create'],
    ]);
    // Every problem of a row, each at its column, in the door's own reasons.
    expect(p.problems).toEqual([
      { row: 4, column: '客户名称', field: 'name', value: '', reason: 'required' },
      { row: 5, column: '客户类型', field: 'typeId', value: '战略伙伴', reason: 'invalid_value' },
      {
        row: 5,
        column: '电子邮件',
        field: 'email',
        value: 'not-an-email',
        reason: 'invalid_format',
        params: { format: 'email' },
      },
    ]);
    const [first, second] = p.actions;
    // A base-data label is its entry; full-width digits are half-width; an empty cell is left out.
    // A new record's input is what the create channel's schema made of it (unfilled fields empty).
    expect(first!.input).toEqual(
      channels['customers.create'].parse({
        name: '上海明达贸易有限公司',
        typeId: baseId(t.ctx, 'customer_type', 'partner'),
        phone: '0571-88886666',
        email: 'sales@mingda.cn',
      }),
    );
    // A formula is text, as it was; the apostrophe an export put before one goes.
    expect(second!.input!.notes).toBe('=HYPERLINK("http://evil.example")');
    expect(p.actions[7]!.input!.notes).toBe('=1+1');
    // A duplicate of an earlier row and of a stored record.
    expect(p.actions[4]).toEqual({ row: 6, action: 'skip', targetRow: 2 });
    expect(p.actions[5]).toEqual({ row: 7, action: 'skip', targetId: huaxin.id });
    // The file's code is kept for the record it makes.
    expect(p.actions[7]).toMatchObject({ code: 'C000777', input: { name: '宁波港湾物流' } });
    // A similar name is listed for the user, not merged.
    expect(p.likely).toEqual([
      { row: 8, matches: [{ id: xihu.id, name: '杭州西湖茶业有限公司', reason: 'likely_name' }] },
    ]);
  });

  it('updates a duplicate with the filled cells only, or creates it anyway', async () => {
    const { huaxin } = seedCustomers(t);
    const update = await plan(t, 'customers', CUSTOMER_HEADERS, CUSTOMER_ROWS, { duplicates: 'update' });
    expect(update.counts).toEqual({ new: 5, update: 2, duplicate: 0, rejected: 2 });
    expect(update.actions[4]).toEqual({
      row: 6,
      action: 'update',
      targetRow: 2,
      input: { name: '上海明达贸易有限公司', phone: '021-5555', notes: '同一文件里的重复' },
    });
    expect(update.actions[5]).toEqual({
      row: 7,
      action: 'update',
      targetId: huaxin.id,
      input: {
        name: '北京华信科技有限公司',
        typeId: baseId(t.ctx, 'customer_type', 'customer'),
        mobile: '13900139000',
      },
    });

    const create = await plan(t, 'customers', CUSTOMER_HEADERS, CUSTOMER_ROWS, { duplicates: 'create' });
    expect(create.counts).toEqual({ new: 7, update: 0, duplicate: 0, rejected: 2 });
  });

  it('a fixed value fills a field where the column is empty or not in the file', async () => {
    const p = await plan(
      t,
      'customers',
      ['客户名称', '客户类型'],
      [
        ['甲公司', ''],
        ['乙公司', '代理商'],
      ],
      {},
      {
        typeId: '潜在客户',
      },
    );
    expect(p.actions.map((a) => a.input!.typeId)).toEqual([
      baseId(t.ctx, 'customer_type', 'prospect'),
      baseId(t.ctx, 'customer_type', 'distributor'),
    ]);
  });

  it('a code the file repeats is one customer, whatever its name', async () => {
    const p = await plan(
      t,
      'customers',
      ['客户编号', '客户名称'],
      [
        ['K001', '甲公司'],
        ['ｋ００１', '甲公司（新名）'],
      ],
    );
    expect(p.actions.map((a) => a.action)).toEqual(['create', 'skip']);
  });
});

describe('the check step for products', () => {
  it('reads money as cents and flags, and matches a category by its words', async () => {
    call(t.ctx, 'products.create', { name: '龙井茶', listPrice: 5000 });
    const p = await plan(
      t,
      'products',
      ['产品编号', '产品名称', '产品类别', '单位', '标准价格', '成本', '在售'],
      [
        ['T-001', '碧螺春', '', '盒', '¥1,234.50', '８００元', '是'],
        ['', '龙井茶', '', '', '60', '', ''],
        ['', '铁观音', '', '', '十二元', '-5', 'x'],
        ['', '白茶', '', '', '12.345', '', ''],
      ],
      { duplicates: 'update' },
    );
    expect(p.actions[0]).toEqual({
      row: 2,
      action: 'create',
      code: 'T-001',
      input: channels['products.create'].parse({
        name: '碧螺春',
        unit: '盒',
        listPrice: 123_450,
        cost: 80_000,
        active: true,
      }),
    });
    expect(p.actions[1]).toMatchObject({ action: 'update', input: { name: '龙井茶', listPrice: 6000 } });
    expect(p.problems).toEqual([
      {
        row: 4,
        column: '标准价格',
        field: 'listPrice',
        value: '十二元',
        reason: 'invalid_type',
        params: { format: 'number' },
      },
      { row: 4, column: '在售', field: 'active', value: 'x', reason: 'invalid_value' },
      { row: 4, column: '成本', field: 'cost', value: '-5', reason: 'too_small', params: { limit: 0 } },
      {
        row: 5,
        column: '标准价格',
        field: 'listPrice',
        value: '12.345',
        reason: 'invalid_format',
        params: { format: 'decimals', places: 2 },
      },
    ]);
  });
});

describe('the check step for contacts', () => {
  const headers = ['所属客户', '姓名', '手机', '主要联系人'];

  it('finds the customer by code or by name; one not found is a reason, or made once', async () => {
    const { huaxin, xihu } = seedCustomers(t);
    const rows = [
      [huaxin.code, '张伟', '13800138000', '是'],
      ['杭州西湖茶业有限公司', '王芳', '', ''],
      ['无锡新客户', '李雷', '', ''],
      ['无锡新客户', '韩梅梅', '', ''],
      ['', '赵六', '', ''],
    ];
    const rejected = await plan(t, 'contacts', headers, rows);
    expect(rejected.actions.map((a) => [a.action, a.input?.customerId])).toEqual([
      ['create', huaxin.id],
      ['create', xihu.id],
      ['reject', undefined],
      ['reject', undefined],
      ['reject', undefined],
    ]);
    expect(rejected.problems).toEqual([
      { row: 4, column: '所属客户', field: 'customerId', value: '无锡新客户', reason: 'not_found' },
      { row: 5, column: '所属客户', field: 'customerId', value: '无锡新客户', reason: 'not_found' },
      { row: 6, column: '所属客户', field: 'customerId', value: '', reason: 'required' },
    ]);

    const created = await plan(t, 'contacts', headers, rows, { missingLinks: 'create' });
    expect(created.counts).toEqual({ new: 4, update: 0, duplicate: 0, rejected: 1 });
    expect(created.newCustomers).toEqual([{ key: '无锡新客户', name: '无锡新客户', row: 4 }]);
    expect(created.actions[3]).toMatchObject({
      action: 'create',
      newCustomer: '无锡新客户',
      input: { name: '韩梅梅' },
    });
  });

  it('a contact is the same by its name at the same customer; a shared mobile is likely', async () => {
    const { huaxin, xihu } = seedCustomers(t);
    const stored = call(t.ctx, 'contacts.create', {
      customerId: huaxin.id,
      name: '张伟',
      mobile: '13800138000',
    });
    const p = await plan(t, 'contacts', headers, [
      [huaxin.name, '张 伟', '', ''],
      [xihu.name, '张伟', '', ''],
      [xihu.name, '张小伟', '+86 138 0013 8000', ''],
    ]);
    expect(p.actions.map((a) => a.action)).toEqual(['skip', 'create', 'create']);
    expect(p.actions[0]!.targetId).toBe(stored.id);
    expect(p.likely).toEqual([{ row: 4, matches: [{ id: stored.id, name: '张伟', reason: 'same_phone' }] }]);
  });
});

describe('the check step over files read from disk', () => {
  const fixture = (name: string) => path.join(__dirname, '../fixtures/import', name);

  async function planFile(name: string, fixed?: Record<string, string>) {
    const source = await openImportSource(fixture(name));
    try {
      return await planImport(t.ctx, {
        kind: 'customers',
        headers: source.headers,
        rows: source.rows(),
        mapping: suggestMapping('customers', source.headers),
        fixed,
        options: { duplicates: 'skip', missingLinks: 'reject' },
      });
    } finally {
      await source.close();
    }
  }

  it('a type label the lists do not have is a reason on its row; a fixed value does not overrule it', async () => {
    const p = await planFile('customers-utf8-bom.csv');
    expect(p.problems.map((x) => [x.row, x.column, x.value, x.reason])).toEqual([
      [2, '客户类型', '企业客户', 'invalid_value'],
      [3, '客户类型', '个人客户', 'invalid_value'],
    ]);
    const typed = await planFile('customers-utf8-bom.csv', { typeId: '客户' });
    expect(typed.counts).toMatchObject({ new: 0, rejected: 2 });
  });

  it('formula-looking cells are kept as text, exactly', async () => {
    const p = await planFile('formula.csv');
    expect(p.counts).toEqual({ new: 3, update: 0, duplicate: 0, rejected: 0 });
    expect(p.actions.map((a) => [a.input!.name, a.input!.notes])).toEqual([
      ['=1+2', '=HYPERLINK("http://evil.example","点我")'],
      ['+86 138 0013 8000', '@SUM(A1:A2)'],
      ["=cmd|' /C calc'!A0", '-'],
    ]);
  });
});

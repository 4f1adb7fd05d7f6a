import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  industryTemplates,
  templateKeys,
  templateKinds,
  type BaseItem,
  type BaseKind,
  type TemplateEntry,
} from '../../src-main/contract';
import { loadMigrations } from '../../src-main/db/migrations';
import { closeDatabase, openDatabase } from '../../src-main/db/open';
import {
  FIXED_NOW,
  baseId,
  call,
  callError,
  contextFor,
  dbSnapshot,
  makeTempDir,
  makeTestDb,
  type TestDb,
} from '../helpers/db';

let t: TestDb;
beforeEach(() => {
  t = makeTestDb();
});
afterEach(() => t.close());

const list = (kind: BaseKind): BaseItem[] => call(t.ctx, 'baseData.list', { kind });
const keysOf = (items: readonly { key: string | null }[]) => items.map((i) => i.key);
const settings = () => call(t.ctx, 'settings.get', {});
const me = () => baseId(t.ctx, 'sales_rep', 'me');
const addRep = (nameZh: string) => call(t.ctx, 'baseData.create', { kind: 'sales_rep', nameZh }).id;
const product = (name: string, categoryId: number) =>
  call(t.ctx, 'products.create', { name, categoryId, unit: '件', listPrice: 1_000 });

/** Every list a template leaves alone, with its entries, to compare before and after. */
const otherLists = () =>
  call(t.ctx, 'baseData.list', {}).filter((i) => !(templateKinds as readonly string[]).includes(i.kind));

describe('migration 0009: settings', () => {
  const all = loadMigrations();
  const eight = all.slice(0, 8);

  /** A file made by the version before settings existed, changed by `fill`, then opened now. */
  function upgraded(fill: (db: ReturnType<typeof openDatabase>['db']) => void) {
    const tmp = makeTempDir();
    const file = path.join(tmp.dir, 'old.solocrm');
    const old = openDatabase(file, { migrations: eight });
    fill(old.db);
    closeDatabase(old.db);
    const opened = openDatabase(file, { migrations: all });
    const ctx = contextFor(opened.db, file, opened.schemaVersion);
    const result = call(ctx, 'settings.get', {});
    closeDatabase(opened.db);
    tmp.remove();
    return result;
  }

  it('counts an older file that holds records as set up, so it asks nothing', () => {
    const result = upgraded((db) => {
      db.prepare(
        "INSERT INTO customers (code, name, created_at, updated_at) VALUES ('C000001', '北京华信科技有限公司', ?, ?)",
      ).run(FIXED_NOW, FIXED_NOW);
    });
    expect(result).toEqual({ setUp: true, template: null, currentRepId: expect.any(Number) });
  });

  it('counts an older file whose lists the user added to as set up', () => {
    const result = upgraded((db) => {
      db.prepare(
        "INSERT INTO base_items (kind, name_zh, name_en, sort_order) VALUES ('product_category', '茶叶', 'Tea', 9)",
      ).run();
    });
    expect(result.setUp).toBe(true);
  });

  it('leaves an older file that was never used not set up', () => {
    expect(upgraded(() => {}).setUp).toBe(false);
  });

  it('makes a new file not set up, with 本人 as the current 业务员', () => {
    expect(settings()).toEqual({ setUp: false, template: null, currentRepId: me() });
    expect(t.db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
  });
});

describe('the industry templates', () => {
  it('has the six templates, each with 5 to 8 product categories named in both languages', () => {
    expect(industryTemplates.map((tpl) => tpl.key)).toEqual([...templateKeys]);
    expect(industryTemplates.map((tpl) => tpl.nameZh)).toEqual([
      '通用',
      '零售',
      '制造',
      '餐饮',
      '软件与IT',
      '教育培训',
    ]);
    for (const tpl of industryTemplates) {
      const categories = tpl.lists.product_category;
      expect(categories.length, tpl.key).toBeGreaterThanOrEqual(5);
      expect(categories.length, tpl.key).toBeLessThanOrEqual(8);
      for (const kind of templateKinds) {
        const entries = tpl.lists[kind] ?? [];
        expect(new Set(entries.map((e) => e.key)).size, `${tpl.key} ${kind} keys`).toBe(entries.length);
        expect(new Set(entries.map((e) => e.nameZh)).size, `${tpl.key} ${kind} names`).toBe(entries.length);
        for (const e of entries) {
          expect(e.nameZh.trim(), e.key).not.toBe('');
          expect(e.nameEn.trim(), e.key).not.toBe('');
        }
      }
    }
  });

  it('gives a key the same names in every template, so one entry is never two', () => {
    const seen = new Map<string, TemplateEntry>();
    for (const tpl of industryTemplates) {
      for (const kind of templateKinds) {
        for (const e of tpl.lists[kind] ?? []) {
          const first = seen.get(`${kind}/${e.key}`);
          if (first) expect(e, `${tpl.key} ${kind}/${e.key}`).toEqual(first);
          else seen.set(`${kind}/${e.key}`, e);
        }
      }
    }
  });

  it("keeps 软件与IT's first four categories as the seeded ones, names and keys alike", () => {
    const seeded = list('product_category').map(({ key, nameZh, nameEn }) => ({ key, nameZh, nameEn }));
    const it = industryTemplates.find((tpl) => tpl.key === 'it')!;
    expect(it.lists.product_category.slice(0, seeded.length)).toEqual(seeded);
  });
});

describe('app.setup', () => {
  it.each(templateKeys)('fills a new file with the %s template', (key) => {
    const tpl = industryTemplates.find((x) => x.key === key)!;
    const others = otherLists();
    const before = Object.fromEntries(templateKinds.map((kind) => [kind, list(kind)]));

    expect(call(t.ctx, 'app.setup', { template: key })).toEqual({
      setUp: true,
      template: key,
      currentRepId: me(),
    });

    for (const kind of templateKinds) {
      const entries = tpl.lists[kind];
      const after = list(kind);
      if (!entries) {
        expect(after, kind).toEqual(before[kind]);
        continue;
      }
      expect(
        after.map(({ key: k, nameZh, nameEn, sortOrder, active }) => ({
          k,
          nameZh,
          nameEn,
          sortOrder,
          active,
        })),
        kind,
      ).toEqual(entries.map((e, i) => ({ k: e.key, ...pick(e), sortOrder: i + 1, active: true })));
      // An entry already there keeps its id (records elsewhere may point at it by id).
      for (const item of after) {
        const old = before[kind]!.find((o) => o.key === item.key);
        if (old) expect(item.id).toBe(old.id);
      }
    }
    expect(otherLists()).toEqual(others);
    expect(settings().setUp).toBe(true);
  });

  it('shows 零售 categories and a filled 业务员 for a new opportunity', () => {
    call(t.ctx, 'app.setup', { template: 'retail', repName: '李娜' });
    expect(list('product_category').map((i) => i.nameZh)).toEqual([
      '食品饮料',
      '生鲜果蔬',
      '日用百货',
      '服装鞋帽',
      '家用电器',
      '美妆个护',
      '母婴用品',
    ]);
    const { currentRepId } = settings();
    expect(list('sales_rep').find((r) => r.id === currentRepId)).toMatchObject({
      key: 'me',
      nameZh: '李娜',
      nameEn: '李娜',
    });
    const c = call(t.ctx, 'customers.create', { name: '上海明达贸易有限公司' });
    const o = call(t.ctx, 'opportunities.create', {
      customerId: c.id,
      title: '门店补货',
      ownerId: currentRepId,
    });
    expect(o.ownerId).toBe(currentRepId);
  });

  it('skips with a null template: lists stay, the file is set up, 本人 stays 本人', () => {
    const before = call(t.ctx, 'baseData.list', {});
    expect(call(t.ctx, 'app.setup', { template: null })).toEqual({
      setUp: true,
      template: null,
      currentRepId: me(),
    });
    expect(call(t.ctx, 'baseData.list', {})).toEqual(before);
  });

  it('names the user as 业务员 without a template, and ignores a blank name', () => {
    call(t.ctx, 'app.setup', { template: null, repName: '  王芳  ' });
    expect(list('sales_rep')).toMatchObject([{ key: 'me', nameZh: '王芳', nameEn: '王芳', active: true }]);

    const other = makeTestDb();
    try {
      const before = call(other.ctx, 'baseData.list', { kind: 'sales_rep' });
      call(other.ctx, 'app.setup', { template: 'it', repName: '   ' });
      expect(call(other.ctx, 'baseData.list', { kind: 'sales_rep' })).toEqual(before);
    } finally {
      other.close();
    }
  });

  it('adds the user as a sales rep when 本人 was deleted, and makes them current', () => {
    call(t.ctx, 'baseData.delete', { id: me() });
    expect(settings().currentRepId).toBeNull();
    const result = call(t.ctx, 'app.setup', { template: null, repName: '赵强' });
    const rep = list('sales_rep').find((r) => r.nameZh === '赵强');
    expect(rep).toMatchObject({ key: null, active: true });
    expect(result.currentRepId).toBe(rep!.id);
  });

  it('never deletes an entry in use, nor one the user added; unused seeded ones go', () => {
    const hardware = baseId(t.ctx, 'product_category', 'hardware');
    const server = product('服务器', hardware);
    const tea = call(t.ctx, 'baseData.create', { kind: 'product_category', nameZh: '茶叶', nameEn: 'Tea' });
    const tradeShow = baseId(t.ctx, 'source', 'trade_show');

    call(t.ctx, 'app.setup', { template: 'retail' });

    const after = list('product_category');
    const retail = industryTemplates.find((x) => x.key === 'retail')!.lists.product_category;
    expect(keysOf(after)).toEqual([...retail.map((e) => e.key), 'hardware', null]);
    expect(after.slice(-2).map((i) => i.id)).toEqual([hardware, tea.id]);
    expect(keysOf(after)).not.toContain('software');
    expect(call(t.ctx, 'products.get', { id: server.id }).categoryId).toBe(hardware);
    // The template's sources keep every seeded one.
    expect(list('source').map((i) => i.id)).toContain(tradeShow);
  });

  it('takes an entry the user already made under the same name instead of adding a second', () => {
    const own = call(t.ctx, 'baseData.create', { kind: 'product_category', nameZh: '热菜', nameEn: '' });
    call(t.ctx, 'app.setup', { template: 'catering' });
    const hot = list('product_category').filter((i) => i.nameZh === '热菜');
    expect(hot).toEqual([expect.objectContaining({ id: own.id, key: null, sortOrder: 1 })]);
  });

  it('switches a template entry that was deactivated back on', () => {
    const software = baseId(t.ctx, 'product_category', 'software');
    call(t.ctx, 'baseData.update', { id: software, active: false });
    call(t.ctx, 'app.setup', { template: 'it' });
    expect(list('product_category').find((i) => i.id === software)?.active).toBe(true);
  });

  it('is refused once the file is set up, changing nothing', () => {
    call(t.ctx, 'app.setup', { template: 'general', repName: '张伟' });
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'app.setup', { template: 'retail', repName: '李娜' })).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringMatching(/already set up/),
    });
    expect(callError(t.ctx, 'app.setup', { template: null })).toMatchObject({ code: 'CONFLICT' });
    expect(dbSnapshot(t.db)).toEqual(before);
    expect(settings().template).toBe('general');
  });
});

describe('baseData.applyTemplate', () => {
  it('adds the categories a list lacks at its end, deleting, renaming and moving nothing', () => {
    call(t.ctx, 'app.setup', { template: 'it' });
    const hardware = baseId(t.ctx, 'product_category', 'hardware');
    product('服务器', hardware);
    call(t.ctx, 'baseData.update', { id: hardware, nameZh: '电脑硬件' });
    const before = call(t.ctx, 'baseData.list', {});

    const { added } = call(t.ctx, 'baseData.applyTemplate', { template: 'catering' });

    const catering = industryTemplates.find((x) => x.key === 'catering')!;
    const newSources = catering.lists.source!.filter(
      (e) => !before.some((i) => i.kind === 'source' && i.key === e.key),
    );
    expect(added.map((i) => [i.kind, i.key])).toEqual([
      ...catering.lists.product_category.map((e) => ['product_category', e.key]),
      ...newSources.map((e) => ['source', e.key]),
      ['expense_category', 'promotion'],
    ]);
    const after = call(t.ctx, 'baseData.list', {});
    // Everything that was there is still there, unchanged.
    for (const item of before) expect(after).toContainEqual(item);
    expect(after).toHaveLength(before.length + added.length);
    const categories = list('product_category');
    expect(
      categories.slice(-added.filter((i) => i.kind === 'product_category').length).map((i) => i.key),
    ).toEqual(catering.lists.product_category.map((e) => e.key));
    expect(settings().template).toBe('catering');
  });

  it('adds nothing the second time, nor what the user already has under the same name', () => {
    call(t.ctx, 'baseData.create', { kind: 'product_category', nameZh: '原材料', nameEn: 'Raw materials' });
    const first = call(t.ctx, 'baseData.applyTemplate', { template: 'manufacturing' }).added;
    expect(first.map((i) => i.nameZh)).not.toContain('原材料');
    expect(list('product_category').filter((i) => i.nameZh === '原材料')).toHaveLength(1);
    const before = dbSnapshot(t.db);
    expect(call(t.ctx, 'baseData.applyTemplate', { template: 'manufacturing' }).added).toEqual([]);
    expect(dbSnapshot(t.db)).toEqual(before);
  });

  it('works on a file not yet set up, and leaves it not set up', () => {
    call(t.ctx, 'baseData.applyTemplate', { template: 'education' });
    expect(settings()).toMatchObject({ setUp: false, template: 'education' });
  });
});

describe('the current 业务员', () => {
  it('is 本人 until one is chosen, then the chosen one', () => {
    expect(settings().currentRepId).toBe(me());
    const li = addRep('李娜');
    expect(call(t.ctx, 'settings.update', { currentRepId: li })).toMatchObject({ currentRepId: li });
    expect(settings().currentRepId).toBe(li);
  });

  it('falls back to 本人 when the chosen one is deactivated or deleted, and comes back when reactivated', () => {
    const li = addRep('李娜');
    call(t.ctx, 'settings.update', { currentRepId: li });
    call(t.ctx, 'baseData.update', { id: li, active: false });
    expect(settings().currentRepId).toBe(me());
    call(t.ctx, 'baseData.update', { id: li, active: true });
    expect(settings().currentRepId).toBe(li);
    call(t.ctx, 'baseData.delete', { id: li });
    expect(settings().currentRepId).toBe(me());
  });

  it('follows a merge: the rep merged away hands over to the one merged into', () => {
    const li = addRep('李娜');
    const wang = addRep('王芳');
    call(t.ctx, 'settings.update', { currentRepId: li });
    call(t.ctx, 'baseData.delete', { id: li, mergeInto: wang });
    expect(settings().currentRepId).toBe(wang);
  });

  it('is null when nothing fits: 本人 deactivated and none chosen', () => {
    call(t.ctx, 'baseData.update', { id: me(), active: false });
    expect(settings().currentRepId).toBeNull();
  });

  it('goes back to the default with null', () => {
    call(t.ctx, 'settings.update', { currentRepId: addRep('李娜') });
    expect(call(t.ctx, 'settings.update', { currentRepId: null }).currentRepId).toBe(me());
  });

  it.each([
    ['an entry of another list', () => baseId(t.ctx, 'customer_level', 'vip'), 'not_found'],
    ['an id that does not exist', () => 99_999, 'not_found'],
    [
      'an inactive sales rep',
      () => {
        const id = addRep('停用的人');
        call(t.ctx, 'baseData.update', { id, active: false });
        return id;
      },
      'invalid_value',
    ],
  ])('refuses %s, changing nothing', (_what, idOf, reason) => {
    const id = idOf();
    const before = dbSnapshot(t.db);
    expect(callError(t.ctx, 'settings.update', { currentRepId: id })).toMatchObject({
      code: 'VALIDATION',
      field: 'currentRepId',
      reason,
    });
    expect(dbSnapshot(t.db)).toEqual(before);
    expect(settings().currentRepId).toBe(me());
  });
});

describe('bad input changes nothing', () => {
  const huge = 'x'.repeat(1024 * 1024);
  it.each<[string, string, unknown, string, string]>([
    ['an unknown template', 'app.setup', { template: 'bakery' }, 'template', 'invalid_value'],
    ['a template of the wrong type', 'app.setup', { template: 3 }, 'template', 'invalid_value'],
    ['no template at all', 'app.setup', { repName: '张伟' }, 'template', 'required'],
    [
      'a name of the wrong type',
      'app.setup',
      { template: 'retail', repName: ['张伟'] },
      'repName',
      'invalid_type',
    ],
    [
      'a name over 100 characters',
      'app.setup',
      { template: 'retail', repName: '张'.repeat(101) },
      'repName',
      'too_long',
    ],
    ['a 1 MB name', 'app.setup', { template: 'retail', repName: huge }, 'repName', 'too_long'],
    ['an unknown field', 'app.setup', { template: 'retail', language: 'en' }, 'language', 'unknown_field'],
    ['a rep id as text', 'settings.update', { currentRepId: '61' }, 'currentRepId', 'invalid_type'],
    ['a fractional rep id', 'settings.update', { currentRepId: 1.5 }, 'currentRepId', 'invalid_type'],
    ['no rep id', 'settings.update', {}, 'currentRepId', 'required'],
    [
      'a setting that does not exist',
      'settings.update',
      { currentRepId: null, theme: 'dark' },
      'theme',
      'unknown_field',
    ],
    ['a field for settings.get', 'settings.get', { key: 'template' }, 'key', 'unknown_field'],
    [
      'an unknown template to apply',
      'baseData.applyTemplate',
      { template: 'Retail' },
      'template',
      'invalid_value',
    ],
    ['a 1 MB template name', 'baseData.applyTemplate', { template: huge }, 'template', 'invalid_value'],
    ['no template to apply', 'baseData.applyTemplate', {}, 'template', 'required'],
  ])('%s', (_what, channel, input, field, reason) => {
    const before = dbSnapshot(t.db);
    const error = callError(t.ctx, channel, input);
    expect(error).toMatchObject({ code: 'VALIDATION', field, reason });
    expect(JSON.stringify(error).length).toBeLessThan(1000);
    expect(dbSnapshot(t.db)).toEqual(before);
    expect(settings().setUp).toBe(false);
  });
});

function pick(e: TemplateEntry) {
  return { nameZh: e.nameZh, nameEn: e.nameEn };
}

import type { TFunction } from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomField, CustomFieldCreateInput } from '../../src-main/contract';
import {
  customFiltersFor,
  customInput,
  customToFormValues,
  formatCustomValue,
  validateCustom,
  withCustomRows,
  type CustomFormValues,
} from '../../src-renderer/lib/custom-fields';
import { call, callError, makeTestDb, type TestDb } from '../helpers/db';

/**
 * What the screens build from custom fields (form values, the input a save sends, the form's own
 * checks, list filters, shown values) against the real handlers: the form refuses what the main
 * process refuses, at the same path, and a list filter finds what it says.
 */

const words: Record<string, string> = {
  'common.yes': '是',
  'common.no': '否',
  'customFields.separator': '、',
};
/** Translations as keys (`validation.required`), a few words as the zh screens show them. */
const t = ((key: string) => words[key] ?? key) as unknown as TFunction;

let db: TestDb;
let fields: Record<'size' | 'purchase' | 'since' | 'tags' | 'vip' | 'remark', CustomField>;

const add = (input: Omit<CustomFieldCreateInput, 'entity'>) =>
  call(db.ctx, 'customFields.create', { entity: 'customers', ...input });

beforeEach(() => {
  db = makeTestDb();
  fields = {
    size: add({ label: '客户规模', type: 'select', options: ['大型', '中型', '小型'], required: true }),
    purchase: add({ label: '年采购额（万元）', type: 'number' }),
    since: add({ label: '首次合作日期', type: 'date' }),
    tags: add({ label: '关注产品', type: 'multiselect', options: ['服务器', '存储', '网络'] }),
    vip: add({ label: '重点客户', type: 'checkbox' }),
    remark: add({ label: '渠道备注', type: 'text' }),
  };
});
afterEach(() => db.close());

const shown = () => call(db.ctx, 'customFields.list', { entity: 'customers' });
const form = (values: Partial<Record<keyof typeof fields, CustomFormValues[string]>>): CustomFormValues =>
  Object.fromEntries(
    Object.entries(values).map(([k, v]) => [String(fields[k as keyof typeof fields].id), v]),
  );
const create = (name: string, custom: CustomFormValues) =>
  call(db.ctx, 'customers.create', { name, custom: customInput(shown(), custom) });

describe('a custom fields form against the main process', () => {
  it('sends every shown field, empty ones as empty, and the required one is refused at the same path', () => {
    const input = customInput(shown(), {});
    expect(input).toEqual({
      [fields.size.id]: null,
      [fields.purchase.id]: null,
      [fields.since.id]: null,
      [fields.tags.id]: [],
      [fields.vip.id]: false,
      [fields.remark.id]: '',
    });
    const formErrors = validateCustom(shown(), {}, t);
    expect(formErrors).toEqual({ [`custom.${fields.size.id}`]: 'validation.required' });

    const err = callError(db.ctx, 'customers.create', { name: '北京华信科技有限公司', custom: input });
    expect(err).toMatchObject({ code: 'VALIDATION', field: `custom.${fields.size.id}`, reason: 'required' });
    expect(err.params?.label).toBe('客户规模');
  });

  it('stores a filled form and gives it back to the edit form as it was', () => {
    const values = form({
      size: '大型',
      purchase: 1250,
      since: '2019-04-18',
      tags: ['服务器', '网络'],
      vip: true,
      remark: '经销商介绍',
    });
    expect(validateCustom(shown(), values, t)).toEqual({});
    const saved = create('北京华信科技有限公司', values);
    expect(saved.custom).toEqual(values);
    expect(customInput(shown(), customToFormValues(saved.custom))).toEqual(values);

    const lang = 'zh-CN';
    const show = (k: keyof typeof fields) =>
      formatCustomValue(fields[k], saved.custom[fields[k].id], t, lang);
    expect([show('size'), show('purchase'), show('since'), show('tags'), show('vip')]).toEqual([
      '大型',
      '1,250',
      '2019-04-18',
      '服务器、网络',
      '是',
    ]);
    // A checkbox never ticked reads 否, like one unticked.
    expect(formatCustomValue(fields.vip, undefined, t, lang)).toBe('否');
    expect(formatCustomValue(fields.remark, undefined, t, lang)).toBe('');
  });

  it('refuses in the form what the main process refuses, for the same reason', () => {
    const cases: [keyof typeof fields, CustomFormValues[string]][] = [
      ['size', '特大型'],
      ['purchase', '12a'],
      ['tags', ['服务器', '打印机']],
      ['since', '2019-02-30'],
    ];
    for (const [key, bad] of cases) {
      const values = form({ size: '中型', [key]: bad });
      const path = `custom.${fields[key].id}`;
      const err = callError(db.ctx, 'customers.create', {
        name: '上海明达贸易有限公司',
        custom: customInput(shown(), values),
      });
      expect(err.field).toBe(path);
      expect(validateCustom(shown(), values, t)).toEqual({ [path]: `validation.${err.reason}` });
    }
  });

  it('leaves a switched-off field out of the form, and its stored value as it was', () => {
    const saved = create('北京华信科技有限公司', form({ size: '大型', remark: '老客户' }));
    call(db.ctx, 'customFields.update', {
      id: fields.remark.id,
      version: fields.remark.version,
      active: false,
    });
    expect(shown().map((f) => f.id)).not.toContain(fields.remark.id);

    const updated = call(db.ctx, 'customers.update', {
      id: saved.id,
      version: saved.version,
      name: saved.name,
      custom: customInput(shown(), { ...customToFormValues(saved.custom), [fields.size.id]: '小型' }),
    });
    // The shown checkbox is sent as unticked (false); the switched-off text keeps its value.
    expect(updated.custom).toEqual(form({ size: '小型', vip: false, remark: '老客户' }));
  });
});

describe('a list filter on a custom field', () => {
  beforeEach(() => {
    create(
      '北京华信科技有限公司',
      form({
        size: '大型',
        purchase: 1250,
        since: '2019-04-18',
        tags: ['服务器'],
        vip: true,
        remark: '经销商介绍',
      }),
    );
    create(
      '上海明达贸易有限公司',
      form({ size: '中型', purchase: 86.5, since: '2022-09-01', tags: ['存储', '网络'] }),
    );
    create('广州南方物流集团', form({ size: '小型' }));
  });
  const names = (key: keyof typeof fields, value: string, min = '', max = '') => {
    const customFilters = customFiltersFor(fields[key], value, min, max);
    return call(db.ctx, 'customers.list', { customFilters, sort: { column: 'name', direction: 'asc' } })
      .rows.map((r) => r.name)
      .sort();
  };

  it('finds the records it names, for every type', () => {
    expect(names('size', '大型')).toEqual(['北京华信科技有限公司']);
    expect(names('purchase', '', '100')).toEqual(['北京华信科技有限公司']);
    expect(names('purchase', '', '50', '100')).toEqual(['上海明达贸易有限公司']);
    expect(names('since', '', '', '2020-12-31')).toEqual(['北京华信科技有限公司']);
    expect(names('tags', '网络')).toEqual(['上海明达贸易有限公司']);
    expect(names('vip', 'yes')).toEqual(['北京华信科技有限公司']);
    // 否 includes the records never ticked.
    expect(names('vip', 'no')).toEqual(['上海明达贸易有限公司', '广州南方物流集团']);
    expect(names('remark', '经销')).toEqual(['北京华信科技有限公司']);
  });

  it('filters nothing while a value is missing or half typed', () => {
    expect(customFiltersFor(fields.size, '', '', '')).toBeUndefined();
    expect(customFiltersFor(fields.purchase, '', '-', '')).toBeUndefined();
    expect(customFiltersFor(fields.since, '', '2019-0', '')).toBeUndefined();
    expect(customFiltersFor(fields.remark, '   ', '', '')).toBeUndefined();
    expect(names('since', '', '2019-0', '')).toHaveLength(3);
  });
});

describe('custom rows in a field list', () => {
  it('go before the created and updated times', () => {
    const rows = ['名称', '备注', '创建时间', '修改时间'].map((label) => ({ label, value: '' }));
    const custom = [{ label: '客户规模', value: '大型' }];
    expect(withCustomRows(rows, custom).map((r) => r.label)).toEqual([
      '名称',
      '备注',
      '客户规模',
      '创建时间',
      '修改时间',
    ]);
  });
});

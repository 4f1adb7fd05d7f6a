import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  activityCreateInput,
  contactCreateInput,
  customerCreateInput,
  expenseCreateInput,
  feedbackCloseInput,
  feedbackCreateInput,
  importKinds,
  lineInput,
  opportunityCloseInput,
  opportunityCreateInput,
  productCreateInput,
  saleCreateInput,
  type CustomField,
  type ImportKind,
} from '../../src-main/contract';
import {
  builtInFields,
  headerSignature,
  importFields,
  normaliseHeader,
  rememberMapping,
  suggestMapping,
} from '../../src-main/import/fields';
import { en as appEn } from '../../src-renderer/i18n/en';
import { zhCN as appZh } from '../../src-renderer/i18n/zh-CN';
import * as activities from '../../src-renderer/modules/activities/messages';
import * as contacts from '../../src-renderer/modules/contacts/messages';
import * as expenses from '../../src-renderer/modules/expenses/messages';
import * as feedback from '../../src-renderer/modules/feedback/messages';
import * as opportunities from '../../src-renderer/modules/opportunities/messages';
import * as products from '../../src-renderer/modules/products/messages';
import * as sales from '../../src-renderer/modules/sales/messages';

type Words = Record<string, string>;
type Lang = 'zh' | 'en';

/** Each list's field words, as its forms, detail tables and export headings use them. */
const fieldWords: Record<ImportKind, Record<Lang, Words>> = {
  customers: { zh: appZh.fields, en: appEn.fields },
  contacts: { zh: contacts.zh.fields, en: contacts.en.fields },
  products: { zh: products.zh.fields, en: products.en.fields },
  opportunities: { zh: opportunities.zh.fields, en: opportunities.en.fields },
  sales: { zh: sales.zh.fields, en: sales.en.fields },
  activities: { zh: activities.zh.fields, en: activities.en.fields },
  feedback: { zh: feedback.zh.fields, en: feedback.en.fields },
  expenses: { zh: expenses.zh.fields, en: expenses.en.fields },
};
/** A sale line's words (明细: 产品, 数量, 单价, 折扣), by the line input's field. */
const lineWords: Record<Lang, Words> = {
  zh: {
    productId: appZh.lines.product,
    quantity: appZh.lines.quantity,
    unitPrice: appZh.lines.unitPrice,
    discount: appZh.lines.discount,
  },
  en: {
    productId: appEn.lines.product,
    quantity: appEn.lines.quantity,
    unitPrice: appEn.lines.unitPrice,
    discount: appEn.lines.discount,
  },
};

/**
 * Field words that an import does not fill: stamps and computed figures (an exported file's
 * 修改时间 or 金额 column is left unmapped), and a sale's 来源机会, which only closing an
 * opportunity sets. Every other field word must map back to its field.
 */
const notImported: Record<ImportKind, string[]> = {
  customers: ['createdAt', 'updatedAt', 'version'],
  contacts: ['createdAt', 'updatedAt'],
  products: ['createdAt', 'updatedAt'],
  opportunities: ['closedAt', 'saleId', 'lines', 'createdAt', 'updatedAt'],
  sales: ['opportunityId', 'amount', 'lines', 'linesTotal', 'lineCount', 'createdAt', 'updatedAt'],
  activities: ['createdAt', 'updatedAt'],
  feedback: ['createdAt', 'updatedAt'],
  expenses: ['createdAt', 'updatedAt'],
};

const createInputs: Record<ImportKind, z.ZodObject> = {
  customers: customerCreateInput,
  contacts: contactCreateInput,
  products: productCreateInput,
  opportunities: opportunityCreateInput,
  sales: saleCreateInput,
  activities: activityCreateInput,
  feedback: feedbackCreateInput,
  expenses: expenseCreateInput,
};

const field = (kind: ImportKind, key: string) => builtInFields[kind].find((f) => f.key === key)!;

/** Maps `headers` and pairs each with its field key, for readable failures. */
const mapped = (kind: ImportKind, headers: string[], custom: CustomField[] = []) => {
  const mapping = suggestMapping(kind, headers, custom);
  return Object.fromEntries(headers.map((h, i) => [h, mapping[i]]));
};

const customField = (over: Partial<CustomField>): CustomField => ({
  id: 1,
  entity: 'customers',
  label: '年采购额',
  type: 'number',
  options: [],
  required: false,
  showInList: true,
  active: true,
  sortOrder: 1,
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

describe('the fields an import fills', () => {
  it('has a table for every kind with a list', () => {
    expect(Object.keys(builtInFields).sort()).toEqual([...importKinds].sort());
  });

  it.each(importKinds)('%s: labels are the app’s own words, in both languages', (kind) => {
    for (const f of builtInFields[kind]) {
      const words = f.role === 'line' ? lineWords : fieldWords[kind];
      expect({ key: f.key, zh: f.label.zh, en: f.label.en }).toEqual({
        key: f.key,
        zh: words.zh[f.key],
        en: words.en[f.key],
      });
    }
  });

  it('names the choices as the screens do', () => {
    const options = (kind: ImportKind, key: string) =>
      Object.fromEntries(field(kind, key).options!.map((o) => [o.value, [o.zh, o.en]]));
    const pairs = (zh: Words, en: Words) =>
      Object.fromEntries(Object.keys(zh).map((k) => [k, [zh[k], en[k]]]));
    expect(options('contacts', 'gender')).toEqual(pairs(contacts.zh.gender, contacts.en.gender));
    expect(options('opportunities', 'status')).toEqual(
      pairs(opportunities.zh.status, opportunities.en.status),
    );
    expect(options('sales', 'status')).toEqual(pairs(sales.zh.status, sales.en.status));
    expect(options('activities', 'type')).toEqual(pairs(activities.zh.types, activities.en.types));
    expect(options('feedback', 'priority')).toEqual(pairs(feedback.zh.priority, feedback.en.priority));
    expect(options('feedback', 'status')).toEqual(pairs(feedback.zh.status, feedback.en.status));
  });

  it.each(importKinds)('%s: keys are the create input’s, required exactly where it requires them', (kind) => {
    const shape = createInputs[kind].shape as Record<string, z.ZodType>;
    const closeKeys = new Set(['status', 'result', 'satisfaction', 'closedDate', 'lostReason']);
    for (const f of builtInFields[kind]) {
      if (f.role === 'code') expect(f.key).toBe('code');
      else if (f.role === 'close') expect(closeKeys.has(f.key), f.key).toBe(true);
      else {
        const schema = (f.role === 'line' ? lineInput.shape : shape)[f.key as never] as z.ZodType | undefined;
        expect(schema, `${kind}.${f.key}`).toBeDefined();
        expect(f.required, `${kind}.${f.key} required`).toBe(!schema!.safeParse(undefined).success);
      }
      if (f.type === 'base') expect(f.base, f.key).toBeDefined();
      if (f.type === 'link') expect(f.link, f.key).toBeDefined();
      if (f.type === 'enum') expect(f.options?.length, f.key).toBeGreaterThan(0);
    }
  });

  it('closes feedback and opportunities with the close inputs’ own fields', () => {
    const feedbackClose = Object.keys(feedbackCloseInput.shape);
    for (const key of ['result', 'satisfaction', 'closedDate']) expect(feedbackClose).toContain(key);
    const lost = opportunityCloseInput.options.find((o) => o.shape.outcome.value === 'lost')!;
    expect(Object.keys(lost.shape)).toContain('lostReason');
  });

  it.each(importKinds)('%s: no header name belongs to two fields', (kind) => {
    const owner = new Map<string, string>();
    for (const f of builtInFields[kind]) {
      const names = new Set([f.label.zh, f.label.en, ...f.synonyms].map(normaliseHeader));
      for (const name of names) {
        expect(owner.get(name) ?? f.key, `${kind}: “${name}” names ${owner.get(name)} and ${f.key}`).toBe(
          f.key,
        );
        owner.set(name, f.key);
      }
      for (const o of f.options ?? []) expect(o.value).toMatch(/^[a-z]+$/);
    }
  });
});

describe('an exported list maps back with no change', () => {
  it.each(importKinds.flatMap((kind) => (['zh', 'en'] as const).map((lang) => [kind, lang] as const)))(
    '%s (%s): every field word maps to its own field, the rest to nothing',
    (kind, lang) => {
      const words = { ...fieldWords[kind][lang], ...(kind === 'sales' ? lineWords[lang] : {}) };
      const keys = Object.keys(words);
      const headers = keys.map((k) => words[k]!);
      // All of them in one file, as an export of every column would have them.
      const mapping = suggestMapping(kind, headers);
      const expected = keys.map((k) => (notImported[kind].includes(k) ? null : k));
      expect(Object.fromEntries(keys.map((k, i) => [k, mapping[i]]))).toEqual(
        Object.fromEntries(keys.map((k, i) => [k, expected[i]])),
      );
      // And every importable field has a word on the screens, so an export can name it.
      const importable = builtInFields[kind].map((f) => f.key).sort();
      expect(keys.filter((k) => !notImported[kind].includes(k)).sort()).toEqual(importable);
    },
  );

  it('sale lines’ 金额 (computed) is left unmapped beside the sale’s', () => {
    expect(mapped('sales', [appZh.lines.amount, appEn.lines.amount])).toEqual({ 金额: null, Amount: null });
  });

  it('maps custom fields by their labels, as list exports head them', () => {
    const custom = [
      customField({ id: 3, label: '客户规模', type: 'select', options: ['大型', '中型'] }),
      customField({ id: 4, label: '年采购额' }),
      customField({ id: 5, label: '行业细分', entity: 'contacts' }),
      customField({ id: 6, label: '旧字段', active: false }),
    ];
    expect(
      mapped('customers', ['客户编号', '客户名称', '客户规模', '年采购额', '行业细分', '旧字段'], custom),
    ).toEqual({
      客户编号: 'code',
      客户名称: 'name',
      客户规模: 'custom.3',
      年采购额: 'custom.4',
      行业细分: null,
      旧字段: null,
    });
    const fields = importFields('customers', custom);
    expect(fields.at(-2)).toMatchObject({
      key: 'custom.3',
      type: 'enum',
      customFieldId: 3,
      label: { zh: '客户规模', en: '客户规模' },
      options: [
        { value: '大型', zh: '大型', en: '大型' },
        { value: '中型', zh: '中型', en: '中型' },
      ],
    });
    expect(fields.at(-1)).toMatchObject({ key: 'custom.4', type: 'number', required: false });
    expect(
      importFields('customers', [customField({ id: 9, type: 'multiselect', options: ['a'] })]).at(-1),
    ).toMatchObject({ type: 'enum', multiple: true });
    expect(importFields('customers', [customField({ id: 9, type: 'checkbox' })]).at(-1)?.type).toBe(
      'boolean',
    );
  });
});

describe('Northwind’s files map with no manual change', () => {
  const headersOf = (file: string) =>
    fs
      .readFileSync(path.join(import.meta.dirname, '../fixtures/northwind', file), 'utf8')
      .split('\n', 1)[0]!
      .trim()
      .split(',');

  it('customers.csv: every column the app has a field for', () => {
    expect(mapped('customers', headersOf('customers.csv'))).toEqual({
      CustomerID: 'code',
      CompanyName: 'name',
      ContactName: null,
      ContactTitle: null,
      Address: 'address',
      City: 'city',
      Region: 'regionId',
      PostalCode: 'postcode',
      Country: null,
      Phone: 'phone',
      Fax: 'fax',
    });
  });

  it('customers.csv as a contacts file: the customer by its name, the contact’s own columns', () => {
    expect(mapped('contacts', headersOf('customers.csv'))).toMatchObject({
      CustomerID: null,
      CompanyName: 'customerId',
      ContactName: 'name',
      ContactTitle: 'title',
      Address: 'address',
      Phone: 'phone',
      Fax: null,
    });
  });

  it('products.csv', () => {
    expect(mapped('products', headersOf('products.csv'))).toEqual({
      ProductID: 'code',
      ProductName: 'name',
      SupplierID: null,
      CategoryID: 'categoryId',
      QuantityPerUnit: 'unit',
      UnitPrice: 'listPrice',
      UnitsInStock: null,
      UnitsOnOrder: null,
      ReorderLevel: null,
      Discontinued: null,
    });
  });

  it('orders.csv joined with order_details.csv: one row per sale line', () => {
    const headers = [
      ...headersOf('orders.csv'),
      ...headersOf('order_details.csv').filter((h) => h !== 'OrderID'),
    ];
    const m = mapped('sales', headers);
    expect(Object.fromEntries(Object.entries(m).filter(([, v]) => v !== null))).toEqual({
      OrderID: 'code',
      CustomerID: 'customerId',
      OrderDate: 'saleDate',
      ProductID: 'productId',
      UnitPrice: 'unitPrice',
      Quantity: 'quantity',
      Discount: 'discount',
    });
    // Dates that are not the sale's, and the shipping columns, stay out.
    for (const h of ['RequiredDate', 'ShippedDate', 'ShipAddress', 'Freight', 'EmployeeID'])
      expect(m[h]).toBeNull();
  });

  it('categories.csv’s name column names a product’s category too', () => {
    expect(mapped('products', ['CategoryName', 'ProductName'])).toEqual({
      CategoryName: 'categoryId',
      ProductName: 'name',
    });
  });
});

describe('header synonyms', () => {
  it.each([
    [
      'name',
      '客户名称/公司名称/单位名称/名称/企业名称/Company/Company Name/CompanyName/Customer/Account Name',
    ],
    ['phone', '电话/联系电话/固定电话/办公电话/Phone/Tel/Telephone/Business Phone'],
    ['mobile', '手机/手机号/手机号码/移动电话/Mobile/Cell/Cell Phone'],
    ['email', '邮箱/电子邮件/电子邮箱/E-mail/Email'],
    ['address', '地址/通讯地址/Address/Street'],
    ['postcode', '邮编/邮政编码/Zip/Postal Code'],
    ['ownerId', '业务员/销售员/负责人/Owner/Sales Rep/Salesperson'],
    ['typeId', '客户类型/类型/Type'],
  ])('customers: %s', (key, headers) => {
    for (const h of headers.split('/')) expect(mapped('customers', [h]), h).toEqual({ [h]: key });
  });

  it.each([
    ['contacts', 'name', '姓名/联系人/联系人姓名/Contact Name/ContactName/Name'],
    ['contacts', 'title', '职务/职位/Title/Job Title'],
    ['contacts', 'customerId', '客户名称/公司名称/所属客户/Company/Customer/客户编号/CustomerID'],
    ['contacts', 'gender', '性别/Gender/Sex'],
    ['products', 'listPrice', '标准价格/价格/单价/售价/Price/Unit Price'],
    ['opportunities', 'title', '机会名称/商机名称/Opportunity Name/Deal Name'],
    ['sales', 'code', '订单号/订单编号/单号/Order No./Order Number/OrderID'],
    ['sales', 'productId', '产品/产品名称/商品名称/品名/Product/ProductName/SKU'],
    ['sales', 'quantity', '数量/Qty/Quantity'],
    ['activities', 'occurredAt', '时间/日期/行动时间/Date'],
    ['feedback', 'handlerId', '处理人/负责人/Handler'],
    ['expenses', 'categoryId', '类别/费用类别/费用类型/Category'],
  ] as const)('%s: %s', (kind, key, headers) => {
    for (const h of headers.split('/')) expect(mapped(kind, [h]), h).toEqual({ [h]: key });
  });

  it('compares headers without case, width, spaces, underscores or punctuation', () => {
    for (const h of [
      'company_name',
      'COMPANY NAME',
      'ＣｏｍｐａｎｙＮａｍｅ',
      ' Company  Name ',
      '*客户名称',
      '客户名称：',
      '【客户名称】',
    ])
      expect(mapped('customers', [h]), h).toEqual({ [h]: 'name' });
    expect(normaliseHeader('Ｅ－ｍａｉｌ　地址')).toBe('email地址');
  });

  it('drops a bracketed unit when the whole header names nothing', () => {
    expect(mapped('sales', ['单价（元）', '数量(件)', 'Discount (%)'])).toEqual({
      '单价（元）': 'unitPrice',
      '数量(件)': 'quantity',
      'Discount (%)': 'discount',
    });
  });

  it('matches no header by a part of it', () => {
    expect(mapped('customers', ['客户名称备用', 'Phone 2', '电话号码列表', '', '   '])).toEqual({
      客户名称备用: null,
      'Phone 2': null,
      电话号码列表: null,
      '': null,
      '   ': null,
    });
  });
});

describe('two headers for one field', () => {
  it('gives the field to its label over a synonym, wherever the label stands', () => {
    expect(suggestMapping('customers', ['联系电话', '电话'])).toEqual([null, 'phone']);
    expect(suggestMapping('customers', ['公司名称', '客户名称', 'Company'])).toEqual([null, 'name', null]);
  });

  it('between synonyms, to the more telling one; between equals, to the header further left', () => {
    expect(suggestMapping('customers', ['名称', '公司名称'])).toEqual([null, 'name']);
    expect(suggestMapping('customers', ['Phone', 'phone', 'PHONE'])).toEqual(['phone', null, null]);
    // A contacts file naming its customer twice: the name column, which a person reads, wins.
    expect(suggestMapping('contacts', ['客户编号', '客户名称'])).toEqual([null, 'customerId']);
  });

  it('lets a header that lost one field take the next it names', () => {
    const custom = [customField({ id: 7, label: '传真' })];
    expect(suggestMapping('customers', ['传真', '传真'], custom)).toEqual(['fax', 'custom.7']);
  });

  it('prefers the user’s own field’s label to a built-in synonym', () => {
    const custom = [customField({ id: 8, label: '公司' })];
    expect(suggestMapping('customers', ['公司'], custom)).toEqual(['custom.8']);
    expect(suggestMapping('customers', ['公司'])).toEqual(['name']);
  });

  it('never maps two headers onto one field', () => {
    for (const kind of importKinds) {
      const headers = builtInFields[kind].flatMap((f) => [f.label.zh, f.label.en, ...f.synonyms]);
      const keys = suggestMapping(kind, headers).filter((k) => k !== null);
      expect(new Set(keys).size, kind).toBe(keys.length);
      expect(keys.length, kind).toBe(builtInFields[kind].length);
    }
  });
});

describe('the remembered mapping', () => {
  const headers = ['公司', '电话', '备注', '来源渠道'];

  it('is keyed by the set of headers, whatever their order, spacing or case', () => {
    expect(headerSignature(['Company Name', '电话', 'E-mail'])).toBe(
      headerSignature(['电话', 'email', 'company_name']),
    );
    expect(headerSignature(['公司', '电话'])).not.toBe(headerSignature(['公司', '电话', '备注']));
    expect(headerSignature(['电话', '电话'])).not.toBe(headerSignature(['电话']));
  });

  it('wins over the suggestion, unmapped columns included', () => {
    expect(suggestMapping('customers', headers)).toEqual(['name', 'phone', 'notes', null]);
    const remembered = rememberMapping(headers, ['shortName', 'mobile', null, 'sourceId']);
    expect(remembered).toEqual({ 公司: 'shortName', 电话: 'mobile', 备注: null, 来源渠道: 'sourceId' });
    expect(suggestMapping('customers', headers, [], remembered)).toEqual([
      'shortName',
      'mobile',
      null,
      'sourceId',
    ]);
    // The same columns in another order and spelling find it too.
    expect(suggestMapping('customers', ['来源 渠道', '电　话', '公司', '备注'], [], remembered)).toEqual([
      'sourceId',
      'mobile',
      'shortName',
      null,
    ]);
  });

  it('falls back to a suggestion where it names a field that is gone, and keeps one header per field', () => {
    const remembered = { 公司: 'custom.99', 电话: 'notes', 备注: 'notes' };
    expect(suggestMapping('customers', headers, [], remembered)).toEqual(['name', 'notes', null, null]);
  });

  it('tells repeated headers apart', () => {
    const custom = [customField({ id: 7, label: '传真' })];
    const remembered = rememberMapping(['传真', '传真'], ['custom.7', null]);
    expect(remembered).toEqual({ 传真: 'custom.7', '传真#2': null });
    expect(suggestMapping('customers', ['传真', '传真'], custom, remembered)).toEqual(['custom.7', null]);
  });
});

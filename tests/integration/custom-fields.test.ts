import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CUSTOM_TEXT_MAX,
  customFieldEntities,
  type Channel,
  type CustomField,
  type CustomFieldCreateInput,
  type CustomFieldEntity,
  type CustomFieldType,
  type CustomFilter,
  type CustomValues,
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
/** The customer the contacts, opportunities and sales of a test belong to. */
let host: number;

beforeEach(() => {
  clock = manualClock();
  t = makeTestDb({ now: clock.now });
  host = call(t.ctx, 'customers.create', { name: '上海明达贸易有限公司' }).id;
});
afterEach(() => t.close());

// ---------------------------------------------------------------------------------------------
// Helpers

const addField = (
  entity: CustomFieldEntity,
  label: string,
  type: CustomFieldType,
  extra: Partial<CustomFieldCreateInput> = {},
): CustomField => call(t.ctx, 'customFields.create', { entity, label, type, ...extra });

const fields = (input: { entity?: CustomFieldEntity; includeInactive?: boolean } = {}) =>
  call(t.ctx, 'customFields.list', input);

/** What the four record kinds have in common here. */
interface Rec {
  id: number;
  version: number;
  custom: CustomValues;
}

/** The smallest valid new record of each kind (contacts, opportunities and sales of `host`). */
const minimal: Record<CustomFieldEntity, () => Record<string, unknown>> = {
  customers: () => ({ name: '北京华信科技有限公司' }),
  contacts: () => ({ customerId: host, name: '张伟' }),
  opportunities: () => ({ customerId: host, title: '服务器扩容' }),
  sales: () => ({ customerId: host, saleDate: '2026-01-02' }),
};

const callAny = (channel: string, input: unknown) => call(t.ctx, channel as Channel, input as never);

const createRec = (kind: CustomFieldEntity, custom?: Record<string, unknown>, more = {}): Rec =>
  callAny(`${kind}.create`, { ...minimal[kind](), ...more, ...(custom ? { custom } : {}) }) as Rec;
const updateRec = (kind: CustomFieldEntity, rec: Pick<Rec, 'id' | 'version'>, custom: unknown): Rec =>
  callAny(`${kind}.update`, { id: rec.id, version: rec.version, custom }) as Rec;
const getRec = (kind: CustomFieldEntity, id: number): Rec => callAny(`${kind}.get`, { id }) as Rec;
const listRows = (kind: CustomFieldEntity, input: Record<string, unknown> = {}) =>
  callAny(`${kind}.list`, input) as { rows: Rec[]; total: number };
const listIds = (kind: CustomFieldEntity, customFilters: CustomFilter[], more = {}) =>
  listRows(kind, { customFilters, ...more })
    .rows.map((r) => r.id)
    .sort((a, b) => a - b);

const storedJson = (kind: CustomFieldEntity, id: number) =>
  t.db.prepare(`SELECT custom FROM ${kind} WHERE id = ?`).pluck().get(id) as string;

/** Calls what must be refused, and checks it was refused as VALIDATION and changed nothing. */
function refused(channel: string, input: unknown) {
  const before = dbSnapshot(t.db);
  const error = callError(t.ctx, channel, input);
  expect(dbSnapshot(t.db)).toEqual(before);
  return error;
}

/** One field of every type on a record kind, in this order. */
function everyType(entity: CustomFieldEntity) {
  return {
    text: addField(entity, '备注说明', 'text'),
    number: addField(entity, '年采购额', 'number'),
    date: addField(entity, '签约日期', 'date'),
    select: addField(entity, '行业细分', 'select', { options: ['制造业', '零售', '教育'] }),
    multiselect: addField(entity, '关注产品', 'multiselect', { options: ['服务器', '存储', '网络'] }),
    checkbox: addField(entity, '已签保密协议', 'checkbox'),
  };
}

// ---------------------------------------------------------------------------------------------
// Definitions

describe('customFields.create and customFields.list', () => {
  it('creates a field with its defaults and reads it back', () => {
    const f = addField('customers', '行业细分', 'select', { options: ['制造业', '零售'] });
    expect(f).toEqual({
      id: f.id,
      entity: 'customers',
      label: '行业细分',
      type: 'select',
      options: ['制造业', '零售'],
      required: false,
      showInList: false,
      active: true,
      sortOrder: 1,
      version: 1,
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
    });
    expect(fields({ entity: 'customers' })).toEqual([f]);
  });

  it('trims the label and keeps required and showInList', () => {
    const f = addField('sales', '  发票号  ', 'text', { required: true, showInList: true });
    expect(f).toMatchObject({ label: '发票号', required: true, showInList: true, options: [] });
  });

  it('lists a kind’s fields in their order, switched-off ones only on request', () => {
    const a = addField('contacts', '爱好', 'text');
    const b = addField('contacts', '生日提醒', 'checkbox');
    const c = addField('customers', '年采购额', 'number');
    call(t.ctx, 'customFields.update', { id: a.id, version: 1, active: false });
    expect(fields({ entity: 'contacts' }).map((f) => f.id)).toEqual([b.id]);
    expect(fields({ entity: 'contacts', includeInactive: true }).map((f) => f.id)).toEqual([a.id, b.id]);
    expect(b.sortOrder).toBe(2);
    expect(c.sortOrder).toBe(1); // numbered per kind
    // Without a kind: every kind's, grouped by kind.
    expect(fields({ includeInactive: true }).map((f) => f.id)).toEqual([a.id, b.id, c.id]);
  });

  it('refuses a label the kind already has, whatever its letter case, and changes nothing', () => {
    addField('customers', 'Region', 'text');
    for (const label of ['Region', 'region', ' REGION ']) {
      const error = refused('customFields.create', { entity: 'customers', label, type: 'number' });
      expect(error).toMatchObject({ code: 'VALIDATION', field: 'label', reason: 'duplicate' });
      expect(error.message).toMatch(/already have a field called/);
    }
    // Another kind may use it.
    expect(addField('contacts', 'Region', 'text').label).toBe('Region');
  });

  it.each(['select', 'multiselect'] as const)('requires options of a %s field, each once', (type) => {
    expect(refused('customFields.create', { entity: 'customers', label: 'x', type })).toMatchObject({
      code: 'VALIDATION',
      field: 'options',
      reason: 'required',
    });
    expect(
      refused('customFields.create', { entity: 'customers', label: 'x', type, options: ['甲', '乙', '甲'] }),
    ).toMatchObject({ code: 'VALIDATION', field: 'options', reason: 'duplicate' });
  });

  it.each(['text', 'number', 'date', 'checkbox'] as const)('refuses options on a %s field', (type) => {
    expect(
      refused('customFields.create', { entity: 'customers', label: 'x', type, options: ['甲'] }),
    ).toMatchObject({ code: 'VALIDATION', field: 'options', reason: 'invalid_value' });
  });

  it('refuses a kind without custom fields, an unknown type and a blank label', () => {
    expect(refused('customFields.create', { entity: 'products', label: 'x', type: 'text' })).toMatchObject({
      field: 'entity',
      reason: 'invalid_value',
    });
    expect(refused('customFields.create', { entity: 'sales', label: 'x', type: 'money' })).toMatchObject({
      field: 'type',
      reason: 'invalid_value',
    });
    expect(refused('customFields.create', { entity: 'sales', label: '   ', type: 'text' })).toMatchObject({
      field: 'label',
      reason: 'required',
    });
  });
});

describe('customFields.update', () => {
  it('renames, changes options and flags, and moves the version on', () => {
    const f = addField('customers', '行业', 'select', { options: ['制造业'] });
    clock.set('2026-01-03T08:00:00.000Z');
    const u = call(t.ctx, 'customFields.update', {
      id: f.id,
      version: 1,
      label: '行业细分',
      options: ['制造业', '零售'],
      required: true,
      showInList: true,
    });
    expect(u).toEqual({
      ...f,
      label: '行业细分',
      options: ['制造业', '零售'],
      required: true,
      showInList: true,
      version: 2,
      updatedAt: '2026-01-03T08:00:00.000Z',
    });
    expect(fields({ entity: 'customers' })).toEqual([u]);
  });

  it('refuses a stale version (CONFLICT) and a missing field (NOT_FOUND)', () => {
    const f = addField('customers', '行业', 'text');
    call(t.ctx, 'customFields.update', { id: f.id, version: 1, label: '行业细分' });
    expect(refused('customFields.update', { id: f.id, version: 1, label: '别的' }).code).toBe('CONFLICT');
    expect(refused('customFields.update', { id: 404, version: 1, label: '别的' }).code).toBe('NOT_FOUND');
  });

  it('refuses a label another field of the kind has; its own label, recased, is fine', () => {
    addField('customers', '行业', 'text');
    const f = addField('customers', 'region', 'text');
    expect(refused('customFields.update', { id: f.id, version: 1, label: '行业' })).toMatchObject({
      field: 'label',
      reason: 'duplicate',
    });
    expect(call(t.ctx, 'customFields.update', { id: f.id, version: 1, label: 'Region' }).label).toBe(
      'Region',
    );
  });

  it('refuses options on a type without options, and an empty list on a choice field', () => {
    const text = addField('customers', '说明', 'text');
    const select = addField('customers', '行业', 'select', { options: ['制造业'] });
    expect(refused('customFields.update', { id: text.id, version: 1, options: ['甲'] })).toMatchObject({
      field: 'options',
    });
    expect(refused('customFields.update', { id: select.id, version: 1, options: [] })).toMatchObject({
      field: 'options',
      reason: 'required',
    });
  });

  it('refuses taking away a single-choice option still chosen, naming how many records', () => {
    const f = addField('customers', '行业', 'select', { options: ['制造业', '零售', '教育'] });
    createRec('customers', { [f.id]: '零售' });
    createRec('customers', { [f.id]: '零售' });
    createRec('customers', { [f.id]: '制造业' });
    const error = refused('customFields.update', { id: f.id, version: 1, options: ['制造业', '教育'] });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      field: 'options',
      reason: 'in_use',
      params: { count: 2, option: '零售' },
    });
    expect(error.message).toMatch(/"零售" is still chosen on 2 customers records/);
    // An option nobody chose can go; a new one can come.
    expect(
      call(t.ctx, 'customFields.update', { id: f.id, version: 1, options: ['制造业', '零售', '医疗'] })
        .options,
    ).toEqual(['制造业', '零售', '医疗']);
  });

  it('refuses taking away a multiple-choice option still chosen', () => {
    const f = addField('contacts', '爱好', 'multiselect', { options: ['茶', '高尔夫', '钓鱼'] });
    createRec('contacts', { [f.id]: ['茶', '高尔夫'] });
    createRec('contacts', { [f.id]: ['钓鱼'] });
    const error = refused('customFields.update', { id: f.id, version: 1, options: ['钓鱼'] });
    expect(error).toMatchObject({ field: 'options', params: { count: 1 } });
    expect(error.message).toMatch(/"茶", "高尔夫" is still chosen on 1 contacts records/);
    expect(
      call(t.ctx, 'customFields.update', { id: f.id, version: 1, options: ['茶', '高尔夫', '钓鱼', '爬山'] })
        .version,
    ).toBe(2);
  });
});

describe('customFields.reorder', () => {
  it('puts a kind’s fields, switched-off ones included, in the given order', () => {
    const a = addField('sales', '发票号', 'text');
    const b = addField('sales', '开票日期', 'date');
    const c = addField('sales', '已回访', 'checkbox');
    call(t.ctx, 'customFields.update', { id: b.id, version: 1, active: false });
    const res = call(t.ctx, 'customFields.reorder', { entity: 'sales', ids: [c.id, b.id, a.id] });
    expect(res.map((f) => [f.id, f.sortOrder])).toEqual([
      [c.id, 1],
      [b.id, 2],
      [a.id, 3],
    ]);
    expect(fields({ entity: 'sales' }).map((f) => f.id)).toEqual([c.id, a.id]);
  });

  it('refuses a list that is not every field of the kind exactly once', () => {
    const a = addField('sales', '发票号', 'text');
    const b = addField('sales', '开票日期', 'date');
    const other = addField('customers', '行业', 'text');
    for (const ids of [[a.id], [a.id, b.id, b.id], [a.id, b.id, other.id], [a.id, other.id]]) {
      expect(refused('customFields.reorder', { entity: 'sales', ids })).toMatchObject({
        code: 'VALIDATION',
        field: 'ids',
        reason: 'invalid_value',
      });
    }
  });
});

describe('customFields.usage and customFields.delete', () => {
  it('counts the records holding a value, and deletes the field with its values in one step', () => {
    const f = addField('opportunities', '竞争对手', 'text');
    const keep = addField('opportunities', '预算已批', 'checkbox');
    const a = createRec('opportunities', { [f.id]: '浪潮', [keep.id]: true });
    const b = createRec('opportunities', { [f.id]: '华为' });
    const c = createRec('opportunities', { [keep.id]: false });
    expect(call(t.ctx, 'customFields.usage', { id: f.id })).toEqual({ id: f.id, records: 2 });
    expect(call(t.ctx, 'customFields.usage', { id: keep.id })).toEqual({ id: keep.id, records: 2 });

    expect(call(t.ctx, 'customFields.delete', { id: f.id })).toEqual({ deleted: 1, values: 2 });
    expect(fields({ entity: 'opportunities', includeInactive: true }).map((x) => x.id)).toEqual([keep.id]);
    expect(getRec('opportunities', a.id)).toMatchObject({ custom: { [keep.id]: true }, version: 1 });
    expect(getRec('opportunities', b.id)).toMatchObject({ custom: {}, version: 1 });
    expect(getRec('opportunities', c.id).custom).toEqual({ [keep.id]: false });
    // Its id is no field any more.
    expect(
      callError(t.ctx, 'opportunities.update', { id: a.id, version: 1, custom: { [f.id]: 'x' } }),
    ).toMatchObject({ field: `custom.${f.id}`, reason: 'unknown_field' });
  });

  it('leaves other kinds’ values alone', () => {
    const onCustomers = addField('customers', '等级备注', 'text');
    const onContacts = addField('contacts', '等级备注', 'text');
    const customer = createRec('customers', { [onCustomers.id]: '甲' });
    const contact = createRec('contacts', { [onContacts.id]: '乙' });
    expect(call(t.ctx, 'customFields.delete', { id: onContacts.id })).toEqual({ deleted: 1, values: 1 });
    expect(getRec('customers', customer.id).custom).toEqual({ [onCustomers.id]: '甲' });
    expect(getRec('contacts', contact.id).custom).toEqual({});
  });

  it('refuses a field that does not exist', () => {
    expect(refused('customFields.usage', { id: 404 }).code).toBe('NOT_FOUND');
    expect(refused('customFields.delete', { id: 404 }).code).toBe('NOT_FOUND');
  });
});

// ---------------------------------------------------------------------------------------------
// Values on the four record kinds

/** A value of each type, as given and as stored. */
const validCases: [CustomFieldType, unknown, unknown][] = [
  ['text', '  华东大区重点  ', '华东大区重点'],
  ['text', 'x'.repeat(CUSTOM_TEXT_MAX), 'x'.repeat(CUSTOM_TEXT_MAX)],
  ['number', 12.5, 12.5],
  ['number', -3, -3],
  ['number', 0, 0],
  ['date', '2024-02-29', '2024-02-29'],
  ['select', '零售', '零售'],
  ['multiselect', ['网络', '服务器'], ['网络', '服务器']],
  ['checkbox', true, true],
  ['checkbox', false, false],
];

/** Values a field of the type refuses, and why. */
const invalidCases: [CustomFieldType, unknown, string][] = [
  ['text', 5, 'invalid_type'],
  ['text', true, 'invalid_type'],
  ['text', ['华东'], 'invalid_type'],
  ['number', '12', 'invalid_type'],
  ['number', false, 'invalid_type'],
  ['date', '2026-02-30', 'invalid_format'],
  ['date', '2026/01/05', 'invalid_format'],
  ['date', '明天', 'invalid_format'],
  ['date', 20260105, 'invalid_type'],
  ['select', '医疗', 'invalid_value'],
  ['select', ['零售'], 'invalid_type'],
  ['select', 1, 'invalid_type'],
  ['multiselect', '服务器', 'invalid_type'],
  ['multiselect', ['服务器', '打印机'], 'invalid_value'],
  ['multiselect', ['存储', '存储'], 'invalid_value'],
  ['checkbox', 'true', 'invalid_type'],
  ['checkbox', 1, 'invalid_type'],
];

describe.each(customFieldEntities)('custom values on %s', (kind) => {
  let f: ReturnType<typeof everyType>;
  beforeEach(() => {
    f = everyType(kind);
  });

  it.each(validCases)('stores a valid %s value %j on create and update', (type, given, stored) => {
    const id = String(f[type].id);
    const created = createRec(kind, { [id]: given });
    expect(created.custom).toEqual({ [id]: stored });
    expect(JSON.parse(storedJson(kind, created.id))).toEqual({ [id]: stored });

    const other = createRec(kind);
    expect(other.custom).toEqual({});
    const updated = updateRec(kind, other, { [id]: given });
    expect(updated.custom).toEqual({ [id]: stored });
    expect(getRec(kind, other.id).custom).toEqual({ [id]: stored });
  });

  it.each(invalidCases)(
    'refuses a %s value %j (%s) on create and update, changing nothing',
    (type, value, reason) => {
      const def = f[type];
      const expected = {
        code: 'VALIDATION',
        field: `custom.${def.id}`,
        reason,
        params: { label: def.label },
      };
      const createError = refused(`${kind}.create`, { ...minimal[kind](), custom: { [def.id]: value } });
      expect(createError).toMatchObject(expected);
      // The message names the field and what it takes.
      expect(createError.message).toContain(def.label);

      const rec = createRec(kind, { [f.text.id]: '原值' });
      expect(
        refused(`${kind}.update`, { id: rec.id, version: rec.version, custom: { [def.id]: value } }),
      ).toMatchObject(expected);
      expect(getRec(kind, rec.id)).toMatchObject({ version: rec.version, custom: { [f.text.id]: '原值' } });
    },
  );

  it('says clearly what a wrong type should have been', () => {
    const error = refused(`${kind}.create`, { ...minimal[kind](), custom: { [f.number.id]: '十二' } });
    expect(error.message).toBe(`custom.${f.number.id} (年采购额): expected a number, got "十二"`);
  });

  it('refuses an unknown field id, and the id of another kind’s field', () => {
    const otherKind = customFieldEntities.find((k) => k !== kind)!;
    const foreign = addField(otherKind, '别处的字段', 'text');
    for (const id of ['999', String(foreign.id)]) {
      expect(refused(`${kind}.create`, { ...minimal[kind](), custom: { [id]: 'x' } })).toMatchObject({
        code: 'VALIDATION',
        field: `custom.${id}`,
        reason: 'unknown_field',
      });
    }
  });

  it('refuses a malformed key and a text over the limit before any check', () => {
    expect(refused(`${kind}.create`, { ...minimal[kind](), custom: { abc: 'x' } })).toMatchObject({
      code: 'VALIDATION',
    });
    const error = refused(`${kind}.create`, {
      ...minimal[kind](),
      custom: { [f.text.id]: 'x'.repeat(CUSTOM_TEXT_MAX + 1) },
    });
    expect(error).toMatchObject({
      code: 'VALIDATION',
      field: `custom.${f.text.id}`,
      reason: 'too_long',
      limit: CUSTOM_TEXT_MAX,
    });
    expect(JSON.stringify(error).length).toBeLessThan(1000);
  });

  it('requires a required field on create; blank counts as missing', () => {
    const req = addField(kind, '客户编号', 'text', { required: true });
    for (const custom of [undefined, {}, { [req.id]: '' }, { [req.id]: '   ' }, { [req.id]: null }]) {
      expect(refused(`${kind}.create`, { ...minimal[kind](), ...(custom ? { custom } : {}) })).toMatchObject({
        code: 'VALIDATION',
        field: `custom.${req.id}`,
        reason: 'required',
        params: { label: '客户编号' },
      });
    }
    expect(createRec(kind, { [req.id]: 'K-001' }).custom).toEqual({ [req.id]: 'K-001' });
  });

  it('requires a multiple-choice field to hold a choice when required', () => {
    const req = addField(kind, '渠道', 'multiselect', { options: ['线上', '线下'], required: true });
    expect(refused(`${kind}.create`, { ...minimal[kind](), custom: { [req.id]: [] } })).toMatchObject({
      field: `custom.${req.id}`,
      reason: 'required',
    });
  });

  it('keeps a required field from being cleared on update, but leaves it alone when not given', () => {
    const rec = createRec(kind); // before the field became required
    const req = addField(kind, '客户编号', 'text', { required: true });
    // An edit of other values passes, though the record still lacks the required one.
    const u = updateRec(kind, rec, { [f.number.id]: 3 });
    expect(u.custom).toEqual({ [f.number.id]: 3 });
    const filled = updateRec(kind, u, { [req.id]: 'K-002' });
    for (const cleared of ['', null]) {
      expect(
        refused(`${kind}.update`, { id: filled.id, version: filled.version, custom: { [req.id]: cleared } }),
      ).toMatchObject({ field: `custom.${req.id}`, reason: 'required' });
    }
  });

  it('does not require a switched-off field, and keeps its stored value', () => {
    const req = addField(kind, '客户编号', 'text', { required: true });
    const rec = createRec(kind, { [req.id]: 'K-003' });
    call(t.ctx, 'customFields.update', { id: req.id, version: 1, active: false });
    expect(createRec(kind).custom).toEqual({});
    const u = updateRec(kind, rec, { [f.checkbox.id]: true });
    expect(u.custom).toEqual({ [req.id]: 'K-003', [f.checkbox.id]: true });
    // Cleared on purpose, it goes.
    expect(updateRec(kind, u, { [req.id]: null }).custom).toEqual({ [f.checkbox.id]: true });
  });

  it('merges on update: keys given change, the others stay, empty values are removed', () => {
    const rec = createRec(kind, {
      [f.text.id]: '甲',
      [f.number.id]: 1,
      [f.multiselect.id]: ['存储'],
      [f.checkbox.id]: true,
    });
    const u1 = updateRec(kind, rec, { [f.number.id]: 2, [f.date.id]: '2026-03-01' });
    expect(u1.custom).toEqual({
      [f.text.id]: '甲',
      [f.number.id]: 2,
      [f.date.id]: '2026-03-01',
      [f.multiselect.id]: ['存储'],
      [f.checkbox.id]: true,
    });
    expect(u1.version).toBe(rec.version + 1);
    const u2 = updateRec(kind, u1, { [f.text.id]: '', [f.number.id]: null, [f.multiselect.id]: [] });
    expect(u2.custom).toEqual({ [f.date.id]: '2026-03-01', [f.checkbox.id]: true });
    expect(JSON.parse(storedJson(kind, rec.id))).toEqual(u2.custom);
    // An update without `custom` leaves the values as they are.
    const u3 = callAny(`${kind}.update`, { id: u2.id, version: u2.version }) as Rec;
    expect(u3.custom).toEqual(u2.custom);
  });

  it('removes empty values on create too', () => {
    const rec = createRec(kind, {
      [f.text.id]: ' ',
      [f.multiselect.id]: [],
      [f.select.id]: null,
      [f.number.id]: 0,
    });
    expect(rec.custom).toEqual({ [f.number.id]: 0 });
    expect(storedJson(kind, rec.id)).toBe(`{"${f.number.id}":0}`);
  });

  it('returns the values as an object in get and in list rows', () => {
    const values = {
      [f.text.id]: '华东',
      [f.number.id]: 12,
      [f.date.id]: '2026-01-31',
      [f.select.id]: '教育',
      [f.multiselect.id]: ['存储', '网络'],
      [f.checkbox.id]: true,
    };
    const rec = createRec(kind, values);
    expect(getRec(kind, rec.id).custom).toEqual(values);
    const row = listRows(kind).rows.find((r) => r.id === rec.id)!;
    expect(row.custom).toEqual(values);
    // Records without values have an empty object, never text.
    const plain = createRec(kind);
    expect(listRows(kind).rows.find((r) => r.id === plain.id)!.custom).toEqual({});
  });

  it('filters its list by each comparison', () => {
    const a = createRec(kind, {
      [f.text.id]: 'Key Account 华东',
      [f.number.id]: 10,
      [f.date.id]: '2026-01-10',
      [f.select.id]: '零售',
      [f.multiselect.id]: ['服务器', '存储'],
      [f.checkbox.id]: true,
    }).id;
    const b = createRec(kind, {
      [f.text.id]: '华北 key',
      [f.number.id]: 25.5,
      [f.date.id]: '2026-02-20',
      [f.select.id]: '制造业',
      [f.multiselect.id]: ['网络'],
      [f.checkbox.id]: false,
    }).id;
    const c = createRec(kind).id;
    const by = (fieldId: number, op: CustomFilter['op'], value: CustomFilter['value']) =>
      listIds(kind, [{ fieldId, op, value }]);

    expect(by(f.text.id, 'contains', 'KEY')).toEqual([a, b]);
    expect(by(f.text.id, 'contains', '华东')).toEqual([a]);
    expect(by(f.number.id, 'eq', 10)).toEqual([a]);
    expect(by(f.number.id, 'gte', 10.5)).toEqual([b]);
    expect(by(f.number.id, 'lte', 25.5)).toEqual([a, b]);
    expect(by(f.date.id, 'eq', '2026-02-20')).toEqual([b]);
    expect(by(f.date.id, 'gte', '2026-01-11')).toEqual([b]);
    expect(by(f.date.id, 'lte', '2026-01-10')).toEqual([a]);
    expect(by(f.select.id, 'eq', '制造业')).toEqual([b]);
    expect(by(f.multiselect.id, 'has', '存储')).toEqual([a]);
    expect(by(f.multiselect.id, 'has', '网络')).toEqual([b]);
    expect(by(f.checkbox.id, 'eq', true)).toEqual([a]);
    // Unticked: stored false, or never set (customers: the host customer too).
    expect(by(f.checkbox.id, 'eq', false)).toEqual(kind === 'customers' ? [host, b, c] : [b, c]);
    // All filters must match.
    expect(
      listIds(kind, [
        { fieldId: f.date.id, op: 'gte', value: '2026-01-01' },
        { fieldId: f.date.id, op: 'lte', value: '2026-01-31' },
        { fieldId: f.checkbox.id, op: 'eq', value: true },
      ]),
    ).toEqual([a]);
    expect(listRows(kind, { customFilters: [{ fieldId: f.number.id, op: 'gte', value: 0 }] }).total).toBe(2);
  });

  it('refuses a filter on an unknown field, with a wrong comparison or a wrong value', () => {
    const foreign = addField(
      customFieldEntities.find((k) => k !== kind)!,
      '别处的字段',
      'text',
    );
    const cases: [CustomFilter, string, string][] = [
      [{ fieldId: 999, op: 'eq', value: 'x' }, 'customFilters.0.fieldId', 'not_found'],
      [{ fieldId: foreign.id, op: 'contains', value: 'x' }, 'customFilters.0.fieldId', 'not_found'],
      [{ fieldId: f.text.id, op: 'gte', value: 'x' }, 'customFilters.0.op', 'invalid_value'],
      [{ fieldId: f.multiselect.id, op: 'eq', value: '存储' }, 'customFilters.0.op', 'invalid_value'],
      [{ fieldId: f.checkbox.id, op: 'contains', value: 'x' }, 'customFilters.0.op', 'invalid_value'],
      [{ fieldId: f.number.id, op: 'gte', value: '10' }, 'customFilters.0.value', 'invalid_type'],
      [{ fieldId: f.text.id, op: 'contains', value: 5 }, 'customFilters.0.value', 'invalid_type'],
      [{ fieldId: f.date.id, op: 'lte', value: '2026-13-01' }, 'customFilters.0.value', 'invalid_format'],
      [{ fieldId: f.select.id, op: 'eq', value: '医疗' }, 'customFilters.0.value', 'invalid_value'],
      [{ fieldId: f.multiselect.id, op: 'has', value: '打印机' }, 'customFilters.0.value', 'invalid_value'],
      [{ fieldId: f.checkbox.id, op: 'eq', value: 'true' }, 'customFilters.0.value', 'invalid_type'],
    ];
    for (const [filter, field, reason] of cases) {
      expect(refused(`${kind}.list`, { customFilters: [filter] }), JSON.stringify(filter)).toMatchObject({
        code: 'VALIDATION',
        field,
        reason,
      });
    }
    // The index of the wrong one is named.
    expect(
      refused(`${kind}.list`, {
        customFilters: [
          { fieldId: f.number.id, op: 'eq', value: 1 },
          { fieldId: f.number.id, op: 'eq', value: true },
        ],
      }),
    ).toMatchObject({ field: 'customFilters.1.value', params: { label: '年采购额' } });
  });
});

describe('custom filters with the other list filters', () => {
  it('combine with the keyword, a built-in filter and paging on customers', () => {
    const region = addField('customers', '大区', 'select', { options: ['华东', '华北'] });
    const partner = baseId(t.ctx, 'customer_type', 'partner');
    const mk = (name: string, r: string, typeId?: number) =>
      call(t.ctx, 'customers.create', { name, typeId, custom: { [region.id]: r } }).id;
    const a = mk('杭州华信科技有限公司', '华东', partner);
    mk('北京华信科技有限公司', '华北', partner);
    const c = mk('苏州华信电子有限公司', '华东');
    mk('南京远航物流有限公司', '华东');
    const east = [{ fieldId: region.id, op: 'eq' as const, value: '华东' }];
    const ids = (input: Record<string, unknown>) =>
      call(t.ctx, 'customers.list', {
        customFilters: east,
        sort: { column: 'code', direction: 'asc' },
        ...input,
      });

    expect(ids({ keyword: '华信' }).rows.map((r) => r.id)).toEqual([a, c]);
    expect(ids({ keyword: '华信', typeId: partner }).rows.map((r) => r.id)).toEqual([a]);
    expect(ids({ typeId: partner }).total).toBe(1);
    const page2 = ids({ pageSize: 2, page: 2 });
    expect(page2.total).toBe(3);
    expect(page2.rows).toHaveLength(1);
  });

  it('combine with a customer and a date range on sales', () => {
    const invoice = addField('sales', '已开发票', 'checkbox');
    const other = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' }).id;
    const sale = (customerId: number, saleDate: string, ticked: boolean) =>
      call(t.ctx, 'sales.create', { customerId, saleDate, custom: { [invoice.id]: ticked } }).id;
    const a = sale(host, '2026-01-05', true);
    sale(host, '2026-01-06', false);
    sale(other, '2026-01-07', true);
    sale(host, '2026-03-01', true);
    const res = call(t.ctx, 'sales.list', {
      customerId: host,
      dateFrom: '2026-01-01',
      dateTo: '2026-01-31',
      sort: { column: 'saleDate', direction: 'asc' },
      customFilters: [{ fieldId: invoice.id, op: 'eq', value: true }],
    });
    expect(res.rows.map((r) => r.id)).toEqual([a]);
    expect(res.total).toBe(1);
  });

  it('combine with the stage on opportunities, and on a customer’s contacts', () => {
    const budget = addField('opportunities', '预算', 'number');
    const o1 = call(t.ctx, 'opportunities.create', {
      customerId: host,
      title: '甲',
      custom: { [budget.id]: 100 },
    });
    call(t.ctx, 'opportunities.create', { customerId: host, title: '乙', custom: { [budget.id]: 50 } });
    const big = [{ fieldId: budget.id, op: 'gte' as const, value: 80 }];
    expect(
      call(t.ctx, 'opportunities.list', { customFilters: big, stageId: o1.stageId }).rows.map((r) => r.id),
    ).toEqual([o1.id]);

    const hobby = addField('contacts', '爱好', 'text');
    const other = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' }).id;
    const k1 = call(t.ctx, 'contacts.create', {
      customerId: host,
      name: '张伟',
      custom: { [hobby.id]: '喝茶' },
    }).id;
    call(t.ctx, 'contacts.create', { customerId: other, name: '李娜', custom: { [hobby.id]: '喝茶' } });
    expect(
      call(t.ctx, 'contacts.list', {
        customerId: host,
        customFilters: [{ fieldId: hobby.id, op: 'contains', value: '茶' }],
      }).rows.map((r) => r.id),
    ).toEqual([k1]);
  });
});

describe('other reads and writes of the four kinds', () => {
  it('closing an opportunity as won keeps its values and makes a sale without any', () => {
    const source = addField('opportunities', '线索来源', 'text');
    addField('sales', '发票号', 'text');
    const o = call(t.ctx, 'opportunities.create', {
      customerId: host,
      title: '服务器扩容',
      custom: { [source.id]: '展会' },
    });
    const res = call(t.ctx, 'opportunities.close', { id: o.id, version: o.version, outcome: 'won' });
    expect(res.opportunity.custom).toEqual({ [source.id]: '展会' });
    expect(call(t.ctx, 'sales.get', { id: res.saleId! }).custom).toEqual({});
  });

  it('the board’s cards and the desktop’s closing opportunities carry parsed values', () => {
    const source = addField('opportunities', '线索来源', 'text');
    const o = call(t.ctx, 'opportunities.create', {
      customerId: host,
      title: '服务器扩容',
      expectedCloseDate: '2026-01-03',
      custom: { [source.id]: '展会' },
    });
    const board = call(t.ctx, 'opportunities.board', {});
    expect(board.columns.flatMap((c) => c.cards).find((c) => c.id === o.id)!.custom).toEqual({
      [source.id]: '展会',
    });
    const home = call(t.ctx, 'home.summary', { today: '2026-01-02' });
    expect(home.closingSoon.find((c) => c.id === o.id)!.custom).toEqual({ [source.id]: '展会' });
  });

  it('moving an opportunity on the board leaves its values alone', () => {
    const source = addField('opportunities', '线索来源', 'text', { required: true });
    const o = call(t.ctx, 'opportunities.create', {
      customerId: host,
      title: '服务器扩容',
      custom: { [source.id]: '展会' },
    });
    const stage = baseId(t.ctx, 'opportunity_stage', 'qualified');
    const moved = call(t.ctx, 'opportunities.move', { id: o.id, version: o.version, stageId: stage });
    expect(moved.custom).toEqual({ [source.id]: '展会' });
  });
});

describe('custom_value_index, the filters’ index of the JSON values', () => {
  /** The index as the triggers keep it, and as it should be, recomputed from every record's JSON. */
  function indexRows() {
    const kept = t.db
      .prepare('SELECT entity, record_id, field_id, value FROM custom_value_index ORDER BY 1, 2, 3, 4')
      .all() as Record<string, unknown>[];
    const expected = customFieldEntities.flatMap((kind) =>
      (t.db.prepare(`SELECT id, custom FROM ${kind}`).all() as { id: number; custom: string }[]).flatMap(
        (r) =>
          Object.entries(JSON.parse(r.custom) as Record<string, unknown>).flatMap(([k, v]) =>
            (Array.isArray(v) ? v : [v]).map((one) => ({
              entity: kind,
              record_id: r.id,
              field_id: Number(k),
              value: one === true ? 1 : one === false ? 0 : one,
            })),
          ),
      ),
    );
    const order = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      JSON.stringify(Object.values(a)).localeCompare(JSON.stringify(Object.values(b)));
    return { kept: [...kept].sort(order), expected: expected.sort(order) };
  }

  it('follows every create, update, delete, restore and field deletion', () => {
    const f = everyType('customers');
    const g = everyType('sales');
    const a = createRec('customers', {
      [f.text.id]: '华东大区',
      [f.number.id]: 1250,
      [f.multiselect.id]: ['服务器', '存储'],
      [f.checkbox.id]: true,
    });
    const b = createRec('customers', { [f.select.id]: '零售', [f.date.id]: '2024-02-29' });
    createRec('sales', { [g.number.id]: 3.5, [g.checkbox.id]: false });
    let check = indexRows();
    // 5 values of a (two choices), 2 of b, 2 of the sale.
    expect(check.kept).toHaveLength(9);
    expect(check.kept).toEqual(check.expected);

    updateRec('customers', a, { [f.multiselect.id]: ['网络'], [f.text.id]: null });
    const trashIds = callAny('customers.delete', { ids: [b.id] }) as { trashIds: number[] };
    check = indexRows();
    expect(check.kept).toEqual(check.expected);
    expect(check.kept.some((r) => (r as { record_id: number }).record_id === b.id)).toBe(false);

    call(t.ctx, 'trash.restore', { ids: trashIds.trashIds });
    call(t.ctx, 'customFields.delete', { id: f.number.id });
    check = indexRows();
    expect(check.kept).toEqual(check.expected);
    expect(listIds('customers', [{ fieldId: f.select.id, op: 'eq', value: '零售' }])).toEqual([b.id]);
  });

  it('is what a filter reads: the plan looks the field up in the index, not in every record', () => {
    const f = everyType('customers');
    createRec('customers', { [f.select.id]: '零售' });
    const plan = t.db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT count(*) FROM customers c
         WHERE c.id IN (SELECT record_id FROM custom_value_index WHERE field_id = ? AND value = ?)`,
      )
      .all(f.select.id, '零售') as { detail: string }[];
    const details = plan.map((p) => p.detail).join('\n');
    expect(details).toMatch(/SEARCH custom_value_index USING PRIMARY KEY \(field_id=\? AND value=\?\)/);
    expect(details).not.toMatch(/SCAN c\b|SCAN customers/);
  });
});

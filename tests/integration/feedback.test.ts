import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ChannelInput,
  Feedback,
  FeedbackCreateInput,
  feedbackSortColumns,
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
/** Customers 华信 and 明达, a contact of each, the four feedback types and 本人. */
let huaxin: number;
let mingda: number;
let wang: number;
let li: number;
let enquiry: number;
let suggestion: number;
let complaint: number;
let repair: number;
let me: number;

beforeEach(() => {
  clock = manualClock();
  t = makeTestDb({ now: clock.now });
  huaxin = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' }).id;
  mingda = call(t.ctx, 'customers.create', { name: '上海明达贸易有限公司' }).id;
  wang = call(t.ctx, 'contacts.create', { customerId: huaxin, name: '王建国' }).id;
  li = call(t.ctx, 'contacts.create', { customerId: mingda, name: '李晓梅' }).id;
  enquiry = baseId(t.ctx, 'feedback_type', 'enquiry');
  suggestion = baseId(t.ctx, 'feedback_type', 'suggestion');
  complaint = baseId(t.ctx, 'feedback_type', 'complaint');
  repair = baseId(t.ctx, 'feedback_type', 'repair');
  me = baseId(t.ctx, 'sales_rep', 'me');
});
afterEach(() => t.close());

const create = (input: Partial<FeedbackCreateInput> = {}): Feedback =>
  call(t.ctx, 'feedback.create', {
    customerId: huaxin,
    typeId: complaint,
    subject: '打印机卡纸',
    receivedDate: '2026-01-02',
    ...input,
  });
/** A valid create input, for breaking one field at a time. */
const valid = () => ({
  customerId: huaxin,
  typeId: complaint,
  subject: '打印机卡纸',
  receivedDate: '2026-01-02',
});

const get = (id: number): Feedback => call(t.ctx, 'feedback.get', { id });
const list = (input: ChannelInput<'feedback.list'> = {}) => call(t.ctx, 'feedback.list', input);
const subjects = (input: ChannelInput<'feedback.list'> = {}) =>
  list({ sort: { column: 'code', direction: 'asc' }, ...input }).rows.map((r) => r.subject);
const close = (f: Feedback, extra: Partial<ChannelInput<'feedback.close'>> = {}): Feedback =>
  call(t.ctx, 'feedback.close', {
    id: f.id,
    version: f.version,
    result: '已上门更换硒鼓',
    satisfaction: 4,
    ...extra,
  });

/** Calls a channel that must be refused, and checks that the file is exactly as it was. */
function refused(channel: string, input: unknown) {
  const before = dbSnapshot(t.db);
  const error = callError(t.ctx, channel, input);
  expect(dbSnapshot(t.db)).toEqual(before);
  return error;
}

/** Runs `fn` with the machine's time zone set to `tz`, then puts it back. */
function inZone<T>(tz: string, fn: () => T): T {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    return fn();
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

describe('feedback.create and feedback.get', () => {
  it('creates an open item with every field and reads it back with the names it points at', () => {
    const created = create({
      customerId: huaxin,
      contactId: wang,
      typeId: repair,
      subject: '  服务器风扇异响  ',
      content: '机房里那台服务器\n风扇声音很大',
      priority: 'urgent',
      receivedDate: '2026-01-05',
      handlerId: me,
    });
    expect(created).toEqual({
      id: created.id,
      code: 'F000001',
      customerId: huaxin,
      customerName: '北京华信科技有限公司',
      contactId: wang,
      contactName: '王建国',
      typeId: repair,
      subject: '服务器风扇异响',
      content: '机房里那台服务器\n风扇声音很大',
      priority: 'urgent',
      status: 'open',
      receivedDate: '2026-01-05',
      handlerId: me,
      result: null,
      satisfaction: null,
      closedDate: null,
      version: 1,
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
    });
    expect(get(created.id)).toEqual(created);
  });

  it('fills in what is left out: normal priority, no contact, no handler, empty text as null', () => {
    const f = create({ content: '   ' });
    expect(f).toMatchObject({
      contactId: null,
      contactName: null,
      priority: 'normal',
      handlerId: null,
      content: null,
      status: 'open',
    });
  });

  it('numbers the items F000001, F000002 …, never reusing a deleted one', () => {
    const first = create();
    expect(create().code).toBe('F000002');
    call(t.ctx, 'feedback.delete', { ids: [first.id] });
    expect(create().code).toBe('F000003');
  });

  it('refuses a customer that does not exist and a contact of another customer', () => {
    expect(refused('feedback.create', { ...valid(), customerId: 999 })).toMatchObject({
      code: 'VALIDATION',
      field: 'customerId',
      reason: 'not_found',
    });
    expect(refused('feedback.create', { ...valid(), contactId: li })).toMatchObject({
      code: 'VALIDATION',
      field: 'contactId',
      reason: 'not_found',
    });
  });

  it('refuses a type that is not a feedback type and a handler that is not a sales rep', () => {
    expect(refused('feedback.create', { ...valid(), typeId: me })).toMatchObject({
      code: 'VALIDATION',
      field: 'typeId',
      reason: 'not_found',
    });
    expect(refused('feedback.create', { ...valid(), handlerId: complaint })).toMatchObject({
      code: 'VALIDATION',
      field: 'handlerId',
      reason: 'not_found',
    });
  });

  it('refuses an unknown priority, a received date that is not a date and a blank subject', () => {
    expect(refused('feedback.create', { ...valid(), priority: 'asap' })).toMatchObject({
      field: 'priority',
      reason: 'invalid_value',
    });
    expect(refused('feedback.create', { ...valid(), receivedDate: '2026-02-30' })).toMatchObject({
      field: 'receivedDate',
    });
    expect(refused('feedback.create', { ...valid(), subject: '   ' })).toMatchObject({
      field: 'subject',
      reason: 'required',
    });
  });

  it('refuses to be created closed: status, result and satisfaction are not fields of 新建', () => {
    expect(refused('feedback.create', { ...valid(), status: 'closed' })).toMatchObject({
      field: 'status',
      reason: 'unknown_field',
    });
    expect(refused('feedback.create', { ...valid(), satisfaction: 5 })).toMatchObject({
      field: 'satisfaction',
      reason: 'unknown_field',
    });
  });

  it('answers NOT_FOUND for an item that does not exist', () => {
    expect(callError(t.ctx, 'feedback.get', { id: 999 }).code).toBe('NOT_FOUND');
  });
});

describe('feedback.update', () => {
  it('changes only the given fields, bumps the version and the updated time', () => {
    const f = create({ contactId: wang, content: '一周三次', handlerId: me });
    clock.set('2026-01-03T08:00:00.000Z');
    const updated = call(t.ctx, 'feedback.update', { id: f.id, version: 1, priority: 'high', content: null });
    expect(updated).toEqual({
      ...f,
      priority: 'high',
      content: null,
      version: 2,
      updatedAt: '2026-01-03T08:00:00.000Z',
    });
    expect(get(f.id)).toEqual(updated);
  });

  it('moves to another customer only with a contact that fits the new customer', () => {
    const f = create({ contactId: wang });
    expect(refused('feedback.update', { id: f.id, version: 1, customerId: mingda })).toMatchObject({
      code: 'VALIDATION',
      field: 'contactId',
    });
    const moved = call(t.ctx, 'feedback.update', { id: f.id, version: 1, customerId: mingda, contactId: li });
    expect(moved).toMatchObject({ customerName: '上海明达贸易有限公司', contactName: '李晓梅' });
    expect(refused('feedback.update', { id: f.id, version: 2, customerId: 999 })).toMatchObject({
      field: 'customerId',
      reason: 'not_found',
    });
  });

  it('refuses a stale version as CONFLICT and a missing item as NOT_FOUND, changing nothing', () => {
    const f = create();
    call(t.ctx, 'feedback.update', { id: f.id, version: 1, subject: '第一次修改' });
    expect(refused('feedback.update', { id: f.id, version: 1, subject: '过时的修改' }).code).toBe('CONFLICT');
    expect(get(f.id).subject).toBe('第一次修改');
    expect(refused('feedback.update', { id: 999, version: 1, subject: 'x' }).code).toBe('NOT_FOUND');
  });

  it('refuses to change a closed item (READ_ONLY) until it is reopened', () => {
    const closed = close(create());
    const error = refused('feedback.update', { id: closed.id, version: closed.version, subject: '改' });
    expect(error).toMatchObject({ code: 'READ_ONLY', message: expect.stringContaining('already closed') });
    const reopened = call(t.ctx, 'feedback.reopen', { id: closed.id, version: closed.version });
    expect(
      call(t.ctx, 'feedback.update', { id: closed.id, version: reopened.version, subject: '改' }).subject,
    ).toBe('改');
  });
});

describe('feedback.close (结束服务反馈)', () => {
  it("records the result and satisfaction and stamps today's local date", () => {
    const f = create({ receivedDate: '2026-01-20' });
    // 20:00 UTC on the 31st is already 04:00 on February 1st in Beijing.
    clock.set('2026-01-31T20:00:00.000Z');
    const closed = inZone('Asia/Shanghai', () =>
      close(f, { result: '  已更换硒鼓，测试正常  ', satisfaction: 5 }),
    );
    expect(closed).toEqual({
      ...f,
      status: 'closed',
      result: '已更换硒鼓，测试正常',
      satisfaction: 5,
      closedDate: '2026-02-01',
      version: 2,
      updatedAt: '2026-01-31T20:00:00.000Z',
    });
    expect(get(f.id)).toEqual(closed);
  });

  it('takes the closed date given, and refuses one before the received date', () => {
    const f = create({ receivedDate: '2026-01-10' });
    expect(
      refused('feedback.close', {
        id: f.id,
        version: 1,
        result: '好',
        satisfaction: 3,
        closedDate: '2026-01-09',
      }),
    ).toMatchObject({ code: 'VALIDATION', field: 'closedDate' });
    expect(close(f, { closedDate: '2026-01-10' }).closedDate).toBe('2026-01-10');
  });

  it.each([
    [6, 'too_big'],
    [0, 'too_small'],
    [2.5, 'invalid_type'],
    ['5', 'invalid_type'],
    [null, 'invalid_type'],
  ])('refuses the satisfaction %j (%s), naming the field', (satisfaction, reason) => {
    const f = create();
    const error = refused('feedback.close', { id: f.id, version: 1, result: '好', satisfaction });
    expect(error).toMatchObject({ code: 'VALIDATION', field: 'satisfaction', reason });
    expect(get(f.id).status).toBe('open');
  });

  it('requires a result and a satisfaction', () => {
    const f = create();
    expect(refused('feedback.close', { id: f.id, version: 1, satisfaction: 4 })).toMatchObject({
      field: 'result',
      reason: 'required',
    });
    expect(refused('feedback.close', { id: f.id, version: 1, result: '   ', satisfaction: 4 })).toMatchObject(
      {
        field: 'result',
        reason: 'required',
      },
    );
    expect(refused('feedback.close', { id: f.id, version: 1, result: '好' })).toMatchObject({
      field: 'satisfaction',
      reason: 'required',
    });
  });

  it('refuses to close a closed item (READ_ONLY, saying so) and leaves it as it was closed', () => {
    const closed = close(create(), { closedDate: '2026-01-03', satisfaction: 2 });
    clock.set('2026-02-01T00:00:00.000Z');
    const error = refused('feedback.close', {
      id: closed.id,
      version: closed.version,
      result: '再结束一次',
      satisfaction: 5,
    });
    expect(error).toMatchObject({ code: 'READ_ONLY', message: expect.stringContaining('already closed') });
    expect(get(closed.id)).toEqual(closed);
  });

  it('refuses a stale version as CONFLICT and a missing item as NOT_FOUND', () => {
    const f = create();
    call(t.ctx, 'feedback.update', { id: f.id, version: 1, priority: 'high' });
    expect(refused('feedback.close', { id: f.id, version: 1, result: '好', satisfaction: 4 }).code).toBe(
      'CONFLICT',
    );
    expect(refused('feedback.close', { id: 999, version: 1, result: '好', satisfaction: 4 }).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('feedback.reopen (重新打开)', () => {
  it('opens a closed item again and clears its result, satisfaction and closed date', () => {
    const f = create();
    const closed = close(f, { closedDate: '2026-01-03' });
    clock.set('2026-01-04T01:00:00.000Z');
    const reopened = call(t.ctx, 'feedback.reopen', { id: f.id, version: closed.version });
    expect(reopened).toEqual({ ...f, version: 3, updatedAt: '2026-01-04T01:00:00.000Z' });
    // …and it can be closed again, with a new result.
    expect(
      close(reopened, { result: '第二次处理', satisfaction: 5, closedDate: '2026-01-05' }),
    ).toMatchObject({
      status: 'closed',
      result: '第二次处理',
      satisfaction: 5,
      closedDate: '2026-01-05',
      version: 4,
    });
  });

  it('refuses an open item as CONFLICT, a stale version as CONFLICT and a missing one as NOT_FOUND', () => {
    const f = create();
    expect(refused('feedback.reopen', { id: f.id, version: 1 }).code).toBe('CONFLICT');
    const closed = close(f);
    expect(refused('feedback.reopen', { id: f.id, version: 1 }).code).toBe('CONFLICT');
    expect(get(f.id)).toEqual(closed);
    expect(refused('feedback.reopen', { id: 999, version: 1 }).code).toBe('NOT_FOUND');
  });
});

describe('feedback.delete', () => {
  it('deletes the given items, open or closed, and their search rows', () => {
    const a = create({ subject: '打印机卡纸' });
    const b = close(create({ subject: '发票抬头开错' }));
    const c = create({ subject: '询问保修期' });
    expect(call(t.ctx, 'feedback.delete', { ids: [a.id, b.id, a.id] })).toMatchObject({ deleted: 2 });
    expect(subjects()).toEqual(['询问保修期']);
    expect(list({ keyword: '卡纸' }).total).toBe(0);
    expect(get(c.id).subject).toBe('询问保修期');
  });

  it('deletes none when one of them does not exist', () => {
    const a = create();
    expect(refused('feedback.delete', { ids: [a.id, 999] }).code).toBe('NOT_FOUND');
    expect(get(a.id).id).toBe(a.id);
  });

  it('goes with its customer, and loses a deleted contact', () => {
    create({ customerId: mingda, contactId: li, subject: '明达的投诉' });
    const kept = create({ contactId: wang, subject: '华信的投诉' });
    expect(call(t.ctx, 'customers.related', { ids: [mingda] }).feedback).toBe(1);
    call(t.ctx, 'customers.delete', { ids: [mingda] });
    expect(subjects()).toEqual(['华信的投诉']);
    call(t.ctx, 'contacts.delete', { ids: [wang] });
    expect(get(kept.id)).toMatchObject({ contactId: null, contactName: null });
  });
});

describe('feedback.list', () => {
  it('lists newest received first by default, rows carrying the customer and contact names', () => {
    const older = create({ subject: '较早', receivedDate: '2026-01-01', contactId: wang, content: '内容' });
    create({ subject: '较晚', receivedDate: '2026-01-09', customerId: mingda });
    const page = list();
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.subject)).toEqual(['较晚', '较早']);
    const { content: _content, result: _result, createdAt: _createdAt, ...row } = older;
    expect(page.rows[1]).toEqual(row);
    expect(page.rows[1]).toMatchObject({ customerName: '北京华信科技有限公司', contactName: '王建国' });
  });

  it('filters by status, type, priority and customer, together', () => {
    create({ subject: 'A', typeId: complaint, priority: 'high' });
    close(create({ subject: 'B', typeId: complaint, priority: 'high' }));
    create({ subject: 'C', typeId: suggestion, priority: 'low', customerId: mingda });
    create({ subject: 'D', typeId: enquiry });
    expect(subjects({ status: 'open' })).toEqual(['A', 'C', 'D']);
    expect(subjects({ status: 'closed' })).toEqual(['B']);
    expect(subjects({ typeId: complaint })).toEqual(['A', 'B']);
    expect(subjects({ priority: 'high' })).toEqual(['A', 'B']);
    expect(subjects({ customerId: mingda })).toEqual(['C']);
    expect(subjects({ typeId: complaint, priority: 'high', status: 'open', customerId: huaxin })).toEqual([
      'A',
    ]);
    expect(subjects({ typeId: repair })).toEqual([]);
  });

  it('keeps, as overdue, the open items received more than N days before today', () => {
    create({ subject: '正好 7 天', receivedDate: '2026-03-03' });
    create({ subject: '8 天', receivedDate: '2026-03-02' });
    create({ subject: '去年', receivedDate: '2025-12-31' });
    create({ subject: '今天', receivedDate: '2026-03-10' });
    close(create({ subject: '已结束的旧反馈', receivedDate: '2026-01-01' }));
    const overdue = (input: ChannelInput<'feedback.list'>) => subjects({ today: '2026-03-10', ...input });
    expect(overdue({ overdueDays: 7 })).toEqual(['8 天', '去年']);
    expect(overdue({ overdueDays: 6 })).toEqual(['正好 7 天', '8 天', '去年']);
    expect(overdue({ overdueDays: 1 })).toEqual(['正好 7 天', '8 天', '去年']);
    // Across a year boundary: 2025-12-31 is 69 days before 2026-03-10.
    expect(overdue({ overdueDays: 68 })).toEqual(['去年']);
    expect(overdue({ overdueDays: 69 })).toEqual([]);
    expect(overdue({ overdueDays: 7, status: 'closed' })).toEqual([]);
  });

  it("counts overdue days from the machine's local date when no today is given", () => {
    create({ subject: '2 月 20 日', receivedDate: '2026-02-20' });
    // 2026-02-28T20:00Z is still the 28th in UTC, already March 1st in Beijing.
    clock.set('2026-02-28T20:00:00.000Z');
    expect(inZone('UTC', () => subjects({ overdueDays: 8 }))).toEqual([]);
    expect(inZone('Asia/Shanghai', () => subjects({ overdueDays: 8 }))).toEqual(['2 月 20 日']);
  });

  it('sorts by each column, priority by urgency', () => {
    create({
      subject: '低',
      priority: 'low',
      receivedDate: '2026-01-03',
      typeId: repair,
      customerId: mingda,
    });
    create({ subject: '紧急', priority: 'urgent', receivedDate: '2026-01-01', typeId: enquiry });
    close(create({ subject: '普通', priority: 'normal', receivedDate: '2026-01-04', typeId: suggestion }), {
      closedDate: '2026-01-05',
    });
    create({ subject: '高', priority: 'high', receivedDate: '2026-01-02', typeId: complaint });
    const by = (column: (typeof feedbackSortColumns)[number], direction: 'asc' | 'desc' = 'asc') =>
      list({ sort: { column, direction } }).rows.map((r) => r.subject);
    expect(by('priority')).toEqual(['低', '普通', '高', '紧急']);
    expect(by('priority', 'desc')).toEqual(['紧急', '高', '普通', '低']);
    expect(by('receivedDate')).toEqual(['紧急', '高', '低', '普通']);
    expect(by('code')).toEqual(['低', '紧急', '普通', '高']);
    expect(by('type')).toEqual(['紧急', '普通', '高', '低']);
    expect(by('status')).toEqual(['低', '紧急', '高', '普通']);
    // Names compare by code point: 上 (U+4E0A) before 北 (U+5317).
    expect(by('customer')[0]).toBe('低');
    expect(by('customer', 'desc').at(-1)).toBe('低');
  });

  it('pages', () => {
    for (let i = 1; i <= 5; i++) create({ subject: `反馈 ${i}`, receivedDate: `2026-01-0${i}` });
    const page2 = list({ page: 2, pageSize: 2 });
    expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
    expect(page2.rows.map((r) => r.subject)).toEqual(['反馈 3', '反馈 2']);
    expect(list({ page: 4, pageSize: 2 }).rows).toEqual([]);
  });

  describe('查找', () => {
    beforeEach(() => {
      create({ subject: '打印机卡纸，影响开票', contactId: wang });
      create({ subject: '询问保修期', customerId: mingda, contactId: li });
    });

    it('finds a 2-character Chinese substring of the subject, and a code', () => {
      expect(subjects({ keyword: '卡纸' })).toEqual(['打印机卡纸，影响开票']);
      expect(subjects({ keyword: '开票' })).toEqual(['打印机卡纸，影响开票']);
      expect(subjects({ keyword: '保修' })).toEqual(['询问保修期']);
      expect(subjects({ keyword: 'f000002' })).toEqual(['询问保修期']);
      expect(subjects({ keyword: '退货' })).toEqual([]);
    });

    it("finds an item by its customer's and its contact's names, old names no longer", () => {
      expect(subjects({ keyword: '华信' })).toEqual(['打印机卡纸，影响开票']);
      expect(subjects({ keyword: '晓梅' })).toEqual(['询问保修期']);

      const customer = call(t.ctx, 'customers.get', { id: huaxin });
      call(t.ctx, 'customers.update', {
        id: huaxin,
        version: customer.version,
        name: '深圳东方电子有限公司',
      });
      expect(subjects({ keyword: '华信' })).toEqual([]);
      expect(subjects({ keyword: '东方电子' })).toEqual(['打印机卡纸，影响开票']);

      const contact = call(t.ctx, 'contacts.get', { id: li });
      call(t.ctx, 'contacts.update', { id: li, version: contact.version, name: '赵敏' });
      expect(subjects({ keyword: '晓梅' })).toEqual([]);
      expect(subjects({ keyword: '赵敏' })).toEqual(['询问保修期']);
      call(t.ctx, 'contacts.delete', { ids: [li] });
      expect(subjects({ keyword: '赵敏' })).toEqual([]);
      expect(subjects({ keyword: '明达' })).toEqual(['询问保修期']);
    });

    it('combines the keyword with the filters', () => {
      expect(subjects({ keyword: '有限公司', customerId: mingda })).toEqual(['询问保修期']);
      expect(subjects({ keyword: '有限公司', status: 'closed' })).toEqual([]);
    });
  });
});

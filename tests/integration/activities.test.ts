import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Activity, ActivityCreateInput, TimelineEntry } from '../../src-main/contract';
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
  manualClock,
  type ManualClock,
  type TestDb,
} from '../helpers/db';
import { insertContactRow, insertOpportunityRow, insertSaleRow } from '../helpers/samples/activities';

let t: TestDb;
let clock: ManualClock;
/** Customers 1 and 2, contact 张伟 of customer 1, 李娜 of customer 2, an opportunity of each. */
let huaxin: number;
let mingda: number;
let zhangWei: number;
let liNa: number;
let huaxinDeal: number;
let mingdaDeal: number;
/** The seeded 业务员 本人 (Me). */
let me: number;

beforeEach(() => {
  clock = manualClock();
  t = makeTestDb({ now: clock.now });
  huaxin = call(t.ctx, 'customers.create', { name: '北京华信科技有限公司' }).id;
  mingda = call(t.ctx, 'customers.create', { name: '上海明达贸易有限公司' }).id;
  zhangWei = insertContactRow(t.db, huaxin, '张伟');
  liNa = insertContactRow(t.db, mingda, '李娜');
  huaxinDeal = insertOpportunityRow(t.db, { customerId: huaxin, title: '华信 ERP 升级' });
  mingdaDeal = insertOpportunityRow(t.db, { customerId: mingda, title: '明达仓储系统' });
  me = baseId(t.ctx, 'sales_rep', 'me');
});
afterEach(() => t.close());

const create = (input: Partial<ActivityCreateInput> = {}): Activity =>
  call(t.ctx, 'activities.create', {
    customerId: huaxin,
    type: 'call',
    subject: '电话回访',
    occurredAt: '2026-01-02T09:30',
    ...input,
  });
const get = (id: number): Activity => call(t.ctx, 'activities.get', { id });

/** Calls a channel that must refuse, and checks it left the database alone. */
function refused(channel: string, input: unknown) {
  const before = dbSnapshot(t.db);
  const error = callError(t.ctx, channel, input);
  expect(dbSnapshot(t.db)).toEqual(before);
  return error;
}

describe('activities.create and activities.get', () => {
  it('creates an activity with every field and reads it back with the names it points at', () => {
    const input = {
      customerId: huaxin,
      contactId: zhangWei,
      opportunityId: huaxinDeal,
      type: 'visit' as const,
      subject: '上门拜访，演示新版系统',
      content: '客户对报表功能很感兴趣，\n下周报价',
      occurredAt: '2026-01-05T14:30',
      nextFollowUp: '2026-01-12',
      done: false,
      ownerId: me,
    };
    const created = create(input);
    expect(created).toEqual({
      id: created.id,
      ...input,
      customerName: '北京华信科技有限公司',
      contactName: '张伟',
      opportunityTitle: '华信 ERP 升级',
      version: 1,
      createdAt: FIXED_NOW,
      updatedAt: FIXED_NOW,
    });
    expect(get(created.id)).toEqual(created);
  });

  it('fills in what is left out: no contact, no opportunity, not done, empty text as null', () => {
    const a = create({ content: '   ', nextFollowUp: null });
    expect(a).toMatchObject({
      contactId: null,
      contactName: null,
      opportunityId: null,
      opportunityTitle: null,
      content: null,
      nextFollowUp: null,
      done: false,
      ownerId: null,
    });
    expect(create({ done: true }).done).toBe(true);
  });

  it('refuses a customer that does not exist', () => {
    expect(refused('activities.create', { ...validInput(), customerId: 999 })).toMatchObject({
      code: 'VALIDATION',
      field: 'customerId',
      reason: 'not_found',
    });
  });

  it("refuses another customer's contact", () => {
    expect(refused('activities.create', { ...validInput(), contactId: liNa })).toMatchObject({
      code: 'VALIDATION',
      field: 'contactId',
    });
  });

  it("refuses another customer's opportunity, and one that does not exist", () => {
    expect(refused('activities.create', { ...validInput(), opportunityId: mingdaDeal })).toMatchObject({
      code: 'VALIDATION',
      field: 'opportunityId',
    });
    expect(refused('activities.create', { ...validInput(), opportunityId: 999 })).toMatchObject({
      code: 'VALIDATION',
      field: 'opportunityId',
      reason: 'not_found',
    });
  });

  it.each([
    ['a space instead of T', '2026-01-05 10:30'],
    ['seconds', '2026-01-05T10:30:00'],
    ['an ISO instant', '2026-01-05T10:30:00.000Z'],
    ['a day that does not exist', '2026-02-30T10:30'],
    ['hour 24', '2026-01-05T24:00'],
    ['a bare date', '2026-01-05'],
  ])('refuses an occurredAt with %s', (_what, occurredAt) => {
    expect(refused('activities.create', { ...validInput(), occurredAt })).toMatchObject({
      code: 'VALIDATION',
      field: 'occurredAt',
    });
  });

  it('refuses an unknown type and a next follow-up that is not a date', () => {
    expect(refused('activities.create', { ...validInput(), type: 'fax' })).toMatchObject({
      field: 'type',
      reason: 'invalid_value',
    });
    expect(refused('activities.create', { ...validInput(), nextFollowUp: '2026-13-01' })).toMatchObject({
      field: 'nextFollowUp',
    });
  });

  it('answers NOT_FOUND for an activity that does not exist', () => {
    expect(callError(t.ctx, 'activities.get', { id: 999 }).code).toBe('NOT_FOUND');
  });
});

function validInput(): ActivityCreateInput {
  return { customerId: huaxin, type: 'call', subject: '电话回访', occurredAt: '2026-01-02T09:30' };
}

describe('activities.update', () => {
  it('changes only the given fields, bumps the version and the updated time', () => {
    const a = create({ contactId: zhangWei, content: '原内容', nextFollowUp: '2026-01-09', done: true });
    clock.set('2026-01-03T08:00:00.000Z');
    const updated = call(t.ctx, 'activities.update', { id: a.id, version: 1, subject: '改期电话' });
    expect(updated).toEqual({
      ...a,
      subject: '改期电话',
      version: 2,
      updatedAt: '2026-01-03T08:00:00.000Z',
    });
    // Left out, done stays done (the create default does not apply to an update).
    expect(updated.done).toBe(true);
  });

  it('clears optional fields given as null or empty', () => {
    const a = create({
      contactId: zhangWei,
      opportunityId: huaxinDeal,
      content: 'x',
      nextFollowUp: '2026-01-09',
    });
    const updated = call(t.ctx, 'activities.update', {
      id: a.id,
      version: 1,
      contactId: null,
      opportunityId: null,
      content: '',
      nextFollowUp: null,
      done: true,
    });
    expect(updated).toMatchObject({
      contactId: null,
      contactName: null,
      opportunityId: null,
      opportunityTitle: null,
      content: null,
      nextFollowUp: null,
      done: true,
    });
  });

  it('refuses a stale version as CONFLICT and changes nothing', () => {
    const a = create();
    call(t.ctx, 'activities.update', { id: a.id, version: 1, subject: '第一次修改' });
    expect(refused('activities.update', { id: a.id, version: 1, subject: '过时的修改' }).code).toBe(
      'CONFLICT',
    );
    expect(get(a.id).subject).toBe('第一次修改');
  });

  it('answers NOT_FOUND for an activity that does not exist', () => {
    expect(refused('activities.update', { id: 999, version: 1, subject: 'x' }).code).toBe('NOT_FOUND');
  });

  it("refuses another customer's contact or opportunity", () => {
    const a = create();
    expect(refused('activities.update', { id: a.id, version: 1, contactId: liNa })).toMatchObject({
      code: 'VALIDATION',
      field: 'contactId',
    });
    expect(refused('activities.update', { id: a.id, version: 1, opportunityId: mingdaDeal })).toMatchObject({
      code: 'VALIDATION',
      field: 'opportunityId',
    });
  });

  it('moves to another customer only with references that fit the new customer', () => {
    const a = create({ contactId: zhangWei, opportunityId: huaxinDeal });
    // The stored contact belongs to the old customer.
    expect(refused('activities.update', { id: a.id, version: 1, customerId: mingda })).toMatchObject({
      code: 'VALIDATION',
      field: 'contactId',
    });
    expect(
      refused('activities.update', { id: a.id, version: 1, customerId: mingda, contactId: liNa }),
    ).toMatchObject({ code: 'VALIDATION', field: 'opportunityId' });
    const moved = call(t.ctx, 'activities.update', {
      id: a.id,
      version: 1,
      customerId: mingda,
      contactId: liNa,
      opportunityId: mingdaDeal,
    });
    expect(moved).toMatchObject({
      customerName: '上海明达贸易有限公司',
      contactName: '李娜',
      opportunityTitle: '明达仓储系统',
    });
  });
});

describe('activities.delete', () => {
  it('deletes the given activities', () => {
    const [a, b, c] = [create(), create(), create()];
    expect(call(t.ctx, 'activities.delete', { ids: [a.id, b.id] })).toMatchObject({ deleted: 2 });
    expect(callError(t.ctx, 'activities.get', { id: a.id }).code).toBe('NOT_FOUND');
    expect(get(c.id).id).toBe(c.id);
  });

  it('deletes none when one of them does not exist', () => {
    const a = create();
    expect(refused('activities.delete', { ids: [a.id, 999] }).code).toBe('NOT_FOUND');
    expect(get(a.id).id).toBe(a.id);
  });

  it("goes with its customer, and loses a deleted contact's name", () => {
    const a = create({ contactId: zhangWei });
    t.db.prepare('DELETE FROM contacts WHERE id = ?').run(zhangWei);
    expect(get(a.id)).toMatchObject({ contactId: null, contactName: null });
    call(t.ctx, 'customers.delete', { ids: [huaxin] });
    expect(callError(t.ctx, 'activities.get', { id: a.id }).code).toBe('NOT_FOUND');
  });
});

describe('activities.complete and activities.reschedule', () => {
  it('marks a follow-up done in one click', () => {
    const a = create({ nextFollowUp: '2026-01-05' });
    clock.set('2026-01-05T09:00:00.000Z');
    const done = call(t.ctx, 'activities.complete', { id: a.id, version: 1 });
    expect(done).toEqual({ ...a, done: true, version: 2, updatedAt: '2026-01-05T09:00:00.000Z' });
  });

  it('moves a follow-up to another day and keeps it to do', () => {
    const a = create({ nextFollowUp: '2026-01-05' });
    const moved = call(t.ctx, 'activities.reschedule', { id: a.id, version: 1, nextFollowUp: '2026-01-20' });
    expect(moved).toMatchObject({ nextFollowUp: '2026-01-20', done: false, version: 2 });
    // Rescheduling one marked done by mistake makes it a follow-up again.
    const done = call(t.ctx, 'activities.complete', { id: a.id, version: 2 });
    expect(
      call(t.ctx, 'activities.reschedule', { id: a.id, version: done.version, nextFollowUp: '2026-01-21' }),
    ).toMatchObject({ nextFollowUp: '2026-01-21', done: false, version: 4 });
  });

  it('refuses a stale version as CONFLICT and a missing activity as NOT_FOUND', () => {
    const a = create({ nextFollowUp: '2026-01-05' });
    call(t.ctx, 'activities.update', { id: a.id, version: 1, subject: '别处修改' });
    expect(refused('activities.complete', { id: a.id, version: 1 }).code).toBe('CONFLICT');
    expect(refused('activities.reschedule', { id: a.id, version: 1, nextFollowUp: '2026-01-09' }).code).toBe(
      'CONFLICT',
    );
    expect(refused('activities.complete', { id: 999, version: 1 }).code).toBe('NOT_FOUND');
    expect(refused('activities.reschedule', { id: 999, version: 1, nextFollowUp: '2026-01-09' }).code).toBe(
      'NOT_FOUND',
    );
    expect(get(a.id)).toMatchObject({ done: false, nextFollowUp: '2026-01-05', version: 2 });
  });

  it('refuses a new date that is not a calendar date', () => {
    const a = create();
    expect(
      refused('activities.reschedule', { id: a.id, version: 1, nextFollowUp: '2026-02-29' }),
    ).toMatchObject({ code: 'VALIDATION', field: 'nextFollowUp' });
  });
});

describe('activities.list', () => {
  beforeEach(() => {
    create({ subject: 'A 电话', type: 'call', occurredAt: '2026-01-03T09:00', nextFollowUp: '2026-01-10' });
    create({
      subject: 'B 拜访',
      type: 'visit',
      contactId: zhangWei,
      opportunityId: huaxinDeal,
      occurredAt: '2026-01-04T15:00',
      done: true,
    });
    create({
      subject: 'C 邮件',
      type: 'email',
      customerId: mingda,
      contactId: liNa,
      occurredAt: '2026-01-01T11:00',
      nextFollowUp: '2026-01-06',
    });
    create({ subject: 'D 电话', type: 'call', customerId: mingda, occurredAt: '2026-01-05T08:00' });
  });
  const subjects = (input: Record<string, unknown> = {}) =>
    call(t.ctx, 'activities.list', input).rows.map((r) => r.subject);

  it('lists newest first by default, with the names of what each row points at', () => {
    const page = call(t.ctx, 'activities.list', {});
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.subject)).toEqual(['D 电话', 'B 拜访', 'A 电话', 'C 邮件']);
    expect(page.rows[1]).toEqual({
      id: expect.any(Number),
      customerId: huaxin,
      customerName: '北京华信科技有限公司',
      contactId: zhangWei,
      contactName: '张伟',
      opportunityId: huaxinDeal,
      opportunityTitle: '华信 ERP 升级',
      type: 'visit',
      subject: 'B 拜访',
      occurredAt: '2026-01-04T15:00',
      nextFollowUp: null,
      done: true,
      ownerId: null,
      version: 1,
      updatedAt: FIXED_NOW,
    });
    expect(page.rows.map((r) => r.done)).toEqual([false, true, false, false]);
  });

  it('filters by customer, type and done', () => {
    expect(subjects({ customerId: mingda })).toEqual(['D 电话', 'C 邮件']);
    expect(subjects({ type: 'call' })).toEqual(['D 电话', 'A 电话']);
    expect(subjects({ done: true })).toEqual(['B 拜访']);
    expect(subjects({ done: false, customerId: huaxin })).toEqual(['A 电话']);
    expect(call(t.ctx, 'activities.list', { type: 'meeting' })).toMatchObject({ rows: [], total: 0 });
  });

  it('sorts by each column', () => {
    expect(subjects({ sort: { column: 'occurredAt', direction: 'asc' } })).toEqual([
      'C 邮件',
      'A 电话',
      'B 拜访',
      'D 电话',
    ]);
    // No follow-up sorts first going up (SQLite puts NULL lowest); ties by id.
    expect(subjects({ sort: { column: 'nextFollowUp', direction: 'asc' } })).toEqual([
      'B 拜访',
      'D 电话',
      'C 邮件',
      'A 电话',
    ]);
    expect(subjects({ sort: { column: 'type', direction: 'asc' } })).toEqual([
      'A 电话',
      'D 电话',
      'C 邮件',
      'B 拜访',
    ]);
    expect(subjects({ sort: { column: 'subject', direction: 'desc' } })).toEqual([
      'D 电话',
      'C 邮件',
      'B 拜访',
      'A 电话',
    ]);
    // 上海明达 sorts before 北京华信 by code point (上 U+4E0A < 北 U+5317).
    expect(subjects({ sort: { column: 'customer', direction: 'asc' } })).toEqual([
      'C 邮件',
      'D 电话',
      'A 电话',
      'B 拜访',
    ]);
  });

  it('pages', () => {
    const page2 = call(t.ctx, 'activities.list', { page: 2, pageSize: 3 });
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.rows.map((r) => r.subject)).toEqual(['C 邮件']);
    expect(call(t.ctx, 'activities.list', { page: 3, pageSize: 3 })).toMatchObject({ rows: [], total: 4 });
  });

  it('refuses a keyword: activities are filtered, not searched', () => {
    expect(callError(t.ctx, 'activities.list', { keyword: '电话' })).toMatchObject({
      code: 'VALIDATION',
      field: 'keyword',
      reason: 'unknown_field',
    });
  });
});

describe('the owner 业务员', () => {
  const addRep = (nameZh: string) => call(t.ctx, 'baseData.create', { kind: 'sales_rep', nameZh }).id;

  it('is stored on create, changed or kept on update, and cleared with null', () => {
    const wang = addRep('王强');
    const a = create({ ownerId: me });
    expect(a.ownerId).toBe(me);
    expect(get(a.id).ownerId).toBe(me);
    const moved = call(t.ctx, 'activities.update', { id: a.id, version: 1, ownerId: wang });
    expect(moved).toMatchObject({ ownerId: wang, version: 2 });
    // Left out, the owner stays.
    const renamed = call(t.ctx, 'activities.update', { id: a.id, version: 2, subject: '改期电话' });
    expect(renamed).toMatchObject({ ownerId: wang, subject: '改期电话' });
    const cleared = call(t.ctx, 'activities.update', { id: a.id, version: 3, ownerId: null });
    expect(cleared.ownerId).toBeNull();
  });

  it('lists by owner, alone and with the other filters', () => {
    const wang = addRep('王强');
    create({ subject: 'A 我的电话', ownerId: me, occurredAt: '2026-01-03T09:00' });
    create({ subject: 'B 王强的拜访', type: 'visit', ownerId: wang, occurredAt: '2026-01-04T09:00' });
    create({ subject: 'C 王强的电话', customerId: mingda, ownerId: wang, occurredAt: '2026-01-05T09:00' });
    create({ subject: 'D 没有业务员', occurredAt: '2026-01-06T09:00' });
    const subjects = (input: Record<string, unknown>) =>
      call(t.ctx, 'activities.list', input).rows.map((r) => r.subject);
    expect(subjects({ ownerId: wang })).toEqual(['C 王强的电话', 'B 王强的拜访']);
    expect(subjects({ ownerId: me })).toEqual(['A 我的电话']);
    expect(subjects({ ownerId: wang, type: 'call' })).toEqual(['C 王强的电话']);
    expect(subjects({ ownerId: wang, customerId: huaxin })).toEqual(['B 王强的拜访']);
    const page = call(t.ctx, 'activities.list', { ownerId: wang });
    expect(page.total).toBe(2);
    expect(page.rows.map((r) => r.ownerId)).toEqual([wang, wang]);
    expect(call(t.ctx, 'activities.list', { ownerId: 99_999 })).toMatchObject({ rows: [], total: 0 });
  });

  it('refuses an entry of another base-data list and one that does not exist, changing nothing', () => {
    const industry = call(t.ctx, 'baseData.list', { kind: 'industry' })[0]!.id;
    for (const ownerId of [industry, 99_999]) {
      expect(refused('activities.create', { ...validInput(), ownerId })).toMatchObject({
        code: 'VALIDATION',
        field: 'ownerId',
        reason: 'not_found',
      });
    }
    const a = create({ ownerId: me });
    for (const ownerId of [industry, 99_999]) {
      expect(refused('activities.update', { id: a.id, version: 1, ownerId })).toMatchObject({
        code: 'VALIDATION',
        field: 'ownerId',
        reason: 'not_found',
      });
    }
    expect(get(a.id)).toEqual(a);
  });

  it('keeps an owner since made inactive on the activity that has it', () => {
    const wang = addRep('王强');
    const a = create({ ownerId: wang });
    call(t.ctx, 'baseData.update', { id: wang, active: false });
    // An edit sends every field back, the owner it holds included.
    const updated = call(t.ctx, 'activities.update', {
      id: a.id,
      version: 1,
      customerId: a.customerId,
      type: a.type,
      subject: '再次回访',
      occurredAt: a.occurredAt,
      done: a.done,
      ownerId: a.ownerId,
    });
    expect(updated).toMatchObject({ ownerId: wang, subject: '再次回访' });
  });
});

describe('migration 0010: activity owner', () => {
  it('upgrades an older file: its activities have no owner and can be given one', () => {
    const all = loadMigrations();
    const nine = all.filter((m) => m.version <= 9);
    const tmp = makeTempDir();
    try {
      const file = path.join(tmp.dir, 'old.solocrm');
      const old = openDatabase(file, { migrations: nine });
      const oldCtx = contextFor(old.db, file, old.schemaVersion);
      const customerId = call(oldCtx, 'customers.create', { name: '北京华信科技有限公司' }).id;
      old.db
        .prepare(
          `INSERT INTO activities (customer_id, type, subject, occurred_at, created_at, updated_at)
           VALUES (?, 'call', '旧的电话', '2026-01-02T09:00', ?, ?)`,
        )
        .run(customerId, FIXED_NOW, FIXED_NOW);
      closeDatabase(old.db);

      const opened = openDatabase(file, { migrations: all });
      const ctx = contextFor(opened.db, file, opened.schemaVersion);
      const [row] = call(ctx, 'activities.list', {}).rows;
      expect(row).toMatchObject({ subject: '旧的电话', ownerId: null });
      const owner = baseId(ctx, 'sales_rep', 'me');
      expect(call(ctx, 'activities.update', { id: row!.id, version: 1, ownerId: owner }).ownerId).toBe(owner);
      expect(call(ctx, 'activities.list', { ownerId: owner }).total).toBe(1);
      const plan = opened.db
        .prepare('EXPLAIN QUERY PLAN SELECT id FROM activities WHERE owner_id = ?')
        .all(owner) as { detail: string }[];
      expect(plan.map((p) => p.detail).join('\n')).toContain('activities_owner');
      closeDatabase(opened.db);
    } finally {
      tmp.remove();
    }
  });
});

describe('customers.timeline', () => {
  // The timeline orders UTC instants by the machine's local clock; fix the zone for these tests.
  const savedTz = process.env.TZ;
  beforeEach(() => {
    process.env.TZ = 'UTC';
  });
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });

  const timeline = (customerId: number, page = 1, pageSize = 50) =>
    call(t.ctx, 'customers.timeline', { customerId, page, pageSize });
  const brief = (rows: TimelineEntry[]) => rows.map((r) => `${r.kind} ${r.title}`);

  /** Huaxin's history over a week, written out of order (华信 ERP 升级 opened at FIXED_NOW). */
  function huaxinHistory() {
    const won = insertOpportunityRow(t.db, {
      customerId: huaxin,
      title: '服务器采购',
      expectedAmount: 12_000_000,
      createdAt: '2026-01-03T02:00:00.000Z',
      status: 'won',
      closedAt: '2026-01-07T06:30:00.000Z',
    });
    const sale = insertSaleRow(t.db, {
      customerId: huaxin,
      code: 'S000001',
      saleDate: '2026-01-07',
      amount: 11_800_000,
      opportunityId: won,
    });
    insertOpportunityRow(t.db, {
      customerId: huaxin,
      title: '存储扩容',
      expectedAmount: 3_000_000,
      createdAt: '2026-01-04T01:00:00.000Z',
      status: 'lost',
      closedAt: '2026-01-06T09:00:00.000Z',
    });
    create({ subject: '首次电话', occurredAt: '2026-01-03T01:30' });
    const visit = create({ subject: '上门拜访', type: 'visit', occurredAt: '2026-01-05T10:00' });
    create({ subject: '签约后回访', occurredAt: '2026-01-07T16:00' });
    // Another customer's history never shows.
    create({ customerId: mingda, subject: '明达电话', occurredAt: '2026-01-06T10:00' });
    insertSaleRow(t.db, { customerId: mingda, saleDate: '2026-01-06', amount: 100 });
    return { won, sale, visit };
  }

  it('merges activities, opportunities opened and closed, and sales, newest first', () => {
    const { won, sale, visit } = huaxinHistory();
    const page = timeline(huaxin);
    expect(page.total).toBe(9);
    expect(brief(page.rows)).toEqual([
      // A dated sale counts from the end of its day: above that day's other events.
      'sale S000001',
      'activity 签约后回访',
      'opportunity_won 服务器采购',
      'opportunity_lost 存储扩容',
      'activity 上门拜访',
      'opportunity_opened 存储扩容',
      'opportunity_opened 服务器采购',
      'activity 首次电话',
      'opportunity_opened 华信 ERP 升级',
    ]);
    expect(page.rows[0]).toEqual({
      kind: 'sale',
      id: sale,
      at: '2026-01-07',
      title: 'S000001',
      activityType: null,
      amount: 11_800_000,
    });
    expect(page.rows[2]).toEqual({
      kind: 'opportunity_won',
      id: won,
      at: '2026-01-07T06:30:00.000Z',
      title: '服务器采购',
      activityType: null,
      amount: 12_000_000,
    });
    expect(page.rows[4]).toEqual({
      kind: 'activity',
      id: visit.id,
      at: '2026-01-05T10:00',
      title: '上门拜访',
      activityType: 'visit',
      amount: null,
    });
    expect(page.rows[6]).toMatchObject({ id: won, at: '2026-01-03T02:00:00.000Z', amount: 12_000_000 });
  });

  it('shows service feedback received (at the start of its day) and closed (at its end)', () => {
    const feedback = (subject: string, receivedDate: string, customerId = huaxin) =>
      call(t.ctx, 'feedback.create', {
        customerId,
        typeId: call(t.ctx, 'baseData.list', { kind: 'feedback_type' })[0]!.id,
        subject,
        receivedDate,
      });
    create({ subject: '上门维修', occurredAt: '2026-01-05T10:00' });
    feedback('打印机卡纸', '2026-01-05');
    const invoice = feedback('发票开错', '2026-01-03');
    const closed = call(t.ctx, 'feedback.close', {
      id: invoice.id,
      version: 1,
      result: '已重开发票',
      satisfaction: 4,
      closedDate: '2026-01-07',
    });
    insertSaleRow(t.db, { customerId: huaxin, code: 'S000001', saleDate: '2026-01-07', amount: 100 });
    create({ subject: '回访', occurredAt: '2026-01-07T16:00' });
    feedback('明达的反馈', '2026-01-06', mingda);

    const page = timeline(huaxin);
    expect(page.total).toBe(7);
    expect(brief(page.rows)).toEqual([
      'sale S000001',
      'feedback_closed 发票开错',
      'activity 回访',
      'activity 上门维修',
      'feedback_opened 打印机卡纸',
      'feedback_opened 发票开错',
      'opportunity_opened 华信 ERP 升级',
    ]);
    expect(page.rows[1]).toEqual({
      kind: 'feedback_closed',
      id: invoice.id,
      at: '2026-01-07',
      title: '发票开错',
      activityType: null,
      amount: null,
    });
    expect(page.rows[5]).toEqual({ ...page.rows[1], kind: 'feedback_opened', at: '2026-01-03' });

    // Reopened, it is no longer closed: only its receipt stays on the timeline.
    call(t.ctx, 'feedback.reopen', { id: invoice.id, version: closed.version });
    expect(timeline(huaxin).total).toBe(6);
    expect(brief(timeline(huaxin).rows)).not.toContain('feedback_closed 发票开错');
  });

  it("orders an instant by the machine's local clock against a typed local time", () => {
    create({ subject: '上门拜访', occurredAt: '2026-01-05T10:00' });
    // 03:00 UTC is 11:00 in Beijing: after a 10:00 visit there, before it in London.
    insertOpportunityRow(t.db, {
      customerId: huaxin,
      title: '新需求',
      createdAt: '2026-01-05T03:00:00.000Z',
    });
    expect(brief(timeline(huaxin).rows).slice(0, 2)).toEqual([
      'activity 上门拜访',
      'opportunity_opened 新需求',
    ]);
    process.env.TZ = 'Asia/Shanghai';
    expect(brief(timeline(huaxin).rows).slice(0, 2)).toEqual([
      'opportunity_opened 新需求',
      'activity 上门拜访',
    ]);
  });

  it('pages through the history', () => {
    huaxinHistory();
    const all = timeline(huaxin).rows;
    const pages = [1, 2, 3, 4].map((p) => timeline(huaxin, p, 4));
    expect(pages.map((p) => p.total)).toEqual([9, 9, 9, 9]);
    expect(pages.map((p) => p.rows.length)).toEqual([4, 4, 1, 0]);
    expect(pages.flatMap((p) => p.rows)).toEqual(all);
    expect(pages[3]).toEqual({ rows: [], total: 9, page: 4, pageSize: 4 });
  });

  it('is empty for a customer with no history yet', () => {
    const fresh = call(t.ctx, 'customers.create', { name: '新客户' }).id;
    expect(timeline(fresh)).toEqual({ rows: [], total: 0, page: 1, pageSize: 50 });
  });

  it('answers NOT_FOUND for a customer that does not exist', () => {
    expect(callError(t.ctx, 'customers.timeline', { customerId: 999 }).code).toBe('NOT_FOUND');
  });
});

import type { Db } from '../../../src-main/db/open';
import type { HandlerContext } from '../../../src-main/records/context';
import { FIXED_NOW, baseId, call } from '../db';
import type { Sample } from './core';

/** The seeded 业务员 本人 (migration 0001); seedActivities checks it. */
const ME = 61;

/**
 * The 行动 channels and customers.timeline. The samples need only customer 1 and activity 1
 * (version 1, of customer 1), which seedActivities makes; no contact or opportunity, so they do not
 * depend on what the other kinds' seeds create.
 */
export const activitySamples: Record<string, Sample> = {
  'activities.list': {
    valid: {
      customerId: 1,
      type: 'call',
      done: false,
      ownerId: ME,
      sort: { column: 'nextFollowUp', direction: 'asc' },
      page: 1,
      pageSize: 20,
    },
    wrongType: { field: 'done', value: 'no' },
    required: null,
    huge: { field: 'type' },
  },
  'activities.get': {
    valid: { id: 1 },
    wrongType: { field: 'id', value: '1' },
    required: 'id',
    huge: { field: 'id' },
  },
  'activities.create': {
    valid: {
      customerId: 1,
      contactId: null,
      opportunityId: null,
      type: 'visit',
      subject: '上门拜访，演示新版系统',
      content: '客户对报表功能很感兴趣',
      occurredAt: '2026-01-05T10:30',
      nextFollowUp: '2026-01-12',
      done: false,
      ownerId: ME,
    },
    wrongType: { field: 'customerId', value: '1' },
    required: 'subject',
    huge: { field: 'content' },
  },
  'activities.update': {
    valid: { id: 1, version: 1, subject: '电话回访（已改）', done: true, ownerId: null },
    wrongType: { field: 'done', value: 'true' },
    required: 'version',
    huge: { field: 'subject' },
  },
  'activities.delete': {
    valid: { ids: [1] },
    wrongType: { field: 'ids', value: 1 },
    required: 'ids',
    huge: { field: 'ids' },
  },
  'activities.complete': {
    valid: { id: 1, version: 1 },
    wrongType: { field: 'version', value: '1' },
    required: 'version',
    huge: { field: 'version' },
  },
  'activities.reschedule': {
    valid: { id: 1, version: 1, nextFollowUp: '2026-01-09' },
    wrongType: { field: 'nextFollowUp', value: 20260109 },
    required: 'nextFollowUp',
    huge: { field: 'nextFollowUp' },
  },
  'customers.timeline': {
    valid: { customerId: 1, page: 1, pageSize: 20 },
    wrongType: { field: 'customerId', value: '1' },
    required: 'customerId',
    huge: { field: 'customerId' },
  },
};

/** Makes activity 1: a call to customer 1 by 本人, not done, follow-up due 2026-01-05. */
export function seedActivities(ctx: HandlerContext): void {
  if (baseId(ctx, 'sales_rep', 'me') !== ME) {
    throw new Error('The seeded base-data ids moved: update ME in samples/activities.ts');
  }
  call(ctx, 'activities.create', {
    customerId: 1,
    type: 'call',
    subject: '电话回访',
    occurredAt: '2026-01-02T09:00',
    nextFollowUp: '2026-01-05',
    ownerId: ME,
  });
}

/*
 * Rows of the other kinds, written straight into their tables (the schema is fixed), so the
 * timeline and home tests do not depend on the contacts, opportunities and sales channels.
 */

let codeCounter = 0;
const uniqueCode = (prefix: string) => `${prefix}T${String(++codeCounter).padStart(6, '0')}`;

export function insertContactRow(db: Db, customerId: number, name: string, at = FIXED_NOW): number {
  return Number(
    db
      .prepare('INSERT INTO contacts (customer_id, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(customerId, name, at, at).lastInsertRowid,
  );
}

export function insertProductRow(db: Db, name: string, at = FIXED_NOW): number {
  return Number(
    db
      .prepare('INSERT INTO products (code, name, created_at, updated_at) VALUES (?, ?, ?, ?)')
      .run(uniqueCode('P'), name, at, at).lastInsertRowid,
  );
}

export interface OpportunityRowInput {
  customerId: number;
  title: string;
  status?: 'open' | 'won' | 'lost';
  expectedAmount?: number;
  expectedCloseDate?: string | null;
  createdAt?: string;
  /** Required for won and lost (the schema's CHECK). */
  closedAt?: string | null;
  updatedAt?: string;
}

export function insertOpportunityRow(db: Db, o: OpportunityRowInput): number {
  const status = o.status ?? 'open';
  const stageKey = status === 'open' ? 'initial' : status;
  const stageId = db
    .prepare("SELECT id FROM base_items WHERE kind = 'opportunity_stage' AND key = ?")
    .pluck()
    .get(stageKey);
  const createdAt = o.createdAt ?? FIXED_NOW;
  return Number(
    db
      .prepare(
        `INSERT INTO opportunities (code, customer_id, title, stage_id, probability, expected_amount,
           expected_close_date, status, closed_at, created_at, updated_at)
         VALUES (?, ?, ?, ?, 10, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        uniqueCode('O'),
        o.customerId,
        o.title,
        stageId,
        o.expectedAmount ?? 0,
        o.expectedCloseDate ?? null,
        status,
        o.closedAt ?? null,
        createdAt,
        o.updatedAt ?? o.closedAt ?? createdAt,
      ).lastInsertRowid,
  );
}

export interface SaleRowInput {
  customerId: number;
  saleDate: string;
  amount: number;
  status?: 'draft' | 'confirmed' | 'delivered' | 'paid' | 'cancelled';
  code?: string;
  opportunityId?: number | null;
  updatedAt?: string;
}

export function insertSaleRow(db: Db, s: SaleRowInput): number {
  const at = s.updatedAt ?? FIXED_NOW;
  return Number(
    db
      .prepare(
        `INSERT INTO sales (code, customer_id, opportunity_id, sale_date, status, amount, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        s.code ?? uniqueCode('S'),
        s.customerId,
        s.opportunityId ?? null,
        s.saleDate,
        s.status ?? 'confirmed',
        s.amount,
        at,
        at,
      ).lastInsertRowid,
  );
}

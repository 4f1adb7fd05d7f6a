import type { HandlerContext } from '../../../src-main/records/context';
import { baseId, call } from '../db';
import type { Sample } from './core';

/** The seeded base-data entries 投诉 and 本人 (migration 0001); seedFeedback checks them. */
const COMPLAINT = 49;
const ME = 61;

/**
 * The 服务反馈 channels. The samples need customer 1 with its contact 1 (made by seedContacts),
 * open feedback 1 (version 1) and closed feedback 2 (version 2), which seedFeedback makes.
 */
export const feedbackSamples: Record<string, Sample> = {
  'feedback.list': {
    valid: {
      keyword: '打印',
      customerId: 1,
      status: 'open',
      typeId: COMPLAINT,
      priority: 'high',
      overdueDays: 7,
      today: '2026-01-20',
      sort: { column: 'priority', direction: 'desc' },
      page: 1,
      pageSize: 20,
    },
    wrongType: { field: 'overdueDays', value: '7' },
    required: null,
    huge: { field: 'keyword' },
  },
  'feedback.get': {
    valid: { id: 1 },
    wrongType: { field: 'id', value: '1' },
    required: 'id',
    huge: { field: 'id' },
  },
  'feedback.create': {
    valid: {
      customerId: 1,
      contactId: 1,
      typeId: COMPLAINT,
      subject: '发票抬头开错',
      content: '请重开发票',
      priority: 'urgent',
      receivedDate: '2026-01-05',
      handlerId: ME,
    },
    wrongType: { field: 'priority', value: 3, reason: 'invalid_value' },
    required: 'subject',
    huge: { field: 'content' },
  },
  'feedback.update': {
    valid: { id: 1, version: 1, subject: '打印机卡纸（已改）', priority: 'low', contactId: null },
    wrongType: { field: 'receivedDate', value: 20260102 },
    required: 'version',
    huge: { field: 'subject' },
  },
  'feedback.delete': {
    valid: { ids: [1, 2] },
    wrongType: { field: 'ids', value: 1 },
    required: 'ids',
    huge: { field: 'ids' },
  },
  'feedback.close': {
    valid: { id: 1, version: 1, result: '已上门更换硒鼓', satisfaction: 4, closedDate: '2026-01-06' },
    wrongType: { field: 'satisfaction', value: '4' },
    required: 'result',
    huge: { field: 'result' },
  },
  'feedback.reopen': {
    valid: { id: 2, version: 2 },
    wrongType: { field: 'version', value: '2' },
    required: 'version',
    huge: { field: 'version' },
  },
};

/**
 * Makes feedback 1 F000001 (open: a 投诉 of customer 1 through its contact 1, high priority,
 * handled by 本人, received 2026-01-02) and feedback 2 F000002 (a 咨询 of customer 2, received
 * 2026-01-02 and closed on 2026-01-03 with satisfaction 5, so at version 2).
 */
export function seedFeedback(ctx: HandlerContext): void {
  if (baseId(ctx, 'feedback_type', 'complaint') !== COMPLAINT || baseId(ctx, 'sales_rep', 'me') !== ME) {
    throw new Error('The seeded base-data ids moved: update COMPLAINT and ME in samples/feedback.ts');
  }
  call(ctx, 'feedback.create', {
    customerId: 1,
    contactId: 1,
    typeId: COMPLAINT,
    subject: '打印机卡纸',
    content: '新买的打印机一周卡纸三次',
    priority: 'high',
    receivedDate: '2026-01-02',
    handlerId: ME,
  });
  const enquiry = call(ctx, 'feedback.create', {
    customerId: 2,
    typeId: baseId(ctx, 'feedback_type', 'enquiry'),
    subject: '询问保修期',
    receivedDate: '2026-01-02',
  });
  call(ctx, 'feedback.close', {
    id: enquiry.id,
    version: enquiry.version,
    result: '已告知保修三年',
    satisfaction: 5,
    closedDate: '2026-01-03',
  });
}

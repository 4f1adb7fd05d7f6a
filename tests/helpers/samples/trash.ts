import type { HandlerContext } from '../../../src-main/records/context';
import { call } from '../db';
import type { Sample } from './core';

/** The 回收站 channels. The samples need trash entry 1, which seedTrash makes. */
export const trashSamples: Record<string, Sample> = {
  'trash.list': {
    valid: { kind: 'activities', keyword: '明达', page: 1, pageSize: 20 },
    wrongType: { field: 'kind', value: 'invoices', reason: 'invalid_value' },
    required: null,
    huge: { field: 'keyword' },
  },
  'trash.restore': {
    valid: { ids: [1] },
    wrongType: { field: 'ids', value: 1 },
    required: 'ids',
    huge: { field: 'ids' },
  },
  'trash.purge': {
    valid: { ids: [1] },
    wrongType: { field: 'ids', value: '1' },
    required: 'ids',
    huge: { field: 'ids' },
  },
  'trash.empty': {
    valid: {},
    wrongType: null,
    required: null,
    huge: { field: 'everything' },
  },
};

/**
 * Makes trash entry 1: an activity of customer 2 (上海明达贸易有限公司), made and deleted after
 * every other seed so that no other sample's record is missing.
 */
export function seedTrash(ctx: HandlerContext): void {
  const activity = call(ctx, 'activities.create', {
    customerId: 2,
    type: 'call',
    subject: '确认送货地址',
    occurredAt: '2026-01-02T14:00',
  });
  const { trashIds } = call(ctx, 'activities.delete', { ids: [activity.id] });
  if (trashIds[0] !== 1) throw new Error(`Expected trash entry 1, got ${trashIds[0]}`);
}

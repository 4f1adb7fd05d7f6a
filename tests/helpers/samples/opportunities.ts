import type { HandlerContext } from '../../../src-main/records/context';
import { baseId, call } from '../db';
import type { Sample } from './core';

/**
 * Seeded base data numbers the opportunity stages 41 初步接触 … 44 谈判, 45 赢单, 46 输单
 * (tests/integration/opportunities.test.ts checks that these ids still hold).
 */
export const SAMPLE_STAGE_QUALIFIED = 42;

export const opportunitySamples: Record<string, Sample> = {
  'opportunities.list': {
    valid: {
      keyword: '服务器',
      customerId: 1,
      stageId: 41,
      status: 'open',
      closeFrom: '2026-01-01',
      closeTo: '2026-12-31',
      sort: { column: 'customer', direction: 'asc' },
      page: 1,
      pageSize: 20,
    },
    wrongType: { field: 'status', value: 'closed', reason: 'invalid_value' },
    required: null,
    huge: { field: 'keyword' },
  },
  'opportunities.get': {
    valid: { id: 1 },
    wrongType: { field: 'id', value: '1' },
    required: 'id',
    huge: { field: 'id' },
  },
  'opportunities.create': {
    valid: {
      customerId: 2,
      title: '年度采购',
      stageId: 41,
      probability: 15,
      expectedAmount: 100_000,
      expectedCloseDate: '2026-06-30',
      notes: '首次接触',
    },
    wrongType: { field: 'expectedAmount', value: '1000' },
    required: 'customerId',
    huge: { field: 'title' },
  },
  'opportunities.update': {
    valid: { id: 1, version: 1, title: '服务器扩容（二期）', stageId: SAMPLE_STAGE_QUALIFIED },
    wrongType: { field: 'probability', value: '50' },
    required: 'version',
    huge: { field: 'notes' },
  },
  'opportunities.delete': {
    valid: { ids: [1, 2] },
    wrongType: { field: 'ids', value: 1 },
    required: 'ids',
    huge: { field: 'ids' },
  },
  'opportunities.close': {
    valid: { id: 1, version: 1, outcome: 'won', saleDate: '2026-01-02' },
    wrongType: { field: 'saleDate', value: 20260102 },
    required: 'version',
    huge: { field: 'saleDate' },
  },
  'opportunities.reopen': {
    valid: { id: 2, version: 2 },
    wrongType: { field: 'version', value: '2' },
    required: 'version',
    huge: { field: 'id' },
  },
  'opportunities.move': {
    valid: { id: 1, version: 1, stageId: SAMPLE_STAGE_QUALIFIED },
    wrongType: { field: 'stageId', value: 'qualified' },
    required: 'stageId',
    huge: { field: 'stageId' },
  },
  'opportunities.board': {
    valid: { ownerId: 61, customerId: 1 },
    wrongType: { field: 'ownerId', value: true },
    required: null,
    huge: { field: 'customerId' },
  },
};

/**
 * Makes opportunity 1 (O000001, customer 1, open in 初步接触, version 1, no lines) and
 * opportunity 2 (O000002, customer 2, closed as lost, version 2). Neither uses a contact or a
 * product, so later seeds keep their own numbering whatever those seeds make.
 */
export function seedOpportunities(ctx: HandlerContext): void {
  const owner = baseId(ctx, 'sales_rep', 'me');
  call(ctx, 'opportunities.create', {
    customerId: 1,
    title: '服务器扩容',
    ownerId: owner,
    expectedAmount: 5_000_000,
    expectedCloseDate: '2026-03-31',
  });
  const lost = call(ctx, 'opportunities.create', { customerId: 2, title: '办公用品' });
  call(ctx, 'opportunities.close', {
    id: lost.id,
    version: lost.version,
    outcome: 'lost',
    lostReason: '价格太高',
  });
}

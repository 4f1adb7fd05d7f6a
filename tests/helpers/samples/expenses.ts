import type { HandlerContext } from '../../../src-main/records/context';
import { baseId, call } from '../db';
import type { Sample } from './core';

/** The seeded base-data entries 差旅费 and 本人 (migration 0001); seedExpenses checks them. */
const TRAVEL = 51;
const ME = 61;

/**
 * The 费用 channels. The samples need customer 1, its opportunity 1 (made by seedOpportunities)
 * and expense 1 (version 1), which seedExpenses makes.
 */
export const expenseSamples: Record<string, Sample> = {
  'expenses.list': {
    valid: {
      customerId: 1,
      opportunityId: 1,
      categoryId: TRAVEL,
      ownerId: ME,
      dateFrom: '2026-01-01',
      dateTo: '2026-12-31',
      sort: { column: 'category', direction: 'asc' },
      page: 1,
      pageSize: 20,
    },
    wrongType: { field: 'dateFrom', value: 20260101 },
    required: null,
    huge: { field: 'dateTo' },
  },
  'expenses.get': {
    valid: { id: 1 },
    wrongType: { field: 'id', value: '1' },
    required: 'id',
    huge: { field: 'id' },
  },
  'expenses.create': {
    valid: {
      expenseDate: '2026-01-05',
      categoryId: TRAVEL,
      amount: 35_000,
      customerId: 1,
      opportunityId: 1,
      description: '请客户吃饭',
      ownerId: ME,
    },
    wrongType: { field: 'amount', value: '350.00' },
    required: 'expenseDate',
    huge: { field: 'description' },
  },
  'expenses.update': {
    valid: { id: 1, version: 1, amount: 88_800, description: '机票改签' },
    wrongType: { field: 'amount', value: [1] },
    required: 'version',
    huge: { field: 'description' },
  },
  'expenses.delete': {
    valid: { ids: [1] },
    wrongType: { field: 'ids', value: 1 },
    required: 'ids',
    huge: { field: 'ids' },
  },
};

/**
 * Makes expense 1: a 差旅费 of ¥1,200.00 on 2026-01-02 for customer 1 and its opportunity 1
 * (服务器扩容), owned by 本人.
 */
export function seedExpenses(ctx: HandlerContext): void {
  if (baseId(ctx, 'expense_category', 'travel') !== TRAVEL || baseId(ctx, 'sales_rep', 'me') !== ME) {
    throw new Error('The seeded base-data ids moved: update TRAVEL and ME in samples/expenses.ts');
  }
  call(ctx, 'expenses.create', {
    expenseDate: '2026-01-02',
    categoryId: TRAVEL,
    amount: 120_000,
    customerId: 1,
    opportunityId: 1,
    description: '北京出差机票',
    ownerId: ME,
  });
}

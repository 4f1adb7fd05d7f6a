import type { HandlerContext } from '../../../src-main/records/context';
import { baseId, call } from '../db';
import type { Sample } from './core';

/**
 * Sales for the samples: sale 1 SO000001 (customer 1 with its contact 1, owner 我, version 1)
 * with one line of product 1 and one of product 2. It uses the customers, contacts and products
 * the earlier seeds make (contact 1 of customer 1; active products 1 and 2).
 */
export function seedSales(ctx: HandlerContext): void {
  call(ctx, 'sales.create', {
    customerId: 1,
    contactId: 1,
    saleDate: '2026-01-02',
    ownerId: baseId(ctx, 'sales_rep', 'me'),
    status: 'delivered',
    amountReceived: 100_000,
    notes: '首批订单',
    lines: [
      { productId: 1, quantity: 2 },
      { productId: 2, quantity: 1, unitPrice: 280_000, discount: 5 },
    ],
  });
}

export const saleSamples: Record<string, Sample> = {
  'sales.list': {
    valid: {
      keyword: '华信',
      customerId: 1,
      status: 'delivered',
      dateFrom: '2026-01-01',
      dateTo: '2026-12-31',
      page: 1,
      pageSize: 20,
      sort: { column: 'customer', direction: 'asc' },
    },
    wrongType: { field: 'status', value: 3, reason: 'invalid_value' },
    required: null,
    huge: { field: 'keyword' },
  },
  'sales.get': {
    valid: { id: 1 },
    wrongType: { field: 'id', value: '1' },
    required: 'id',
    huge: { field: 'id' },
  },
  'sales.create': {
    valid: {
      customerId: 1,
      contactId: 1,
      saleDate: '2026-01-02',
      status: 'confirmed',
      amountReceived: 0,
      notes: 'n',
      lines: [{ productId: 1, quantity: 1.5, discount: 10 }],
    },
    wrongType: { field: 'saleDate', value: 20260102 },
    required: 'customerId',
    huge: { field: 'notes' },
  },
  'sales.update': {
    valid: {
      id: 1,
      version: 1,
      status: 'paid',
      amountReceived: 2_666_000,
      lines: [{ productId: 2, quantity: 3 }],
    },
    wrongType: { field: 'amountReceived', value: '100.00' },
    required: 'version',
    huge: { field: 'notes' },
  },
  'sales.delete': {
    valid: { ids: [1] },
    wrongType: { field: 'ids', value: 1 },
    required: 'ids',
    huge: { field: 'ids' },
  },
};

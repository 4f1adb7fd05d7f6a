import type { HandlerContext } from '../../../src-main/records/context';
import { baseId, call } from '../db';
import type { Sample } from './core';

/**
 * Products for the samples: 1 P000001 服务器 (hardware, ¥12,000.00) and 2 P000002 软件许可
 * (software, ¥3,000.00), both active, for the opportunity and sale lines of later seeds; and
 * 3 P000003 旧型号打印机, inactive and on no line, which the products.delete sample deletes
 * (a product on a line cannot be deleted: keep 3 off every line).
 */
export function seedProducts(ctx: HandlerContext): void {
  call(ctx, 'products.create', {
    name: '服务器',
    categoryId: baseId(ctx, 'product_category', 'hardware'),
    unit: '台',
    listPrice: 1_200_000,
    cost: 900_000,
  });
  call(ctx, 'products.create', {
    name: '软件许可',
    categoryId: baseId(ctx, 'product_category', 'software'),
    unit: '套',
    listPrice: 300_000,
    cost: 10_000,
  });
  call(ctx, 'products.create', { name: '旧型号打印机', unit: '台', listPrice: 150_000, active: false });
}

export const productSamples: Record<string, Sample> = {
  'products.list': {
    valid: {
      keyword: '服务',
      categoryId: 1,
      active: true,
      page: 1,
      pageSize: 20,
      sort: { column: 'listPrice', direction: 'desc' },
    },
    wrongType: { field: 'active', value: 'true' },
    required: null,
    huge: { field: 'keyword' },
  },
  'products.get': {
    valid: { id: 1 },
    wrongType: { field: 'id', value: '1' },
    required: 'id',
    huge: { field: 'id' },
  },
  'products.create': {
    valid: { name: '交换机', unit: '台', listPrice: 250_000, cost: 180_000, active: true, description: 'd' },
    wrongType: { field: 'listPrice', value: '2500.00' },
    required: 'name',
    huge: { field: 'description' },
  },
  'products.update': {
    valid: { id: 1, version: 1, name: '服务器 二代', listPrice: 1_300_000, active: false },
    wrongType: { field: 'cost', value: '1800.00' },
    required: 'version',
    huge: { field: 'unit' },
  },
  'products.delete': {
    valid: { ids: [3] },
    wrongType: { field: 'ids', value: 3 },
    required: 'ids',
    huge: { field: 'ids' },
  },
};

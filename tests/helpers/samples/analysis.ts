import type { Sample } from './core';

/**
 * The sales analyses. They only read, so they need no records of their own; ids are the seeded
 * base data (sales rep 61 本人, customer type 1 客户, region 32 华北, product category 57 硬件)
 * and the sample products' product 1.
 */
export const salesAnalysisSamples: Record<string, Sample> = {
  'analysis.trend': {
    valid: {
      from: '2025-01-01',
      to: '2025-12-31',
      period: 'quarter',
      ownerId: 61,
      customerTypeId: 1,
      regionId: 32,
      productCategoryId: 57,
      productId: 1,
    },
    wrongType: { field: 'period', value: 3, reason: 'invalid_value' },
    required: null,
    huge: { field: 'from' },
  },
  'analysis.funnel': {
    valid: { from: '2025-01-01', to: '2025-12-31', ownerId: 61, customerTypeId: 1, regionId: 32 },
    wrongType: { field: 'ownerId', value: '61' },
    required: null,
    huge: { field: 'to' },
  },
  'analysis.composition': {
    valid: {
      from: '2025-01-01',
      to: '2025-12-31',
      by: 'customer',
      top: 5,
      ownerId: 61,
      productCategoryId: 57,
    },
    wrongType: { field: 'top', value: '5' },
    required: null,
    huge: { field: 'by' },
  },
};

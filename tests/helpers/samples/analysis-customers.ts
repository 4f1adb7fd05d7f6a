import type { Sample } from './core';

/**
 * The customer and service analyses. They only read, so they run against whatever the other
 * seeds made (sale 1 of customer 1 on 2026-01-02, feedback, expense 1); every field is optional.
 */
export const customerAnalysisSamples: Record<string, Sample> = {
  'analysis.abc': {
    valid: { asOf: '2026-01-31', cls: 'A', page: 1, pageSize: 20 },
    wrongType: { field: 'asOf', value: 20260131 },
    required: null,
    huge: { field: 'asOf' },
  },
  'analysis.rfm': {
    valid: { asOf: '2026-01-31', score: '555', page: 1, pageSize: 20 },
    wrongType: { field: 'score', value: 555 },
    required: null,
    huge: { field: 'score' },
  },
  'analysis.churn': {
    valid: { asOf: '2026-12-31', days: 90, page: 1, pageSize: 20 },
    wrongType: { field: 'days', value: '90' },
    required: null,
    huge: { field: 'asOf' },
  },
  'analysis.profit': {
    valid: { from: '2026-01-01', to: '2026-01-31', sort: 'margin', direction: 'asc', page: 1, pageSize: 20 },
    wrongType: { field: 'sort', value: 1, reason: 'invalid_value' },
    required: null,
    huge: { field: 'from' },
  },
  'analysis.clv': {
    valid: { asOf: '2026-01-31', rate: 0.08, years: 10, page: 1, pageSize: 20 },
    wrongType: { field: 'rate', value: '0.08' },
    required: null,
    huge: { field: 'asOf' },
  },
  'analysis.service': {
    valid: { from: '2026-01-01', to: '2026-01-31' },
    wrongType: { field: 'from', value: 20260101 },
    required: null,
    huge: { field: 'to' },
  },
};

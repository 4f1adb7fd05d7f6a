import type { HandlerContext } from '../../../src-main/records/context';
import { call } from '../db';
import type { Sample } from './core';

/** The jobs channels. jobs.get and jobs.cancel need job 1, which seedJobs starts. */
export const jobSamples: Record<string, Sample> = {
  'jobs.start': {
    valid: { kind: 'export.pages', channel: 'customers.list', input: { keyword: '华信' } },
    wrongType: { field: 'kind', value: 7, reason: 'invalid_value' },
    required: 'kind',
    huge: { field: 'kind' },
  },
  'jobs.get': {
    valid: { id: 1 },
    wrongType: { field: 'id', value: '1' },
    required: 'id',
    huge: { field: 'id' },
  },
  'jobs.cancel': {
    valid: { id: 1 },
    wrongType: { field: 'id', value: [1] },
    required: 'id',
    huge: { field: 'id' },
  },
};

/** Starts job 1: every page of the trash list, a read, in a job thread of its own. */
export function seedJobs(ctx: HandlerContext): void {
  call(ctx, 'jobs.start', { kind: 'export.pages', channel: 'trash.list', input: {} });
}

import type { Sample } from './core';

/**
 * The settings channels and the first run. The samples' database is new, so not yet set up:
 * app.setup's valid sample goes through. Sales rep 61 is the seeded 本人.
 */
export const settingsSamples: Record<string, Sample> = {
  'app.setup': {
    valid: { template: 'retail', repName: '张伟' },
    wrongType: { field: 'repName', value: 5 },
    required: 'template',
    huge: { field: 'repName' },
  },
  'settings.get': {
    valid: {},
    wrongType: null,
    required: null,
    huge: { field: 'padding' },
  },
  'settings.update': {
    valid: { currentRepId: 61 },
    wrongType: { field: 'currentRepId', value: '61' },
    required: 'currentRepId',
    huge: { field: 'currentRepId' },
  },
  'baseData.applyTemplate': {
    valid: { template: 'manufacturing' },
    wrongType: { field: 'template', value: 3, reason: 'invalid_value' },
    required: 'template',
    huge: { field: 'template' },
  },
};

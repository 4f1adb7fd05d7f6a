import type { HandlerContext } from '../../../src-main/records/context';
import { call } from '../db';
import type { Sample } from './core';

/**
 * Custom fields for the samples: field 1 行业细分 (single choice 制造业 / 零售) and field 2 年采购额
 * (a number) on customers, both version 1, and a customer of their own holding a value in each.
 */
export function seedCustomFields(ctx: HandlerContext): void {
  call(ctx, 'customFields.create', {
    entity: 'customers',
    label: '行业细分',
    type: 'select',
    options: ['制造业', '零售'],
  });
  call(ctx, 'customFields.create', { entity: 'customers', label: '年采购额', type: 'number' });
  // A customer of its own, so the others stay at version 1.
  call(ctx, 'customers.create', {
    name: '广州粤海机械制造有限公司',
    custom: { '1': '制造业', '2': 1_200_000 },
  });
}

/** The 自定义字段 channels, against the fields seedCustomFields makes. */
export const customFieldSamples: Record<string, Sample> = {
  'customFields.list': {
    valid: { entity: 'customers', includeInactive: true },
    wrongType: { field: 'includeInactive', value: 'yes' },
    required: null,
    huge: { field: 'entity' },
  },
  'customFields.create': {
    valid: {
      entity: 'contacts',
      label: '爱好',
      type: 'multiselect',
      options: ['茶', '高尔夫'],
      required: false,
      showInList: true,
    },
    wrongType: { field: 'required', value: 'no' },
    required: 'label',
    huge: { field: 'label' },
  },
  'customFields.update': {
    valid: { id: 1, version: 1, label: '细分行业', options: ['制造业', '零售', '教育'], showInList: true },
    wrongType: { field: 'options', value: '制造业,零售' },
    required: 'version',
    huge: { field: 'label' },
  },
  'customFields.reorder': {
    valid: { entity: 'customers', ids: [2, 1] },
    wrongType: { field: 'ids', value: '2,1' },
    required: 'ids',
    huge: { field: 'entity' },
  },
  'customFields.usage': {
    valid: { id: 1 },
    wrongType: { field: 'id', value: '1' },
    required: 'id',
    huge: { field: 'id' },
  },
  'customFields.delete': {
    valid: { id: 2 },
    wrongType: { field: 'id', value: [2] },
    required: 'id',
    huge: { field: 'id' },
  },
};

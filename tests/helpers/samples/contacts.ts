import type { HandlerContext } from '../../../src-main/records/context';
import { call } from '../db';
import type { Sample } from './core';

/**
 * Contacts for the samples: contact 1 张伟 (customer 1, primary, version 1) and contact 2 王芳
 * (customer 2, version 1). Later seeds may point opportunities, sales and activities at them.
 */
export function seedContacts(ctx: HandlerContext): void {
  call(ctx, 'contacts.create', {
    customerId: 1,
    name: '张伟',
    title: '采购经理',
    mobile: '13800138000',
    isPrimary: true,
  });
  call(ctx, 'contacts.create', { customerId: 2, name: '王芳', email: 'wangfang@mingda.example' });
}

export const contactSamples: Record<string, Sample> = {
  'contacts.list': {
    valid: {
      keyword: '张伟',
      customerId: 1,
      page: 1,
      pageSize: 20,
      sort: { column: 'customer', direction: 'asc' },
    },
    wrongType: { field: 'customerId', value: '1' },
    required: null,
    huge: { field: 'keyword' },
  },
  'contacts.get': {
    valid: { id: 1 },
    wrongType: { field: 'id', value: '1' },
    required: 'id',
    huge: { field: 'id' },
  },
  'contacts.create': {
    valid: {
      customerId: 1,
      name: '李娜',
      gender: 'female',
      email: 'lina@huaxin.example',
      birthday: '1990-05-01',
      isPrimary: true,
      notes: 'n',
    },
    wrongType: { field: 'isPrimary', value: 'yes' },
    required: 'customerId',
    huge: { field: 'notes' },
  },
  'contacts.update': {
    valid: { id: 1, version: 1, customerId: 2, phone: '021-5555 6666' },
    wrongType: { field: 'gender', value: 3, reason: 'invalid_value' },
    required: 'version',
    huge: { field: 'address' },
  },
  'contacts.delete': {
    valid: { ids: [1, 2] },
    wrongType: { field: 'ids', value: 1 },
    required: 'ids',
    huge: { field: 'ids' },
  },
};

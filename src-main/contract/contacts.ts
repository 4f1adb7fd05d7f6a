import { z } from 'zod';
import { channel } from './channel';
import { customFiltersField, customValuesField, type CustomValues } from './custom-fields';
import {
  booleanFlag,
  id,
  idInput,
  idsInput,
  LONG_TEXT_MAX,
  optionalDate,
  optionalText,
  pageInput,
  requiredText,
  sortDirection,
  type Page,
} from './common';
import type { DeleteResult } from './trash';

export const genders = ['male', 'female'] as const;

/** 联系人 fields a user edits; shared by create, update and the form. */
export const contactFields = {
  customerId: id,
  name: requiredText(100),
  gender: z
    .enum(genders)
    .nullish()
    .transform((v) => v ?? null),
  title: optionalText(100),
  department: optionalText(100),
  phone: optionalText(50),
  mobile: optionalText(50),
  email: optionalText(254).pipe(z.email().nullable()),
  wechat: optionalText(100),
  qq: optionalText(20),
  birthday: optionalDate,
  address: optionalText(1_000),
  isPrimary: booleanFlag,
  isDecisionMaker: booleanFlag,
  notes: optionalText(LONG_TEXT_MAX),
  /** Values of the user's own fields (自定义字段), by field id. */
  custom: customValuesField,
};

export const contactCreateInput = z.strictObject(contactFields);
export type ContactCreateInput = z.input<typeof contactCreateInput>;

export const contactUpdateInput = z.strictObject({
  id,
  version: z.number().int().min(1),
  ...z.object(contactFields).partial().shape,
  // Without defaults: zod 4 fills a default in even under .partial(), and a flag left out of an
  // update must be left alone (an update of the phone alone must not clear the primary flag).
  isPrimary: z.boolean().optional(),
  isDecisionMaker: z.boolean().optional(),
});

export const contactSortColumns = [
  'name',
  'customer',
  'title',
  'department',
  'phone',
  'mobile',
  'email',
  'updatedAt',
] as const;

export const contactListInput = z.strictObject({
  keyword: z.string().max(100).optional(),
  /** Filters on the user's own fields, all of which must match. */
  customFilters: customFiltersField,
  customerId: id.optional(),
  sort: z
    .strictObject({ column: z.enum(contactSortColumns), direction: sortDirection })
    .default({ column: 'updatedAt', direction: 'desc' }),
  ...pageInput,
});

export interface Contact {
  id: number;
  customerId: number;
  customerName: string;
  name: string;
  gender: (typeof genders)[number] | null;
  title: string | null;
  department: string | null;
  phone: string | null;
  mobile: string | null;
  email: string | null;
  wechat: string | null;
  qq: string | null;
  birthday: string | null;
  address: string | null;
  isPrimary: boolean;
  isDecisionMaker: boolean;
  notes: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The user's own fields (自定义字段), by field id. */
  custom: CustomValues;
}

export type ContactRow = Pick<
  Contact,
  | 'id'
  | 'customerId'
  | 'customerName'
  | 'name'
  | 'gender'
  | 'title'
  | 'department'
  | 'phone'
  | 'mobile'
  | 'email'
  | 'isPrimary'
  | 'isDecisionMaker'
  | 'updatedAt'
  | 'custom'
>;

export const contactChannels = {
  'contacts.list': channel(contactListInput).returns<Page<ContactRow>>(),
  'contacts.get': channel(idInput).returns<Contact>(),
  'contacts.create': channel(contactCreateInput).returns<Contact>(),
  'contacts.update': channel(contactUpdateInput).returns<Contact>(),
  'contacts.delete': channel(idsInput).returns<DeleteResult>(),
};

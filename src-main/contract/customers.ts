import { z } from 'zod';
import { channel } from './channel';
import { customFiltersField, customValuesField, type CustomValues } from './custom-fields';
import {
  LONG_TEXT_MAX,
  id,
  idInput,
  idsInput,
  optionalId,
  optionalText,
  pageInput,
  requiredText,
  sortDirection,
  type Page,
} from './common';
import type { DeleteResult } from './trash';

/** The fields a user edits; shared by create, update and the renderer's form. */
export const customerFields = {
  name: requiredText(200),
  shortName: optionalText(100),
  typeId: optionalId,
  levelId: optionalId,
  stageId: optionalId,
  industryId: optionalId,
  sourceId: optionalId,
  regionId: optionalId,
  ownerId: optionalId,
  city: optionalText(100),
  areaCode: optionalText(20),
  address: optionalText(1_000),
  postcode: optionalText(20),
  phone: optionalText(50),
  mobile: optionalText(50),
  fax: optionalText(50),
  email: optionalText(254).pipe(z.email().nullable()),
  website: optionalText(500),
  decisionMaker: optionalText(100),
  products: optionalText(LONG_TEXT_MAX),
  creditRating: optionalText(20),
  notes: optionalText(LONG_TEXT_MAX),
  /** Values of the user's own fields (自定义字段), by field id. */
  custom: customValuesField,
};

/** Which base-data list each reference field points into. */
export const customerRefKinds = {
  typeId: 'customer_type',
  levelId: 'customer_level',
  stageId: 'lifecycle_stage',
  industryId: 'industry',
  sourceId: 'source',
  regionId: 'region',
  ownerId: 'sales_rep',
} as const;

export const customerCreateInput = z.strictObject(customerFields);
export type CustomerCreateInput = z.input<typeof customerCreateInput>;

/** A partial update; `version` is the one the user saw, so a stale save is a CONFLICT. */
export const customerUpdateInput = z.strictObject({
  id,
  version: z.number().int().min(1),
  ...z.object(customerFields).partial().shape,
});
export type CustomerUpdateInput = z.input<typeof customerUpdateInput>;

export const customerSortColumns = [
  'code',
  'name',
  'shortName',
  'type',
  'level',
  'stage',
  'industry',
  'region',
  'owner',
  'city',
  'phone',
  'mobile',
  'createdAt',
  'updatedAt',
] as const;
export type CustomerSortColumn = (typeof customerSortColumns)[number];

export const customerListInput = z.strictObject({
  keyword: z.string().max(100).optional(),
  /** Filters on the user's own fields, all of which must match. */
  customFilters: customFiltersField,
  typeId: id.optional(),
  levelId: id.optional(),
  stageId: id.optional(),
  industryId: id.optional(),
  regionId: id.optional(),
  ownerId: id.optional(),
  sort: z
    .strictObject({ column: z.enum(customerSortColumns), direction: sortDirection })
    .default({ column: 'code', direction: 'desc' }),
  ...pageInput,
});
export type CustomerListInput = z.input<typeof customerListInput>;

export interface Customer {
  id: number;
  code: string;
  name: string;
  shortName: string | null;
  typeId: number | null;
  levelId: number | null;
  stageId: number | null;
  industryId: number | null;
  sourceId: number | null;
  regionId: number | null;
  ownerId: number | null;
  city: string | null;
  areaCode: string | null;
  address: string | null;
  postcode: string | null;
  phone: string | null;
  mobile: string | null;
  fax: string | null;
  email: string | null;
  website: string | null;
  decisionMaker: string | null;
  products: string | null;
  creditRating: string | null;
  notes: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The user's own fields (自定义字段), by field id. */
  custom: CustomValues;
}

/** A list row: the columns the list shows, nothing long. */
export type CustomerRow = Pick<
  Customer,
  | 'id'
  | 'code'
  | 'name'
  | 'shortName'
  | 'typeId'
  | 'levelId'
  | 'stageId'
  | 'industryId'
  | 'regionId'
  | 'ownerId'
  | 'city'
  | 'phone'
  | 'mobile'
  | 'email'
  | 'updatedAt'
  | 'custom'
>;

/** How many records hang off the given customers: the delete dialog and the tab counts. */
export const customerRelatedInput = z.strictObject({ ids: z.array(id).min(1).max(10_000) });
export interface CustomerRelated {
  contacts: number;
  opportunities: number;
  sales: number;
  activities: number;
  feedback: number;
  expenses: number;
}

/** 客户's channels. A customer's timeline is the activities' (customers.timeline). */
export const customerChannels = {
  'customers.list': channel(customerListInput).returns<Page<CustomerRow>>(),
  'customers.get': channel(idInput).returns<Customer>(),
  'customers.create': channel(customerCreateInput).returns<Customer>(),
  'customers.update': channel(customerUpdateInput).returns<Customer>(),
  'customers.delete': channel(idsInput).returns<DeleteResult>(),
  'customers.related': channel(customerRelatedInput).returns<CustomerRelated>(),
};

import { z } from 'zod';
import { channel } from './channel';
import { customFiltersField, customValuesField, type CustomValues } from './custom-fields';
import {
  cents,
  id,
  idInput,
  idsInput,
  isoDate,
  LONG_TEXT_MAX,
  linesInput,
  optionalId,
  optionalText,
  pageInput,
  sortDirection,
  type Line,
  type Page,
} from './common';
import type { DeleteResult } from './trash';

export const saleStatuses = ['draft', 'confirmed', 'delivered', 'paid', 'cancelled'] as const;
export type SaleStatus = (typeof saleStatuses)[number];

/** 销售 fields a user edits. The order number (SO000001 …) is given by the app. */
export const saleFields = {
  customerId: id,
  contactId: optionalId,
  saleDate: isoDate,
  ownerId: optionalId,
  status: z.enum(saleStatuses).default('confirmed'),
  amountReceived: cents.default(0),
  notes: optionalText(LONG_TEXT_MAX),
  lines: linesInput.default([]),
  /** Values of the user's own fields (自定义字段), by field id. */
  custom: customValuesField,
};

export const saleCreateInput = z.strictObject(saleFields);
export type SaleCreateInput = z.input<typeof saleCreateInput>;

/** A partial update; `lines`, when given, replace all lines. */
export const saleUpdateInput = z.strictObject({
  id,
  version: z.number().int().min(1),
  ...z.object(saleFields).partial().shape,
  // Without defaults: zod 4 fills a default in even under .partial(), and a field left out of
  // an update must be left alone (an update of the notes alone must not reset the status, the
  // amount received or drop the lines).
  status: z.enum(saleStatuses).optional(),
  amountReceived: cents.optional(),
  lines: linesInput.optional(),
});

export const saleSortColumns = [
  'code',
  'saleDate',
  'customer',
  'amount',
  'amountReceived',
  'status',
  'updatedAt',
] as const;

export const saleListInput = z.strictObject({
  keyword: z.string().max(100).optional(),
  /** Filters on the user's own fields, all of which must match. */
  customFilters: customFiltersField,
  customerId: id.optional(),
  status: z.enum(saleStatuses).optional(),
  ownerId: id.optional(),
  dateFrom: isoDate.optional(),
  dateTo: isoDate.optional(),
  sort: z
    .strictObject({ column: z.enum(saleSortColumns), direction: sortDirection })
    .default({ column: 'saleDate', direction: 'desc' }),
  ...pageInput,
});

export interface Sale {
  id: number;
  code: string;
  customerId: number;
  customerName: string;
  contactId: number | null;
  contactName: string | null;
  opportunityId: number | null;
  opportunityCode: string | null;
  saleDate: string;
  ownerId: number | null;
  status: SaleStatus;
  /** The sum of the lines, in cents. */
  amount: number;
  amountReceived: number;
  notes: string | null;
  lines: Line[];
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The user's own fields (自定义字段), by field id. */
  custom: CustomValues;
}

export type SaleRow = Pick<
  Sale,
  | 'id'
  | 'code'
  | 'customerId'
  | 'customerName'
  | 'opportunityId'
  | 'saleDate'
  | 'ownerId'
  | 'status'
  | 'amount'
  | 'amountReceived'
  | 'updatedAt'
  | 'custom'
>;

export const saleChannels = {
  'sales.list': channel(saleListInput).returns<Page<SaleRow>>(),
  'sales.get': channel(idInput).returns<Sale>(),
  'sales.create': channel(saleCreateInput).returns<Sale>(),
  'sales.update': channel(saleUpdateInput).returns<Sale>(),
  'sales.delete': channel(idsInput).returns<DeleteResult>(),
};

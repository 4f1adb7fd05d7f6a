import { z } from 'zod';
import { channel } from './channel';
import {
  cents,
  id,
  idInput,
  idsInput,
  LONG_TEXT_MAX,
  optionalId,
  optionalText,
  pageInput,
  requiredText,
  sortDirection,
  type Page,
} from './common';
import type { DeleteResult } from './trash';

/** 产品 fields a user edits. The code (P000001 …) is given by the app. */
export const productFields = {
  name: requiredText(200),
  categoryId: optionalId,
  unit: optionalText(20),
  listPrice: cents.default(0),
  cost: cents.default(0),
  active: z.boolean().default(true),
  description: optionalText(LONG_TEXT_MAX),
};

export const productCreateInput = z.strictObject(productFields);
export type ProductCreateInput = z.input<typeof productCreateInput>;

export const productUpdateInput = z.strictObject({
  id,
  version: z.number().int().min(1),
  ...z.object(productFields).partial().shape,
  // Without defaults: zod 4 fills a default in even under .partial(), and a field left out of an
  // update must be left alone (renaming a product must not zero its prices or reactivate it).
  listPrice: cents.optional(),
  cost: cents.optional(),
  active: z.boolean().optional(),
});

export const productSortColumns = ['code', 'name', 'category', 'listPrice', 'cost', 'updatedAt'] as const;

export const productListInput = z.strictObject({
  keyword: z.string().max(100).optional(),
  categoryId: id.optional(),
  active: z.boolean().optional(),
  sort: z
    .strictObject({ column: z.enum(productSortColumns), direction: sortDirection })
    .default({ column: 'code', direction: 'asc' }),
  ...pageInput,
});

export interface Product {
  id: number;
  code: string;
  name: string;
  categoryId: number | null;
  unit: string | null;
  listPrice: number;
  cost: number;
  active: boolean;
  description: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ProductRow = Omit<Product, 'description' | 'version' | 'createdAt'>;

export const productChannels = {
  'products.list': channel(productListInput).returns<Page<ProductRow>>(),
  'products.get': channel(idInput).returns<Product>(),
  'products.create': channel(productCreateInput).returns<Product>(),
  'products.update': channel(productUpdateInput).returns<Product>(),
  'products.delete': channel(idsInput).returns<DeleteResult>(),
};

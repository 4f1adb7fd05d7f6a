import { z } from 'zod';

/** The editable lists of SPEC.md ("基础数据"). Records point at an entry by id. */
export const baseKinds = [
  'customer_type',
  'customer_level',
  'lifecycle_stage',
  'industry',
  'source',
  'region',
  'opportunity_stage',
  'feedback_type',
  'expense_category',
  'product_category',
  'sales_rep',
] as const;
export const baseKind = z.enum(baseKinds);
export type BaseKind = z.infer<typeof baseKind>;

export interface BaseItem {
  id: number;
  kind: BaseKind;
  /** Stable key of a seeded entry (e.g. `prospect`); null for entries the user added. */
  key: string | null;
  nameZh: string;
  nameEn: string;
  sortOrder: number;
  /** Default win probability in percent; opportunity stages only. */
  probability: number | null;
  active: boolean;
}

export const baseDataListInput = z.strictObject({ kind: baseKind.optional() });

import { z } from 'zod';
import { channel } from './channel';

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

/** 基础数据: a new entry at the end of its list. */
export const baseDataCreateInput = z.strictObject({
  kind: baseKind,
  nameZh: z.string().trim().min(1).max(100),
  nameEn: z.string().trim().max(100).default(''),
  /** Opportunity stages only: the default win probability in percent. */
  probability: z.number().int().min(0).max(100).nullish(),
});

/** Renames an entry (records keep its id, so the new name shows everywhere) or (de)activates it. */
export const baseDataUpdateInput = z.strictObject({
  id: z.number().int().positive(),
  nameZh: z.string().trim().min(1).max(100).optional(),
  nameEn: z.string().trim().max(100).optional(),
  probability: z.number().int().min(0).max(100).nullish(),
  active: z.boolean().optional(),
});

/** The list's order: every id of one kind, in the new order. */
export const baseDataReorderInput = z.strictObject({
  kind: baseKind,
  ids: z.array(z.number().int().positive()).min(1).max(1000),
});

/**
 * Deletes an entry. One in use is refused (CONFLICT, with how many records use it) unless
 * `mergeInto` names another entry of the same list: then its records move there first.
 */
export const baseDataDeleteInput = z.strictObject({
  id: z.number().int().positive(),
  mergeInto: z.number().int().positive().optional(),
});

/** How many records use an entry, per record kind. */
export const baseDataUsageInput = z.strictObject({ id: z.number().int().positive() });
export type BaseDataUsage = Record<string, number>;

/** 基础数据's lists. Filling them from an industry template is the first run's (setup). */
export const baseDataChannels = {
  'baseData.list': channel(baseDataListInput).returns<BaseItem[]>(),
  'baseData.create': channel(baseDataCreateInput).returns<BaseItem>(),
  'baseData.update': channel(baseDataUpdateInput).returns<BaseItem>(),
  'baseData.reorder': channel(baseDataReorderInput).returns<BaseItem[]>(),
  'baseData.delete': channel(baseDataDeleteInput).returns<{ deleted: number; moved: number }>(),
  'baseData.usage': channel(baseDataUsageInput).returns<BaseDataUsage>(),
};

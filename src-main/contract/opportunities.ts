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
  optionalDate,
  optionalId,
  optionalText,
  pageInput,
  requiredText,
  sortDirection,
  type Line,
  type Page,
} from './common';
import type { DeleteResult } from './trash';

export const opportunityStatuses = ['open', 'won', 'lost'] as const;
export type OpportunityStatus = (typeof opportunityStatuses)[number];

/**
 * 机会 fields a user edits. Stage defaults to the first stage, probability to the stage's
 * default; with lines, the expected amount is their sum and a typed amount is ignored.
 */
export const opportunityFields = {
  customerId: id,
  contactId: optionalId,
  title: requiredText(200),
  sourceId: optionalId,
  stageId: id.optional(),
  probability: z.number().int().min(0).max(100).optional(),
  expectedAmount: cents.default(0),
  expectedCloseDate: optionalDate,
  ownerId: optionalId,
  notes: optionalText(LONG_TEXT_MAX),
  lines: linesInput.default([]),
  /** Values of the user's own fields (自定义字段), by field id. */
  custom: customValuesField,
};

export const opportunityCreateInput = z.strictObject(opportunityFields);
export type OpportunityCreateInput = z.input<typeof opportunityCreateInput>;

/** A partial update of an open opportunity; `lines`, when given, replace all lines. */
export const opportunityUpdateInput = z.strictObject({
  id,
  version: z.number().int().min(1),
  ...z.object(opportunityFields).partial().shape,
  // Without defaults: zod 4 fills a default in even under .partial(), and a field left out of
  // an update must be left alone (an update of the title alone must not drop the lines).
  expectedAmount: cents.optional(),
  lines: linesInput.optional(),
});

/** 结束机会: won makes exactly one sale carrying the lines; lost records a reason. */
export const opportunityCloseInput = z.discriminatedUnion('outcome', [
  z.strictObject({
    id,
    version: z.number().int().min(1),
    outcome: z.literal('won'),
    saleDate: isoDate.optional(),
  }),
  z.strictObject({
    id,
    version: z.number().int().min(1),
    outcome: z.literal('lost'),
    lostReason: requiredText(1_000),
  }),
]);

export const opportunityVersionInput = z.strictObject({ id, version: z.number().int().min(1) });

/** The pipeline board's drag: a new stage for an open opportunity. */
export const opportunityMoveInput = z.strictObject({ id, version: z.number().int().min(1), stageId: id });

export const opportunitySortColumns = [
  'code',
  'title',
  'customer',
  'stage',
  'probability',
  'expectedAmount',
  'expectedCloseDate',
  'status',
  'updatedAt',
] as const;

export const opportunityListInput = z.strictObject({
  keyword: z.string().max(100).optional(),
  /** Filters on the user's own fields, all of which must match. */
  customFilters: customFiltersField,
  customerId: id.optional(),
  stageId: id.optional(),
  status: z.enum(opportunityStatuses).optional(),
  ownerId: id.optional(),
  closeFrom: isoDate.optional(),
  closeTo: isoDate.optional(),
  sort: z
    .strictObject({ column: z.enum(opportunitySortColumns), direction: sortDirection })
    .default({ column: 'updatedAt', direction: 'desc' }),
  ...pageInput,
});

export const opportunityBoardInput = z.strictObject({ ownerId: id.optional(), customerId: id.optional() });

export interface StageChange {
  id: number;
  fromStageId: number | null;
  toStageId: number;
  changedAt: string;
}

export interface Opportunity {
  id: number;
  code: string;
  customerId: number;
  customerName: string;
  contactId: number | null;
  contactName: string | null;
  title: string;
  sourceId: number | null;
  stageId: number;
  probability: number;
  expectedAmount: number;
  expectedCloseDate: string | null;
  ownerId: number | null;
  status: OpportunityStatus;
  lostReason: string | null;
  closedAt: string | null;
  /** The sale a won opportunity became. */
  saleId: number | null;
  notes: string | null;
  lines: Line[];
  history: StageChange[];
  version: number;
  createdAt: string;
  updatedAt: string;
  /** The user's own fields (自定义字段), by field id. */
  custom: CustomValues;
}

export type OpportunityRow = Pick<
  Opportunity,
  | 'id'
  | 'code'
  | 'title'
  | 'customerId'
  | 'customerName'
  | 'stageId'
  | 'probability'
  | 'expectedAmount'
  | 'expectedCloseDate'
  | 'ownerId'
  | 'status'
  | 'version'
  | 'updatedAt'
  | 'custom'
>;

export interface OpportunityBoard {
  /** One column per open stage, in stage order. */
  columns: { stageId: number; count: number; amount: number; cards: OpportunityRow[] }[];
}

export interface OpportunityCloseResult {
  opportunity: Opportunity;
  saleId: number | null;
}

export const opportunityChannels = {
  'opportunities.list': channel(opportunityListInput).returns<Page<OpportunityRow>>(),
  'opportunities.get': channel(idInput).returns<Opportunity>(),
  'opportunities.create': channel(opportunityCreateInput).returns<Opportunity>(),
  'opportunities.update': channel(opportunityUpdateInput).returns<Opportunity>(),
  'opportunities.delete': channel(idsInput).returns<DeleteResult>(),
  'opportunities.close': channel(opportunityCloseInput).returns<OpportunityCloseResult>(),
  'opportunities.reopen': channel(opportunityVersionInput).returns<Opportunity>(),
  'opportunities.move': channel(opportunityMoveInput).returns<Opportunity>(),
  'opportunities.board': channel(opportunityBoardInput).returns<OpportunityBoard>(),
};

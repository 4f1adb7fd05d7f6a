import { z } from 'zod';
import { channel } from './channel';
import {
  id,
  idInput,
  idsInput,
  isoDate,
  LONG_TEXT_MAX,
  optionalId,
  optionalText,
  pageInput,
  requiredText,
  sortDirection,
  type Page,
} from './common';
import type { DeleteResult } from './trash';

export const feedbackPriorities = ['low', 'normal', 'high', 'urgent'] as const;
export const feedbackStatuses = ['open', 'closed'] as const;
export type FeedbackStatus = (typeof feedbackStatuses)[number];

/** 服务反馈 fields a user edits (新建 and 修改). The code (F000001 …) is given by the app. */
export const feedbackFields = {
  customerId: id,
  contactId: optionalId,
  typeId: id,
  subject: requiredText(200),
  content: optionalText(LONG_TEXT_MAX),
  priority: z.enum(feedbackPriorities).default('normal'),
  receivedDate: isoDate,
  handlerId: optionalId,
};

export const feedbackCreateInput = z.strictObject(feedbackFields);
export type FeedbackCreateInput = z.input<typeof feedbackCreateInput>;

/** A partial update of an open item; fields left out stay as they are (no defaults here). */
export const feedbackUpdateInput = z.strictObject({
  id,
  version: z.number().int().min(1),
  ...z.object(feedbackFields).partial().shape,
  priority: z.enum(feedbackPriorities).optional(),
});

/** 结束服务反馈: a result and a satisfaction score of 1–5 are required; the closed date is stamped. */
export const feedbackCloseInput = z.strictObject({
  id,
  version: z.number().int().min(1),
  result: requiredText(LONG_TEXT_MAX),
  satisfaction: z.number().int().min(1).max(5),
  closedDate: isoDate.optional(),
});

export const feedbackReopenInput = z.strictObject({ id, version: z.number().int().min(1) });

export const feedbackSortColumns = [
  'code',
  'receivedDate',
  'customer',
  'type',
  'priority',
  'status',
  'updatedAt',
] as const;

export const feedbackListInput = z.strictObject({
  keyword: z.string().max(100).optional(),
  customerId: id.optional(),
  status: z.enum(feedbackStatuses).optional(),
  typeId: id.optional(),
  priority: z.enum(feedbackPriorities).optional(),
  /** Open longer than this many days (逾期). */
  overdueDays: z.number().int().min(1).max(3650).optional(),
  /** The user's local date, for the overdue filter; defaults to the machine's. */
  today: isoDate.optional(),
  sort: z
    .strictObject({ column: z.enum(feedbackSortColumns), direction: sortDirection })
    .default({ column: 'receivedDate', direction: 'desc' }),
  ...pageInput,
});

export interface Feedback {
  id: number;
  code: string;
  customerId: number;
  customerName: string;
  contactId: number | null;
  contactName: string | null;
  typeId: number;
  subject: string;
  content: string | null;
  priority: (typeof feedbackPriorities)[number];
  status: FeedbackStatus;
  receivedDate: string;
  handlerId: number | null;
  result: string | null;
  satisfaction: number | null;
  closedDate: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type FeedbackRow = Omit<Feedback, 'content' | 'result' | 'createdAt'>;

export const feedbackChannels = {
  'feedback.list': channel(feedbackListInput).returns<Page<FeedbackRow>>(),
  'feedback.get': channel(idInput).returns<Feedback>(),
  'feedback.create': channel(feedbackCreateInput).returns<Feedback>(),
  'feedback.update': channel(feedbackUpdateInput).returns<Feedback>(),
  'feedback.delete': channel(idsInput).returns<DeleteResult>(),
  'feedback.close': channel(feedbackCloseInput).returns<Feedback>(),
  'feedback.reopen': channel(feedbackReopenInput).returns<Feedback>(),
};

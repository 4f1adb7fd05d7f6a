import { z } from 'zod';
import { channel } from './channel';
import {
  id,
  idInput,
  idsInput,
  isoDate,
  LONG_TEXT_MAX,
  localDateTime,
  optionalDate,
  optionalId,
  optionalText,
  pageInput,
  requiredText,
  sortDirection,
  type Page,
} from './common';
import type { DeleteResult } from './trash';

export const activityTypes = ['call', 'visit', 'email', 'meeting', 'message'] as const;
export type ActivityType = (typeof activityTypes)[number];

/** 行动 fields a user edits. */
export const activityFields = {
  customerId: id,
  contactId: optionalId,
  opportunityId: optionalId,
  type: z.enum(activityTypes),
  subject: requiredText(200),
  content: optionalText(LONG_TEXT_MAX),
  occurredAt: localDateTime,
  nextFollowUp: optionalDate,
  done: z.boolean().default(false),
  ownerId: optionalId,
};

export const activityCreateInput = z.strictObject(activityFields);
export type ActivityCreateInput = z.input<typeof activityCreateInput>;

export const activityUpdateInput = z.strictObject({
  id,
  version: z.number().int().min(1),
  ...z.object(activityFields).partial().shape,
  // Left out, `done` stays as stored: the create default (false) must not reopen a done activity.
  done: z.boolean().optional(),
});

/** 今日回访: done in one click, or moved to another day. */
export const activityCompleteInput = z.strictObject({ id, version: z.number().int().min(1) });
export const activityRescheduleInput = z.strictObject({
  id,
  version: z.number().int().min(1),
  nextFollowUp: isoDate,
});

export const activitySortColumns = ['occurredAt', 'nextFollowUp', 'type', 'subject', 'customer'] as const;

export const activityListInput = z.strictObject({
  customerId: id.optional(),
  type: z.enum(activityTypes).optional(),
  done: z.boolean().optional(),
  ownerId: id.optional(),
  sort: z
    .strictObject({ column: z.enum(activitySortColumns), direction: sortDirection })
    .default({ column: 'occurredAt', direction: 'desc' }),
  ...pageInput,
});

export interface Activity {
  id: number;
  customerId: number;
  customerName: string;
  contactId: number | null;
  contactName: string | null;
  opportunityId: number | null;
  opportunityTitle: string | null;
  type: ActivityType;
  subject: string;
  content: string | null;
  occurredAt: string;
  nextFollowUp: string | null;
  done: boolean;
  ownerId: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ActivityRow = Omit<Activity, 'content' | 'createdAt'>;

/** One entry of a customer's 行动 timeline: the whole history in one place, newest first. */
export interface TimelineEntry {
  kind:
    | 'activity'
    | 'opportunity_opened'
    | 'opportunity_won'
    | 'opportunity_lost'
    | 'sale'
    | 'feedback_opened'
    | 'feedback_closed';
  /** The record the entry opens: an activity, opportunity or sale id. */
  id: number;
  /** When it happened: a local date-time for activities, a date or ISO time for the rest. */
  at: string;
  title: string;
  activityType: ActivityType | null;
  /** Sale amount, or the opportunity's expected amount; cents. */
  amount: number | null;
}

export const timelineInput = z.strictObject({ customerId: id, ...pageInput });

/** 行动's channels, and a customer's timeline, which is made mostly of them. */
export const activityChannels = {
  'activities.list': channel(activityListInput).returns<Page<ActivityRow>>(),
  'activities.get': channel(idInput).returns<Activity>(),
  'activities.create': channel(activityCreateInput).returns<Activity>(),
  'activities.update': channel(activityUpdateInput).returns<Activity>(),
  'activities.delete': channel(idsInput).returns<DeleteResult>(),
  'activities.complete': channel(activityCompleteInput).returns<Activity>(),
  'activities.reschedule': channel(activityRescheduleInput).returns<Activity>(),
  'customers.timeline': channel(timelineInput).returns<Page<TimelineEntry>>(),
};

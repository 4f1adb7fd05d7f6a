import { z } from 'zod';
import { channel } from './channel';
import { idsInput, pageInput, type Page } from './common';

/** The record kinds a delete moves to the trash (回收站). */
export const trashKinds = [
  'customers',
  'contacts',
  'products',
  'opportunities',
  'sales',
  'feedback',
  'expenses',
  'activities',
] as const;
export type TrashKind = (typeof trashKinds)[number];

/** What every delete channel answers: how many went, and their trash entries (for "undo"). */
export interface DeleteResult {
  deleted: number;
  trashIds: number[];
}

/** One deleted record in the trash, with what went with it. */
export interface TrashEntry {
  id: number;
  kind: TrashKind;
  /** The record's id before it was deleted; a restore gives it back. */
  recordId: number;
  /** Its code and name as they were, e.g. `C000123 北京华信科技有限公司`. */
  title: string;
  /** Whose it was: the customer's name for a contact, sale, feedback …; null for a customer. */
  ownerName: string | null;
  /** Dependent rows that went with it, by table: `{ contacts: 2, sales: 1, sale_lines: 3 }`. */
  counts: Record<string, number>;
  deletedAt: string;
}

export const trashListInput = z.strictObject({
  kind: z.enum(trashKinds).optional(),
  keyword: z.string().max(100).optional(),
  ...pageInput,
});
export type TrashListInput = z.input<typeof trashListInput>;

/** Restores entries, all or none, in the order that puts parents back before what hangs off them. */
export const trashRestoreInput = idsInput;

/** Deletes entries for good. */
export const trashPurgeInput = idsInput;

export const trashEmptyInput = z.strictObject({});

export interface TrashRestoreResult {
  restored: number;
  /** The records back in place, e.g. to open the one just restored. */
  records: { kind: TrashKind; id: number }[];
}

export const trashChannels = {
  'trash.list': channel(trashListInput).returns<Page<TrashEntry>>(),
  'trash.restore': channel(trashRestoreInput).returns<TrashRestoreResult>(),
  'trash.purge': channel(trashPurgeInput).returns<{ purged: number }>(),
  'trash.empty': channel(trashEmptyInput).returns<{ purged: number }>(),
};

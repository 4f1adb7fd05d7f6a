import { isoDate } from '../common';

/**
 * 分析 Analysis. Every figure is computed from the user's own records. Sales count when they are
 * not cancelled (draft, confirmed, delivered and paid all count, as on 桌面); a sale's amount is
 * the sum of its line amounts, each line rounded half up to the cent once, when it was written.
 */

/**
 * A date range, both ends included. Left out, it is the last 12 months: from the first day of the
 * month 11 months before today's month to today.
 */
export const range = {
  from: isoDate.optional(),
  to: isoDate.optional(),
};

/** The check every range's schema makes, and where its refusal points. */
export const fromNotAfterTo = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;
export const rangeMessage = { message: 'from must not be after to', path: ['to'] };

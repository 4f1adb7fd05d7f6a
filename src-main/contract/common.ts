import { z } from 'zod';
import { isCalendarDate } from './dates';

/** Longest text any single field accepts; longer input is refused, never truncated. */
export const LONG_TEXT_MAX = 20_000;

export const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/**
 * An optional text field: trimmed, `''` stored as null, refused (not cut) when too long.
 * Forms send `''` for an empty input, the API may send null or leave it out.
 */
export const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .nullish()
    .transform((v) => {
      const t = v?.trim();
      return t ? t : null;
    });

export const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** An optional reference to another record by id. */
export const optionalId = id.nullish().transform((v) => v ?? null);

export const sortDirection = z.enum(['asc', 'desc']);

export const pageInput = {
  page: z.number().int().min(1).max(1_000_000).default(1),
  pageSize: z.number().int().min(1).max(200).default(50),
};

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const idInput = z.strictObject({ id });
export const idsInput = z.strictObject({ ids: z.array(id).min(1).max(10_000) });

const decimals = (n: number, places: number) =>
  Math.abs(Math.round(n * 10 ** places) - n * 10 ** places) < 1e-9;

/**
 * Money in integer cents (分), never negative, at most 100 billion yuan. A fraction of a cent is
 * a yuan amount with more than two decimals, and is refused as such.
 */
export const cents = z
  .number()
  .min(0)
  .max(10_000_000_000_000)
  .refine(Number.isInteger, {
    message: 'At most 2 decimal places',
    params: { format: 'decimals', places: 2 },
  });

/** A calendar date, `YYYY-MM-DD`. */
export const isoDate = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && isCalendarDate(v), {
  message: 'Not a calendar date as YYYY-MM-DD',
  params: { format: 'date' },
});

export const optionalDate = isoDate.nullish().transform((v) => v ?? null);

/** A local date and time to the minute, `YYYY-MM-DDTHH:mm` (the user's wall clock). */
export const localDateTime = z
  .string()
  .refine((v) => /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/.test(v) && isCalendarDate(v.slice(0, 10)), {
    message: 'Not a date and time as YYYY-MM-DDTHH:mm',
    params: { format: 'date_time' },
  });

/** A line's quantity: positive, up to 3 decimal places (e.g. 1.5 tonnes). */
export const quantity = z
  .number()
  .positive()
  .max(1_000_000_000)
  .refine((n) => decimals(n, 3), {
    message: 'At most 3 decimal places',
    params: { format: 'decimals', places: 3 },
  });

/** A discount in percent, 0–100, up to 2 decimal places. */
export const discountPercent = z
  .number()
  .min(0)
  .max(100)
  .refine((n) => decimals(n, 2), {
    message: 'At most 2 decimal places',
    params: { format: 'decimals', places: 2 },
  });

/** One product line as a form or the API sends it; the unit price defaults to the list price. */
export const lineInput = z.strictObject({
  productId: id,
  quantity,
  unitPrice: cents.optional(),
  discount: discountPercent.default(0),
});
export type LineInput = z.input<typeof lineInput>;
export const linesInput = z.array(lineInput).max(500);

/** A stored line: the product's name and unit as they were when the line was written. */
export interface Line {
  id: number;
  lineNo: number;
  productId: number;
  productName: string;
  unit: string | null;
  quantity: number;
  unitPrice: number;
  discount: number;
  amount: number;
}

export const booleanFlag = z.boolean().default(false);

import { z } from 'zod';

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

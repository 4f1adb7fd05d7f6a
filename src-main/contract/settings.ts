import { z } from 'zod';
import type { BaseItem } from './base-data';
import { id } from './common';
import { templateKeys, type TemplateKey } from './templates';

export const templateKey = z.enum(templateKeys);

/** The open file's own settings (stored in it, so they travel with it). */
export interface AppSettings {
  /** False for a new file until its first run is done (template chosen or skipped). */
  setUp: boolean;
  /** The industry template last chosen, if any; null for a skipped setup or an older file. */
  template: TemplateKey | null;
  /**
   * The 业务员 new opportunities, sales, activities, feedback and expenses take by default: the
   * one chosen (settings.update) while it is an active sales rep, else the seeded 本人/Me entry
   * while it is active, else null.
   */
  currentRepId: number | null;
}

/** Longest 业务员 name, as any base-data entry's name. */
export const REP_NAME_MAX = 100;

/**
 * First run of a new file. `template` fills the lists it covers (unused seeded entries it does
 * not name go; entries in use always stay); null keeps the lists as they are (跳过). `repName`
 * renames the seeded 本人/Me sales rep (or adds one) and makes it the current 业务员; blank
 * means no change. Refused (CONFLICT) once the file is set up.
 */
export const appSetupInput = z.strictObject({
  template: templateKey.nullable(),
  repName: z.string().trim().max(REP_NAME_MAX).optional(),
});

export const settingsGetInput = z.strictObject({});

/** Chooses the current 业务员: an active sales_rep entry, or null for the default (本人/Me). */
export const settingsUpdateInput = z.strictObject({
  currentRepId: id.nullable(),
});

/**
 * Applies an industry template to a file in use: adds the template's entries its lists lack
 * (matched by key or by name) at their ends. Nothing is deleted, renamed or reordered.
 */
export const baseDataApplyTemplateInput = z.strictObject({ template: templateKey });

export interface ApplyTemplateResult {
  /** The entries added, in the order added. */
  added: BaseItem[];
}

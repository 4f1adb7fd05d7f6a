import { z } from 'zod';
import type { BaseItem } from './base-data';
import { channel } from './channel';
import type { AppSettings } from './settings';
import { templateKeys } from './templates';

export const templateKey = z.enum(templateKeys);

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

/**
 * Applies an industry template to a file in use: adds the template's entries its lists lack
 * (matched by key or by name) at their ends. Nothing is deleted, renamed or reordered.
 */
export const baseDataApplyTemplateInput = z.strictObject({ template: templateKey });

export interface ApplyTemplateResult {
  /** The entries added, in the order added. */
  added: BaseItem[];
}

export const setupChannels = {
  'app.setup': channel(appSetupInput).returns<AppSettings>(),
  'baseData.applyTemplate': channel(baseDataApplyTemplateInput).returns<ApplyTemplateResult>(),
};

import { z } from 'zod';
import { channel } from './channel';
import { id } from './common';
import type { TemplateKey } from './templates';

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

export const settingsGetInput = z.strictObject({});

/** Chooses the current 业务员: an active sales_rep entry, or null for the default (本人/Me). */
export const settingsUpdateInput = z.strictObject({
  currentRepId: id.nullable(),
});

export const settingsChannels = {
  'settings.get': channel(settingsGetInput).returns<AppSettings>(),
  'settings.update': channel(settingsUpdateInput).returns<AppSettings>(),
};

import type { AppSettings, ChannelParsedInput, TemplateKey } from '../contract';
import { settingsChannels, templateKeys } from '../contract';
import type { Db } from '../db/open';
import { AppError } from '../db/errors';
import { stmt } from '../db/statements';
import { handlersFor } from '../ipc/handler';

/**
 * The keys of the settings table (migrations/0009_settings.sql), and `import_mapping:<kind>:<header
 * signature>`: the mapping the user last imported a file with those headers by (import-job.ts).
 */
type SettingKey = 'set_up_at' | 'template' | 'current_rep_id' | `import_mapping:${string}`;

export function readSetting(db: Db, key: SettingKey): string | undefined {
  return stmt(db, 'SELECT value FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
}

/** Sets a value; null removes the key. */
export function writeSetting(db: Db, key: SettingKey, value: string | null): void {
  if (value === null) stmt(db, 'DELETE FROM settings WHERE key = ?').run(key);
  else
    stmt(
      db,
      'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(key, value);
}

export const isSetUp = (db: Db): boolean => readSetting(db, 'set_up_at') !== undefined;

/** The id of an active sales_rep entry, or undefined. */
function activeRep(db: Db, id: number): number | undefined {
  return stmt(db, "SELECT id FROM base_items WHERE id = ? AND kind = 'sales_rep' AND active = 1")
    .pluck()
    .get(id) as number | undefined;
}

/**
 * The current 业务员: the chosen one while it is an active sales rep, else the seeded 本人/Me
 * entry while it is active, else null. A chosen rep since deactivated or deleted falls back.
 */
export function currentRepId(db: Db): number | null {
  const chosen = Number(readSetting(db, 'current_rep_id'));
  if (Number.isSafeInteger(chosen) && chosen > 0 && activeRep(db, chosen) !== undefined) return chosen;
  const me = stmt(db, "SELECT id FROM base_items WHERE kind = 'sales_rep' AND key = 'me' AND active = 1")
    .pluck()
    .get() as number | undefined;
  return me ?? null;
}

export function getSettings(db: Db): AppSettings {
  const template = readSetting(db, 'template');
  return {
    setUp: isSetUp(db),
    template: (templateKeys as readonly string[]).includes(template ?? '') ? (template as TemplateKey) : null,
    currentRepId: currentRepId(db),
  };
}

/** Chooses the current 业务员; it must be an active sales_rep entry. Null goes back to the default. */
export function updateSettings(db: Db, input: ChannelParsedInput<'settings.update'>): AppSettings {
  return db
    .transaction(() => {
      const id = input.currentRepId;
      if (id !== null && activeRep(db, id) === undefined) {
        const kind = stmt(db, 'SELECT kind FROM base_items WHERE id = ?').pluck().get(id);
        throw kind === 'sales_rep'
          ? new AppError('VALIDATION', `currentRepId: sales rep ${id} is not active`, {
              field: 'currentRepId',
              reason: 'invalid_value',
            })
          : new AppError('VALIDATION', `currentRepId: no sales_rep entry with id ${id}`, {
              field: 'currentRepId',
              reason: 'not_found',
            });
      }
      writeSetting(db, 'current_rep_id', id === null ? null : String(id));
      return getSettings(db);
    })
    .immediate();
}

export const settingsHandlers = handlersFor(settingsChannels, {
  'settings.get': (ctx) => getSettings(ctx.db),
  'settings.update': (ctx, input) => updateSettings(ctx.db, input),
});

import { useChannelQuery } from './queries';

/**
 * The open file's settings (settings.get): whether it is set up, its industry template and the
 * current 业务员. Read once when the app starts (the first-run dialog needs it), and refreshed
 * after every write like any other read.
 */
export function useSettings() {
  return useChannelQuery('settings.get', {});
}

/**
 * The 业务员 a new opportunity, sale, activity, service feedback or expense takes by default:
 * the one marked 当前业务员 in 基础数据 → 业务员, else the seeded 本人/Me entry (see
 * `AppSettings.currentRepId`). Null while the settings load (they are normally cached by the
 * time a form opens) or when no active sales rep fits.
 *
 * For a record form: use it as the initial `ownerId` (feedback: `handlerId`) of a NEW record
 * only, and fill it in when it arrives if the user has not touched the field yet; never for an
 * edit, where the record's own value stands.
 *
 *   const currentRepId = useCurrentRepId();
 *   initialValues: { …, ownerId: isNew ? currentRepId : record.ownerId }
 */
export function useCurrentRepId(): number | null {
  return useSettings().data?.currentRepId ?? null;
}

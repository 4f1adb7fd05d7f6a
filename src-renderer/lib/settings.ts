import { useEffect } from 'react';
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

/** What `useDefaultRep` needs of a Mantine form. */
interface RepForm {
  getValues: () => object;
  getInitialValues: () => object;
  setInitialValues: (values: never) => void;
  setFieldValue: (path: never, value: never) => void;
}

/**
 * A new record's 业务员 (`path`: ownerId, or handlerId for feedback) starts as the current one.
 * When the settings arrive after the form opened, it is filled in then, as part of the form's
 * starting values (so the form still has no changes to ask about), unless the user chose one.
 */
export function useDefaultRep(form: RepForm, path: string, isNew: boolean) {
  const currentRepId = useCurrentRepId();
  useEffect(() => {
    if (!isNew || currentRepId == null) return;
    const initial = form.getInitialValues() as Record<string, unknown>;
    const value = (form.getValues() as Record<string, unknown>)[path];
    if (value != null || initial[path] != null) return;
    form.setInitialValues({ ...initial, [path]: currentRepId } as never);
    form.setFieldValue(path as never, currentRepId as never);
    // Once per arrival of the settings: the form object changes on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [currentRepId, isNew]);
}

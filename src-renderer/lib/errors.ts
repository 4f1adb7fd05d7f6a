import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import { fromZodIssue, type AppErrorData } from '../../src-main/contract';
import { ApiError } from '../api';

/**
 * One field's problem as a short phrase that says what to type: "必填", "不能超过 200 个字符",
 * "请输入数字" … `params.format` picks the sentence for the kind of value (i18next's context:
 * `invalid_type_number`, `invalid_format_date`), falling back to the plain reason.
 */
export function reasonText(t: TFunction, error: Pick<AppErrorData, 'reason' | 'limit' | 'params'>): string {
  return t(`validation.${error.reason ?? 'invalid_format'}`, {
    ...error.params,
    limit: error.limit,
    context: error.params?.format === undefined ? undefined : String(error.params.format),
  });
}

/** A whole error as a sentence that says what happened and what to do. */
export function errorText(t: TFunction, err: unknown): string {
  if (err instanceof ApiError) {
    const e = err.data;
    if (e.code === 'VALIDATION' && e.field) {
      // A field the customer labels do not name (a module's own field, a line) is not shown raw.
      // A custom field's label comes with the error (params.label): the user named it.
      const label = t(`fields.${e.field}`, { defaultValue: '' }) || e.params?.label || t('errors.VALIDATION');
      return t('validation.fieldError', { label, reason: reasonText(t, e as AppErrorData) });
    }
    // A refusal with a reason of its own (a restore whose customer is gone …) says exactly that.
    if ('reason' in e && e.reason && i18nHas(t, `errors.reasons.${e.reason}`)) {
      return String(t(`errors.reasons.${e.reason}`, { ...e.params, what: whatText(t, e.params?.what) }));
    }
    return t(`errors.${e.code}`);
  }
  return t('errors.INTERNAL');
}

const i18nHas = (t: TFunction, key: string) => t(key, { defaultValue: '' }) !== '';

/** A record kind named in an error (`customers`, `base_items` …) in the user's words. */
const whatText = (t: TFunction, what: string | number | undefined) =>
  what === undefined ? '' : t(`errors.what.${what}`, { defaultValue: String(what) });

export function notifyError(t: TFunction, err: unknown): void {
  notifications.show({ color: 'red', title: t('errors.title'), message: errorText(t, err) });
}

/**
 * A Mantine form validator from a contract schema, so the form refuses exactly what the
 * main process would, with the same reasons, in the user's language.
 */
export function schemaValidator<T>(schema: z.ZodType, t: TFunction) {
  return (values: T): Record<string, string> => {
    const result = schema.safeParse(values);
    if (result.success) return {};
    const errors: Record<string, string> = {};
    for (const issue of result.error.issues) {
      const e = fromZodIssue(issue, values);
      if (e.field && !errors[e.field]) errors[e.field] = reasonText(t, e);
    }
    return errors;
  };
}

/** After a refused save: a field the main process named goes beside its input; anything else is a notice. */
export function showSaveError(
  t: TFunction,
  err: unknown,
  form: { setFieldError: (path: string, error: string) => void },
): void {
  if (err instanceof ApiError && err.data.code === 'VALIDATION' && err.data.field) {
    form.setFieldError(err.data.field, reasonText(t, err.data as AppErrorData));
  } else notifyError(t, err);
}

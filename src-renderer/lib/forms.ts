import type { UseFormReturnType } from '@mantine/form';
import type { z } from 'zod';

/** Wrappers that hold the field's own schema inside them (optional, nullable, default, a pipe's input …). */
function inner(schema: z.ZodType): z.ZodType | undefined {
  const def = schema._zod.def as { innerType?: z.ZodType; in?: z.ZodType };
  return def.innerType ?? def.in;
}

/** The schema of `path`'s field in an object schema (unwrapping the object's own wrappers). */
function fieldSchema(schema: z.ZodType, path: string): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  while (s && s._zod.def.type !== 'object') s = inner(s);
  return s ? (s as z.ZodObject).shape[path] : undefined;
}

/** The longest text a field of `schema` takes, or null when it is not a text with a limit. */
export function maxLengthOf(schema: z.ZodType, path: string): number | null {
  let s = fieldSchema(schema, path);
  while (s && s._zod.def.type !== 'string') s = inner(s);
  return s ? (s as z.ZodString).maxLength : null;
}

/** From this share of the limit on, a text field shows how much of it is used. */
const COUNTER_FROM = 0.8;

/**
 * A text field's limit as the user types: the box takes no more than the schema allows (the
 * browser stops the typing and trims a paste), and near the limit it counts: 185 / 200.
 */
export function textLimitProps(schema: z.ZodType, path: string, value: unknown) {
  return lengthLimitProps(maxLengthOf(schema, path), value);
}

/** A text input's props for a limit of `max` characters (none when there is no limit). */
export function lengthLimitProps(max: number | null, value: unknown) {
  if (max === null || typeof value !== 'string') return {};
  const near = value.length >= max * COUNTER_FROM;
  return {
    maxLength: max,
    ...(near
      ? {
          description: `${value.length} / ${max}`,
          inputWrapperOrder: ['label', 'input', 'description', 'error'] as const,
        }
      : {}),
  };
}

/** What a field's own check needs of a Mantine form. */
interface CheckedForm {
  isDirty: (path: string) => boolean;
  validateField: (path: string) => unknown;
}

/**
 * Leaving a field checks it, once the user has changed it: a wrong value says so at once, while
 * a required field merely passed through stays quiet until 保存.
 */
export const checkChangedField = (form: CheckedForm, path: string) => {
  if (form.isDirty(path)) form.validateField(path);
};

/**
 * What every record form shares (spread into Mantine's useForm): a field's problem shows as soon
 * as the user leaves a field they changed, not only on 保存; text fields stop at the contract's
 * limit.
 */
export function recordFormOptions(schema: z.ZodType) {
  return {
    enhanceGetInputProps: ({
      field,
      inputProps,
      form,
    }: {
      field: string;
      inputProps: { value?: unknown };
      form: CheckedForm;
    }) => ({
      ...textLimitProps(schema, field, inputProps.value),
      onBlur: () => checkChangedField(form, field),
    }),
  };
}

/**
 * A form's date field (DateField): the form keeps '' for no date and the typed text while it is
 * not a date, and checks the field when it is left, like any other input.
 */
export function dateFieldProps<V>(form: UseFormReturnType<V>, path: keyof V & string) {
  const { value, ...props } = form.getInputProps(path);
  return {
    ...props,
    value: (value as string | null | undefined) ?? '',
    onChange: (date: string | null) => form.setFieldValue(path, (date ?? '') as never),
    keepTyped: true,
  };
}

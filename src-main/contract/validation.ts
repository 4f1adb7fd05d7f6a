import type { z } from 'zod';
import type { AppErrorData, ValidationReason } from './envelope';

/** Follows a zod issue path into the raw input, to tell a missing field from a wrong one. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

/** One zod issue → the error shape both the registry and the renderer's forms use. */
export function fromZodIssue(issue: z.core.$ZodIssue, input: unknown): AppErrorData {
  let path = issue.path.map(String);
  let reason: ValidationReason;
  let limit: number | undefined;
  switch (issue.code) {
    case 'invalid_type':
      reason = valueAt(input, issue.path) === undefined ? 'required' : 'invalid_type';
      break;
    case 'too_big':
      reason = issue.origin === 'string' ? 'too_long' : 'too_big';
      limit = Number(issue.maximum);
      break;
    case 'too_small':
      // An empty required text is "required", not "too short by one".
      if (issue.origin === 'string' && Number(issue.minimum) === 1) reason = 'required';
      else reason = issue.origin === 'string' ? 'too_short' : 'too_small';
      limit = Number(issue.minimum);
      break;
    case 'unrecognized_keys':
      reason = 'unknown_field';
      path = [...path, issue.keys[0] ?? ''];
      break;
    case 'invalid_value':
      reason = 'invalid_value';
      break;
    default:
      reason = 'invalid_format';
  }
  const field = path.join('.');
  return {
    code: 'VALIDATION',
    message: `${field || 'input'}: ${issue.message}`,
    ...(field ? { field } : {}),
    reason,
    ...(limit !== undefined && Number.isFinite(limit) ? { limit } : {}),
  };
}

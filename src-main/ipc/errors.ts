import { z } from 'zod';
import type { AppErrorData, ValidationReason } from '../contract';
import { AppError } from '../db/errors';

/** Follows a zod issue path into the raw input, to tell a missing field from a wrong one. */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function fromZodIssue(issue: z.core.$ZodIssue, input: unknown): AppErrorData {
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

/** Any thrown value → the error half of the envelope. Unexpected errors keep their detail in the log. */
export function toErrorData(err: unknown, input?: unknown): AppErrorData {
  if (err instanceof AppError) return err.toData();
  if (err instanceof z.ZodError) return fromZodIssue(err.issues[0]!, input);
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT', message: 'The change conflicts with existing data' };
  }
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') {
    return { code: 'CONFLICT', message: 'The database is busy; try again' };
  }
  console.error('[solo-crm] unexpected error', err);
  return { code: 'INTERNAL', message: 'An unexpected error occurred' };
}

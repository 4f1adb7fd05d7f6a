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
  // Says more about the reason where the sentence depends on it: the type that was expected
  // (`number`), a bound that may not be reached (`exclusive`), or a check's own (`date`, `decimals`).
  let params: Record<string, string | number> | undefined;
  switch (issue.code) {
    case 'invalid_type':
      reason = valueAt(input, issue.path) === undefined ? 'required' : 'invalid_type';
      if (reason === 'invalid_type') params = { format: issue.expected };
      break;
    case 'too_big':
      reason = issue.origin === 'string' ? 'too_long' : 'too_big';
      limit = Number(issue.maximum);
      if (issue.inclusive === false) params = { format: 'exclusive' };
      break;
    case 'too_small':
      // An empty required text is "required", not "too short by one".
      if (issue.origin === 'string' && Number(issue.minimum) === 1) reason = 'required';
      else reason = issue.origin === 'string' ? 'too_short' : 'too_small';
      limit = Number(issue.minimum);
      if (issue.inclusive === false) params = { format: 'exclusive' };
      break;
    case 'custom':
      reason = 'invalid_format';
      params = customParams(issue.params);
      break;
    case 'unrecognized_keys':
      reason = 'unknown_field';
      path = [...path, issue.keys[0] ?? ''];
      break;
    case 'invalid_value':
      // A choice (an enum) left out is missing, not a wrong choice.
      reason = valueAt(input, issue.path) === undefined ? 'required' : 'invalid_value';
      break;
    case 'invalid_union':
      // A tagged union (jobs.start's kind) names its tag: left out, or not one of the kinds.
      if ('discriminator' in issue)
        reason = valueAt(input, issue.path) === undefined ? 'required' : 'invalid_value';
      else reason = 'invalid_format';
      break;
    case 'invalid_format':
      reason = 'invalid_format';
      params = { format: issue.format };
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
    ...(params ? { params } : {}),
  };
}

/** A refinement's own params (`{ format: 'date' }`), kept when they are plain words and numbers. */
function customParams(raw: Record<string, unknown> | undefined) {
  if (!raw) return undefined;
  const kept = Object.entries(raw).filter(
    (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
  );
  return kept.length ? Object.fromEntries(kept) : undefined;
}

import { z } from 'zod';
import { fromZodIssue, type AppErrorData } from '../contract';
import { AppError } from '../db/errors';

/** Any thrown value → the error half of the envelope. Unexpected errors keep their detail in the log. */
export function toErrorData(err: unknown, input?: unknown): AppErrorData {
  if (err instanceof AppError) return err.toData();
  if (err instanceof z.ZodError) return fromZodIssue(err.issues[0]!, input);
  const code = (err as { code?: unknown })?.code;
  // A write on a connection opened read-only (SQLITE_READONLY and its extended codes).
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY')) {
    return {
      code: 'READ_ONLY',
      message: 'The file is open read-only; nothing was saved',
      reason: 'read_only_file',
    };
  }
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return { code: 'CONFLICT', message: 'The change conflicts with existing data' };
  }
  if (typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))) {
    return { code: 'CONFLICT', message: 'The database is busy; try again', reason: 'busy' };
  }
  console.error('[solo-crm] unexpected error', err);
  return { code: 'INTERNAL', message: 'An unexpected error occurred' };
}

import type { AppErrorData, ErrorCode, ValidationReason } from '../contract';

/** An expected failure with a stable code; the registry turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: {
      field?: string;
      reason?: ValidationReason;
      limit?: number;
      params?: Record<string, string | number>;
    } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }

  toData(): AppErrorData {
    return { code: this.code, message: this.message, ...this.details };
  }
}

export const notFound = (what: string, id: number | string) =>
  new AppError('NOT_FOUND', `${what} ${id} does not exist`);

/** Coded errors: one code per thing a caller can act on; user text lives in the locale files. */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'forbidden'
  | 'conflict'
  | 'too-large'
  | 'storage-unavailable'
  | 'throttled'
  | 'delivery-failed'
  | 'parse-failed'
  | 'config-invalid'
  | 'internal';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function asAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new AppError('internal', message);
}

/**
 * Outcome of an operation that can fail in an expected way. Expected failures
 * cross the IPC boundary as values; exceptions are reserved for bugs.
 */
export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * An expected failure. `code` is stable and is what tests and the UI branch
 * on; `params` fills the translated message `errors.<code>` in the locale
 * files; `field` names the input that was wrong, when there is one.
 */
export interface AppError {
  code: string;
  message: string;
  field?: string;
  params?: Record<string, string | number>;
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(error: AppError): Result<never> {
  return { ok: false, error };
}

/** An error a handler throws to return an expected failure to its caller. */
export class AppFailure extends Error {
  readonly code: string;
  readonly field: string | undefined;
  readonly params: Record<string, string | number> | undefined;

  constructor(
    code: string,
    message: string,
    options: {
      field?: string;
      params?: Record<string, string | number>;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppFailure';
    this.code = code;
    this.field = options.field;
    this.params = options.params;
  }

  toAppError(): AppError {
    const error: AppError = { code: this.code, message: this.message };
    if (this.field !== undefined) {
      error.field = this.field;
    }
    if (this.params !== undefined) {
      error.params = this.params;
    }
    return error;
  }
}

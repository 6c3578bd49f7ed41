// Expected failures a caller can act on. Route handlers and actions map them to a status and a
// localised message in one place (lib/http/errors.ts); anything else is a bug and a 500.
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  invalid_idempotency_key: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  transition_refused: 409,
  conflict: 409,
  idempotency_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  service_unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class ExpectedError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail?: { retryAfter?: number; reason?: string },
  ) {
    super(code);
    this.name = "ExpectedError";
  }
}

export type Result<T> =
  { ok: true; data: T } | { ok: false; code: ErrorCode; fieldErrors?: Record<string, string> };

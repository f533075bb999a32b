/**
 * One error class for the whole gateway. `code` is a literal union so `switch (err.code)` narrows,
 * and every code has one HTTP status in the catalog below.
 *
 * Messages are written by Voile and must never carry PHI: no value taken from a resource, a DICOM
 * object, a token or an upstream body goes into `message` or `detail`. Use `safeDetail` only for
 * things Voile itself defined (a parameter *name* from an allowlist, a rule index, a limit).
 */
export const ERROR_CATALOG = {
  CONFIG_INVALID: 500,
  PROFILE_INVALID: 500,
  POLICY_INVALID: 500,
  BAD_REQUEST: 400,
  MALFORMED_JSON: 400,
  MALFORMED_DICOM: 400,
  MALFORMED_MULTIPART: 400,
  SEARCH_PARAM_REFUSED: 400,
  SEARCH_NOT_SUPPORTED: 400,
  INVALID_CURSOR: 400,
  UNAUTHENTICATED: 401,
  INSUFFICIENT_SCOPE: 403,
  FORBIDDEN: 403,
  NO_POLICY: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  NOT_ACCEPTABLE: 406,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  ANONYMIZATION_FAILED: 500,
  INTERNAL: 500,
  NOT_IMPLEMENTED: 501,
  UPSTREAM_ERROR: 502,
  UPSTREAM_BAD_RESPONSE: 502,
  UPSTREAM_UNAVAILABLE: 503,
  UPSTREAM_TIMEOUT: 504,
} as const;

export type VoileErrorCode = keyof typeof ERROR_CATALOG;

export class VoileError extends Error {
  readonly code: VoileErrorCode;
  readonly status: number;
  /** Voile-authored detail, safe to show to callers and to log. */
  readonly detail: string | undefined;

  constructor(code: VoileErrorCode, message: string, options?: { detail?: string; cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VoileError';
    this.code = code;
    this.status = ERROR_CATALOG[code];
    this.detail = options?.detail;
  }
}

export function isVoileError(err: unknown): err is VoileError {
  return err instanceof VoileError;
}

/**
 * Turns anything thrown into a VoileError without ever copying a foreign message (which may quote
 * data) into the result: unknown errors become the given code with a generic message.
 */
export function toVoileError(err: unknown, fallback: VoileErrorCode = 'INTERNAL'): VoileError {
  if (err instanceof VoileError) return err;
  return new VoileError(fallback, fallback === 'ANONYMIZATION_FAILED' ? 'The response could not be anonymized' : 'Internal error', { cause: err });
}

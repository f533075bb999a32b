import { VoileError, isVoileError } from '../errors.js';

/**
 * Every failure — a VoileError, a fastify framework error, anything thrown by a library — becomes
 * a VoileError here. Foreign messages are never copied: they may quote a request body, a token or
 * an upstream response.
 */
export function normalizeError(err: unknown): VoileError {
  if (isVoileError(err)) return err;
  const code = (err as { code?: unknown } | null)?.code;
  const statusCode = (err as { statusCode?: unknown } | null)?.statusCode;
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new VoileError('PAYLOAD_TOO_LARGE', 'The request body is too large', { cause: err });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new VoileError('UNSUPPORTED_MEDIA_TYPE', 'The request body has an unsupported content type', { cause: err });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new VoileError('MALFORMED_JSON', 'The request body is not valid JSON', { cause: err });
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return new VoileError('BAD_REQUEST', 'The request body does not match its Content-Length', { cause: err });
    case 'FST_ERR_BAD_URL':
      return new VoileError('BAD_REQUEST', 'The request URL is malformed', { cause: err });
    default:
      break;
  }
  if (err instanceof SyntaxError && statusCode === 400) {
    return new VoileError('MALFORMED_JSON', 'The request body is not valid JSON', { cause: err });
  }
  if (typeof statusCode === 'number') {
    if (statusCode === 413) return new VoileError('PAYLOAD_TOO_LARGE', 'The request body is too large', { cause: err });
    if (statusCode === 415) return new VoileError('UNSUPPORTED_MEDIA_TYPE', 'The request body has an unsupported content type', { cause: err });
    if (statusCode === 429) return new VoileError('RATE_LIMITED', 'Too many requests', { cause: err });
    if (statusCode >= 400 && statusCode < 500) return new VoileError('BAD_REQUEST', 'The request is invalid', { cause: err });
  }
  return new VoileError('INTERNAL', 'Internal error', { cause: err });
}

/** FHIR issue-type codes (http://hl7.org/fhir/issue-type) for each HTTP status Voile uses. */
export function issueCodeFor(error: VoileError): string {
  switch (error.code) {
    case 'MALFORMED_JSON':
    case 'MALFORMED_DICOM':
    case 'MALFORMED_MULTIPART':
      return 'structure';
    case 'SEARCH_PARAM_REFUSED':
    case 'SEARCH_NOT_SUPPORTED':
      return 'not-supported';
    case 'UPSTREAM_TIMEOUT':
      return 'timeout';
    case 'ANONYMIZATION_FAILED':
      return 'processing';
    default:
      break;
  }
  switch (error.status) {
    case 400:
      return 'invalid';
    case 401:
      return 'login';
    case 403:
      return 'forbidden';
    case 404:
      return 'not-found';
    case 405:
    case 406:
    case 415:
    case 501:
      return 'not-supported';
    case 409:
      return 'conflict';
    case 410:
      return 'deleted';
    case 413:
      return 'too-costly';
    case 429:
      return 'throttled';
    case 502:
    case 503:
      return 'transient';
    default:
      return 'exception';
  }
}

export interface OperationOutcomeBody {
  readonly resourceType: 'OperationOutcome';
  readonly issue: readonly { severity: 'error' | 'fatal'; code: string; diagnostics: string; details?: { text: string } }[];
}

/** The gateway's OperationOutcome: only Voile-authored text. */
export function operationOutcome(error: VoileError): OperationOutcomeBody {
  return {
    resourceType: 'OperationOutcome',
    issue: [
      {
        severity: error.status >= 500 ? 'fatal' : 'error',
        code: issueCodeFor(error),
        diagnostics: error.message,
        ...(error.detail === undefined ? {} : { details: { text: error.detail } }),
      },
    ],
  };
}

/** Plain JSON error body for routes outside /fhir. */
export function plainErrorBody(error: VoileError): { error: string; message: string; detail?: string } {
  return { error: error.code, message: error.message, ...(error.detail === undefined ? {} : { detail: error.detail }) };
}

import { getStatus, isOperationOutcome, OperationOutcomeError } from '@medplum/core';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

type IssueCode = OperationOutcomeIssue['code'];

/** An error the demo server answers with an OperationOutcome and the given HTTP status. */
export class FhirHttpError extends Error {
  readonly status: number;
  readonly outcome: OperationOutcome;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: IssueCode, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.name = 'FhirHttpError';
    this.status = status;
    this.outcome = operationOutcome(status >= 500 ? 'fatal' : 'error', code, message);
    this.headers = headers;
  }
}

export function operationOutcome(severity: OperationOutcomeIssue['severity'], code: IssueCode, text: string): OperationOutcome {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, details: { text } }] };
}

export function badRequest(message: string): FhirHttpError {
  return new FhirHttpError(400, 'invalid', message);
}

export function notFound(message: string): FhirHttpError {
  return new FhirHttpError(404, 'not-found', message);
}

/**
 * Turns anything thrown while serving a request into a status and an OperationOutcome: our own
 * errors as they are, @medplum's OperationOutcomeErrors with their status, anything else as a 500
 * whose text says nothing about the cause.
 */
export function toHttpError(err: unknown): FhirHttpError | { status: number; outcome: OperationOutcome; headers: Record<string, string> } {
  if (err instanceof FhirHttpError) return err;
  if (err instanceof OperationOutcomeError && isOperationOutcome(err.outcome)) {
    return { status: getStatus(err.outcome), outcome: err.outcome, headers: {} };
  }
  return new FhirHttpError(500, 'exception', 'Internal server error');
}

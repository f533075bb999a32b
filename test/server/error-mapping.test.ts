import { describe, expect, it } from 'vitest';
import { VoileError } from '../../src/errors.js';
import { normalizeError, operationOutcome } from '../../src/server/error-mapping.js';

/** Every thrown thing becomes a VoileError whose text Voile wrote: foreign messages never pass. */
describe('normalizeError', () => {
  const withCode = (code: string, statusCode?: number) => Object.assign(new Error('Unexpected token D in "Marie Dupont"'), { code, statusCode });

  it.each([
    ['FST_ERR_CTP_BODY_TOO_LARGE', 'PAYLOAD_TOO_LARGE', 413],
    ['FST_ERR_CTP_INVALID_MEDIA_TYPE', 'UNSUPPORTED_MEDIA_TYPE', 415],
    ['FST_ERR_CTP_INVALID_JSON_BODY', 'MALFORMED_JSON', 400],
    ['FST_ERR_CTP_EMPTY_JSON_BODY', 'MALFORMED_JSON', 400],
    ['FST_ERR_BAD_URL', 'BAD_REQUEST', 400],
  ])('maps %s to %s', (code, voile, status) => {
    const err = normalizeError(withCode(code));
    expect(err).toMatchObject({ code: voile, status });
    expect(JSON.stringify(operationOutcome(err))).not.toContain('Dupont');
  });

  it('maps other client errors by status and everything else to INTERNAL, without their message', () => {
    expect(normalizeError(withCode('SOMETHING', 429)).code).toBe('RATE_LIMITED');
    expect(normalizeError(withCode('SOMETHING', 418)).code).toBe('BAD_REQUEST');
    const internal = normalizeError(new TypeError('cannot read Marie Dupont'));
    expect(internal).toMatchObject({ code: 'INTERNAL', status: 500, message: 'Internal error' });
    expect(normalizeError('a string with Dupont').message).not.toContain('Dupont');
  });

  it('keeps VoileErrors as they are', () => {
    const e = new VoileError('SEARCH_PARAM_REFUSED', 'refused', { detail: 'parameter name' });
    expect(normalizeError(e)).toBe(e);
    expect(operationOutcome(e)).toEqual({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', code: 'not-supported', diagnostics: 'refused', details: { text: 'parameter name' } }],
    });
    expect(operationOutcome(new VoileError('UPSTREAM_ERROR', 'x')).issue[0]).toMatchObject({ severity: 'fatal', code: 'transient' });
  });
});

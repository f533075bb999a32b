import type { FastifyInstance } from 'fastify';
import { bearerChallenge } from '../../src/auth/authenticator.js';
import { toVoileError } from '../../src/errors.js';

/**
 * The error handler tests use when they assemble an app themselves (the gateway's own handler lives
 * in src/server/): VoileError → its status, a Voile-written OperationOutcome, and the RFC 6750
 * challenge on 401/403. Foreign errors with a 4xx status keep it, with a generic message.
 */
export function installTestErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, _request, reply) => {
    const status = (error as { statusCode?: number }).statusCode;
    const err = toVoileError(error, typeof status === 'number' && status >= 400 && status < 500 ? 'BAD_REQUEST' : 'INTERNAL');
    const code = err.code === 'BAD_REQUEST' && status !== undefined && status !== 400 ? status : err.status;
    const challenge = bearerChallenge(err);
    if (challenge) reply.header('www-authenticate', challenge);
    return reply
      .code(code)
      .type('application/fhir+json')
      .send({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing', diagnostics: err.detail ? `${err.message} (${err.detail})` : err.message }] });
  });
}

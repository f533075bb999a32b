import type { FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { VoileError } from '../errors.js';
import type { ResolvedPolicy } from '../policy/runtime.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * No-auth mode for the embedded demo and local trials: every caller gets one policy, and only
 * callers on the loopback interface are served (so a demo gateway bound to 0.0.0.0 by mistake
 * does not serve the network).
 */
export function fixedPolicyAuthenticator(policy: ResolvedPolicy, clientId = 'anonymous-demo'): (request: FastifyRequest) => Promise<Principal> {
  const principal: Principal = { clientId, scopes: ['system/*.rs'], policy };
  return async (request) => {
    const remote = request.socket.remoteAddress;
    if (remote === undefined || !LOOPBACK.has(remote)) {
      throw new VoileError('UNAUTHENTICATED', 'This gateway runs without authentication and only serves loopback callers');
    }
    return principal;
  };
}

import { VoileError } from '../errors.js';
import type { ResolvedPolicy } from '../policy/runtime.js';
import type { Principal } from './principal.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** Scopes the no-auth mode grants: read and search on everything, system level. */
export const DEMO_SCOPES: readonly string[] = Object.freeze(['system/*.rs']);

/** What the no-auth check reads of a request (a FastifyRequest fits). */
export interface LoopbackRequest {
  readonly socket?: { readonly remoteAddress?: string | undefined };
}

/**
 * No-auth mode (`auth.mode: none`) for the embedded demo and local trials: every caller gets one
 * policy, and only callers on the loopback interface are served, so a demo gateway bound to
 * 0.0.0.0 by mistake does not serve the network. A request whose address is unknown is refused.
 */
export function loopbackOnlyAuthenticator(policy: ResolvedPolicy, clientId = 'anonymous-demo'): (request: LoopbackRequest) => Promise<Principal> {
  const principal: Principal = { clientId, scopes: DEMO_SCOPES, policy };
  return async (request) => {
    const remote = request.socket?.remoteAddress;
    if (remote === undefined || !LOOPBACK.has(remote)) {
      throw new VoileError('UNAUTHENTICATED', 'This gateway runs without authentication and only serves loopback callers');
    }
    return principal;
  };
}

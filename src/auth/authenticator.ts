import { VoileError } from '../errors.js';
import type { PolicyRegistry } from '../policy/runtime.js';
import { bindPolicy } from './binding.js';
import { checkAuthConfig, DEFAULT_ADMIN_SCOPE, type AuthConfig } from './config.js';
import type { Principal } from './principal.js';
import { PrincipalCache } from './principal-cache.js';
import { parseScopes } from './scopes.js';
import { createTokenValidator, isMissingTokenError, type TokenInfo } from './token.js';
import { loopbackOnlyAuthenticator, type LoopbackRequest } from './loopback.js';

/** The request as the authenticator needs it (a FastifyRequest fits). */
export interface AuthRequest extends LoopbackRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export type Authenticator = (req: AuthRequest) => Promise<Principal>;

export { DEMO_SCOPES } from './loopback.js';

/**
 * `createAuthenticator(config.auth, registry)` → the function the gateway calls on every request.
 * Throws VoileError UNAUTHENTICATED (401), NO_POLICY (403), INSUFFICIENT_SCOPE (403) or
 * UPSTREAM_UNAVAILABLE (503, the authorization server could not be reached).
 */
export function createAuthenticator(config: AuthConfig, registry: PolicyRegistry): Authenticator {
  checkAuthConfig(config);
  if (config.mode === 'none') {
    const policy = registry.get(config.policy as string);
    if (!policy) throw new VoileError('CONFIG_INVALID', 'Invalid auth configuration', { detail: 'auth.policy: no such policy' });
    return loopbackOnlyAuthenticator(policy);
  }
  const validate = createTokenValidator(config);
  const patientClaim = config.patientClaim?.claim ?? 'patient';
  const patientKind = config.patientClaim?.kind ?? 'pseudonym';
  // A partner sends the same token for minutes: validated and bound once (src/auth/principal-cache.ts).
  const principals = new PrincipalCache();

  return async (req) => {
    const authorization = req.headers.authorization;
    const key = typeof authorization === 'string' && authorization.length <= MAX_CACHED_HEADER_LENGTH ? PrincipalCache.keyOf(authorization) : undefined;
    const cached = key === undefined ? undefined : principals.get(key);
    if (cached !== undefined) return cached;
    const principal = await authenticateToken(authorization);
    if (key !== undefined) principals.set(key, principal.principal, principal.exp);
    return principal.principal;
  };

  async function authenticateToken(authorization: string | string[] | undefined): Promise<{ principal: Principal; exp: unknown }> {
    const token = await validate(authorization);
    const binding = bindPolicy(registry, token);
    if (!binding.policy) {
      throw new VoileError('NO_POLICY', 'No policy is bound to this client', { detail: binding.reason === 'ambiguous' ? 'several policies bind this client equally' : undefined });
    }
    const policy = binding.policy;
    const patientId = await patientOf(token, patientClaim, patientKind, (pseudo) => policy.identity.resolveId('Patient', pseudo));
    const principal: Principal =
      patientId === undefined ? { clientId: token.clientId, scopes: token.scopes, policy } : { clientId: token.clientId, scopes: token.scopes, policy, patientId };
    return { principal, exp: token.claims.exp };
  }
}

/** Longer headers are validated every time (the validator refuses tokens over 8 KiB anyway). */
const MAX_CACHED_HEADER_LENGTH = 8 * 1024 + 16;

/**
 * For admin routes (the audit trail; cohort rebuilds with `scope` = the cohort scope): a valid token
 * carrying that scope; no policy needed, as nothing anonymized is served.
 */
export function createAdminAuthorizer(config: AuthConfig, scope?: string): (req: AuthRequest) => Promise<TokenInfo> {
  checkAuthConfig(config);
  const adminScope = scope ?? config.adminScope ?? DEFAULT_ADMIN_SCOPE;
  if (config.mode === 'none') {
    // The demo has no tokens, hence no admin: the audit trail is read from the database file there.
    return async () => {
      throw new VoileError('FORBIDDEN', 'Admin routes need an authorization server (auth mode jwt)');
    };
  }
  const validate = createTokenValidator(config);
  return async (req) => {
    const token = await validate(req.headers.authorization);
    if (!token.scopes.includes(adminScope)) throw new VoileError('INSUFFICIENT_SCOPE', 'The access token does not grant this');
    return token;
  };
}

/**
 * `WWW-Authenticate` for an error (RFC 6750 §3): 401 → `invalid_token` (no error code when no token
 * was sent), 403 scope errors → `insufficient_scope`. Undefined for other errors.
 */
export function bearerChallenge(err: VoileError, realm = 'voile'): string | undefined {
  if (err.code === 'UNAUTHENTICATED') {
    return isMissingTokenError(err) ? `Bearer realm="${realm}"` : `Bearer realm="${realm}", error="invalid_token"`;
  }
  if (err.code === 'INSUFFICIENT_SCOPE' || err.code === 'NO_POLICY') return `Bearer realm="${realm}", error="insufficient_scope"`;
  return undefined;
}

async function patientOf(token: TokenInfo, claim: string, kind: 'pseudonym' | 'real', resolve: (pseudo: string) => Promise<string | undefined>): Promise<string | undefined> {
  const hasPatientScopes = parseScopes(token.scopes).some((s) => s.context === 'patient');
  const value = token.claims[claim];
  if (!hasPatientScopes) return undefined;
  if (typeof value !== 'string' || value === '') {
    // Patient-level scopes without a patient grant nothing; the request is refused rather than
    // served with an empty compartment, so the partner learns its token is wrong.
    throw new VoileError('INSUFFICIENT_SCOPE', 'Patient-level scopes need a patient in the token');
  }
  if (kind === 'real') return value;
  const real = await resolve(value);
  if (real === undefined) throw new VoileError('INSUFFICIENT_SCOPE', 'The patient of this token is not known to this policy');
  return real;
}

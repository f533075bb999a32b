import { createHash } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { isVoileError, VoileError } from '../errors.js';
import { ALLOWED_ALGORITHMS, checkAuthConfig, type AuthConfig, type IssuerConfig } from './config.js';
import { TrustedIssuer } from './issuer.js';
import { normalizeScopes } from './scopes.js';

/** What a valid access token says, whichever way it was validated. */
export interface TokenInfo {
  readonly issuer: string;
  readonly clientId: string;
  /** Normalised scopes (v1 `.read` → `.rs`). */
  readonly scopes: readonly string[];
  /** Every claim, for policy binding by claim and the patient claim. Never logged. */
  readonly claims: Readonly<Record<string, unknown>>;
}

export type TokenValidator = (authorization: string | string[] | undefined) => Promise<TokenInfo>;

const MAX_TOKEN_LENGTH = 8192;
/** RFC 6750 b64token. */
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const ACCEPTED_TYP = new Set(['at+jwt', 'application/at+jwt', 'jwt', 'application/jwt']);
const INTROSPECTION_CACHE_MS = 60_000;
const INTROSPECTION_CACHE_LIMIT = 10_000;

const missingTokenErrors = new WeakSet<VoileError>();

/** True for the 401 of a request that carried no credentials (its challenge carries no error code). */
export function isMissingTokenError(err: unknown): boolean {
  return err instanceof VoileError && missingTokenErrors.has(err);
}

/**
 * Builds the bearer token validator for `mode: jwt`: JWS access tokens are verified locally against
 * the issuer's JWKS; opaque tokens go to RFC 7662 introspection when an issuer has it configured.
 * Every failure is a 401 with a Voile-written message, except an unreachable authorization server
 * (503): the gateway never lets a token through because it could not check it.
 */
export function createTokenValidator(config: AuthConfig): TokenValidator {
  checkAuthConfig(config);
  const audiences = typeof config.audience === 'string' ? [config.audience] : [...(config.audience ?? [])];
  const timeoutMs = config.httpTimeoutMs ?? 5000;
  const tolerance = config.clockToleranceSeconds ?? 30;
  const clientIdClaims = config.clientIdClaims ?? ['client_id', 'azp', 'sub'];
  const issuers = new Map((config.issuers ?? []).map((c) => [c.issuer, new TrustedIssuer(c, timeoutMs)]));
  const introspectors = [...issuers.values()].filter((i) => i.config.introspection);
  const introspectionCache = new Map<string, { info: TokenInfo; until: number }>();

  const toInfo = (issuer: string, payload: JWTPayload): TokenInfo => {
    const clientId = clientIdClaims.map((c) => payload[c]).find((v): v is string => typeof v === 'string' && v !== '');
    if (!clientId) throw invalidToken('the token names no client');
    const scope = payload.scope ?? payload.scp;
    const scopes = typeof scope === 'string' ? normalizeScopes(scope) : Array.isArray(scope) ? normalizeScopes(scope.filter((s): s is string => typeof s === 'string')) : [];
    return { issuer, clientId, scopes: Object.freeze(scopes), claims: payload };
  };

  const verifyJws = async (token: string): Promise<TokenInfo> => {
    let header: ReturnType<typeof decodeProtectedHeader>;
    let unverified: JWTPayload;
    try {
      header = decodeProtectedHeader(token);
      unverified = decodeJwt(token);
    } catch {
      throw invalidToken('the token is malformed');
    }
    const alg = header.alg;
    if (typeof alg !== 'string' || !(ALLOWED_ALGORITHMS as readonly string[]).includes(alg)) throw invalidToken('the token algorithm is not accepted');
    if (header.typ !== undefined && !ACCEPTED_TYP.has(String(header.typ).toLowerCase())) throw invalidToken('the token is not an access token');
    const issuer = typeof unverified.iss === 'string' ? issuers.get(unverified.iss) : undefined;
    if (!issuer) throw invalidToken('the token issuer is not trusted');
    const algorithms = [...(issuer.config.algorithms ?? ALLOWED_ALGORITHMS)];
    if (!algorithms.includes(alg as (typeof algorithms)[number])) throw invalidToken('the token algorithm is not accepted');
    const keys = await issuer.jwks();
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: issuer.config.issuer,
        audience: audiences,
        algorithms,
        clockTolerance: tolerance,
        requiredClaims: ['exp', 'iss', 'aud'],
      });
      return toInfo(issuer.config.issuer, payload);
    } catch (err) {
      throw mapJoseError(err);
    }
  };

  const introspect = async (token: string): Promise<TokenInfo> => {
    if (introspectors.length === 0) throw invalidToken('the token is malformed');
    const key = createHash('sha256').update(token).digest('base64url');
    const cached = introspectionCache.get(key);
    if (cached && cached.until > Date.now()) return cached.info;
    if (cached) introspectionCache.delete(key);
    for (const issuer of introspectors) {
      const result = await introspectAt(issuer, token, timeoutMs);
      if (!result || result.active !== true) continue;
      const now = Date.now() / 1000;
      if (typeof result.exp !== 'number' || result.exp + tolerance < now) continue;
      if (typeof result.nbf === 'number' && result.nbf - tolerance > now) continue;
      if (result.iss !== undefined && result.iss !== issuer.config.issuer) continue;
      const aud = typeof result.aud === 'string' ? [result.aud] : Array.isArray(result.aud) ? result.aud : [];
      if (!aud.some((a) => audiences.includes(a))) continue;
      const info = toInfo(issuer.config.issuer, result);
      if (introspectionCache.size >= INTROSPECTION_CACHE_LIMIT) introspectionCache.clear();
      introspectionCache.set(key, { info, until: Math.min(Date.now() + INTROSPECTION_CACHE_MS, result.exp * 1000) });
      return info;
    }
    throw invalidToken('the token is not active');
  };

  return async (authorization) => {
    const token = bearerToken(authorization);
    const isJws = token.split('.').length === 3;
    return isJws ? verifyJws(token) : introspect(token);
  };
}

/** The token of a single `Authorization: Bearer …` header. */
function bearerToken(authorization: string | string[] | undefined): string {
  if (authorization === undefined || authorization === '') {
    const err = new VoileError('UNAUTHENTICATED', 'A bearer access token is required');
    missingTokenErrors.add(err);
    throw err;
  }
  if (Array.isArray(authorization)) throw invalidToken('only one Authorization header is allowed');
  const match = /^Bearer +(\S+)$/i.exec(authorization);
  if (!match) throw invalidToken('the Authorization header must use the Bearer scheme');
  const token = match[1] as string;
  if (token.length > MAX_TOKEN_LENGTH || !B64TOKEN.test(token)) throw invalidToken('the token is malformed');
  return token;
}

async function introspectAt(issuer: TrustedIssuer, token: string, timeoutMs: number): Promise<JWTPayload & { active?: unknown } | undefined> {
  const settings = issuer.config.introspection as NonNullable<IssuerConfig['introspection']>;
  const endpoint = settings.endpoint ?? (await issuer.metadata()).introspection_endpoint;
  if (!endpoint) throw new VoileError('UPSTREAM_UNAVAILABLE', 'The authorization server could not be reached');
  const secret = settings.clientSecretEnv ? process.env[settings.clientSecretEnv] : settings.clientSecret;
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' };
  // RFC 6749 §2.3.1: both parts form-urlencoded before Basic encoding.
  if (secret !== undefined) headers.authorization = `Basic ${Buffer.from(`${formEncode(settings.clientId)}:${formEncode(secret)}`).toString('base64')}`;
  const body = new URLSearchParams({ token, token_type_hint: 'access_token' });
  if (secret === undefined) body.set('client_id', settings.clientId);
  let response: Response;
  try {
    response = await fetch(endpoint, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
  } catch (err) {
    throw new VoileError('UPSTREAM_UNAVAILABLE', 'The authorization server could not be reached', { cause: err });
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new VoileError('UPSTREAM_UNAVAILABLE', 'The authorization server could not be reached');
  }
  try {
    const parsed = (await response.json()) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as JWTPayload & { active?: unknown }) : undefined;
  } catch {
    return undefined;
  }
}

function formEncode(value: string): string {
  return encodeURIComponent(value).replace(/%20/g, '+');
}

function mapJoseError(err: unknown): VoileError {
  if (isVoileError(err)) return err;
  if (err instanceof joseErrors.JWTExpired) return invalidToken('the token has expired');
  if (err instanceof joseErrors.JWTClaimValidationFailed) return invalidToken(`the token ${claimName(err.claim)} is not accepted`);
  if (err instanceof joseErrors.JWKSNoMatchingKey || err instanceof joseErrors.JWKSMultipleMatchingKeys) return invalidToken('the token signing key is not known');
  if (err instanceof joseErrors.JWSSignatureVerificationFailed) return invalidToken('the token signature is not valid');
  if (err instanceof joseErrors.JOSEAlgNotAllowed || err instanceof joseErrors.JOSENotSupported) return invalidToken('the token algorithm is not accepted');
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSInvalid) {
    return new VoileError('UPSTREAM_UNAVAILABLE', 'The authorization server could not be reached');
  }
  if (err instanceof joseErrors.JOSEError) return invalidToken('the token is not valid');
  // fetch failures of the JWKS surface as plain errors
  return new VoileError('UPSTREAM_UNAVAILABLE', 'The authorization server could not be reached', { cause: err });
}

/** Only claim names Voile checks appear in a message; never a claim value. */
function claimName(claim: string): string {
  return ['iss', 'aud', 'exp', 'nbf', 'iat', 'sub'].includes(claim) ? `"${claim}" claim` : 'claims';
}

/** jose errors are not kept as causes: some carry the token's claims, which must not reach logs. */
function invalidToken(reason: string): VoileError {
  return new VoileError('UNAUTHENTICATED', 'The access token is not valid', { detail: reason });
}

import { createHash } from 'node:crypto';
import type { Principal } from './principal.js';

/**
 * Principals of recently validated bearer tokens, so that a partner's next requests with the same
 * token skip signature verification (an RS256/ES256 check is tens of µs), policy binding and scope
 * parsing — and get the same Principal object, which the per-principal caches of src/fhir/access.ts
 * (parsed scopes, readable types) are keyed by.
 *
 * Keyed by the SHA-256 of the whole Authorization header (tokens themselves are not kept). An entry
 * lives at most `ttlMs` (60 s) and never past the token's `exp` (without the clock tolerance a full
 * validation would grant). Only tokens that were fully accepted are cached; a refusal is never
 * remembered. Revocation: a JWS is checked locally and is never revoked before `exp` anyway; a key
 * withdrawn from the issuer's JWKS, or an introspected token made inactive, stops being accepted
 * within the TTL — the same delay the introspection cache already gives. Bounded: past `limit`
 * entries the oldest goes.
 */
export class PrincipalCache {
  readonly #entries = new Map<string, { readonly principal: Principal; readonly until: number }>();
  readonly #ttlMs: number;
  readonly #limit: number;

  constructor(options: { ttlMs?: number; limit?: number } = {}) {
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#limit = options.limit ?? 10_000;
  }

  /** The cache key of an Authorization header value. */
  static keyOf(authorization: string): string {
    return createHash('sha256').update(authorization).digest('base64url');
  }

  get(key: string, now = Date.now()): Principal | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.until > now) return entry.principal;
    this.#entries.delete(key);
    return undefined;
  }

  /** Remembers a principal until min(now + TTL, `expSeconds`); not at all without a numeric `exp`. */
  set(key: string, principal: Principal, expSeconds: unknown, now = Date.now()): void {
    if (typeof expSeconds !== 'number' || !Number.isFinite(expSeconds)) return;
    const until = Math.min(now + this.#ttlMs, expSeconds * 1000);
    if (until <= now) return;
    if (this.#entries.size >= this.#limit && !this.#entries.has(key)) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
    this.#entries.set(key, { principal, until });
  }

  get size(): number {
    return this.#entries.size;
  }
}

import type { Principal } from '../auth/principal.js';
import { VoileError } from '../errors.js';
import type { FhirUpstream } from '../upstream/fhir-upstream.js';

/**
 * Paging cursors. An upstream paging link holds real ids and the upstream's address, so the
 * client gets instead an opaque token: the link's path under the upstream base, sealed (AEAD) by
 * the policy's identity, bound to the caller and expiring. On use it is opened, bound again to
 * the caller, and re-checked against the upstream base, so a cursor can never point anywhere else.
 */
interface CursorValue {
  /** Upstream path and query relative to the FHIR base, e.g. `Observation?_count=10&_offset=10`. */
  readonly q: string;
}

export function cursorAudience(principal: Principal): string {
  return JSON.stringify(['fhir-page', principal.clientId, principal.policy.name, principal.patientId ?? null]);
}

/** A sealed cursor for an upstream paging URL, or undefined when that URL is not under the base. */
export function sealCursor(principal: Principal, upstream: FhirUpstream, upstreamUrl: string, ttlSeconds: number): string | undefined {
  const q = upstream.relativize(upstreamUrl);
  if (q === undefined) return undefined;
  const value: CursorValue = { q };
  return principal.policy.identity.seal(value, ttlSeconds, cursorAudience(principal));
}

/** The upstream path a cursor designates. Forged, foreign, expired or escaping cursors → 400. */
export function openCursor(principal: Principal, upstream: FhirUpstream, token: string): { path: string; resourceType: string | undefined } {
  const invalid = new VoileError('INVALID_CURSOR', 'The paging cursor is invalid or expired');
  if (!/^[A-Za-z0-9_-]{16,4096}$/.test(token)) throw invalid;
  const value = principal.policy.identity.unseal(token, cursorAudience(principal)) as Partial<CursorValue> | undefined;
  if (typeof value?.q !== 'string' || upstream.resolve(value.q) === undefined) throw invalid;
  const resourceType = /^([A-Z][A-Za-z]+)(?:[/?]|$)/.exec(value.q)?.[1];
  if (resourceType === undefined && !value.q.startsWith('?')) throw invalid;
  return { path: value.q, resourceType };
}

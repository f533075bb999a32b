import type { Resource } from '@medplum/fhirtypes';
import { canReadType as scopesGrantType, canSearch, filterReadable } from '../auth/access.js';
import type { Principal } from '../auth/principal.js';
import { parseScopes, type ResourceScope } from '../auth/scopes.js';
import { VoileError } from '../errors.js';

/**
 * What a caller may receive: resource types its profile releases AND its SMART scopes grant
 * (scope semantics — v1/v2, granular restrictions, patient compartments — live in src/auth/access.ts;
 * this file applies them to the proxy's interactions). Checked on what is asked, before any
 * upstream call, and again on what comes back, before anonymization while real ids are at hand.
 */
/** Scopes parsed once per principal (checked for every Bundle entry). */
const parsedScopes = new WeakMap<Principal, readonly ResourceScope[]>();

function scopesOf(principal: Principal): readonly ResourceScope[] {
  let scopes = parsedScopes.get(principal);
  if (!scopes) {
    scopes = parseScopes(principal.scopes);
    parsedScopes.set(principal, scopes);
  }
  return scopes;
}

export function isReleasedByProfile(principal: Principal, resourceType: string): boolean {
  const released = principal.policy.fhir.resourceTypes;
  return released === undefined || released.has(resourceType);
}

/** Answers of canReadType per principal (asked twice per Bundle entry); bounded per principal. */
const readableTypes = new WeakMap<Principal, Map<string, boolean>>();
const MAX_TYPES_REMEMBERED = 512;

/** May this caller receive resources of this type at all (any entry point)? */
export function canReadType(principal: Principal, resourceType: string): boolean {
  let known = readableTypes.get(principal);
  if (!known) {
    known = new Map();
    readableTypes.set(principal, known);
  }
  let readable = known.get(resourceType);
  if (readable === undefined) {
    readable =
      isReleasedByProfile(principal, resourceType) &&
      (scopesGrantType(scopesOf(principal), resourceType, 'r') || scopesGrantType(scopesOf(principal), resourceType, 's'));
    if (known.size < MAX_TYPES_REMEMBERED) known.set(resourceType, readable);
  }
  return readable;
}

/** A read/vread/operation on one resource: the profile must release the type, a scope grant `r`. */
export function requireReadAccess(principal: Principal, resourceType: string): void {
  if (!isReleasedByProfile(principal, resourceType)) throw notAvailable();
  if (!scopesGrantType(scopesOf(principal), resourceType, 'r')) {
    throw new VoileError('INSUFFICIENT_SCOPE', 'The access token does not grant reading this resource type');
  }
}

/**
 * A search: the profile must release the type and the scopes grant this search with these
 * parameters. Returns the real id of the patient the search must be confined to when only
 * patient-level scopes grant it.
 */
export function requireSearchAccess(principal: Principal, resourceType: string, params: readonly (readonly [string, string])[]): string | undefined {
  if (!isReleasedByProfile(principal, resourceType)) throw notAvailable();
  const decision = canSearch(scopesOf(principal), resourceType, params);
  if (!decision.allowed) {
    throw new VoileError('INSUFFICIENT_SCOPE', 'The access token does not grant this search', { detail: decision.reason });
  }
  if (!decision.patientCompartmentOnly) return undefined;
  if (principal.patientId === undefined) throw new VoileError('INSUFFICIENT_SCOPE', 'Patient-level scopes need a patient in the token');
  return principal.patientId;
}

/**
 * Removes from an upstream document (a resource or a Bundle, entries and contained resources)
 * everything the scopes do not grant, including resources outside a patient-level caller's
 * compartment. undefined when nothing may leave.
 */
export function withholdUnreadable<T extends Resource>(principal: Principal, body: T): T | undefined {
  const context = principal.patientId === undefined ? {} : { patientId: principal.patientId };
  return filterReadable(scopesOf(principal), body, context).value;
}

function notAvailable(): VoileError {
  return new VoileError('FORBIDDEN', 'This resource type is not available to this client');
}

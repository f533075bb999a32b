import type { Principal } from '../auth/principal.js';

/**
 * Which resource types a caller may receive: those its profile releases AND its SMART scopes grant
 * for reading. Applied to what is asked (before any upstream call) and to what comes back (every
 * Bundle entry, `_include`, `$everything`, contained resources).
 */
export function canReadType(principal: Principal, resourceType: string): boolean {
  const released = principal.policy.fhir.resourceTypes;
  if (released !== undefined && !released.has(resourceType)) return false;
  return principal.scopes.some((scope) => scopeGrantsRead(scope, resourceType));
}

const SCOPE = /^(patient|user|system)\/(\*|[A-Z][A-Za-z]+)\.(\*|read|[cruds]+)$/;

/**
 * SMART v1 (`.read`, `.*`) and v2 (`.rs`, `.cruds`) resource scopes. Granular v2 scopes
 * (`Observation.rs?category=…`) grant nothing here: their restriction is not enforced by the
 * proxy yet, so honouring them would release more than the scope says (fail closed).
 */
export function scopeGrantsRead(scope: string, resourceType: string): boolean {
  const m = SCOPE.exec(scope);
  if (!m) return false;
  const [, , type, access] = m;
  if (type !== '*' && type !== resourceType) return false;
  if (access === '*' || access === 'read') return true;
  return access!.includes('r') || access!.includes('s');
}

/**
 * SMART App Launch v2 scope syntax, parsed once into plain data.
 *
 *   scope      = context "/" type "." permissions [ "?" query ]
 *   context    = "patient" | "user" | "system"
 *   type       = a FHIR resource type | "*"
 *   permissions= the letters of "cruds" in that order (v2) | "read" | "write" | "*" (v1)
 *
 * Anything else (`openid`, `launch`, `offline_access`, vendor scopes) grants no FHIR access and is
 * ignored here. Unknown or malformed resource scopes are ignored too: they grant nothing.
 */

export type ScopeContext = 'patient' | 'user' | 'system';
export type Permission = 'c' | 'r' | 'u' | 'd' | 's';

export interface ResourceScope {
  readonly context: ScopeContext;
  /** A FHIR resource type, or '*' for every type. */
  readonly resourceType: string;
  readonly permissions: ReadonlySet<Permission>;
  /** Granular restriction (`?category=vital-signs`): every pair must match. Empty when unrestricted. */
  readonly params: readonly (readonly [string, string])[];
  /** The scope in v2 syntax (v1 permissions normalised). */
  readonly normalized: string;
}

const SCOPE_RE = /^(patient|user|system)\/([A-Za-z]+|\*)\.([a-z*]+)(?:\?(.*))?$/;
const V2_ORDER = 'cruds';
const V1_PERMISSIONS: Readonly<Record<string, string>> = { read: 'rs', write: 'cud', '*': 'cruds' };

/** Parses one scope string; undefined when it is not a FHIR resource scope. */
export function parseScope(scope: string): ResourceScope | undefined {
  const match = SCOPE_RE.exec(scope);
  if (!match) return undefined;
  const [, context, resourceType, rawPermissions, query] = match as unknown as [string, ScopeContext, string, string, string | undefined];
  const letters = V1_PERMISSIONS[rawPermissions] ?? rawPermissions;
  if (!isOrderedSubsequence(letters, V2_ORDER)) return undefined;
  // v1 scopes never carry a query; a query on one is malformed rather than a restriction to ignore.
  if (query !== undefined && V1_PERMISSIONS[rawPermissions] !== undefined) return undefined;
  const params = query === undefined ? [] : parseGranularQuery(query);
  if (params === undefined) return undefined;
  const permissions = new Set(letters.split('') as Permission[]);
  const normalized = `${context}/${resourceType}.${letters}${query === undefined ? '' : `?${query}`}`;
  return { context, resourceType, permissions, params, normalized };
}

/** Parses the scopes of a token (space-separated string or array), keeping only resource scopes. */
export function parseScopes(scopes: string | readonly string[]): ResourceScope[] {
  const list = typeof scopes === 'string' ? scopes.split(' ') : scopes;
  const parsed: ResourceScope[] = [];
  for (const s of list) {
    const scope = parseScope(s);
    if (scope) parsed.push(scope);
  }
  return parsed;
}

/** The scope list as the Principal carries it: resource scopes in v2 syntax, others unchanged. */
export function normalizeScopes(scopes: string | readonly string[]): string[] {
  const list = typeof scopes === 'string' ? scopes.split(' ') : scopes;
  const out: string[] = [];
  for (const s of list) {
    if (s === '') continue;
    const normalized = parseScope(s)?.normalized ?? s;
    if (!out.includes(normalized)) out.push(normalized);
  }
  return out;
}

/** Whether `scope` applies to `resourceType` with `permission`, ignoring its granular params. */
export function scopeAllows(scope: ResourceScope, resourceType: string, permission: Permission): boolean {
  return (scope.resourceType === '*' || scope.resourceType === resourceType) && scope.permissions.has(permission);
}

/**
 * Whether a granted scope covers a required one entirely: same context, same or wildcard type, every
 * required permission, and no granular restriction the required scope lacks.
 */
export function scopeCovers(granted: ResourceScope, required: ResourceScope): boolean {
  if (granted.context !== required.context) return false;
  if (granted.resourceType !== '*' && granted.resourceType !== required.resourceType) return false;
  for (const p of required.permissions) if (!granted.permissions.has(p)) return false;
  return granted.params.every(([k, v]) => required.params.some(([rk, rv]) => rk === k && rv === v));
}

function isOrderedSubsequence(letters: string, order: string): boolean {
  if (letters.length === 0) return false;
  let last = -1;
  for (const ch of letters) {
    const at = order.indexOf(ch);
    if (at <= last) return false;
    last = at;
  }
  return true;
}

function parseGranularQuery(query: string): [string, string][] | undefined {
  if (query === '') return undefined;
  const params: [string, string][] = [];
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq <= 0) return undefined;
    let name: string;
    let value: string;
    try {
      name = decodeURIComponent(part.slice(0, eq));
      value = decodeURIComponent(part.slice(eq + 1).replace(/\+/g, ' '));
    } catch {
      return undefined;
    }
    // A restriction must be a plain parameter: chains, modifiers and result parameters in a
    // scope would make its meaning depend on the server, so such a scope grants nothing.
    if (!/^[a-z][a-z0-9-]*$/i.test(name) || value === '') return undefined;
    params.push([name, value]);
  }
  return params;
}

import type { Resource } from '@medplum/fhirtypes';
import { inPatientCompartment, matchesParams, searchParameter } from './fhir-search.js';
import { parseScope, parseScopes, scopeAllows, scopeCovers, type Permission, type ResourceScope } from './scopes.js';

/**
 * Scope enforcement as pure functions. They run twice per request: `canSearch` / `canReadType`
 * before anything is fetched, and `canRead` / `filterReadable` on what the upstream returned (before
 * anonymization, while real ids are at hand), so a type or a resource the scopes do not grant never
 * leaves — whichever way it came (search match, `_include`, `_revinclude`, `$everything`,
 * `contained`, nested Bundle).
 */

export type Scopes = string | readonly string[] | readonly ResourceScope[];

export interface AccessContext {
  /** Real id of the patient that patient-level scopes are bound to; without it they grant nothing. */
  readonly patientId?: string;
}

export type SearchDecision =
  | {
      readonly allowed: true;
      /**
       * True when only patient-level scopes grant this search: the caller must restrict it to the
       * patient's compartment (e.g. search `Patient/{id}/{type}` upstream); results are filtered anyway.
       */
      readonly patientCompartmentOnly: boolean;
    }
  | { readonly allowed: false; readonly reason: string };

/** Search parameters no scope can bound: their reach is not expressible as resource types. */
const REFUSED_PARAMETERS: ReadonlySet<string> = new Set(['_filter', '_text', '_content', '_query', '_list', '_contained', '_containedType']);

export type SearchParams = URLSearchParams | Readonly<Record<string, string | readonly string[] | undefined>> | readonly (readonly [string, string])[];

/** May these scopes run a search on `resourceType` with `params` (names as sent, modifiers included)? */
export function canSearch(scopes: Scopes, resourceType: string, params: SearchParams = []): SearchDecision {
  const granted = toScopes(scopes);
  const pairs = toPairs(params);
  const covering = granted.filter((s) => scopeAllows(s, resourceType, 's'));
  if (covering.length === 0) return deny(`search on ${safeType(resourceType)} is not granted`);

  // A granular scope grants only searches that carry its restriction verbatim; the restriction is
  // enforced again on the results by canRead.
  const usable = covering.filter((s) => s.params.every(([k, v]) => pairs.some(([pk, pv]) => pk === k && pv === v)));
  if (usable.length === 0) return deny(`search on ${safeType(resourceType)} is granted only with a narrower restriction`);

  for (const [name, value] of pairs) {
    const refusal = checkParameter(granted, resourceType, name, value);
    if (refusal) return deny(refusal);
  }
  return { allowed: true, patientCompartmentOnly: usable.every((s) => s.context === 'patient') };
}

/** May these scopes use `permission` on `resourceType` at all (read by id, operations)? */
export function canReadType(scopes: Scopes, resourceType: string, permission: Permission = 'r'): boolean {
  return toScopes(scopes).some((s) => scopeAllows(s, resourceType, permission));
}

/**
 * May this resource leave the gateway? A scope granting `r` or `s` on its type must also hold its
 * granular restriction and, for patient-level scopes, the patient compartment.
 */
export function canRead(scopes: Scopes, resource: Resource, context: AccessContext = {}): boolean {
  if (!resource || typeof resource.resourceType !== 'string') return false;
  return toScopes(scopes).some((scope) => {
    if (!scopeAllows(scope, resource.resourceType, 'r') && !scopeAllows(scope, resource.resourceType, 's')) return false;
    if (!matchesParams(resource, scope.params)) return false;
    if (scope.context !== 'patient') return true;
    return context.patientId !== undefined && inPatientCompartment(resource, context.patientId);
  });
}

export interface FilterResult<T> {
  /** What may leave, or undefined when nothing may (a single resource the scopes do not grant). */
  readonly value: T | undefined;
  /** How many resources (entries or contained) were withheld. */
  readonly withheld: number;
}

/**
 * Removes what the scopes do not grant from a resource or a Bundle: Bundle entries (recursively),
 * and contained resources of a type not granted. A Bundle itself is a container, not data: it stays.
 */
export function filterReadable<T extends Resource>(scopes: Scopes, body: T, context: AccessContext = {}): FilterResult<T> {
  const granted = toScopes(scopes);
  const counter = { withheld: 0 };
  const value = filterResource(granted, body, context, counter) as T | undefined;
  return { value, withheld: counter.withheld };
}

/** DICOMweb access: granted when the scopes cover the configured one (default `system/ImagingStudy.rs`). */
export function canAccessDicom(scopes: Scopes, requiredScope = 'system/ImagingStudy.rs'): boolean {
  const required = parseScope(requiredScope);
  if (!required) return false;
  return toScopes(scopes).some((s) => scopeCovers(s, required));
}

// ---- internals ---------------------------------------------------------------------------------

function filterResource(granted: readonly ResourceScope[], resource: Resource, context: AccessContext, counter: { withheld: number }): Resource | undefined {
  if (resource.resourceType === 'Bundle') {
    const entries = resource.entry ?? [];
    const kept = [];
    for (const entry of entries) {
      if (!entry.resource) {
        kept.push(entry);
        continue;
      }
      const inner = filterResource(granted, entry.resource, context, counter);
      if (inner) kept.push(inner === entry.resource ? entry : { ...entry, resource: inner });
    }
    if (kept.length === entries.length) return resource;
    return { ...resource, entry: kept };
  }
  if (!canRead(granted, resource, context)) {
    counter.withheld += 1;
    return undefined;
  }
  const contained = (resource as { contained?: Resource[] }).contained;
  if (!contained || contained.length === 0) return resource;
  // Contained resources live inside their parent's compartment; their type and granular
  // restrictions still apply.
  const keptContained = contained.filter((c) => {
    const ok = granted.some((s) => (scopeAllows(s, c.resourceType, 'r') || scopeAllows(s, c.resourceType, 's')) && matchesParams(c, s.params));
    if (!ok) counter.withheld += 1;
    return ok;
  });
  if (keptContained.length === contained.length) return resource;
  const copy = { ...resource } as Resource & { contained?: Resource[] };
  if (keptContained.length === 0) delete copy.contained;
  else copy.contained = keptContained;
  return copy;
}

function checkParameter(granted: readonly ResourceScope[], resourceType: string, name: string, value: string): string | undefined {
  const base = name.split(':')[0] ?? name;
  if (REFUSED_PARAMETERS.has(base)) return `the ${base} parameter is not supported`;
  if (base === '_include') return checkInclude(granted, resourceType, name, value, 'include');
  if (base === '_revinclude') return checkInclude(granted, resourceType, name, value, 'revinclude');
  if (base === '_has') return checkHas(granted, name);
  if (name.includes('.')) return checkChain(granted, resourceType, name);
  return undefined;
}

/** `_include=Source:param[:Target]`, `_revinclude=Source:param[:Target]`, `*`, with :iterate. */
function checkInclude(granted: readonly ResourceScope[], resourceType: string, name: string, value: string, kind: 'include' | 'revinclude'): string | undefined {
  const modifier = name.split(':')[1];
  if (modifier !== undefined && modifier !== 'iterate' && modifier !== 'recurse') return `the _${kind} modifier is not supported`;
  const parts = value.split(':');
  if (value === '*' || parts.length < 2 || parts.length > 3 || parts.some((p) => p === '' || p === '*')) {
    return `_${kind} must name a source type, a parameter and be explicit`;
  }
  const [source, param, target] = parts as [string, string, string | undefined];
  const iterate = modifier !== undefined;
  if (kind === 'include') {
    if (!iterate && source !== resourceType) return `_include must start from the searched type`;
    if (!canReadType(granted, source, 'r') && !canReadType(granted, source, 's')) return `_include from ${safeType(source)} is not granted`;
    const known = referenceTargets(source, param);
    if (known === undefined) return `_include names an unknown parameter`;
    const readable = (t: string) => canReadType(granted, t, 'r') || canReadType(granted, t, 's');
    // An explicit target must be granted. Without one, the parameter must reach at least one
    // granted type; included resources of other types are withheld from the results (canRead).
    if (target !== undefined) return readable(target) ? undefined : `_include of ${safeType(target)} is not granted`;
    return known.some(readable) ? undefined : `_include reaches no granted resource type`;
  }
  if (referenceTargets(source, param) === undefined) return `_revinclude names an unknown parameter`;
  if (!canReadType(granted, source, 's') && !canReadType(granted, source, 'r')) return `_revinclude of ${safeType(source)} is not granted`;
  return undefined;
}

/** `_has:Type:refParam:param=value`, possibly nested: every type reached must be searchable. */
function checkHas(granted: readonly ResourceScope[], name: string): string | undefined {
  const parts = name.split(':');
  // _has : Type : ref : (param | _has : Type : ref : ...)
  for (let i = 0; i + 3 <= parts.length && parts[i] === '_has'; i += 3) {
    const type = parts[i + 1];
    if (!type || !/^[A-Z][A-Za-z]+$/.test(type)) return '_has must name a resource type';
    if (!canReadType(granted, type, 's')) return `_has on ${safeType(type)} is not granted`;
  }
  if (parts.length < 4) return '_has must name a type, a reference and a parameter';
  return undefined;
}

/** `subject:Patient.name`, `subject.name`, `general-practitioner:Practitioner.organization.name`. */
function checkChain(granted: readonly ResourceScope[], resourceType: string, name: string): string | undefined {
  const links = name.split('.');
  let current = resourceType;
  for (let i = 0; i < links.length - 1; i++) {
    const [param, explicitType, ...rest] = (links[i] ?? '').split(':');
    if (!param || rest.length > 0) return 'chained parameters must be of the form param[:Type].param';
    const targets = explicitType !== undefined ? [explicitType] : referenceTargets(current, param);
    if (targets === undefined || targets.length !== 1) return 'chained parameters must name the target type (param:Type.param)';
    const target = targets[0] as string;
    if (explicitType !== undefined) {
      const known = referenceTargets(current, param);
      if (known === undefined || !known.includes(target)) return 'chained parameters must follow a reference parameter';
    }
    if (!canReadType(granted, target, 's')) return `chained search through ${safeType(target)} is not granted`;
    current = target;
  }
  return undefined;
}

/** Target types of a reference search parameter, or undefined when it is not one. */
function referenceTargets(resourceType: string, code: string): readonly string[] | undefined {
  const definition = searchParameter(resourceType, code);
  if (!definition || definition.type !== 'reference') return undefined;
  return definition.target ?? [];
}

/** A principal's scope list is one array for the life of its token: parse it once. */
const parsedLists = new WeakMap<readonly string[], readonly ResourceScope[]>();

function toScopes(scopes: Scopes): readonly ResourceScope[] {
  if (typeof scopes === 'string') return parseScopes(scopes);
  if (scopes.length > 0 && typeof scopes[0] !== 'string') return scopes as readonly ResourceScope[];
  const list = scopes as readonly string[];
  let parsed = parsedLists.get(list);
  if (!parsed) {
    parsed = parseScopes(list);
    // Only frozen lists are cached: a mutable array could change under the cache.
    if (Object.isFrozen(list)) parsedLists.set(list, parsed);
  }
  return parsed;
}

function toPairs(params: SearchParams): (readonly [string, string])[] {
  if (params instanceof URLSearchParams) return [...params.entries()];
  if (Array.isArray(params)) return params as (readonly [string, string])[];
  const pairs: [string, string][] = [];
  for (const [k, v] of Object.entries(params as Record<string, string | readonly string[] | undefined>)) {
    if (v === undefined) continue;
    if (typeof v === 'string') pairs.push([k, v]);
    else for (const item of v) pairs.push([k, item]);
  }
  return pairs;
}

/** Resource type names are Voile-validated before they appear in a message (never a data value). */
function safeType(type: string): string {
  return /^[A-Z][A-Za-z]{0,63}$/.test(type) ? type : 'this type';
}

function deny(reason: string): SearchDecision {
  return { allowed: false, reason };
}

import { VoileError } from '../errors.js';
import type { Identity } from '../identity/index.js';
import type { Policy } from '../policy/types.js';
import { isResourceTypeName, searchParamInfo, type SearchParamInfo } from './definitions.js';
import { translateDateValues } from './date-params.js';
import { joinValues, paramName, type ParsedSearch, type SearchParam } from './search-query.js';

/**
 * The search guard: decides whether a parsed search may reach the upstream, and rewrites it into
 * the upstream's terms (pseudonyms → real ids, shown dates → real dates). It is plain logic over
 * plain data; the routes only call `guardSearch` and forward its query.
 */
export interface GuardContext {
  readonly policy: Policy;
  readonly identity: Identity;
  /** May the caller receive resources of this type (profile + scopes)? */
  readonly canRead: (resourceType: string) => boolean;
  /**
   * The caller's scope check, run once the parameters themselves passed (so a refused parameter is
   * a 400 whatever the scopes): throws when the scopes refuse the search, returns the real id of
   * the patient it must be confined to when only patient-level scopes grant it.
   */
  readonly checkAccess?: () => string | undefined;
  readonly defaultCount: number;
  readonly maxCount: number;
}

export type GuardedSearch =
  /** Forward this query to `${resourceType}?${query}`. */
  | { readonly kind: 'upstream'; readonly query: URLSearchParams }
  /** The answer is known to be empty (e.g. an unknown pseudonym): no upstream call. */
  | { readonly kind: 'empty' };

/** Parameters that single out a person by what identifies them. Refused unless the policy allows them. */
const IDENTITY_PROBING = new Set(['name', 'family', 'given', 'phonetic', 'birthdate', 'telecom', 'phone', 'email', 'identifier']);
/** Free-text and cross-resource constructs that can probe anything the profile hides. */
const PROBING_CONSTRUCTS = new Set(['_has', '_filter', '_text', '_content', '_query', '_list']);
/** Parameters whose single Patient value scopes a search to one patient's compartment. */
const COMPARTMENT_PARAMS = new Set(['patient', 'subject']);
const MODIFIERS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  token: ['missing', 'not', 'in', 'not-in', 'below', 'above'],
  string: ['missing', 'exact', 'contains'],
  uri: ['missing', 'below', 'above'],
};
const URL_LIKE = /[A-Za-z][A-Za-z0-9+.-]*:\/\/|^\/\//;
/** Types whose values may legitimately be URIs (code systems, units, canonical URLs); they are never fetched. */
const URI_VALUED_TYPES = new Set(['token', 'quantity', 'uri']);

export async function guardSearch(search: ParsedSearch, ctx: GuardContext): Promise<GuardedSearch> {
  const type = search.resourceType;
  const out = new URLSearchParams();
  let count = ctx.defaultCount;
  const datesToShift: SearchParam[] = [];
  const sortParams: SearchParam[] = [];
  const scopedPatients = new Set<string>();
  let empty = false;

  for (const p of search.params) {
    if (isControl(p.code)) {
      if (p.code === '_count') count = parseCount(p, ctx.maxCount);
      else if (p.code === '_sort') sortParams.push(p);
      else applyControl(p, type, ctx, out);
      continue;
    }
    if (p.chain !== undefined || PROBING_CONSTRUCTS.has(p.code)) {
      requireIdentitySearch(p, ctx.policy, p.has !== undefined ? '_has' : paramName(p));
      refuseUrls(p);
      out.append(paramName(p), joinValues(p.values));
      continue;
    }
    const info = searchParamInfo(type, p.code);
    if (!info) throw new VoileError('SEARCH_PARAM_REFUSED', 'Unknown search parameter for this resource type');
    if (isIdentityProbing(p.code)) requireIdentitySearch(p, ctx.policy, p.code);
    if (!isAllowlisted(ctx.policy, type, p.code)) {
      throw new VoileError('SEARCH_PARAM_REFUSED', 'This search parameter is not allowed by the policy', { detail: `parameter ${p.code}` });
    }
    if (!URI_VALUED_TYPES.has(info.type)) refuseUrls(p);
    checkModifier(p, info);
    if (p.modifier === 'missing') {
      if (p.values.length !== 1 || !/^(true|false)$/.test(p.values[0]!)) {
        throw new VoileError('BAD_REQUEST', 'The :missing modifier takes true or false', { detail: `parameter ${p.code}` });
      }
      out.append(paramName(p), p.values[0]!);
      continue;
    }
    if (p.code === '_id') {
      const real = await resolveAll(p.values, (v) => ctx.identity.resolveId(type, v));
      if (real.length === 0) empty = true;
      if (type === 'Patient' && real.length === 1) scopedPatients.add(real[0]!);
      out.append('_id', joinValues(real));
    } else if (info.type === 'reference') {
      const refs = await resolveAll(p.values, (v) => translateReference(v, p, info, ctx.identity));
      if (refs.length === 0) empty = true;
      if (COMPARTMENT_PARAMS.has(p.code) && refs.length === 1 && refs[0]!.type === 'Patient') scopedPatients.add(refs[0]!.id);
      const typedModifier = p.modifier !== undefined && isResourceTypeName(p.modifier);
      out.append(paramName(p), joinValues(refs.map((r) => (typedModifier ? r.id : `${r.type}/${r.id}`))));
    } else if (info.type === 'date') {
      datesToShift.push(p);
    } else {
      out.append(paramName(p), joinValues(p.values));
    }
  }

  const confinedTo = ctx.checkAccess?.();
  if (confinedTo !== undefined) {
    restrictToPatient(type, confinedTo, out);
    scopedPatients.add(confinedTo);
  }
  const scope = scopedPatients.size === 1 ? [...scopedPatients][0]! : undefined;
  for (const param of datesToShift) {
    if (scope === undefined) throw dateNeedsScope();
    for (const value of translateDateValues(param.values, ctx.identity.dateShiftDays(scope))) out.append(paramName(param), value);
  }
  if (sortParams.length > 0) out.append('_sort', sortParams.flatMap((p) => checkSort(p, type, ctx, scope !== undefined)).join(','));
  out.set('_count', String(count));
  return empty ? { kind: 'empty' } : { kind: 'upstream', query: out };
}

/** `$everything` takes few parameters: `_count`, `_type`, and dates (shifted by that patient's offset). */
export function guardEverything(params: ParsedSearch['params'], realPatientId: string, ctx: GuardContext): URLSearchParams {
  const out = new URLSearchParams();
  let count = ctx.defaultCount;
  for (const p of params) {
    if (p.modifier !== undefined || p.chain !== undefined) throw new VoileError('SEARCH_PARAM_REFUSED', 'Modifiers are not supported on $everything');
    switch (p.code) {
      case '_count':
        count = parseCount(p, ctx.maxCount);
        break;
      case '_type': {
        const types = p.values.filter((t) => isResourceTypeName(t));
        if (types.length !== p.values.length) throw new VoileError('BAD_REQUEST', '_type lists an unknown resource type');
        const readable = types.filter((t) => ctx.canRead(t));
        if (readable.length === 0) throw new VoileError('FORBIDDEN', 'None of the requested resource types is available to this client');
        out.append('_type', readable.join(','));
        break;
      }
      case '_since':
      case 'start':
      case 'end':
        refuseUrls(p);
        for (const value of translateDateValues(p.values, ctx.identity.dateShiftDays(realPatientId), p.code !== '_since')) out.append(p.code, value);
        break;
      case '_format':
      case '_pretty':
        checkFormat(p);
        break;
      default:
        throw new VoileError('SEARCH_PARAM_REFUSED', 'This parameter is not supported on $everything');
    }
  }
  out.set('_count', String(count));
  return out;
}

/** Whether a caller of this policy may search `resourceType` by `code` (for the CapabilityStatement). */
export function isSearchParamAllowed(policy: Policy, resourceType: string, code: string): boolean {
  if (searchParamInfo(resourceType, code) === undefined || !isAllowlisted(policy, resourceType, code)) return false;
  return !isIdentityProbing(code) || allowsIdentitySearch(policy, code);
}

// ---- control parameters ---------------------------------------------------------------------

const CONTROL = new Set(['_count', '_sort', '_include', '_revinclude', '_summary', '_elements', '_total', '_format', '_pretty']);

function isControl(code: string): boolean {
  return CONTROL.has(code);
}

function parseCount(p: SearchParam, max: number): number {
  if (p.modifier !== undefined || p.values.length !== 1 || !/^\d{1,6}$/.test(p.values[0]!)) {
    throw new VoileError('BAD_REQUEST', '_count must be a non-negative integer');
  }
  return Math.min(Number(p.values[0]), max);
}

function applyControl(p: SearchParam, type: string, ctx: GuardContext, out: URLSearchParams): void {
  refuseUrls(p);
  switch (p.code) {
    case '_include':
    case '_revinclude':
      if (p.modifier !== undefined && p.modifier !== 'iterate' && p.modifier !== 'recurse') {
        throw new VoileError('SEARCH_PARAM_REFUSED', 'Unsupported modifier on an include parameter');
      }
      for (const v of p.values) checkInclude(v, p.code, p.modifier !== undefined, type, ctx);
      out.append(paramName(p), joinValues(p.values));
      return;
    case '_summary':
      if (p.modifier !== undefined || p.values.length !== 1 || !/^(true|false|text|data|count)$/.test(p.values[0]!)) {
        throw new VoileError('BAD_REQUEST', '_summary must be one of true, false, text, data, count');
      }
      out.append('_summary', p.values[0]!);
      return;
    case '_elements':
      if (p.modifier !== undefined || p.values.length > 64 || !p.values.every((v) => /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(v))) {
        throw new VoileError('BAD_REQUEST', '_elements must list element names');
      }
      out.append('_elements', joinValues(p.values));
      return;
    case '_total':
      if (p.modifier !== undefined || p.values.length !== 1 || !/^(none|estimate|accurate)$/.test(p.values[0]!)) {
        throw new VoileError('BAD_REQUEST', '_total must be one of none, estimate, accurate');
      }
      out.append('_total', p.values[0]!);
      return;
    default:
      checkFormat(p);
  }
}

/** Responses are always FHIR JSON; `_format` may only ask for that, `_pretty` is ignored. */
function checkFormat(p: SearchParam): void {
  if (p.code !== '_format') return;
  const ok = p.values.every((v) => /^(json|application\/json|application\/fhir\+json)(;.*)?$/.test(v));
  if (!ok) throw new VoileError('NOT_ACCEPTABLE', 'This gateway only returns FHIR JSON');
}

function checkInclude(value: string, code: string, iterate: boolean, type: string, ctx: GuardContext): void {
  const m = /^([A-Za-z]+):([a-z][a-z0-9-]*)(?::([A-Za-z]+))?$/.exec(value);
  if (!m) throw new VoileError('SEARCH_PARAM_REFUSED', `${code} must be Type:parameter[:Target]; wildcards are not supported`);
  const [, source, param, target] = m;
  if (!isResourceTypeName(source!) || (target !== undefined && !isResourceTypeName(target))) {
    throw new VoileError('SEARCH_PARAM_REFUSED', `${code} names an unknown resource type`);
  }
  if (code === '_include' && !iterate && source !== type) {
    throw new VoileError('SEARCH_PARAM_REFUSED', '_include must start from the searched resource type');
  }
  const info = searchParamInfo(source!, param!);
  if (info?.type !== 'reference') throw new VoileError('SEARCH_PARAM_REFUSED', `${code} must use a reference parameter`);
  const reached = code === '_include' ? (target === undefined ? info.targets : [target]) : [source!];
  if (target !== undefined && !info.targets.includes(target)) throw new VoileError('SEARCH_PARAM_REFUSED', `${code} target is not a target of its parameter`);
  if (!reached.some((t) => ctx.canRead(t))) {
    throw new VoileError('FORBIDDEN', `${code} reaches only resource types not available to this client`);
  }
}

function checkSort(p: SearchParam, type: string, ctx: GuardContext, scopedToOnePatient: boolean): string[] {
  if (p.modifier !== undefined) throw new VoileError('SEARCH_PARAM_REFUSED', 'Unsupported modifier on _sort');
  return p.values.map((v) => {
    const code = v.startsWith('-') ? v.slice(1) : v;
    const info = searchParamInfo(type, code);
    const allowed = info !== undefined && isAllowlisted(ctx.policy, type, code) && (!isIdentityProbing(code) || allowsIdentitySearch(ctx.policy, code));
    if (!allowed) throw new VoileError('SEARCH_PARAM_REFUSED', '_sort may only use search parameters the policy allows');
    if (info.type === 'date' && !scopedToOnePatient) throw dateNeedsScope();
    return v;
  });
}

// ---- ordinary parameters --------------------------------------------------------------------

function isIdentityProbing(code: string): boolean {
  return IDENTITY_PROBING.has(code) || code === 'address' || code.startsWith('address-');
}

function allowsIdentitySearch(policy: Policy, name: string): boolean {
  return policy.fhir?.allowIdentitySearch?.includes(name) ?? false;
}

function requireIdentitySearch(p: SearchParam, policy: Policy, name: string): void {
  if (allowsIdentitySearch(policy, name)) return;
  const what = p.chain !== undefined ? 'Chained search parameters' : PROBING_CONSTRUCTS.has(p.code) ? `${p.code}` : `Searching by ${p.code}`;
  throw new VoileError('SEARCH_PARAM_REFUSED', `${what} could identify a person and is not allowed by the policy`, {
    ...(p.chain === undefined && !PROBING_CONSTRUCTS.has(p.code) ? { detail: `parameter ${p.code}` } : {}),
  });
}

function isAllowlisted(policy: Policy, type: string, code: string): boolean {
  const lists = policy.fhir?.searchParameters ?? {};
  const allowed = [...(lists[type] ?? []), ...(lists['*'] ?? [])];
  return allowed.includes(code) || allowed.includes('*');
}

function checkModifier(p: SearchParam, info: SearchParamInfo): void {
  if (p.modifier === undefined || p.modifier === 'missing') return;
  if (p.code === '_id') throw new VoileError('SEARCH_PARAM_REFUSED', 'Unsupported modifier on _id');
  if (info.type === 'reference') {
    if (isResourceTypeName(p.modifier) && info.targets.includes(p.modifier)) return;
    if (p.modifier === 'identifier') throw new VoileError('SEARCH_PARAM_REFUSED', 'Searching references by identifier could identify a person and is not allowed');
    throw new VoileError('SEARCH_PARAM_REFUSED', 'Unsupported modifier on a reference parameter', { detail: `parameter ${p.code}` });
  }
  if (!(MODIFIERS_BY_TYPE[info.type] ?? []).includes(p.modifier)) {
    throw new VoileError('SEARCH_PARAM_REFUSED', 'Unsupported search modifier', { detail: `parameter ${p.code}` });
  }
}

function refuseUrls(p: SearchParam): void {
  if (p.values.some((v) => URL_LIKE.test(v))) {
    throw new VoileError('SEARCH_PARAM_REFUSED', 'Absolute URLs are not accepted in search parameter values; use Type/id references');
  }
}

async function translateReference(value: string, p: SearchParam, info: SearchParamInfo, identity: Identity): Promise<{ type: string; id: string } | undefined> {
  const typedModifier = p.modifier !== undefined && isResourceTypeName(p.modifier) ? p.modifier : undefined;
  const m = /^(?:([A-Z][A-Za-z]+)\/)?([A-Za-z0-9\-.]{1,64})$/.exec(value);
  if (!m) throw new VoileError('BAD_REQUEST', 'A reference search value must be Type/id or id', { detail: `parameter ${p.code}` });
  const [, explicitType, pseudo] = m;
  const type = explicitType ?? typedModifier;
  if (type !== undefined) {
    if (!isResourceTypeName(type) || (info.targets.length > 0 && !info.targets.includes(type))) return undefined;
    if (typedModifier !== undefined && typedModifier !== type) return undefined;
    const real = await identity.resolveId(type, pseudo!);
    return real === undefined ? undefined : { type, id: real };
  }
  // A bare id: a pseudonym's tag binds its type, so at most one target type resolves it.
  for (const target of info.targets) {
    const real = await identity.resolveId(target, pseudo!);
    if (real !== undefined) return { type: target, id: real };
  }
  return undefined;
}

async function resolveAll<T>(values: readonly string[], resolve: (v: string) => Promise<T | undefined>): Promise<T[]> {
  const resolved: (T | undefined)[] = await Promise.all(values.map(resolve));
  return resolved.filter((r): r is T => r !== undefined);
}

/** A patient-scoped caller only ever searches its own compartment. */
function restrictToPatient(type: string, realPatientId: string, out: URLSearchParams): void {
  if (type === 'Patient') {
    out.append('_id', realPatientId);
    return;
  }
  for (const code of ['patient', 'subject']) {
    const info = searchParamInfo(type, code);
    if (info?.type === 'reference' && info.targets.includes('Patient')) {
      out.append(code, `Patient/${realPatientId}`);
      return;
    }
  }
  throw new VoileError('FORBIDDEN', 'This resource type cannot be searched with a patient-level scope');
}

function dateNeedsScope(): VoileError {
  return new VoileError(
    'SEARCH_NOT_SUPPORTED',
    'Dates are shifted per patient, so a date search or sort is only answered when scoped to one patient (patient=, subject=Patient/… or Patient?_id=)',
  );
}

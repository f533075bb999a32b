import type { Principal } from '../auth/principal.js';
import { VoileError } from '../errors.js';
import { canReadType, requireSearchAccess } from '../fhir/access.js';
import { isResourceTypeName } from '../fhir/definitions.js';
import { guardSearch, isSearchParamAllowed, type GuardContext } from '../fhir/search-guard.js';
import { parseSearch } from '../fhir/search-query.js';
import { isInPatientCompartment } from './compartment.js';
import { parseQuery } from '../fhir/query-string.js';

/**
 * A kick-off request turned into a plan, entirely checked before the job starts: every type and
 * every `_typeFilter` query goes through the proxy's own search guard and scope checks, so an
 * export can reach nothing an ordinary search could not. Bad requests fail here with a 400.
 */
export type ExportLevel = 'system' | 'patient' | 'group';

export interface ExportPlan {
  readonly level: ExportLevel;
  /** Types to export, in order; each gets its own NDJSON file(s). */
  readonly types: readonly string[];
  /** Per type, the upstream queries (real ids, no `_count`) whose union is exported. */
  readonly queries: ReadonlyMap<string, readonly URLSearchParams[]>;
  /** `_since` as received (an instant), compared with the upstream's `_lastUpdated`. */
  readonly since?: string;
}

export interface KickoffInput {
  readonly level: ExportLevel;
  readonly params: readonly (readonly [string, string])[];
  /** Types the upstream serves, used when neither `_type` nor the profile narrows the export. */
  readonly upstreamTypes: () => Promise<readonly string[]>;
  readonly pageSize: number;
}

const KNOWN_PARAMS = new Set(['_outputFormat', '_type', '_since', '_typeFilter']);
const NDJSON_FORMATS = new Set(['application/fhir+ndjson', 'application/ndjson', 'ndjson']);
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;
/** Result-shaping parameters change what a query returns, not which resources: not for `_typeFilter`. */
const RESULT_PARAMS = new Set(['_count', '_sort', '_include', '_revinclude', '_summary', '_elements', '_total', '_format', '_pretty', '_since', '_type']);

export async function planExport(principal: Principal, input: KickoffInput): Promise<ExportPlan> {
  const values = (name: string) => input.params.filter(([k]) => k === name).map(([, v]) => v);
  for (const [name] of input.params) {
    if (!KNOWN_PARAMS.has(name)) throw new VoileError('BAD_REQUEST', 'Unsupported $export parameter', { detail: 'supported: _outputFormat, _type, _since, _typeFilter' });
  }
  checkOutputFormat(values('_outputFormat'));
  const since = parseSince(values('_since'));
  const types = await selectTypes(principal, input, values('_type'));

  const filters = parseTypeFilters(values('_typeFilter'), types);
  const ctx = guardContext(principal, input.pageSize);
  const queries = new Map<string, URLSearchParams[]>();
  for (const type of types) {
    if (since !== undefined && !isSearchParamAllowed(principal.policy.policy, type, '_lastUpdated')) {
      throw new VoileError('SEARCH_PARAM_REFUSED', '_since needs _lastUpdated searches, which the policy does not allow for this type', { detail: `type ${type}` });
    }
    const list: URLSearchParams[] = [];
    for (const entries of filters.get(type) ?? [[]]) {
      const guarded = await guardSearch(parseSearch(type, entries), { ...ctx, checkAccess: () => requireSearchAccess(principal, type, entries) });
      if (guarded.kind === 'empty') continue;
      guarded.query.delete('_count');
      list.push(guarded.query);
    }
    queries.set(type, list);
  }
  return { level: input.level, types, queries, ...(since === undefined ? {} : { since }) };
}

function checkOutputFormat(formats: readonly string[]): void {
  if (formats.length > 1) throw new VoileError('BAD_REQUEST', '_outputFormat may appear only once');
  if (formats.length === 1 && !NDJSON_FORMATS.has(formats[0]!)) {
    throw new VoileError('BAD_REQUEST', 'Only NDJSON output is supported', { detail: '_outputFormat: application/fhir+ndjson' });
  }
}

function parseSince(values: readonly string[]): string | undefined {
  if (values.length === 0) return undefined;
  if (values.length > 1) throw new VoileError('BAD_REQUEST', '_since may appear only once');
  const since = values[0]!;
  if (!INSTANT.test(since) || Number.isNaN(Date.parse(since))) {
    throw new VoileError('BAD_REQUEST', '_since must be a FHIR instant with a time zone, e.g. 2024-01-01T00:00:00Z');
  }
  if (Date.parse(since) > Date.now()) throw new VoileError('BAD_REQUEST', '_since must not be in the future');
  return since;
}

async function selectTypes(principal: Principal, input: KickoffInput, typeValues: readonly string[]): Promise<string[]> {
  const compartmentOnly = input.level !== 'system';
  const requested = typeValues.flatMap((v) => v.split(',')).map((t) => t.trim());
  if (requested.length > 0) {
    const unique = [...new Set(requested)];
    for (const type of unique) {
      if (!isResourceTypeName(type)) throw new VoileError('BAD_REQUEST', '_type lists an unknown resource type');
      if (compartmentOnly && !isInPatientCompartment(type)) {
        throw new VoileError('BAD_REQUEST', '_type lists a resource type outside the patient compartment', { detail: `type ${type}` });
      }
      if (!canReadType(principal, type)) {
        throw new VoileError('FORBIDDEN', 'A resource type in _type is not available to this client', { detail: `type ${type}` });
      }
    }
    return unique;
  }
  const released = principal.policy.fhir.resourceTypes;
  const candidates = released === undefined ? await input.upstreamTypes() : [...released];
  const types = candidates.filter((t) => isResourceTypeName(t) && canReadType(principal, t) && (!compartmentOnly || isInPatientCompartment(t)));
  if (types.length === 0) throw new VoileError('FORBIDDEN', 'No resource type is available to this client for export');
  return types;
}

/** `_typeFilter=Type?query` (repeatable, comma-separated): per type, OR-ed queries. */
function parseTypeFilters(values: readonly string[], types: readonly string[]): Map<string, [string, string][][]> {
  const out = new Map<string, [string, string][][]>();
  // The value is itself a URL-encoded query: a raw comma separates two filters, an OR inside one is `%2C`.
  for (const filter of values.flatMap((v) => v.split(',')).filter((v) => v !== '')) {
    const q = filter.indexOf('?');
    const type = q === -1 ? filter : filter.slice(0, q);
    if (q === -1 || !isResourceTypeName(type)) throw new VoileError('BAD_REQUEST', '_typeFilter must be Type?query with a known resource type');
    if (!types.includes(type)) throw new VoileError('BAD_REQUEST', '_typeFilter names a type that is not exported', { detail: `type ${type}` });
    const entries = parseQuery(filter.slice(q + 1), 'A _typeFilter query');
    if (entries.length === 0) throw new VoileError('BAD_REQUEST', '_typeFilter must carry a query');
    for (const [name] of entries) {
      if (RESULT_PARAMS.has(name.split(':')[0]!)) throw new VoileError('BAD_REQUEST', '_typeFilter takes search criteria only, not result parameters');
    }
    const list = out.get(type) ?? [];
    list.push(entries);
    out.set(type, list);
  }
  return out;
}

function guardContext(principal: Principal, pageSize: number): GuardContext {
  return {
    policy: principal.policy.policy,
    identity: principal.policy.identity,
    canRead: (type) => canReadType(principal, type),
    defaultCount: pageSize,
    maxCount: pageSize,
  };
}

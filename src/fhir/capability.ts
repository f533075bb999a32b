import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { VoileError } from '../errors.js';

/**
 * The gateway's CapabilityStatement, derived from the upstream's: read-only, and listing only the
 * resource types, interactions, search parameters and includes the caller's policy allows. It is
 * built field by field (nothing copied wholesale), so upstream text never passes through.
 */
export interface CapabilityContext {
  readonly fhirBase: string;
  readonly version: string;
  readonly canRead: (resourceType: string) => boolean;
  readonly canSearchWith: (resourceType: string, code: string) => boolean;
}

const SEARCH_PARAM_TYPES = new Set(['number', 'date', 'string', 'token', 'reference', 'composite', 'quantity', 'uri', 'special']);

export function rewriteCapabilityStatement(raw: unknown, ctx: CapabilityContext): CapabilityStatement {
  const upstream = raw as Partial<CapabilityStatement> | null;
  if (upstream?.resourceType !== 'CapabilityStatement') {
    throw new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream FHIR server returned an unexpected document');
  }
  const server = (upstream.rest ?? []).find((r) => r?.mode === 'server');
  const resources = (server?.resource ?? []).flatMap((r) => rewriteResource(r, ctx));
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    publisher: 'Voile',
    kind: 'instance',
    software: { name: 'Voile', version: ctx.version },
    implementation: { description: 'Voile anonymizing FHIR gateway (read-only)', url: ctx.fhirBase },
    fhirVersion: typeof upstream.fhirVersion === 'string' && /^4\.0\.\d+$/.test(upstream.fhirVersion) ? upstream.fhirVersion : '4.0.1',
    format: ['json'],
    rest: [{ mode: 'server', resource: resources }],
  };
}

function rewriteResource(r: CapabilityStatementRestResource, ctx: CapabilityContext): CapabilityStatementRestResource[] {
  if (typeof r?.type !== 'string' || !ctx.canRead(r.type)) return [];
  const upstreamInteractions = new Set((r.interaction ?? []).map((i) => i?.code));
  const interaction = (['read', 'vread', 'search-type'] as const).filter((code) => upstreamInteractions.has(code)).map((code) => ({ code }));
  const searchParam = (r.searchParam ?? [])
    .filter((sp) => typeof sp?.name === 'string' && SEARCH_PARAM_TYPES.has(sp.type) && ctx.canSearchWith(r.type, sp.name))
    .map((sp) => ({ name: sp.name, type: sp.type }));
  const includeAllowed = (value: unknown): value is string => {
    if (typeof value !== 'string') return false;
    const m = /^([A-Za-z]+):[a-z][a-z0-9-]*(?::([A-Za-z]+))?$/.exec(value);
    return m !== null && ctx.canRead(m[1]!) && (m[2] === undefined || ctx.canRead(m[2]));
  };
  const out: CapabilityStatementRestResource = {
    type: r.type,
    interaction,
    versioning: upstreamInteractions.has('vread') ? 'versioned' : 'no-version',
    readHistory: false,
    updateCreate: false,
    conditionalCreate: false,
    conditionalRead: 'not-supported',
    conditionalUpdate: false,
    conditionalDelete: 'not-supported',
    ...(searchParam.length > 0 ? { searchParam } : {}),
  };
  const searchInclude = (r.searchInclude ?? []).filter(includeAllowed);
  const searchRevInclude = (r.searchRevInclude ?? []).filter(includeAllowed);
  if (searchInclude.length > 0) out.searchInclude = searchInclude;
  if (searchRevInclude.length > 0) out.searchRevInclude = searchRevInclude;
  if (r.type === 'Patient' && (r.operation ?? []).some((op) => op?.name === 'everything')) {
    out.operation = [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }];
  }
  return [out];
}

/**
 * One audit record per request, in the spirit of FHIR AuditEvent and the IHE de-identification
 * audit profile. It says who (client, policy), what (interaction, requested type, types and counts
 * returned), how it ended (status, outcome, Voile error code) and how long it took — and nothing
 * else: no URL, no query, no id, no pseudonym, no body byte. A record links no pseudonym to anyone.
 */
export type AuditInteraction =
  | 'capabilities'
  | 'read'
  | 'vread'
  | 'search'
  | 'operation'
  | 'history'
  | 'batch'
  | 'write'
  | 'dicomweb-search'
  | 'dicomweb-retrieve'
  | 'bulk'
  | 'admin'
  | 'smart-configuration'
  | 'other';

/** FHIR AuditEvent.outcome: 0 success, 4 minor failure (client error), 8 serious (server), 12 major (refused to anonymize). */
export type AuditOutcome = '0' | '4' | '8' | '12';

export interface AuditRecord {
  /** UUIDv7: the time of recording and random bits, nothing from the request (src/audit/record-id.ts). */
  readonly id: string;
  /** When the response ended (ISO 8601, UTC). */
  readonly recorded: string;
  /** OAuth client id, or null when the caller was not authenticated. */
  readonly clientId: string | null;
  readonly policy: string | null;
  readonly method: string;
  readonly interaction: AuditInteraction;
  /** The route template that served the request (`/fhir/:type/:id`), never the URL itself. */
  readonly route: string | null;
  /** Resource type asked for, when the path named a well-formed one. */
  readonly resourceType: string | null;
  readonly status: number;
  readonly outcome: AuditOutcome;
  /** The VoileError code of a refused or failed request. */
  readonly errorCode: string | null;
  /** What left the gateway: resource type → count. */
  readonly returned: Readonly<Record<string, number>>;
  readonly durationMs: number;
  /** Time spent waiting on upstreams, when the transport reported it. */
  readonly upstreamLatencyMs: number | null;
  /** fastify's request id, to correlate with logs (which carry no PHI either). */
  readonly requestId: string;
}

export function outcomeOf(status: number, errorCode: string | null): AuditOutcome {
  if (errorCode === 'ANONYMIZATION_FAILED') return '12';
  if (status >= 500) return '8';
  if (status >= 400) return '4';
  return '0';
}

const RESOURCE_TYPE = /^[A-Z][A-Za-z]{1,63}$/;

/** Interaction and requested type from the shape of a path (ids are never kept). */
export function classifyPath(method: string, path: string): { interaction: AuditInteraction; resourceType: string | null } {
  const segments = path.split('?')[0]!.split('/').filter((s) => s !== '');
  const root = segments[0];
  if (root === '.well-known' || segments[1] === '.well-known') return { interaction: 'smart-configuration', resourceType: null };
  if (root === 'admin') return { interaction: 'admin', resourceType: null };
  if (root === 'dicomweb' || root === 'dicom-web') {
    // QIDO-RS paths end with a level name (…/studies, …/series, …/instances); anything else
    // (a UID, /metadata, /frames/…, /rendered) is a WADO-RS retrieve.
    const last = segments.at(-1);
    const search = last === 'studies' || last === 'series' || last === 'instances';
    return { interaction: search ? 'dicomweb-search' : 'dicomweb-retrieve', resourceType: 'ImagingStudy' };
  }
  if (root !== 'fhir') return { interaction: 'other', resourceType: null };
  const rest = segments.slice(1);
  const type = rest[0] !== undefined && RESOURCE_TYPE.test(rest[0]) ? rest[0] : null;
  if (method !== 'GET' && method !== 'HEAD' && !(method === 'POST' && (rest[1] === '_search' || (rest.at(-1) ?? '').startsWith('$')))) {
    return { interaction: rest.length === 0 ? 'batch' : 'write', resourceType: type };
  }
  if (rest.length === 0) return { interaction: 'other', resourceType: null };
  if (rest[0] === 'metadata') return { interaction: 'capabilities', resourceType: null };
  if ((rest.at(-1) ?? '').startsWith('$')) return { interaction: (rest.at(-1) === '$export' ? 'bulk' : 'operation'), resourceType: type };
  if (rest.includes('_history')) return { interaction: rest.length === 4 ? 'vread' : 'history', resourceType: type };
  if (rest.length === 1 || rest[1] === '_search') return { interaction: 'search', resourceType: type };
  if (rest.length === 2) return { interaction: 'read', resourceType: type };
  return { interaction: 'search', resourceType: type }; // compartment search: Patient/{id}/Observation
}

/** Counts resource types in a FHIR JSON body: a Bundle's entries, or the resource itself. */
export function countResources(body: unknown, into: Record<string, number> = {}): Record<string, number> {
  if (!body || typeof body !== 'object') return into;
  const resource = body as { resourceType?: unknown; entry?: unknown };
  if (resource.resourceType === 'Bundle' && Array.isArray(resource.entry)) {
    for (const entry of resource.entry as { resource?: { resourceType?: unknown } }[]) {
      const type = entry?.resource?.resourceType;
      if (typeof type === 'string' && RESOURCE_TYPE.test(type)) into[type] = (into[type] ?? 0) + 1;
    }
    return into;
  }
  if (typeof resource.resourceType === 'string' && RESOURCE_TYPE.test(resource.resourceType)) {
    into[resource.resourceType] = (into[resource.resourceType] ?? 0) + 1;
  }
  return into;
}

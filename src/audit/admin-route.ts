import type { Bundle, AuditEvent } from '@medplum/fhirtypes';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { VoileError } from '../errors.js';
import type { AuditQuery, AuditStore } from '../store/audit-store.js';
import { toAuditEvent } from './audit-event.js';
import { noteAudit } from './hook.js';

export interface AuditAdminOptions {
  readonly store: AuditStore;
  /** Checks the caller holds the admin scope (see createAdminAuthorizer); throws a VoileError otherwise. */
  readonly authorize: (request: FastifyRequest) => Promise<{ readonly clientId: string }>;
  /** Route path. Default `/admin/audit`. */
  readonly path?: string;
  /** Default 100, at most 1000 per page. */
  readonly maxCount?: number;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const PLAIN_ID = /^[A-Za-z0-9._:@-]{1,256}$/;

/**
 * `GET /admin/audit`: the audit trail for holders of the admin scope, as a FHIR searchset Bundle of
 * AuditEvent (default) or NDJSON of AuditEvent (`_format=ndjson` or `Accept: application/fhir+ndjson`).
 * Filters: `_since`, `_until` (ISO 8601), `client`, `policy`, `_count`; paging with `_after` (an
 * opaque position the previous page's `next` link carries).
 */
export const auditAdminPlugin: FastifyPluginAsync<AuditAdminOptions> = async (app: FastifyInstance, options) => {
  const path = options.path ?? '/admin/audit';
  const maxCount = options.maxCount ?? 1000;
  app.get(path, async (request, reply) => {
    const admin = await options.authorize(request);
    noteAudit(request, { interaction: 'admin', clientId: admin.clientId, returned: {} });
    const query = parseQuery(request.query as Record<string, unknown>, maxCount);
    const rows = await options.store.query({ ...query.filter, limit: query.count + 1 });
    const page = rows.slice(0, query.count);
    const events = page.map((r) => toAuditEvent(r.record));
    noteAudit(request, { returned: events.length > 0 ? { AuditEvent: events.length } : {} });
    reply.header('cache-control', 'no-store');
    const accept = String(request.headers.accept ?? '');
    if (query.ndjson || (query.format === undefined && /ndjson/.test(accept))) {
      return reply.type('application/fhir+ndjson').send(events.map((e) => `${JSON.stringify(e)}\n`).join(''));
    }
    const bundle: Bundle<AuditEvent> = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: events.map((resource) => ({ resource, search: { mode: 'match' } })),
      link: [{ relation: 'self', url: pageUrl(path, query.raw, undefined) }],
    };
    const last = page.at(-1);
    if (rows.length > query.count && last) bundle.link!.push({ relation: 'next', url: pageUrl(path, query.raw, last.seq) });
    return reply.type('application/fhir+json').send(bundle);
  });
};

interface ParsedQuery {
  readonly filter: Omit<AuditQuery, 'limit'>;
  readonly count: number;
  readonly ndjson: boolean;
  readonly format: string | undefined;
  /** The accepted filter parameters, to rebuild paging links. */
  readonly raw: Readonly<Record<string, string>>;
}

function parseQuery(query: Record<string, unknown>, maxCount: number): ParsedQuery {
  const known = new Set(['_since', '_until', 'client', 'policy', '_count', '_after', '_format']);
  const raw: Record<string, string> = {};
  for (const [name, value] of Object.entries(query)) {
    if (!known.has(name)) throw new VoileError('SEARCH_PARAM_REFUSED', 'Unknown audit search parameter', { detail: 'allowed: _since, _until, client, policy, _count, _after, _format' });
    if (typeof value !== 'string') throw new VoileError('BAD_REQUEST', 'Audit search parameters may be given once');
    raw[name] = value;
  }
  const filter: { -readonly [K in keyof AuditQuery]?: AuditQuery[K] } = {};
  for (const [name, key] of [['_since', 'since'], ['_until', 'until']] as const) {
    const value = raw[name];
    if (value === undefined) continue;
    if (!ISO_INSTANT.test(value) || Number.isNaN(Date.parse(value))) throw new VoileError('BAD_REQUEST', 'Invalid date in audit search', { detail: `${name} must be an ISO 8601 date or instant` });
    filter[key] = new Date(value).toISOString();
  }
  for (const [name, key] of [['client', 'clientId'], ['policy', 'policy']] as const) {
    const value = raw[name];
    if (value === undefined) continue;
    if (!PLAIN_ID.test(value)) throw new VoileError('BAD_REQUEST', 'Invalid value in audit search', { detail: `${name} must be a plain identifier` });
    filter[key] = value;
  }
  if (raw._after !== undefined) {
    if (!/^\d{1,15}$/.test(raw._after)) throw new VoileError('INVALID_CURSOR', 'Invalid paging position');
    filter.afterSeq = Number(raw._after);
  }
  let count = Math.min(100, maxCount);
  if (raw._count !== undefined) {
    if (!/^\d{1,6}$/.test(raw._count) || Number(raw._count) < 1) throw new VoileError('BAD_REQUEST', 'Invalid _count', { detail: `_count must be an integer in [1, ${maxCount}]` });
    count = Math.min(Number(raw._count), maxCount);
  }
  const format = raw._format;
  if (format !== undefined && !['ndjson', 'application/fhir+ndjson', 'application/ndjson', 'json', 'application/fhir+json'].includes(format)) {
    throw new VoileError('NOT_ACCEPTABLE', 'Unsupported _format', { detail: 'use json or ndjson' });
  }
  const ndjson = format !== undefined && format.includes('ndjson');
  delete raw._after;
  return { filter, count, ndjson, format, raw };
}

function pageUrl(path: string, raw: Readonly<Record<string, string>>, after: number | undefined): string {
  const params = new URLSearchParams(raw);
  if (after !== undefined) params.set('_after', String(after));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

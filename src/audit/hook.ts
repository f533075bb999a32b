import type { FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { isVoileError } from '../errors.js';
import type { AuditStore } from '../store/audit-store.js';
import { classifyPath, countResources, outcomeOf, type AuditInteraction, type AuditRecord } from './record.js';
import { newRecordId } from './record-id.js';

/**
 * What a transport tells the audit about a request, when it knows better than the path shape:
 * the interaction, what it returned (streams cannot be counted after the fact), how long it
 * waited on upstreams. All optional.
 */
export interface AuditNote {
  interaction?: AuditInteraction;
  resourceType?: string;
  returned?: Record<string, number>;
  upstreamLatencyMs?: number;
  /** For routes that authenticate without a policy (admin). */
  clientId?: string;
  errorCode?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    voileAudit?: AuditNote;
  }
}

export function noteAudit(request: FastifyRequest, note: AuditNote): void {
  request.voileAudit = { ...request.voileAudit, ...note };
}

/** Adds the resources of a FHIR body (resource or Bundle) to what this request returned. */
export function noteReturned(request: FastifyRequest, body: unknown): void {
  const audit = (request.voileAudit ??= {});
  audit.returned = countResources(body, audit.returned ?? {});
}

/** Adds one upstream round trip to this request's upstream latency. */
export function noteUpstreamLatency(request: FastifyRequest, ms: number): void {
  const audit = (request.voileAudit ??= {});
  audit.upstreamLatencyMs = (audit.upstreamLatencyMs ?? 0) + ms;
}

/**
 * Runs one upstream call and adds its duration to the request's upstream latency (FHIR routes,
 * DICOMweb). For a stream, that is the time to the upstream's headers: reading the body is
 * interleaved with the client's own pace.
 */
export async function timedUpstream<T>(request: FastifyRequest, call: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await call();
  } finally {
    noteUpstreamLatency(request, Math.round(performance.now() - started));
  }
}

/** Records the Voile error code of a failed request; call from the error handler. */
export function noteError(request: FastifyRequest, err: unknown): void {
  const audit = (request.voileAudit ??= {});
  if (isVoileError(err)) audit.errorCode = err.code;
  else {
    // fastify's own errors (body too large, bad content type…) carry a client status.
    const status = (err as { statusCode?: unknown })?.statusCode;
    audit.errorCode = typeof status === 'number' && status >= 400 && status < 500 ? 'BAD_REQUEST' : 'INTERNAL';
  }
}

export interface AuditHookOptions {
  readonly store: AuditStore;
  /** Paths not audited (health checks, metrics). Default `/healthz`, `/readyz`, `/metrics`. */
  readonly exemptPaths?: readonly string[];
  /** JSON bodies larger than this are not parsed to count resources. Default 32 MiB. */
  readonly maxCountedBodyBytes?: number;
}

/**
 * The onResponse hook that writes one record per request. Registered through `auditPlugin`, which
 * also adds an onSend hook counting the resources of JSON responses the transport did not count
 * itself. A failure to write is logged (without data) and never changes the response, which has
 * already left.
 */
export function createAuditHook(options: AuditHookOptions): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  const exempt = new Set(options.exemptPaths ?? ['/healthz', '/readyz', '/metrics']);
  return async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (exempt.has(path)) return;
    const record = buildRecord(request, reply);
    try {
      await options.store.append(record);
    } catch (err) {
      request.log.error({ auditFailure: true, errorName: err instanceof Error ? err.name : 'unknown' }, 'audit record could not be written');
    }
  };
}

export interface AuditPluginOptions extends AuditHookOptions {}

const plugin: FastifyPluginAsync<AuditPluginOptions> = async (app: FastifyInstance, options) => {
  const maxBytes = options.maxCountedBodyBytes ?? 32 * 1024 * 1024;
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.voileAudit?.returned !== undefined || reply.statusCode >= 400) return payload;
    const type = String(reply.getHeader('content-type') ?? '');
    if (!/json/.test(type)) return payload;
    const text = typeof payload === 'string' ? payload : Buffer.isBuffer(payload) ? payload.toString('utf8') : undefined;
    if (text === undefined || text.length > maxBytes) return payload;
    try {
      if (/ndjson/.test(type)) {
        const counts: Record<string, number> = {};
        for (const line of text.split('\n')) if (line.trim() !== '') countResources(JSON.parse(line), counts);
        noteAudit(request, { returned: counts });
      } else {
        noteReturned(request, JSON.parse(text));
      }
    } catch {
      // not FHIR JSON: nothing to count
    }
    return payload;
  });
  app.addHook('onError', async (request, _reply, error) => {
    if (request.voileAudit?.errorCode === undefined) noteError(request, error);
  });
  app.addHook('onResponse', createAuditHook(options));
};
(plugin as unknown as Record<symbol, unknown>)[Symbol.for('skip-override')] = true;
(plugin as unknown as Record<symbol, unknown>)[Symbol.for('fastify.display-name')] = 'voile-audit';

/** Registers the audit hooks at the root (not encapsulated): every route is audited. */
export const auditPlugin = plugin;

function buildRecord(request: FastifyRequest, reply: FastifyReply): AuditRecord {
  const note = request.voileAudit ?? {};
  const classified = classifyPath(request.method, request.url);
  const principal = request.principal;
  const errorCode = note.errorCode ?? null;
  const resourceType = note.resourceType ?? classified.resourceType;
  const now = Date.now();
  return {
    id: newRecordId(now),
    recorded: new Date(now).toISOString(),
    clientId: principal?.clientId ?? note.clientId ?? null,
    policy: principal?.policy.name ?? null,
    method: request.method,
    interaction: note.interaction ?? classified.interaction,
    route: request.routeOptions?.url ?? null,
    resourceType: resourceType && /^[A-Z][A-Za-z]{1,63}$/.test(resourceType) ? resourceType : null,
    status: reply.statusCode,
    outcome: outcomeOf(reply.statusCode, errorCode),
    errorCode,
    returned: reply.statusCode < 400 ? (note.returned ?? {}) : {},
    durationMs: reply.elapsedTime,
    upstreamLatencyMs: note.upstreamLatencyMs ?? null,
    requestId: String(request.id),
  };
}

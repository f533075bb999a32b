import { createRequire } from 'node:module';
import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { destination } from 'pino';
import { bearerChallenge } from '../auth/authenticator.js';
import { VoileError } from '../errors.js';
import { fhirRoutes } from '../fhir/routes.js';
import { FhirUpstream } from '../upstream/fhir-upstream.js';
import { endConnectionsOfResponsesFinishingWhileClosing } from './close-in-flight.js';
import { normalizeError, operationOutcome, plainErrorBody } from './error-mapping.js';
import { healthRoutes, metricsRoutes } from './health.js';
import { GatewayMetrics } from './metrics.js';
import type { GatewayOptions } from './options.js';

export type { GatewayOptions } from './options.js';
export { fixedPolicyAuthenticator } from './fixed-auth.js';

const VERSION = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
const DEFAULTS = { bodyLimitBytes: 1024 * 1024, defaultCount: 50, maxCount: 200, cursorTtlSeconds: 3600, requestTimeoutMs: 30_000 };

/**
 * The gateway: one fastify instance with encapsulated plugins — `/fhir` (the FHIR proxy),
 * `/healthz` and `/readyz`, `/metrics` — one error handler that turns every failure into the
 * gateway's own error (an OperationOutcome under /fhir, plain JSON elsewhere, never quoting
 * input or upstream text), and request logs and metrics keyed by route pattern, never by URL.
 */
export async function buildGateway(options: GatewayOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULTS, ...options.limits };
  const metrics = new GatewayMetrics();
  const upstream = new FhirUpstream(options.upstream.fhir, (kind) => metrics.upstreamError('fhir', kind));

  // Standard output written asynchronously in blocks of 4 KiB, and at least every 200 ms (unless a
  // test or embedder brings its own stream): a write per request line cost ~4 % of a read's CPU.
  // Flushed on close and, by pino, at process exit; a crash can lose the lines of the last 200 ms
  // (the audit trail is written apart, by its own store).
  const logStream = options.logger === false || (options.logger as { stream?: unknown } | undefined)?.stream !== undefined
    ? undefined
    : destination({ dest: 1, sync: false, minLength: 4096, periodicFlush: 200 });
  const app = Fastify({
    logger:
      options.logger === false
        ? false
        : {
            level: 'info',
            ...(logStream === undefined ? {} : { stream: logStream }),
            ...options.logger,
            // Request URLs carry search values (possibly identifying): log route patterns only.
            serializers: {
              req: (req: FastifyRequest) => ({ method: req.method, route: req.routeOptions?.url ?? 'unmatched' }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
    // fastify's own request lines carry the URL; ours (onResponse below) carry the route pattern.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: limits.bodyLimitBytes,
    requestTimeout: limits.requestTimeoutMs,
    routerOptions: { maxParamLength: 128 },
    return503OnClosing: true,
    trustProxy: false,
    frameworkErrors: (error, request, reply) => {
      void sendError(error, request, reply);
    },
  });

  app.addHook('onRequest', async (request) => rejectAmbiguousPath(request.url));
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observeRequest(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
    request.log.info({ method: request.method, route, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  // Before any plugin is registered, so every route (Bulk, DICOMweb, cohort admin included) has it.
  endConnectionsOfResponsesFinishingWhileClosing(app);
  app.addHook('onClose', async () => {
    logStream?.flush();
    await upstream.close();
  });
  const publicBaseUrl = publicBaseUrlOf(app, options.publicBaseUrl);
  app.decorate('voileShared', { fhirUpstream: upstream, metrics, publicBaseUrl }); // for Bulk, DICOMweb, cohort admin (src/upstream/shared.ts)

  app.setErrorHandler((error, request, reply) => sendError(error, request, reply));
  app.setNotFoundHandler((request, reply) => sendError(new VoileError('NOT_FOUND', 'Not found'), request, reply));

  await app.register(healthRoutes, { upstream });
  await app.register(metricsRoutes, { metrics });
  await app.register(fhirRoutes, {
    prefix: '/fhir',
    upstream,
    publicBaseUrl,
    authenticate: options.authenticate,
    defaultCount: limits.defaultCount,
    maxCount: limits.maxCount,
    cursorTtlSeconds: limits.cursorTtlSeconds,
    version: VERSION,
    onAnonymizationFailure: () => metrics.anonymizationFailed('fhir'),
  });
  return app;
}

/** The configured public base URL, or the bound address once the server listens. */
function publicBaseUrlOf(app: FastifyInstance, configured: string | undefined): () => string {
  if (configured !== undefined) {
    const fixed = configured.replace(/\/+$/, '');
    return () => fixed;
  }
  // Asked for every FHIR response: computed once the server listens (a fastify instance listens once).
  let bound: string | undefined;
  return () => {
    if (bound !== undefined) return bound;
    const address = app.server.address();
    if (address === null || typeof address === 'string') throw new VoileError('CONFIG_INVALID', 'publicBaseUrl is required when the gateway does not listen on TCP');
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    bound = `http://${host}:${address.port}`;
    return bound;
  };
}

function sendError(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  const error = normalizeError(err);
  const logLine = { code: error.code, status: error.status, route: request.routeOptions?.url ?? 'unmatched', cause: describeCause(error.cause) };
  if (error.status >= 500) request.log.error(logLine, 'request failed');
  else request.log.info(logLine, 'request refused');
  const challenge = bearerChallenge(error);
  if (challenge !== undefined && !reply.hasHeader('www-authenticate')) reply.header('www-authenticate', challenge);
  reply.code(error.status).header('cache-control', 'no-store');
  if (isFhirPath(request.url)) {
    return reply.header('content-type', 'application/fhir+json; charset=utf-8').send(JSON.stringify(operationOutcome(error)));
  }
  return reply.header('content-type', 'application/json; charset=utf-8').send(JSON.stringify(plainErrorBody(error)));
}

function isFhirPath(url: string): boolean {
  return url === '/fhir' || url.startsWith('/fhir/') || url.startsWith('/fhir?');
}

/** Library error names and codes only (e.g. `SyntaxError`, `ECONNREFUSED`): messages may quote data. */
function describeCause(cause: unknown): string | undefined {
  if (typeof cause !== 'object' || cause === null) return undefined;
  const { name, code } = cause as { name?: unknown; code?: unknown };
  return [name, code].filter((p) => typeof p === 'string' && /^[A-Za-z0-9_]{1,64}$/.test(p)).join(':') || undefined;
}

/**
 * Paths whose meaning depends on who decodes them (encoded slashes, backslashes, dot segments, NUL)
 * are refused outright, before routing, so no layer can be tricked into another path.
 */
function rejectAmbiguousPath(url: string): void {
  const q = url.indexOf('?');
  const path = q === -1 ? url : url.slice(0, q);
  const ambiguous =
    /%2f|%5c|%00|%2e|\\|\/\//i.test(path) || path.split('/').some((segment) => segment === '.' || segment === '..');
  if (ambiguous) throw new VoileError('BAD_REQUEST', 'The request path is malformed');
}

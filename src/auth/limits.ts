import { Transform, type TransformCallback } from 'node:stream';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from 'fastify';
import { VoileError } from '../errors.js';

export interface RequestLimitsOptions {
  /** Requests per minute per client when its policy sets none. Default 600. */
  readonly defaultRequestsPerMinute?: number;
  /** Body size when the policy sets none, bytes. Default 64 KiB (the gateway is read-only). */
  readonly defaultMaxBodyBytes?: number;
  /** Paths never limited (health checks). Default `/healthz`, `/readyz`, `/metrics`. */
  readonly exemptPaths?: readonly string[];
}

/**
 * Per-client rate limits (@fastify/rate-limit keyed by the OAuth client id, limit from the bound
 * policy's `limits.requestsPerMinute`) and per-policy request body limits (`limits.maxBodyBytes`),
 * each refused with a Voile error: 429 RATE_LIMITED (with `Retry-After`) or 413 PAYLOAD_TOO_LARGE.
 *
 * Both run after authentication: register this plugin after the hook that sets
 * `request.principal` (an onRequest hook). Unauthenticated requests are keyed by address. Register
 * it at the root (it is not encapsulated) so that every route is covered.
 */
const BODYLESS_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'TRACE']);

const plugin: FastifyPluginAsync<RequestLimitsOptions> = async (app: FastifyInstance, options) => {
  const perMinute = options.defaultRequestsPerMinute ?? 600;
  const maxBody = options.defaultMaxBodyBytes ?? 64 * 1024;
  const exempt = new Set(options.exemptPaths ?? ['/healthz', '/readyz', '/metrics']);
  const isExempt = (req: FastifyRequest) => exempt.has(req.url.split('?')[0] ?? '');

  const limiter = {
    timeWindow: 60_000,
    max: (req: FastifyRequest) => req.principal?.policy.policy.limits?.requestsPerMinute ?? perMinute,
    keyGenerator: (req: FastifyRequest) => (req.principal ? `client:${req.principal.clientId}` : `addr:${req.ip}`),
    allowList: (req: FastifyRequest) => isExempt(req),
    errorResponseBuilder: (_req: FastifyRequest, context: { max: number }) =>
      Object.assign(new VoileError('RATE_LIMITED', 'Too many requests for this client', { detail: `limit: ${context.max} requests per minute` }), {
        statusCode: 429,
      }),
  };
  // `global: false` and one root preHandler hook, rather than the plugin's per-route hooks: those
  // are attached when routes are declared, so they would miss routes registered before this plugin.
  await app.register(rateLimit, { global: false, ...limiter });
  // preHandler: after the principal is known and the body is read, before any upstream call.
  app.addHook('preHandler', app.rateLimit(limiter));

  app.addHook('preParsing', async (req, _reply, payload) => {
    // A GET/HEAD/TRACE without any body framing has nothing to count, and fastify never reads the
    // body of those methods: no counting stream for them (one per request was measurable).
    if (BODYLESS_METHODS.has(req.method) && req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) {
      return payload;
    }
    const limit = req.principal?.policy.policy.limits?.maxBodyBytes ?? maxBody;
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
    return payload.pipe(new ByteLimit(limit));
  });
};
(plugin as unknown as Record<symbol, unknown>)[Symbol.for('skip-override')] = true;
(plugin as unknown as Record<symbol, unknown>)[Symbol.for('fastify.display-name')] = 'voile-request-limits';

export const requestLimitsPlugin = plugin;

/** Counts bytes of a body whose length was not declared (chunked) and stops at the limit. */
class ByteLimit extends Transform {
  readonly #limit: number;
  #seen = 0;
  /** fastify reads this to compare with its own bodyLimit. */
  receivedEncodedLength = 0;

  constructor(limit: number) {
    super();
    this.#limit = limit;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#seen += chunk.length;
    this.receivedEncodedLength = this.#seen;
    if (this.#seen > this.#limit) callback(tooLarge(this.#limit));
    else callback(null, chunk);
  }
}

function tooLarge(limit: number): VoileError {
  return Object.assign(new VoileError('PAYLOAD_TOO_LARGE', 'The request body is too large', { detail: `limit: ${limit} bytes` }), { statusCode: 413 });
}

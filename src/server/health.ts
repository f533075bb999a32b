import type { FastifyPluginAsync } from 'fastify';
import { isVoileError } from '../errors.js';
import type { FhirUpstream } from '../upstream/fhir-upstream.js';
import type { GatewayMetrics } from './metrics.js';

/** `/healthz`: the process serves (Docker health check). `/readyz`: the FHIR upstream answers too. */
export const healthRoutes: FastifyPluginAsync<{ upstream: FhirUpstream }> = async (app, opts) => {
  app.get('/healthz', async (_request, reply) => reply.header('cache-control', 'no-store').send({ status: 'ok' }));
  app.get('/readyz', async (_request, reply) => {
    try {
      await opts.upstream.getJson('metadata');
      return reply.header('cache-control', 'no-store').send({ status: 'ok', upstream: { fhir: 'ok' } });
    } catch (err) {
      const code = isVoileError(err) ? err.code : 'INTERNAL';
      return reply.code(503).header('cache-control', 'no-store').send({ status: 'unavailable', upstream: { fhir: code } });
    }
  });
};

/** `/metrics` in Prometheus text format. */
export const metricsRoutes: FastifyPluginAsync<{ metrics: GatewayMetrics }> = async (app, opts) => {
  app.get('/metrics', async (_request, reply) =>
    reply.header('content-type', 'text/plain; version=0.0.4; charset=utf-8').header('cache-control', 'no-store').send(opts.metrics.render()),
  );
};

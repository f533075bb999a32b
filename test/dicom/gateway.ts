import Fastify, { type FastifyInstance } from 'fastify';
import { auditPlugin } from '../../src/audit/index.js';
import type { FhirAnonymizer } from '../../src/anonymize/fhir/api.js';
import { redactingTextDeidentifier } from '../../src/anonymize/text/api.js';
import { dicomwebPlugin } from '../../src/dicomweb/index.js';
import { isVoileError } from '../../src/errors.js';
import type { Identity } from '../../src/identity/index.js';
import type { ResolvedPolicy } from '../../src/policy/runtime.js';
import type { Policy } from '../../src/policy/types.js';
import type { AuditStore } from '../../src/store/audit-store.js';
import { freePort } from './orthanc.js';

export function testPolicy(identity: Identity, dicom: Policy['dicom']): ResolvedPolicy {
  return {
    name: 'imaging-test',
    policy: { kind: 'policy', name: 'imaging-test', profile: 'research-strict', identity: { domain: 'test' }, dicom },
    identity,
    // The DICOMweb plugin never calls the FHIR engine.
    fhir: {} as FhirAnonymizer,
    text: redactingTextDeidentifier,
  };
}

/**
 * A fastify instance with the DICOMweb plugin at /dicomweb, a principal bound to `policy`, and an
 * error handler shaped like the gateway's (status + Voile-authored JSON only).
 */
export async function startGateway(
  upstream: string,
  policy: ResolvedPolicy,
  /** Registers the audit trail into this store before the plugin, as the composition root does. */
  audit?: AuditStore,
): Promise<{ app: FastifyInstance; url: string }> {
  const app = Fastify({ logger: false });
  app.setErrorHandler((err, _request, reply) => {
    const status = isVoileError(err) ? err.status : 500;
    const code = isVoileError(err) ? err.code : 'INTERNAL';
    const message = isVoileError(err) ? err.message : 'Internal error';
    return reply.code(status).header('content-type', 'application/json').send(JSON.stringify({ code, message }));
  });
  app.addHook('onRequest', async (request) => {
    request.principal = { clientId: 'test-client', scopes: [], policy };
  });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  if (audit) await app.register(auditPlugin, { store: audit });
  await app.register(dicomwebPlugin, { prefix: '/dicomweb', upstream, publicBaseUrl: base });
  await app.listen({ port, host: '127.0.0.1' });
  return { app, url: `${base}/dicomweb` };
}

import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { bulkExportPlugin } from '../bulk/index.js';
import { auditAdminPlugin, auditPlugin } from '../audit/index.js';
import {
  canAccessDicom,
  createAdminAuthorizer,
  createAuthenticator,
  DEFAULT_COHORT_SCOPE,
  DEFAULT_DICOM_SCOPE,
  requestLimitsPlugin,
  smartConfigurationPlugin,
  type AuthConfig,
} from '../auth/index.js';
import { cohortAdminPlugin } from '../cohort/admin-route.js';
import { dicomwebPlugin } from '../dicomweb/index.js';
import type { LoadedConfig } from '../config/load.js';
import { VoileError } from '../errors.js';
import { buildGateway } from '../server/app.js';
import { gatewayShared } from '../upstream/shared.js';
import { createRuntime, upstreamOptionsOf, type Runtime } from './runtime.js';

export interface AssembledGateway {
  readonly app: FastifyInstance;
  readonly runtime: Runtime;
}

/**
 * The composition root: configuration → stores, policy registry, authenticator → the fastify
 * gateway with its plugins (FHIR proxy, SMART discovery, rate limits, audit trail). `serve` and
 * `demo` both start here, so the demo runs exactly what production runs.
 */
export async function assembleGateway(loaded: LoadedConfig): Promise<AssembledGateway> {
  const { config, baseDir } = loaded;
  if (!config.upstream.fhir) throw new VoileError('CONFIG_INVALID', 'upstream.fhir is required');
  const runtime = createRuntime(loaded);
  const auth = (config.auth ?? { mode: 'none' }) as AuthConfig;
  // mode none serves loopback callers only; mode jwt validates bearer tokens and binds a policy.
  const authenticate = createAuthenticator(auth, runtime.registry);
  const upstreamFhir = config.upstream.fhir;
  const fhirUpstreamOptions = upstreamOptionsOf(upstreamFhir, baseDir);

  const app = await buildGateway({
    // Unset: the gateway derives links from the address it is bound to (never from the Host header).
    // buildGateway drops a trailing slash.
    ...(config.publicBaseUrl !== undefined && { publicBaseUrl: config.publicBaseUrl }),
    upstream: { fhir: fhirUpstreamOptions },
    registry: runtime.registry,
    authenticate,
    limits: { ...(config.limits?.bodyLimitBytes !== undefined && { bodyLimitBytes: config.limits.bodyLimitBytes }) },
    logger: { level: config.logging?.level ?? 'info' },
  });
  // Avatar builds load before the first request, so avatar mode does not answer 503 while they load.
  // A database that is down now is not fatal: avatar-mode lookups fail closed until it answers.
  await runtime.avatars.ready().catch(() => app.log.warn({ code: 'AVATAR_STORE_UNAVAILABLE' }, 'avatar builds could not be loaded at start-up'));
  const auditStore = runtime.openAuditStore();
  await app.register(requestLimitsPlugin, {});
  await app.register(auditPlugin, { store: auditStore });
  await app.register(smartConfigurationPlugin, { auth });
  // Bulk $export: gateway-driven, NDJSON files kept beside the embedded database until they expire.
  const { fhirUpstream, metrics, publicBaseUrl: linkBaseUrl } = gatewayShared(app);
  await app.register(bulkExportPlugin, {
    prefix: '/fhir',
    upstream: fhirUpstream,
    onAnonymizationFailure: () => metrics.anonymizationFailed('bulk'),
    publicBaseUrl: linkBaseUrl,
    authenticate,
    dir: join(dirname(runtime.databasePath), 'bulk'),
  });
  if (config.upstream.dicomweb) {
    // DICOMweb is granted by its own scope, checked before anything reaches the PACS.
    const dicomScope = auth.dicomScope ?? DEFAULT_DICOM_SCOPE;
    await app.register(dicomwebPlugin, {
      prefix: '/dicomweb',
      upstream: upstreamOptionsOf(config.upstream.dicomweb, baseDir),
      onUpstreamError: (kind) => metrics.upstreamError('dicomweb', kind),
      onAnonymizationFailure: () => metrics.anonymizationFailed('dicomweb'),
      publicBaseUrl: linkBaseUrl,
      policies: runtime.registry.all(),
      authenticate: async (request) => {
        const principal = await authenticate(request);
        if (!canAccessDicom(principal.scopes, dicomScope)) throw new VoileError('INSUFFICIENT_SCOPE', 'Imaging access is not granted to this client');
        return principal;
      },
    });
  }
  if (auth.mode === 'jwt') await app.register(auditAdminPlugin, { store: auditStore, authorize: createAdminAuthorizer(auth) });
  if (auth.mode === 'jwt') {
    // Cohort rebuilds (avatar mode): their own scope, distinct from reading the audit trail.
    await app.register(cohortAdminPlugin, {
      registry: runtime.registry,
      store: runtime.avatars,
      audit: auditStore,
      // Its own pool, on purpose: a rebuild reads the whole cohort and must not take the connections
      // partner requests wait on.
      upstream: fhirUpstreamOptions,
      authorize: createAdminAuthorizer(auth, auth.cohortScope ?? DEFAULT_COHORT_SCOPE),
      publicBaseUrl: linkBaseUrl,
    });
  }
  app.addHook('onClose', async () => {
    await auditStore.close();
    await runtime.close();
  });
  return { app, runtime };
}


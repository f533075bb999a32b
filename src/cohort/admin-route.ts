import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { releasableReport } from '../anonymize/embedding/report/release.js';
import { noteAudit } from '../audit/hook.js';
import { VoileError } from '../errors.js';
import type { PolicyRegistry } from '../policy/runtime.js';
import type { AuditStore } from '../store/audit-store.js';
import { FhirUpstream, type FhirUpstreamOptions } from '../upstream/fhir-upstream.js';
import { CohortRebuilds, type RebuildStatus } from './rebuilds.js';
import type { AvatarBuildStore } from './store.js';

export interface CohortAdminOptions {
  readonly registry: PolicyRegistry;
  readonly store: AvatarBuildStore;
  /** Where rebuilds leave their audit record when they end. */
  readonly audit: AuditStore;
  /** The upstream FHIR server the cohorts are read from (the gateway's own). */
  readonly upstream: FhirUpstreamOptions;
  /** Checks the caller holds the cohort scope (createAdminAuthorizer); throws a VoileError otherwise. */
  readonly authorize: (request: FastifyRequest) => Promise<{ readonly clientId: string }>;
  /** Base of the status URLs (Content-Location). */
  readonly publicBaseUrl: string | (() => string);
  /** Seconds a poller is asked to wait. Default 2. */
  readonly retryAfterSeconds?: number;
}

const POLICY_NAME = /^[A-Za-z0-9._-]{1,128}$/;
const JOB_ID = /^[0-9a-f-]{36}$/;

/**
 * Cohort administration for holders of the cohort scope (`voile/cohort.build` by default):
 *
 *   POST /admin/cohorts/{policy}/$rebuild          → 202 + Content-Location (409 while one runs)
 *   GET  /admin/cohorts/{policy}/rebuilds/{job}    → 202 while running, then 200 with the outcome
 *   GET  /admin/cohorts/{policy}                   → the stored build's metadata and report
 *
 * A rebuild runs the code of `voile cohort build` (buildCohort) and is audited when it ends. Nothing
 * served here names a patient: counts, column definitions, parameters and the aggregate report.
 * The scope is checked before the policy name is looked at, so an outsider learns no policy name.
 */
export const cohortAdminPlugin: FastifyPluginAsync<CohortAdminOptions> = async (app, options) => {
  const upstream = new FhirUpstream(options.upstream);
  const rebuilds = new CohortRebuilds({
    registry: options.registry,
    upstream,
    store: options.store,
    audit: options.audit,
    onFailure: (error) => app.log.error({ code: error.code, route: 'cohort-rebuild-job' }, 'cohort rebuild failed'),
  });
  const baseOf = typeof options.publicBaseUrl === 'string' ? () => options.publicBaseUrl as string : options.publicBaseUrl;
  const retryAfter = String(options.retryAfterSeconds ?? 2);
  // preClose runs before every onClose hook, so a running build ends (closing the client makes it
  // fail at its next upstream call) and its audit record is written before the stores close.
  app.addHook('preClose', async () => {
    await upstream.close();
    await rebuilds.settle();
  });

  const admin = async (request: FastifyRequest): Promise<string> => {
    const { clientId } = await options.authorize(request);
    noteAudit(request, { interaction: 'admin', clientId, returned: {} });
    return clientId;
  };
  const policyOf = (params: unknown): string => {
    const name = (params as { policy?: unknown }).policy;
    if (typeof name !== 'string' || !POLICY_NAME.test(name)) throw new VoileError('NOT_FOUND', 'No avatar cohort is declared under this policy name');
    rebuilds.avatarPolicy(name);
    return name;
  };

  app.post('/admin/cohorts/:policy/$rebuild', async (request, reply) => {
    const clientId = await admin(request);
    const policy = policyOf(request.params);
    const status = rebuilds.start(policy, clientId);
    return sendJson(reply.code(202).header('content-location', statusUrl(baseOf(), status)), status);
  });

  app.get('/admin/cohorts/:policy/rebuilds/:job', async (request, reply) => {
    await admin(request);
    const policy = policyOf(request.params);
    const job = (request.params as { job?: string }).job ?? '';
    const status = JOB_ID.test(job) ? rebuilds.status(policy, job) : undefined;
    if (!status) throw new VoileError('NOT_FOUND', 'Rebuild job not found');
    if (status.state === 'running') reply.code(202).header('retry-after', retryAfter).header('x-progress', 'running');
    return sendJson(reply, status);
  });

  app.get('/admin/cohorts/:policy', async (request, reply) => {
    await admin(request);
    const policy = policyOf(request.params);
    const build = options.store.build(policy);
    const latest = rebuilds.latest(policy);
    return sendJson(reply, {
      policy,
      build: build
        ? {
            builtAt: build.builtAt,
            referenceDate: build.referenceDate,
            columns: build.columns.map((c) => ({ name: c.name, kind: c.kind })),
            // The seed is derived from the identity secret: not released.
            parameters: {
              k: build.parameters.k,
              ncp: build.parameters.ncp,
              ...(build.parameters.dominance !== undefined && { dominance: build.parameters.dominance }),
              ...(build.parameters.categoricalDecoding !== undefined && { categoricalDecoding: build.parameters.categoricalDecoding }),
            },
          }
        : null,
      report: build ? releasableReport(options.store.report(policy)) : null,
      rebuild: latest ? { ...latest, statusUrl: statusUrl(baseOf(), latest) } : null,
    });
  });
};

function statusUrl(base: string, status: RebuildStatus): string {
  return `${base.replace(/\/+$/, '')}/admin/cohorts/${status.policy}/rebuilds/${status.job}`;
}

function sendJson(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.header('cache-control', 'no-store').type('application/json; charset=utf-8').send(JSON.stringify(body));
}

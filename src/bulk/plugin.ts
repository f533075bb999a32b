import { createReadStream } from 'node:fs';
import { mkdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { Principal } from '../auth/principal.js';
import { noteAudit } from '../audit/hook.js';
import { toVoileError, VoileError } from '../errors.js';
import { canReadType as scopesGrant } from '../auth/access.js';
import type { ResponseContext } from '../fhir/responses.js';
import { operationOutcome } from '../server/error-mapping.js';
import { FhirUpstream } from '../upstream/fhir-upstream.js';
import { ExportJob, isJobId } from './job.js';
import { bulkLimitsOf, type BulkExportOptions } from './options.js';
import { parseQuery, rawQuery } from '../fhir/query-string.js';
import { planExport, type ExportLevel } from './request.js';
import { removeJobFiles, runExport } from './runner.js';

/**
 * FHIR Bulk Data Access (v2) `$export` through the gateway, mounted under `/fhir`:
 *
 *   GET    /$export, /Patient/$export, /Group/{pseudo}/$export   kick-off (Prefer: respond-async) → 202
 *   GET    /$export-status/{job}                                 202 + X-Progress, then 200 + manifest
 *   DELETE /$export-status/{job}                                 cancel: 202, files removed
 *   GET    /$export-file/{job}/{n}.ndjson                        one output file, streamed from disk
 *
 * Jobs live in this process's memory (see docs/bulk.md); their files in `dir/{job}`; both belong
 * to the caller that started them and expire `fileTtlSeconds` after the job ends.
 */
const FILE_NAME = /^(?:\d{1,4}|error)\.ndjson$/;
const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const NDJSON = 'application/fhir+ndjson';

export const bulkExportPlugin: FastifyPluginAsync<BulkExportOptions> = async (app, options) => {
  const limits = bulkLimitsOf(options);
  // The gateway's shared client is closed by the gateway; one opened here is closed here.
  const ownUpstream = options.upstream instanceof FhirUpstream ? undefined : new FhirUpstream(options.upstream, options.onUpstreamError);
  const upstream = ownUpstream ?? (options.upstream as FhirUpstream);
  const publicBase = typeof options.publicBaseUrl === 'string' ? () => options.publicBaseUrl as string : options.publicBaseUrl;
  const fhirBaseOf = () => `${publicBase().replace(/\/+$/, '')}/fhir`;
  const jobs = new Map<string, ExportJob>();
  await mkdir(limits.dir, { recursive: true, mode: 0o700 });

  app.addHook('onRequest', async (request) => {
    request.principal ??= await options.authenticate(request);
  });

  const sweeper = setInterval(() => void sweepExpired(), Math.min(limits.fileTtlSeconds * 1000, 60_000));
  sweeper.unref();
  app.addHook('onClose', async () => {
    clearInterval(sweeper);
    for (const job of jobs.values()) job.abort.abort();
    await Promise.allSettled([...jobs.values()].map(async (job) => {
      await job.finished;
      await removeJobFiles(job);
    }));
    jobs.clear();
    await ownUpstream?.close();
  });

  /** Expired jobs lose their files at once; their id answers 410 for one more TTL, then 404. */
  async function sweepExpired(): Promise<void> {
    const now = Date.now();
    for (const job of jobs.values()) {
      if (job.state === 'running' || now < job.expiresAt) continue;
      await removeJobFiles(job).catch(() => {});
      if (now >= job.expiresAt + limits.fileTtlSeconds * 1000) jobs.delete(job.id);
    }
  }

  const kickoff = async (request: FastifyRequest, reply: FastifyReply, level: ExportLevel, requestPath: string, groupId?: string) => {
    const principal = principalOf(request);
    requireRespondAsync(request);
    const params = parseQuery(rawQuery(request));
    const plan = await planExport(principal, {
      level,
      params,
      pageSize: Math.min(limits.pageSize, principal.policy.policy.fhir?.maxCount ?? limits.pageSize),
      upstreamTypes: () => upstreamResourceTypes(upstream),
    });
    // Counted after the last await, so two simultaneous kick-offs cannot both pass the limit.
    const running = [...jobs.values()].filter((j) => j.clientId === principal.clientId && j.state === 'running').length;
    if (running >= limits.maxConcurrentJobsPerClient) {
      reply.header('retry-after', String(limits.retryAfterSeconds * 5));
      throw new VoileError('RATE_LIMITED', 'Too many export jobs are running for this client', { detail: `limit ${limits.maxConcurrentJobsPerClient}` });
    }
    const query = rawQuery(request);
    const job = new ExportJob(principal, plan, `${fhirBaseOf()}/${requestPath}${query === '' ? '' : `?${query}`}`, limits.dir);
    jobs.set(job.id, job);
    // A page's resources are anonymized together, so several can fail in one job; the first failure
    // ends the job, and one failed job is one failure in the metrics.
    let anonymizationFailureCounted = false;
    const response: ResponseContext = {
      principal,
      upstream,
      fhirBase: fhirBaseOf(),
      cursorTtlSeconds: limits.fileTtlSeconds,
      onAnonymizationFailure: () => {
        if (anonymizationFailureCounted) return;
        anonymizationFailureCounted = true;
        options.onAnonymizationFailure?.();
      },
    };
    job.finished = runExport(job, { principal, upstream, limits, response, ...(groupId === undefined ? {} : { groupId }) }).then(
      () => {
        job.state = 'done';
        job.expiresAt = Date.now() + limits.fileTtlSeconds * 1000;
      },
      async (err: unknown) => {
        job.outputs = [];
        await removeJobFiles(job).catch(() => {});
        if (job.abort.signal.aborted) return; // cancelled: the job is already forgotten
        job.error = toVoileError(err);
        request.log.error({ code: job.error.code, route: 'bulk-export-job' }, 'export job failed');
        try {
          await mkdir(job.dir, { recursive: true, mode: 0o700 });
          await writeFile(path.join(job.dir, 'error.ndjson'), `${JSON.stringify(operationOutcome(job.error))}\n`, { mode: 0o600 });
        } catch {
          // The manifest still says the job failed; only the error file is missing.
        }
        job.state = 'failed';
        job.expiresAt = Date.now() + limits.fileTtlSeconds * 1000;
      },
    );
    return reply
      .code(202)
      .header('content-location', `${fhirBaseOf()}/$export-status/${job.id}`)
      .header('cache-control', 'no-store')
      .header('content-type', 'application/fhir+json; charset=utf-8')
      .send(JSON.stringify(acceptedOutcome()));
  };

  app.get('/$export', async (request, reply) => kickoff(request, reply, 'system', '$export'));
  app.get('/Patient/$export', async (request, reply) => kickoff(request, reply, 'patient', 'Patient/$export'));
  app.get<{ Params: { id: string } }>('/Group/:id/$export', async (request, reply) => {
    const principal = principalOf(request);
    const { id } = request.params;
    // The Group itself is never exported (the profile need not release it): only its members' data.
    if (!scopesGrant(principal.scopes, 'Group', 'r')) {
      throw new VoileError('INSUFFICIENT_SCOPE', 'The access token does not grant reading this Group');
    }
    if (!ID.test(id)) throw new VoileError('BAD_REQUEST', 'The resource id is malformed');
    const realId = await principal.policy.identity.resolveId('Group', id);
    if (realId === undefined) throw new VoileError('NOT_FOUND', 'Resource not found');
    return kickoff(request, reply, 'group', `Group/${id}/$export`, realId);
  });

  app.get<{ Params: { job: string } }>('/$export-status/:job', async (request, reply) => {
    noteAudit(request, { interaction: 'bulk' });
    const job = jobOf(request, request.params.job);
    reply.header('cache-control', 'no-store');
    if (job.state === 'running') {
      return reply.code(202).header('x-progress', job.progress()).header('retry-after', String(limits.retryAfterSeconds)).send();
    }
    const fileUrl = (name: string) => `${fhirBaseOf()}/$export-file/${job.id}/${name}`;
    const manifest = {
      transactionTime: job.transactionTime,
      request: job.requestUrl,
      requiresAccessToken: true,
      output: job.outputs.map((o) => ({ type: o.type, url: fileUrl(o.name), count: o.count })),
      error: job.state === 'failed' ? [{ type: 'OperationOutcome', url: fileUrl('error.ndjson') }] : [],
    };
    return reply
      .code(200)
      .header('expires', new Date(job.expiresAt).toUTCString())
      .header('content-type', 'application/json; charset=utf-8')
      .send(JSON.stringify(manifest));
  });

  app.delete<{ Params: { job: string } }>('/$export-status/:job', async (request, reply) => {
    noteAudit(request, { interaction: 'bulk' });
    const job = jobOf(request, request.params.job, { allowExpired: true });
    jobs.delete(job.id);
    job.abort.abort();
    await job.finished.catch(() => {});
    await removeJobFiles(job);
    return reply.code(202).header('cache-control', 'no-store').send();
  });

  app.get<{ Params: { job: string; file: string } }>('/$export-file/:job/:file', async (request, reply) => {
    noteAudit(request, { interaction: 'bulk' });
    const job = jobOf(request, request.params.job);
    const { file } = request.params;
    const output = job.outputs.find((o) => o.name === file);
    const known = output !== undefined || (job.state === 'failed' && file === 'error.ndjson');
    if (job.state === 'running' || !FILE_NAME.test(file) || !known) throw new VoileError('NOT_FOUND', 'Export file not found');
    const filePath = path.join(job.dir, file);
    const size = await stat(filePath).then((s) => s.size, () => undefined);
    if (size === undefined) throw new VoileError('NOT_FOUND', 'Export file not found');
    // A streamed file cannot be counted by the audit hook: the manifest's count is what leaves.
    noteAudit(request, output === undefined ? { returned: {} } : { resourceType: output.type, returned: output.count > 0 ? { [output.type]: output.count } : {} });
    return reply
      .code(200)
      .header('content-type', NDJSON)
      .header('content-length', String(size))
      .header('cache-control', 'no-store')
      .send(createReadStream(filePath));
  });

  /** The caller's job; another caller's, unknown or forged ids → 404; expired → 410. */
  function jobOf(request: FastifyRequest, id: string, options: { allowExpired?: boolean } = {}): ExportJob {
    const principal = principalOf(request);
    const job = isJobId(id) ? jobs.get(id) : undefined;
    if (!job || !job.belongsTo(principal)) throw new VoileError('NOT_FOUND', 'Export job not found');
    if (!options.allowExpired && Date.now() >= job.expiresAt) {
      void removeJobFiles(job).catch(() => {});
      throw new VoileError('GONE', 'This export has expired; start a new one');
    }
    return job;
  }
};

function requireRespondAsync(request: FastifyRequest): void {
  const prefer = request.headers.prefer;
  const values = (Array.isArray(prefer) ? prefer : [prefer ?? '']).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase());
  if (!values.includes('respond-async')) {
    throw new VoileError('BAD_REQUEST', '$export is asynchronous: send the header Prefer: respond-async');
  }
}

/** Resource types the upstream CapabilityStatement lists (used when the profile releases every type). */
async function upstreamResourceTypes(upstream: FhirUpstream): Promise<string[]> {
  const { body } = await upstream.getJson('metadata');
  const rest = (body as { rest?: { resource?: { type?: unknown }[] }[] } | null)?.rest;
  if (!Array.isArray(rest)) throw new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream FHIR server returned an unexpected document');
  return rest.flatMap((r) => (Array.isArray(r?.resource) ? r.resource : [])).map((r) => r?.type).filter((t): t is string => typeof t === 'string');
}

function acceptedOutcome() {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'information', code: 'informational', diagnostics: 'The export has started; poll the Content-Location URL' }],
  };
}

function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new VoileError('UNAUTHENTICATED', 'Authentication is required');
  return request.principal;
}


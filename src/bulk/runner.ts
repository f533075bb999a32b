import { mkdir, rm, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { Principal } from '../auth/principal.js';
import { VoileError } from '../errors.js';
import { anonymizeSingle, type ResponseContext } from '../fhir/responses.js';
import type { FhirUpstream } from '../upstream/fhir-upstream.js';
import { patientCompartmentParams } from './compartment.js';
import type { ExportJob } from './job.js';
import { NdjsonFile } from './ndjson-file.js';
import type { BulkLimits } from './options.js';

/**
 * The export itself, driven by the gateway: ordinary upstream searches paged with `next` links
 * (system level: `Type?…`; Patient and Group level: each type by its patient-compartment
 * parameters, patient by patient), every resource through the caller's anonymizer and scope
 * filter (the proxy's `anonymizeSingle`), one NDJSON file per type written with back-pressure.
 * Identity mappings are flushed before the job is marked done, so every pseudonym in the files
 * resolves through the gateway.
 */
export interface RunContext {
  readonly principal: Principal;
  readonly upstream: FhirUpstream;
  readonly limits: BulkLimits;
  readonly response: ResponseContext;
  /** The Group's real id for a Group-level export. */
  readonly groupId?: string;
}

const PATIENT_REF = /^Patient\/([A-Za-z0-9\-.]{1,64})$/;
const PATIENTS_PER_QUERY = 20;

export async function runExport(job: ExportJob, ctx: RunContext): Promise<void> {
  await mkdir(job.dir, { recursive: true, mode: 0o700 });
  const patients = job.plan.level === 'system' ? undefined : await listPatients(job, ctx);
  let fileNumber = 0;
  for (const type of job.plan.types) {
    fileNumber += 1;
    const name = `${fileNumber}.ndjson`;
    const file = new NdjsonFile(path.join(job.dir, name));
    try {
      const queries = job.plan.queries.get(type) ?? [];
      // Several queries (OR-ed filters, several compartment parameters) may meet the same resource.
      const seen = patients !== undefined || queries.length > 1 ? new Set<string>() : undefined;
      for (const first of upstreamSearches(type, queries, patients, job.plan.since, ctx.limits.pageSize)) {
        await pageThrough(first, type, job, ctx, file, seen);
      }
      await file.close();
    } catch (err) {
      file.destroy();
      throw err;
    }
    if (file.lines > 0) job.outputs.push({ type, name, count: file.lines });
    else await unlink(file.path);
    job.typesDone += 1;
  }
  await ctx.principal.policy.identity.flush();
}

/** Removes a job's folder (cancelled, failed or expired). */
export async function removeJobFiles(job: ExportJob): Promise<void> {
  await rm(job.dir, { recursive: true, force: true });
}

function* upstreamSearches(type: string, queries: readonly URLSearchParams[], patients: readonly string[] | undefined, since: string | undefined, pageSize: number) {
  const withPaging = (query: URLSearchParams) => {
    const q = new URLSearchParams(query);
    if (since !== undefined) q.append('_lastUpdated', `gt${since}`);
    q.set('_count', String(pageSize));
    return `${type}?${q.toString()}`;
  };
  if (patients === undefined) {
    for (const query of queries) yield withPaging(query);
    return;
  }
  const params = patientCompartmentParams(type);
  // Patients are searched a batch at a time (OR-ed reference values), each batch by every
  // compartment parameter of the type: far fewer upstream round trips than one per patient.
  for (let i = 0; i < patients.length; i += PATIENTS_PER_QUERY) {
    const batch = patients.slice(i, i + PATIENTS_PER_QUERY);
    for (const param of params) {
      for (const query of queries) {
        const q = new URLSearchParams(query);
        q.append(param, batch.map((id) => (param === '_id' ? id : `Patient/${id}`)).join(','));
        yield withPaging(q);
      }
    }
  }
}

async function pageThrough(firstPath: string, type: string, job: ExportJob, ctx: RunContext, file: NdjsonFile, seen: Set<string> | undefined): Promise<void> {
  const signal = job.abort.signal;
  let next: string | undefined = firstPath;
  const visited = new Set<string>();
  while (next !== undefined) {
    signal.throwIfAborted();
    if (visited.has(next)) throw badUpstream();
    visited.add(next);
    const { body } = await ctx.upstream.getJson(next, signal);
    const bundle = asSearchBundle(body);
    const matches: Resource[] = [];
    for (const entry of bundle.entry ?? []) {
      const resource = entry?.resource;
      // Included resources, upstream OperationOutcomes (which quote upstream text): never exported.
      if (!resource || resource.resourceType !== type || typeof resource.id !== 'string') continue;
      if (seen) {
        if (seen.has(resource.id)) continue;
        seen.add(resource.id);
      }
      matches.push(resource);
    }
    const anonymized = await Promise.all(matches.map((r) => anonymizeSingle(r, type, ctx.response)));
    for (const resource of anonymized) {
      if (resource === undefined) continue;
      if (job.written >= ctx.limits.maxResourcesPerJob) {
        throw new VoileError('PAYLOAD_TOO_LARGE', 'The export exceeds the number of resources one job may write', {
          detail: `limit ${ctx.limits.maxResourcesPerJob} resources`,
        });
      }
      await file.writeLine(resource, signal);
      job.written += 1;
    }
    next = nextPath(bundle, ctx.upstream);
  }
}

/** The patients of a Patient-level (every patient the caller may search) or Group-level export. */
async function listPatients(job: ExportJob, ctx: RunContext): Promise<string[]> {
  const signal = job.abort.signal;
  const confined = ctx.principal.patientId;
  if (job.plan.level === 'group') {
    const { body } = await ctx.upstream.getJson(`Group/${encodeURIComponent(ctx.groupId!)}`, signal);
    if (!isObject(body) || body.resourceType !== 'Group') throw badUpstream();
    const members = Array.isArray(body.member) ? (body.member as unknown[]) : [];
    const ids = new Set<string>();
    for (const member of members) {
      if (!isObject(member) || member.inactive === true || !isObject(member.entity)) continue;
      const id = PATIENT_REF.exec(String(member.entity.reference ?? ''))?.[1];
      if (id !== undefined && (confined === undefined || id === confined)) ids.add(id);
    }
    return [...ids];
  }
  if (confined !== undefined) return [confined];
  const ids: string[] = [];
  let next: string | undefined = `Patient?_elements=id&_count=${ctx.limits.pageSize}`;
  while (next !== undefined) {
    signal.throwIfAborted();
    const { body } = await ctx.upstream.getJson(next, signal);
    const bundle = asSearchBundle(body);
    for (const entry of bundle.entry ?? []) {
      const resource = entry?.resource;
      if (resource?.resourceType === 'Patient' && typeof resource.id === 'string') ids.push(resource.id);
    }
    if (ids.length > ctx.limits.maxResourcesPerJob) {
      throw new VoileError('PAYLOAD_TOO_LARGE', 'The export exceeds the number of resources one job may write', {
        detail: `limit ${ctx.limits.maxResourcesPerJob} resources`,
      });
    }
    next = nextPath(bundle, ctx.upstream);
  }
  return ids;
}

function nextPath(bundle: Bundle, upstream: FhirUpstream): string | undefined {
  const link = (bundle.link ?? []).find((l) => l?.relation === 'next');
  if (link === undefined) return undefined;
  // A next link must stay under the upstream base, like a paging cursor of the proxy.
  const relative = typeof link.url === 'string' ? upstream.relativize(link.url) : undefined;
  if (relative === undefined || upstream.resolve(relative) === undefined) throw badUpstream();
  return relative;
}

function asSearchBundle(body: unknown): Bundle {
  if (!isObject(body) || body.resourceType !== 'Bundle' || (body.entry !== undefined && !Array.isArray(body.entry))) throw badUpstream();
  return body as unknown as Bundle;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function badUpstream(): VoileError {
  return new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream FHIR server returned an unexpected document');
}

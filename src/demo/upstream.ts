import { isResourceType } from '@medplum/core';
import { FhirRouter } from '@medplum/fhir-router';
import type { Resource } from '@medplum/fhirtypes';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { generateCohort, type Cohort } from './cohort.js';
import { loadFhirDefinitions } from './definitions.js';
import { capabilityStatement } from './upstream/capability.js';
import { IndexedMemoryRepository } from './upstream/indexed-repository.js';
import { FhirHttpError, notFound, toHttpError } from './upstream/outcome.js';
import { DemoFhirService } from './upstream/service.js';
import { ResourceShaper } from './upstream/shape.js';
import { isFhirId } from '../util/fhir-id.js';

export interface DemoUpstreamOptions {
  /** Default 0: a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Default: `generateCohort()` (seed 42, 120 patients). */
  readonly cohort?: Cohort;
}

export interface DemoUpstream {
  /** FHIR base URL, e.g. `http://127.0.0.1:41234/fhir`. */
  readonly url: string;
  readonly cohort: Cohort;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const TYPE = /^[A-Z][A-Za-z]{1,63}$/;

/**
 * A real FHIR R4 server in-process (@medplum/fhir-router over its MemoryRepository) loaded with a
 * generated cohort: the upstream of `npm start`, of the end-to-end tests and of the benchmark.
 * Read-only; resources keep their generated (real) ids.
 */
export async function startDemoUpstream(options: DemoUpstreamOptions = {}): Promise<DemoUpstream> {
  const { resources: definitions } = loadFhirDefinitions();
  const cohort = options.cohort ?? generateCohort();
  const repo = new IndexedMemoryRepository();
  const types = new Set<string>();
  for (const resource of cohort.resources) {
    await repo.createResource(resource);
    types.add(resource.resourceType);
  }
  repo.seal();
  const router = new FhirRouter();
  const shaper = new ResourceShaper(definitions);

  let baseUrl = '';
  let service: DemoFhirService | undefined;
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      if (!service) throw new FhirHttpError(503, 'transient', 'Server is starting');
      const url = new URL(req.url ?? '/', 'http://upstream.invalid');
      const body = await readBody(req);
      const result = await dispatch(service, req.method ?? 'GET', url, req.headers['content-type'], body, baseUrl, [...types]);
      send(res, 200, result, etagHeaders(result));
    } catch (err) {
      const error = toHttpError(err);
      send(res, error.status, error.outcome, error.headers);
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}/fhir`;
  service = new DemoFhirService(repo, router, shaper, baseUrl);

  return {
    url: baseUrl,
    cohort,
    close: () => closeServer(server),
  };
}

async function dispatch(
  service: DemoFhirService,
  method: string,
  url: URL,
  contentType: string | undefined,
  body: string,
  baseUrl: string,
  types: string[],
): Promise<Resource> {
  const segments = url.pathname.split('/').filter((s) => s.length > 0).map(decodeURIComponent);
  if (segments[0] !== 'fhir') throw notFound('Not a FHIR endpoint');
  const path = segments.slice(1);
  const query = [...url.searchParams.entries()] as [string, string][];
  const [type, second, third, fourth] = path;

  if (path.length === 1 && type === 'metadata') {
    requireMethod(method, ['GET']);
    return capabilityStatement(baseUrl, types);
  }
  if (!type) {
    requireMethod(method, ['GET']);
    throw new FhirHttpError(400, 'not-supported', 'System-level search is not supported; search a resource type');
  }
  if (!TYPE.test(type) || !isResourceType(type)) throw notFound('Unknown resource type');

  if (path.length === 1) {
    requireMethod(method, ['GET']);
    return service.search(type, query);
  }
  if (path.length === 2 && second === '_search') {
    requireMethod(method, ['POST']);
    return service.search(type, [...query, ...formParams(contentType, body)]);
  }
  if (!isFhirId(second)) throw notFound('Unknown endpoint');
  if (path.length === 2) {
    requireMethod(method, ['GET']);
    return service.read(type, second, query);
  }
  if (path.length === 3 && type === 'Patient' && third === '$everything') {
    requireMethod(method, ['GET', 'POST']);
    return service.everything(second, method === 'POST' ? [...query, ...formParams(contentType, body)] : query);
  }
  if (path.length === 3 && third === '_history') {
    requireMethod(method, ['GET']);
    return service.history(type, second);
  }
  if (path.length === 4 && third === '_history' && isFhirId(fourth)) {
    requireMethod(method, ['GET']);
    return service.vread(type, second, fourth);
  }
  throw notFound('Unknown endpoint');
}

function requireMethod(method: string, allowed: string[]): void {
  if (!allowed.includes(method)) {
    throw new FhirHttpError(405, 'not-supported', 'This server is read-only: the method is not allowed here', { allow: allowed.join(', ') });
  }
}

function formParams(contentType: string | undefined, body: string): [string, string][] {
  if (body.length === 0) return [];
  if (!contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new FhirHttpError(415, 'not-supported', 'POST _search takes an application/x-www-form-urlencoded body');
  }
  return [...new URLSearchParams(body).entries()];
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new FhirHttpError(413, 'too-costly', 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function etagHeaders(resource: Resource): Record<string, string> {
  if (resource.resourceType === 'Bundle' || resource.resourceType === 'CapabilityStatement') return {};
  const headers: Record<string, string> = {};
  if (resource.meta?.versionId) headers.etag = `W/"${resource.meta.versionId}"`;
  if (resource.meta?.lastUpdated) headers['last-modified'] = new Date(resource.meta.lastUpdated).toUTCString();
  return headers;
}

function send(res: ServerResponse, status: number, body: Resource, headers: Readonly<Record<string, string>>): void {
  if (res.headersSent) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': FHIR_JSON, 'content-length': Buffer.byteLength(payload), ...headers });
  res.end(payload);
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}

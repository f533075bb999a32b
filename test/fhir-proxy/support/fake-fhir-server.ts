import { createServer, type IncomingMessage, type RequestListener, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Bundle, Resource } from '@medplum/fhirtypes';

/**
 * A small but real FHIR R4 server over node:http for the proxy's tests: read, vread, search with
 * `_count`/`_offset` paging and absolute `Bundle.link`s, `_id`, `subject`/`patient`, `date` bounds,
 * `_include=…:subject`, `Patient/{id}/$everything`, and metadata. Every request is recorded, so a
 * test can assert that the gateway did (or did not) call the upstream. `override` lets a test
 * answer a request itself (errors, hostile bodies).
 */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
}

export type Override = (req: RecordedRequest, res: ServerResponse) => boolean;

export interface FakeFhirServer {
  /** Base URL, e.g. `http://127.0.0.1:1234/fhir/R4`. */
  url: string;
  readonly requests: RecordedRequest[];
  override: Override | undefined;
  close(): Promise<void>;
}

export async function startFakeFhirServer(
  resources: readonly Resource[],
  basePath = '/fhir/R4',
  tls?: { cert: string; key: string },
): Promise<FakeFhirServer> {
  const byKey = new Map(resources.map((r) => [`${r.resourceType}/${r.id}`, r]));
  const state: FakeFhirServer = { url: '', requests: [], override: undefined, close: async () => {} };
  const listener: RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams };
    state.requests.push(recorded);
    if (state.override?.(recorded, res)) return;
    if (!url.pathname.startsWith(`${basePath}/`) && url.pathname !== basePath) return send(res, 404, outcome('no such base'));
    const rest = url.pathname.slice(basePath.length + 1).split('/').map(decodeURIComponent);
    handle(req, res, rest, url.searchParams);
  };
  const server = tls ? createTlsServer(tls, listener) : createServer(listener);

  const handle = (req: IncomingMessage, res: ServerResponse, parts: string[], query: URLSearchParams) => {
    if (req.method !== 'GET') return send(res, 405, outcome('read only'));
    const [type, id, op, vid] = parts;
    if (type === 'metadata') return send(res, 200, capabilityStatement());
    if (id === undefined) return send(res, 200, search(type!, query, `${type}`));
    if (op === '$everything') {
      const everything = resources.filter((r) => r.id === id && r.resourceType === 'Patient' || refersTo(r, `Patient/${id}`));
      return send(res, 200, page(everything, query, `Patient/${id}/$everything`));
    }
    const resource = byKey.get(`${type}/${id}`);
    if (!resource) return send(res, 404, outcome(`Resource ${type}/${id} not found`));
    if (op === '_history') {
      if (vid !== resource.meta?.versionId) return send(res, 404, outcome('no such version'));
    }
    return send(res, 200, resource);
  };

  const search = (type: string, query: URLSearchParams, path: string): Bundle => {
    let matches = resources.filter((r) => r.resourceType === type);
    for (const [name, value] of query) {
      if (name === '_id') matches = matches.filter((r) => value.split(',').includes(r.id!));
      if (name === 'subject' || name === 'patient') matches = matches.filter((r) => value.split(',').some((v) => refersTo(r, v)));
      if (name === 'date') matches = matches.filter((r) => dateMatches((r as { effectiveDateTime?: string }).effectiveDateTime, value));
    }
    const includes: Resource[] = [];
    for (const inc of query.getAll('_include')) {
      if (!inc.endsWith(':subject') && !inc.endsWith(':patient')) continue;
      for (const m of matches) {
        const ref = (m as { subject?: { reference?: string } }).subject?.reference;
        const target = ref === undefined ? undefined : byKey.get(ref);
        if (target && !includes.includes(target)) includes.push(target);
      }
    }
    return page(matches, query, path, includes);
  };

  const page = (matches: Resource[], query: URLSearchParams, path: string, includes: Resource[] = []): Bundle => {
    const count = Number(query.get('_count') ?? 20);
    const offset = Number(query.get('_offset') ?? 0);
    const slice = matches.slice(offset, offset + count);
    const linkTo = (o: number) => {
      const q = new URLSearchParams(query);
      q.set('_offset', String(o));
      return `${state.url}/${path}?${q.toString()}`;
    };
    const link = [{ relation: 'self', url: linkTo(offset) }];
    if (offset + count < matches.length) link.push({ relation: 'next', url: linkTo(offset + count) });
    if (offset > 0) link.push({ relation: 'previous', url: linkTo(Math.max(0, offset - count)) });
    return {
      resourceType: 'Bundle',
      type: 'searchset',
      total: matches.length,
      link,
      entry: [
        ...slice.map((r) => ({ fullUrl: `${state.url}/${r.resourceType}/${r.id}`, resource: r, search: { mode: 'match' as const } })),
        ...includes.map((r) => ({ fullUrl: `${state.url}/${r.resourceType}/${r.id}`, resource: r, search: { mode: 'include' as const } })),
        { resource: outcome('search warning quoting upstream data'), search: { mode: 'outcome' as const } },
      ],
    };
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  state.url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}${basePath}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/fhir+json' });
  res.end(JSON.stringify(body));
}

export function outcome(diagnostics: string): Resource {
  return { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: 'processing', diagnostics }] };
}

function refersTo(r: Resource, reference: string): boolean {
  const x = r as { subject?: { reference?: string }; patient?: { reference?: string } };
  return x.subject?.reference === reference || x.patient?.reference === reference;
}

function dateMatches(value: string | undefined, condition: string): boolean {
  if (value === undefined) return false;
  const m = /^(ge|le|gt|lt|eq)?(.*)$/.exec(condition)!;
  const v = value.slice(0, 10);
  const bound = m[2]!.slice(0, 10);
  switch (m[1]) {
    case 'ge':
      return v >= bound;
    case 'le':
      return v <= bound;
    case 'gt':
      return v > bound;
    case 'lt':
      return v < bound;
    default:
      return v === bound;
  }
}

function capabilityStatement() {
  const resource = (type: string, params: [string, string][]) => ({
    type,
    documentation: 'upstream text that must not pass',
    interaction: ['read', 'vread', 'search-type', 'create', 'update', 'delete', 'history-instance'].map((code) => ({ code })),
    searchParam: params.map(([name, type]) => ({ name, type, documentation: 'upstream doc' })),
    searchInclude: [`${type}:subject`, `${type}:performer`],
    ...(type === 'Patient' ? { operation: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }] } : {}),
  });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    kind: 'instance',
    fhirVersion: '4.0.1',
    format: ['json'],
    software: { name: 'Upstream EHR', version: '9.9' },
    implementation: { description: 'Hospital EHR', url: 'http://ehr.internal/fhir' },
    rest: [
      {
        mode: 'server',
        resource: [
          resource('Patient', [['_id', 'token'], ['name', 'string'], ['birthdate', 'date'], ['gender', 'token']]),
          resource('Observation', [['_id', 'token'], ['subject', 'reference'], ['patient', 'reference'], ['code', 'token'], ['date', 'date']]),
          resource('Practitioner', [['_id', 'token'], ['name', 'string']]),
        ],
        interaction: [{ code: 'transaction' }, { code: 'search-system' }],
      },
    ],
  };
}

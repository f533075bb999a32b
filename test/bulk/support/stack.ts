import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { request } from 'undici';
import { auditPlugin } from '../../../src/audit/index.js';
import type { Principal } from '../../../src/auth/principal.js';
import { bulkExportPlugin, type BulkExportOptions } from '../../../src/bulk/index.js';
import { generateCohort, type Cohort } from '../../../src/demo/cohort.js';
import { startDemoUpstream, type DemoUpstream } from '../../../src/demo/upstream.js';
import { VoileError } from '../../../src/errors.js';
import { loadPolicyRegistry } from '../../../src/policy/registry.js';
import type { ResolvedPolicy } from '../../../src/policy/runtime.js';
import { buildGateway } from '../../../src/server/app.js';
import type { AuditStore } from '../../../src/store/audit-store.js';
import { MemoryMappingStore } from '../../../src/store/mapping-store.js';
import { freePort } from '../../helpers/ports.js';

/**
 * The gateway with the bulk plugin in front of the embedded demo upstream, as the composition
 * root assembles it (buildGateway, then register). Two clients share the demo-research policy;
 * the test picks one with the `x-test-client` header.
 */
export interface BulkStack {
  readonly upstream: DemoUpstream;
  readonly cohort: Cohort;
  readonly gateway: FastifyInstance;
  /** e.g. http://127.0.0.1:1234/fhir */
  readonly base: string;
  readonly policy: ResolvedPolicy;
  readonly dir: string;
  get(url: string, client?: string, headers?: Record<string, string>): Promise<HttpResult>;
  del(url: string, client?: string): Promise<HttpResult>;
  /** Kick-off with Prefer: respond-async; returns the status URL. */
  kickoff(pathAndQuery: string, client?: string): Promise<string>;
  /** Polls the status URL until the manifest comes. */
  waitForManifest(statusUrl: string, client?: string): Promise<Manifest>;
  close(): Promise<void>;
}

export interface HttpResult {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
}

export interface Manifest {
  readonly transactionTime: string;
  readonly request: string;
  readonly requiresAccessToken: boolean;
  readonly output: { type: string; url: string; count: number }[];
  readonly error: { type: string; url: string }[];
}

export const BULK_SECRET = Buffer.alloc(32, 0x42);

/** Per test client: scopes and patient binding other than the default `system/*.rs`. */
export type TestClients = Readonly<Record<string, Partial<Pick<Principal, 'scopes' | 'patientId'>>>>;

export async function startBulkStack(
  options: { patients?: number; extraResources?: Resource[]; bulk?: Partial<BulkExportOptions>; clients?: TestClients; audit?: AuditStore } = {},
): Promise<BulkStack> {
  const generated = generateCohort({ seed: 42, patients: options.patients ?? 30 });
  const cohort: Cohort = { ...generated, resources: [...generated.resources, ...(options.extraResources ?? [])] };
  const upstream = await startDemoUpstream({ cohort });
  const gateway = await startBulkGateway(upstream.url, options.bulk, options.clients, undefined, options.audit);
  return {
    ...gateway,
    upstream,
    cohort,
    async close() {
      await gateway.close();
      await upstream.close();
    },
  };
}

export type BulkGateway = Omit<BulkStack, 'upstream' | 'cohort'>;

/** The gateway with the bulk plugin in front of any upstream (the demo one, or a hostile fake). */
export async function startBulkGateway(
  upstreamUrl: string,
  bulk: Partial<BulkExportOptions> = {},
  clients: TestClients = {},
  /** Another policy than demo-research (e.g. one whose anonymizer fails). */
  policyOverride?: ResolvedPolicy,
  /** Registers the audit trail (as the composition root does, before the bulk plugin) into this store. */
  audit?: AuditStore,
): Promise<BulkGateway> {
  const registry = loadPolicyRegistry({
    policiesDir: path.resolve(process.cwd(), 'policies'),
    profilesDir: path.resolve(process.cwd(), 'profiles'),
    store: new MemoryMappingStore(),
    only: ['demo-research'],
    secretOf: () => BULK_SECRET,
  });
  const policy = policyOverride ?? registry.get('demo-research')!;
  const authenticate = async (req: FastifyRequest): Promise<Principal> => {
    const client = req.headers['x-test-client'];
    if (typeof client !== 'string' || !/^[a-z-]{1,32}$/.test(client)) throw new VoileError('UNAUTHENTICATED', 'Authentication is required');
    return { clientId: client, scopes: ['system/*.rs'], policy, ...clients[client] };
  };
  const port = await freePort();
  const publicBaseUrl = `http://127.0.0.1:${port}`;
  const dir = await mkdtemp(path.join(tmpdir(), 'voile-bulk-test-'));
  const gateway = await buildGateway({
    publicBaseUrl,
    upstream: { fhir: { url: upstreamUrl, timeoutMs: 10_000 } },
    registry: policyOverride ? { get: (name) => (name === policy.name ? policy : undefined), all: () => [policy] } : registry,
    authenticate,
    logger: false,
  });
  if (audit) await gateway.register(auditPlugin, { store: audit });
  await gateway.register(bulkExportPlugin, {
    prefix: '/fhir',
    upstream: { url: upstreamUrl, timeoutMs: 10_000 },
    publicBaseUrl,
    authenticate,
    dir,
    retryAfterSeconds: 1,
    ...bulk,
  });
  await gateway.listen({ port, host: '127.0.0.1' });
  const base = `${publicBaseUrl}/fhir`;

  const send = async (method: 'GET' | 'DELETE', url: string, client: string, headers: Record<string, string> = {}): Promise<HttpResult> => {
    const res = await request(url, { method, headers: { 'x-test-client': client, ...headers } });
    return { status: res.statusCode, headers: res.headers, text: await res.body.text() };
  };
  return {
    gateway,
    base,
    policy,
    dir,
    get: (url, client = 'alpha', headers) => send('GET', url, client, headers),
    del: (url, client = 'alpha') => send('DELETE', url, client),
    async kickoff(pathAndQuery, client = 'alpha') {
      const res = await send('GET', `${base}/${pathAndQuery}`, client, { prefer: 'respond-async', accept: 'application/fhir+json' });
      if (res.status !== 202) throw new Error(`kick-off answered ${res.status}: ${res.text}`);
      return String(res.headers['content-location']);
    },
    async waitForManifest(statusUrl, client = 'alpha') {
      for (;;) {
        const res = await send('GET', statusUrl, client);
        if (res.status === 200) return JSON.parse(res.text) as Manifest;
        if (res.status !== 202) throw new Error(`status answered ${res.status}: ${res.text}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    async close() {
      await gateway.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Every line of every output file of a manifest, parsed. */
export async function downloadAll(stack: BulkStack, manifest: Manifest, client = 'alpha'): Promise<Resource[]> {
  const out: Resource[] = [];
  for (const file of manifest.output) {
    const res = await stack.get(file.url, client);
    if (res.status !== 200) throw new Error(`file answered ${res.status}`);
    const lines = res.text.split('\n').filter((l) => l !== '');
    if (lines.length !== file.count) throw new Error(`file ${file.url} has ${lines.length} lines, manifest says ${file.count}`);
    for (const line of lines) out.push(JSON.parse(line) as Resource);
  }
  return out;
}


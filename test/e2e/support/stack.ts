import type { FastifyInstance } from 'fastify';
import { Client } from 'fhir-kit-client';
import { Writable } from 'node:stream';
import type { LoggerOptions } from 'pino';
import path from 'node:path';
import { generateCohort, type Cohort } from '../../../src/demo/cohort.js';
import { startDemoUpstream, type DemoUpstream } from '../../../src/demo/upstream.js';
import { loadPolicyRegistry } from '../../../src/policy/registry.js';
import { textDeidentifierFor } from '../../../src/policy/text-binding.js';
import type { ResolvedPolicy } from '../../../src/policy/runtime.js';
import { buildGateway, fixedPolicyAuthenticator } from '../../../src/server/app.js';
import { MemoryMappingStore } from '../../../src/store/mapping-store.js';
import { freePort } from '../../helpers/ports.js';

/** The end-to-end stack: the embedded demo upstream, the gateway in front of it, a real FHIR client. */
export interface Stack {
  readonly upstream: DemoUpstream;
  readonly cohort: Cohort;
  readonly gateway: FastifyInstance;
  /** Gateway FHIR base, e.g. http://127.0.0.1:1234/fhir */
  readonly base: string;
  readonly client: Client;
  readonly policy: ResolvedPolicy;
  /** Every log line the gateway wrote (trace level), for the no-PHI-in-logs check. */
  readonly logs: string[];
  close(): Promise<void>;
}

export const E2E_SECRET = Buffer.alloc(32, 0x5a);

export async function startStack(options: { patients?: number; policy?: string } = {}): Promise<Stack> {
  const cohort = generateCohort({ seed: 42, patients: options.patients ?? 120 });
  const upstream = await startDemoUpstream({ cohort });
  const policyName = options.policy ?? 'demo-research';
  // Policies that ask for free-text de-identification get the real pipeline (rules + NER model).
  const closers: (() => Promise<void>)[] = [];
  const registry = loadPolicyRegistry({
    textFor: (policy, identity) => {
      const text = textDeidentifierFor(policy, identity);
      closers.push(() => text.close());
      return text;
    },
    policiesDir: path.resolve(process.cwd(), 'policies'),
    profilesDir: path.resolve(process.cwd(), 'profiles'),
    store: new MemoryMappingStore(),
    only: [policyName],
    secretOf: () => E2E_SECRET,
  });
  const policy = registry.get(policyName);
  if (!policy) throw new Error(`policy ${policyName} not loaded`);
  const logs: string[] = [];
  const port = await freePort();
  const publicBaseUrl = `http://127.0.0.1:${port}`;
  const gateway = await buildGateway({
    publicBaseUrl,
    upstream: { fhir: { url: upstream.url, timeoutMs: 10_000 } },
    registry,
    authenticate: fixedPolicyAuthenticator(policy),
    // The most verbose level, captured: the leak test reads these lines too.
    logger: { level: 'trace', stream: new Writable({ write: (chunk, _enc, done) => (logs.push(String(chunk)), done()) }) } as unknown as LoggerOptions,
  });
  await gateway.listen({ port, host: '127.0.0.1' });
  const base = `${publicBaseUrl}/fhir`;
  return {
    upstream,
    cohort,
    gateway,
    base,
    client: new Client({ baseUrl: base }),
    policy,
    logs,
    close: async () => {
      await gateway.close();
      await upstream.close();
      for (const close of closers) await close();
    },
  };
}


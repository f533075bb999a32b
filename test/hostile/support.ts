import type { FastifyInstance } from 'fastify';
import { createAuthenticator } from '../../src/auth/authenticator.js';
import type { AuthConfig } from '../../src/auth/config.js';
import type { PolicyRegistry, ResolvedPolicy } from '../../src/policy/runtime.js';
import type { Policy, PolicyBinding } from '../../src/policy/types.js';
import { buildGateway } from '../../src/server/app.js';
import { cohort, IDENTIFYING_VALUES } from '../fhir-proxy/support/fixtures.js';
import { startFakeFhirServer, type FakeFhirServer } from '../fhir-proxy/support/fake-fhir-server.js';
import { testPolicy } from '../fhir-proxy/support/policy.js';
import { startAuthServer, type TestAuthServer, type TestClientSpec } from '../helpers/oidc.js';

export { IDENTIFYING_VALUES };

export const AUDIENCE = 'https://voile.hostile.test/fhir';

/**
 * The whole chain as a partner meets it: a real authorization server (oidc-provider), the gateway
 * built by `buildGateway` with Voile's authenticator, and a recording FHIR upstream, so every test
 * can assert that a hostile request never reached the upstream.
 */
export interface HostileStack {
  readonly as: TestAuthServer;
  readonly upstream: FakeFhirServer;
  readonly app: FastifyInstance;
  readonly url: string;
  readonly research: ResolvedPolicy;
  readonly other: ResolvedPolicy;
  call(path: string, init?: RequestInit & { token?: string }): Promise<{ status: number; headers: Headers; text: string; body: any }>;
  close(): Promise<void>;
}

export async function startHostileStack(
  clients: readonly TestClientSpec[],
  bindings: { research: PolicyBinding; other?: PolicyBinding; fhir?: Policy['fhir']; limits?: Policy['limits'] },
  /** Registers more plugins after the gateway is built, as the composition root does. */
  extend?: (app: FastifyInstance) => Promise<void>,
): Promise<HostileStack> {
  const base = withBinding(testPolicy({ name: 'research', ...(bindings.fhir ? { fhir: bindings.fhir } : {}) }), bindings.research);
  const research = bindings.limits ? { ...base, policy: { ...base.policy, limits: bindings.limits } } : base;
  const other = withBinding(testPolicy({ name: 'other', secret: Buffer.alloc(32, 99) }), bindings.other ?? { clients: ['nobody'] });
  const registry: PolicyRegistry = { get: (n) => [research, other].find((p) => p.name === n), all: () => [research, other] };
  const resolvedClients = clients.map((c) => (typeof c.extraClaims?.patient === 'function' ? { ...c, extraClaims: { patient: (c.extraClaims.patient as (p: ResolvedPolicy) => string)(research) } } : c));
  const as = await startAuthServer({ audience: AUDIENCE, clients: resolvedClients });
  const upstream = await startFakeFhirServer(cohort());
  const auth: AuthConfig = { mode: 'jwt', audience: AUDIENCE, issuers: [{ issuer: as.issuer }] };
  const app = await buildGateway({
    publicBaseUrl: 'http://gateway.invalid',
    upstream: { fhir: { url: upstream.url, timeoutMs: 2000 } },
    registry,
    authenticate: createAuthenticator(auth, registry),
    logger: false,
  });
  await extend?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    as,
    upstream,
    app,
    url,
    research,
    other,
    async call(path, init = {}) {
      const { token, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== undefined) headers.set('authorization', `Bearer ${token}`);
      const res = await fetch(`${url}${path}`, { ...rest, headers });
      const text = await res.text();
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      return { status: res.status, headers: res.headers, text, body };
    },
    async close() {
      await app.close();
      await upstream.close();
      await as.close();
    },
  };
}

function withBinding(policy: ResolvedPolicy, bind: PolicyBinding): ResolvedPolicy {
  return { ...policy, policy: { ...policy.policy, bind } };
}

/** Nothing a hostile request gets back may carry a value from the cohort. */
export function expectNothingIdentifying(text: string): void {
  for (const value of IDENTIFYING_VALUES) {
    if (text.includes(value)) throw new Error(`response carries an identifying value of the fixture (#${IDENTIFYING_VALUES.indexOf(value)})`);
  }
}

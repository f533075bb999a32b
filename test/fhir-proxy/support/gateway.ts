import type { FastifyInstance } from 'fastify';
import { Client } from 'fhir-kit-client';
import type { Principal } from '../../../src/auth/principal.js';
import type { ResolvedPolicy } from '../../../src/policy/runtime.js';
import { buildGateway, fixedPolicyAuthenticator } from '../../../src/server/app.js';
import type { GatewayOptions } from '../../../src/server/options.js';
import { freePort } from '../../helpers/ports.js';

export interface RunningGateway {
  readonly app: FastifyInstance;
  /** e.g. `http://127.0.0.1:1234` */
  readonly url: string;
  readonly client: Client;
  close(): Promise<void>;
}

/** Starts the gateway on a free loopback port in front of `upstreamUrl`, with a real FHIR client. */
export async function startGateway(
  upstreamUrl: string,
  policy: ResolvedPolicy,
  overrides: Partial<GatewayOptions> & { principal?: Partial<Principal> } = {},
): Promise<RunningGateway> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { principal, ...rest } = overrides;
  const authenticate = principal
    ? async () => ({ clientId: 'test-client', scopes: ['system/*.rs'], policy, ...principal })
    : fixedPolicyAuthenticator(policy);
  const app = await buildGateway({
    publicBaseUrl: url,
    upstream: { fhir: { url: upstreamUrl, timeoutMs: 2000 } },
    registry: { get: (name) => (name === policy.name ? policy : undefined), all: () => [policy] },
    authenticate,
    logger: false,
    ...rest,
  });
  await app.listen({ port, host: '127.0.0.1' });
  return { app, url, client: new Client({ baseUrl: `${url}/fhir` }), close: () => app.close() };
}


import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { assembleGateway } from '../../../src/cli/gateway.js';
import type { Runtime } from '../../../src/cli/runtime.js';
import { validateConfig } from '../../../src/config/load.js';

/** The avatar policy of the cohort tests (the fixture's avatarPolicy), bound to the client `partner`. */
export const COHORT_POLICY_YAML = `kind: policy
name: cohort-avatars
profile: research-strict
identity: { domain: research }
fhir:
  searchParameters:
    "*": [_id]
    Condition: [subject, patient, code]
    Encounter: [subject, patient]
avatar:
  cohort: { search: "Patient?" }
  referenceDate: "2025-01-01"
  k: 5
  ncp: 3
  columns:
    - { name: age, kind: numeric, source: age }
    - { name: sex, kind: categorical, source: gender }
    - { name: region, kind: categorical, source: postalRegion }
    - { name: glucose, kind: numeric, source: { latestObservation: "2345-7" } }
    - { name: diabetes, kind: categorical, source: { conditionFlag: E11.9 } }
    - { name: encounters, kind: numeric, source: { count: Encounter } }
bind:
  clients: [partner]
`;

/** A policy without an avatar section (the admin route must not treat it as a cohort). */
export const PLAIN_POLICY_YAML = `kind: policy
name: plain-research
profile: research-strict
identity: { domain: research }
bind:
  clients: [plain-partner]
`;

export interface AssembledForTest {
  readonly app: FastifyInstance;
  readonly runtime: Runtime;
  readonly base: string;
  readonly dir: string;
}

/**
 * `voile serve` as production assembles it (assembleGateway), with JWT auth against `issuer`,
 * the given FHIR upstream, the two policies above and a scratch SQLite database; listening on port 0.
 */
export async function startAssembledGateway(options: { upstreamUrl: string; issuer: string; audience: string; timeoutMs?: number }): Promise<AssembledForTest> {
  const dir = mkdtempSync(join(tmpdir(), 'voile-cohort-admin-'));
  mkdirSync(join(dir, 'policies'));
  writeFileSync(join(dir, 'policies', 'cohort-avatars.yaml'), COHORT_POLICY_YAML);
  writeFileSync(join(dir, 'policies', 'plain-research.yaml'), PLAIN_POLICY_YAML);
  const { app, runtime } = await assembleGateway({
    baseDir: dir,
    env: { VOILE_SECRET_RESEARCH: 'hex:' + '44'.repeat(32) },
    config: validateConfig({
      upstream: { fhir: { url: options.upstreamUrl, timeoutMs: options.timeoutMs ?? 5000 } },
      identity: { domains: { research: { secretEnv: 'VOILE_SECRET_RESEARCH' } } },
      store: { sqlite: { path: 'data/voile.db' } },
      policies: { dir: 'policies', profilesDir: join(process.cwd(), 'profiles') },
      auth: { mode: 'jwt', audience: options.audience, issuers: [{ issuer: options.issuer }] },
      logging: { level: 'silent' },
    }),
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { app, runtime, base: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, dir };
}

/** Polls a rebuild's status URL until it stops answering 202. */
export async function pollRebuild(statusUrl: string, token: string, timeoutMs = 60_000): Promise<{ status: number; body: Record<string, unknown> }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await fetch(statusUrl, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as Record<string, unknown>;
    if (res.status !== 202) return { status: res.status, body };
    if (Date.now() > deadline) throw new Error('the rebuild did not end in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

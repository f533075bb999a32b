import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthConfig } from '../../src/auth/config.js';
import { createTokenValidator } from '../../src/auth/token.js';
import { isVoileError } from '../../src/errors.js';
import { startAuthServer, type TestAuthServer } from '../helpers/oidc.js';

const AUDIENCE = 'https://voile.issuers.test';
const now = () => Math.floor(Date.now() / 1000);
const codeOf = (e: unknown) => (isVoileError(e) ? e.code : 'not a VoileError');

describe('several issuers, clock tolerance, unreachable authorization servers', () => {
  let hospital: TestAuthServer;
  let partnerIdp: TestAuthServer;
  let validate: ReturnType<typeof createTokenValidator>;

  beforeAll(async () => {
    hospital = await startAuthServer({ audience: AUDIENCE, clients: [{ clientId: 'h-app', scope: 'system/Patient.rs' }] });
    partnerIdp = await startAuthServer({ audience: AUDIENCE, clients: [{ clientId: 'p-app', scope: 'system/Observation.rs' }] });
    const config: AuthConfig = { mode: 'jwt', audience: AUDIENCE, issuers: [{ issuer: hospital.issuer }, { issuer: partnerIdp.issuer }] };
    validate = createTokenValidator(config);
  });
  afterAll(async () => {
    await hospital?.close();
    await partnerIdp?.close();
  });

  it('accepts tokens of every configured issuer, each checked against its own keys', async () => {
    expect((await validate(`Bearer ${await hospital.token('h-app', 'system/Patient.rs')}`)).issuer).toBe(hospital.issuer);
    expect((await validate(`Bearer ${await partnerIdp.token('p-app', 'system/Observation.rs')}`)).issuer).toBe(partnerIdp.issuer);
  });

  it('refuses a token signed by one trusted issuer that claims to come from the other', async () => {
    const crossed = await partnerIdp.mint({ iss: hospital.issuer });
    expect(codeOf(await validate(`Bearer ${crossed}`).catch((e: unknown) => e))).toBe('UNAUTHENTICATED');
  });

  it('tolerates a small clock skew on exp and nbf, not more', async () => {
    await expect(validate(`Bearer ${await hospital.mint({ exp: now() - 10 })}`)).resolves.toBeDefined();
    await expect(validate(`Bearer ${await hospital.mint({ nbf: now() + 10 })}`)).resolves.toBeDefined();
    expect(codeOf(await validate(`Bearer ${await hospital.mint({ exp: now() - 60 })}`).catch((e: unknown) => e))).toBe('UNAUTHENTICATED');
  });

  it('answers 503 (never accepts, never blames the token) when the issuer cannot be reached', async () => {
    const down = createTokenValidator({ mode: 'jwt', audience: AUDIENCE, issuers: [{ issuer: 'http://127.0.0.1:9' }], httpTimeoutMs: 500 });
    const { privateKey } = await generateKeyPair('RS256');
    const token = await new SignJWT({ client_id: 'x', scope: 'system/*.rs' }).setProtectedHeader({ alg: 'RS256', kid: 'k' }).setIssuer('http://127.0.0.1:9').setAudience(AUDIENCE).setExpirationTime('5m').sign(privateKey);
    const err = await down(`Bearer ${token}`).catch((e: unknown) => e);
    expect(codeOf(err)).toBe('UPSTREAM_UNAVAILABLE');
    expect(isVoileError(err) && err.status).toBe(503);
  });

  it('rejects configurations that would weaken validation', () => {
    expect(() => createTokenValidator({ mode: 'jwt', audience: AUDIENCE, issuers: [{ issuer: hospital.issuer, algorithms: ['HS256' as 'RS256'] }] })).toThrow(/Invalid auth configuration/);
    expect(() => createTokenValidator({ mode: 'jwt', issuers: [{ issuer: hospital.issuer }] })).toThrow(/Invalid auth configuration/);
    expect(() => createTokenValidator({ mode: 'jwt', audience: AUDIENCE, issuers: [] })).toThrow(/Invalid auth configuration/);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuthenticator } from '../../src/auth/authenticator.js';
import type { AuthConfig } from '../../src/auth/config.js';
import { isVoileError } from '../../src/errors.js';
import { startAuthServer, type TestAuthServer } from '../helpers/oidc.js';
import { testPolicy, testRegistry } from './fixtures.js';

const AUDIENCE = 'https://voile.test/fhir';

describe('tokens from a real authorization server (oidc-provider, client credentials, private_key_jwt)', () => {
  let as: TestAuthServer;
  let config: AuthConfig;
  const research = testPolicy('research', { clients: ['research-app'] });
  const registry = testRegistry(research, testPolicy('other', { clients: ['other-app'] }));

  beforeAll(async () => {
    as = await startAuthServer({
      audience: AUDIENCE,
      clients: [
        { clientId: 'research-app', scope: 'system/Observation.rs system/Patient.read system/ImagingStudy.rs' },
        { clientId: 'unbound-app', scope: 'system/Patient.rs' },
        { clientId: 'opaque-app', scope: 'system/Patient.rs', opaque: true },
      ],
    });
    config = { mode: 'jwt', audience: AUDIENCE, issuers: [{ issuer: as.issuer }] };
  });
  afterAll(async () => as?.close());

  it('accepts a JWT access token and binds the client policy, with v1 scopes normalised', async () => {
    const token = await as.token('research-app', 'system/Observation.rs system/Patient.read');
    const principal = await createAuthenticator(config, registry)({ headers: { authorization: `Bearer ${token}` } });
    expect(principal.clientId).toBe('research-app');
    expect(principal.policy.name).toBe('research');
    expect([...principal.scopes].sort()).toEqual(['system/Observation.rs', 'system/Patient.rs']);
    expect(principal.patientId).toBeUndefined();
  });

  it('never grants scopes the authorization server did not allow the client', async () => {
    const token = await as.token('research-app', 'system/Observation.rs system/Condition.rs');
    const principal = await createAuthenticator(config, registry)({ headers: { authorization: `Bearer ${token}` } });
    expect(principal.scopes).toEqual(['system/Observation.rs']);
  });

  it('refuses a valid token of a client no policy binds, with NO_POLICY (403)', async () => {
    const token = await as.token('unbound-app', 'system/Patient.rs');
    const err = await createAuthenticator(config, registry)({ headers: { authorization: `Bearer ${token}` } }).catch((e: unknown) => e);
    expect(isVoileError(err) && err.code).toBe('NO_POLICY');
    expect(isVoileError(err) && err.status).toBe(403);
  });

  it('refuses a token meant for another audience', async () => {
    const token = await as.token('research-app', 'system/Observation.rs');
    const other: AuthConfig = { ...config, audience: 'https://someone-else.test' };
    const err = await createAuthenticator(other, registry)({ headers: { authorization: `Bearer ${token}` } }).catch((e: unknown) => e);
    expect(isVoileError(err) && err.code).toBe('UNAUTHENTICATED');
  });

  it('checks opaque tokens by RFC 7662 introspection when configured', async () => {
    const bound = testRegistry(testPolicy('opaque', { clients: ['opaque-app'] }));
    const token = await as.token('opaque-app', 'system/Patient.rs');
    expect(token.split('.')).toHaveLength(1);
    const withIntrospection: AuthConfig = {
      ...config,
      issuers: [{ issuer: as.issuer, introspection: { clientId: as.introspectionClient.clientId, clientSecret: as.introspectionClient.clientSecret } }],
    };
    const principal = await createAuthenticator(withIntrospection, bound)({ headers: { authorization: `Bearer ${token}` } });
    expect(principal.clientId).toBe('opaque-app');
    expect(principal.scopes).toEqual(['system/Patient.rs']);

    const forged = await createAuthenticator(withIntrospection, bound)({ headers: { authorization: `Bearer ${token}x` } }).catch((e: unknown) => e);
    expect(isVoileError(forged) && forged.code).toBe('UNAUTHENTICATED');
    // Without introspection an opaque token cannot be checked, so it is refused.
    const noIntrospection = await createAuthenticator(config, bound)({ headers: { authorization: `Bearer ${token}` } }).catch((e: unknown) => e);
    expect(isVoileError(noIntrospection) && noIntrospection.code).toBe('UNAUTHENTICATED');
  });
});

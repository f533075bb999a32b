import { createHmac, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { expectNothingIdentifying, startHostileStack, type HostileStack } from './support.js';

/**
 * Forged and doctored access tokens against the running gateway: each is a 401 with the RFC 6750
 * challenge, the gateway's own OperationOutcome, no upstream call, and nothing from the data.
 */
let stack: HostileStack;

beforeAll(async () => {
  stack = await startHostileStack([{ clientId: 'partner', scope: 'system/Patient.rs system/Observation.rs' }], { research: { clients: ['partner', 'minted-client'] } });
});
afterAll(async () => stack?.close());
beforeEach(() => {
  stack.upstream.requests.length = 0;
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

async function expectRejected(token: string | undefined, headers: Record<string, string> = {}) {
  const res = await stack.call('/fhir/Patient?gender=female', { ...(token === undefined ? {} : { token }), headers });
  expect(res.status).toBe(401);
  expect(res.headers.get('www-authenticate')).toMatch(/^Bearer realm="voile"/);
  expect(res.body?.resourceType).toBe('OperationOutcome');
  expect(stack.upstream.requests).toHaveLength(0);
  expectNothingIdentifying(res.text);
  return res;
}

describe('forged access tokens', () => {
  it('control: a real token from the authorization server is served', async () => {
    const token = await stack.as.token('partner', 'system/Patient.rs');
    const res = await stack.call('/fhir/Patient?gender=female', { token });
    expect(res.status).toBe(200);
    expect(stack.upstream.requests.length).toBeGreaterThan(0);
  });

  it('refuses alg "none"', async () => {
    const token = `${b64({ alg: 'none', typ: 'at+jwt' })}.${b64({ iss: stack.as.issuer, aud: stack.as.audience, client_id: 'partner', exp: now() + 300, scope: 'system/*.rs' })}.`;
    const res = await expectRejected(token);
    expect(res.headers.get('www-authenticate')).toContain('error="invalid_token"');
  });

  it('refuses HS256 signed with the issuer public key as the HMAC secret', async () => {
    const header = b64({ alg: 'HS256', typ: 'at+jwt', kid: stack.as.signingKey.kid });
    const payload = b64({ iss: stack.as.issuer, aud: stack.as.audience, client_id: 'partner', exp: now() + 300, scope: 'system/*.rs' });
    const secret = JSON.stringify(stack.as.signingKey.publicJwk);
    const sig = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
    await expectRejected(`${header}.${payload}.${sig}`);
  });

  it('refuses a token signed by another key under an unknown kid, and under the real kid', async () => {
    const attacker = await generateKeyPair('RS256');
    const claims = { iss: stack.as.issuer, aud: stack.as.audience, client_id: 'partner', scope: 'system/*.rs', jti: randomUUID() };
    const unknownKid = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: 'attacker-key', typ: 'at+jwt' }).setIssuedAt().setExpirationTime('5m').sign(attacker.privateKey);
    await expectRejected(unknownKid);
    const stolenKid = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: stack.as.signingKey.kid, typ: 'at+jwt' }).setIssuedAt().setExpirationTime('5m').sign(attacker.privateKey);
    await expectRejected(stolenKid);
    // an embedded key (jwk header) is never trusted either
    const embedded = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', typ: 'at+jwt', jwk: await exportJWK(attacker.publicKey) })
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(attacker.privateKey);
    await expectRejected(embedded);
  });

  it('refuses an expired token and one not yet valid (beyond the clock tolerance)', async () => {
    await expectRejected(await stack.as.mint({ iat: now() - 3600, exp: now() - 120 }));
    await expectRejected(await stack.as.mint({ nbf: now() + 600 }));
  });

  it('refuses a token for another audience or from another issuer, and one without exp', async () => {
    await expectRejected(await stack.as.mint({ aud: 'https://another-resource.test' }));
    await expectRejected(await stack.as.mint({ iss: 'https://evil.example' }));
    await expectRejected(await stack.as.mint({ exp: undefined }));
  });

  it('refuses a genuine token whose payload was tampered with', async () => {
    const token = await stack.as.token('partner', 'system/Patient.rs');
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
    const escalated = b64({ ...claims, scope: 'system/*.cruds' });
    await expectRejected(`${header}.${escalated}.${signature}`);
  });

  it('control: a minted token with valid claims and the real key is served (the forgeries above differ by one thing)', async () => {
    const res = await stack.call('/fhir/Patient?gender=female', { token: await stack.as.mint() });
    expect(res.status).toBe(200);
  });

  it('refuses a missing token with a bare challenge, other schemes, and malformed bearer values', async () => {
    const res = await expectRejected(undefined);
    expect(res.headers.get('www-authenticate')).toBe('Bearer realm="voile"');
    await expectRejected(undefined, { authorization: 'Basic cGFydG5lcjpzZWNyZXQ=' });
    await expectRejected(undefined, { authorization: 'Bearer a b' });
    await expectRejected(undefined, { authorization: `Bearer ${'A'.repeat(9000)}` });
    await expectRejected('not-a-jwt-and-no-introspection');
  });
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK, type JWTPayload } from 'jose';
import Provider, { errors as oidcErrors, type ClientAuthMethod, type ClientMetadata } from 'oidc-provider';

/**
 * A real OAuth 2.0 authorization server for tests: oidc-provider (a certified OpenID provider) on
 * loopback port 0, issuing client-credentials access tokens the SMART Backend Services way — the
 * client authenticates with a JWT signed by its own key (`private_key_jwt`) and asks for the
 * gateway's audience as a resource indicator (RFC 8707), which yields an RFC 9068 JWT access token.
 */

export interface TestClientSpec {
  readonly clientId: string;
  /** Scopes this client may obtain (space-separated). */
  readonly scope: string;
  /** Issue opaque tokens (checked by introspection) instead of JWTs. */
  readonly opaque?: boolean;
  /** Extra claims added to this client's access tokens (e.g. `patient`). */
  readonly extraClaims?: Readonly<Record<string, unknown>>;
}

export interface TestAuthServer {
  readonly issuer: string;
  readonly audience: string;
  readonly tokenEndpoint: string;
  readonly jwksUri: string;
  /** Client the gateway uses for RFC 7662 introspection (client_secret_basic). */
  readonly introspectionClient: { readonly clientId: string; readonly clientSecret: string };
  /** Signing key of the server (RS256), so tests can mint tokens that differ in one claim only. */
  readonly signingKey: { readonly privateKey: CryptoKey; readonly publicJwk: JWK; readonly kid: string };
  /** Runs the client-credentials grant with `private_key_jwt`; returns the access token. */
  token(clientId: string, scope: string): Promise<string>;
  /** The raw token endpoint response, for tests of refused grants. */
  tokenResponse(clientId: string, scope: string): Promise<{ status: number; body: Record<string, unknown> }>;
  /** A token signed with the server's key with the given claims (defaults: a valid token). */
  mint(claims?: JWTPayload, header?: { alg?: string; kid?: string; typ?: string }): Promise<string>;
  close(): Promise<void>;
}

interface ClientKeys {
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export async function startAuthServer(options: { audience: string; clients: readonly TestClientSpec[]; accessTokenTtlSeconds?: number }): Promise<TestAuthServer> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${port}`;

  const signing = await generateKeyPair('RS256', { extractable: true });
  const kid = `sig-${randomUUID()}`;
  const signingPrivateJwk = { ...(await exportJWK(signing.privateKey)), kid, alg: 'RS256', use: 'sig' };
  const signingPublicJwk = { ...(await exportJWK(signing.publicKey)), kid, alg: 'RS256', use: 'sig' };

  const clientKeys = new Map<string, ClientKeys>();
  for (const c of options.clients) {
    const pair = await generateKeyPair('ES384', { extractable: true });
    clientKeys.set(c.clientId, { privateKey: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), kid: `${c.clientId}-key`, alg: 'ES384' } });
  }
  const specs = new Map(options.clients.map((c) => [c.clientId, c]));
  const introspectionClient = { clientId: 'voile-gateway', clientSecret: `secret-${randomUUID()}` };
  const ttl = options.accessTokenTtlSeconds ?? 300;

  const provider = new Provider(issuer, {
    jwks: { keys: [signingPrivateJwk] },
    clients: [
      ...options.clients.map((c): ClientMetadata => ({
        client_id: c.clientId,
        token_endpoint_auth_method: 'private_key_jwt',
        token_endpoint_auth_signing_alg: 'ES384',
        jwks: { keys: [clientKeys.get(c.clientId)!.publicJwk] },
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
        // What a client may obtain is decided per resource server below (getResourceServerInfo).
      })),
      {
        client_id: introspectionClient.clientId,
        client_secret: introspectionClient.clientSecret,
        token_endpoint_auth_method: 'client_secret_basic' as ClientAuthMethod,
        grant_types: [],
        response_types: [],
        redirect_uris: [],
      },
    ],
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      introspection: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => options.audience,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resource, client) => {
          if (resource !== options.audience) throw new oidcErrors.InvalidTarget();
          const spec = specs.get(client.clientId);
          return {
            scope: spec?.scope ?? '',
            audience: options.audience,
            accessTokenTTL: ttl,
            accessTokenFormat: spec?.opaque ? 'opaque' : 'jwt',
            jwt: { sign: { alg: 'RS256', kid } },
          };
        },
      },
    },
    extraTokenClaims: (_ctx, token) => {
      const spec = specs.get((token as { clientId?: string }).clientId ?? '');
      return spec?.extraClaims ? { ...spec.extraClaims } : undefined;
    },
    // SMART Backend Services clients sign their assertions with RS384 or ES384.
    enabledJWA: { clientAuthSigningAlgValues: ['RS384', 'ES384', 'RS256', 'ES256'] },
    clientAuthMethods: ['private_key_jwt', 'client_secret_basic'] as ClientAuthMethod[],
  });
  // oidc-provider logs expected client errors at warn level through its own debug channel only;
  // nothing to silence here.
  server.on('request', provider.callback());

  const tokenEndpoint = `${issuer}/token`;

  const tokenResponse = async (clientId: string, scope: string) => {
    const keys = clientKeys.get(clientId);
    if (!keys) throw new Error(`unknown test client ${clientId}`);
    const assertion = await new SignJWT({})
      .setProtectedHeader({ alg: 'ES384', kid: keys.publicJwk.kid as string, typ: 'JWT' })
      .setIssuer(clientId)
      .setSubject(clientId)
      .setAudience(tokenEndpoint)
      .setJti(randomUUID())
      .setIssuedAt()
      .setExpirationTime('2m')
      .sign(keys.privateKey);
    const response = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        scope,
        resource: options.audience,
        client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
        client_assertion: assertion,
      }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  return {
    issuer,
    audience: options.audience,
    tokenEndpoint,
    jwksUri: `${issuer}/jwks`,
    introspectionClient,
    signingKey: { privateKey: signing.privateKey, publicJwk: signingPublicJwk, kid },
    tokenResponse,
    async token(clientId, scope) {
      const { status, body } = await tokenResponse(clientId, scope);
      if (status !== 200 || typeof body.access_token !== 'string') throw new Error(`token request failed with ${status}: ${String(body.error)} ${String(body.error_description)}`);
      return body.access_token;
    },
    async mint(claims = {}, header = {}) {
      const now = Math.floor(Date.now() / 1000);
      const payload: JWTPayload = { iss: issuer, aud: options.audience, client_id: 'minted-client', sub: 'minted-client', iat: now, exp: now + 300, jti: randomUUID(), scope: 'system/*.rs', ...claims };
      return new SignJWT(payload)
        .setProtectedHeader({ alg: header.alg ?? 'RS256', kid: header.kid ?? kid, typ: header.typ ?? 'at+jwt' })
        .sign(signing.privateKey);
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

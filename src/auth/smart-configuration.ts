import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { AuthConfig } from './config.js';
import { TrustedIssuer, type IssuerMetadata } from './issuer.js';

export interface SmartConfigurationOptions {
  readonly auth: AuthConfig;
  /** Where the document is served, under each FHIR base. Default `['', '/fhir']`. */
  readonly prefixes?: readonly string[];
}

const METADATA_TTL_MS = 5 * 60_000;

/**
 * `GET {base}/.well-known/smart-configuration` (SMART App Launch v2 §2.5): advertises the first
 * configured authorization server for SMART Backend Services (client credentials, asymmetric client
 * authentication) and the scope grammar the gateway enforces. Endpoints come from the `auth.smart`
 * overrides, else from the issuer's own discovery metadata; when neither is available the route
 * answers 503 rather than advertising a guess.
 */
export const smartConfigurationPlugin: FastifyPluginAsync<SmartConfigurationOptions> = async (app: FastifyInstance, options) => {
  const { auth } = options;
  const first = auth.mode === 'jwt' ? auth.issuers?.[0] : undefined;
  const issuer = first ? new TrustedIssuer(first, auth.httpTimeoutMs ?? 5000) : undefined;
  let cached: { body: Record<string, unknown>; at: number } | undefined;

  const build = async (): Promise<Record<string, unknown> | undefined> => {
    if (!issuer) return undefined;
    if (cached && Date.now() - cached.at < METADATA_TTL_MS) return cached.body;
    const overrides = auth.smart ?? {};
    let metadata: IssuerMetadata | undefined;
    if (!overrides.tokenEndpoint || !(overrides.jwksUri ?? issuer.config.jwksUri)) {
      metadata = await issuer.metadata().catch(() => undefined);
      if (!metadata) return undefined;
    }
    const tokenEndpoint = overrides.tokenEndpoint ?? metadata?.token_endpoint;
    if (!tokenEndpoint) return undefined;
    const body: Record<string, unknown> = {
      issuer: issuer.config.issuer,
      jwks_uri: overrides.jwksUri ?? issuer.config.jwksUri ?? metadata?.jwks_uri,
      token_endpoint: tokenEndpoint,
      grant_types_supported: ['client_credentials'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: metadata?.token_endpoint_auth_signing_alg_values_supported ?? ['RS384', 'ES384'],
      scopes_supported: overrides.scopesSupported ?? ['system/*.rs', 'system/*.read', 'patient/*.rs', 'user/*.rs'],
      capabilities: ['client-confidential-asymmetric', 'permission-v1', 'permission-v2', 'permission-patient', 'permission-user'],
    };
    const authorizationEndpoint = overrides.authorizationEndpoint ?? metadata?.authorization_endpoint;
    if (authorizationEndpoint) body.authorization_endpoint = authorizationEndpoint;
    const introspectionEndpoint = overrides.introspectionEndpoint ?? metadata?.introspection_endpoint;
    if (introspectionEndpoint) body.introspection_endpoint = introspectionEndpoint;
    cached = { body, at: Date.now() };
    return body;
  };

  for (const prefix of options.prefixes ?? ['', '/fhir']) {
    app.get(`${prefix}/.well-known/smart-configuration`, async (_request, reply) => {
      const body = await build();
      reply.header('cache-control', 'public, max-age=300');
      if (!body) {
        reply.header('cache-control', 'no-store');
        return reply.code(503).type('application/json').send({ error: 'temporarily_unavailable', error_description: 'The authorization server is not configured or could not be reached' });
      }
      return reply.type('application/json').send(body);
    });
  }
};

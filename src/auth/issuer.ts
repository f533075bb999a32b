import { createRemoteJWKSet, type JWTVerifyGetKey } from 'jose';
import { VoileError } from '../errors.js';
import type { IssuerConfig } from './config.js';

/** The parts of RFC 8414 / OpenID discovery metadata the gateway uses. */
export interface IssuerMetadata {
  readonly issuer: string;
  readonly jwks_uri?: string;
  readonly token_endpoint?: string;
  readonly authorization_endpoint?: string;
  readonly introspection_endpoint?: string;
  readonly scopes_supported?: readonly string[];
  readonly token_endpoint_auth_methods_supported?: readonly string[];
  readonly token_endpoint_auth_signing_alg_values_supported?: readonly string[];
  readonly grant_types_supported?: readonly string[];
}

const METADATA_PATHS = ['/.well-known/oauth-authorization-server', '/.well-known/openid-configuration'];
const METADATA_RETRY_MS = 10_000;
const MAX_METADATA_BYTES = 256 * 1024;

/**
 * One configured issuer: its metadata (discovered once, retried after a failure) and its JWKS
 * (jose's remote set: cached, re-fetched on an unknown `kid` after a cooldown, fetches time out).
 */
export class TrustedIssuer {
  readonly config: IssuerConfig;
  readonly #timeoutMs: number;
  #metadata: Promise<IssuerMetadata> | undefined;
  #metadataFailedAt = 0;
  #jwks: JWTVerifyGetKey | undefined;

  constructor(config: IssuerConfig, timeoutMs: number) {
    this.config = config;
    this.#timeoutMs = timeoutMs;
  }

  async jwks(): Promise<JWTVerifyGetKey> {
    if (this.#jwks) return this.#jwks;
    const uri = this.config.jwksUri ?? (await this.metadata()).jwks_uri;
    if (!uri) throw unreachable();
    this.#jwks ??= createRemoteJWKSet(new URL(uri), {
      timeoutDuration: this.#timeoutMs,
      cooldownDuration: 30_000,
      cacheMaxAge: 10 * 60_000,
    });
    return this.#jwks;
  }

  /** Discovery metadata; a failed discovery is retried after a short pause, never cached. */
  metadata(): Promise<IssuerMetadata> {
    if (this.#metadata) return this.#metadata;
    if (Date.now() - this.#metadataFailedAt < METADATA_RETRY_MS) return Promise.reject(unreachable());
    this.#metadata = discover(this.config.issuer, this.#timeoutMs).catch((err: unknown) => {
      this.#metadata = undefined;
      this.#metadataFailedAt = Date.now();
      throw err;
    });
    return this.#metadata;
  }
}

async function discover(issuer: string, timeoutMs: number): Promise<IssuerMetadata> {
  const base = issuer.replace(/\/+$/, '');
  for (const path of METADATA_PATHS) {
    let response: Response;
    try {
      response = await fetch(base + path, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error', headers: { accept: 'application/json' } });
    } catch (err) {
      throw unreachable(err);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw unreachable();
    }
    const text = await response.text();
    if (text.length > MAX_METADATA_BYTES) throw unreachable();
    let metadata: IssuerMetadata;
    try {
      metadata = JSON.parse(text) as IssuerMetadata;
    } catch (err) {
      throw unreachable(err);
    }
    // RFC 8414 §3.3: the metadata must be about the issuer we asked for.
    if (metadata?.issuer !== issuer) throw unreachable();
    return metadata;
  }
  throw unreachable();
}

function unreachable(cause?: unknown): VoileError {
  return new VoileError('UPSTREAM_UNAVAILABLE', 'The authorization server could not be reached', { cause });
}

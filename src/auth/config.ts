import { VoileError } from '../errors.js';

/**
 * The `auth` section of voile.yaml. `mode: none` is for the loopback demo only: every caller gets
 * the one policy named. `mode: jwt` validates bearer tokens from the configured issuers.
 */
export type AllowedAlgorithm = 'RS256' | 'RS384' | 'RS512' | 'PS256' | 'PS384' | 'PS512' | 'ES256' | 'ES384' | 'ES512' | 'EdDSA' | 'Ed25519';

/** Asymmetric algorithms only: `none` and HMAC (a shared secret that a public key could be confused with) never. */
export const ALLOWED_ALGORITHMS: readonly AllowedAlgorithm[] = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

export interface IntrospectionConfig {
  /** RFC 7662 endpoint; default: `introspection_endpoint` from the issuer's metadata. */
  readonly endpoint?: string;
  readonly clientId: string;
  /** Client secret for HTTP Basic authentication at the endpoint. */
  readonly clientSecret?: string;
  /** Environment variable holding the client secret (preferred over `clientSecret`). */
  readonly clientSecretEnv?: string;
}

export interface IssuerConfig {
  /** Exact `iss` value. */
  readonly issuer: string;
  /** Default: `jwks_uri` from `{issuer}/.well-known/oauth-authorization-server` or `openid-configuration`. */
  readonly jwksUri?: string;
  /** Allowed signature algorithms for this issuer; default: every asymmetric one. */
  readonly algorithms?: readonly AllowedAlgorithm[];
  /** Opaque tokens from this issuer are checked by introspection when set. */
  readonly introspection?: IntrospectionConfig;
}

export interface PatientClaimConfig {
  /** Token claim holding the patient of patient-level scopes. Default `patient`. */
  readonly claim?: string;
  /** `pseudonym`: the claim holds the gateway pseudonym, resolved per policy; `real`: the upstream id. Default `pseudonym`. */
  readonly kind?: 'pseudonym' | 'real';
}

export interface SmartMetadataConfig {
  readonly authorizationEndpoint?: string;
  readonly tokenEndpoint?: string;
  readonly jwksUri?: string;
  readonly introspectionEndpoint?: string;
  readonly scopesSupported?: readonly string[];
}

export interface AuthConfig {
  readonly mode: 'none' | 'jwt';
  /** mode none: the policy every caller gets. */
  readonly policy?: string;
  /** The gateway's own audience: tokens must name it in `aud`. Required in mode jwt. */
  readonly audience?: string | readonly string[];
  readonly issuers?: readonly IssuerConfig[];
  /** Tolerance on `exp`/`nbf`/`iat`, seconds. Default 30, at most 300. */
  readonly clockToleranceSeconds?: number;
  /** Claims tried in order for the client id. Default `client_id`, `azp`, `sub` (RFC 9068). */
  readonly clientIdClaims?: readonly string[];
  readonly patientClaim?: PatientClaimConfig;
  /** Scope that grants DICOMweb. Default `system/ImagingStudy.rs`. */
  readonly dicomScope?: string;
  /** Scope that grants the audit trail. Default `voile/audit.read`. */
  readonly adminScope?: string;
  /** Scope that grants cohort rebuilds and build reports (`/admin/cohorts`). Default `voile/cohort.build`. */
  readonly cohortScope?: string;
  /** Timeout for JWKS, metadata and introspection calls, ms. Default 5000. */
  readonly httpTimeoutMs?: number;
  /** Overrides of what `/.well-known/smart-configuration` advertises. */
  readonly smart?: SmartMetadataConfig;
}

export const DEFAULT_DICOM_SCOPE = 'system/ImagingStudy.rs';
export const DEFAULT_ADMIN_SCOPE = 'voile/audit.read';
export const DEFAULT_COHORT_SCOPE = 'voile/cohort.build';

/** JSON Schema of the `auth` section, for the configuration schema. */
export const authConfigSchema = {
  type: 'object',
  required: ['mode'],
  additionalProperties: false,
  properties: {
    mode: { enum: ['none', 'jwt'] },
    policy: { type: 'string', minLength: 1 },
    audience: { oneOf: [{ type: 'string', minLength: 1 }, { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } }] },
    issuers: {
      type: 'array',
      items: {
        type: 'object',
        required: ['issuer'],
        additionalProperties: false,
        properties: {
          issuer: { type: 'string', minLength: 1 },
          jwksUri: { type: 'string', pattern: '^https?://' },
          algorithms: { type: 'array', minItems: 1, items: { enum: [...ALLOWED_ALGORITHMS] } },
          introspection: {
            type: 'object',
            required: ['clientId'],
            additionalProperties: false,
            properties: {
              endpoint: { type: 'string', pattern: '^https?://' },
              clientId: { type: 'string', minLength: 1 },
              clientSecret: { type: 'string' },
              clientSecretEnv: { type: 'string' },
            },
          },
        },
      },
    },
    clockToleranceSeconds: { type: 'integer', minimum: 0, maximum: 300 },
    clientIdClaims: { type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
    patientClaim: {
      type: 'object',
      additionalProperties: false,
      properties: { claim: { type: 'string', minLength: 1 }, kind: { enum: ['pseudonym', 'real'] } },
    },
    dicomScope: { type: 'string', minLength: 1 },
    adminScope: { type: 'string', minLength: 1 },
    cohortScope: { type: 'string', minLength: 1 },
    httpTimeoutMs: { type: 'integer', minimum: 100, maximum: 60000 },
    smart: {
      type: 'object',
      additionalProperties: false,
      properties: {
        authorizationEndpoint: { type: 'string' },
        tokenEndpoint: { type: 'string' },
        jwksUri: { type: 'string' },
        introspectionEndpoint: { type: 'string' },
        scopesSupported: { type: 'array', items: { type: 'string' } },
      },
    },
  },
} as const;

/** Semantic checks the schema cannot express; throws CONFIG_INVALID naming the path. */
export function checkAuthConfig(config: AuthConfig): void {
  const fail = (path: string, reason: string): never => {
    throw new VoileError('CONFIG_INVALID', 'Invalid auth configuration', { detail: `auth.${path}: ${reason}` });
  };
  if (config.mode === 'none') {
    if (!config.policy) fail('policy', 'mode none needs the policy every caller gets');
    return;
  }
  const audiences = typeof config.audience === 'string' ? [config.audience] : (config.audience ?? []);
  if (audiences.length === 0) fail('audience', 'mode jwt needs the gateway audience');
  if (!config.issuers || config.issuers.length === 0) fail('issuers', 'mode jwt needs at least one issuer');
  const seen = new Set<string>();
  config.issuers?.forEach((issuer, i) => {
    if (seen.has(issuer.issuer)) fail(`issuers[${i}].issuer`, 'duplicate issuer');
    seen.add(issuer.issuer);
    for (const alg of issuer.algorithms ?? []) if (!ALLOWED_ALGORITHMS.includes(alg)) fail(`issuers[${i}].algorithms`, 'only asymmetric algorithms are allowed');
    if (!issuer.jwksUri && !/^https?:\/\//.test(issuer.issuer)) fail(`issuers[${i}].jwksUri`, 'needed when the issuer is not a URL');
  });
  const tolerance = config.clockToleranceSeconds ?? 30;
  if (!Number.isInteger(tolerance) || tolerance < 0 || tolerance > 300) fail('clockToleranceSeconds', 'must be an integer in [0, 300]');
}

/** Mirrors src/config/schema.json. */
export interface UpstreamConfig {
  readonly url: string;
  readonly timeoutMs?: number;
  readonly connections?: number;
  readonly caFile?: string;
}

export interface IdentityDomainConfig {
  readonly secretEnv?: string;
  readonly secretFile?: string;
  readonly secret?: string;
}

export interface VoileConfig {
  readonly listen?: { readonly host?: string; readonly port?: number };
  readonly publicBaseUrl?: string;
  readonly upstream: { readonly fhir?: UpstreamConfig; readonly dicomweb?: UpstreamConfig };
  readonly identity: { readonly domains: Readonly<Record<string, IdentityDomainConfig>> };
  readonly store?: { readonly sqlite?: { readonly path: string }; readonly postgres?: { readonly urlEnv: string; readonly avatarNeighbourSearch?: 'embedded' | 'cube' } };
  readonly policies?: { readonly dir?: string; readonly profilesDir?: string; readonly only?: readonly string[] };
  readonly auth?: { readonly mode: 'none' | 'jwt'; readonly policy?: string; readonly [key: string]: unknown };
  readonly text?: { readonly executionProvider?: 'cpu' | 'cuda' };
  readonly limits?: { readonly bodyLimitBytes?: number };
  readonly logging?: { readonly level?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' };
}

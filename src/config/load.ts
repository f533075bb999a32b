import { readFileSync } from 'node:fs';
import { dirname, extname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { VoileError } from '../errors.js';
import { parseSecret, MIN_SECRET_BYTES } from '../identity/index.js';
import { authConfigSchema } from '../auth/config.js';
import baseSchema from './schema.json' with { type: 'json' };
import type { VoileConfig } from './types.js';
import { assertValid } from './validate.js';

/** The configuration schema, with the `auth` section owned by src/auth. */
const schema = { ...baseSchema, properties: { ...baseSchema.properties, auth: authConfigSchema } };

/** Reads a YAML or JSON data file; syntax errors name the file and line, never echo content. */
export function readDataFile(path: string): unknown {
  let text: string;
  try {
    // Some tools (Microsoft's anonymizer samples among them) write a UTF-8 byte order mark.
    text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
  } catch (cause) {
    throw new VoileError('CONFIG_INVALID', `Cannot read ${path}`, { cause });
  }
  try {
    return extname(path) === '.json' ? JSON.parse(text) : parseYaml(text, { prettyErrors: true });
  } catch (cause) {
    const where = cause instanceof Error && 'linePos' in cause ? ` (line ${JSON.stringify((cause as { linePos: unknown }).linePos)})` : '';
    throw new VoileError('CONFIG_INVALID', `${path} is not valid ${extname(path) === '.json' ? 'JSON' : 'YAML'}${where}`, { cause });
  }
}

/**
 * Environment variables that override the file, for containers:
 * VOILE_UPSTREAM_FHIR_URL, VOILE_UPSTREAM_DICOMWEB_URL, VOILE_LISTEN_HOST, VOILE_LISTEN_PORT,
 * VOILE_PUBLIC_BASE_URL, and VOILE_SECRET_<DOMAIN> for each identity domain's secret.
 */
export function applyEnvOverrides(raw: unknown, env: NodeJS.ProcessEnv): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const cfg = structuredClone(raw) as Record<string, any>;
  const set = (path: string[], value: unknown) => {
    let node = cfg;
    for (const key of path.slice(0, -1)) node = node[key] = typeof node[key] === 'object' && node[key] !== null ? node[key] : {};
    node[path.at(-1)!] = value;
  };
  if (env.VOILE_UPSTREAM_FHIR_URL) set(['upstream', 'fhir', 'url'], env.VOILE_UPSTREAM_FHIR_URL);
  if (env.VOILE_UPSTREAM_DICOMWEB_URL) set(['upstream', 'dicomweb', 'url'], env.VOILE_UPSTREAM_DICOMWEB_URL);
  if (env.VOILE_LISTEN_HOST) set(['listen', 'host'], env.VOILE_LISTEN_HOST);
  if (env.VOILE_LISTEN_PORT) {
    const port = Number(env.VOILE_LISTEN_PORT);
    set(['listen', 'port'], Number.isInteger(port) ? port : env.VOILE_LISTEN_PORT);
  }
  if (env.VOILE_PUBLIC_BASE_URL) set(['publicBaseUrl'], env.VOILE_PUBLIC_BASE_URL);
  return cfg;
}

export interface LoadedConfig {
  readonly config: VoileConfig;
  /** Directory of the configuration file: relative paths in it resolve from here. */
  readonly baseDir: string;
  /** The environment the file was read with (secrets are looked up there too). */
  readonly env: NodeJS.ProcessEnv;
}

export function loadConfigFile(path: string, env: NodeJS.ProcessEnv = process.env): LoadedConfig {
  const raw = applyEnvOverrides(readDataFile(path), env);
  const config = assertValid<VoileConfig>(schema, raw, path);
  return { config, baseDir: dirname(resolve(path)), env };
}

export function validateConfig(raw: unknown, source = 'configuration'): VoileConfig {
  return assertValid<VoileConfig>(schema, raw, source);
}

export function resolvePath(baseDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(baseDir, path);
}

/** Secret of one identity domain: VOILE_SECRET_<DOMAIN> first, then the configured source. */
export function domainSecret(config: VoileConfig, domain: string, baseDir: string, env: NodeJS.ProcessEnv = process.env): Buffer {
  const envName = `VOILE_SECRET_${domain.toUpperCase().replaceAll('-', '_')}`;
  const source = config.identity.domains[domain];
  let text: string | undefined = env[envName];
  if (text === undefined && source) {
    const sources = [source.secretEnv, source.secretFile, source.secret].filter((s) => s !== undefined);
    if (sources.length !== 1) throw new VoileError('CONFIG_INVALID', `identity domain '${domain}' needs exactly one of secretEnv, secretFile, secret`);
    if (source.secretEnv !== undefined) text = env[source.secretEnv];
    else if (source.secretFile !== undefined) text = readFileSync(resolvePath(baseDir, source.secretFile), 'utf8').trim();
    else text = source.secret;
  }
  if (text === undefined) throw new VoileError('CONFIG_INVALID', `No secret for identity domain '${domain}' (set ${envName})`);
  const secret = parseSecret(text);
  if (secret.length < MIN_SECRET_BYTES) {
    throw new VoileError('CONFIG_INVALID', `The secret of identity domain '${domain}' is shorter than ${MIN_SECRET_BYTES} bytes`);
  }
  return secret;
}

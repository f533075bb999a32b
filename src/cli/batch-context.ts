import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fromMicrosoftConfig, type MicrosoftProfile } from '../anonymize/fhir/index.js';
import { readDataFile } from '../config/load.js';
import { VoileError } from '../errors.js';
import { Identity, MIN_SECRET_BYTES, parseSecret } from '../identity/index.js';
import { findProfileFile, listDataFiles, loadFhirProfileFile, loadPolicyFile } from '../policy/registry.js';
import type { FhirProfile, Policy } from '../policy/types.js';
import { MemoryMappingStore } from '../store/mapping-store.js';
import { SqliteMappingStore } from '../store/sqlite-mapping-store.js';
import { projectPath } from './paths.js';

export interface BatchPolicy {
  readonly profile: FhirProfile | MicrosoftProfile;
  /** The policy when one was named (its DICOM and text settings apply); undefined for a bare profile. */
  readonly policy: Policy | undefined;
  readonly domain: string;
}

const DEFAULT_DOMAIN = 'default';

/**
 * What `--policy` names in the batch commands: a policy name from policies/, a policy file, a Voile
 * profile file or a Microsoft anonymizer configuration. Nothing named: the strict default profile.
 */
export function resolveBatchPolicy(ref: string | undefined): BatchPolicy {
  const profilesDir = projectPath('profiles');
  const withPolicy = (policy: Policy): BatchPolicy => ({
    profile: loadFhirProfileFile(findProfileFile(policy.profile, profilesDir)),
    policy,
    domain: policy.identity.domain,
  });
  if (ref === undefined) return { profile: loadFhirProfileFile(findProfileFile('research-strict', profilesDir)), policy: undefined, domain: DEFAULT_DOMAIN };
  if (existsSync(ref)) {
    const data = readDataFile(ref) as { kind?: unknown; fhirPathRules?: unknown };
    if (data.kind === 'policy') return withPolicy(loadPolicyFile(ref));
    // Microsoft configurations keep their own semantics (default keep); the gateway never serves them.
    if (data.fhirPathRules !== undefined) return { profile: fromMicrosoftConfig(data), policy: undefined, domain: DEFAULT_DOMAIN };
    return { profile: loadFhirProfileFile(ref), policy: undefined, domain: DEFAULT_DOMAIN };
  }
  for (const file of listDataFiles(projectPath('policies'))) {
    const policy = loadPolicyFile(file);
    if (policy.name === ref) return withPolicy(policy);
  }
  throw new VoileError('BAD_REQUEST', `No policy named '${ref}' in policies/ and no such file`);
}

/**
 * The identity of a batch run: the domain's secret from VOILE_SECRET_<DOMAIN> or VOILE_SECRET, so
 * files anonymized in batch agree with what the gateway serves for the same domain. Without a
 * secret, a random one: safe, but pseudonyms then differ from run to run (said on stderr).
 */
export function batchIdentity(domain: string, storePath: string | undefined, maxDateShiftDays?: number): Identity {
  const text = process.env[`VOILE_SECRET_${domain.toUpperCase().replaceAll('-', '_')}`] ?? process.env.VOILE_SECRET;
  let secret: Buffer;
  if (text === undefined) {
    process.stderr.write('note: no VOILE_SECRET set; using a random secret (pseudonyms will not match other runs)\n');
    secret = randomBytes(32);
  } else {
    secret = parseSecret(text);
    if (secret.length < MIN_SECRET_BYTES) throw new VoileError('CONFIG_INVALID', `The secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
  const store = storePath ? new SqliteMappingStore(storePath) : new MemoryMappingStore();
  return new Identity(secret, { store, ...(maxDateShiftDays !== undefined && { maxDateShiftDays }) });
}

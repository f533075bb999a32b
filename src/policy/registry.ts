import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { createFhirAnonymizer } from '../anonymize/fhir/index.js';
import type { TextDeidentifier } from '../anonymize/text/api.js';
import { assertValid, } from '../config/validate.js';
import { readDataFile } from '../config/load.js';
import { VoileError } from '../errors.js';
import { Identity } from '../identity/index.js';
import type { MappingStore } from '../store/mapping-store.js';
import type { PolicyRegistry, ResolvedPolicy } from './runtime.js';
import type { FhirProfile, Policy } from './types.js';
import { withAvatarValues } from '../cohort/avatar-anonymizer.js';
import { checkAvatarSection } from '../cohort/features.js';
import { checkAvatarSearchParameters } from '../cohort/search-safety.js';
import type { AvatarLookup } from '../cohort/store.js';
import { textDeidentifierFor } from './text-binding.js';
import policySchema from './schemas/policy.schema.json' with { type: 'json' };
import profileSchema from './schemas/fhir-profile.schema.json' with { type: 'json' };

const DATA_FILE = /\.(ya?ml|json)$/;

export function listDataFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (cause) {
    throw new VoileError('CONFIG_INVALID', `Cannot read directory ${dir}`, { cause });
  }
  return names.filter((n) => DATA_FILE.test(n)).sort().map((n) => join(dir, n));
}

export function loadPolicyFile(path: string): Policy {
  return assertValid<Policy>(policySchema, readDataFile(path), path, 'POLICY_INVALID');
}

export function loadFhirProfileFile(path: string): FhirProfile {
  return assertValid<FhirProfile>(profileSchema, readDataFile(path), path, 'PROFILE_INVALID');
}

/** A profile named in a policy: a file name in `<profilesDir>/fhir/` (without extension) or a path. */
export function findProfileFile(ref: string, profilesDir: string): string {
  if (DATA_FILE.test(ref)) return ref;
  const candidates = listDataFiles(join(profilesDir, 'fhir')).filter((p) => basename(p, extname(p)) === ref);
  if (candidates.length !== 1) throw new VoileError('POLICY_INVALID', `Profile '${ref}' not found in ${join(profilesDir, 'fhir')}`);
  return candidates[0]!;
}

export interface RegistryOptions {
  readonly policiesDir: string;
  readonly profilesDir: string;
  readonly store: MappingStore;
  /** Load only these policies (by name); every name must exist. Default: all of the directory. */
  readonly only?: readonly string[];
  /** Secret key material of an identity domain; throws when the domain has none. */
  readonly secretOf: (domain: string) => Uint8Array;
  /** Builds the free-text de-identifier of a policy. Default: what the policy's `text` section says. */
  readonly textFor?: (policy: Policy, identity: Identity) => TextDeidentifier;
  /** Built cohorts: policies with an `avatar` section serve their avatars' values. */
  readonly avatars?: AvatarLookup;
  /** Where the text model runs (config `text.executionProvider`). Default cpu. */
  readonly textExecutionProvider?: 'cpu' | 'cuda';
}

/**
 * Loads every policy of a directory with its profile, checks them all (collecting every error
 * before failing), and builds one Identity per identity domain so that all policies of a domain
 * agree on pseudonyms and date shifts.
 */
export function loadPolicyRegistry(options: RegistryOptions): PolicyRegistry {
  const problems: string[] = [];
  const policies: Policy[] = [];
  for (const file of listDataFiles(options.policiesDir)) {
    try {
      policies.push(loadPolicyFile(file));
    } catch (err) {
      problems.push(err instanceof Error ? err.message : String(err));
    }
  }
  if (options.only) {
    const wanted = new Set(options.only);
    for (const name of wanted) if (!policies.some((p) => p.name === name)) problems.push(`policy '${name}' is not in ${options.policiesDir}`);
    policies.splice(0, policies.length, ...policies.filter((p) => wanted.has(p.name)));
  }
  const names = new Set<string>();
  for (const p of policies) {
    if (names.has(p.name)) problems.push(`policy name '${p.name}' is used twice`);
    names.add(p.name);
  }
  const shiftByDomain = new Map<string, number>();
  for (const p of policies) {
    const max = p.identity.maxDateShiftDays ?? 365;
    const seen = shiftByDomain.get(p.identity.domain);
    if (seen !== undefined && seen !== max) {
      problems.push(`policies of identity domain '${p.identity.domain}' disagree on maxDateShiftDays (${seen} vs ${max})`);
    }
    shiftByDomain.set(p.identity.domain, max);
  }

  const identities = new Map<string, Identity>();
  const resolved = new Map<string, ResolvedPolicy>();
  for (const policy of policies) {
    try {
      let identity = identities.get(policy.identity.domain);
      if (!identity) {
        identity = new Identity(options.secretOf(policy.identity.domain), {
          store: options.store,
          maxDateShiftDays: shiftByDomain.get(policy.identity.domain)!,
        });
        identities.set(policy.identity.domain, identity);
      }
      const profile = loadFhirProfileFile(findProfileFile(policy.profile, options.profilesDir));
      const text =
        options.textFor?.(policy, identity) ??
        textDeidentifierFor(policy, identity, options.textExecutionProvider ? { executionProvider: options.textExecutionProvider } : {});
      if (policy.avatar) checkAvatarSection(policy.avatar);
      checkAvatarSearchParameters(policy);
      const rules = createFhirAnonymizer(profile, { identity, text });
      // Avatar mode: a cohort patient's quasi-identifying and clinical values become its avatar's
      // before the rule profile runs (until `voile cohort build` has run, nothing is substituted).
      const fhir = policy.avatar && options.avatars ? withAvatarValues(rules, options.avatars, policy) : rules;
      resolved.set(policy.name, { name: policy.name, policy, identity, text, fhir });
    } catch (err) {
      problems.push(`${policy.name}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  if (problems.length > 0) {
    throw new VoileError('POLICY_INVALID', `Invalid policies:\n  ${problems.join('\n  ')}`);
  }
  return {
    get: (name) => resolved.get(name),
    all: () => [...resolved.values()],
  };
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import type { Resource } from '@medplum/fhirtypes';
import { createFhirAnonymizer } from '../../src/anonymize/fhir/index.js';
import { redactingTextDeidentifier, type TextDeidentifier } from '../../src/anonymize/text/api.js';
import { Identity } from '../../src/identity/index.js';
import type { FhirProfile, FhirRule } from '../../src/policy/types.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';
import profileSchema from '../../src/policy/schemas/fhir-profile.schema.json' with { type: 'json' };

export const PROFILES_DIR = path.resolve(process.cwd(), 'profiles/fhir');

export function newIdentity(): Identity {
  return new Identity(Buffer.alloc(32, 1), { store: new MemoryMappingStore() });
}

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
export const validateProfile = ajv.compile(profileSchema);

export function loadProfile(name: string): FhirProfile {
  const data = parse(readFileSync(path.join(PROFILES_DIR, `${name}.yaml`), 'utf8')) as unknown;
  if (!validateProfile(data)) throw new Error(`profile ${name} invalid: ${ajv.errorsText(validateProfile.errors)}`);
  return data as unknown as FhirProfile;
}

/**
 * Rules that keep an Observation's required elements (status, code), to put last: an Observation
 * without them is not released, so a test about another element adds them to its rules.
 */
export const OBSERVATION_REQUIRED: FhirRule[] = [
  { path: 'Observation.status', method: 'keep' },
  { path: 'Observation.code', method: 'keep' },
];

export function profile(rules: FhirRule[], extra: Partial<FhirProfile> = {}): FhirProfile {
  return { kind: 'fhir-profile', name: 'test', rules, ...extra };
}

/** Anonymizes with a fresh (deterministic) identity unless one is given. */
export async function anonymize(p: FhirProfile, resource: Resource, options: { identity?: Identity; text?: TextDeidentifier } = {}): Promise<Record<string, unknown> | undefined> {
  const anonymizer = createFhirAnonymizer(p, { identity: options.identity ?? newIdentity(), text: options.text ?? redactingTextDeidentifier });
  const { resource: out } = await anonymizer.anonymize(structuredClone(resource));
  return out as Record<string, unknown> | undefined;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

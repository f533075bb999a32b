/**
 * The cases `engine-output-unchanged.test.ts` compares with the outputs recorded in
 * engine-output-unchanged.expected.json: the whole demo cohort under every shipped profile and a
 * Microsoft configuration, the cohort's free text through de-identifiers that keep, empty or drop
 * it (the PendingText path), and a few resources built to reach the rarer branches (required text,
 * primitive arrays with extensions, `urn:uuid:` patient references).
 *
 * Regenerate only when an output change is intended, and say so in the commit:
 * `npx tsx test/anonymize-fhir/engine-output-cases.ts --write`.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Resource } from '@medplum/fhirtypes';
import { createFhirAnonymizer, fromMicrosoftConfig } from '../../src/anonymize/fhir/index.js';
import { redactingTextDeidentifier, type TextDeidentifier } from '../../src/anonymize/text/api.js';
import { generateCohort } from '../../src/demo/cohort.js';
import { MS_REFERENCE_DIR } from '../../conformance/ms-fhir-anonymizer/runner.js';
import type { FhirProfile } from '../../src/policy/types.js';
import { loadProfile, newIdentity, profile, PROFILES_DIR } from './helpers.js';

export const EXPECTED_FILE = fileURLToPath(new URL('./engine-output-unchanged.expected.json', import.meta.url));

/** What a case produced: the digest of its outputs, and the outputs themselves for the small cases. */
export interface CaseOutput {
  readonly sha256: string;
  readonly count: number;
  readonly outputs?: unknown[];
}

/** JSON.stringify keeps key order and array order: any byte of any output changes the digest. */
export function digest(outputs: readonly unknown[]): string {
  return createHash('sha256').update(JSON.stringify(outputs)).digest('hex');
}

export const SHIPPED_PROFILES = readdirSync(PROFILES_DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => f.slice(0, -'.yaml'.length))
  .sort();

/**
 * Keeps some texts (changed, so a kept text is told from the input), empties others and drops the
 * rest, by length: every outcome the walk's PendingText placeholders can have.
 */
function textOutcome(value: string): string | undefined {
  if (value.length % 3 === 0) return undefined;
  if (value.length % 3 === 1) return '';
  return `[${value.toUpperCase()}]`;
}
const keepingSync: TextDeidentifier = { deidentify: async (v) => textOutcome(v), deidentifySync: textOutcome };
const keepingAsync: TextDeidentifier = { deidentify: async (v) => textOutcome(v) };

/** Patient 0's record as a transaction Bundle whose references are `urn:uuid:` fullUrls. */
function uuidBundle(resources: readonly Resource[], patientId: string): Resource {
  const own = resources.filter((r) => r.id === patientId || JSON.stringify(r).includes(`"Patient/${patientId}"`));
  const uuidOf = new Map(own.map((r, i) => [`${r.resourceType}/${r.id}`, `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`]));
  const relink = (value: unknown): unknown => {
    if (typeof value === 'string') return uuidOf.has(value) ? `urn:uuid:${uuidOf.get(value)}` : value;
    if (Array.isArray(value)) return value.map(relink);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, relink(v)]));
    return value;
  };
  return {
    resourceType: 'Bundle',
    id: 'tx-1',
    type: 'transaction',
    entry: own.map((r) => ({ fullUrl: `urn:uuid:${uuidOf.get(`${r.resourceType}/${r.id}`)}`, resource: relink(r) as Resource })),
  } as Resource;
}

/** A text rule on a required element at the resource's root, in an Annotation, and on a primitive array. */
const requiredTextProfile: FhirProfile = profile([
  { path: 'Resource.id', method: 'pseudonymize' },
  { path: 'Subscription.status', method: 'keep' },
  { path: 'Subscription.reason', method: 'text' },
  { path: 'Subscription.criteria', method: 'keep' },
  { path: "nodesByType('Annotation').text", method: 'text' },
  { path: "nodesByType('Annotation').time", method: 'keep' },
  { path: 'Observation.status', method: 'keep' },
  { path: 'Observation.code.text', method: 'text' },
  { path: 'Observation.code.coding.code', method: 'keep' },
  { path: "nodesByType('Address').line", method: 'text' },
  { path: "nodesByType('Address').city", method: 'keep' },
  { path: "nodesByType('Address').city.extension", method: 'keep' },
  { path: 'Patient.birthDate.extension', method: 'keep' },
  { path: "nodesByType('Address').line.extension", method: 'keep' },
  { path: 'Patient.gender', method: 'keep' },
  { path: 'Observation.component.code.text', method: 'text' },
  { path: 'Observation.component.value', method: 'keep' },
  { path: "nodesByType('Extension').url", method: 'keep' },
  { path: "nodesByType('Extension').value as string", method: 'text' },
  { path: 'Observation.extension', method: 'keep' },
  { path: 'Observation.modifierExtension', method: 'keep' },
  { path: 'Patient.birthDate', method: 'keep' },
]);

const requiredTextResources: Resource[] = [
  { resourceType: 'Subscription', id: 's1', status: 'active', reason: 'ab', criteria: 'Observation?code=1', channel: { type: 'rest-hook' } },
  { resourceType: 'Subscription', id: 's2', status: 'active', reason: 'abc', criteria: 'Observation?code=1' },
  { resourceType: 'Subscription', id: 's3', status: 'active', reason: 'abcd', criteria: 'Observation?code=1' },
  {
    resourceType: 'Observation',
    id: 'o1',
    status: 'final',
    code: { text: 'abc', coding: [{ code: 'x', display: 'X' }] },
    note: [{ text: 'ab', time: '2020-01-01' }, { text: 'abc', time: '2020-01-02' }, { text: 'abcd' }, { text: 'abcde' }],
  },
  { resourceType: 'Observation', id: 'o2', status: 'final', code: { text: 'abc' }, note: [{ text: 'abc' }] },
  {
    resourceType: 'Observation',
    id: 'o3',
    status: 'final',
    // A required element (component.code) left with only its text; extensions left with their url only.
    component: [{ code: { text: 'abc' }, valueQuantity: { value: 1 } }, { code: { text: 'abc' } }, { code: { text: 'ab' } }],
    extension: [{ url: 'http://e.org/a', valueString: 'abc' }, { valueString: 'abc' }, { url: 'http://e.org/b', valueString: 'ab' }],
    modifierExtension: [{ url: 'http://e.org/m', valueString: 'abc' }],
  },
  {
    resourceType: 'Patient',
    id: 'p2',
    // A null value kept for its extensions, beside a text that goes or stays (nested) and at the root.
    birthDate: null,
    _birthDate: { extension: [{ url: 'http://e.org/d', valueString: 'ab' }] },
    address: [
      { line: ['abc'], city: null, _city: { extension: [{ url: 'http://e.org/c', valueString: 'abc' }] } },
      { line: ['ab'], city: null, _city: { extension: [{ url: 'http://e.org/c', valueString: 'ab' }] } },
    ],
  },
  {
    resourceType: 'Patient',
    id: 'p1',
    gender: 'female',
    address: [
      { line: ['ab', 'abc', 'abcd', 'abcde'], _line: [null, { extension: [{ url: 'http://e.org/x', valueString: 'v' }] }, null, null], city: 'Lyon' },
      { line: ['abc'], city: 'Paris' },
      { line: ['abc', 'abcd'] },
    ],
  },
] as Resource[];

type AnyProfile = Parameters<typeof createFhirAnonymizer>[0];

async function many(p: AnyProfile, text: TextDeidentifier, resources: readonly Resource[]): Promise<unknown[]> {
  const anonymizer = createFhirAnonymizer(p, { identity: newIdentity(), text });
  const outputs: unknown[] = [];
  // Pages of 50, as the gateway sends a search page.
  for (let i = 0; i < resources.length; i += 50) outputs.push(...(await anonymizer.anonymizeMany!(structuredClone(resources.slice(i, i + 50)))));
  return outputs;
}

async function one(p: AnyProfile, text: TextDeidentifier, resources: readonly Resource[]): Promise<unknown[]> {
  const anonymizer = createFhirAnonymizer(p, { identity: newIdentity(), text });
  const outputs: unknown[] = [];
  for (const r of resources) outputs.push((await anonymizer.anonymize(structuredClone(r))).resource);
  return outputs;
}

/** Resources recorded whole (not only digested), so a failure shows what changed. */
function samples(resources: readonly Resource[]): Resource[] {
  const firstOf = (type: string, n = 1) => resources.filter((r) => r.resourceType === type).slice(0, n);
  return [...firstOf('Patient'), ...firstOf('Observation', 3), ...firstOf('Condition'), ...firstOf('MedicationRequest'), ...firstOf('DocumentReference'), ...firstOf('ImagingStudy'), ...firstOf('Encounter')];
}

export async function engineOutputs(): Promise<Record<string, CaseOutput>> {
  const cohort = generateCohort();
  const resources = cohort.resources;
  const cases: Record<string, unknown[]> = {};
  const whole = new Set<string>();
  for (const name of SHIPPED_PROFILES) {
    const p = loadProfile(name);
    cases[`${name}: cohort, redacted text, pages of 50`] = await many(p, redactingTextDeidentifier, resources);
    cases[`${name}: cohort, text kept/emptied/dropped synchronously`] = await many(p, keepingSync, resources);
    cases[`${name}: cohort, text kept/emptied/dropped asynchronously`] = await one(p, keepingAsync, resources);
    cases[`${name}: Bundle with urn:uuid references`] = await one(p, redactingTextDeidentifier, [uuidBundle(resources, cohort.patients[0]!.id)]);
    cases[`${name}: samples`] = await one(p, redactingTextDeidentifier, samples(resources));
    whole.add(`${name}: samples`);
  }
  const microsoft = fromMicrosoftConfig(readFileSync(path.join(MS_REFERENCE_DIR, 'configurations/common-config.json'), 'utf8'));
  cases['microsoft common-config: cohort'] = await one(microsoft, redactingTextDeidentifier, resources.slice(0, 600));
  for (const [label, text] of [['redacted', redactingTextDeidentifier], ['kept/emptied/dropped synchronously', keepingSync], ['kept/emptied/dropped asynchronously', keepingAsync]] as const) {
    const key = `required text, ${label}`;
    cases[key] = await many(requiredTextProfile, text, requiredTextResources);
    whole.add(key);
  }
  const out: Record<string, CaseOutput> = {};
  for (const [key, outputs] of Object.entries(cases)) out[key] = { sha256: digest(outputs), count: outputs.length, ...(whole.has(key) ? { outputs } : {}) };
  return out;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url) && process.argv.includes('--write')) {
  writeFileSync(EXPECTED_FILE, `${JSON.stringify(await engineOutputs(), null, 1)}\n`);
  console.log(`written ${EXPECTED_FILE}`);
}

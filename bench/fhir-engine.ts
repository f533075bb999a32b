/**
 * Micro-benchmark of the FHIR rule engine alone (no HTTP): µs per resource and ms per 50-entry
 * search Bundle under the shipped profiles (a synthetic mix of Patients and Observations, and the
 * demo cohort's Observations that `npm run bench:fhir` searches). Run:
 * `npx tsx bench/fhir-engine.ts [iterations per round]` (BENCH_ROUNDS rounds, default 5).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import { createFhirAnonymizer } from '../src/anonymize/fhir/index.js';
import { generateCohort } from '../src/demo/cohort.js';
import { redactingTextDeidentifier } from '../src/anonymize/text/api.js';
import { Identity } from '../src/identity/index.js';
import type { FhirProfile } from '../src/policy/types.js';
import { MemoryMappingStore } from '../src/store/mapping-store.js';

function observation(i: number): Resource {
  return {
    resourceType: 'Observation',
    id: `obs-${i}`,
    meta: { versionId: '1', lastUpdated: '2024-03-02T09:20:00Z' },
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }],
    code: { coding: [{ system: 'http://loinc.org', code: '8867-4', display: 'Heart rate' }], text: 'Heart rate' },
    subject: { reference: `Patient/pat-${i % 7}`, display: 'Some Name' },
    encounter: { reference: `Encounter/enc-${i}` },
    effectiveDateTime: '2024-03-01T08:00:00+01:00',
    issued: '2024-03-01T10:12:00.000Z',
    valueQuantity: { value: 60 + (i % 40), unit: 'beats/minute', system: 'http://unitsofmeasure.org', code: '/min' },
    note: [{ text: 'Patient at rest' }],
  } as Resource;
}

function patient(i: number): Resource {
  return {
    resourceType: 'Patient',
    id: `pat-${i}`,
    identifier: [{ system: 'urn:oid:1.2.250.1.213.1.4.8', value: `26104751234${i}` }],
    name: [{ family: 'Dupont', given: ['Jeanne'] }],
    telecom: [{ system: 'phone', value: '+33 6 12 34 56 78' }],
    gender: 'female',
    birthDate: '1961-04-12',
    address: [{ line: ['12 rue des Lilas'], city: 'Lyon', postalCode: '69003', country: 'FR' }],
  } as Resource;
}

const synthetic: Bundle = {
  resourceType: 'Bundle',
  type: 'searchset',
  total: 50,
  entry: Array.from({ length: 50 }, (_, i) => {
    const resource = i % 10 === 0 ? patient(i) : observation(i);
    return { fullUrl: `https://ehr.example.org/fhir/${resource.resourceType}/${resource.id}`, resource, search: { mode: 'match' as const } };
  }),
};

/** The first 50 Observations of the demo cohort: what `npm run bench:fhir` searches. */
function cohortSearch(): Bundle {
  const observations = generateCohort().resources.filter((r) => r.resourceType === 'Observation').slice(0, 50);
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: observations.length,
    entry: observations.map((resource) => ({ fullUrl: `https://ehr.example.org/fhir/Observation/${resource.id}`, resource, search: { mode: 'match' as const } })),
  };
}

// A shared machine slows every run differently: several rounds, the best and the median reported.
const iterations = Number(process.argv[2] ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const bundles: [string, Bundle][] = [['synthetic', synthetic], ['cohort obs', cohortSearch()]];
for (const name of ['research-strict', 'safe-harbor']) {
  const profile = parse(readFileSync(path.resolve(process.cwd(), 'profiles/fhir', `${name}.yaml`), 'utf8')) as FhirProfile;
  const identity = new Identity(Buffer.alloc(32, 1), { store: new MemoryMappingStore() });
  const anonymizer = createFhirAnonymizer(profile, { identity, text: redactingTextDeidentifier });
  for (const [label, bundle] of bundles) {
    for (let i = 0; i < 20; i++) await anonymizer.anonymize(bundle); // warm-up (JIT, caches)
    const cpuPerBundle: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const cpuStart = process.cpuUsage();
      for (let i = 0; i < iterations; i++) await anonymizer.anonymize(bundle);
      const cpu = process.cpuUsage(cpuStart);
      // CPU time is the steadier figure on a shared machine; wall time includes waiting for a core.
      cpuPerBundle.push((cpu.user + cpu.system) / 1000 / iterations);
    }
    cpuPerBundle.sort((a, b) => a - b);
    const best = cpuPerBundle[0]!;
    const median = cpuPerBundle[Math.floor(cpuPerBundle.length / 2)]!;
    console.log(
      `${name.padEnd(16)} ${label.padEnd(10)} 50-entry bundle: ${best.toFixed(2)} ms CPU best, ${median.toFixed(2)} ms median of ${ROUNDS}   per resource: ${((best * 1000) / 50).toFixed(1)} µs CPU best`,
    );
  }
}

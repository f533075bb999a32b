import { validateResource } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { createFhirAnonymizer } from '../../src/anonymize/fhir/index.js';
import { ensureFhirSchema } from '../../src/anonymize/fhir/r4-definitions.js';
import { redactingTextDeidentifier } from '../../src/anonymize/text/api.js';
import { generateCohort, NAME_KINDS } from '../../src/demo/cohort.js';
import { loadProfile, newIdentity } from './helpers.js';

// The demo generator writes down every identifying value it invents: the ground truth of this test
// owes nothing to the engine. Every resource of a cohort goes through each shipped profile.
const cohort = generateCohort({ seed: 7, patients: 20 });

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const probes = cohort.identifying.map((v) => ({
  kind: v.kind,
  test: NAME_KINDS.has(v.kind) ? new RegExp(`(^|[^\\p{L}])${escape(v.value)}($|[^\\p{L}])`, 'iu') : undefined,
  value: v.value,
}));

beforeAll(() => ensureFhirSchema());

describe.each(['research-strict', 'safe-harbor'])('%s over a generated cohort', (name) => {
  const profile = loadProfile(name);
  let outputs: { type: string; json: string; resource: Resource }[] = [];

  beforeAll(async () => {
    const anonymizer = createFhirAnonymizer(profile, { identity: newIdentity(), text: redactingTextDeidentifier });
    outputs = [];
    for (const resource of cohort.resources) {
      const { resource: out } = await anonymizer.anonymize(resource);
      if (out) outputs.push({ type: resource.resourceType, json: JSON.stringify(out), resource: out });
    }
  });

  it('releases the clinical resources of every patient', () => {
    const types = new Set(outputs.map((o) => o.type));
    expect(types).toContain('Patient');
    expect(types).toContain('Observation');
    expect(outputs.filter((o) => o.type === 'Patient')).toHaveLength(cohort.patients.length);
  });

  it('no identifying value of the ground truth appears in any output', () => {
    const leaks: string[] = [];
    for (const { type, json } of outputs) {
      for (const probe of probes) {
        if (probe.test ? probe.test.test(json) : json.includes(probe.value)) leaks.push(`${type}: ${probe.kind}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('every released resource validates against FHIR R4 base', () => {
    const invalid: string[] = [];
    for (const { type, resource } of outputs) {
      try {
        validateResource(resource);
      } catch (err) {
        invalid.push(`${type}: ${(err as Error).message.slice(0, 160)}`);
      }
    }
    expect(invalid).toEqual([]);
  });
});

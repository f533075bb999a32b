import type { Resource } from '@medplum/fhirtypes';
import type { FhirAnonymizer } from '../../../src/anonymize/fhir/api.js';
import { redactingTextDeidentifier } from '../../../src/anonymize/text/api.js';
import { VoileError } from '../../../src/errors.js';
import { Identity } from '../../../src/identity/index.js';
import type { ResolvedPolicy } from '../../../src/policy/runtime.js';
import type { Policy } from '../../../src/policy/types.js';
import { MemoryMappingStore } from '../../../src/store/mapping-store.js';

/**
 * A hand-built ResolvedPolicy for the proxy's tests. Its anonymizer is a deliberately small
 * default-deny stand-in for the rule engine (ids and references pseudonymized, effective dates
 * shifted per patient, birth dates to the year, everything else dropped), so these tests exercise
 * the transport on its own.
 */
export const TEST_SECRET = Buffer.alloc(32, 11);

export interface TestPolicyOptions {
  readonly resourceTypes?: readonly string[];
  readonly fhir?: Policy['fhir'];
  /** Makes the anonymizer throw for resources this returns true for. */
  readonly failWhen?: (resource: Resource) => boolean;
  readonly name?: string;
  readonly secret?: Buffer;
}

export function testPolicy(options: TestPolicyOptions = {}): ResolvedPolicy {
  const identity = new Identity(options.secret ?? TEST_SECRET, { store: new MemoryMappingStore() });
  const policy: Policy = {
    kind: 'policy',
    name: options.name ?? 'test-research',
    profile: 'test',
    identity: { domain: 'test' },
    fhir: options.fhir ?? {
      searchParameters: { Observation: ['subject', 'patient', 'code', 'date'], Patient: ['gender'], '*': ['_id'] },
      maxCount: 10,
    },
  };
  return {
    name: policy.name,
    policy,
    identity,
    text: redactingTextDeidentifier,
    fhir: testAnonymizer(identity, options),
  };
}

function testAnonymizer(identity: Identity, options: TestPolicyOptions): FhirAnonymizer {
  const types = new Set(options.resourceTypes ?? ['Patient', 'Observation', 'Practitioner']);
  const ref = (r: { reference?: string } | undefined) => {
    const m = /^([A-Za-z]+)\/(.+)$/.exec(r?.reference ?? '');
    return m ? { reference: `${m[1]}/${identity.pseudonymizeId(m[1]!, m[2]!)}` } : undefined;
  };
  return {
    resourceTypes: types,
    async anonymize(input) {
      if (options.failWhen?.(input)) throw new VoileError('ANONYMIZATION_FAILED', 'The response could not be anonymized');
      const r = input as Resource & Record<string, any>;
      const out: Record<string, unknown> = { resourceType: r.resourceType, id: identity.pseudonymizeId(r.resourceType, r.id!) };
      if (r.meta?.versionId) out.meta = { versionId: r.meta.versionId };
      const patient = r.resourceType === 'Patient' ? r.id : /^Patient\/(.+)$/.exec(r.subject?.reference ?? r.patient?.reference ?? '')?.[1];
      for (const key of ['status', 'code', 'gender', 'valueQuantity']) if (r[key] !== undefined) out[key] = r[key];
      if (r.subject) out.subject = ref(r.subject);
      if (r.patient) out.patient = ref(r.patient);
      if (Array.isArray(r.performer)) out.performer = r.performer.map(ref);
      if (r.birthDate) out.birthDate = String(r.birthDate).slice(0, 4);
      if (r.effectiveDateTime && patient) out.effectiveDateTime = identity.shiftDate(r.effectiveDateTime, patient);
      return { resource: out as unknown as Resource };
    },
  };
}

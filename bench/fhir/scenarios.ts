import { generateCohort } from '../../src/demo/cohort.js';
import { Identity } from '../../src/identity/index.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';
import { BENCH_MAX_DATE_SHIFT_DAYS, BENCH_SECRET } from './shared.js';

/** One kind of request the FHIR benches drive, as each side is asked for it. */
export interface BenchScenario {
  readonly name: string;
  readonly passThrough: readonly string[];
  readonly gateway: readonly string[];
  /** Entries each response must carry, for searches. */
  readonly entries?: number;
}

/**
 * Reads of every Patient of the demo cohort (the same default seed as the upstream: real ids for the
 * pass-through, their pseudonyms under the bench secret for the gateway) and 50-entry Observation
 * searches (the same query on both sides).
 */
export function benchScenarios(): [read: BenchScenario, search: BenchScenario] {
  const identity = new Identity(BENCH_SECRET, { store: new MemoryMappingStore(), maxDateShiftDays: BENCH_MAX_DATE_SHIFT_DAYS });
  const patients = generateCohort().patients.map((p) => p.id);
  const searches = ['_count=50', 'category=vital-signs&_count=50', 'category=laboratory&_count=50'].map((q) => `/fhir/Observation?${q}`);
  return [
    {
      name: 'read Patient',
      passThrough: patients.map((id) => `/fhir/Patient/${id}`),
      gateway: patients.map((id) => `/fhir/Patient/${identity.pseudonymizeId('Patient', id)}`),
    },
    { name: 'search Observation, 50 entries', passThrough: searches, gateway: searches, entries: 50 },
  ];
}

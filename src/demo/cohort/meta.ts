import type { Meta } from '@medplum/fhirtypes';

/**
 * Every generated resource is version 1, last updated at the cohort's reference date: a fixed
 * `meta` keeps the cohort (and the upstream's responses) byte-for-byte reproducible. A fresh object
 * each time, so that no consumer can change one resource by editing another.
 */
export function meta(): Meta {
  return { versionId: '1', lastUpdated: '2025-06-01T00:00:00.000Z' };
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Resource } from '@medplum/fhirtypes';
import { createFhirAnonymizer, fromMicrosoftConfig } from '../../src/anonymize/fhir/index.js';
import { redactingTextDeidentifier } from '../../src/anonymize/text/api.js';
import { Identity } from '../../src/identity/index.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';

/**
 * Runs Microsoft's functional test set (../shared/reference/ms-fhir-anonymizer) through Voile's
 * engine with their configurations, unchanged, and compares outputs as canonical JSON.
 */
export const MS_REFERENCE_DIR = path.resolve(process.cwd(), '../shared/reference/ms-fhir-anonymizer');

export interface MsCase {
  readonly test: string;
  readonly config: string;
  readonly input: string;
  readonly expected: string;
}

export function loadCases(dir = MS_REFERENCE_DIR): MsCase[] {
  return JSON.parse(readFileSync(path.join(dir, 'cases.json'), 'utf8')) as MsCase[];
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
}

export async function runCase(c: MsCase, dir = MS_REFERENCE_DIR): Promise<{ actual: string; expected: string }> {
  const profile = fromMicrosoftConfig(readFileSync(path.join(dir, 'configurations', c.config), 'utf8'));
  const identity = new Identity(Buffer.alloc(32, 1), { store: new MemoryMappingStore() });
  const anonymizer = createFhirAnonymizer(profile, { identity, text: redactingTextDeidentifier });
  const input = readJson(path.join(dir, 'resources', c.input)) as Resource;
  const { resource } = await anonymizer.anonymize(input);
  return { actual: canonicalJson(resource), expected: canonicalJson(readJson(path.join(dir, 'resources', c.expected))) };
}

/** Sorted keys, numbers as JSON numbers (so 1.0 and 1 compare equal). */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  }
  return value;
}

// `npx tsx conformance/ms-fhir-anonymizer/runner.ts` prints a pass/fail line per case.
if (import.meta.url === `file://${process.argv[1]}`) {
  let failed = 0;
  for (const [i, c] of loadCases().entries()) {
    try {
      const { actual, expected } = await runCase(c);
      const ok = actual === expected;
      if (!ok) failed++;
      console.log(`${ok ? 'PASS' : 'FAIL'} ${i} ${c.test} (${c.input})`);
      if (!ok && process.env['VERBOSE']) console.log(`  actual:   ${actual}\n  expected: ${expected}`);
    } catch (err) {
      failed++;
      console.log(`ERROR ${i} ${c.test} (${c.input}): ${(err as Error).message}`);
    }
  }
  process.exitCode = failed === 0 ? 0 : 1;
}

/**
 * Leak test on Part-10 files: identifying values injected everywhere an attacker or a careless
 * modality would put them (names, IDs, dates, descriptors, nested sequences, private tags, curves,
 * overlays), then every output byte is searched for every one of them.
 */
import { describe, expect, it } from 'vitest';
import { type DicomOption, createDicomDeidentifier } from '../../src/anonymize/dicom/index.js';
import { makeIdentity } from './helpers.js';
import { INJECTED, injectedFile } from './injected.js';

function leaks(output: Buffer): string[] {
  const found: string[] = [];
  for (const [name, value] of Object.entries(INJECTED)) {
    for (const form of new Set([value, value.toLowerCase(), value.split('^')[0]!])) {
      if (form.length >= 6 && output.includes(Buffer.from(form, 'latin1'))) found.push(name);
    }
  }
  return found;
}

const OPTION_SETS: DicomOption[][] = [
  [],
  ['retainLongitudinalModifiedDates'],
  ['retainLongitudinalModifiedDates', 'cleanDescriptors', 'cleanStructuredContent', 'cleanGraphics', 'retainPatientCharacteristics', 'retainDeviceIdentity'],
];

describe('no injected value survives', () => {
  it.each(OPTION_SETS.map((o) => [o.join('+') || 'basic', o] as const))('%s, explicit and implicit VR', async (_, options) => {
    const d = createDicomDeidentifier({ options }, { identity: makeIdentity() });
    for (const base of ['CT_small.dcm', 'MR_small_implicit.dcm', 'MR_small_bigendian.dcm']) {
      const input = injectedFile(base);
      expect(leaks(input).length).toBeGreaterThan(10); // the injection itself worked
      const out = Buffer.concat((await d.part10(input)).chunks as Uint8Array[]);
      expect(leaks(out)).toEqual([]);
    }
  });

  it('Clean Descriptors with the default (redacting) text hook removes descriptor text', async () => {
    const d = createDicomDeidentifier({ options: ['cleanDescriptors'] }, { identity: makeIdentity() });
    const out = Buffer.concat((await d.part10(injectedFile())).chunks as Uint8Array[]);
    expect(out.includes(Buffer.from('SUSPICION'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { Tags, createDicomDeidentifier, mayCarryBurnedInText } from '../../src/anonymize/dicom/index.js';
import { fixture, inject, makeIdentity, str } from './helpers.js';

describe('burned-in annotation', () => {
  it('withholds BurnedInAnnotation=YES, US and SC, and XA/DX without the flag', () => {
    expect(mayCarryBurnedInText('CT', 'YES')).toBe(true);
    expect(mayCarryBurnedInText('US', undefined)).toBe(true);
    expect(mayCarryBurnedInText('SC', 'NO')).toBe(true);
    expect(mayCarryBurnedInText('XA', undefined)).toBe(true);
    expect(mayCarryBurnedInText('DX', 'NO')).toBe(false);
    expect(mayCarryBurnedInText('CT', undefined)).toBe(false);
    expect(mayCarryBurnedInText('OT', undefined, '1.2.840.10008.5.1.4.1.1.7')).toBe(true);
    expect(mayCarryBurnedInText('OT', undefined, '1.2.840.10008.5.1.4.1.1.77.1.4')).toBe(false);
  });

  it('refuses a Secondary Capture object (pydicom SC_rgb_small_odd, Modality OT) unless the policy allows it', async () => {
    const identity = makeIdentity();
    await expect(createDicomDeidentifier({}, { identity }).part10(fixture('SC_rgb_small_odd.dcm'))).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    const out = await createDicomDeidentifier({ allowBurnedIn: true }, { identity }).part10(fixture('SC_rgb_small_odd.dcm'));
    expect(out.byteLength).toBeGreaterThan(0);
  });

  it('refuses a CT flagged BurnedInAnnotation=YES', async () => {
    const input = inject(fixture('CT_small.dcm'), str(Tags.BurnedInAnnotation, 'CS', 'YES'));
    await expect(createDicomDeidentifier({}, { identity: makeIdentity() }).part10(input)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

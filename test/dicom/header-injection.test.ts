import { describe, expect, it } from 'vitest';
import { createDicomDeidentifier, readPart10, writePart10 } from '../../src/anonymize/dicom/index.js';
import { VoileError } from '../../src/errors.js';
import { fixture, inject, makeIdentity, str } from './helpers.js';

/** Regressions found in review: values that reach headers or leave through the text hook. */
describe('DICOM values that must never pass through', () => {
  it('refuses a transfer syntax that is not a UID (it is copied into file meta and multipart part headers)', () => {
    const meta = [{ tag: 0x00020010, vr: 'UI', value: Buffer.from('1.2.840.10008.1.2.1\r\nX-Leak: yes') }];
    const file = Buffer.concat(writePart10(meta, [], '1.2.840.10008.1.2.1').chunks);
    try {
      readPart10(file);
      expect.unreachable();
    } catch (err) {
      expect((err as VoileError).code).toBe('MALFORMED_DICOM');
      expect((err as VoileError).message).not.toContain('Leak');
    }
  });

  it('does not send person names outside Table E.1-1 through the free-text hook under cleanDescriptors', async () => {
    // (0014,2006) EvaluatorName: PN, not listed in Table E.1-1.
    const input = inject(fixture('CT_small.dcm'), str(0x00142006, 'PN', 'SMITH^JANE'));
    const seen: string[] = [];
    const text = { deidentify: async (t: string) => (seen.push(t), t) };
    const deid = createDicomDeidentifier({ options: ['cleanDescriptors'] }, { identity: makeIdentity(), text });
    const out = await deid.part10(input);
    expect(Buffer.concat(out.chunks as Uint8Array[]).toString('latin1')).not.toContain('SMITH');
    expect(seen.join('|')).not.toContain('SMITH');
  });
});

import { describe, expect, it } from 'vitest';
import { VoileError } from '../../src/errors.js';
import { createDicomDeidentifier, readPart10, writePart10 } from '../../src/anonymize/dicom/index.js';
import { fixture, makeIdentity } from './helpers.js';

function expectMalformed(fn: () => unknown): void {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(VoileError);
    expect((err as VoileError).code).toBe('MALFORMED_DICOM');
    expect((err as VoileError).status).toBe(400);
    return;
  }
  throw new Error('expected MALFORMED_DICOM');
}

/** A file whose data set is `depth` sequences nested inside each other (explicit VR LE, undefined lengths). */
function deeplyNested(depth: number): Buffer {
  const open = Buffer.from([0x08, 0x00, 0x15, 0x11, 0x53, 0x51, 0, 0, 0xff, 0xff, 0xff, 0xff, 0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff, 0xff, 0xff]);
  const close = Buffer.from([0xfe, 0xff, 0x0d, 0xe0, 0, 0, 0, 0, 0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0]);
  const meta = [{ tag: 0x00020010, vr: 'UI', value: Buffer.from('1.2.840.10008.1.2.1') }];
  const head = Buffer.concat(writePart10(meta, [], '1.2.840.10008.1.2.1').chunks);
  return Buffer.concat([head, ...Array<Buffer>(depth).fill(open), ...Array<Buffer>(depth).fill(close)]);
}

describe('malformed input', () => {
  it('rejects what is not DICOM', () => {
    expectMalformed(() => readPart10(Buffer.from('hello, this is not a DICOM file at all')));
    expectMalformed(() => readPart10(Buffer.alloc(0)));
    expectMalformed(() => readPart10(Buffer.alloc(200)));
  });

  it('rejects truncated files (pydicom MR_truncated, rtplan_truncated)', () => {
    expectMalformed(() => readPart10(fixture('MR_truncated.dcm')));
    expectMalformed(() => readPart10(fixture('rtplan_truncated.dcm')));
  });

  it('rejects a file cut at every one of many positions, never hanging', () => {
    const file = fixture('CT_small.dcm');
    const started = Date.now();
    for (let cut = 133; cut < file.length; cut += 97) {
      try {
        readPart10(file.subarray(0, cut));
      } catch (err) {
        expect((err as VoileError).code).toBe('MALFORMED_DICOM');
      }
    }
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('rejects a length that points past the end', () => {
    const file = Buffer.from(fixture('CT_small.dcm'));
    // (0008,0005) SpecificCharacterSet follows the meta; give it a huge 16-bit length.
    const at = file.indexOf(Buffer.from([0x08, 0x00, 0x05, 0x00, 0x43, 0x53]));
    file.writeUInt16LE(0xfff0, at + 6);
    expectMalformed(() => readPart10(file));
  });

  it('rejects hostile nesting past the depth limit quickly, and accepts it under the limit', () => {
    const started = Date.now();
    expectMalformed(() => readPart10(deeplyNested(10_000)));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(() => readPart10(deeplyNested(20))).not.toThrow();
  });

  it('rejects a file without transfer syntax in its meta', () => {
    const meta = [{ tag: 0x00020002, vr: 'UI', value: Buffer.from('1.2.840.10008.5.1.4.1.1.7') }];
    expectMalformed(() => readPart10(Buffer.concat(writePart10(meta, [], '1.2.840.10008.1.2.1').chunks)));
  });

  it('rejects a corrupt deflated data set', () => {
    const file = Buffer.from(fixture('image_dfl.dcm'));
    file.fill(0xff, file.length - 400, file.length - 300);
    expectMalformed(() => readPart10(file));
  });

  it('survives random corruption: a clean error or a result, never a crash or a leak of the input in the message', async () => {
    const d = createDicomDeidentifier({ allowBurnedIn: true }, { identity: makeIdentity() });
    const original = fixture('MR_small.dcm');
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let i = 0; i < 300; i++) {
      const file = Buffer.from(original);
      for (let k = 0; k < 4; k++) file[132 + Math.floor(random() * (file.length - 132))] = Math.floor(random() * 256);
      try {
        await d.part10(file);
      } catch (err) {
        expect(err).toBeInstanceOf(VoileError);
        expect(['MALFORMED_DICOM', 'ANONYMIZATION_FAILED']).toContain((err as VoileError).code);
        expect((err as VoileError).message).not.toMatch(/\d{4,}/);
      }
    }
  });
});

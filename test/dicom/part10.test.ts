import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type DicomDataset,
  IMPLEMENTATION_CLASS_UID,
  IMPLEMENTATION_VERSION_NAME,
  Tags,
  createDicomDeidentifier,
  readPart10,
  writePart10,
} from '../../src/anonymize/dicom/index.js';
import { fixture, hasTool, makeIdentity, reread, valueAt } from './helpers.js';

const FILES: [string, string][] = [
  ['CT_small.dcm', '1.2.840.10008.1.2.1'],
  ['MR_small_implicit.dcm', '1.2.840.10008.1.2'],
  ['MR_small_bigendian.dcm', '1.2.840.10008.1.2.2'],
  ['image_dfl.dcm', '1.2.840.10008.1.2.1.99'],
  ['JPEG2000.dcm', '1.2.840.10008.1.2.4.91'],
  ['MR_small_RLE.dcm', '1.2.840.10008.1.2.5'],
  ['rtplan.dcm', '1.2.840.10008.1.2'],
  ['test-SR.dcm', '1.2.840.10008.1.2.1'],
];

function shape(ds: DicomDataset): unknown[] {
  return ds.map((el) => [el.tag, el.items ? el.items.map(shape) : el.fragments ? el.fragments.map((f) => Buffer.from(f).toString('hex')) : Buffer.from(el.value ?? []).toString('hex')]);
}

describe('Part-10 reader and writer', () => {
  it.each(FILES)('round-trips %s (%s) element for element', (name, ts) => {
    const parsed = readPart10(fixture(name));
    expect(parsed.transferSyntaxUid).toBe(ts);
    const again = readPart10(Buffer.concat(writePart10(parsed.meta, parsed.dataset, ts).chunks));
    expect(again.transferSyntaxUid).toBe(ts);
    expect(shape(again.dataset)).toEqual(shape(parsed.dataset));
  });

  it('keeps encapsulated pixel data fragments as views of the input (no copy)', () => {
    const input = fixture('JPEG2000.dcm');
    const parsed = readPart10(input);
    const pixel = parsed.dataset.find((el) => el.tag === Tags.PixelData)!;
    expect(pixel.fragments!.length).toBeGreaterThan(1);
    for (const f of pixel.fragments!) expect(f.buffer).toBe(input.buffer);
  });

  it('passes a large native pixel data value through the output without copying it', async () => {
    const input = fixture('examples_overlay.dcm');
    const d = createDicomDeidentifier({}, { identity: makeIdentity() });
    const out = await d.part10(input);
    const pixelChunk = out.chunks.find((c) => c.byteLength > 100_000);
    expect(pixelChunk?.buffer).toBe(input.buffer);
  });

  it.runIf(hasTool('dcmdump'))('writes files dcmtk reads, in every transfer syntax', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'voile-dcm-'));
    // JPEG2000.dcm is a Secondary Capture: allowed here, this test is about the encoding.
    const d = createDicomDeidentifier({ options: ['retainLongitudinalModifiedDates'], allowBurnedIn: true }, { identity: makeIdentity() });
    for (const [name] of FILES) {
      const out = await d.part10(fixture(name));
      const file = path.join(dir, name);
      writeFileSync(file, Buffer.concat(out.chunks as Uint8Array[]));
      const dump = execFileSync('dcmdump', ['-q', file], { encoding: 'utf8' });
      expect(dump).toContain('(0012,0062) CS [YES]');
    }
  });
});

describe('file meta information', () => {
  it('is rebuilt: MediaStorageSOPInstanceUID follows the remapped SOPInstanceUID, implementation is Voile', async () => {
    const d = createDicomDeidentifier({}, { identity: makeIdentity() });
    const original = readPart10(fixture('CT_small.dcm'));
    const out = reread((await d.part10(fixture('CT_small.dcm'))).chunks);
    const sop = valueAt(out.dataset, Tags.SOPInstanceUID)!;
    expect(sop).toMatch(/^2\.25\.\d+$/);
    expect(sop).not.toBe(valueAt(original.dataset, Tags.SOPInstanceUID));
    expect(valueAt(out.meta, Tags.MediaStorageSOPInstanceUID)).toBe(sop);
    expect(valueAt(out.meta, Tags.MediaStorageSOPClassUID)).toBe(valueAt(original.dataset, Tags.SOPClassUID));
    expect(valueAt(out.meta, Tags.ImplementationClassUID)).toBe(IMPLEMENTATION_CLASS_UID);
    expect(valueAt(out.meta, Tags.ImplementationVersionName)).toBe(IMPLEMENTATION_VERSION_NAME);
    expect(valueAt(out.meta, Tags.TransferSyntaxUID)).toBe('1.2.840.10008.1.2.1');
    // Nothing else from the source meta (source AE title, private meta) survives.
    expect(out.meta.map((el) => el.tag)).toEqual([0x00020000, 0x00020001, 0x00020002, 0x00020003, 0x00020010, 0x00020012, 0x00020013]);
  });

  it('keeps well-known UIDs (SOP class, transfer syntax) as they are', async () => {
    const d = createDicomDeidentifier({}, { identity: makeIdentity() });
    const out = reread((await d.part10(fixture('MR_small.dcm'))).chunks);
    expect(valueAt(out.dataset, Tags.SOPClassUID)).toBe('1.2.840.10008.5.1.4.1.1.4');
  });
});

/**
 * Regression tests for issue 4's follow-up: valid pydicom test files with private sequences were
 * rejected. Each file must parse (its private element read as a sequence), de-identify with every
 * private byte gone, and validate with dciodvfy no worse than its input.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  type DicomDataset,
  type DicomElement,
  ChunkWriter,
  Tags,
  createDicomDeidentifier,
  readPart10,
  writeDataset,
  writePart10,
} from '../../src/anonymize/dicom/index.js';
import { FIXTURES, dciodvfyErrors, fixture, hasTool, makeIdentity, reread, seq, str, valueAt } from './helpers.js';

interface PrivateFixture {
  readonly file: string;
  readonly transferSyntax: string;
  /** Path of tags from the top-level private element down to a leaf read from inside its items. */
  readonly leafPath: readonly number[];
  readonly leafValue: string;
  /** Bytes of the input that only its private content carries: none may reach the output. */
  readonly privateContent: readonly string[];
}

const FILES: readonly PrivateFixture[] = [
  {
    // Implicit VR, a private element of unknown VR whose defined-length value is an item stream.
    file: 'priv_SQ.dcm',
    transferSyntax: '1.2.840.10008.1.2',
    leafPath: [0x3f031001, 0x00080090],
    leafValue: '111111111111111',
    privateContent: ['aaabbbccc MEDICAL SYSTEMS', '111111111111111', '123456789 1234567', '0934021007', 'image1234567', 'Values updated'],
  },
  {
    // Implicit VR, private sequences of undefined length nested in each other.
    file: 'nested_priv_SQ.dcm',
    transferSyntax: '1.2.840.10008.1.2',
    leafPath: [0x00010001, 0x00010001, 0x00010001],
    leafValue: 'Double Nested SQ',
    privateContent: ['Nested SQ'],
  },
  {
    // Explicit VR (JPEG Lossless), UN of undefined length: an Implicit VR sequence (PS3.5 6.2.2).
    file: 'UN_sequence.dcm',
    transferSyntax: '1.2.840.10008.1.2.4.70',
    leafPath: [0x4453100c, 0x00081115, 0x00081199, 0x00081155],
    leafValue: '1.2.840.113619.2.327.3.185221411.476.1398588726.278.80',
    privateContent: ['1.2.840.113619.2.327.3.185221411'],
  },
];

function privateTagsAnywhere(dataset: DicomDataset): number[] {
  return dataset.flatMap((el) => [...((el.tag >>> 16) & 1 ? [el.tag] : []), ...(el.items ?? []).flatMap(privateTagsAnywhere)]);
}

describe('private sequences in the pydicom test files', () => {
  describe.each(FILES)('$file', ({ file, transferSyntax, leafPath, leafValue, privateContent }) => {
    it('parses, the private element read as a sequence', () => {
      const parsed = readPart10(fixture(file));
      expect(parsed.transferSyntaxUid).toBe(transferSyntax);
      const top = parsed.dataset.find((el) => el.tag === leafPath[0]);
      expect(top?.vr).toBe('SQ');
      expect(top?.items?.length).toBe(1);
      expect(valueAt(parsed.dataset, ...leafPath)).toBe(leafValue);
    });

    it('de-identifies: no private element at any depth, no private byte in the output', async () => {
      const d = createDicomDeidentifier({}, { identity: makeIdentity() });
      const out = await d.part10(fixture(file));
      const { meta, dataset, bytes } = reread(out.chunks);
      expect(privateTagsAnywhere(dataset)).toEqual([]);
      for (const value of privateContent) expect(bytes.includes(Buffer.from(value, 'latin1'))).toBe(false);
      expect(valueAt(dataset, Tags.PatientIdentityRemoved)).toBe('YES');
      expect(out.transferSyntaxUid).toBe(transferSyntax);
      expect(out.sopInstanceUid).toMatch(/^2\.25\.\d+$/);
      expect(valueAt(meta, Tags.MediaStorageSOPInstanceUID)).toBe(out.sopInstanceUid);
    });

    it.runIf(hasTool('dciodvfy'))('validates with dciodvfy no worse than the input', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'voile-privsq-'));
      const d = createDicomDeidentifier({}, { identity: makeIdentity() });
      const output = path.join(dir, file);
      writeFileSync(output, Buffer.concat((await d.part10(fixture(file))).chunks as Uint8Array[]));
      const before = dciodvfyErrors(path.join(FIXTURES, file));
      // nested_priv_SQ.dcm uses the illegal group 0001: dciodvfy stops checking the input there
      // ("Tags out of order"), so it never reaches the input's 2-byte PixelData, which Voile passes
      // through unchanged and dciodvfy then checks on the output.
      if (file === 'nested_priv_SQ.dcm') before.add('Error - </PixelData(7fe0,0010)> - PixelData has incorrect value length = <value> - expected 0 dec');
      expect([...dciodvfyErrors(output)].filter((e) => !before.has(e))).toEqual([]);
    });
  });

  it('the SOP Instance UID of a data set without one is the remapped MediaStorageSOPInstanceUID', async () => {
    const identity = makeIdentity();
    const out = await createDicomDeidentifier({}, { identity }).part10(fixture('UN_sequence.dcm'));
    expect(out.sopInstanceUid).toBe(identity.remapUid('2.16.840.1.113786.1.329.501.670121457.163'));
    await identity.flush();
    expect(await identity.resolveUid(out.sopInstanceUid!)).toBe('2.16.840.1.113786.1.329.501.670121457.163');
  });

  it('a file without any instance UID gets a keyed UID from its content: the same in every run, another under another secret', async () => {
    const first = await createDicomDeidentifier({}, { identity: makeIdentity() }).part10(fixture('nested_priv_SQ.dcm'));
    const again = await createDicomDeidentifier({}, { identity: makeIdentity() }).part10(fixture('nested_priv_SQ.dcm'));
    expect(again.sopInstanceUid).toBe(first.sopInstanceUid);
    const { Identity } = await import('../../src/identity/index.js');
    const { MemoryMappingStore } = await import('../../src/store/mapping-store.js');
    const other = new Identity(Buffer.alloc(32, 7), { store: new MemoryMappingStore() });
    const elsewhere = await createDicomDeidentifier({}, { identity: other }).part10(fixture('nested_priv_SQ.dcm'));
    expect(elsewhere.sopInstanceUid).toMatch(/^2\.25\.\d+$/);
    expect(elsewhere.sopInstanceUid).not.toBe(first.sopInstanceUid);
  });

  it('Retain Safe Private keeps a safe-listed private sequence, its items still through the table', async () => {
    const d = createDicomDeidentifier(
      { options: ['retainSafePrivate'], safePrivate: ['aaabbbccc MEDICAL SYSTEMS|3f03|01'] },
      { identity: makeIdentity() },
    );
    const { dataset, bytes } = reread((await d.part10(fixture('priv_SQ.dcm'))).chunks);
    expect(valueAt(dataset, 0x3f030010)).toBe('aaabbbccc MEDICAL SYSTEMS');
    const kept = dataset.find((el) => el.tag === 0x3f031001);
    expect(kept?.items).toHaveLength(1);
    const item = kept!.items![0]!;
    // ReferringPhysicianName is Z in Table E.1-1; the nested, unlisted private block is removed.
    expect(item.find((el) => el.tag === 0x00080090)?.value?.length ?? 0).toBe(0);
    expect(item.filter((el) => (el.tag >>> 16) & 1)).toEqual([]);
    for (const value of ['111111111111111', '123456789 1234567', 'Values updated']) expect(bytes.includes(Buffer.from(value))).toBe(false);
  });
});

describe('safe-listed private sequences in DICOM JSON (QIDO, metadata)', () => {
  it('are kept with their items through the table, as in Part 10; kept values carry only their own members', async () => {
    const d = createDicomDeidentifier({ options: ['retainSafePrivate'], safePrivate: ['ACME|0029|01', 'ACME|0029|02'] }, { identity: makeIdentity() });
    const out = await d.json({
      '00080018': { vr: 'UI', Value: ['1.2.826.0.1.3680043.8.498.1'] },
      '00290010': { vr: 'LO', Value: ['ACME'] },
      '00291001': {
        vr: 'SQ',
        Value: [{ '00080090': { vr: 'PN', Value: [{ Alphabetic: 'DOE^JOHN' }] }, '00081155': { vr: 'UI', Value: [ORIGINAL_REFERENCED_UID] }, '00290010': { vr: 'LO', Value: ['OTHER'] }, '00291001': { vr: 'LO', Value: ['SECRET'] } }],
      },
      '00291002': { vr: 'DS', Value: [1.5], BulkDataURI: undefined, extra: 'http://pacs.internal/' } as never,
    });
    const text = JSON.stringify(out);
    for (const value of ['DOE^JOHN', ORIGINAL_REFERENCED_UID, 'SECRET', 'OTHER', 'pacs.internal']) expect(text).not.toContain(value);
    expect(out['00290010']).toEqual({ vr: 'LO', Value: ['ACME'] });
    expect(out['00291002']).toEqual({ vr: 'DS', Value: [1.5] });
    const item = (out['00291001']?.Value as Record<string, { Value?: unknown[] }>[])[0]!;
    expect(item['00081155']?.Value?.[0]).toMatch(/^2\.25\./);
  });
});

/** Explicit VR Little Endian Part-10 file around a data set. */
function explicitFile(dataset: DicomDataset): Buffer {
  const ts = '1.2.840.10008.1.2.1';
  const meta = [str(Tags.MediaStorageSOPClassUID, 'UI', '1.2.840.10008.5.1.4.1.1.4'), str(Tags.MediaStorageSOPInstanceUID, 'UI', '1.2.3.4'), str(Tags.TransferSyntaxUID, 'UI', ts)];
  return Buffer.concat(writePart10(meta, dataset, ts).chunks);
}

/** The items of a sequence as an Implicit VR Little Endian item stream (the value of a UN). */
function implicitItemStream(...items: DicomDataset[]): Buffer {
  const out = new ChunkWriter(true);
  writeDataset(out, [seq(0x00091000, ...items)], { explicitVr: false, littleEndian: true, deflated: false });
  const bytes = Buffer.concat(out.finish());
  // Drop the sequence header (tag, undefined length) and its delimiter: a defined-length value.
  return bytes.subarray(8, bytes.length - 8);
}

const ORIGINAL_REFERENCED_UID = '1.2.826.0.1.3680043.8.498.4242';
const base = (): DicomElement[] => [str(Tags.SOPClassUID, 'UI', '1.2.840.10008.5.1.4.1.1.4'), str(Tags.SOPInstanceUID, 'UI', '1.2.826.0.1.3680043.8.498.1'), str(Tags.Modality, 'CS', 'MR')];

describe('UN values that hold sequences', () => {
  it('a standard sequence re-encoded as UN with a defined length is read as one and de-identified inside', async () => {
    const referencedSeries: DicomElement = { tag: 0x00081115, vr: 'UN', value: implicitItemStream([str(0x0020000e, 'UI', ORIGINAL_REFERENCED_UID), str(0x00100010, 'PN', 'DOE^JOHN')]) };
    const file = explicitFile([...base(), referencedSeries].sort((a, b) => a.tag - b.tag));
    const parsed = readPart10(file);
    expect(parsed.dataset.find((el) => el.tag === 0x00081115)?.vr).toBe('SQ');
    const identity = makeIdentity();
    const { dataset, bytes } = reread((await createDicomDeidentifier({}, { identity }).part10(file)).chunks);
    expect(valueAt(dataset, 0x00081115, 0x0020000e)).toBe(identity.remapUid(ORIGINAL_REFERENCED_UID));
    expect(bytes.includes(Buffer.from(ORIGINAL_REFERENCED_UID))).toBe(false);
    expect(bytes.includes(Buffer.from('DOE^JOHN'))).toBe(false);
  });

  it('in a Big Endian file, numbers inside a UN sequence (Little Endian, PS3.5 6.2.2) are written back in Big Endian', async () => {
    const ts = '1.2.840.10008.1.2.2';
    const rows = Buffer.from([0x02, 0x01]); // 258, Little Endian as the UN content is
    const referencedSeries: DicomElement = { tag: 0x00081115, vr: 'UN', value: implicitItemStream([{ tag: 0x00280010, vr: 'US', value: rows }]) };
    const meta = [str(Tags.MediaStorageSOPClassUID, 'UI', '1.2.840.10008.5.1.4.1.1.4'), str(Tags.TransferSyntaxUID, 'UI', ts)];
    const file = Buffer.concat(writePart10(meta, [...base(), referencedSeries].sort((a, b) => a.tag - b.tag), ts).chunks);
    const parsed = readPart10(file);
    expect(Buffer.from(parsed.dataset.find((el) => el.tag === 0x00081115)!.items![0]![0]!.value!).readUInt16BE(0)).toBe(258);
    expect(file.includes(rows)).toBe(true); // the input itself is not modified
    const { dataset } = reread((await createDicomDeidentifier({}, { identity: makeIdentity() }).part10(file)).chunks);
    const item = dataset.find((el) => el.tag === 0x00081115)!.items![0]!;
    expect(Buffer.from(item.find((el) => el.tag === 0x00280010)!.value!).readUInt16BE(0)).toBe(258);
  });

  it('a private UN whose value starts with an Item tag but is no sequence stays an opaque value, then is removed', async () => {
    const blob = Buffer.concat([Buffer.from([0xfe, 0xff, 0x00, 0xe0, 0x40, 0, 0, 0]), Buffer.from('SECRET-VENDOR-BLOB')]);
    const file = explicitFile([...base(), str(0x00290010, 'LO', 'ACME'), { tag: 0x00291010, vr: 'UN', value: blob }].sort((a, b) => a.tag - b.tag));
    const el = readPart10(file).dataset.find((e) => e.tag === 0x00291010);
    expect(el?.vr).toBe('UN');
    expect(Buffer.from(el!.value!).equals(blob)).toBe(true);
    const { bytes } = reread((await createDicomDeidentifier({}, { identity: makeIdentity() }).part10(file)).chunks);
    expect(bytes.includes(Buffer.from('SECRET-VENDOR-BLOB'))).toBe(false);
  });

  it('a standard sequence stored as a UN value that does not parse is never kept as raw bytes', async () => {
    // OtherPatientIDsSequence (0010,1002) is X in Table E.1-1; ReferencedSeriesSequence (0008,1115) is kept (X/Z/U*).
    const broken = Buffer.concat([Buffer.from([0xfe, 0xff, 0x00, 0xe0, 0xff, 0x00, 0, 0]), Buffer.from(`${ORIGINAL_REFERENCED_UID}  `)]);
    const file = explicitFile([...base(), { tag: 0x00081115, vr: 'UN', value: broken }].sort((a, b) => a.tag - b.tag));
    expect(readPart10(file).dataset.find((e) => e.tag === 0x00081115)?.vr).toBe('UN');
    const { dataset, bytes } = reread((await createDicomDeidentifier({}, { identity: makeIdentity() }).part10(file)).chunks);
    expect(bytes.includes(Buffer.from(ORIGINAL_REFERENCED_UID))).toBe(false);
    const after = dataset.find((e) => e.tag === 0x00081115);
    if (after) expect(after.items).toEqual([]);
  });

  it('hostile nesting inside UN values is still rejected, not read as opaque bytes', () => {
    // 40 levels of private elements of unknown VR, each of defined length, each holding one item.
    const privateTag = Buffer.from([0x09, 0x00, 0x10, 0x10]);
    let inner = Buffer.concat([privateTag, u32(2), Buffer.from('X ')]);
    for (let i = 0; i < 40; i++) {
      const item = Buffer.concat([Buffer.from([0xfe, 0xff, 0x00, 0xe0]), u32(inner.length), inner]);
      inner = Buffer.concat([privateTag, u32(item.length), item]);
    }
    const value = inner.subarray(8);
    const file = explicitFile([...base(), str(0x00090010, 'LO', 'ACME'), { tag: 0x00091010, vr: 'UN', value }].sort((a, b) => a.tag - b.tag));
    expect(() => readPart10(file)).toThrow(expect.objectContaining({ code: 'MALFORMED_DICOM', detail: 'sequences nested too deeply' }));
  });
});

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

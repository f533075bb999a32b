/**
 * Attribute-by-attribute conformance with PS3.15 Table E.1-1, generated from the reference table
 * itself (../shared/reference/dicom, not the profile file the code loads): one synthetic instance
 * carries a value for every attribute of the table, and each row's outcome must be one the standard
 * allows for its action, for the Basic Profile and for each option.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DicomDataset, type DicomElement, type DicomOption, createDicomDeidentifier, writePart10 } from '../../src/anonymize/dicom/index.js';
import type { TextDeidentifier } from '../../src/anonymize/text/api.js';
import { shiftDicomDate } from '../../src/identity/index.js';
import { REFERENCE, makeIdentity, reread, seq, str } from './helpers.js';

interface RefRow {
  id: string;
  name: string;
  basicProfile: string;
  [option: string]: string;
}
const rows = JSON.parse(readFileSync(path.join(REFERENCE, 'confidentiality_profile_attributes.json'), 'utf8')) as RefRow[];
const dictionary = new Map(
  (JSON.parse(readFileSync(path.join(REFERENCE, 'attributes.json'), 'utf8')) as { id: string; valueRepresentation: string }[]).map((d) => [d.id.toLowerCase(), d.valueRepresentation]),
);

const PATIENT_ID = 0x00100020;
const PATIENT_NAME = 0x00100010;
const SPECIAL = new Set(['00100010', '00100020', '00020003']); // pseudonym / rebuilt file meta
// Group 0000 (command) and 0002 (file meta) never sit in a data set: the walker drops the first, the
// writer rebuilds the second (tested in part10.test.ts).
const tagRows = rows.filter((r) => /^[0-9a-f]{8}$/i.test(r.id) && !/^000[02]/.test(r.id) && !SPECIAL.has(r.id.toLowerCase()));
const STRING_VRS = new Set(['AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'LT', 'PN', 'SH', 'ST', 'TM', 'UC', 'UI', 'UR', 'UT']);
const PATIENT_KEY = 'dicom:T00100021:PID-4711'; // IssuerOfPatientID is injected like every other row
const SHIFT = makeIdentity().dateShiftDays(PATIENT_KEY);
const INJECTED_PERSON = 'INJECTED^NESTED';

function vrOf(row: RefRow): string {
  const vr = dictionary.get(row.id.toLowerCase()) ?? 'UN';
  if (vr === 'OB or OW') return 'OB';
  if (vr.startsWith('US or')) return 'US';
  return /^[A-Z]{2}$/.test(vr) ? vr : 'UN';
}

/** A recognisable value for each VR, unique per tag. */
function injected(tag: string, vr: string): DicomElement {
  const t = Number.parseInt(tag, 16) >>> 0;
  const upper = tag.toUpperCase();
  switch (vr) {
    case 'DA':
      return str(t, vr, '20210314');
    case 'TM':
      return str(t, vr, '101112');
    case 'DT':
      return str(t, vr, '20210314101112');
    case 'AS':
      return str(t, vr, '042Y');
    case 'DS':
      return str(t, vr, '12.5');
    case 'IS':
      return str(t, vr, '42');
    case 'UI':
      return str(t, vr, `1.2.826.0.1.3680043.99.${t}`);
    case 'AE':
      return str(t, vr, `AE${upper}`);
    case 'CS':
      return str(t, vr, `V${upper}`);
    case 'PN':
      return str(t, vr, `NAME^P${upper}`);
    case 'UR':
      return str(t, vr, `http://example.org/${tag}`);
    case 'SQ':
      return seq(t, [str(0x0040a123, 'PN', INJECTED_PERSON)]);
    case 'LO':
    case 'SH':
    case 'LT':
    case 'ST':
    case 'UT':
    case 'UC':
      return str(t, vr, `T${upper}`);
    case 'US':
    case 'SS':
      return { tag: t, vr, value: Buffer.from([0x2a, 0]) };
    case 'UL':
    case 'SL':
    case 'FL':
    case 'AT':
      return { tag: t, vr, value: Buffer.from([0x2a, 0, 0, 0]) };
    case 'FD':
    case 'SV':
    case 'UV':
      return { tag: t, vr, value: Buffer.from([0x2a, 0, 0, 0, 0, 0, 0, 0]) };
    default:
      return { tag: t, vr: vr === 'UN' ? 'UN' : vr, value: Buffer.from([0xca, 0xfe]) };
  }
}

function buildInstance(): Buffer {
  const elements = new Map<number, DicomElement>();
  for (const row of tagRows) {
    const el = injected(row.id.toLowerCase(), vrOf(row));
    elements.set(el.tag, el);
  }
  elements.set(0x00080016, str(0x00080016, 'UI', '1.2.840.10008.5.1.4.1.1.7'));
  elements.set(0x00080060, str(0x00080060, 'CS', 'OT'));
  elements.set(PATIENT_ID, str(PATIENT_ID, 'LO', 'PID-4711'));
  elements.set(PATIENT_NAME, str(PATIENT_NAME, 'PN', 'DOE^JANE'));
  // Curves, overlays and private attributes: the table's pattern rows.
  elements.set(0x50000010, { tag: 0x50000010, vr: 'US', value: Buffer.from([1, 0]) });
  elements.set(0x50003000, { tag: 0x50003000, vr: 'OB', value: Buffer.from('CURVE-DATA') });
  elements.set(0x60000010, { tag: 0x60000010, vr: 'US', value: Buffer.from([1, 0]) });
  elements.set(0x60003000, { tag: 0x60003000, vr: 'OB', value: Buffer.from('OVERLAY-DATA') });
  elements.set(0x60004000, str(0x60004000, 'LT', 'OVERLAY COMMENT'));
  elements.set(0x00090010, str(0x00090010, 'LO', 'ACME SAFE'));
  elements.set(0x00091001, str(0x00091001, 'LO', 'PRIVATE SAFE VALUE'));
  elements.set(0x00091002, str(0x00091002, 'LO', 'PRIVATE UNSAFE VALUE'));
  const dataset: DicomDataset = [...elements.values()].sort((a, b) => a.tag - b.tag);
  const meta: DicomDataset = [
    str(0x00020002, 'UI', '1.2.840.10008.5.1.4.1.1.7'),
    str(0x00020003, 'UI', '1.2.826.0.1.3680043.99.1'),
    str(0x00020010, 'UI', '1.2.840.10008.1.2.1'),
  ];
  return Buffer.concat(writePart10(meta, dataset, '1.2.840.10008.1.2.1').chunks);
}

const input = buildInstance();
const CLEANED = 'CLEANED TEXT';
const markingText: TextDeidentifier = { deidentify: async () => CLEANED };

async function run(options: DicomOption[]): Promise<Map<number, DicomElement>> {
  const identity = makeIdentity();
  const d = createDicomDeidentifier({ options, safePrivate: ['ACME SAFE|0009|01'], allowBurnedIn: true }, { identity, text: markingText });
  const out = await d.part10(input);
  return new Map(reread(out.chunks).dataset.map((el) => [el.tag, el]));
}

type Outcome = 'absent' | 'empty' | 'dummy' | 'kept' | 'uid' | 'shifted' | 'cleaned' | 'walked';

function outcomeOf(el: DicomElement | undefined, original: DicomElement): Outcome {
  if (!el) return 'absent';
  if (el.items) {
    if (el.items.length === 0) return 'empty';
    const nested = el.items[0]!.find((e) => e.tag === 0x0040a123);
    const nestedValue = nested?.value ? Buffer.from(nested.value).toString('latin1').trim() : undefined;
    return nestedValue === INJECTED_PERSON ? 'kept' : 'walked';
  }
  if (!STRING_VRS.has(original.vr)) {
    if (!el.value || el.value.length === 0) return 'empty';
    return Buffer.compare(Buffer.from(el.value), Buffer.from(original.value!)) === 0 ? 'kept' : 'dummy';
  }
  const value = Buffer.from(el.value ?? []).toString('latin1').replace(/[\0 ]+$/, '');
  const before = Buffer.from(original.value ?? []).toString('latin1').replace(/[\0 ]+$/, '');
  if (value === '') return 'empty';
  if (value === before) return 'kept';
  if (original.vr === 'UI' && /^2\.25\.\d+$/.test(value)) return 'uid';
  if (value === CLEANED) return 'cleaned';
  if ((original.vr === 'DA' || original.vr === 'DT') && value === shiftDicomDate(before, SHIFT)) return 'shifted';
  return 'dummy';
}

/** What the standard allows for an action letter. SQ "dummy" is a walked (cleaned) sequence. */
function allowed(code: string, vr: string): Outcome[] {
  const out: Outcome[] = [];
  for (const part of code.split('/')) {
    if (part === 'X') out.push('absent');
    if (part === 'Z') out.push('empty');
    if (part === 'D') out.push(vr === 'UI' ? 'uid' : vr === 'SQ' ? 'walked' : 'dummy', ...(vr === 'SQ' ? (['empty'] as Outcome[]) : []));
    if (part === 'K') out.push('kept');
    if (part === 'U' || part === 'U*') out.push(vr === 'SQ' ? 'walked' : 'uid');
  }
  return out;
}

const OPTION_COLUMNS: Record<string, DicomOption> = {
  rtnUIDsOpt: 'retainUIDs',
  rtnDevIdOpt: 'retainDeviceIdentity',
  rtnInstIdOpt: 'retainInstitutionIdentity',
  rtnPatCharsOpt: 'retainPatientCharacteristics',
  rtnLongFullDatesOpt: 'retainLongitudinalFullDates',
  rtnLongModifDatesOpt: 'retainLongitudinalModifiedDates',
  cleanDescOpt: 'cleanDescriptors',
  cleanStructContOpt: 'cleanStructuredContent',
  cleanGraphOpt: 'cleanGraphics',
};

/** "C" under each option: what cleaning may look like for that attribute. */
function cleanOutcomes(option: DicomOption, vr: string, basic: string): Outcome[] {
  if (vr === 'SQ') return ['walked', 'empty'];
  // Binary values (e.g. EXIF Maker Note, OB) can't be cleaned as text: the basic action applies.
  if (!STRING_VRS.has(vr)) return allowed(basic, vr);
  switch (option) {
    case 'retainLongitudinalModifiedDates':
      return vr === 'TM' ? ['kept'] : vr === 'DA' || vr === 'DT' ? ['shifted'] : allowed(basic, vr);
    case 'retainDeviceIdentity':
      return vr === 'AE' ? ['dummy'] : ['cleaned'];
    default:
      return ['cleaned'];
  }
}

describe('PS3.15 Table E.1-1, Basic Profile', async () => {
  const out = await run([]);
  const originals = new Map(tagRows.map((r) => [Number.parseInt(r.id, 16) >>> 0, injected(r.id.toLowerCase(), vrOf(r))]));
  it.each(tagRows.map((r) => [`(${r.id.slice(0, 4)},${r.id.slice(4)}) ${r.name}: ${r.basicProfile}`, r] as const))('%s', (_, row) => {
    const tag = Number.parseInt(row.id, 16) >>> 0;
    const vr = vrOf(row);
    expect(allowed(row.basicProfile, vr)).toContain(outcomeOf(out.get(tag), originals.get(tag)!));
  });
  it('replaces PatientID and PatientName with the patient pseudonym', () => {
    const pseudonym = makeIdentity().patientPseudonym(PATIENT_KEY);
    expect(Buffer.from(out.get(PATIENT_ID)!.value!).toString('latin1').trim()).toBe(pseudonym);
    expect(Buffer.from(out.get(PATIENT_NAME)!.value!).toString('latin1').trim()).toBe(pseudonym);
  });
  it('removes curves (50xx), overlays (60xx) and private attributes', () => {
    for (const tag of [0x50000010, 0x50003000, 0x60000010, 0x60003000, 0x60004000, 0x00090010, 0x00091001, 0x00091002]) expect(out.has(tag)).toBe(false);
  });
  it('records PatientIdentityRemoved, the method and the DCM 113100 code', () => {
    expect(Buffer.from(out.get(0x00120062)!.value!).toString().trim()).toBe('YES');
    const codes = out.get(0x00120064)!.items!.map((item) => Buffer.from(item.find((e) => e.tag === 0x00080100)!.value!).toString().trim());
    expect(codes).toEqual(['113100']);
  });
});

for (const [column, option] of Object.entries(OPTION_COLUMNS)) {
  const optionRows = tagRows.filter((r) => r[column]);
  describe(`PS3.15 Table E.1-1, ${option}`, async () => {
    const out = await run([option]);
    it.each(optionRows.map((r) => [`(${r.id.slice(0, 4)},${r.id.slice(4)}) ${r.name}: ${r[column]}`, r] as const))('%s', (_, row) => {
      const tag = Number.parseInt(row.id, 16) >>> 0;
      const vr = vrOf(row);
      const original = injected(row.id.toLowerCase(), vr);
      const expected = row[column] === 'K' ? (vr === 'SQ' ? ['kept', 'walked'] : ['kept']) : cleanOutcomes(option, vr, row.basicProfile);
      expect(expected).toContain(outcomeOf(out.get(tag), original));
    });
    it(`adds the option's DCM code`, () => {
      const codes = out.get(0x00120064)!.items!.map((item) => Buffer.from(item.find((e) => e.tag === 0x00080100)!.value!).toString().trim());
      expect(codes.length).toBe(2);
      expect(codes[0]).toBe('113100');
    });
  });
}

describe('PS3.15 Table E.1-1, retainSafePrivate', async () => {
  const out = await run(['retainSafePrivate']);
  it('keeps an allowlisted private attribute and its creator, removes the others', () => {
    expect(Buffer.from(out.get(0x00091001)!.value!).toString().trim()).toBe('PRIVATE SAFE VALUE');
    expect(Buffer.from(out.get(0x00090010)!.value!).toString().trim()).toBe('ACME SAFE');
    expect(out.has(0x00091002)).toBe(false);
  });
});

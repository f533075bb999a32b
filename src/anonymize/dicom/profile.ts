import { readFileSync } from 'node:fs';
import { VoileError } from '../../errors.js';

/**
 * PS3.15 Annex E Table E.1-1 as data (profiles/dicom/basic-profile.json, generated from the
 * standard by profiles/dicom/generate.mjs) compiled, for a set of options, into one action per tag.
 */
export const DICOM_OPTIONS = [
  'retainLongitudinalModifiedDates',
  'retainLongitudinalFullDates',
  'retainPatientCharacteristics',
  'retainDeviceIdentity',
  'retainInstitutionIdentity',
  'retainUIDs',
  'retainSafePrivate',
  'cleanDescriptors',
  'cleanStructuredContent',
  'cleanGraphics',
] as const;

export type DicomOption = (typeof DICOM_OPTIONS)[number];

/** DCM codes (PS3.16 CID 7050) of the profile and of each option, for DeidentificationMethodCodeSequence. */
export const DEIDENTIFICATION_CODES: Readonly<Record<'basic' | DicomOption, readonly [string, string]>> = {
  basic: ['113100', 'Basic Application Confidentiality Profile'],
  cleanGraphics: ['113103', 'Clean Graphics Option'],
  cleanStructuredContent: ['113104', 'Clean Structured Content Option'],
  cleanDescriptors: ['113105', 'Clean Descriptors Option'],
  retainLongitudinalFullDates: ['113106', 'Retain Longitudinal Temporal Information Full Dates Option'],
  retainLongitudinalModifiedDates: ['113107', 'Retain Longitudinal Temporal Information Modified Dates Option'],
  retainPatientCharacteristics: ['113108', 'Retain Patient Characteristics Option'],
  retainDeviceIdentity: ['113109', 'Retain Device Identity Option'],
  retainUIDs: ['113110', 'Retain UIDs Option'],
  retainSafePrivate: ['113111', 'Retain Safe Private Option'],
  retainInstitutionIdentity: ['113112', 'Retain Institution Identity Option'],
};

export interface ProfileRow {
  readonly tag: string;
  readonly name: string;
  readonly basic: string;
  readonly stdCompIOD: boolean;
  readonly vr?: string | null;
  readonly keyword?: string | null;
  readonly options?: Readonly<Partial<Record<DicomOption, 'K' | 'C'>>>;
}

export interface ConfidentialityTable {
  readonly attributes: readonly ProfileRow[];
  readonly patterns: readonly (ProfileRow & { pattern: 'curve' | 'overlay-data' | 'overlay-comments' | 'private' })[];
}

/**
 * What happens to one attribute.
 * - remove (X), empty (Z: present, zero length; an SQ gets zero items), dummy (D), keep (K), uid (U),
 * - walk: keep a sequence and apply the table to every element of its items,
 * - shift: move a DA/DT by the patient's date shift (TM is kept: a whole-day shift leaves times of day),
 * - text: through the TextDeidentifier; when it removes the text, `fallback` applies,
 * - ae: replace an AE title by a keyed, consistent dummy title.
 */
export type Action =
  | { readonly kind: 'remove' | 'empty' | 'dummy' | 'keep' | 'uid' | 'walk' | 'ae' }
  | { readonly kind: 'shift'; readonly fallback: Action }
  | { readonly kind: 'text'; readonly fallback: Action };

export interface CompiledProfile {
  readonly options: ReadonlySet<DicomOption>;
  readonly actions: ReadonlyMap<number, Action>;
  /** Action for free text not listed in the table, depending on whether a clean option is on. */
  readonly cleanUnlistedText: boolean;
}

/**
 * A present Type 3 sequence must have items (VM 1-n), so an X/Z sequence is removed unless it is
 * Type 2 in the IODs that carry it, where it stays present and empty.
 */
const TYPE2_SEQUENCES: ReadonlySet<string> = new Set(['00400555', '00081111']);

/** Sequences with action D whose items identify a person by code: emptied rather than walked. */
const EMPTIED_SEQUENCES: ReadonlySet<string> = new Set(['00401101']);

let table: ConfidentialityTable | undefined;

export function loadConfidentialityTable(): ConfidentialityTable {
  table ??= JSON.parse(readFileSync(new URL('../../../profiles/dicom/basic-profile.json', import.meta.url), 'utf8')) as ConfidentialityTable;
  return table;
}

export function parseOptions(names: readonly string[]): DicomOption[] {
  const out: DicomOption[] = [];
  for (const name of names) {
    if (!(DICOM_OPTIONS as readonly string[]).includes(name)) {
      throw new VoileError('POLICY_INVALID', 'Unknown DICOM de-identification option', { detail: name.slice(0, 64) });
    }
    out.push(name as DicomOption);
  }
  if (out.includes('retainLongitudinalFullDates') && out.includes('retainLongitudinalModifiedDates')) {
    throw new VoileError('POLICY_INVALID', 'Full and modified longitudinal dates options exclude each other');
  }
  return out;
}

export function compileProfile(options: readonly DicomOption[], source: ConfidentialityTable = loadConfidentialityTable()): CompiledProfile {
  const enabled = new Set(options);
  const actions = new Map<number, Action>();
  for (const row of source.attributes) {
    actions.set(Number.parseInt(row.tag, 16) >>> 0, compileRow(row, enabled));
  }
  return { options: enabled, actions, cleanUnlistedText: enabled.has('cleanDescriptors') || enabled.has('cleanStructuredContent') };
}

/** The action of one row under the enabled options: K of any option wins, then C, then the basic action. */
export function compileRow(row: ProfileRow, enabled: ReadonlySet<DicomOption>): Action {
  const isSequence = row.vr === 'SQ';
  const basic = basicAction(row, isSequence);
  let clean: DicomOption | undefined;
  for (const [option, code] of Object.entries(row.options ?? {}) as [DicomOption, 'K' | 'C'][]) {
    if (!enabled.has(option)) continue;
    if (code === 'K') return isSequence ? { kind: 'walk' } : { kind: 'keep' };
    clean ??= option;
  }
  if (!clean) return basic;
  if (isSequence) return { kind: 'walk' };
  switch (clean) {
    case 'retainLongitudinalModifiedDates':
      return row.vr === 'TM' ? { kind: 'keep' } : { kind: 'shift', fallback: basic };
    case 'retainDeviceIdentity':
      return row.vr === 'AE' ? { kind: 'ae' } : { kind: 'text', fallback: basic };
    case 'cleanDescriptors':
    case 'retainPatientCharacteristics':
    case 'cleanStructuredContent':
      return { kind: 'text', fallback: basic };
    default:
      // Clean Graphics on curves and overlays would need pixel-level cleaning: removed instead.
      return basic;
  }
}

function basicAction(row: ProfileRow, isSequence: boolean): Action {
  const code = row.basic;
  switch (code) {
    case 'X':
      return { kind: 'remove' };
    case 'Z':
      return { kind: 'empty' };
    case 'D':
      // A sequence's "dummy" is the sequence with the table applied to its items (names become dummy
      // names, dates dummy dates…), which keeps Type 1 sequences valid; a code sequence that names a
      // person has nothing left worth keeping and is emptied.
      if (isSequence) return EMPTIED_SEQUENCES.has(row.tag) ? { kind: 'empty' } : { kind: 'walk' };
      return row.vr === 'UI' ? { kind: 'uid' } : { kind: 'dummy' };
    case 'K':
      return isSequence ? { kind: 'walk' } : { kind: 'keep' };
    case 'U':
      return { kind: 'uid' };
    case 'X/Z/U*':
      // U*: keep the sequence, its UIDs are remapped by their own rows: references stay consistent.
      return { kind: 'walk' };
    case 'X/Z':
      return isSequence && !TYPE2_SEQUENCES.has(row.tag) ? { kind: 'remove' } : { kind: 'empty' };
    // Choices resolve to what keeps every IOD valid without knowing the IOD: a dummy value satisfies
    // Type 1, 2 and 3 alike (RT Plan Date is Type 2, Content Date Type 1 in SR, both X/D or Z/D), an
    // empty sequence satisfies Type 2 and 3; a D sequence is walked like any D sequence.
    case 'X/D':
      return isSequence ? { kind: 'walk' } : { kind: 'dummy' };
    case 'Z/D':
    case 'X/Z/D':
      if (!isSequence) return { kind: 'dummy' };
      return code === 'Z/D' || TYPE2_SEQUENCES.has(row.tag) ? { kind: 'empty' } : { kind: 'remove' };
    default:
      throw new VoileError('PROFILE_INVALID', 'Unknown action in the DICOM confidentiality table', { detail: code.slice(0, 16) });
  }
}

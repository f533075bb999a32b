import { VoileError } from '../../errors.js';
import type { Identity } from '../../identity/index.js';
import type { TextDeidentifier } from '../text/api.js';
import { type DicomDataset, type DicomElement, Tags, findElement, setElement } from './dataset.js';
import { dictionaryVr, isDictionaryTag } from './dictionary.js';
import type { Action, CompiledProfile } from './profile.js';
import { DEIDENTIFICATION_CODES } from './profile.js';
import { type SafePrivateList, privateCreatorSlot } from './safe-private.js';
import { aeTitle, charsetOf, dummyBinary, dummyText, remapUidValue, shiftDateText } from './values.js';
import { STRING_VRS, UNLISTED_TEXT_VRS } from './vr.js';

/** Who the instance belongs to, as the identity layer knows them. */
export interface PatientContext {
  /** Key of the patient in the identity layer: the linked FHIR Patient id, or `dicom:<issuer>:<PatientID>`. */
  readonly key: string;
  /** Whether `key` is a FHIR Patient id (linked) rather than a DICOM-only key. */
  readonly linked: boolean;
}

export interface WalkEnvironment {
  readonly profile: CompiledProfile;
  readonly identity: Identity;
  readonly text: TextDeidentifier;
  readonly safePrivate: SafePrivateList;
  readonly maxDepth: number;
}

interface TextJob {
  readonly owner: DicomDataset;
  readonly element: DicomElement;
  readonly text: string;
  readonly fallback: Action;
  readonly vr: string;
}

class Walk {
  readonly env: WalkEnvironment;
  readonly patient: PatientContext;
  readonly shiftDays: number | undefined;
  readonly encoding: BufferEncoding;
  readonly jobs: TextJob[] = [];

  constructor(env: WalkEnvironment, patient: PatientContext, encoding: BufferEncoding) {
    this.env = env;
    this.patient = patient;
    this.encoding = encoding;
    this.shiftDays = env.profile.options.has('retainLongitudinalModifiedDates') ? env.identity.dateShiftDays(patient.key) : undefined;
  }

  dataset(input: DicomDataset, depth: number): DicomDataset {
    if (depth > this.env.maxDepth) throw new VoileError('MALFORMED_DICOM', 'The DICOM object could not be parsed', { detail: 'sequences nested too deeply' });
    const out: DicomDataset = [];
    let creators: Map<number, string> | undefined;
    const keptSlots = new Set<number>();
    for (const el of input) {
      const group = el.tag >>> 16;
      const element = el.tag & 0xffff;
      if (element === 0x0000 || group === 0x0000 || group === 0x0002 || group === 0xfffe) continue;
      if (group & 1) {
        if (group <= 0x0007 || group === 0xffff) continue;
        if (element >= 0x0010 && element <= 0x00ff) {
          creators ??= new Map();
          creators.set(el.tag, this.string(el));
          out.push(el); // pruned below unless one of its elements is kept
          continue;
        }
        const slot = privateCreatorSlot(el.tag);
        const creator = slot === undefined ? undefined : creators?.get(slot);
        if (creator !== undefined && this.env.profile.options.has('retainSafePrivate') && this.env.safePrivate.allows(creator, el.tag)) {
          keptSlots.add(slot!);
          // A safe-listed private sequence is kept, but what its items hold still goes through the
          // table: a vendor may nest standard identifying attributes (names, UIDs) in it.
          out.push(el.items ? this.apply(el, WALK, depth, out)! : el);
        }
        continue;
      }
      // Curves (50xx) and overlays (60xx) are repeating groups: removed whole, so no half module remains.
      if ((group >= 0x5000 && group <= 0x501e) || (group >= 0x6000 && group <= 0x601e)) continue;
      const action = this.env.profile.actions.get(el.tag) ?? this.unlisted(el);
      if (isUnreadableSequence(el)) {
        // A standard sequence stored as an opaque UN value that does not parse as items: its
        // content cannot be checked, so it is never kept; Z and D leave it present and empty.
        if (action.kind === 'empty' || action.kind === 'dummy') out.push({ tag: el.tag, vr: 'SQ', items: [] });
        continue;
      }
      const result = this.apply(el, action, depth, out);
      if (result) out.push(result);
    }
    if (creators) {
      // In place: deferred text jobs hold a reference to this very array.
      for (let i = out.length - 1; i >= 0; i--) if (creators.has(out[i]!.tag) && !keptSlots.has(out[i]!.tag)) out.splice(i, 1);
    }
    return out;
  }

  /**
   * Attributes the table does not list: standard ones stay; unknown ones go; free text (LT, ST, UT,
   * UC, PN) — which can hold anything, e.g. an SR TextValue — becomes a dummy (or goes through the
   * text hook under a clean option), so the object stays valid and nothing typed by a person leaves.
   */
  unlisted(el: DicomElement): Action {
    if (!isDictionaryTag(el.tag)) return REMOVE;
    const vr = el.vr === 'UN' ? (dictionaryVr(el.tag) ?? 'UN') : el.vr;
    // URLs point at the source systems (RetrieveURL carries original UIDs): the gateway writes its own.
    if (vr === 'UR') return REMOVE;
    if (vr === 'SQ') return WALK;
    if (UNLISTED_TEXT_VRS.has(vr) && !el.value?.length) return KEEP;
    if (UNLISTED_TEXT_VRS.has(vr)) return this.env.profile.cleanUnlistedText ? { kind: 'text', fallback: DUMMY } : DUMMY;
    return KEEP;
  }

  apply(el: DicomElement, action: Action, depth: number, owner: DicomDataset): DicomElement | undefined {
    switch (action.kind) {
      case 'remove':
        return undefined;
      case 'keep':
        return el.items ? this.apply(el, WALK, depth, owner) : el;
      case 'walk':
        if (!el.items) return el.vr === 'SQ' ? el : undefined; // a UN we can't walk is not kept
        return { tag: el.tag, vr: 'SQ', items: el.items.map((item) => this.dataset(item, depth + 1)) };
      case 'empty':
        return el.items || el.vr === 'SQ' ? { tag: el.tag, vr: 'SQ', items: [] } : { tag: el.tag, vr: el.vr, value: EMPTY };
      case 'dummy':
        return this.dummy(el);
      case 'uid': {
        if (el.items || el.fragments) return undefined;
        const values = this.string(el).split('\\').map((uid) => remapUidValue(this.env.identity, uid));
        return { tag: el.tag, vr: el.vr, value: Buffer.from(values.join('\\'), 'latin1') };
      }
      case 'shift': {
        const vr = el.vr === 'UN' ? dictionaryVr(el.tag) : el.vr;
        if (this.shiftDays === undefined || (vr !== 'DA' && vr !== 'DT') || !el.value) return this.apply(el, action.fallback, depth, owner);
        const shifted = shiftDateText(this.string(el), vr, this.shiftDays);
        if (shifted === undefined) return this.apply(el, action.fallback, depth, owner);
        return { tag: el.tag, vr: el.vr, value: Buffer.from(shifted, 'latin1') };
      }
      case 'ae':
        if (!el.value) return undefined;
        return { tag: el.tag, vr: el.vr, value: Buffer.from(this.string(el).split('\\').map((v) => aeTitle(this.env.identity, v)).join('\\'), 'latin1') };
      case 'text': {
        const vr = el.vr === 'UN' ? (dictionaryVr(el.tag) ?? 'UN') : el.vr;
        // Person names are never released through the free-text hook (as in the DICOM JSON path).
        if (!el.value || !STRING_VRS.has(vr) || vr === 'PN') return this.apply(el, action.fallback, depth, owner);
        const text = this.string(el);
        if (text === '') return el;
        const placeholder: DicomElement = { tag: el.tag, vr: el.vr, value: EMPTY };
        this.jobs.push({ owner, element: placeholder, text, fallback: action.fallback, vr });
        return placeholder;
      }
    }
  }

  dummy(el: DicomElement): DicomElement | undefined {
    if (el.items || el.vr === 'SQ') return { tag: el.tag, vr: 'SQ', items: [] };
    const vr = el.vr === 'UN' ? (dictionaryVr(el.tag) ?? 'UN') : el.vr;
    const text = dummyText(vr);
    if (text !== undefined) return { tag: el.tag, vr: el.vr, value: Buffer.from(text, 'latin1') };
    return { tag: el.tag, vr: el.vr, value: dummyBinary(vr) };
  }

  /** Runs the free-text hook for every deferred value, then applies the fallback where it removed text. */
  async finishText(): Promise<void> {
    if (this.jobs.length === 0) return;
    const results = await Promise.all(
      this.jobs.map((job) => this.env.text.deidentify(job.text, { format: 'plain', ...(this.patient.linked ? { patientId: this.patient.key } : {}) })),
    );
    this.jobs.forEach((job, i) => {
      const cleaned = results[i];
      const index = job.owner.indexOf(job.element);
      if (index < 0) return;
      if (cleaned !== undefined && cleaned !== '') {
        job.element.value = Buffer.from(cleaned.replaceAll('\\', '/'), this.encoding);
        return;
      }
      const replacement = this.apply({ tag: job.element.tag, vr: job.element.vr }, job.fallback, 0, job.owner);
      if (replacement) job.owner[index] = replacement;
      else job.owner.splice(index, 1);
    });
  }

  string(el: DicomElement): string {
    return el.value ? Buffer.from(el.value.buffer, el.value.byteOffset, el.value.byteLength).toString(this.encoding).replace(/[\0 ]+$/, '') : '';
  }
}

function isUnreadableSequence(el: DicomElement): boolean {
  return el.vr === 'UN' && el.items === undefined && dictionaryVr(el.tag) === 'SQ';
}

const EMPTY = new Uint8Array(0);
const REMOVE: Action = { kind: 'remove' };
const KEEP: Action = { kind: 'keep' };
const WALK: Action = { kind: 'walk' };
const DUMMY: Action = { kind: 'dummy' };

export function readString(dataset: DicomDataset, tag: number): string | undefined {
  const el = findElement(dataset, tag);
  if (!el?.value) return undefined;
  const cs = findElement(dataset, Tags.SpecificCharacterSet);
  const encoding = charsetOf(cs?.value ? Buffer.from(cs.value).toString('latin1') : undefined);
  return Buffer.from(el.value.buffer, el.value.byteOffset, el.value.byteLength).toString(encoding).replace(/[\0 ]+$/, '').trim();
}

/**
 * De-identifies a whole data set (top level). The patient's pseudonym goes into PatientID and
 * PatientName, and the de-identification attributes record what was done.
 */
export async function deidentifyDataset(input: DicomDataset, env: WalkEnvironment, patient: PatientContext): Promise<DicomDataset> {
  const walk = new Walk(env, patient, charsetOf(readString(input, Tags.SpecificCharacterSet)));
  const out = walk.dataset(input, 0);
  await walk.finishText();
  const pseudonym = env.identity.patientPseudonym(patient.key);
  setElement(out, text(Tags.PatientName, 'PN', pseudonym));
  setElement(out, text(Tags.PatientID, 'LO', pseudonym));
  markDeidentified(out, env.profile);
  return out;
}

function markDeidentified(out: DicomDataset, profile: CompiledProfile): void {
  const options = profile.options;
  setElement(out, text(Tags.PatientIdentityRemoved, 'CS', 'YES'));
  setElement(out, text(Tags.DeidentificationMethod, 'LO', 'Voile: PS3.15 E.1-1 Basic Profile'));
  const codes = [DEIDENTIFICATION_CODES.basic, ...[...options].sort().map((o) => DEIDENTIFICATION_CODES[o])];
  setElement(out, {
    tag: Tags.DeidentificationMethodCodeSequence,
    vr: 'SQ',
    items: codes.map(([value, meaning]) => [text(Tags.CodeValue, 'SH', value), text(Tags.CodingSchemeDesignator, 'SH', 'DCM'), text(Tags.CodeMeaning, 'LO', meaning)]),
  });
  const temporal = options.has('retainLongitudinalFullDates') ? 'UNMODIFIED' : options.has('retainLongitudinalModifiedDates') ? 'MODIFIED' : 'REMOVED';
  setElement(out, text(Tags.LongitudinalTemporalInformationModified, 'CS', temporal));
}

function text(tag: number, vr: string, value: string): DicomElement {
  return { tag, vr, value: Buffer.from(value, 'latin1') };
}

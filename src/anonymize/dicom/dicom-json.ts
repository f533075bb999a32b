import { VoileError } from '../../errors.js';
import { isDictionaryTag, dictionaryVr } from './dictionary.js';
import type { PatientContext, WalkEnvironment } from './deidentify.js';
import { type Action, DEIDENTIFICATION_CODES } from './profile.js';
import { privateCreatorSlot } from './safe-private.js';
import { aeTitle, dummyText, remapUidValue, shiftDateText } from './values.js';
import { STRING_VRS, UNLISTED_TEXT_VRS } from './vr.js';

/** The DICOM JSON model (PS3.18 F.2): attributes keyed by upper-case `GGGGEEEE`. */
export interface DicomJsonAttribute {
  vr: string;
  Value?: unknown[];
  BulkDataURI?: string;
  InlineBinary?: string;
}
export type DicomJsonDataset = Record<string, DicomJsonAttribute>;

export interface JsonDeidentifyOptions {
  /**
   * Rewrites a BulkDataURI to the gateway, or returns undefined to drop the attribute. Without it,
   * every BulkDataURI attribute is dropped (an upstream URL never leaves).
   */
  readonly bulkDataUri?: (uri: string) => string | undefined;
  /** Add PatientIdentityRemoved and the de-identification method (WADO metadata); default true. */
  readonly markDeidentified?: boolean;
}

type PendingText = { owner: DicomJsonDataset; key: string; text: string; fallback: Action; vr: string };

/**
 * The same table and semantics as the Part-10 walker, on the JSON model used by QIDO-RS results and
 * WADO-RS metadata. Values that are not what their VR promises fail the whole dataset rather than
 * pass through.
 */
export class JsonWalk {
  readonly #env: WalkEnvironment;
  readonly #patient: PatientContext;
  readonly #shiftDays: number | undefined;
  readonly #options: JsonDeidentifyOptions;
  readonly #jobs: PendingText[] = [];

  constructor(env: WalkEnvironment, patient: PatientContext, options: JsonDeidentifyOptions) {
    this.#env = env;
    this.#patient = patient;
    this.#options = options;
    this.#shiftDays = env.profile.options.has('retainLongitudinalModifiedDates') ? env.identity.dateShiftDays(patient.key) : undefined;
  }

  async run(input: DicomJsonDataset): Promise<DicomJsonDataset> {
    const out = this.#dataset(input, 0);
    await this.#finishText();
    const pseudonym = this.#env.identity.patientPseudonym(this.#patient.key);
    out['00100010'] = { vr: 'PN', Value: [{ Alphabetic: pseudonym }] };
    out['00100020'] = { vr: 'LO', Value: [pseudonym] };
    if (this.#options.markDeidentified !== false) this.#mark(out);
    return sortKeys(out);
  }

  #dataset(input: DicomJsonDataset, depth: number): DicomJsonDataset {
    if (depth > this.#env.maxDepth) throw new VoileError('ANONYMIZATION_FAILED', 'The response could not be anonymized', { detail: 'sequences nested too deeply' });
    if (typeof input !== 'object' || input === null || Array.isArray(input)) throw invalid();
    const out: DicomJsonDataset = {};
    const keptSlots = new Set<number>();
    const creators = new Map<number, string>();
    for (const [key, attr] of Object.entries(input)) {
      if (!/^[0-9A-Fa-f]{8}$/.test(key) || typeof attr !== 'object' || attr === null || typeof attr.vr !== 'string') throw invalid();
      const tag = Number.parseInt(key, 16) >>> 0;
      const group = tag >>> 16;
      const element = tag & 0xffff;
      if (element === 0 || group === 0x0000 || group === 0x0002 || group >= 0xfffe) continue;
      if (group & 1) {
        if (element >= 0x10 && element <= 0xff) {
          creators.set(tag, firstString(attr) ?? '');
          continue;
        }
        const slot = privateCreatorSlot(tag);
        const creator = slot === undefined ? undefined : creators.get(slot) ?? creatorFrom(input, slot);
        if (creator !== undefined && this.#env.profile.options.has('retainSafePrivate') && this.#env.safePrivate.allows(creator, tag) && attr.BulkDataURI === undefined) {
          // As in Part 10: a safe-listed private sequence is kept, its items through the table.
          const kept = attr.vr === 'SQ' ? this.#apply(tag, attr, { kind: 'walk' }, depth, out, key.toUpperCase()) : this.#keepValue(attr);
          if (kept) {
            keptSlots.add(slot!);
            out[key.toUpperCase()] = kept;
          }
        }
        continue;
      }
      if ((group >= 0x5000 && group <= 0x501e) || (group >= 0x6000 && group <= 0x601e)) continue;
      const action = this.#env.profile.actions.get(tag) ?? this.#unlisted(tag, attr.vr, attr);
      const result = this.#apply(tag, attr, action, depth, out, key.toUpperCase());
      if (result) out[key.toUpperCase()] = result;
    }
    for (const slot of keptSlots) {
      const k = slot.toString(16).padStart(8, '0').toUpperCase();
      out[k] = { vr: 'LO', Value: [creators.get(slot) ?? creatorFrom(input, slot) ?? ''] };
    }
    return out;
  }

  #unlisted(tag: number, vr: string, attr: DicomJsonAttribute): Action {
    if (!isDictionaryTag(tag)) return { kind: 'remove' };
    // URLs point at the source systems (RetrieveURL carries original UIDs): the gateway writes its own.
    if (vr === 'UR') return { kind: 'remove' };
    if (vr === 'SQ') return { kind: 'walk' };
    if (UNLISTED_TEXT_VRS.has(vr) && !attr.Value?.length) return { kind: 'keep' };
    if (UNLISTED_TEXT_VRS.has(vr)) return this.#env.profile.cleanUnlistedText ? { kind: 'text', fallback: { kind: 'dummy' } } : { kind: 'dummy' };
    return { kind: 'keep' };
  }

  #apply(tag: number, attr: DicomJsonAttribute, action: Action, depth: number, owner: DicomJsonDataset, key: string): DicomJsonAttribute | undefined {
    const vr = attr.vr === 'UN' ? (dictionaryVr(tag) ?? 'UN') : attr.vr;
    switch (action.kind) {
      case 'remove':
        return undefined;
      case 'keep':
        if (vr === 'SQ') return this.#apply(tag, attr, { kind: 'walk' }, depth, owner, key);
        return this.#keepValue(attr);
      case 'walk': {
        if (vr !== 'SQ') return undefined;
        const items = attr.Value ?? [];
        if (!Array.isArray(items)) throw invalid();
        return { vr: 'SQ', Value: items.map((item) => this.#dataset(item as DicomJsonDataset, depth + 1)) };
      }
      case 'empty':
        return { vr: attr.vr };
      case 'dummy': {
        if (vr === 'SQ') return { vr: 'SQ' };
        const text = dummyText(vr);
        if (text !== undefined) return { vr: attr.vr, Value: [vr === 'PN' ? { Alphabetic: text } : STRING_VRS.has(vr) && !['DS', 'IS'].includes(vr) ? text : 0] };
        if (['AT'].includes(vr)) return { vr: attr.vr, Value: ['00000000'] };
        if (['FL', 'FD', 'SL', 'SS', 'UL', 'US', 'SV', 'UV'].includes(vr)) return { vr: attr.vr, Value: [0] };
        return { vr: attr.vr, InlineBinary: 'AAA=' };
      }
      case 'uid':
        return { vr: attr.vr, Value: strings(attr).map((uid) => (uid === null ? null : remapUidValue(this.#env.identity, uid))) };
      case 'shift': {
        if (this.#shiftDays === undefined || (vr !== 'DA' && vr !== 'DT') || attr.Value === undefined) return this.#apply(tag, attr, action.fallback, depth, owner, key);
        const values = strings(attr).map((v) => (v === null ? null : shiftDateText(v, vr, this.#shiftDays!)));
        if (values.some((v) => v === undefined)) return this.#apply(tag, attr, action.fallback, depth, owner, key);
        return { vr: attr.vr, Value: values };
      }
      case 'ae':
        return { vr: attr.vr, Value: strings(attr).map((v) => (v === null ? null : aeTitle(this.#env.identity, v))) };
      case 'text': {
        if (!STRING_VRS.has(vr) || vr === 'PN' || attr.Value === undefined) return this.#apply(tag, attr, action.fallback, depth, owner, key);
        const values = strings(attr).filter((v): v is string => v !== null);
        if (values.length === 0) return { vr: attr.vr };
        this.#jobs.push({ owner, key, text: values.join('\\'), fallback: action.fallback, vr });
        return { vr: attr.vr };
      }
    }
  }

  /** Kept attributes are copied field by field: no unexpected member rides along, no upstream URL leaves. */
  #keepValue(attr: DicomJsonAttribute): DicomJsonAttribute | undefined {
    if (attr.BulkDataURI !== undefined) {
      const uri = typeof attr.BulkDataURI === 'string' ? this.#options.bulkDataUri?.(attr.BulkDataURI) : undefined;
      return uri === undefined ? undefined : { vr: attr.vr, BulkDataURI: uri };
    }
    const out: DicomJsonAttribute = { vr: attr.vr };
    if (attr.Value !== undefined) {
      if (!Array.isArray(attr.Value)) throw invalid();
      out.Value = attr.Value;
    }
    if (attr.InlineBinary !== undefined) out.InlineBinary = attr.InlineBinary;
    return out;
  }

  async #finishText(): Promise<void> {
    if (this.#jobs.length === 0) return;
    const results = await Promise.all(
      this.#jobs.map((job) => this.#env.text.deidentify(job.text, { format: 'plain', ...(this.#patient.linked ? { patientId: this.#patient.key } : {}) })),
    );
    this.#jobs.forEach((job, i) => {
      const cleaned = results[i];
      if (cleaned !== undefined && cleaned !== '') {
        job.owner[job.key] = { vr: job.owner[job.key]!.vr, Value: [cleaned.replaceAll('\\', '/')] };
        return;
      }
      const tag = Number.parseInt(job.key, 16) >>> 0;
      const replacement = this.#apply(tag, { vr: job.owner[job.key]!.vr }, job.fallback, 0, job.owner, job.key);
      if (replacement) job.owner[job.key] = replacement;
      else delete job.owner[job.key];
    });
  }

  #mark(out: DicomJsonDataset): void {
    const options = this.#env.profile.options;
    out['00120062'] = { vr: 'CS', Value: ['YES'] };
    out['00120063'] = { vr: 'LO', Value: ['Voile: PS3.15 E.1-1 Basic Profile'] };
    const codes = [DEIDENTIFICATION_CODES.basic, ...[...options].sort().map((o) => DEIDENTIFICATION_CODES[o])];
    out['00120064'] = {
      vr: 'SQ',
      Value: codes.map(([value, meaning]) => ({
        '00080100': { vr: 'SH', Value: [value] },
        '00080102': { vr: 'SH', Value: ['DCM'] },
        '00080104': { vr: 'LO', Value: [meaning] },
      })),
    };
    const temporal = options.has('retainLongitudinalFullDates') ? 'UNMODIFIED' : options.has('retainLongitudinalModifiedDates') ? 'MODIFIED' : 'REMOVED';
    out['00280303'] = { vr: 'CS', Value: [temporal] };
  }
}

/** String values of an attribute; anything else (a number where a string belongs) fails closed. */
function strings(attr: DicomJsonAttribute): (string | null)[] {
  if (attr.Value === undefined) return [];
  if (!Array.isArray(attr.Value)) throw invalid();
  return attr.Value.map((v) => {
    if (v === null || typeof v === 'string') return v;
    throw invalid();
  });
}

export function firstString(attr: DicomJsonAttribute | undefined): string | undefined {
  const v = attr?.Value?.[0];
  if (typeof v === 'string') return v.trim();
  if (v && typeof v === 'object' && typeof (v as { Alphabetic?: unknown }).Alphabetic === 'string') return (v as { Alphabetic: string }).Alphabetic;
  return undefined;
}

function creatorFrom(input: DicomJsonDataset, slot: number): string | undefined {
  const k = slot.toString(16).padStart(8, '0');
  return firstString(input[k.toUpperCase()] ?? input[k]);
}

function sortKeys(ds: DicomJsonDataset): DicomJsonDataset {
  const out: DicomJsonDataset = {};
  for (const k of Object.keys(ds).sort()) out[k] = ds[k]!;
  return out;
}

function invalid(): VoileError {
  return new VoileError('ANONYMIZATION_FAILED', 'The response could not be anonymized', { detail: 'invalid DICOM JSON' });
}


import { VoileError } from '../errors.js';
import type { Identity } from '../identity/index.js';
import { isUid, isWellKnownUid, tagKey } from '../anonymize/dicom/index.js';
import { dictionaryKeyword, tagOfKeyword } from '../anonymize/dicom/dictionary.js';
import type { QueryKeyPlan } from './query-keys.js';

/**
 * QIDO-RS query translation. Match keys are an allowlist: keys that can only match what the client
 * already sees (remapped UIDs, the patient pseudonym, modality, SOP class, series/instance numbers)
 * are translated to their real values — also when the policy lists them (src/dicomweb/query-keys.ts);
 * every other key — names, IDs, dates, accession numbers, descriptions — would let a caller probe
 * real identities or real dates and is refused, unless the policy allows it by name (then its value
 * goes upstream as it is).
 */
const SAFE_KEYS: ReadonlySet<number> = new Set([0x00080060, 0x00080061, 0x00080016, 0x00080062, 0x00200011, 0x00200013]);

export interface QueryContext {
  readonly identity: Identity;
  readonly retainUids: boolean;
  /** The policy's keys: translated ones, and the listed ones passed as they are. */
  readonly keys: QueryKeyPlan;
  /** The real DICOM patient behind a patient pseudonym, or undefined when it can't be known. */
  readonly patientOf: (pseudonym: string) => Promise<QueryPatient | undefined>;
  readonly maxLimit: number;
}

/** What the PACS is asked for a patient pseudonym: its PatientID, and its issuer when one is known. */
export interface QueryPatient {
  readonly patientId: string;
  /** IssuerOfPatientID to match; undefined or `''`: the PACS cannot be told, results are filtered instead. */
  readonly issuer?: string;
}

export interface TranslatedQuery {
  readonly params: URLSearchParams;
  /**
   * The patient pseudonym asked for, when the query had a PatientID key. The PACS matches PatientID
   * (and the issuer when there is one), which can also match another patient (same PatientID under
   * another or no issuer, or wildcard characters in a real PatientID): the caller keeps only the
   * results whose de-identified PatientID is this pseudonym.
   */
  readonly patientPseudonym?: string;
  /** True when a translated key matches nothing the caller may see: answer [] without asking upstream. */
  readonly matchesNothing: boolean;
}

/**
 * `query` is the strictly parsed query string (`parseQuery(rawQuery(request))`, src/fhir/query-string.ts):
 * repeated names stay repeated, so a duplicated match key or limit is refused here instead of being
 * merged or silently picked by a lenient parser (the guard and the PACS must read the same value).
 */
export async function translateQuery(query: readonly (readonly [string, string])[], ctx: QueryContext, requiredFields: readonly number[]): Promise<TranslatedQuery> {
  const params = new URLSearchParams();
  let matchesNothing = false;
  const includes = new Set<string>();
  let patientPseudonym: string | undefined;
  const grouped = new Map<string, string[]>();
  for (const [name, value] of query) {
    const values = grouped.get(name);
    if (values) values.push(value);
    else grouped.set(name, [value]);
  }
  for (const [rawKey, values] of grouped) {
    switch (rawKey) {
      case 'limit':
      case 'offset': {
        const n = values.length === 1 && /^\d{1,9}$/.test(values[0]!) ? Number(values[0]) : Number.NaN;
        if (!Number.isFinite(n) || (rawKey === 'limit' && n < 1)) throw new VoileError('BAD_REQUEST', 'limit and offset must be non-negative integers', { detail: rawKey });
        params.set(rawKey, String(rawKey === 'limit' ? Math.min(n, ctx.maxLimit) : n));
        continue;
      }
      case 'includefield':
        for (const v of values.flatMap((x) => x.split(','))) {
          const field = v.trim();
          if (field === 'all') includes.add('all');
          else includes.add(tagKey(tagOf(field, rawKey)).toUpperCase());
        }
        continue;
      case 'fuzzymatching':
        if (values.some((v) => v !== 'false')) throw new VoileError('SEARCH_PARAM_REFUSED', 'Fuzzy matching is not available', { detail: 'fuzzymatching' });
        continue;
      default:
        break;
    }
    const tag = tagOf(rawKey, rawKey);
    if (values.length !== 1) throw new VoileError('BAD_REQUEST', 'A match key may appear once', { detail: safeName(rawKey) });
    const value = values[0]!;
    // Translated keys first: a policy listing one cannot send the partner's value upstream as real.
    if (ctx.keys.uidKeys.has(tag)) {
      const real = await translateUids(value, ctx);
      if (real.length === 0) matchesNothing = true;
      else params.set(tagKey(tag).toUpperCase(), real.join(','));
      continue;
    }
    if (ctx.keys.patientKeys.has(tag)) {
      // PatientID and PatientName are both released as the pseudonym: either names one patient.
      if (/[*?\\,]/.test(value)) throw refused(rawKey);
      if (patientPseudonym !== undefined && patientPseudonym !== value) matchesNothing = true;
      patientPseudonym = value;
      continue;
    }
    if (ctx.keys.passThrough.has(tag)) {
      params.set(tagKey(tag).toUpperCase(), value);
      continue;
    }
    if (SAFE_KEYS.has(tag)) {
      if (!/^[A-Za-z0-9 ._\-*?,\\]{0,64}$/.test(value)) throw new VoileError('BAD_REQUEST', 'A match value is malformed', { detail: safeName(rawKey) });
      params.set(tagKey(tag).toUpperCase(), value);
      continue;
    }
    throw refused(rawKey);
  }
  if (patientPseudonym !== undefined && !matchesNothing) {
    const real = await ctx.patientOf(patientPseudonym);
    if (real === undefined) matchesNothing = true;
    else {
      params.set('00100020', real.patientId);
      // A PatientID is only unique with its issuer: narrow upstream when there is one.
      if (real.issuer) params.set('00100021', real.issuer);
    }
  }
  if (!includes.has('all')) for (const tag of requiredFields) includes.add(tagKey(tag).toUpperCase());
  for (const field of includes) params.append('includefield', field);
  return { params, matchesNothing, ...(patientPseudonym === undefined ? {} : { patientPseudonym }) };
}

async function translateUids(value: string, ctx: QueryContext): Promise<string[]> {
  const out: string[] = [];
  for (const uid of value.split(/[,\\]/)) {
    if (!isUid(uid)) throw new VoileError('BAD_REQUEST', 'A UID match value is malformed');
    // A UID under the DICOM root is released as it is (src/anonymize/dicom/values.ts), so it is matched as it is.
    const real = ctx.retainUids || isWellKnownUid(uid) ? uid : await ctx.identity.resolveUid(uid);
    if (real !== undefined) out.push(real);
  }
  return out;
}

/** The tag a key name stands for: a tag (ggggeeee) or a dictionary keyword; undefined for anything else. */
export function tagOfKeyName(name: string): number | undefined {
  if (/^[0-9A-Fa-f]{8}$/.test(name)) return Number.parseInt(name, 16) >>> 0;
  return /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(name) ? tagOfKeyword(name) : undefined;
}

function tagOf(name: string, key: string): number {
  const tag = tagOfKeyName(name);
  if (tag === undefined) throw new VoileError('SEARCH_PARAM_REFUSED', 'Unknown query key', { detail: safeName(key) });
  return tag;
}

function refused(key: string): VoileError {
  return new VoileError('SEARCH_PARAM_REFUSED', 'This query key is not allowed by the policy', { detail: safeName(key) });
}

/** A key name is echoed in `detail` only when it is a dictionary keyword or a tag (never free text). */
function safeName(key: string): string | undefined {
  if (/^[0-9A-Fa-f]{8}$/.test(key)) return key.toUpperCase();
  const tag = tagOfKeyName(key);
  return tag === undefined ? undefined : dictionaryKeyword(tag);
}

import { VoileError } from '../../../errors.js';

/**
 * Microsoft's FHIR anonymizer configuration (`fhirPathRules`, `parameters`, `processingErrors`),
 * accepted unchanged. It runs with Microsoft's semantics — default keep, their date shift, HMAC
 * and AES — so that their expected outputs are reproduced; Voile profiles stay default-deny.
 */
export interface MicrosoftRule {
  readonly path: string;
  readonly method: string;
  readonly cases?: Readonly<Record<string, string>>;
  readonly otherValues?: string;
  readonly replaceWith?: unknown;
  readonly span?: number;
  readonly rangeType?: string;
  readonly roundTo?: number;
}

export interface MicrosoftParameters {
  readonly dateShiftKey: string;
  readonly dateShiftScope: 'resource' | 'file' | 'folder';
  readonly cryptoHashKey: string;
  readonly encryptKey: string;
  readonly enablePartialAgesForRedact: boolean;
  readonly enablePartialDatesForRedact: boolean;
  readonly enablePartialZipCodesForRedact: boolean;
  readonly restrictedZipCodeTabulationAreas: readonly string[];
}

export interface MicrosoftProfile {
  readonly kind: 'microsoft-config';
  readonly rules: readonly MicrosoftRule[];
  readonly parameters: MicrosoftParameters;
  /** raise (default) and keep both fail the resource: Voile never releases raw data. */
  readonly processingErrors: 'raise' | 'skip' | 'keep';
}

const METHODS = new Set(['keep', 'redact', 'dateshift', 'cryptohash', 'encrypt', 'substitute', 'perturb', 'generalize']);

/** Accepts the parsed JSON (or its text, BOM included) of a Microsoft configuration file. */
export function fromMicrosoftConfig(json: unknown): MicrosoftProfile {
  const data = typeof json === 'string' ? parseText(json) : json;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw invalid('the configuration is not a JSON object');
  const config = data as Record<string, unknown>;
  const rawRules = config['fhirPathRules'];
  if (!Array.isArray(rawRules)) throw invalid('fhirPathRules must be an array');
  const rules = rawRules.map((raw, i) => {
    if (raw === null || typeof raw !== 'object') throw invalid(`fhirPathRules[${i}] is not an object`);
    const r = raw as Record<string, unknown>;
    if (typeof r['path'] !== 'string' || r['path'].length === 0) throw invalid(`fhirPathRules[${i}].path is missing`);
    if (typeof r['method'] !== 'string' || !METHODS.has(r['method'].toLowerCase())) throw invalid(`fhirPathRules[${i}].method is not supported`);
    if (r['method'].toLowerCase() === 'generalize' && (typeof r['cases'] !== 'object' || r['cases'] === null)) throw invalid(`fhirPathRules[${i}].cases is missing`);
    return r as unknown as MicrosoftRule;
  });
  const p = (config['parameters'] ?? {}) as Record<string, unknown>;
  if (typeof p !== 'object' || Array.isArray(p)) throw invalid('parameters must be an object');
  const scope = typeof p['dateShiftScope'] === 'string' ? p['dateShiftScope'].toLowerCase() : 'resource';
  if (scope !== 'resource' && scope !== 'file' && scope !== 'folder') throw invalid('parameters.dateShiftScope is not supported');
  const zips = p['restrictedZipCodeTabulationAreas'];
  if (zips !== undefined && (!Array.isArray(zips) || zips.some((z) => typeof z !== 'string'))) throw invalid('parameters.restrictedZipCodeTabulationAreas must be strings');
  const errors = typeof config['processingErrors'] === 'string' ? config['processingErrors'].toLowerCase() : 'raise';
  if (errors !== 'raise' && errors !== 'skip' && errors !== 'keep') throw invalid('processingErrors must be raise, keep or skip');
  return {
    kind: 'microsoft-config',
    rules,
    parameters: {
      dateShiftKey: str(p['dateShiftKey']),
      dateShiftScope: scope,
      cryptoHashKey: str(p['cryptoHashKey']),
      encryptKey: str(p['encryptKey']),
      enablePartialAgesForRedact: p['enablePartialAgesForRedact'] === true,
      enablePartialDatesForRedact: p['enablePartialDatesForRedact'] === true,
      enablePartialZipCodesForRedact: p['enablePartialZipCodesForRedact'] === true,
      restrictedZipCodeTabulationAreas: (zips as string[] | undefined) ?? [],
    },
    processingErrors: errors,
  };
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function parseText(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (cause) {
    throw new VoileError('PROFILE_INVALID', 'The Microsoft configuration is not valid JSON', { cause });
  }
}

function invalid(detail: string): VoileError {
  return new VoileError('PROFILE_INVALID', 'Invalid Microsoft anonymizer configuration', { detail });
}

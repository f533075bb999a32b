import { shiftDicomDate } from '../../identity/index.js';
import type { Identity } from '../../identity/index.js';
import { isWellKnownUid } from './transfer-syntax.js';
import { BINARY_SIZES } from './vr.js';

/**
 * Value-level helpers shared by the Part-10 and the DICOM JSON de-identifiers, so both apply the
 * same dummy values, UID remapping, date shifts and AE replacements.
 */

/** Dummy (D) values: valid for their VR, identifying nobody. */
const DUMMY_TEXT: Readonly<Record<string, string>> = {
  AE: 'ANONYMIZED',
  AS: '000D',
  CS: 'ANONYMIZED',
  DA: '19000101',
  DS: '0',
  DT: '19000101000000',
  IS: '0',
  LO: 'ANONYMIZED',
  LT: 'ANONYMIZED',
  PN: 'ANONYMIZED',
  SH: 'ANONYMIZED',
  ST: 'ANONYMIZED',
  TM: '000000',
  UC: 'ANONYMIZED',
  UR: 'urn:voile:anonymized',
  UT: 'ANONYMIZED',
};

export function dummyText(vr: string): string | undefined {
  return DUMMY_TEXT[vr];
}

/** Dummy bytes for binary VRs: one zero value of the VR's size, or two zero bytes for OB/OW/UN. */
export function dummyBinary(vr: string): Uint8Array {
  return new Uint8Array(BINARY_SIZES[vr] ?? (vr === 'OD' || vr === 'OV' ? 8 : vr === 'OF' || vr === 'OL' ? 4 : 2));
}

/** Remaps one UID; DICOM's own UIDs (SOP classes, transfer syntaxes…) and empty values stay. */
export function remapUidValue(identity: Identity, uid: string): string {
  const trimmed = uid.replace(/[\0 ]+$/, '').trim();
  if (trimmed === '' || isWellKnownUid(trimmed)) return trimmed;
  return identity.remapUid(trimmed);
}

/**
 * Shifts a DA or DT value (possibly multi-valued) by whole days. Returns undefined when a value is
 * not a date this can shift exactly (old ACR-NEMA forms, year-only DT…): the caller then applies
 * the basic action, never the original value.
 */
export function shiftDateText(text: string, vr: string, days: number): string | undefined {
  const parts = text.split('\\');
  const out: string[] = [];
  for (const raw of parts) {
    const value = raw.trim();
    if (value === '') {
      out.push('');
      continue;
    }
    if (vr === 'DA' && !/^\d{8}$/.test(value)) return undefined;
    if (vr === 'DT' && !/^\d{8}(\d{2}(\d{2}(\d{2}(\.\d{1,6})?)?)?)?([+-]\d{4})?$/.test(value)) return undefined;
    try {
      out.push(shiftDicomDate(value, days));
    } catch {
      return undefined;
    }
  }
  return out.join('\\');
}

/** A consistent dummy AE title (≤ 16 chars) for Retain Device Identity's "clean". */
export function aeTitle(identity: Identity, value: string): string {
  return `AE${identity.cryptoHash(`ae:${value.trim()}`).slice(0, 14).toUpperCase()}`;
}

/** Decoding for the character sets Voile writes back unchanged: UTF-8 or a single-byte set. */
export function charsetOf(specificCharacterSet: string | undefined): BufferEncoding {
  return specificCharacterSet?.includes('ISO_IR 192') ? 'utf8' : 'latin1';
}

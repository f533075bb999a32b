/** Value representations grouped by how the encoder and the de-identifier treat them. */

/** Explicit VRs whose header has 2 reserved bytes and a 32-bit length (PS3.5 7.1.2). */
export const LONG_LENGTH_VRS: ReadonlySet<string> = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

/** Character-string VRs: padded with a space to an even length. */
export const STRING_VRS: ReadonlySet<string> = new Set(['AE', 'AS', 'CS', 'DA', 'DS', 'DT', 'IS', 'LO', 'LT', 'PN', 'SH', 'ST', 'TM', 'UC', 'UI', 'UR', 'UT']);

/** Free text that can carry anything a person typed. */
export const FREE_TEXT_VRS: ReadonlySet<string> = new Set(['LO', 'LT', 'SH', 'ST', 'UC', 'UT', 'PN']);

/** Free-text VRs that are never codes or labels: removed when no rule covers them (fail closed). */
export const UNLISTED_TEXT_VRS: ReadonlySet<string> = new Set(['LT', 'ST', 'UT', 'UC', 'PN']);

/** Binary VRs of a fixed element size, for dummy (D) values. */
export const BINARY_SIZES: Readonly<Record<string, number>> = { AT: 4, FL: 4, FD: 8, SL: 4, SS: 2, SV: 8, UL: 4, US: 2, UV: 8 };

const KNOWN = new Set([...LONG_LENGTH_VRS, ...STRING_VRS, ...Object.keys(BINARY_SIZES)]);

export function isKnownVr(vr: string): boolean {
  return KNOWN.has(vr);
}

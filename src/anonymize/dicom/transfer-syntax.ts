/** How a transfer syntax encodes the data set (PS3.5 Section 10 and Annex A). */
export interface Encoding {
  readonly explicitVr: boolean;
  readonly littleEndian: boolean;
  readonly deflated: boolean;
}

export const TransferSyntax = {
  ImplicitVRLittleEndian: '1.2.840.10008.1.2',
  ExplicitVRLittleEndian: '1.2.840.10008.1.2.1',
  DeflatedExplicitVRLittleEndian: '1.2.840.10008.1.2.1.99',
  ExplicitVRBigEndian: '1.2.840.10008.1.2.2',
} as const;

/** Every other transfer syntax (JPEG, RLE, JPEG 2000, …) is Explicit VR Little Endian, pixels encapsulated. */
export function encodingOf(transferSyntaxUid: string): Encoding {
  switch (transferSyntaxUid) {
    case TransferSyntax.ImplicitVRLittleEndian:
      return { explicitVr: false, littleEndian: true, deflated: false };
    case TransferSyntax.ExplicitVRBigEndian:
      return { explicitVr: true, littleEndian: false, deflated: false };
    case TransferSyntax.DeflatedExplicitVRLittleEndian:
      return { explicitVr: true, littleEndian: true, deflated: true };
    default:
      return { explicitVr: true, littleEndian: true, deflated: false };
  }
}

/** A well-formed UID (PS3.5 9.1): dot-separated digit groups, at most 64 characters. */
export function isUid(text: string): boolean {
  return text.length <= 64 && /^[0-9]+(\.[0-9]+)*$/.test(text);
}

/** A UID is the DICOM root's own (SOP classes, transfer syntaxes, well-known frames…) and stays as is. */
export function isWellKnownUid(uid: string): boolean {
  return uid.startsWith('1.2.840.10008.');
}

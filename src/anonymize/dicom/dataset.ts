/**
 * The in-memory model of a DICOM data set. Values stay as the raw bytes they were read as (a view
 * into the input buffer, in the input's byte order), so attributes the profile keeps — pixel data
 * above all — are written back without being decoded or copied.
 */
export interface DicomElement {
  /** (group << 16 | element) as an unsigned 32-bit number. */
  readonly tag: number;
  vr: string;
  /** Raw value bytes (not for sequences or encapsulated pixel data). */
  value?: Uint8Array;
  /** Items of a sequence (vr SQ). */
  items?: DicomDataset[];
  /** Encapsulated pixel data: the Basic Offset Table item first, then the fragments. */
  fragments?: Uint8Array[];
}

/** Elements in ascending tag order, as in a conformant encoding. */
export type DicomDataset = DicomElement[];

export function tagOf(group: number, element: number): number {
  return ((group << 16) | element) >>> 0;
}

export function groupOf(tag: number): number {
  return tag >>> 16;
}

export function elementOf(tag: number): number {
  return tag & 0xffff;
}

/** `ggggeeee`, lower-case, the key used by the profile tables and the DICOM JSON model. */
export function tagKey(tag: number): string {
  return tag.toString(16).padStart(8, '0');
}

export function findElement(dataset: DicomDataset, tag: number): DicomElement | undefined {
  for (const el of dataset) if (el.tag === tag) return el;
  return undefined;
}

/** Inserts or replaces an element, keeping tag order. */
export function setElement(dataset: DicomDataset, element: DicomElement): void {
  let i = 0;
  while (i < dataset.length && dataset[i]!.tag < element.tag) i++;
  if (i < dataset.length && dataset[i]!.tag === element.tag) dataset[i] = element;
  else dataset.splice(i, 0, element);
}

export const Tags = {
  FileMetaInformationGroupLength: 0x00020000,
  FileMetaInformationVersion: 0x00020001,
  MediaStorageSOPClassUID: 0x00020002,
  MediaStorageSOPInstanceUID: 0x00020003,
  TransferSyntaxUID: 0x00020010,
  ImplementationClassUID: 0x00020012,
  ImplementationVersionName: 0x00020013,
  SpecificCharacterSet: 0x00080005,
  SOPClassUID: 0x00080016,
  SOPInstanceUID: 0x00080018,
  Modality: 0x00080060,
  RetrieveURL: 0x00081190,
  PatientName: 0x00100010,
  PatientID: 0x00100020,
  IssuerOfPatientID: 0x00100021,
  PatientIdentityRemoved: 0x00120062,
  DeidentificationMethod: 0x00120063,
  DeidentificationMethodCodeSequence: 0x00120064,
  StudyInstanceUID: 0x0020000d,
  SeriesInstanceUID: 0x0020000e,
  BurnedInAnnotation: 0x00280301,
  LongitudinalTemporalInformationModified: 0x00280303,
  CodeValue: 0x00080100,
  CodingSchemeDesignator: 0x00080102,
  CodeMeaning: 0x00080104,
  PixelData: 0x7fe00010,
  Item: 0xfffee000,
  ItemDelimitation: 0xfffee00d,
  SequenceDelimitation: 0xfffee0dd,
} as const;

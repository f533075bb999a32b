import { createHash } from 'node:crypto';
import { VoileError } from '../../errors.js';
import type { Identity } from '../../identity/index.js';
import { type TextDeidentifier, redactingTextDeidentifier } from '../text/api.js';
import { type DicomDataset, type DicomElement, Tags, findElement } from './dataset.js';
import { type PatientContext, type WalkEnvironment, deidentifyDataset, readString } from './deidentify.js';
import { type DicomJsonDataset, type JsonDeidentifyOptions, JsonWalk, firstString } from './dicom-json.js';
import { type DicomOption, compileProfile, parseOptions } from './profile.js';
import { readPart10 } from './reader.js';
import { dicomPatientKey } from './patient-key.js';
import { parseSafePrivateList } from './safe-private.js';
import { remapUidValue } from './values.js';
import { writePart10 } from './writer.js';

/** Voile's implementation identity in the file meta information of every file it writes. */
export const IMPLEMENTATION_CLASS_UID = '2.25.292110459546304135373682709137660001577';
export const IMPLEMENTATION_VERSION_NAME = 'VOILE_0_1';

/**
 * Resolves a DICOM patient to the real id of the FHIR Patient it is (the policy's linkage), so both
 * transports give them one pseudonym and one date shift. Undefined: not linked; the patient then gets
 * the DICOM-only identity key `dicom:<issuer>:<PatientID>`.
 */
export type LinkPatient = (patientId: string, issuer: string | undefined) => string | undefined | Promise<string | undefined>;

export interface DicomProfileOptions {
  /** Options of PS3.15 Table E.1-1 on top of the Basic Profile. */
  readonly options?: readonly (DicomOption | string)[];
  /** Retain Safe Private allowlist: `"CREATOR|gggg|ee"`. */
  readonly safePrivate?: readonly string[];
  /** Release instances that may carry burned-in text (BurnedInAnnotation YES, US, SC, XA/DX without the flag). */
  readonly allowBurnedIn?: boolean;
  /** Deepest sequence nesting accepted. Default 32. */
  readonly maxDepth?: number;
}

export interface DicomDeidentifierDeps {
  readonly identity: Identity;
  readonly text?: TextDeidentifier;
  readonly linkPatient?: LinkPatient;
}

export interface DeidentifiedInstance {
  /** The Part-10 file, as chunks (large values are views of the input: write them, don't keep them). */
  readonly chunks: readonly Uint8Array[];
  readonly byteLength: number;
  readonly transferSyntaxUid: string;
  /** Remapped UIDs of the output. */
  readonly studyInstanceUid: string | undefined;
  readonly seriesInstanceUid: string | undefined;
  readonly sopInstanceUid: string | undefined;
}

export interface DicomDeidentifier {
  /** De-identifies one Part-10 instance. Throws MALFORMED_DICOM, or FORBIDDEN for a withheld instance. */
  part10(input: Uint8Array | AsyncIterable<Uint8Array>): Promise<DeidentifiedInstance>;
  /** De-identifies one DICOM JSON data set (a QIDO-RS result or a WADO-RS metadata entry). */
  json(dataset: DicomJsonDataset, options?: JsonDeidentifyOptions): Promise<DicomJsonDataset>;
  /** Whether a JSON data set (with Modality and BurnedInAnnotation) must be withheld. */
  withheld(dataset: DicomJsonDataset): boolean;
}

export function createDicomDeidentifier(profileOptions: DicomProfileOptions, deps: DicomDeidentifierDeps): DicomDeidentifier {
  const profile = compileProfile(parseOptions(profileOptions.options ?? []));
  const env: WalkEnvironment = {
    profile,
    identity: deps.identity,
    text: deps.text ?? redactingTextDeidentifier,
    safePrivate: parseSafePrivateList(profileOptions.safePrivate ?? []),
    maxDepth: profileOptions.maxDepth ?? 32,
  };
  const allowBurnedIn = profileOptions.allowBurnedIn === true;

  async function patientOf(patientId: string | undefined, issuer: string | undefined, studyUid: string | undefined): Promise<PatientContext> {
    if (patientId) {
      const linked = await deps.linkPatient?.(patientId, issuer || undefined);
      if (linked) return { key: linked, linked: true };
      return { key: dicomPatientKey(issuer, patientId), linked: false };
    }
    // No PatientID at all: the study is the only stable anchor for a shift.
    return { key: `dicom-study:${studyUid ?? ''}`, linked: false };
  }

  return {
    async part10(input) {
      const bytes = input instanceof Uint8Array ? input : await collect(input);
      const parsed = readPart10(bytes, { maxDepth: env.maxDepth });
      const ds = parsed.dataset;
      if (!allowBurnedIn && mayCarryBurnedInText(readString(ds, Tags.Modality), readString(ds, Tags.BurnedInAnnotation), readString(ds, Tags.SOPClassUID))) throw withheldError();
      const patient = await patientOf(readString(ds, Tags.PatientID), readString(ds, Tags.IssuerOfPatientID), readString(ds, Tags.StudyInstanceUID));
      const out = await deidentifyDataset(ds, env, patient);
      const sopClass = readString(out, Tags.SOPClassUID) || stringOf(findElement(parsed.meta, Tags.MediaStorageSOPClassUID)) || '';
      const sopInstance = readString(out, Tags.SOPInstanceUID) || metaInstanceUid(parsed.meta, deps.identity, env.profile.options.has('retainUIDs')) || contentUid(bytes, deps.identity);
      const meta: DicomDataset = [
        { tag: Tags.FileMetaInformationVersion, vr: 'OB', value: Uint8Array.of(0, 1) },
        ascii(Tags.MediaStorageSOPClassUID, 'UI', sopClass),
        ascii(Tags.MediaStorageSOPInstanceUID, 'UI', sopInstance),
        ascii(Tags.TransferSyntaxUID, 'UI', parsed.transferSyntaxUid),
        ascii(Tags.ImplementationClassUID, 'UI', IMPLEMENTATION_CLASS_UID),
        ascii(Tags.ImplementationVersionName, 'SH', IMPLEMENTATION_VERSION_NAME),
      ];
      const written = writePart10(meta, out, parsed.transferSyntaxUid);
      return {
        ...written,
        transferSyntaxUid: parsed.transferSyntaxUid,
        studyInstanceUid: readString(out, Tags.StudyInstanceUID),
        seriesInstanceUid: readString(out, Tags.SeriesInstanceUID),
        sopInstanceUid: sopInstance,
      };
    },

    async json(dataset, options = {}) {
      if (typeof dataset !== 'object' || dataset === null || Array.isArray(dataset)) {
        throw new VoileError('ANONYMIZATION_FAILED', 'The response could not be anonymized', { detail: 'invalid DICOM JSON' });
      }
      const patient = await patientOf(firstString(dataset['00100020']), firstString(dataset['00100021']), firstString(dataset['0020000D']));
      return new JsonWalk(env, patient, options).run(dataset);
    },

    withheld(dataset) {
      return !allowBurnedIn && mayCarryBurnedInText(firstString(dataset['00080060']), firstString(dataset['00280301']), firstString(dataset['00080016']));
    },
  };
}

/**
 * Burned-in text (PS3.15 E.1.1: the Basic Profile does not clean pixels): BurnedInAnnotation YES,
 * modalities that routinely burn in (US, SC) and Secondary Capture objects, and XA/DX when the flag
 * is absent.
 */
export function mayCarryBurnedInText(modality: string | undefined, burnedIn: string | undefined, sopClassUid?: string): boolean {
  const flag = burnedIn?.trim().toUpperCase();
  if (flag === 'YES') return true;
  // Secondary Capture storage classes (screenshots, scanned documents), whatever Modality says.
  if (sopClassUid !== undefined && /^1\.2\.840\.10008\.5\.1\.4\.1\.1\.7(\.[1-4])?$/.test(sopClassUid.trim())) return true;
  const m = modality?.trim().toUpperCase();
  if (m === 'US' || m === 'SC') return true;
  if ((m === 'XA' || m === 'DX') && flag !== 'NO') return true;
  return false;
}

/** The refusal of an instance that may carry burned-in text (also the DICOMweb routes' answer). */
export function withheldError(): VoileError {
  return new VoileError('FORBIDDEN', 'The instance is withheld: it may carry burned-in identifying text', { detail: 'burned-in-annotation' });
}

/**
 * A data set without SOP Instance UID (a bare private or test object, still valid DICOM encoding):
 * the file meta's MediaStorageSOPInstanceUID stands for it, remapped like every instance UID.
 */
function metaInstanceUid(meta: DicomDataset, identity: Identity, retainUids: boolean): string | undefined {
  const uid = stringOf(findElement(meta, Tags.MediaStorageSOPInstanceUID));
  if (!uid) return undefined;
  return retainUids ? uid : remapUidValue(identity, uid);
}

/**
 * No instance UID anywhere: a keyed digest of the input names the output (Part 10 needs a
 * MediaStorageSOPInstanceUID, the batch a file name). The same file gets the same UID in every
 * run under the same secret; keyed, so it can't confirm a guess about the original's content.
 * Not stored: there is no original UID to resolve it to.
 */
function contentUid(bytes: Uint8Array, identity: Identity): string {
  const digest = Buffer.from(identity.cryptoHash(`dicom-content:${createHash('sha256').update(bytes).digest('hex')}`), 'hex').subarray(0, 16);
  digest[0] = digest[0]! & 0x7f; // under 2^127: at most 39 digits, like Identity.remapUid
  return `2.25.${BigInt(`0x${digest.toString('hex')}`).toString(10)}`;
}

function ascii(tag: number, vr: string, value: string): DicomElement {
  return { tag, vr, value: Buffer.from(value, 'latin1') };
}

function stringOf(el: DicomElement | undefined): string | undefined {
  return el?.value ? Buffer.from(el.value).toString('latin1').replace(/[\0 ]+$/, '') : undefined;
}

async function collect(stream: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of stream) parts.push(chunk);
  return Buffer.concat(parts);
}

export {
  createDicomDeidentifier,
  mayCarryBurnedInText,
  withheldError,
  IMPLEMENTATION_CLASS_UID,
  IMPLEMENTATION_VERSION_NAME,
  type DicomDeidentifier,
  type DicomDeidentifierDeps,
  type DicomProfileOptions,
  type DeidentifiedInstance,
  type LinkPatient,
} from './deidentifier.js';
export { type DicomJsonDataset, type DicomJsonAttribute, type JsonDeidentifyOptions } from './dicom-json.js';
export { DICOM_OPTIONS, DEIDENTIFICATION_CODES, type DicomOption, compileProfile, loadConfidentialityTable } from './profile.js';
export { readPart10, readDataset, type Part10 } from './reader.js';
export { writePart10, writeDataset, ChunkWriter } from './writer.js';
export { type DicomDataset, type DicomElement, Tags, tagOf, tagKey, findElement } from './dataset.js';
export { TransferSyntax, encodingOf, isUid, isWellKnownUid } from './transfer-syntax.js';
export { anonymizeDicomDirectory, type DirectoryReport } from './batch.js';
export { dicomDeidentifierFor, dicomDeidentifierForPolicy, type DicomPolicyContext, type FindFhirPatientByIdentifier } from './policy.js';

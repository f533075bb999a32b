import type { FastifyRequest } from 'fastify';
import { noteAudit } from '../audit/hook.js';

/**
 * What a DICOMweb request tells the audit trail: the interaction, and how many studies' data left
 * the gateway (counted by distinct StudyInstanceUID, as the FHIR side counts resources). No UID,
 * PatientID or value goes into the note: only the FHIR type the data belongs to and a number.
 * The audit hook cannot count these itself: DICOM JSON is not FHIR, and retrievals are streamed.
 */
export function noteDicomwebAudit(request: FastifyRequest, interaction: 'dicomweb-search' | 'dicomweb-retrieve', studies?: ReadonlySet<string>): void {
  noteAudit(request, {
    interaction,
    resourceType: 'ImagingStudy',
    ...(studies === undefined ? {} : { returned: studies.size > 0 ? { ImagingStudy: studies.size } : {} }),
  });
}

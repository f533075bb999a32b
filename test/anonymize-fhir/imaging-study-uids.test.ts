import type { ImagingStudy } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { createFhirAnonymizer } from '../../src/anonymize/fhir/index.js';
import { redactingTextDeidentifier } from '../../src/anonymize/text/api.js';
import { Identity } from '../../src/identity/index.js';
import { loadFhirProfileFile } from '../../src/policy/registry.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';

/** Regression: an ImagingStudy must carry the Study/Series/Instance UIDs DICOMweb returns for the same study. */
describe('ImagingStudy UIDs under research-strict', () => {
  const identity = new Identity(Buffer.alloc(32, 2), { store: new MemoryMappingStore() });
  const engine = createFhirAnonymizer(loadFhirProfileFile('profiles/fhir/research-strict.yaml'), { identity, text: redactingTextDeidentifier });
  const study: ImagingStudy = {
    resourceType: 'ImagingStudy',
    id: 'img-1',
    status: 'available',
    subject: { reference: 'Patient/p-1' },
    identifier: [
      { system: 'urn:dicom:uid', value: 'urn:oid:1.2.826.0.1.3680043.8.498.1' },
      { system: 'http://hospital.example/accession', value: 'ACC-778899' },
    ],
    series: [{ uid: '1.2.826.0.1.3680043.8.498.2', modality: { system: 'http://dicom.nema.org/resources/ontology/DCM', code: 'CT' }, instance: [{ uid: '1.2.826.0.1.3680043.8.498.3', sopClass: { system: 'urn:ietf:rfc:3986', code: 'urn:oid:1.2.840.10008.5.1.4.1.1.2' } }] }],
  };

  it('remaps the Study Instance UID identifier (keeping urn:oid:) and series/instance UIDs as the DICOM side does', async () => {
    const out = (await engine.anonymize(study)).resource as ImagingStudy;
    expect(out.identifier).toEqual([{ system: 'urn:dicom:uid', value: `urn:oid:${identity.remapUid('1.2.826.0.1.3680043.8.498.1')}` }]);
    expect(out.series?.[0]?.uid).toBe(identity.remapUid('1.2.826.0.1.3680043.8.498.2'));
    expect(out.series?.[0]?.instance?.[0]?.uid).toBe(identity.remapUid('1.2.826.0.1.3680043.8.498.3'));
    // Other identifiers (accession numbers) are still removed; the SOP class is a well-known UID, kept.
    expect(JSON.stringify(out)).not.toContain('ACC-778899');
    expect(out.series?.[0]?.instance?.[0]?.sopClass?.code).toBe('urn:oid:1.2.840.10008.5.1.4.1.1.2');
  });
});

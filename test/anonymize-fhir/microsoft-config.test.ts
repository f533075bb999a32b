import type { Patient } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { createFhirAnonymizer, fromMicrosoftConfig } from '../../src/anonymize/fhir/index.js';
import { dateShiftOffset } from '../../src/anonymize/fhir/microsoft/engine.js';
import { redactingTextDeidentifier } from '../../src/anonymize/text/api.js';
import { newIdentity } from './helpers.js';

const deps = () => ({ identity: newIdentity(), text: redactingTextDeidentifier });

describe('fromMicrosoftConfig', () => {
  it('accepts their JSON text unchanged, BOM included', () => {
    const config = fromMicrosoftConfig('\uFEFF{"fhirPathRules":[{"path":"Patient.id","method":"cryptoHash"}],"parameters":{"cryptoHashKey":"123"}}');
    expect(config.rules).toHaveLength(1);
    expect(config.parameters.cryptoHashKey).toBe('123');
    expect(config.processingErrors).toBe('raise');
  });

  it.each([
    ['not an object', []],
    ['no fhirPathRules', { parameters: {} }],
    ['an unknown method', { fhirPathRules: [{ path: 'Patient', method: 'shred' }] }],
    ['generalize without cases', { fhirPathRules: [{ path: 'Patient.birthDate', method: 'generalize' }] }],
    ['a bad processingErrors', { fhirPathRules: [], processingErrors: 'ignore' }],
  ])('rejects %s with PROFILE_INVALID', (_what, json) => {
    expect(() => fromMicrosoftConfig(json)).toThrow(expect.objectContaining({ code: 'PROFILE_INVALID' }));
  });
});

describe('Microsoft semantics', () => {
  it('date shift offset follows their formula (+41 days for "example" + "123")', () => {
    expect(dateShiftOffset('123', 'example')).toBe(41);
  });

  it('cryptoHash is HMAC-SHA256 hex keyed by cryptoHashKey', async () => {
    const anonymizer = createFhirAnonymizer(fromMicrosoftConfig({ fhirPathRules: [{ path: 'Patient.id', method: 'cryptoHash' }], parameters: { cryptoHashKey: '123' } }), deps());
    const { resource } = await anonymizer.anonymize({ resourceType: 'Patient', id: 'example' } as Patient);
    expect(resource?.id).toBe('698d54f0494528a759f19c8e87a9f99e75a5881b9267ee3926bcf62c992d84ba');
  });

  it('is default keep (unlike Voile profiles)', async () => {
    const anonymizer = createFhirAnonymizer(fromMicrosoftConfig({ fhirPathRules: [{ path: "nodesByType('HumanName')", method: 'redact' }] }), deps());
    const { resource } = await anonymizer.anonymize({ resourceType: 'Patient', gender: 'male', name: [{ family: 'X' }] } as Patient);
    expect(resource).toMatchObject({ resourceType: 'Patient', gender: 'male' });
    expect((resource as Patient).name).toBeUndefined();
  });

  it('processingErrors raise fails the resource with ANONYMIZATION_FAILED (never raw data)', async () => {
    const config = fromMicrosoftConfig({ fhirPathRules: [{ path: "nodesByType('HumanName').family", method: 'generalize', cases: { '$this>=0': '1' } }] });
    const err = await createFhirAnonymizer(config, deps()).anonymize({ resourceType: 'Patient', name: [{ family: 'X' }] } as Patient).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'ANONYMIZATION_FAILED' });
  });

  it('encrypt is AES-CBC with their IV-prefixed base64 layout', async () => {
    const config = fromMicrosoftConfig({ fhirPathRules: [{ path: 'Patient.name.family', method: 'encrypt' }], parameters: { encryptKey: '704ab12c8e3e46d4bbde6c3b5d8a8b1f' } });
    const { resource } = await createFhirAnonymizer(config, deps()).anonymize({ resourceType: 'Patient', name: [{ family: 'Durand' }] } as Patient);
    const token = (resource as Patient).name![0]!.family!;
    const { createDecipheriv } = await import('node:crypto');
    const raw = Buffer.from(token, 'base64');
    const decipher = createDecipheriv('aes-256-cbc', Buffer.from('704ab12c8e3e46d4bbde6c3b5d8a8b1f', 'utf8'), raw.subarray(0, 16));
    expect(Buffer.concat([decipher.update(raw.subarray(16)), decipher.final()]).toString('utf8')).toBe('Durand');
  });
});

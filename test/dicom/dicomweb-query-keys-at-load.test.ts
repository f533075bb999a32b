/**
 * Regression: `dicom.allowQueryKeys` was read at a policy's first DICOMweb request, not when the
 * gateway loaded its policies: an entry that is no DICOM key failed requests instead of start-up,
 * and nothing looked at what a listed key means for a partner who only sees de-identified values.
 * Now checked when the gateway is assembled (as `voile serve` does, from policy files): no DICOM key,
 * or a date the policy shifts per patient (no single date can be sent upstream), stops start-up
 * with POLICY_INVALID naming the policy and the key; and a listed UID key the profile remaps is
 * translated from its remapped value like the level UIDs.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleGateway } from '../../src/cli/gateway.js';
import { validateConfig } from '../../src/config/load.js';
import { translateQuery } from '../../src/dicomweb/query.js';
import { queryKeyPlanOf } from '../../src/dicomweb/query-keys.js';
import { makeIdentity } from './helpers.js';

async function assembleWith(dicom: string) {
  const baseDir = mkdtempSync(join(tmpdir(), 'voile-dicom-keys-'));
  const policiesDir = join(baseDir, 'policies');
  mkdirSync(policiesDir);
  writeFileSync(
    join(policiesDir, 'imaging-partner.yaml'),
    `kind: policy\nname: imaging-partner\nprofile: research-strict\nidentity: { domain: research }\nbind: { clients: [imaging-partner] }\ndicom:\n${dicom}\n`,
  );
  const { app } = await assembleGateway({
    baseDir,
    env: { VOILE_SECRET_RESEARCH: 'hex:' + '66'.repeat(32) },
    config: validateConfig({
      upstream: { fhir: { url: 'http://127.0.0.1:9/fhir', timeoutMs: 1000 }, dicomweb: { url: 'http://127.0.0.1:9/dicom-web' } },
      identity: { domains: { research: { secretEnv: 'VOILE_SECRET_RESEARCH' } } },
      store: { sqlite: { path: 'data/voile.db' } },
      policies: { dir: 'policies' },
      auth: { mode: 'none', policy: 'imaging-partner' },
      logging: { level: 'silent' },
    }),
  });
  return app;
}

describe('allowQueryKeys is checked when the gateway starts', () => {
  it('an entry that is no DICOM keyword or tag stops start-up', async () => {
    await expect(assembleWith('  allowQueryKeys: [NotAKeyword]')).rejects.toMatchObject({ code: 'POLICY_INVALID' });
  });

  it('a date shifted per patient stops start-up, naming the policy and the key', async () => {
    const err = await assembleWith('  options: [retainLongitudinalModifiedDates]\n  allowQueryKeys: [StudyDate]').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'POLICY_INVALID' });
    expect((err as Error).message).toContain('imaging-partner');
    expect((err as Error).message).toContain('StudyDate');
  });

  it('the same key without shifted dates, and the identity keys, are served', async () => {
    const app = await assembleWith('  allowQueryKeys: [StudyDate, AccessionNumber, StudyInstanceUID, PatientID, PatientName, FrameOfReferenceUID]');
    await app.close();
  });
});

describe('a listed UID key the profile remaps is matched on its remapped value', () => {
  it('FrameOfReferenceUID: the remapped value is translated, the real one matches nothing', async () => {
    const identity = makeIdentity();
    const keys = queryKeyPlanOf('imaging-partner', { allowQueryKeys: ['FrameOfReferenceUID'] });
    const ctx = { identity, retainUids: false, keys, patientOf: async () => undefined, maxLimit: 100 };
    const remapped = identity.remapUid('1.2.826.0.1.3680043.8.498.7750.9');
    await identity.flush();
    const translated = await translateQuery([['FrameOfReferenceUID', remapped]], ctx, []);
    expect(translated.matchesNothing).toBe(false);
    expect(translated.params.get('00200052')).toBe('1.2.826.0.1.3680043.8.498.7750.9');
    expect((await translateQuery([['FrameOfReferenceUID', '1.2.826.0.1.3680043.8.498.7750.9']], ctx, [])).matchesNothing).toBe(true);
  });

  it('under retainUIDs the partner sees real UIDs, and they are sent as they are', async () => {
    const keys = queryKeyPlanOf('imaging-partner', { options: ['retainUIDs'], allowQueryKeys: ['FrameOfReferenceUID'] });
    const ctx = { identity: makeIdentity(), retainUids: true, keys, patientOf: async () => undefined, maxLimit: 100 };
    const translated = await translateQuery([['FrameOfReferenceUID', '1.2.3'], ['StudyInstanceUID', '1.2.4']], ctx, []);
    expect(translated.params.get('00200052')).toBe('1.2.3');
    expect(translated.params.get('0020000D')).toBe('1.2.4');
  });
});

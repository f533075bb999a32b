/**
 * `voile anonymize dicom --policy` builds its de-identifier with the gateway's builder
 * (dicomDeidentifierFor), so the policy's patient linkage applies in batch: a linked patient gets
 * the pseudonym and date shift FHIR gives the same patient.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Tags, readPart10 } from '../../src/anonymize/dicom/index.js';
import { anonymizeDicomCommand } from '../../src/cli/anonymize-dicom.js';
import { Identity, shiftDicomDate } from '../../src/identity/index.js';
import { MemoryMappingStore } from '../../src/store/mapping-store.js';
import { FIXTURES, valueAt } from './helpers.js';

const SECRET = Buffer.alloc(32, 9);
const savedSecret = process.env.VOILE_SECRET;
const savedExitCode = process.exitCode;
let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'voile-batch-policy-'));
  mkdirSync(path.join(root, 'in'));
  copyFileSync(path.join(FIXTURES, 'CT_small.dcm'), path.join(root, 'in', 'ct.dcm'));
  process.env.VOILE_SECRET = `base64:${SECRET.toString('base64')}`;
});
afterAll(() => {
  if (savedSecret === undefined) delete process.env.VOILE_SECRET;
  else process.env.VOILE_SECRET = savedSecret;
  process.exitCode = savedExitCode;
});

function policyFile(name: string, dicom: string): string {
  const file = path.join(root, `${name}.yaml`);
  writeFileSync(
    file,
    [
      'kind: policy',
      `name: ${name}`,
      'profile: research-strict',
      'identity:',
      '  domain: batchtest',
      '  maxDateShiftDays: 365',
      'dicom:',
      ...dicom.split('\n').map((line) => `  ${line}`),
      '',
    ].join('\n'),
  );
  return file;
}

async function runBatch(policy: string): Promise<ReturnType<typeof readPart10>['dataset']> {
  const out = path.join(root, `out-${path.basename(policy)}`);
  await anonymizeDicomCommand(['--policy', policy, '--in', path.join(root, 'in'), '--out', out]);
  const files = readdirSync(out, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
  expect(files).toHaveLength(1);
  return readPart10(readFileSync(path.join(files[0]!.parentPath, files[0]!.name))).dataset;
}

describe('voile anonymize dicom --policy: patient linkage', () => {
  // CT_small.dcm: PatientID 1CT1, no IssuerOfPatientID, StudyDate 20040119.
  const identity = new Identity(SECRET, { store: new MemoryMappingStore(), maxDateShiftDays: 365 });

  it('PatientID-is-FHIR-id: the FHIR Patient\'s pseudonym and date shift', async () => {
    const dataset = await runBatch(policyFile('linked', 'options: [retainLongitudinalModifiedDates]\npatientLinkage: { map: PatientID-is-FHIR-id }'));
    expect(valueAt(dataset, Tags.PatientID)).toBe(identity.patientPseudonym('1CT1'));
    expect(valueAt(dataset, Tags.PatientName)).toBe(identity.patientPseudonym('1CT1'));
    expect(valueAt(dataset, 0x00080020)).toBe(shiftDicomDate('20040119', identity.dateShiftDays('1CT1')));
  });

  it('without linkage: the DICOM-only pseudonym', async () => {
    const dataset = await runBatch(policyFile('unlinked', 'options: [retainLongitudinalModifiedDates]'));
    expect(valueAt(dataset, Tags.PatientID)).toBe(identity.patientPseudonym('dicom::1CT1'));
    expect(valueAt(dataset, 0x00080020)).toBe(shiftDicomDate('20040119', identity.dateShiftDays('dicom::1CT1')));
  });

  it('a linkage limited to another issuer does not link', async () => {
    const dataset = await runBatch(policyFile('other-issuer', 'patientLinkage: { map: PatientID-is-FHIR-id, issuer: CHU }'));
    expect(valueAt(dataset, Tags.PatientID)).toBe(identity.patientPseudonym('dicom::1CT1'));
  });
});

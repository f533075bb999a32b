import { resolve } from 'node:path';
import { anonymizeDicomDirectory, dicomDeidentifierFor } from '../anonymize/dicom/index.js';
import { redactingTextDeidentifier } from '../anonymize/text/api.js';
import { parseCommandArgs, required } from './args.js';
import { batchIdentity, resolveBatchPolicy } from './batch-context.js';

const USAGE = `Usage: voile anonymize dicom [--policy NAME|FILE] --in DIR --out DIR [--store FILE.db]

De-identifies every Part-10 file under --in (PS3.15 Basic Profile plus the policy's DICOM options)
into --out/<study>/<series>/<instance>.dcm with remapped UIDs. Without --policy: the Basic Profile
alone. Instances that may carry burned-in text are withheld unless the policy allows them. The
policy's patientLinkage applies (PatientID-is-FHIR-identifier needs the gateway's FHIR side: in
batch, such patients keep a DICOM-only pseudonym).
  --store    SQLite file keeping the UID map (so the gateway can resolve the same UIDs later)`;

export async function anonymizeDicomCommand(argv: string[]): Promise<void> {
  const { values } = parseCommandArgs(argv, { policy: { type: 'string' }, in: { type: 'string' }, out: { type: 'string' }, store: { type: 'string' } }, USAGE);
  const inDir = required(values.in, '--in', USAGE);
  const outDir = required(values.out, '--out', USAGE);
  const { policy, domain } = resolveBatchPolicy(values.policy);
  const identity = batchIdentity(domain, values.store, policy?.identity.maxDateShiftDays);
  if (policy?.dicom?.patientLinkage?.map === 'PatientID-is-FHIR-identifier') {
    process.stderr.write('note: patientLinkage PatientID-is-FHIR-identifier needs the gateway\'s FHIR side; in batch, patients keep DICOM-only pseudonyms\n');
  }
  // The same builder as the gateway's: options, safe-private list, burned-in choice, patient linkage.
  const deidentifier = dicomDeidentifierFor(policy?.dicom, { identity, text: redactingTextDeidentifier });
  // Mappings are persisted before each file is written, so a crash never leaves an unresolvable UID.
  const report = await anonymizeDicomDirectory(resolve(inDir), resolve(outDir), deidentifier, { flush: () => identity.flush() });
  await identity.flush();
  process.stderr.write(`${JSON.stringify(report)}\n`);
  if (report.failed.length > 0) process.exitCode = 1;
}

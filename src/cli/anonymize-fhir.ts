import { resolve } from 'node:path';
import { createFhirAnonymizer } from '../anonymize/fhir/index.js';
import { redactingTextDeidentifier } from '../anonymize/text/api.js';
import { anonymizeFhirPath } from '../batch/fhir-files.js';
import { parseCommandArgs, required } from './args.js';
import { batchIdentity, resolveBatchPolicy } from './batch-context.js';

const USAGE = `Usage: voile anonymize fhir [--policy NAME|FILE] --in PATH --out PATH [--store FILE.db] [--keep-names]

  --policy   a policy name from policies/, a policy file, or a profile file (Voile profile or a
             Microsoft anonymizer configuration). Default: the strict default profile.
  --in       a resource file, a Bundle, an NDJSON file, or a folder of them
  --out      output file, or for a folder a flat folder of files named by position and resource
             type (000001.Patient.ndjson, 000002.Bundle.json …): input names can identify people
  --keep-names  keep the input folder's relative paths and file names instead
  --store    SQLite file keeping pseudonyms too long to be reversible (default: in memory)

The identity secret comes from VOILE_SECRET_<DOMAIN> (the policy's identity domain) or VOILE_SECRET.
Without one, a random secret is used and pseudonyms differ from run to run.`;

export async function anonymizeFhirCommand(argv: string[]): Promise<void> {
  const { values } = parseCommandArgs(argv, { policy: { type: 'string' }, in: { type: 'string' }, out: { type: 'string' }, store: { type: 'string' }, 'keep-names': { type: 'boolean' } }, USAGE);
  const inPath = required(values.in, '--in', USAGE);
  const outPath = required(values.out, '--out', USAGE);
  const { profile, policy, domain } = resolveBatchPolicy(values.policy);
  const identity = batchIdentity(domain, values.store, policy?.identity.maxDateShiftDays);
  const engine = createFhirAnonymizer(profile, { identity, text: redactingTextDeidentifier });
  const report = await anonymizeFhirPath(resolve(inPath), resolve(outPath), engine, { keepNames: values['keep-names'] === true });
  await identity.flush();
  process.stderr.write(`anonymized ${report.resourcesOut} of ${report.resourcesIn} resources in ${report.files} file(s); ${report.dropped} dropped by the profile\n`);
}

import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { createFhirAnonymizer, fromMicrosoftConfig } from '../anonymize/fhir/index.js';
import { readDataFile } from '../config/load.js';
import { redactingTextDeidentifier } from '../anonymize/text/api.js';
import { anonymizeFhirPath } from '../batch/fhir-files.js';
import { VoileError } from '../errors.js';
import { Identity, parseSecret, MIN_SECRET_BYTES } from '../identity/index.js';
import { findProfileFile, loadFhirProfileFile, loadPolicyFile, listDataFiles } from '../policy/registry.js';
import { MemoryMappingStore } from '../store/mapping-store.js';
import { SqliteMappingStore } from '../store/sqlite-mapping-store.js';
import { parseCommandArgs, required } from './args.js';
import { projectPath } from './paths.js';

const USAGE = `Usage: voile anonymize fhir [--policy NAME|FILE] --in PATH --out PATH [--store FILE.db]

  --policy   a policy name from policies/, a policy file, or a profile file (Voile profile or a
             Microsoft anonymizer configuration). Default: the strict default profile.
  --in       a resource file, a Bundle, an NDJSON file, or a folder of them
  --out      output file or folder (same layout as --in)
  --store    SQLite file keeping pseudonyms too long to be reversible (default: in memory)

The identity secret comes from VOILE_SECRET_<DOMAIN> (the policy's identity domain) or VOILE_SECRET.
Without one, a random secret is used and pseudonyms differ from run to run.`;

export async function anonymizeFhirCommand(argv: string[]): Promise<void> {
  const { values } = parseCommandArgs(argv, { policy: { type: 'string' }, in: { type: 'string' }, out: { type: 'string' }, store: { type: 'string' } }, USAGE);
  const inPath = required(values.in, '--in', USAGE);
  const outPath = required(values.out, '--out', USAGE);
  const { profile, domain } = resolveProfile(values.policy);
  const identity = new Identity(batchSecret(domain), { store: values.store ? new SqliteMappingStore(values.store) : new MemoryMappingStore() });
  const engine = createFhirAnonymizer(profile, { identity, text: redactingTextDeidentifier });
  const report = await anonymizeFhirPath(resolve(inPath), resolve(outPath), engine);
  await identity.flush();
  process.stderr.write(`anonymized ${report.resourcesOut} of ${report.resourcesIn} resources in ${report.files} file(s); ${report.dropped} dropped by the profile\n`);
}

function resolveProfile(ref: string | undefined) {
  const profilesDir = projectPath('profiles');
  if (ref === undefined) return { profile: loadFhirProfileFile(findProfileFile('research-strict', profilesDir)), domain: 'default' };
  if (existsSync(ref)) {
    // A file: a policy (kind: policy) or a profile (Voile or Microsoft format).
    const data = readDataFile(ref) as { kind?: unknown; fhirPathRules?: unknown };
    if (data.kind === 'policy') {
      const policy = loadPolicyFile(ref);
      return { profile: loadFhirProfileFile(findProfileFile(policy.profile, profilesDir)), domain: policy.identity.domain };
    }
    // Microsoft configurations keep their own semantics (default keep); the gateway never serves them.
    if (data.fhirPathRules !== undefined) return { profile: fromMicrosoftConfig(data), domain: 'default' };
    return { profile: loadFhirProfileFile(ref), domain: 'default' };
  }
  for (const file of listDataFiles(projectPath('policies'))) {
    const policy = loadPolicyFile(file);
    if (policy.name === ref) return { profile: loadFhirProfileFile(findProfileFile(policy.profile, profilesDir)), domain: policy.identity.domain };
  }
  throw new VoileError('BAD_REQUEST', `No policy named '${ref}' in policies/ and no such file`);
}

function batchSecret(domain: string): Buffer {
  const text = process.env[`VOILE_SECRET_${domain.toUpperCase().replaceAll('-', '_')}`] ?? process.env.VOILE_SECRET;
  if (text === undefined) {
    process.stderr.write('note: no VOILE_SECRET set; using a random secret (pseudonyms will not match other runs)\n');
    return randomBytes(32);
  }
  const secret = parseSecret(text);
  if (secret.length < MIN_SECRET_BYTES) throw new VoileError('CONFIG_INVALID', `The secret must be at least ${MIN_SECRET_BYTES} bytes`);
  return secret;
}

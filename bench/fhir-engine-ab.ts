/**
 * A/B of the FHIR rule engine: the working tree against the source of a git ref (default HEAD), in
 * one process, rounds alternated (old, new, new, old…) so that a shared machine slows both alike.
 * CPU ms per 50-entry page of the demo cohort (anonymizeMany, and anonymize of the search Bundle),
 * best and median of the rounds, for research-strict and safe-harbor. Run:
 * `npx tsx bench/fhir-engine-ab.ts [ref] [iterations per round]` (BENCH_ROUNDS rounds, default 20;
 * BENCH_TYPE the cohort's resource type, default Observation). The ref's src/ is extracted to a
 * temporary folder, its identity and store included, so each side runs its own code throughout.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import type { Resource } from '@medplum/fhirtypes';
import { createFhirAnonymizer } from '../src/anonymize/fhir/index.js';
import { redactingTextDeidentifier } from '../src/anonymize/text/api.js';
import { generateCohort } from '../src/demo/cohort.js';
import { Identity } from '../src/identity/index.js';
import type { FhirProfile } from '../src/policy/types.js';
import { MemoryMappingStore } from '../src/store/mapping-store.js';

type Anonymizer = ReturnType<typeof createFhirAnonymizer>;
type Side = 'old' | 'new';

const ref = process.argv[2] ?? 'HEAD';
const iterations = Number(process.argv[3] ?? 200);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 20);
const TYPE = process.env.BENCH_TYPE ?? 'Observation';

/** The ref's src/, runnable by tsx: an ESM package next to the working tree's node_modules. */
function extractRef(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'voile-ab-'));
  execFileSync('sh', ['-c', `git archive ${JSON.stringify(ref)} src | tar -x -C ${JSON.stringify(dir)}`]);
  writeFileSync(path.join(dir, 'package.json'), '{"type":"module"}');
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  return dir;
}

async function oldAnonymizer(dir: string, profile: FhirProfile): Promise<Anonymizer> {
  const load = (file: string) => import(pathToFileURL(path.join(dir, 'src', file)).href);
  const [{ createFhirAnonymizer: create }, { Identity: OldIdentity }, { MemoryMappingStore: OldStore }] = await Promise.all([
    load('anonymize/fhir/index.ts'),
    load('identity/index.ts'),
    load('store/mapping-store.ts'),
  ]);
  return create(profile, { identity: new OldIdentity(Buffer.alloc(32, 1), { store: new OldStore() }), text: redactingTextDeidentifier });
}

function stats(values: number[]): { best: number; median: number } {
  const sorted = [...values].sort((a, b) => a - b);
  return { best: sorted[0]!, median: sorted[Math.floor(sorted.length / 2)]! };
}

const page = generateCohort().resources.filter((r) => r.resourceType === TYPE).slice(0, 50) as Resource[];
const bundle = {
  resourceType: 'Bundle',
  type: 'searchset',
  total: page.length,
  entry: page.map((resource) => ({ fullUrl: `https://ehr.example.org/fhir/${TYPE}/${resource.id}`, resource, search: { mode: 'match' } })),
} as Resource;
const cases: [string, (a: Anonymizer) => Promise<unknown>][] = [
  ['anonymizeMany', (a) => a.anonymizeMany!(page)],
  ['Bundle', (a) => a.anonymize(bundle)],
];

/**
 * CPU ms per call of `run` on each side, one figure per round, the sides alternated. In a function,
 * not at the module's top level: measured there (inside a try), the new engine ran ~30 % slower
 * than in the gateway or in a function, and both sides came out equal.
 */
async function measure(sides: Record<Side, Anonymizer>, run: (a: Anonymizer) => Promise<unknown>): Promise<Record<Side, number[]>> {
  for (const side of Object.values(sides)) for (let i = 0; i < 300; i++) await run(side); // warm-up
  const ms: Record<Side, number[]> = { old: [], new: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const side of round % 2 === 0 ? (['old', 'new'] as const) : (['new', 'old'] as const)) {
      const start = process.cpuUsage();
      for (let i = 0; i < iterations; i++) await run(sides[side]);
      const cpu = process.cpuUsage(start);
      ms[side].push((cpu.user + cpu.system) / 1000 / iterations);
    }
  }
  return ms;
}

function report(name: string, label: string, ms: Record<Side, number[]>): void {
  const [o, n] = [stats(ms.old), stats(ms.new)];
  const change = (a: number, b: number) => `${b < a ? '' : '+'}${((100 * (b - a)) / a).toFixed(1)} %`;
  console.log(
    `${name.padEnd(16)} ${label.padEnd(13)} best ${o.best.toFixed(3)} -> ${n.best.toFixed(3)} ms (${change(o.best, n.best)})   median ${o.median.toFixed(3)} -> ${n.median.toFixed(3)} ms (${change(o.median, n.median)})`,
  );
}

const dir = extractRef();
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
console.log(`${ref} (old) vs working tree (new), 50 ${TYPE} of the demo cohort, ${ROUNDS} alternated rounds of ${iterations}`);
for (const name of ['research-strict', 'safe-harbor']) {
  const profile = parse(readFileSync(path.resolve('profiles/fhir', `${name}.yaml`), 'utf8')) as FhirProfile;
  const sides: Record<Side, Anonymizer> = {
    old: await oldAnonymizer(dir, profile),
    new: createFhirAnonymizer(profile, { identity: new Identity(Buffer.alloc(32, 1), { store: new MemoryMappingStore() }), text: redactingTextDeidentifier }),
  };
  for (const [label, run] of cases) {
    if (JSON.stringify(await run(sides.old)) !== JSON.stringify(await run(sides.new))) console.log(`  ${name} ${label}: OUTPUTS DIFFER`);
    report(name, label, await measure(sides, run));
  }
}

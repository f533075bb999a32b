import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anonymizeFhirCommand } from '../../src/cli/anonymize-fhir.js';

const run = promisify(execFile);
const patient = {
  resourceType: 'Patient',
  id: 'pat-1',
  name: [{ family: 'Durand-Villeneuve', given: ['Apolline'] }],
  birthDate: '1961-03-14',
  gender: 'female',
  telecom: [{ system: 'phone', value: '+33 6 12 34 56 78' }],
};
const observation = {
  resourceType: 'Observation',
  id: 'obs-1',
  status: 'final',
  code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
  subject: { reference: 'Patient/pat-1', display: 'Apolline Durand-Villeneuve' },
  effectiveDateTime: '2023-05-02T10:00:00Z',
  valueQuantity: { value: 72, unit: '/min' },
};

describe('voile anonymize fhir (batch)', () => {
  let dir: string;
  const savedSecret = process.env.VOILE_SECRET;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'voile-batch-'));
    process.env.VOILE_SECRET = 'base64:' + Buffer.alloc(32, 9).toString('base64');
  });
  afterAll(() => {
    if (savedSecret === undefined) delete process.env.VOILE_SECRET;
    else process.env.VOILE_SECRET = savedSecret;
  });

  it('anonymizes a Bundle file with the strict default profile, consistently', async () => {
    const input = join(dir, 'bundle.json');
    writeFileSync(input, JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: patient }, { resource: observation }] }));
    const out = join(dir, 'bundle.out.json');
    await anonymizeFhirCommand(['--in', input, '--out', out]);
    const text = readFileSync(out, 'utf8');
    for (const secret of ['Durand', 'Apolline', '1961-03-14', '12 34 56 78', 'pat-1']) expect(text).not.toContain(secret);
    const bundle = JSON.parse(text);
    const [p, o] = bundle.entry.map((e: { resource: unknown }) => e.resource);
    expect(p.resourceType).toBe('Patient');
    expect(o.subject.reference).toBe(`Patient/${p.id}`);
    expect(o.subject.display).toBeUndefined();
  });

  it('streams a folder of NDJSON files, keeping the layout when asked (--keep-names)', async () => {
    const inDir = join(dir, 'export');
    mkdirSync(join(inDir, 'sub'), { recursive: true });
    writeFileSync(join(inDir, 'Patient.ndjson'), `${JSON.stringify(patient)}\n`);
    writeFileSync(join(inDir, 'sub', 'Observation.ndjson'), `${JSON.stringify(observation)}\n\n${JSON.stringify({ ...observation, id: 'obs-2' })}\n`);
    const outDir = join(dir, 'export-out');
    await anonymizeFhirCommand(['--in', inDir, '--out', outDir, '--keep-names']);
    const observations = readFileSync(join(outDir, 'sub', 'Observation.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    const [p] = readFileSync(join(outDir, 'Patient.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(observations).toHaveLength(2);
    expect(observations.every((o) => o.subject.reference === `Patient/${p.id}`)).toBe(true);
    expect(observations[0].id).not.toBe(observations[1].id);
  });

  it('does not carry identifying input file and folder names into a folder output by default', async () => {
    const inDir = join(dir, 'named');
    mkdirSync(join(inDir, 'Durand-Villeneuve'), { recursive: true });
    writeFileSync(join(inDir, 'Durand-Villeneuve', 'apolline-1961-03-14.ndjson'), `${JSON.stringify(observation)}\n${JSON.stringify(patient)}\n`);
    writeFileSync(join(inDir, 'Durand-Villeneuve', 'pat-1.json'), JSON.stringify(patient));
    writeFileSync(join(inDir, 'zz-obs.jsonl'), `${JSON.stringify(observation)}\n`);
    const outDir = join(dir, 'named-out');
    await anonymizeFhirCommand(['--in', inDir, '--out', outDir]);
    const names = readdirSync(outDir, { recursive: true }).map(String).sort();
    // Sorted input order: the NDJSON of two types, then the single Patient file, then the JSONL.
    expect(names).toEqual(['000001.mixed.ndjson', '000002.Patient.json', '000003.Observation.jsonl']);
    for (const name of names) for (const secret of ['Durand', 'apolline', '1961', 'pat-1']) expect(name).not.toContain(secret);
    const [o, p] = readFileSync(join(outDir, '000001.mixed.ndjson'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(o.subject.reference).toBe(`Patient/${p.id}`);
  });

  it('writes nothing anywhere for a hostile resourceType', async () => {
    const inDir = join(dir, 'hostile');
    mkdirSync(inDir, { recursive: true });
    writeFileSync(join(inDir, 'x.ndjson'), `${JSON.stringify({ resourceType: '../../escape', id: 'a' })}\n`);
    const outDir = join(dir, 'hostile-out');
    // The engine refuses the unknown type; the partial output must not have been placed outside outDir either.
    await expect(anonymizeFhirCommand(['--in', inDir, '--out', outDir])).rejects.toThrow();
    expect(readdirSync(dir).filter((n) => n.includes('escape'))).toEqual([]);
    expect(existsSync(outDir) ? readdirSync(outDir, { recursive: true }) : []).toEqual([]);
  });

  it('refuses malformed JSON and leaves no partial output', async () => {
    const input = join(dir, 'bad.ndjson');
    writeFileSync(input, `${JSON.stringify(patient)}\n{"resourceType": "Patient", "name": [{"family": "Leak"\n`);
    const out = join(dir, 'bad.out.ndjson');
    await expect(anonymizeFhirCommand(['--in', input, '--out', out])).rejects.toThrow(/line 2 is not valid JSON/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });

  it('accepts a Microsoft anonymizer configuration as the profile', async () => {
    const input = join(dir, 'p.json');
    writeFileSync(input, JSON.stringify(patient));
    const out = join(dir, 'p.ms.json');
    await anonymizeFhirCommand(['--policy', '../shared/reference/ms-fhir-anonymizer/configurations/common-config.json', '--in', input, '--out', out]);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain('Durand');
    expect(JSON.parse(text).resourceType).toBe('Patient');
  });
});

describe('voile CLI process', () => {
  it('exits non-zero with the path and reason of every configuration error', async () => {
    const cfg = join(mkdtempSync(join(tmpdir(), 'voile-cli-')), 'voile.yaml');
    writeFileSync(cfg, 'upstream: { fhir: { url: "not a url" } }\nidentity: { domains: {} }\nlisten: { port: -1 }\n');
    const err = await run('npx', ['tsx', 'src/cli/main.ts', 'serve', '--config', cfg]).then(
      () => undefined,
      (e: { code: number; stderr: string }) => e,
    );
    expect(err?.code).toBe(1);
    expect(err?.stderr).toContain('/upstream/fhir/url');
    expect(err?.stderr).toContain('/listen/port');
    expect(err?.stderr).toContain('/identity/domains');
  });
});

import { readdir } from 'node:fs/promises';
import type { Observation, Resource } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haystackOf, LeakDetector } from '../e2e/support/leaks.js';
import { downloadAll, startBulkStack, type BulkStack, type Manifest } from './support/stack.js';

/**
 * $export end to end: a real HTTP client kicks off, polls and downloads through the gateway in
 * front of the embedded demo upstream (30 generated patients, demo-research policy).
 */
const GROUP_MEMBERS = 5;
let stack: BulkStack;
let systemManifest: Manifest;
let systemResources: Resource[];

beforeAll(async () => {
  // The demo cohort has no Group: add one over the first patients, as a hospital would define a study cohort.
  const cohortPatients = (await import('../../src/demo/cohort.js')).generateCohort({ seed: 42, patients: 30 }).patients;
  stack = await startBulkStack({
    patients: 30,
    // A patient-facing app: patient-level scopes bound to the second patient.
    clients: { 'patient-app': { scopes: ['patient/*.rs'], patientId: cohortPatients[1]!.id } },
    extraResources: [
      {
        resourceType: 'Group',
        id: 'study-cohort-a',
        type: 'person',
        actual: true,
        member: cohortPatients.slice(0, GROUP_MEMBERS).map((p) => ({ entity: { reference: `Patient/${p.id}` } })),
      },
    ],
  });
  systemManifest = await stack.waitForManifest(await stack.kickoff('$export'));
  systemResources = await downloadAll(stack, systemManifest);
});
afterAll(async () => stack?.close());

/** What the demo-research profile releases (read from the loaded policy, not restated here). */
const released = () => [...stack.policy.fhir.resourceTypes!];

function cohortCount(type: string): number {
  return stack.cohort.resources.filter((r) => r.resourceType === type).length;
}

function pseudonymOf(reference: string | undefined): string | undefined {
  return /^Patient\/(.+)$/.exec(reference ?? '')?.[1];
}

describe('system-level $export', () => {
  it('answers the status URL with a manifest whose file URLs point at the gateway', () => {
    expect(systemManifest.requiresAccessToken).toBe(true);
    expect(systemManifest.request).toBe(`${stack.base}/$export`);
    expect(Number.isNaN(Date.parse(systemManifest.transactionTime))).toBe(false);
    expect(systemManifest.error).toEqual([]);
    for (const file of systemManifest.output) {
      expect(file.url.startsWith(`${stack.base}/$export-file/`)).toBe(true);
      expect(file.url).not.toContain(new URL(stack.upstream.url).host);
    }
  });

  it('exports every resource of every released type, and only those', () => {
    const types = new Set(systemManifest.output.map((o) => o.type));
    for (const type of types) expect(released()).toContain(type);
    for (const type of released()) {
      const count = systemManifest.output.find((o) => o.type === type)?.count ?? 0;
      expect(count, type).toBe(cohortCount(type));
    }
    // The Group exists upstream but the profile does not release it.
    expect(cohortCount('Group')).toBe(1);
    expect(released()).not.toContain('Group');
    expect(types.has('Group')).toBe(false);
  });

  it('serves files as application/fhir+ndjson', async () => {
    const res = await stack.get(systemManifest.output[0]!.url);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/fhir+ndjson');
  });

  it('writes anonymized resources only: no identifying value of the generator in any line', () => {
    const detector = new LeakDetector(stack.cohort.identifying);
    const realIds = new Set(stack.cohort.resources.map((r) => r.id));
    for (const resource of systemResources) {
      expect(detector.find(haystackOf(JSON.stringify(resource)))).toEqual([]);
      expect(realIds.has(resource.id)).toBe(false);
      expect(resource.meta?.security?.length ?? 0).toBeGreaterThan(0);
    }
  });

  it('uses the same pseudonyms as /fhir reads, and its references resolve through the gateway', async () => {
    const search = await stack.get(`${stack.base}/Patient?_count=200`);
    const viaProxy = (JSON.parse(search.text) as { entry: { resource: Resource }[] }).entry.map((e) => e.resource.id).sort();
    const viaExport = systemResources.filter((r) => r.resourceType === 'Patient').map((r) => r.id).sort();
    expect(viaExport).toEqual(viaProxy);

    const observation = systemResources.find((r): r is Observation => r.resourceType === 'Observation')!;
    const read = await stack.get(`${stack.base}/Observation/${observation.id}`);
    expect(read.status).toBe(200);
    expect(JSON.parse(read.text)).toEqual(observation);
    const subject = pseudonymOf(observation.subject?.reference);
    expect(viaExport).toContain(subject);
    expect((await stack.get(`${stack.base}/Patient/${subject}`)).status).toBe(200);
  });
});

describe('$export parameters', () => {
  it('_type narrows the export to the listed types', async () => {
    const manifest = await stack.waitForManifest(await stack.kickoff('$export?_type=Condition,Encounter'));
    expect(manifest.output.map((o) => o.type).sort()).toEqual(['Condition', 'Encounter']);
    expect(manifest.output.find((o) => o.type === 'Condition')!.count).toBe(cohortCount('Condition'));
    expect(manifest.request).toBe(`${stack.base}/$export?_type=Condition,Encounter`);
  });

  it('a _type the profile does not release is refused (403), not silently exported', async () => {
    const res = await stack.get(`${stack.base}/$export?_type=Group`, 'alpha', { prefer: 'respond-async' });
    expect(res.status).toBe(403);
  });

  it('_typeFilter exports only what the filter matches, through the search guard', async () => {
    const codes = systemResources.filter((r): r is Observation => r.resourceType === 'Observation').map((o) => o.code?.coding?.[0]?.code);
    const code = codes.find((c) => c !== undefined)!;
    const expected = codes.filter((c) => c === code).length;
    const filter = encodeURIComponent(`Observation?code=${encodeURIComponent(code)}`);
    const manifest = await stack.waitForManifest(await stack.kickoff(`$export?_type=Observation&_typeFilter=${filter}`));
    const resources = await downloadAll(stack, manifest);
    expect(resources.length).toBe(expected);
    expect(resources.every((r) => (r as Observation).code?.coding?.[0]?.code === code)).toBe(true);
  });

  it('_typeFilter translates pseudonymous references like a search does', async () => {
    const patient = systemResources.find((r) => r.resourceType === 'Patient')!;
    const expected = systemResources.filter((r) => r.resourceType === 'Condition' && pseudonymOf((r as { subject?: { reference?: string } }).subject?.reference) === patient.id);
    const filter = encodeURIComponent(`Condition?subject=Patient/${patient.id}`);
    const manifest = await stack.waitForManifest(await stack.kickoff(`$export?_type=Condition&_typeFilter=${filter}`));
    const resources = await downloadAll(stack, manifest);
    expect(resources.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(resources.length).toBeGreaterThan(0);
  });

  it('_since compares with the upstream lastUpdated (the demo cohort was last updated 2025-06-01)', async () => {
    const before = await stack.waitForManifest(await stack.kickoff('$export?_type=Condition&_since=2025-01-01T00:00:00Z'));
    expect(before.output.find((o) => o.type === 'Condition')?.count).toBe(cohortCount('Condition'));
    const after = await stack.waitForManifest(await stack.kickoff('$export?_type=Condition&_since=2025-07-01T00:00:00Z'));
    expect(after.output).toEqual([]);
  });
});

describe('Patient- and Group-level $export', () => {
  it('Patient/$export exports the patient compartments', async () => {
    const manifest = await stack.waitForManifest(await stack.kickoff('Patient/$export?_type=Patient,Condition,Observation'));
    expect(manifest.output.map((o) => o.type).sort()).toEqual(['Condition', 'Observation', 'Patient']);
    for (const type of ['Patient', 'Condition', 'Observation']) expect(manifest.output.find((o) => o.type === type)!.count).toBe(cohortCount(type));
    const resources = await downloadAll(stack, manifest);
    const fromSystem = new Set(systemResources.map((r) => `${r.resourceType}/${r.id}`));
    for (const r of resources) expect(fromSystem.has(`${r.resourceType}/${r.id}`)).toBe(true);
  });

  it('refuses types outside the patient compartment at Patient level', async () => {
    const res = await stack.get(`${stack.base}/Patient/$export?_type=Organization`, 'alpha', { prefer: 'respond-async' });
    expect(res.status).toBe(400);
  });

  it('Group/{pseudonym}/$export exports the members only', async () => {
    const groupPseudonym = stack.policy.identity.pseudonymizeId('Group', 'study-cohort-a');
    const manifest = await stack.waitForManifest(await stack.kickoff(`Group/${groupPseudonym}/$export`));
    const resources = await downloadAll(stack, manifest);
    const members = stack.cohort.patients.slice(0, GROUP_MEMBERS).map((p) => stack.policy.identity.pseudonymizeId('Patient', p.id));
    const patients = resources.filter((r) => r.resourceType === 'Patient').map((r) => r.id);
    expect(patients.sort()).toEqual([...members].sort());
    for (const r of resources) {
      if (r.resourceType === 'Patient') continue;
      const subject = pseudonymOf((r as { subject?: { reference?: string } }).subject?.reference);
      expect(members).toContain(subject);
    }
    expect(resources.some((r) => r.resourceType === 'Observation')).toBe(true);
    expect(resources.some((r) => r.resourceType === 'Group')).toBe(false);
  });

  it('a forged or foreign Group pseudonym is a plain 404', async () => {
    const real = await stack.get(`${stack.base}/Group/study-cohort-a/$export`, 'alpha', { prefer: 'respond-async' });
    expect(real.status).toBe(404);
    const forged = await stack.get(`${stack.base}/Group/Rabcdefghijklmnopqrstuv/$export`, 'alpha', { prefer: 'respond-async' });
    expect(forged.status).toBe(404);
    const asPatient = stack.policy.identity.pseudonymizeId('Patient', stack.cohort.patients[0]!.id);
    expect((await stack.get(`${stack.base}/Group/${asPatient}/$export`, 'alpha', { prefer: 'respond-async' })).status).toBe(404);
  });
});

describe('patient-level scopes', () => {
  it('confine every export level to the bound patient', async () => {
    const own = stack.policy.identity.pseudonymizeId('Patient', stack.cohort.patients[1]!.id);
    for (const kickoff of ['$export?_type=Patient,Condition,Observation', 'Patient/$export?_type=Patient,Condition,Observation']) {
      const manifest = await stack.waitForManifest(await stack.kickoff(kickoff, 'patient-app'), 'patient-app');
      const resources = await downloadAll(stack, manifest, 'patient-app');
      expect(resources.filter((r) => r.resourceType === 'Patient').map((r) => r.id)).toEqual([own]);
      const others = resources.filter((r) => r.resourceType !== 'Patient');
      expect(others.length).toBeGreaterThan(0);
      for (const r of others) expect(pseudonymOf((r as { subject?: { reference?: string } }).subject?.reference)).toBe(own);
    }
  });
});

describe('jobs belong to the client that started them', () => {
  it('another client gets 404 for the status, the files and DELETE', async () => {
    const statusUrl = await stack.kickoff('$export?_type=Condition');
    const manifest = await stack.waitForManifest(statusUrl);
    expect((await stack.get(statusUrl, 'beta')).status).toBe(404);
    expect((await stack.get(manifest.output[0]!.url, 'beta')).status).toBe(404);
    expect((await stack.del(statusUrl, 'beta')).status).toBe(404);
    expect((await stack.get(manifest.output[0]!.url, 'alpha')).status).toBe(200);
  });

  it('an unknown or malformed job id is a 404', async () => {
    expect((await stack.get(`${stack.base}/$export-status/AAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
    expect((await stack.get(`${stack.base}/$export-status/not-a-job`)).status).toBe(404);
    expect((await stack.get(`${stack.base}/$export-file/AAAAAAAAAAAAAAAAAAAAAA/1.ndjson`)).status).toBe(404);
  });
});

describe('DELETE on the status URL', () => {
  it('cancels a running job and removes its files', async () => {
    const statusUrl = await stack.kickoff('$export');
    const id = statusUrl.split('/').pop()!;
    expect((await stack.get(statusUrl)).status).toBe(202); // still running: ~800 resources to write
    expect((await stack.del(statusUrl)).status).toBe(202);
    expect((await stack.get(statusUrl)).status).toBe(404);
    expect(await readdir(stack.dir)).not.toContain(id);
    // The gateway serves new jobs after a cancellation.
    await stack.waitForManifest(await stack.kickoff('$export?_type=Condition'));
  });

  it('deletes the files of a finished job', async () => {
    const statusUrl = await stack.kickoff('$export?_type=Condition');
    const manifest = await stack.waitForManifest(statusUrl);
    const id = statusUrl.split('/').pop()!;
    expect(await readdir(stack.dir)).toContain(id);
    expect((await stack.del(statusUrl)).status).toBe(202);
    expect((await stack.get(manifest.output[0]!.url)).status).toBe(404);
    expect(await readdir(stack.dir)).not.toContain(id);
  });
});

describe('bad kick-off requests get a clear 400', () => {
  const kickoff = (query: string, prefer = true) => stack.get(`${stack.base}/$export${query}`, 'alpha', prefer ? { prefer: 'respond-async' } : {});
  const diagnostics = (text: string) => (JSON.parse(text) as { issue: { diagnostics: string }[] }).issue[0]!.diagnostics;

  it('without Prefer: respond-async', async () => {
    const res = await kickoff('', false);
    expect(res.status).toBe(400);
    expect(diagnostics(res.text)).toMatch(/Prefer: respond-async/);
  });

  it('with an unknown _type', async () => {
    const res = await kickoff('?_type=Patient,NotAType');
    expect(res.status).toBe(400);
    expect(diagnostics(res.text)).toMatch(/unknown resource type/);
    expect(res.text).not.toContain('NotAType');
  });

  it('with an identity-probing _typeFilter', async () => {
    const someone = stack.cohort.identifying.find((v) => v.kind === 'name')!.value;
    const res = await kickoff(`?_typeFilter=${encodeURIComponent(`Patient?name=${encodeURIComponent(someone)}`)}`);
    expect(res.status).toBe(400);
    expect(diagnostics(res.text)).toMatch(/could identify a person/);
    expect(res.text).not.toContain(someone);
  });

  it('with a date _typeFilter across patients (dates are shifted per patient)', async () => {
    const res = await kickoff(`?_typeFilter=${encodeURIComponent('Observation?date=ge2020-01-01')}`);
    expect(res.status).toBe(400);
  });

  it('with a _typeFilter carrying result parameters or on a type not exported', async () => {
    expect((await kickoff(`?_typeFilter=${encodeURIComponent('Observation?_include=Observation:subject')}`)).status).toBe(400);
    expect((await kickoff(`?_type=Condition&_typeFilter=${encodeURIComponent('Observation?code=x')}`)).status).toBe(400);
  });

  it('with another _outputFormat, a malformed _since, or an unknown parameter', async () => {
    expect((await kickoff('?_outputFormat=text/csv')).status).toBe(400);
    expect((await kickoff('?_since=yesterday')).status).toBe(400);
    expect((await kickoff('?_since=2999-01-01T00:00:00Z')).status).toBe(400);
    expect((await kickoff('?patient=Patient/x')).status).toBe(400);
  });

  it('accepts the NDJSON output formats', async () => {
    const res = await kickoff('?_type=Condition&_outputFormat=application%2Ffhir%2Bndjson');
    expect(res.status).toBe(202);
    await stack.waitForManifest(String(res.headers['content-location']));
  });
});

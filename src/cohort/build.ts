import type { Resource } from '@medplum/fhirtypes';
import { buildAvatarReport, generateAvatars, generateAvatarsWith, splitForEvaluation } from '../anonymize/embedding/index.js';
import type { AvatarOptions, AvatarReport, NeighbourSearch, Table } from '../anonymize/embedding/index.js';
import { VoileError, toVoileError } from '../errors.js';
import type { Identity } from '../identity/index.js';
import type { Policy } from '../policy/types.js';
import type { FhirUpstream } from '../upstream/fhir-upstream.js';
import { LOINC, checkAvatarSection, columnSpecs, extractFeatures, patientIdOf, quasiIdentifierColumns, sourceKind } from './features.js';
import type { PatientRecord } from './features.js';
import type { AvatarBuildStore } from './store.js';

/**
 * `voile cohort build`: reads a policy's avatar cohort from the upstream FHIR server, turns each
 * patient into a feature row, generates one avatar per patient (seeded by the policy's identity
 * secret, so a rebuild on the same data reproduces the same avatars), measures privacy and utility,
 * and replaces the policy's stored build. The caller audits the rebuild.
 */
export interface CohortBuildOptions {
  readonly policy: Policy;
  readonly identity: Identity;
  readonly upstream: FhirUpstream;
  readonly store: AvatarBuildStore;
  /** Neighbour search of the avatar generation; default the store's, else the embedded KD-tree. */
  readonly neighbourSearch?: NeighbourSearch;
  /** Patients per upstream search of their Observations/Conditions. Default 50. */
  readonly batchSize?: number;
  readonly now?: () => Date;
}

export interface CohortBuildResult {
  readonly policy: string;
  readonly patients: number;
  readonly columns: readonly string[];
  readonly builtAt: string;
  readonly report: AvatarReport;
}

const PAGE_SIZE = 200;
/** Guards against an upstream whose `next` links never end. */
const MAX_PAGES = 100_000;
/** Share of patients held out as control for the report's attacks (as in `voile avatarize`). */
const CONTROL_FRACTION = 0.3;

export async function buildCohort(options: CohortBuildOptions): Promise<CohortBuildResult> {
  const { policy, identity, upstream, store } = options;
  const section = policy.avatar;
  if (!section) throw new VoileError('BAD_REQUEST', `Policy '${policy.name}' has no avatar section`);
  checkAvatarSection(section);

  const patients = await readCohortPatients(section.cohort, upstream, identity);
  const records = await readRecords(patients, section, upstream, options.batchSize ?? 50);

  const realIds = [...records.keys()].sort();
  const features = realIds.map((id) => extractFeatures(section, records.get(id)!));
  const table: Table = { columns: columnSpecs(section), rows: features.map((f) => f.row) };
  const seed = identity.seed('avatar-seed', policy.name);
  const weighting = { dominance: section.dominance ?? 2, categoricalDecoding: section.categoricalDecoding ?? 'most-likely' } as const;

  // Every neighbour search gives the same neighbours, so the choice changes where the search runs,
  // never the avatars.
  const search = options.neighbourSearch ?? store.neighbourSearch;
  const generate = async (t: Table, o: AvatarOptions): Promise<Table> => (search ? (await generateAvatarsWith(t, o, search)).avatars : generateAvatars(t, o).avatars);
  let report: AvatarReport;
  let avatars: Table;
  try {
    avatars = await generate(table, { k: section.k, ncp: section.ncp, seed, ...weighting });
    const { train, control } = splitForEvaluation(table, CONTROL_FRACTION, seed ^ 0x5eed);
    const evaluation =
      train.rows.length > section.k && control.rows.length >= 10
        ? { original: train, avatars: await generate(train, { k: section.k, ncp: section.ncp, seed, ...weighting }), control }
        : undefined;
    report = buildAvatarReport({
      original: table,
      avatars,
      parameters: { k: section.k, ncp: section.ncp },
      seed,
      quasiIdentifiers: quasiIdentifierColumns(section),
      ...(evaluation && { evaluation }),
    });
  } catch (err) {
    // The numeric core's RangeErrors carry no data; callers get one clean code.
    throw err instanceof RangeError ? new VoileError('BAD_REQUEST', 'The cohort cannot be avatarized with these parameters', { cause: err }) : toVoileError(err, 'INTERNAL');
  }

  const builtAt = (options.now?.() ?? new Date()).toISOString();
  await store.replaceBuild({
    policy: policy.name,
    builtAt,
    referenceDate: section.referenceDate,
    columns: table.columns,
    parameters: { k: section.k, ncp: section.ncp, seed, ...weighting },
    report,
    patients: realIds.map((realId, i) => ({ realId, values: avatars.rows[i]!, latestObservations: features[i]!.latestObservations })),
  });
  return { policy: policy.name, patients: realIds.length, columns: table.columns.map((c) => c.name), builtAt, report };
}

/** The cohort's Patient resources, by real id. */
async function readCohortPatients(cohort: NonNullable<Policy['avatar']>['cohort'], upstream: FhirUpstream, identity: Identity): Promise<Map<string, Resource>> {
  const patients = new Map<string, Resource>();
  if ('search' in cohort) {
    const search = cohort.search.includes('?') ? cohort.search : `${cohort.search}?`;
    for await (const r of searchAll(upstream, withCount(search))) if (r.resourceType === 'Patient' && r.id) patients.set(r.id, r);
    return patients;
  }
  const groupId = await identity.resolveId('Group', cohort.group);
  if (groupId === undefined) throw new VoileError('NOT_FOUND', 'The cohort Group is unknown');
  const { body } = await upstream.getJson(`Group/${encodeURIComponent(groupId)}`);
  const members = (body as { resourceType?: string; member?: { entity?: { reference?: string } }[] }) ?? {};
  if (members.resourceType !== 'Group') throw new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream did not return a Group');
  const ids = (members.member ?? [])
    .map((m) => patientIdOf({ resourceType: 'Observation', subject: m.entity } as Resource))
    .filter((id): id is string => id !== undefined);
  for (let i = 0; i < ids.length; i += 50) {
    const batch = ids.slice(i, i + 50).map(encodeURIComponent).join(',');
    for await (const r of searchAll(upstream, `Patient?_id=${batch}&_count=${PAGE_SIZE}`)) if (r.resourceType === 'Patient' && r.id) patients.set(r.id, r);
  }
  return patients;
}

async function readRecords(patients: Map<string, Resource>, section: NonNullable<Policy['avatar']>, upstream: FhirUpstream, batchSize: number): Promise<Map<string, PatientRecord>> {
  const kinds = section.columns.map((c) => ({ kind: sourceKind(c.source), source: c.source }));
  const loincCodes = [...new Set(kinds.flatMap((k) => (k.kind === 'latestObservation' ? [(k.source as { latestObservation: string }).latestObservation] : [])))];
  const needConditions = kinds.some((k) => k.kind === 'conditionFlag');
  const countTypes = [...new Set(kinds.flatMap((k) => (k.kind === 'count' ? [(k.source as { count: string }).count] : [])))];

  const observations = new Map<string, Resource[]>();
  const conditions = new Map<string, Resource[]>();
  const counted = new Map<string, Map<string, Resource[]>>();
  const ids = [...patients.keys()];
  for (let i = 0; i < ids.length; i += batchSize) {
    const subjects = ids.slice(i, i + batchSize).map((id) => encodeURIComponent(`Patient/${id}`)).join(',');
    if (loincCodes.length > 0) {
      const codes = loincCodes.map((c) => encodeURIComponent(`${LOINC}|${c}`)).join(',');
      await collect(searchAll(upstream, `Observation?subject=${subjects}&code=${codes}&_count=${PAGE_SIZE}`), observations);
    }
    if (needConditions) await collect(searchAll(upstream, `Condition?subject=${subjects}&_count=${PAGE_SIZE}`), conditions);
    for (const type of countTypes) {
      let byPatient = counted.get(type);
      if (!byPatient) counted.set(type, (byPatient = new Map()));
      await collect(searchAll(upstream, `${type}?patient=${subjects}&_count=${PAGE_SIZE}`), byPatient, type);
    }
  }
  const records = new Map<string, PatientRecord>();
  for (const [id, patient] of patients) {
    records.set(id, {
      patient,
      observations: observations.get(id) ?? [],
      conditions: conditions.get(id) ?? [],
      counted: new Map(countTypes.map((t) => [t, counted.get(t)?.get(id) ?? []])),
    });
  }
  return records;
}

/** Groups matches by patient; each resource once (an upstream may repeat one across pages). */
async function collect(resources: AsyncIterable<Resource>, into: Map<string, Resource[]>, type?: string): Promise<void> {
  const seen = new Set<string>();
  for await (const r of resources) {
    if (type !== undefined && r.resourceType !== type) continue;
    const patientId = patientIdOf(r);
    if (patientId === undefined) continue;
    const key = `${r.resourceType}/${r.id ?? ''}`;
    if (r.id !== undefined && seen.has(key)) continue;
    seen.add(key);
    let list = into.get(patientId);
    if (!list) into.set(patientId, (list = []));
    list.push(r);
  }
}

function withCount(search: string): string {
  return /[?&]_count=/.test(search) ? search : `${search}${search.endsWith('?') ? '' : '&'}_count=${PAGE_SIZE}`;
}

/** Every match of a search, following `next` links (which must stay under the upstream base). */
async function* searchAll(upstream: FhirUpstream, first: string): AsyncGenerator<Resource> {
  let next: string | undefined = first;
  const visited = new Set<string>();
  for (let page = 0; next !== undefined; page++) {
    if (page >= MAX_PAGES || visited.has(next)) throw new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream search does not terminate');
    visited.add(next);
    const { body } = await upstream.getJson(next);
    const bundle = body as { resourceType?: string; entry?: { resource?: Resource; search?: { mode?: string } }[]; link?: { relation?: string; url?: string }[] };
    if (bundle?.resourceType !== 'Bundle') throw new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream search did not return a Bundle');
    for (const entry of bundle.entry ?? []) {
      if (entry.resource && entry.search?.mode !== 'include' && entry.search?.mode !== 'outcome') yield entry.resource;
    }
    const link = bundle.link?.find((l) => l.relation === 'next')?.url;
    if (link === undefined) {
      next = undefined;
    } else {
      next = upstream.relativize(link);
      if (next === undefined) throw new VoileError('UPSTREAM_BAD_RESPONSE', 'The upstream paging link leaves the FHIR base');
    }
  }
}

import type { Bundle, BundleEntry, Extension, Patient, Resource } from '@medplum/fhirtypes';
import type { Cell } from '../anonymize/embedding/index.js';
import type { FhirAnonymizer } from '../anonymize/fhir/api.js';
import { VoileError, toVoileError } from '../errors.js';
import type { AvatarColumn, Policy } from '../policy/types.js';
import { avatarSummaryExtensions } from './avatar-summary.js';
import { parseDate, patientIdOf, sourceKind } from './features.js';
import type { SourceKind } from './features.js';
import type { AvatarLookup, PatientAvatar, StoredBuild } from './store.js';

/**
 * Avatar mode: before the rule profile runs, the quasi-identifying and clinical values of a cohort
 * patient's resources are replaced, on a private copy of the real resource, by that patient's
 * avatar's values. The rule profile then treats the result as usual (pseudonyms, date shift,
 * generalization, removal of everything it does not keep). Patients outside the built cohort, and
 * policies without a build, get the rule profile only.
 *
 * Replaced: Patient.gender (`gender`), Patient.birthDate (`age`: a date giving the avatar's age at
 * the reference date), Patient.address.postalCode (`postalRegion`: the avatar's region, padded with
 * zeros to the original length), and for each `latestObservation` column the value of the one
 * Observation that was the patient's latest of that code at build time. The patient's other
 * Observations of that code (earlier ones, later ones made after the build) are withheld: a real
 * history beside the avatar's value would give the real value away.
 *
 * `conditionFlag` and `count` columns are properties of the whole record, not of one resource: the
 * avatar's values are served on the Patient (avatar-summary.ts), and the real resources that define
 * them — the patient's Conditions coded with a flag code, the patient's resources of a counted type —
 * are withheld, whatever the avatar says. Withholding them all (rather than those the avatar
 * contradicts, or serving them marked entered-in-error) is what keeps the real value out: a
 * resource's mere presence would tell the real flag or a lower bound of the real count.
 * An avatar value that is missing removes the element (fail closed).
 */
export function withAvatarValues(fhir: FhirAnonymizer, store: AvatarLookup, policy: Policy): FhirAnonymizer {
  const section = policy.avatar;
  if (!section) return fhir;
  const sources = new Map(section.columns.map((c) => [c.name, sourceKind(c.source)]));
  const columns = section.columns;
  const flagCodes = new Set(columns.flatMap((c) => (typeof c.source === 'object' && 'conditionFlag' in c.source ? [c.source.conditionFlag] : [])));
  const countTypes = new Set(columns.flatMap((c) => (typeof c.source === 'object' && 'count' in c.source ? [c.source.count] : [])));
  const latestCodes = new Set(columns.flatMap((c) => (typeof c.source === 'object' && 'latestObservation' in c.source ? [c.source.latestObservation] : [])));
  // The stores hand out the same StoredBuild object until the build is replaced: its column index is
  // worked out once per build, not once per resource.
  const indexes = new WeakMap<StoredBuild, ReadonlyMap<string, number>>();
  const indexOf = (build: StoredBuild): ReadonlyMap<string, number> => {
    let index = indexes.get(build);
    if (!index) indexes.set(build, (index = new Map(build.columns.map((c, i) => [c.name, i]))));
    return index;
  };
  const avatarOf: AvatarOf = (patientId) => {
    const avatar = store.avatarOf(policy.name, patientId);
    const build = avatar && store.build(policy.name);
    if (!avatar || !build) return undefined;
    return { referenceDate: build.referenceDate, avatar, index: indexOf(build), sources, columns, flagCodes, countTypes, latestCodes };
  };
  return {
    resourceTypes: fhir.resourceTypes,
    // Withheld resources (flag and count columns) would still be counted in upstream totals.
    withholdsResources: true,
    async anonymize(resource: Resource) {
      const summaries: Summary[] = [];
      let prepared: Resource | undefined;
      try {
        prepared = prepare(resource, avatarOf, countTypes, summaries);
      } catch (err) {
        throw toVoileError(err, 'ANONYMIZATION_FAILED');
      }
      if (prepared === undefined) return { resource: undefined };
      const result = await fhir.anonymize(prepared);
      if (result.resource === undefined || summaries.every((s) => s === undefined)) return result;
      try {
        return { resource: attachSummaries(result.resource, summaries) };
      } catch (err) {
        throw toVoileError(err, 'ANONYMIZATION_FAILED');
      }
    },
  };
}

interface AvatarView {
  readonly referenceDate: string;
  readonly avatar: PatientAvatar;
  /** Column index in the stored build, by column name. */
  readonly index: ReadonlyMap<string, number>;
  /** Source of each column the policy declares, by column name. */
  readonly sources: ReadonlyMap<string, SourceKind>;
  readonly columns: readonly AvatarColumn[];
  /** Codes of the `conditionFlag` columns. */
  readonly flagCodes: ReadonlySet<string>;
  /** Resource types of the `count` columns. */
  readonly countTypes: ReadonlySet<string>;
  /** Codes of the `latestObservation` columns. */
  readonly latestCodes: ReadonlySet<string>;
}

type AvatarOf = (realPatientId: string) => AvatarView | undefined;

/** The avatar-summary extensions of one Patient (undefined: not a cohort patient, nothing to add). */
type Summary = Extension[] | undefined;

/**
 * The resource with avatar values (the very same object when nothing applies), or undefined when it
 * is withheld. Each Patient met, in document order, leaves its summary in `summaries`.
 */
function prepare(resource: Resource, avatarOf: AvatarOf, countTypes: ReadonlySet<string>, summaries: Summary[]): Resource | undefined {
  if (resource.resourceType === 'Bundle') {
    const bundle = resource as Bundle;
    if (!bundle.entry) return resource;
    let changed = false;
    const entry: BundleEntry[] = [];
    for (const e of bundle.entry) {
      if (!e.resource) {
        entry.push(e);
        continue;
      }
      const replaced = prepare(e.resource, avatarOf, countTypes, summaries);
      if (replaced === e.resource) entry.push(e);
      else if (replaced !== undefined) entry.push({ ...e, resource: replaced });
      changed ||= replaced !== e.resource;
    }
    return changed ? ({ ...bundle, entry } as Bundle) : resource;
  }
  // Most resources (MedicationRequest, DiagnosticReport…) cannot change: no store lookup for them.
  const type = resource.resourceType;
  const mayChange = type === 'Patient' || type === 'Observation' || type === 'Condition' || countTypes.has(type) || Array.isArray((resource as { contained?: unknown }).contained);
  if (!mayChange) return resource;
  const patientId = patientIdOf(resource);
  const view = patientId === undefined ? undefined : avatarOf(patientId);
  if (resource.resourceType === 'Patient') {
    summaries.push(view && summaryOf(view));
    return view ? applyAvatar(structuredClone(resource), view) : resource;
  }
  if (!view) return resource;
  if (isWithheld(resource, view)) return undefined;
  if (resource.resourceType !== 'Observation') return resource;
  // Only the Observation that held the patient's latest value of a column carries an avatar value.
  if (!Object.values(view.avatar.latestObservations).includes(resource.id ?? '')) return resource;
  return applyAvatar(structuredClone(resource), view);
}

/**
 * A cohort patient's Condition coded with a flag code (any system, as the build reads it), a
 * resource of a counted type, an Observation of a `latestObservation` code other than the one that
 * carries the avatar's value (any system: wider than the build's LOINC match, never narrower), or a
 * resource that contains one of those (a contained resource cannot be left out alone: its `#id`
 * references would dangle).
 */
function isWithheld(resource: Resource, view: AvatarView, depth = 0): boolean {
  if (view.countTypes.has(resource.resourceType)) return true;
  if (resource.resourceType === 'Condition' && hasCodeIn(resource, view.flagCodes)) return true;
  if (resource.resourceType === 'Observation' && hasCodeIn(resource, view.latestCodes)) {
    const carriesAvatarValue = depth === 0 && resource.id !== undefined && Object.values(view.avatar.latestObservations).includes(resource.id);
    if (!carriesAvatarValue) return true;
  }
  const contained = (resource as { contained?: unknown }).contained;
  if (depth > 0 || !Array.isArray(contained)) return false;
  return contained.some((c) => typeof c === 'object' && c !== null && typeof (c as Resource).resourceType === 'string' && isWithheld(c as Resource, view, 1));
}

function hasCodeIn(resource: Resource, codes: ReadonlySet<string>): boolean {
  if (codes.size === 0) return false;
  const coding = (resource as { code?: { coding?: { code?: unknown }[] } }).code?.coding;
  return Array.isArray(coding) && coding.some((c) => typeof c?.code === 'string' && codes.has(c.code));
}

function summaryOf(view: AvatarView): Summary {
  const cells = view.columns.map((c) => {
    const i = view.index.get(c.name);
    return { source: c.source, value: i === undefined ? null : (view.avatar.values[i] ?? null) };
  });
  const extensions = avatarSummaryExtensions(cells);
  return extensions.length > 0 ? extensions : undefined;
}

/**
 * Adds each Patient's summary to the anonymized document, Patients matched in document order. The
 * rule profile may have dropped a Patient; then the order no longer matches, and rather than put
 * one patient's avatar on another the whole resource fails.
 */
function attachSummaries(anonymized: Resource, summaries: readonly Summary[]): Resource {
  let next = 0;
  const visit = (resource: Resource): Resource => {
    if (resource.resourceType === 'Bundle') {
      const bundle = resource as Bundle;
      if (!bundle.entry) return resource;
      return { ...bundle, entry: bundle.entry.map((e) => (e.resource ? { ...e, resource: visit(e.resource) } : e)) } as Bundle;
    }
    if (resource.resourceType !== 'Patient') return resource;
    const summary = summaries[next++];
    if (summary === undefined) return resource;
    const patient = resource as Patient;
    return { ...patient, extension: [...(patient.extension ?? []), ...summary] };
  };
  const out = visit(anonymized);
  if (next !== summaries.length) throw new VoileError('ANONYMIZATION_FAILED', 'The avatar summary could not be matched to its patient');
  return out;
}

function applyAvatar(copy: Resource, view: AvatarView): Resource {
  const value = (name: string): Cell => {
    const i = view.index.get(name);
    return i === undefined ? null : (view.avatar.values[i] ?? null);
  };
  if (copy.resourceType === 'Patient') {
    const patient = copy as { gender?: string; birthDate?: string; address?: { postalCode?: string }[] };
    for (const [name, source] of view.sources) {
      const v = value(name);
      if (source === 'gender') {
        if (typeof v === 'string') patient.gender = v;
        else delete patient.gender;
      } else if (source === 'age') {
        const birthDate = birthDateForAge(v, view.referenceDate);
        if (birthDate) patient.birthDate = birthDate;
        else delete patient.birthDate;
      } else if (source === 'postalRegion') {
        for (const address of patient.address ?? []) {
          if (typeof address.postalCode !== 'string') continue;
          if (typeof v === 'string' && v.length > 0) address.postalCode = v.padEnd(Math.max(address.postalCode.length, v.length), '0');
          else delete address.postalCode;
        }
      }
    }
    return copy;
  }
  if (copy.id !== undefined) {
    for (const [name, observationId] of Object.entries(view.avatar.latestObservations)) {
      if (observationId !== copy.id || view.sources.get(name) !== 'latestObservation') continue;
      const v = value(name);
      const observation = copy as { valueQuantity?: { value?: number } };
      if (typeof v === 'number' && observation.valueQuantity) observation.valueQuantity.value = v;
      else delete observation.valueQuantity;
    }
  }
  return copy;
}

/**
 * A birth date whose age at the reference date is `age`: the reference date minus `age` years and
 * six months, so that the age holds whatever the day (the real day of birth is not used at all).
 */
export function birthDateForAge(age: Cell, referenceDate: string): string | undefined {
  if (typeof age !== 'number' || !Number.isFinite(age) || age < 0) return undefined;
  const ref = parseDate(referenceDate);
  if (!ref) throw new VoileError('ANONYMIZATION_FAILED', 'The avatar build has an invalid reference date');
  const date = new Date(Date.UTC(ref.year - Math.round(age), ref.month - 1 - 6, Math.min(ref.day, 28)));
  return date.toISOString().slice(0, 10);
}

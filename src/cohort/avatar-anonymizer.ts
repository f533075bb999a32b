import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { Cell } from '../anonymize/embedding/index.js';
import type { FhirAnonymizer } from '../anonymize/fhir/api.js';
import { VoileError, toVoileError } from '../errors.js';
import type { Policy } from '../policy/types.js';
import { parseDate, patientIdOf, sourceKind } from './features.js';
import type { SourceKind } from './features.js';
import type { AvatarLookup, PatientAvatar } from './store.js';

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
 * Observation that was the patient's latest of that code at build time. Other Observations of that
 * code, Conditions (`conditionFlag`) and counted resources (`count`) keep the rule profile's
 * treatment: inventing or hiding resources on the fly would break paging and references.
 * An avatar value that is missing removes the element (fail closed).
 */
export function withAvatarValues(fhir: FhirAnonymizer, store: AvatarLookup, policy: Policy): FhirAnonymizer {
  const section = policy.avatar;
  if (!section) return fhir;
  const sources = new Map(section.columns.map((c) => [c.name, sourceKind(c.source)]));
  const avatarOf: AvatarOf = (patientId) => {
    const avatar = store.avatarOf(policy.name, patientId);
    const build = avatar && store.build(policy.name);
    if (!avatar || !build) return undefined;
    return { referenceDate: build.referenceDate, avatar, index: new Map(build.columns.map((c, i) => [c.name, i])), sources };
  };
  return {
    resourceTypes: fhir.resourceTypes,
    async anonymize(resource: Resource) {
      let substituted: Resource;
      try {
        substituted = substitute(resource, avatarOf);
      } catch (err) {
        throw toVoileError(err, 'ANONYMIZATION_FAILED');
      }
      return fhir.anonymize(substituted);
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
}

type AvatarOf = (realPatientId: string) => AvatarView | undefined;

/** The resource with avatar values, or the very same object when nothing applies. */
function substitute(resource: Resource, avatarOf: AvatarOf): Resource {
  if (resource.resourceType === 'Bundle') {
    const bundle = resource as Bundle;
    if (!bundle.entry) return resource;
    let changed = false;
    const entry = bundle.entry.map((e) => {
      if (!e.resource) return e;
      const replaced = substitute(e.resource, avatarOf);
      if (replaced === e.resource) return e;
      changed = true;
      return { ...e, resource: replaced };
    });
    return changed ? ({ ...bundle, entry } as Bundle) : resource;
  }
  if (resource.resourceType !== 'Patient' && resource.resourceType !== 'Observation') return resource;
  const patientId = patientIdOf(resource);
  if (patientId === undefined) return resource;
  const view = avatarOf(patientId);
  if (!view) return resource;
  // Only the Observation that held the patient's latest value of a column carries an avatar value.
  if (resource.resourceType === 'Observation' && !Object.values(view.avatar.latestObservations).includes(resource.id ?? '')) return resource;
  return applyAvatar(structuredClone(resource), view);
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

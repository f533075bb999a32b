import type { Bundle, Observation, Patient, Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { canAccessDicom, canRead, canSearch, filterReadable } from '../../src/auth/access.js';

const VITALS = 'http://terminology.hl7.org/CodeSystem/observation-category';
const vital: Observation = { resourceType: 'Observation', id: 'o1', status: 'final', code: { text: 'hr' }, category: [{ coding: [{ system: VITALS, code: 'vital-signs' }] }], subject: { reference: 'Patient/p1' } };
const lab: Observation = { resourceType: 'Observation', id: 'o2', status: 'final', code: { text: 'k' }, category: [{ coding: [{ system: VITALS, code: 'laboratory' }] }], subject: { reference: 'Patient/p1' } };
const otherPatientsVital: Observation = { ...vital, id: 'o3', subject: { reference: 'Patient/p2' } };
const patient: Patient = { resourceType: 'Patient', id: 'p1' };

describe('canSearch', () => {
  it('needs the s permission on the type', () => {
    expect(canSearch(['system/Observation.rs'], 'Observation', {}).allowed).toBe(true);
    expect(canSearch(['system/Observation.r'], 'Observation', {}).allowed).toBe(false);
    expect(canSearch(['system/Patient.rs'], 'Observation', {}).allowed).toBe(false);
    expect(canSearch(['system/*.rs'], 'Condition', {}).allowed).toBe(true);
  });

  it('grants a granular scope only to searches carrying its restriction', () => {
    const scopes = ['system/Observation.rs?category=vital-signs'];
    expect(canSearch(scopes, 'Observation', { category: 'vital-signs' }).allowed).toBe(true);
    expect(canSearch(scopes, 'Observation', {}).allowed).toBe(false);
    expect(canSearch(scopes, 'Observation', { category: 'laboratory' }).allowed).toBe(false);
  });

  it('reports when only patient-level scopes grant the search', () => {
    const decision = canSearch(['patient/Observation.rs'], 'Observation', {});
    expect(decision).toEqual({ allowed: true, patientCompartmentOnly: true });
    expect(canSearch(['patient/Observation.rs', 'system/Observation.rs'], 'Observation', {})).toEqual({ allowed: true, patientCompartmentOnly: false });
  });

  it('accepts URLSearchParams and repeated parameters', () => {
    const params = new URLSearchParams('category=vital-signs&_include=Observation:subject:Patient');
    expect(canSearch(['system/Observation.rs?category=vital-signs', 'system/Patient.rs'], 'Observation', params).allowed).toBe(true);
    expect(canSearch(['system/Observation.rs'], 'Observation', { _include: ['Observation:subject:Patient'] }).allowed).toBe(false);
  });
});

describe('canRead', () => {
  it('grants a type, not others', () => {
    expect(canRead(['system/Observation.rs'], vital)).toBe(true);
    expect(canRead(['system/Observation.rs'], patient)).toBe(false);
  });

  it('evaluates granular restrictions on the resource itself', () => {
    const scopes = ['system/Observation.rs?category=vital-signs'];
    expect(canRead(scopes, vital)).toBe(true);
    expect(canRead(scopes, lab)).toBe(false);
    expect(canRead(['system/Observation.rs?category=' + encodeURIComponent(`${VITALS}|laboratory`)], lab)).toBe(true);
  });

  it('restricts patient-level scopes to the patient compartment, and grants nothing without a patient', () => {
    const scopes = ['patient/*.rs'];
    expect(canRead(scopes, vital, { patientId: 'p1' })).toBe(true);
    expect(canRead(scopes, patient, { patientId: 'p1' })).toBe(true);
    expect(canRead(scopes, otherPatientsVital, { patientId: 'p1' })).toBe(false);
    expect(canRead(scopes, { resourceType: 'Patient', id: 'p2' }, { patientId: 'p1' })).toBe(false);
    expect(canRead(scopes, { resourceType: 'Organization', id: 'org' }, { patientId: 'p1' })).toBe(false);
    expect(canRead(scopes, vital)).toBe(false);
  });
});

describe('filterReadable', () => {
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    entry: [
      { fullUrl: 'o1', resource: vital, search: { mode: 'match' } },
      { fullUrl: 'p1', resource: patient, search: { mode: 'include' } },
      { fullUrl: 'o2', resource: lab, search: { mode: 'match' } },
      { fullUrl: 'nested', resource: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: patient }, { resource: vital }] } as Bundle },
    ],
  };

  it('removes entries of types or restrictions not granted, nested bundles included', () => {
    const { value, withheld } = filterReadable(['system/Observation.rs?category=vital-signs'], bundle);
    const types = value?.entry?.map((e) => (e.resource as Resource).resourceType);
    expect(types).toEqual(['Observation', 'Bundle']);
    expect(value?.entry?.[0]?.resource).toBe(vital);
    expect((value?.entry?.[1]?.resource as Bundle).entry?.map((e) => e.resource?.id)).toEqual(['o1']);
    expect(withheld).toBe(3);
    expect(bundle.entry).toHaveLength(4); // the input is not mutated
  });

  it('removes contained resources of types not granted', () => {
    const withContained = { ...vital, contained: [{ resourceType: 'Patient', id: 'c1' }, { resourceType: 'Observation', id: 'c2', status: 'final', code: { text: 'x' } }] } as Observation;
    const { value, withheld } = filterReadable(['system/Observation.rs'], withContained);
    expect(value?.contained?.map((c) => c.resourceType)).toEqual(['Observation']);
    expect(withheld).toBe(1);
  });

  it('withholds a single resource not granted', () => {
    expect(filterReadable(['system/Observation.rs'], patient).value).toBeUndefined();
  });
});

describe('canAccessDicom', () => {
  it('needs the configured scope (default system/ImagingStudy.rs)', () => {
    expect(canAccessDicom(['system/ImagingStudy.rs'])).toBe(true);
    expect(canAccessDicom(['system/*.read'])).toBe(true);
    expect(canAccessDicom(['system/Observation.rs'])).toBe(false);
    expect(canAccessDicom(['patient/ImagingStudy.rs'])).toBe(false);
    expect(canAccessDicom(['system/ImagingStudy.rs'], 'system/Binary.r')).toBe(false);
  });
});

describe('canSearch on constructs that reach other types', () => {
  const obsOnly = ['system/Observation.rs'];
  const obsAndPatient = ['system/Observation.rs', 'system/Patient.rs'];

  it('_include: an explicit target must be granted; without one, some target must be', () => {
    expect(canSearch(obsOnly, 'Observation', { _include: 'Observation:subject:Patient' }).allowed).toBe(false);
    expect(canSearch(obsOnly, 'Observation', { _include: 'Observation:subject' }).allowed).toBe(false);
    expect(canSearch(obsAndPatient, 'Observation', { _include: 'Observation:subject' }).allowed).toBe(true);
    expect(canSearch(obsAndPatient, 'Observation', { _include: '*' }).allowed).toBe(false);
    expect(canSearch(obsAndPatient, 'Observation', { _include: 'Patient:link' }).allowed).toBe(false);
    expect(canSearch(obsAndPatient, 'Observation', { '_include:iterate': 'Patient:general-practitioner:Practitioner' }).allowed).toBe(false);
  });

  it('_revinclude: the source type must be granted', () => {
    expect(canSearch(['system/Patient.rs'], 'Patient', { _revinclude: 'Observation:subject' }).allowed).toBe(false);
    expect(canSearch(obsAndPatient, 'Patient', { _revinclude: 'Observation:subject' }).allowed).toBe(true);
    expect(canSearch(obsAndPatient, 'Patient', { _revinclude: 'Device:patient' }).allowed).toBe(false);
  });

  it('chained parameters: every type crossed must be searchable, and ambiguous chains are refused', () => {
    expect(canSearch(obsOnly, 'Observation', { 'subject:Patient.name': 'Dupont' })).toEqual({ allowed: false, reason: 'chained search through Patient is not granted' });
    expect(canSearch(obsAndPatient, 'Observation', { 'subject:Patient.name': 'x' }).allowed).toBe(true);
    expect(canSearch(obsAndPatient, 'Observation', { 'subject.name': 'x' }).allowed).toBe(false);
    expect(canSearch(obsAndPatient, 'Observation', { 'patient.general-practitioner:Practitioner.name': 'x' }).allowed).toBe(false);
    expect(canSearch(obsAndPatient, 'Observation', { 'code:Patient.name': 'x' }).allowed).toBe(false);
  });

  it('_has: every type reached must be searchable', () => {
    expect(canSearch(['system/Patient.rs'], 'Patient', { '_has:Observation:patient:code': '1234' }).allowed).toBe(false);
    expect(canSearch(obsAndPatient, 'Patient', { '_has:Observation:patient:code': '1234' }).allowed).toBe(true);
    expect(canSearch(obsAndPatient, 'Patient', { '_has:Observation:patient:_has:AuditEvent:entity:agent': 'x' }).allowed).toBe(false);
  });

  it('_filter, _text, _content, _query, _list and _contained are refused whatever the scopes', () => {
    for (const name of ['_filter', '_text', '_content', '_query', '_list', '_contained', '_text:exact']) {
      expect(canSearch(['system/*.rs'], 'Observation', { [name]: 'x' }).allowed, name).toBe(false);
    }
  });

  it('never quotes a parameter value in its reason', () => {
    const decision = canSearch(obsOnly, 'Observation', { 'subject:Patient.name': 'Dupont', _include: 'Evil<script>:x' });
    expect(JSON.stringify(decision)).not.toContain('Dupont');
    expect(JSON.stringify(decision)).not.toContain('script');
  });
});

import type {
  CodeableConcept,
  Condition,
  DocumentReference,
  Encounter,
  ImagingStudy,
  MedicationRequest,
  Observation,
  Patient,
  Reference,
  Resource,
} from '@medplum/fhirtypes';
import { addDays, addMinutes, fhirDate, fhirDateTime, fhirInstant, writtenDate } from './dates.js';
import type { IdentifyingCollector } from './identifying.js';
import { meta } from './meta.js';
import { writeClinicalNote, writeSocialHistory } from './notes.js';
import {
  drawAddress, drawBirthDate, drawEmail, drawFamilyName, drawName, drawNir, drawPhone, drawSsn,
  type Gender, type PersonName,
} from './people.js';
import { COHORT_REFERENCE_DATE, type CohortLocale, type CohortRandom } from './random.js';
import type { Site, StaffMember } from './staff.js';
import {
  CONDITIONS, DICOM_UID_ROOT, ENCOUNTER_CLASSES, IMAGING, LAB_TESTS, SOCIAL_HISTORY, SYSTEMS, VITAL_SIGNS,
  type ConditionCode,
} from './vocabulary.js';

const FIRST_VISIT = new Date('2019-01-07T00:00:00Z');
const LAST_VISIT = new Date('2025-04-30T00:00:00Z');

type WithId<T> = T & { id: string };

interface Visit {
  readonly encounter: WithId<Encounter>;
  readonly start: Date;
  readonly end: Date;
  readonly physician: StaffMember;
  readonly vitals: { systolic: number; diastolic: number; heartRate: number };
}

/**
 * One patient's record: identity, 1–4 encounters with vitals and labs, conditions with their
 * prescriptions, a social-history observation, a clinical note, sometimes an imaging study.
 * Every identifying value is reported to `identifying` as it is drawn.
 */
export function generatePatientRecord(
  rng: CohortRandom,
  locale: CohortLocale,
  site: Site,
  identifying: IdentifyingCollector,
): { patient: WithId<Patient>; resources: Resource[] } {
  const id = rng.uuid();
  const say = (kind: Parameters<IdentifyingCollector['add']>[0], value: string) => identifying.add(kind, value, id);
  const gender: Gender = rng.chance(0.5) ? 'female' : 'male';
  const name = drawName(rng, locale, gender, rng.chance(0.35));
  const age = rng.chance(0.1) ? rng.int(90, 101) : rng.int(18, 89);
  const birthDate = drawBirthDate(rng, age);
  const phone = drawPhone(rng, locale);
  const email = drawEmail(rng, locale, name);
  const address = drawAddress(rng, locale);
  const gp = rng.pick(site.practitioners);
  const maidenName = locale === 'fr' && gender === 'female' && rng.chance(0.3) ? drawFamilyName(rng, locale) : undefined;
  const contact = rng.chance(0.5)
    ? { name: drawName(rng, locale, rng.chance(0.5) ? 'female' : 'male', false), phone: drawPhone(rng, locale) }
    : undefined;
  const identifiers = locale === 'fr'
    ? [
        { type: 'NI', text: 'INS-NIR', system: SYSTEMS.insNir, value: drawNir(rng, gender, birthDate) },
        { type: 'PI', text: 'IPP', system: SYSTEMS.ipp, value: rng.digits(10) },
      ]
    : [
        { type: 'MR', text: 'Medical record number', system: SYSTEMS.mrn, value: rng.digits(10) },
        { type: 'SS', text: 'Social Security number', system: SYSTEMS.ssn, value: drawSsn(rng) },
      ];
  const hospitalId = identifiers[locale === 'fr' ? 1 : 0].value;

  say('patient-id', id);
  reportName(say, 'name', name);
  if (maidenName) say('name', maidenName);
  say('phone', phone);
  say('phone', phone.replace(/\D/g, ''));
  say('email', email);
  say('address-line', address.line);
  for (const identifier of identifiers) say('identifier', identifier.value);
  say('birth-date', birthDate);
  say('birth-date', writtenDate(birthDate, locale));
  if (contact) {
    reportName(say, 'contact-name', contact.name);
    say('phone', contact.phone);
    say('phone', contact.phone.replace(/\D/g, ''));
  }

  const fullName = `${name.given.join(' ')} ${name.family}`;
  const patientRef: Reference<Patient> = { reference: `Patient/${id}` };
  const patientRefWithDisplay: Reference<Patient> = { reference: `Patient/${id}`, display: fullName };
  const narrative = locale === 'fr'
    ? `${name.prefix} ${fullName}, ${gender === 'female' ? 'née' : 'né'} le ${writtenDate(birthDate, locale)}`
    : `${name.prefix} ${fullName}, born ${writtenDate(birthDate, locale)}`;
  say('free-text', narrative);

  // Visits, oldest first.
  const visitCount = rng.int(1, 4);
  const starts = Array.from({ length: visitCount }, () => rng.between(FIRST_VISIT, LAST_VISIT)).sort((a, b) => a.getTime() - b.getTime());
  const conditions = rng.sample(CONDITIONS, rng.int(1, 3));
  const visits: Visit[] = starts.map((start) => {
    const cls = rng.pick([ENCOUNTER_CLASSES[0], ENCOUNTER_CLASSES[0], ENCOUNTER_CLASSES[0], ENCOUNTER_CLASSES[1], ENCOUNTER_CLASSES[2]]);
    const end = addMinutes(start, rng.int(cls.minHours * 60, cls.maxHours * 60));
    const physician = cls.code === 'AMB' ? gp : rng.pick(site.practitioners);
    const reason = rng.pick(conditions);
    const encounter: WithId<Encounter> = {
      resourceType: 'Encounter',
      id: rng.uuid(),
      meta: meta(),
      status: 'finished',
      class: { system: SYSTEMS.actCode, code: cls.code, display: cls.display },
      subject: patientRefWithDisplay,
      participant: [{
        type: [{ coding: [{ system: SYSTEMS.participationType, code: 'ATND', display: 'attender' }] }],
        individual: { reference: `Practitioner/${physician.resource.id}`, display: `Dr ${physician.displayName}` },
      }],
      period: { start: fhirDateTime(start, locale), end: fhirDateTime(end, locale) },
      reasonCode: [conditionConcept(reason, locale)],
      serviceProvider: { reference: `Organization/${site.organization.id}` },
    };
    const vitals = {
      systolic: rng.int(VITAL_SIGNS.systolic.min, VITAL_SIGNS.systolic.max),
      diastolic: rng.int(VITAL_SIGNS.diastolic.min, VITAL_SIGNS.diastolic.max),
      heartRate: rng.int(VITAL_SIGNS.heartRate.min, VITAL_SIGNS.heartRate.max),
    };
    return { encounter, start, end, physician, vitals };
  });
  const lastVisit = visits[visits.length - 1];

  const deceased = (age > 80 && rng.chance(0.25)) || rng.chance(0.03);
  const patient: WithId<Patient> = {
    resourceType: 'Patient',
    id,
    meta: meta(),
    text: { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml"><p>${escapeXml(narrative)}</p></div>` },
    identifier: identifiers.map((i) => ({
      use: 'official',
      type: { coding: [{ system: SYSTEMS.identifierType, code: i.type }], text: i.text },
      system: i.system,
      value: i.value,
    })),
    active: true,
    name: [
      { use: 'official', family: name.family, given: [...name.given], prefix: [name.prefix] },
      ...(maidenName ? [{ use: 'maiden' as const, family: maidenName, given: [...name.given] }] : []),
    ],
    telecom: [
      { system: 'phone', value: phone, use: 'mobile' },
      { system: 'email', value: email, use: 'home' },
    ],
    gender,
    birthDate,
    ...(deceased ? { deceasedDateTime: fhirDateTime(earliest(addDays(lastVisit.end, rng.int(2, 40)), COHORT_REFERENCE_DATE), locale) } : {}),
    address: [{
      use: 'home',
      type: 'both',
      line: [address.line],
      city: address.city,
      postalCode: address.postalCode,
      ...(address.state ? { state: address.state } : {}),
      country: address.country,
    }],
    maritalStatus: { coding: [{ system: SYSTEMS.maritalStatus, ...rng.pick(MARITAL_STATUSES) }] },
    ...(contact ? {
      contact: [{
        relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'N', display: 'Next-of-Kin' }] }],
        name: { family: contact.name.family, given: [...contact.name.given] },
        telecom: [{ system: 'phone', value: contact.phone, use: 'mobile' }],
      }],
    } : {}),
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: locale === 'fr' ? 'fr-FR' : 'en-US' }] }, preferred: true }],
    generalPractitioner: [{ reference: `Practitioner/${gp.resource.id}` }],
    managingOrganization: { reference: `Organization/${site.organization.id}` },
  };

  const resources: Resource[] = [patient, ...visits.map((v) => v.encounter)];

  // Observations: vital signs at every visit, labs at most visits.
  for (const visit of visits) {
    const encounterRef: Reference<Encounter> = { reference: `Encounter/${visit.encounter.id}` };
    const at = (minutes: number) => fhirDateTime(addMinutes(visit.start, minutes), locale);
    resources.push({
      ...observationBase(rng, 'vital-signs', VITAL_SIGNS.panel, patientRef, encounterRef, at(10)),
      component: [
        { code: loinc(VITAL_SIGNS.systolic), valueQuantity: quantity(visit.vitals.systolic, VITAL_SIGNS.systolic.unit) },
        { code: loinc(VITAL_SIGNS.diastolic), valueQuantity: quantity(visit.vitals.diastolic, VITAL_SIGNS.diastolic.unit) },
      ],
    });
    resources.push({
      ...observationBase(rng, 'vital-signs', VITAL_SIGNS.heartRate, patientRef, encounterRef, at(10)),
      valueQuantity: quantity(visit.vitals.heartRate, VITAL_SIGNS.heartRate.unit),
    });
    resources.push({
      ...observationBase(rng, 'vital-signs', VITAL_SIGNS.temperature, patientRef, encounterRef, at(12)),
      valueQuantity: quantity(rng.float(VITAL_SIGNS.temperature.min, VITAL_SIGNS.temperature.max, 1), VITAL_SIGNS.temperature.unit),
    });
    if (rng.chance(0.7)) {
      resources.push({
        ...observationBase(rng, 'vital-signs', VITAL_SIGNS.weight, patientRef, encounterRef, at(14)),
        valueQuantity: quantity(rng.float(VITAL_SIGNS.weight.min, VITAL_SIGNS.weight.max, 1), VITAL_SIGNS.weight.unit),
      });
    }
    if (visit.encounter.class.code !== 'AMB') {
      resources.push({
        ...observationBase(rng, 'vital-signs', VITAL_SIGNS.oxygen, patientRef, encounterRef, at(11)),
        valueQuantity: quantity(rng.int(VITAL_SIGNS.oxygen.min, VITAL_SIGNS.oxygen.max), VITAL_SIGNS.oxygen.unit),
      });
    }
    if (visit.encounter.class.code !== 'AMB' || rng.chance(0.6)) {
      for (const test of rng.sample(LAB_TESTS, rng.int(2, 5))) {
        const drawnAt = addMinutes(visit.start, rng.int(20, 90));
        resources.push({
          ...observationBase(rng, 'laboratory', test, patientRef, encounterRef, fhirDateTime(drawnAt, locale)),
          issued: fhirInstant(addMinutes(drawnAt, rng.int(60, 600))),
          valueQuantity: quantity(rng.float(test.min, test.max, test.decimals), test.unit),
        });
      }
    }
  }

  // Conditions, each with its prescription.
  const firstVisit = visits[0];
  for (const code of conditions) {
    const conditionId = rng.uuid();
    const onsetKind = rng.pick(['date', 'month', 'year'] as const);
    const onset = addDays(firstVisit.start, -rng.int(30, 3650));
    const onsetValue = onsetKind === 'date' ? fhirDate(onset) : onsetKind === 'month' ? fhirDate(onset).slice(0, 7) : fhirDate(onset).slice(0, 4);
    const condition: WithId<Condition> = {
      resourceType: 'Condition',
      id: conditionId,
      meta: meta(),
      clinicalStatus: { coding: [{ system: SYSTEMS.conditionClinical, code: 'active' }] },
      verificationStatus: { coding: [{ system: SYSTEMS.conditionVerification, code: 'confirmed' }] },
      category: [{ coding: [{ system: SYSTEMS.conditionCategory, code: rng.pick(['problem-list-item', 'encounter-diagnosis']) }] }],
      code: conditionConcept(code, locale),
      subject: patientRef,
      encounter: { reference: `Encounter/${firstVisit.encounter.id}` },
      onsetDateTime: onsetValue,
      recordedDate: fhirDate(firstVisit.start),
      recorder: { reference: `Practitioner/${firstVisit.physician.resource.id}` },
    };
    const prescription: WithId<MedicationRequest> = {
      resourceType: 'MedicationRequest',
      id: rng.uuid(),
      meta: meta(),
      status: 'active',
      intent: 'order',
      medicationCodeableConcept: {
        coding: [
          { system: SYSTEMS.atc, code: code.drug.atc },
          ...(locale === 'en' ? [{ system: SYSTEMS.rxnorm, code: code.drug.rxnorm }] : []),
        ],
        text: code.drug.name,
      },
      subject: patientRef,
      encounter: { reference: `Encounter/${firstVisit.encounter.id}` },
      authoredOn: fhirDateTime(addMinutes(firstVisit.start, 45), locale),
      requester: { reference: `Practitioner/${firstVisit.physician.resource.id}`, display: `Dr ${firstVisit.physician.displayName}` },
      reasonReference: [{ reference: `Condition/${conditionId}` }],
      dosageInstruction: [{ text: locale === 'fr' ? code.drug.doseFr : code.drug.doseEn }],
    };
    resources.push(condition, prescription);
  }

  // Social history: free text in valueString and in a note.
  const social = writeSocialHistory({
    locale,
    given: name.given[0],
    family: name.family,
    addressLine: address.line,
    city: address.city,
    contactPhone: contact?.phone,
    physician: gp.displayName,
  });
  say('free-text', social.value);
  say('free-text', social.note);
  resources.push({
    ...observationBase(rng, 'social-history', SOCIAL_HISTORY, patientRef, { reference: `Encounter/${firstVisit.encounter.id}` }, fhirDateTime(firstVisit.start, locale)),
    valueString: social.value,
    note: [{ text: social.note, time: fhirDateTime(addMinutes(firstVisit.start, 30), locale) }],
  });

  // The clinical note of the last visit, as a text/plain attachment.
  const mainCondition = conditions[0];
  const note = writeClinicalNote({
    locale,
    hospital: site.organization.name ?? '',
    visitDate: writtenDate(fhirDate(lastVisit.start), locale),
    prefix: name.prefix,
    given: name.given[0],
    family: name.family,
    birthDate: writtenDate(birthDate, locale),
    hospitalId,
    addressLine: address.line,
    postalCode: address.postalCode,
    city: address.city,
    phone,
    physician: lastVisit.physician.displayName,
    condition: locale === 'fr' ? mainCondition.fr : mainCondition.display,
    drug: mainCondition.drug.name,
    ...lastVisit.vitals,
  });
  for (const fragment of note.identifyingFragments) say('free-text', fragment);
  const inpatient = lastVisit.encounter.class.code === 'IMP';
  const document: WithId<DocumentReference> = {
    resourceType: 'DocumentReference',
    id: rng.uuid(),
    meta: meta(),
    status: 'current',
    docStatus: 'final',
    type: {
      coding: [inpatient
        ? { system: SYSTEMS.loinc, code: '18842-5', display: 'Discharge summary' }
        : { system: SYSTEMS.loinc, code: '11506-3', display: 'Progress note' }],
    },
    category: [{ coding: [{ system: 'http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category', code: 'clinical-note' }] }],
    subject: patientRefWithDisplay,
    date: fhirInstant(addMinutes(lastVisit.end, 30)),
    author: [{ reference: `Practitioner/${lastVisit.physician.resource.id}`, display: `Dr ${lastVisit.physician.displayName}` }],
    custodian: { reference: `Organization/${site.organization.id}` },
    description: locale === 'fr' ? 'Compte rendu de consultation' : 'Clinic note',
    content: [{
      attachment: {
        contentType: 'text/plain; charset=utf-8',
        language: locale,
        data: Buffer.from(note.text, 'utf8').toString('base64'),
        title: locale === 'fr' ? 'Compte rendu de consultation' : 'Clinic note',
        creation: fhirDateTime(addMinutes(lastVisit.end, 30), locale),
      },
    }],
    context: {
      encounter: [{ reference: `Encounter/${lastVisit.encounter.id}` }],
      period: { start: lastVisit.encounter.period?.start, end: lastVisit.encounter.period?.end },
    },
  };
  resources.push(document);

  // An imaging study for about a third of the patients.
  if (rng.chance(0.35)) {
    resources.push(imagingStudy(rng, rng.pick(visits), patientRef, locale, say));
  }

  return { patient, resources };
}

const MARITAL_STATUSES = [
  { code: 'M', display: 'Married' },
  { code: 'S', display: 'Never Married' },
  { code: 'W', display: 'Widowed' },
  { code: 'D', display: 'Divorced' },
] as const;

function imagingStudy(
  rng: CohortRandom,
  visit: Visit,
  subject: Reference<Patient>,
  locale: CohortLocale,
  say: (kind: 'dicom-uid', value: string) => void,
): WithId<ImagingStudy> {
  const kind = rng.pick(IMAGING);
  const studyUid = `${DICOM_UID_ROOT}.1.${rng.digits(12)}.${rng.digits(8)}`;
  const seriesUid = `${studyUid}.1`;
  const instances = rng.int(1, 4);
  const instanceUids = Array.from({ length: instances }, (_, i) => `${seriesUid}.${i + 1}`);
  say('dicom-uid', studyUid);
  say('dicom-uid', seriesUid);
  for (const uid of instanceUids) say('dicom-uid', uid);
  const started = fhirDateTime(addMinutes(visit.start, rng.int(30, 120)), locale);
  return {
    resourceType: 'ImagingStudy',
    id: rng.uuid(),
    meta: meta(),
    identifier: [{ system: 'urn:dicom:uid', value: `urn:oid:${studyUid}` }],
    status: 'available',
    modality: [{ system: SYSTEMS.dicomModality, code: kind.modality, display: kind.display }],
    subject,
    encounter: { reference: `Encounter/${visit.encounter.id}` },
    started,
    referrer: { reference: `Practitioner/${visit.physician.resource.id}` },
    numberOfSeries: 1,
    numberOfInstances: instances,
    description: kind.description,
    series: [{
      uid: seriesUid,
      number: 1,
      modality: { system: SYSTEMS.dicomModality, code: kind.modality, display: kind.display },
      numberOfInstances: instances,
      started,
      instance: instanceUids.map((uid, i) => ({
        uid,
        sopClass: { system: 'urn:ietf:rfc:3986', code: `urn:oid:${kind.sopClass}` },
        number: i + 1,
      })),
    }],
  };
}

function observationBase(
  rng: CohortRandom,
  category: 'vital-signs' | 'laboratory' | 'social-history',
  code: { loinc: string; display: string },
  subject: Reference<Patient>,
  encounter: Reference<Encounter>,
  effective: string,
): WithId<Observation> {
  const displays = { 'vital-signs': 'Vital Signs', laboratory: 'Laboratory', 'social-history': 'Social History' };
  return {
    resourceType: 'Observation',
    id: rng.uuid(),
    meta: meta(),
    status: 'final',
    category: [{ coding: [{ system: SYSTEMS.observationCategory, code: category, display: displays[category] }] }],
    code: loinc(code),
    subject,
    encounter,
    effectiveDateTime: effective,
  };
}

function loinc(code: { loinc: string; display: string }): CodeableConcept {
  return { coding: [{ system: SYSTEMS.loinc, code: code.loinc, display: code.display }], text: code.display };
}

function quantity(value: number, unit: string): Observation['valueQuantity'] {
  return { value, unit, system: SYSTEMS.ucum, code: unit };
}

function conditionConcept(code: ConditionCode, locale: CohortLocale): CodeableConcept {
  return {
    coding: [
      { system: SYSTEMS.icd10, code: code.icd10, display: code.display },
      { system: SYSTEMS.snomed, code: code.snomed, display: code.display },
    ],
    text: locale === 'fr' ? code.fr : code.display,
  };
}

function reportName(say: (kind: 'name' | 'contact-name', value: string) => void, kind: 'name' | 'contact-name', name: PersonName): void {
  say(kind, name.family);
  for (const given of name.given) say(kind, given);
  // The full name is written out (narrative, reference displays) for patients only.
  if (kind === 'name') say(kind, `${name.given.join(' ')} ${name.family}`);
}

function earliest(a: Date, b: Date): Date {
  return a.getTime() <= b.getTime() ? a : b;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

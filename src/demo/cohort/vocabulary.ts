/**
 * Clinical vocabulary of the demo cohort: real code systems (LOINC, ICD-10, SNOMED CT, ATC, UCUM)
 * with plausible value ranges. Kept as data so the generator stays readable and so the leak tests
 * can tell clinical words apart from the identities the generator invents.
 */

export const SYSTEMS = {
  loinc: 'http://loinc.org',
  icd10: 'http://hl7.org/fhir/sid/icd-10',
  snomed: 'http://snomed.info/sct',
  atc: 'http://www.whocc.no/atc',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  ucum: 'http://unitsofmeasure.org',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  conditionClinical: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionVerification: 'http://terminology.hl7.org/CodeSystem/condition-ver-status',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  maritalStatus: 'http://terminology.hl7.org/CodeSystem/v3-MaritalStatus',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  dicomModality: 'http://dicom.nema.org/resources/ontology/DCM',
  /** French national health identifier (INS, built on the NIR). */
  insNir: 'urn:oid:1.2.250.1.213.1.4.8',
  /** A fictitious hospital's patient identifier (IPP) namespace. */
  ipp: 'urn:oid:1.2.250.1.999.1.1.1',
  rpps: 'urn:oid:1.2.250.1.71.4.2.1',
  mrn: 'http://hospital.example.org/fhir/sid/mrn',
  ssn: 'http://hl7.org/fhir/sid/us-ssn',
  npi: 'http://hl7.org/fhir/sid/us-npi',
  finess: 'urn:oid:1.2.250.1.71.4.2.2',
} as const;

export interface LabTest {
  readonly loinc: string;
  readonly display: string;
  readonly unit: string;
  readonly min: number;
  readonly max: number;
  readonly decimals: number;
}

export const LAB_TESTS: readonly LabTest[] = [
  { loinc: '2345-7', display: 'Glucose [Mass/volume] in Serum or Plasma', unit: 'mg/dL', min: 65, max: 210, decimals: 0 },
  { loinc: '4548-4', display: 'Hemoglobin A1c/Hemoglobin.total in Blood', unit: '%', min: 4.8, max: 10.5, decimals: 1 },
  { loinc: '2160-0', display: 'Creatinine [Mass/volume] in Serum or Plasma', unit: 'mg/dL', min: 0.5, max: 2.4, decimals: 2 },
  { loinc: '718-7', display: 'Hemoglobin [Mass/volume] in Blood', unit: 'g/dL', min: 9.5, max: 17.5, decimals: 1 },
  { loinc: '6690-2', display: 'Leukocytes [#/volume] in Blood by Automated count', unit: '10*3/uL', min: 3.5, max: 14, decimals: 1 },
  { loinc: '777-3', display: 'Platelets [#/volume] in Blood by Automated count', unit: '10*3/uL', min: 140, max: 420, decimals: 0 },
  { loinc: '2093-3', display: 'Cholesterol [Mass/volume] in Serum or Plasma', unit: 'mg/dL', min: 140, max: 290, decimals: 0 },
  { loinc: '2951-2', display: 'Sodium [Moles/volume] in Serum or Plasma', unit: 'mmol/L', min: 132, max: 147, decimals: 0 },
  { loinc: '2823-3', display: 'Potassium [Moles/volume] in Serum or Plasma', unit: 'mmol/L', min: 3.3, max: 5.4, decimals: 1 },
];

export const VITAL_SIGNS = {
  panel: { loinc: '85354-9', display: 'Blood pressure panel with all children optional' },
  systolic: { loinc: '8480-6', display: 'Systolic blood pressure', unit: 'mm[Hg]', min: 100, max: 175 },
  diastolic: { loinc: '8462-4', display: 'Diastolic blood pressure', unit: 'mm[Hg]', min: 60, max: 100 },
  heartRate: { loinc: '8867-4', display: 'Heart rate', unit: '/min', min: 52, max: 110 },
  temperature: { loinc: '8310-5', display: 'Body temperature', unit: 'Cel', min: 36.1, max: 38.9 },
  weight: { loinc: '29463-7', display: 'Body weight', unit: 'kg', min: 48, max: 118 },
  oxygen: { loinc: '2708-6', display: 'Oxygen saturation in Arterial blood', unit: '%', min: 91, max: 100 },
} as const;

export const SOCIAL_HISTORY = { loinc: '29762-2', display: 'Social history Narrative' } as const;

export interface ConditionCode {
  readonly icd10: string;
  readonly snomed: string;
  readonly display: string;
  readonly fr: string;
  /** The medication that usually goes with it. */
  readonly drug: Drug;
}

export interface Drug {
  readonly atc: string;
  readonly rxnorm: string;
  readonly name: string;
  readonly doseFr: string;
  readonly doseEn: string;
}

const metformin: Drug = { atc: 'A10BA02', rxnorm: '860975', name: 'Metformin 500 mg', doseFr: '1 comprimé matin et soir au cours des repas', doseEn: 'Take 1 tablet by mouth twice daily with meals' };
const ramipril: Drug = { atc: 'C09AA05', rxnorm: '845488', name: 'Ramipril 5 mg', doseFr: '1 gélule le matin', doseEn: 'Take 1 capsule by mouth every morning' };
const salbutamol: Drug = { atc: 'R03AC02', rxnorm: '745679', name: 'Salbutamol 100 micrograms inhaler', doseFr: '2 bouffées en cas de gêne respiratoire, maximum 8 par jour', doseEn: 'Inhale 2 puffs as needed for wheezing, up to 8 puffs a day' };
const apixaban: Drug = { atc: 'B01AF02', rxnorm: '1364445', name: 'Apixaban 5 mg', doseFr: '1 comprimé matin et soir', doseEn: 'Take 1 tablet by mouth twice daily' };
const atorvastatin: Drug = { atc: 'C10AA05', rxnorm: '617312', name: 'Atorvastatin 20 mg', doseFr: '1 comprimé le soir', doseEn: 'Take 1 tablet by mouth at bedtime' };
const sertraline: Drug = { atc: 'N06AB06', rxnorm: '312940', name: 'Sertraline 50 mg', doseFr: '1 comprimé le matin', doseEn: 'Take 1 tablet by mouth once daily' };
const omeprazole: Drug = { atc: 'A02BC01', rxnorm: '402014', name: 'Omeprazole 20 mg', doseFr: '1 gélule le matin à jeun', doseEn: 'Take 1 capsule by mouth before breakfast' };
const furosemide: Drug = { atc: 'C03CA01', rxnorm: '310429', name: 'Furosemide 40 mg', doseFr: '1 comprimé le matin', doseEn: 'Take 1 tablet by mouth every morning' };
const levetiracetam: Drug = { atc: 'N03AX14', rxnorm: '311289', name: 'Levetiracetam 500 mg', doseFr: '1 comprimé matin et soir', doseEn: 'Take 1 tablet by mouth twice daily' };

export const CONDITIONS: readonly ConditionCode[] = [
  { icd10: 'E11.9', snomed: '44054006', display: 'Type 2 diabetes mellitus', fr: 'diabète de type 2', drug: metformin },
  { icd10: 'I10', snomed: '38341003', display: 'Essential hypertension', fr: 'hypertension artérielle essentielle', drug: ramipril },
  { icd10: 'J45.9', snomed: '195967001', display: 'Asthma', fr: 'asthme', drug: salbutamol },
  { icd10: 'I48.9', snomed: '49436004', display: 'Atrial fibrillation', fr: 'fibrillation atriale', drug: apixaban },
  { icd10: 'E78.5', snomed: '55822004', display: 'Hyperlipidemia', fr: 'hyperlipidémie', drug: atorvastatin },
  { icd10: 'F32.9', snomed: '35489007', display: 'Depressive disorder', fr: 'épisode dépressif', drug: sertraline },
  { icd10: 'K21.9', snomed: '235595009', display: 'Gastroesophageal reflux disease', fr: 'reflux gastro-œsophagien', drug: omeprazole },
  { icd10: 'I50.9', snomed: '84114007', display: 'Heart failure', fr: 'insuffisance cardiaque', drug: furosemide },
  { icd10: 'G40.9', snomed: '84757009', display: 'Epilepsy', fr: 'épilepsie', drug: levetiracetam },
  { icd10: 'N18.3', snomed: '433144002', display: 'Chronic kidney disease stage 3', fr: 'maladie rénale chronique de stade 3', drug: furosemide },
];

export const ENCOUNTER_CLASSES = [
  { code: 'AMB', display: 'ambulatory', minHours: 0.5, maxHours: 2 },
  { code: 'IMP', display: 'inpatient encounter', minHours: 24, maxHours: 24 * 9 },
  { code: 'EMER', display: 'emergency', minHours: 2, maxHours: 14 },
] as const;

export const IMAGING = [
  { modality: 'CT', display: 'Computed Tomography', description: 'CT chest without contrast', sopClass: '1.2.840.10008.5.1.4.1.1.2' },
  { modality: 'MR', display: 'Magnetic Resonance', description: 'MRI brain with and without contrast', sopClass: '1.2.840.10008.5.1.4.1.1.4' },
  { modality: 'CR', display: 'Computed Radiography', description: 'Chest X-ray two views', sopClass: '1.2.840.10008.5.1.4.1.1.1' },
] as const;

/** Fictitious hospitals: names that contain no person's first name, so no false leak matches. */
export const HOSPITALS = [
  { locale: 'fr', name: 'CHU de Rivemont', city: 'Rivemont', postalCode: '69100', line: '12 boulevard des Tilleuls', country: 'FR', finess: '690781234' },
  { locale: 'fr', name: 'Hôpital du Val-Fleuri', city: 'Valfleuri', postalCode: '33200', line: '4 avenue du Parc', country: 'FR', finess: '330785678' },
  { locale: 'en', name: 'Northbridge University Hospital', city: 'Northbridge', postalCode: '02139', line: '200 Hospital Drive', country: 'US', state: 'MA' },
  { locale: 'en', name: 'Riverside General Hospital', city: 'Riverside', postalCode: '60546', line: '15 Medical Center Road', country: 'US', state: 'IL' },
] as const;

/** The DICOM UID root of the demo (the pydicom example root, public and documented as such). */
export const DICOM_UID_ROOT = '1.2.826.0.1.3680043.8.498';

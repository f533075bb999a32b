import type { CohortLocale } from './random.js';

/** Everything a clinical note is written from; all strings are already formatted for the locale. */
export interface NoteFacts {
  readonly locale: CohortLocale;
  readonly hospital: string;
  readonly visitDate: string;
  readonly prefix: string;
  readonly given: string;
  readonly family: string;
  readonly birthDate: string;
  readonly hospitalId: string;
  readonly addressLine: string;
  readonly postalCode: string;
  readonly city: string;
  readonly phone: string;
  readonly physician: string;
  readonly condition: string;
  readonly drug: string;
  readonly systolic: number;
  readonly diastolic: number;
  readonly heartRate: number;
}

export interface WrittenNote {
  readonly text: string;
  /** The lines and sentences of the note that carry identifying information, verbatim. */
  readonly identifyingFragments: readonly string[];
}

/**
 * A consultation note in the style of a hospital letter. Identifying lines are listed separately
 * from the clinical ones so that a text de-identifier that keeps the clinical content is not
 * flagged by the leak tests.
 */
export function writeClinicalNote(f: NoteFacts): WrittenNote {
  const identifying = f.locale === 'fr'
    ? [
        `Patient : ${f.prefix} ${f.given} ${f.family.toUpperCase()}, né(e) le ${f.birthDate}, IPP ${f.hospitalId}`,
        `Adresse : ${f.addressLine}, ${f.postalCode} ${f.city}`,
        `Téléphone : ${f.phone}`,
        `Médecin : Dr ${f.physician}`,
        `${f.prefix} ${f.family} signale une bonne observance du traitement par ${f.drug}.`,
        `Dr ${f.physician}`,
      ]
    : [
        `Patient: ${f.prefix} ${f.given} ${f.family}, DOB ${f.birthDate}, MRN ${f.hospitalId}`,
        `Address: ${f.addressLine}, ${f.city} ${f.postalCode}`,
        `Phone: ${f.phone}`,
        `Attending: Dr. ${f.physician}`,
        `${f.prefix} ${f.family} reports good adherence to ${f.drug}.`,
        `Dr. ${f.physician}, MD`,
      ];
  const [patientLine, addressLine, phoneLine, physicianLine, adherence, signature] = identifying;
  const text = f.locale === 'fr'
    ? [
        f.hospital,
        `Compte rendu de consultation du ${f.visitDate}`,
        '',
        patientLine,
        addressLine,
        phoneLine,
        physicianLine,
        '',
        `Motif : suivi d'une ${f.condition}.`,
        `${adherence} Pas d'effet indésirable rapporté.`,
        `Examen clinique : pression artérielle ${f.systolic}/${f.diastolic} mmHg, fréquence cardiaque ${f.heartRate}/min.`,
        'Conclusion : poursuite du traitement, contrôle biologique et nouvelle consultation dans trois mois.',
        '',
        signature,
      ].join('\n')
    : [
        f.hospital,
        `Clinic note, visit of ${f.visitDate}`,
        '',
        patientLine,
        addressLine,
        phoneLine,
        physicianLine,
        '',
        `Reason for visit: follow-up of ${f.condition.toLowerCase()}.`,
        `${adherence} No side effects reported.`,
        `Exam: blood pressure ${f.systolic}/${f.diastolic} mmHg, heart rate ${f.heartRate}/min.`,
        'Plan: continue current treatment, repeat labs and follow up in three months.',
        '',
        signature,
      ].join('\n');
  return { text, identifyingFragments: identifying };
}

/** Free text for the social-history Observation (`valueString`) and its `note`. */
export function writeSocialHistory(f: {
  locale: CohortLocale;
  given: string;
  family: string;
  addressLine: string;
  city: string;
  contactPhone: string | undefined;
  physician: string;
}): { value: string; note: string } {
  if (f.locale === 'fr') {
    const contact = f.contactPhone ? ` Personne à prévenir joignable au ${f.contactPhone}.` : '';
    return {
      value: `Vit au ${f.addressLine} à ${f.city}, autonome pour les actes de la vie quotidienne.${contact}`,
      note: `${f.given} ${f.family} vu(e) avec sa famille par le Dr ${f.physician}.`,
    };
  }
  const contact = f.contactPhone ? ` Emergency contact reachable at ${f.contactPhone}.` : '';
  return {
    value: `Lives at ${f.addressLine} in ${f.city}, independent in activities of daily living.${contact}`,
    note: `${f.given} ${f.family} seen with family by Dr. ${f.physician}.`,
  };
}

/** Words of the fixed note templates: a generated name must not be one of them. */
export const TEMPLATE_WORDS = [
  'Patient', 'Adresse', 'Téléphone', 'Médecin', 'Motif', 'suivi', 'signale', 'bonne', 'observance', 'traitement',
  'effet', 'indésirable', 'rapporté', 'Examen', 'clinique', 'pression', 'artérielle', 'fréquence', 'cardiaque',
  'Conclusion', 'poursuite', 'contrôle', 'biologique', 'nouvelle', 'consultation', 'trois', 'mois', 'Compte',
  'rendu', 'Clinic', 'note', 'visit', 'Address', 'Phone', 'Attending', 'reports', 'good', 'adherence', 'Reason',
  'follow', 'side', 'effects', 'reported', 'Exam', 'blood', 'pressure', 'heart', 'rate', 'Plan', 'continue',
  'current', 'treatment', 'repeat', 'labs', 'months', 'Vit', 'autonome', 'actes', 'vie', 'quotidienne',
  'Personne', 'prévenir', 'joignable', 'famille', 'Lives', 'independent', 'activities', 'daily', 'living',
  'Emergency', 'contact', 'reachable', 'seen', 'family', 'with', 'sa', 'par', 'vu', 'avec',
];

/**
 * The abbreviations nurse notes write for care staff's roles, folded (lower case, no accents): French
 * (ide, idel, as, aes, ash, ibode, iade, sf), English (rn, en, rgn, rmn, rm, hca, hcsw, lpn, cna, cns,
 * snr, np, sn), therapists (ot, slt, ht: a hand therapist) and district nurses (dn). One list for the rules
 * that read a name beside a role, so that a role one of them learns is known to all: who signed a note
 * ("kasia hca"), the team of a roster ("rmn owain, ot becca"), the patient a room line opens with (a role
 * there is no part of the name), and the words after a first name that are no surname.
 */
export const STAFF_ROLE_ABBREVIATIONS: readonly string[] = [
  'ide', 'idel', 'as', 'aes', 'ash', 'ibode', 'iade', 'sf',
  'rn', 'en', 'rgn', 'rmn', 'rm', 'hca', 'hcsw', 'lpn', 'cna', 'cns', 'snr', 'np', 'sn',
  'ot', 'slt', 'ht', 'dn',
];

/** The same list as a regular-expression alternation (every entry is plain letters). */
export const STAFF_ROLE_ALTERNATION = STAFF_ROLE_ABBREVIATIONS.join('|');

/**
 * A care role's job, grade or service after the role word, no one's name: "Clinical Nurse Specialist", "Nurse
 * Practitioner", "Nurse Line", "NURSE HOME VISIT", "Consultant Intensivist", "Consultant General Physician". A word
 * ending as a specialist's does ("-ologist", "-ist", "-ician") is one too.
 */
const JOB_AFTER_CARE_ROLE = /^(?:specialists?|practitioners?|clinicians?|manager|line|unit|consultant|colposcopist|endoscopist|hysteroscopist|cystoscopist|sonographer|educator|navigator|lead|advis[eo]r|home|log|prescriber|team|coordinator|liaison|led|station|bank|on|in|call|visit|therapist|associate|assistant|director|champion|clinic|service|general|oncoplastic|\p{L}+(?:ologist|ist|ician))$/iu;

export function isJobAfterCareRole(word: string): boolean {
  return JOB_AFTER_CARE_ROLE.test(word);
}

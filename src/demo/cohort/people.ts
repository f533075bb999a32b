import { COHORT_REFERENCE_DATE, type CohortLocale, type CohortRandom } from './random.js';
import { addDays, fhirDate } from './dates.js';
import { TEMPLATE_WORDS } from './notes.js';
import { CONDITIONS, HOSPITALS, IMAGING, LAB_TESTS, VITAL_SIGNS } from './vocabulary.js';

export type Gender = 'male' | 'female';

export interface PostalAddress {
  readonly line: string;
  readonly city: string;
  readonly postalCode: string;
  readonly state?: string;
  readonly country: 'FR' | 'US';
}

export interface PersonName {
  readonly given: readonly string[];
  readonly family: string;
  readonly prefix: string;
}

/**
 * Cities people live in: real places, chosen so that none contains a first name (Saint-Denis,
 * Aurora…), which would make a kept city look like a leaked name.
 */
const CITIES: Record<CohortLocale, readonly { city: string; postalPrefix: string; state?: string }[]> = {
  fr: [
    { city: 'Lyon', postalPrefix: '690' }, { city: 'Villeurbanne', postalPrefix: '691' }, { city: 'Vénissieux', postalPrefix: '692' },
    { city: 'Bron', postalPrefix: '695' }, { city: 'Bordeaux', postalPrefix: '330' }, { city: 'Mérignac', postalPrefix: '337' },
    { city: 'Pessac', postalPrefix: '336' }, { city: 'Talence', postalPrefix: '334' }, { city: 'Bègles', postalPrefix: '331' },
    { city: 'Caluire-et-Cuire', postalPrefix: '693' },
  ],
  en: [
    { city: 'Cambridge', postalPrefix: '021', state: 'MA' }, { city: 'Somerville', postalPrefix: '021', state: 'MA' },
    { city: 'Medford', postalPrefix: '021', state: 'MA' }, { city: 'Waltham', postalPrefix: '024', state: 'MA' },
    { city: 'Brookline', postalPrefix: '024', state: 'MA' }, { city: 'Chicago', postalPrefix: '606', state: 'IL' },
    { city: 'Naperville', postalPrefix: '605', state: 'IL' }, { city: 'Evanston', postalPrefix: '602', state: 'IL' },
    { city: 'Skokie', postalPrefix: '600', state: 'IL' }, { city: 'Schaumburg', postalPrefix: '601', state: 'IL' },
  ],
};

/**
 * Lower-case words that appear in the cohort's fixed vocabulary (codes, hospitals, templates, FHIR
 * enumerations). A generated name must not be one of them, so that "name found in a response" can
 * only mean "name leaked".
 */
const RESERVED_WORDS: ReadonlySet<string> = new Set(
  [
    ...TEMPLATE_WORDS,
    ...LAB_TESTS.map((t) => t.display),
    ...Object.values(VITAL_SIGNS).map((v) => v.display),
    ...CONDITIONS.flatMap((c) => [c.display, c.fr, c.drug.name, c.drug.doseEn, c.drug.doseFr]),
    ...HOSPITALS.flatMap((h) => [h.name, h.city, h.line]),
    ...IMAGING.flatMap((i) => [i.display, i.description]),
    ...Object.values(CITIES).flatMap((list) => list.map((c) => c.city)),
    'official maiden usual home mobile work male female unknown other active final current available finished',
    'ambulatory inpatient emergency encounter laboratory vital signs social history progress discharge summary',
    'redacted masked removed anonymized pseudonymized patient practitioner organization observation condition',
    'order plan proposal general hospital university center medical road drive lane street avenue',
  ]
    .flatMap((text) => text.toLowerCase().split(/[^\p{L}]+/u))
    .filter((w) => w.length > 0),
);

/** Draws a name part with `draw` until it is distinctive (≥ 3 letters, not a vocabulary word). */
function distinctive(draw: () => string): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const value = draw().trim();
    const words = value.toLowerCase().split(/[^\p{L}]+/u).filter((w) => w.length > 0);
    if (value.length >= 3 && words.every((w) => w.length >= 3 && !RESERVED_WORDS.has(w))) return value;
  }
  throw new Error('demo cohort: could not draw a distinctive name');
}

export function drawName(rng: CohortRandom, locale: CohortLocale, gender: Gender, secondGiven: boolean): PersonName {
  const faker = rng.people[locale];
  const first = distinctive(() => faker.person.firstName(gender));
  const given = secondGiven ? [first, distinctive(() => faker.person.firstName(gender))] : [first];
  const family = distinctive(() => faker.person.lastName());
  const prefix = locale === 'fr'
    ? (gender === 'male' ? 'M.' : 'Mme')
    : (gender === 'male' ? 'Mr.' : rng.pick(['Mrs.', 'Ms.']));
  return { given: given[0] === given[1] ? [first] : given, family, prefix };
}

export function drawFamilyName(rng: CohortRandom, locale: CohortLocale): string {
  return distinctive(() => rng.people[locale].person.lastName());
}

export function drawPhone(rng: CohortRandom, locale: CohortLocale): string {
  if (locale === 'fr') {
    const pairs = Array.from({ length: 4 }, () => String(rng.int(0, 99)).padStart(2, '0'));
    return `0${rng.pick(['6', '7'])} ${pairs.join(' ')}`;
  }
  return `(${rng.int(201, 989)}) ${rng.int(201, 998)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

export function drawWorkPhone(rng: CohortRandom, locale: CohortLocale): string {
  if (locale === 'fr') {
    const pairs = Array.from({ length: 4 }, () => String(rng.int(0, 99)).padStart(2, '0'));
    return `+33 4 ${pairs.join(' ')}`;
  }
  return `+1 ${rng.int(201, 989)}-${rng.int(201, 998)}-${String(rng.int(0, 9999)).padStart(4, '0')}`;
}

export function drawEmail(rng: CohortRandom, locale: CohortLocale, name: PersonName): string {
  const provider = locale === 'fr' ? rng.pick(['orange.fr', 'free.fr', 'laposte.net', 'gmail.com']) : rng.pick(['gmail.com', 'yahoo.com', 'outlook.com']);
  const ascii = (s: string) => s.normalize('NFD').replace(/[^A-Za-z]/g, '').toLowerCase();
  return `${ascii(name.given[0])}.${ascii(name.family)}${rng.int(1, 99)}@${provider}`;
}

export function drawAddress(rng: CohortRandom, locale: CohortLocale): PostalAddress {
  const faker = rng.people[locale];
  const place = rng.pick(CITIES[locale]);
  const postalCode = `${place.postalPrefix}${String(rng.int(0, 99)).padStart(2, '0')}`;
  if (locale === 'fr') {
    return { line: `${rng.int(1, 140)} ${faker.location.street()}`, city: place.city, postalCode, country: 'FR' };
  }
  return { line: faker.location.streetAddress(), city: place.city, postalCode, state: place.state, country: 'US' };
}

/** Birth date for an age in whole years at the cohort's reference date. */
export function drawBirthDate(rng: CohortRandom, age: number): string {
  const daysIntoYear = rng.int(1, 364);
  return fhirDate(addDays(COHORT_REFERENCE_DATE, -(age * 365.25 + daysIntoYear)));
}

/**
 * A French NIR (13 digits + 2-digit key, the key being 97 − n mod 97), as carried by the INS:
 * sex, year and month of birth, department and commune of birth, birth order.
 */
export function drawNir(rng: CohortRandom, gender: Gender, birthDate: string): string {
  const sex = gender === 'male' ? '1' : '2';
  const year = birthDate.slice(2, 4);
  const month = birthDate.slice(5, 7);
  const department = rng.pick(['69', '33', '75', '13', '38', '59']);
  const body = `${sex}${year}${month}${department}${String(rng.int(1, 999)).padStart(3, '0')}${String(rng.int(1, 999)).padStart(3, '0')}`;
  const key = 97n - (BigInt(body) % 97n);
  return `${body}${String(key).padStart(2, '0')}`;
}

/** A US SSN in the valid ranges (area ≠ 000, 666, 9xx; group ≠ 00; serial ≠ 0000). */
export function drawSsn(rng: CohortRandom): string {
  let area = rng.int(1, 899);
  if (area === 666) area = 667;
  return `${String(area).padStart(3, '0')}-${String(rng.int(1, 99)).padStart(2, '0')}-${String(rng.int(1, 9999)).padStart(4, '0')}`;
}

import { fold } from './normalize.js';

/**
 * The countries the notes name, in English and in French: one list for the town before its country
 * (recognizers/town-before-country.ts), the country closing an address field (address-field.ts) and
 * the places larger than a town the model mislabels (ner/label-checks.ts). Their differences in
 * meaning are the sets below it, each saying why.
 */

/** A country's key: folded, words joined by '-', letters and hyphens only ("Côte d'Ivoire" → "cote-divoire", "U.S.A." → "usa"). */
export function countryKey(words: readonly string[]): string {
  return fold(words.join('-')).replace(/[^a-z-]/g, '');
}

function keys(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map((name) => countryKey([name])));
}

const COUNTRIES = keys(
  `afghanistan albania albanie algeria algerie allemagne angola argentina argentine armenia armenie australia australie austria autriche
  azerbaijan azerbaidjan bangladesh barbados barbade belarus belgium belgique benin bolivia bolivie bosnia bosnie botswana brazil bresil
  bulgaria bulgarie burkina-faso burundi cambodia cambodge cameroon cameroun canada cap-vert cape-verde chile chili china chine colombia
  colombie comores comoros congo costa-rica cote-d'ivoire croatia croatie cuba cyprus chypre czechia tchequie danemark denmark djibouti
  dominique ecuador equateur egypt egypte england angleterre eritrea erythree espagne espana spain estonia estonie ethiopia ethiopie fiji
  fidji finland finlande france gabon gambia gambie georgia georgie germany ghana great-britain grande-bretagne greece grece guatemala
  guinea guinee guyana haiti honduras hungary hongrie iceland islande india inde indonesia indonesie iran iraq irak ireland irlande israel
  italy italie jamaica jamaique japan japon jordan jordanie kazakhstan kenya kosovo kuwait koweit laos latvia lettonie lebanon liban
  liberia libya libye lithuania lituanie luxembourg madagascar malawi malaysia malaisie mali malta malte mauritania mauritanie mauritius
  maurice mexico mexique moldova moldavie mongolia mongolie montenegro morocco maroc mozambique myanmar namibia namibie nepal netherlands
  pays-bas new-zealand nouvelle-zelande nicaragua niger nigeria northern-ireland irlande-du-nord norway norvege oman pakistan palestine
  panama papua-new-guinea papouasie-nouvelle-guinee paraguay peru perou philippines poland pologne portugal qatar rdc romania roumanie
  royaume-uni united-kingdom russia russie rwanda samoa saudi-arabia arabie-saoudite scotland ecosse senegal serbia serbie seychelles
  sierra-leone singapore singapour slovakia slovaquie slovenia slovenie somalia somalie south-africa afrique-du-sud sri-lanka sudan soudan
  suriname sweden suede switzerland suisse syria syrie taiwan tanzania tanzanie tchad chad thailand thailande togo tonga trinidad tunisia
  tunisie turkey turquie uganda ouganda ukraine united-states united-states-of-america usa etats-unis uruguay uzbekistan ouzbekistan
  vanuatu venezuela vietnam viet-nam wales yemen zambia zambie zimbabwe`,
);

/**
 * "US" and "UK" are ordinary tokens too: "US" is ultrasound in French and English notes
 * ("échographie/US", "Radio, US"), "UK" a part of codes. Without dots they are countries only where
 * they close an address; "U.S.", "U.K." are never anything else.
 */
const ABBREVIATIONS_ALSO_WORDS = keys('us uk');

/**
 * Countries that are their own capital: "Luxembourg", "Singapore", "Djibouti" are towns as well, so
 * they close an address as countries but are never dropped as "no town".
 */
const CITY_STATES = keys('luxembourg singapore singapour djibouti');

/** Regions and continents: larger than a town, but no country closing an address. */
const REGIONS = keys('ontario quebec selangor europe afrique africa asie asia');

/**
 * Whether `key` is a country, "US" and "UK" included: whether one closes an address here is the
 * caller's to judge (isAbbreviationAlsoWord).
 */
export function isCountryKey(key: string): boolean {
  return COUNTRIES.has(key) || ABBREVIATIONS_ALSO_WORDS.has(key);
}

/**
 * Whether `name`, the last part of an address, is a country the list holds, whole ("Belgique", "New
 * Zealand", "Côte d'Ivoire"); closing an address, "US" and "UK" are countries too.
 */
export function isCountry(name: string): boolean {
  return isCountryKey(countryKey(name.trim().split(/[ \t]+/)));
}

/** Whether `key` is a bare "US" or "UK" (ABBREVIATIONS_ALSO_WORDS). */
export function isAbbreviationAlsoWord(key: string): boolean {
  return ABBREVIATIONS_ALSO_WORDS.has(key);
}

/**
 * Whether `key` is a place larger than a town: a country (not a city-state) or a region. "US" and
 * "UK" are left out: one the model calls a person is more often an abbreviation than a country.
 */
export function isCountryOrRegionKey(key: string): boolean {
  return (COUNTRIES.has(key) && !CITY_STATES.has(key)) || REGIONS.has(key);
}

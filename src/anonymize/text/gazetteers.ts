import communesData from './data/communes.json' with { type: 'json' };
import namesData from './data/names.json' with { type: 'json' };
import usFirstNamesData from './data/first-names-us.json' with { type: 'json' };
import celticPacificFirstNamesData from './data/first-names-celtic-pacific.json' with { type: 'json' };
import eastAsianSurnamesData from './data/surnames-east-asian.json' with { type: 'json' };
import { fold } from './normalize.js';

/**
 * Gazetteers built by models/data/build-gazetteers.ts: French communes with their postal codes
 * (from @etalab/decoupage-administratif) and first/last names (from @faker-js/faker). Loaded once,
 * indexed lazily on first use.
 */
type CommuneRow = [postalCode: string, name: string, population: number];
const COMMUNES = communesData as CommuneRow[];
const NAMES = namesData as { first: string[]; last: string[]; world: string[]; fr: { first: string[]; last: string[] }; en: { first: string[]; last: string[] } };

export function foldName(s: string): string {
  return fold(s).replace(/[-'\s]+/g, ' ').replace(/^(saint|st) /, 'saint ').trim();
}

let byCode: Map<string, Set<string>> | undefined;
let byName: Map<string, number> | undefined;
let departmentsByName: Map<string, Set<string>> | undefined;

function index(): void {
  if (byCode) return;
  byCode = new Map();
  byName = new Map();
  departmentsByName = new Map();
  for (const [cp, name, pop] of COMMUNES) {
    const key = foldName(name);
    let set = byCode.get(cp);
    if (!set) byCode.set(cp, (set = new Set()));
    set.add(key);
    byName.set(key, Math.max(byName.get(key) ?? 0, pop));
    let deps = departmentsByName.get(key);
    if (!deps) departmentsByName.set(key, (deps = new Set()));
    deps.add(cp.slice(0, 2));
  }
}

export function isPostalCode(code: string): boolean {
  index();
  return byCode!.has(code.replace(/\s/g, ''));
}

/** Does this commune name (any case, accents optional) carry this postal code? */
export function communeHasCode(name: string, code: string): boolean {
  index();
  return byCode!.get(code.replace(/\s/g, ''))?.has(foldName(name)) ?? false;
}

/** Population of the largest commune of that name, or undefined when no commune has that name. */
export function communePopulation(name: string): number | undefined {
  index();
  return byName!.get(foldName(name));
}

/** Whether a commune of that name has a postal code starting with these two digits (its département, roughly). */
export function communeInDepartment(name: string, department: string): boolean {
  index();
  return departmentsByName!.get(foldName(name))?.has(department) ?? false;
}

export function communeRows(): readonly CommuneRow[] {
  return COMMUNES;
}

let firstSet: Set<string> | undefined;
let lastSet: Set<string> | undefined;

let worldSet: Set<string> | undefined;

/**
 * A first name of the core locales, or of the more distant ones ("world": Yoruba, Zulu, Turkish, Polish,
 * Indian … names no dictionary holds; and Welsh, Irish, Breton, Basque, Quebec, Māori and Pacific names, which faker
 * lacks: first-names-celtic-pacific.json) unless written as a short upper-case word, which in a note is a unit
 * or an acronym far more often than a name ("NICU", "ESAT", "SAMU"; "Nicu", "Samu" still count).
 */
export function isFirstName(token: string): boolean {
  const core = (firstSet ??= new Set(NAMES.first.map((n) => fold(n))));
  const world = (worldSet ??= new Set([...NAMES.world, ...(celticPacificFirstNamesData as string[])].map((n) => fold(n))));
  const f = fold(token);
  if (core.has(f)) return true;
  // Called for nearly every word of every note: the common answer (no list, no hyphen) in two lookups.
  const inWorld = world.has(f);
  if (!inWorld && !f.includes('-')) return false;
  const shortUpper = token.length <= 5 && token === token.toUpperCase();
  if (inWorld) return !shortUpper;
  const parts = f.split('-');
  if (parts.every((part) => core.has(part))) return true;
  return !shortUpper && parts.every((part) => core.has(part) || world.has(part));
}

let usSet: Set<string> | undefined;

/**
 * A first name of any list, the US Social Security's given names too ("Shona", "Kirsty", "Christos", "Linh":
 * first-names-us.json, names faker's lists lack). Only for places where the context already says a person
 * comes (a lowercase name after a care role, a log line's patient): many of these names are a surname, a
 * house or a place as well ("Bryn", "Haydon", "Kaiser"), and isFirstName alone turns a model's place into a
 * person.
 */
export function isFirstNameOfAnyList(token: string): boolean {
  if (isFirstName(token)) return true;
  usSet ??= new Set(usFirstNamesData as string[]);
  return usSet.has(fold(token)) && !(token.length <= 5 && token === token.toUpperCase());
}

let eastAsianSet: Set<string> | undefined;

/**
 * A surname of the faker-built lists, or one of the commonest East Asian surnames (surnames-east-asian.json: "Tran",
 * "Pham", "Chan", "Wong", "Tsang", "Nakamura", which those lists lack) unless written as a word of three capitals
 * ("LIM", "ONG", "KOK" are acronyms in a note as often).
 */
export function isLastName(token: string): boolean {
  lastSet ??= new Set(NAMES.last.map((n) => fold(n)));
  const f = fold(token);
  if (lastSet.has(f)) return true;
  eastAsianSet ??= new Set(eastAsianSurnamesData as string[]);
  return eastAsianSet.has(f) && !(token.length <= 3 && token === token.toUpperCase());
}

/**
 * A short word in capitals that no surname list holds: after a particle ("Nathalie du CLSC", "Sophie du CHU") it names
 * where the person works, not a family (the surname and name-pair rules both ask).
 */
export function isAcronymNoSurname(word: string): boolean {
  return /^\p{Lu}{2,5}$/u.test(word) && !isLastName(word);
}

export function namePool(lang: 'fr' | 'en'): { first: readonly string[]; last: readonly string[] } {
  return NAMES[lang];
}

/** Large cities outside France that English and French notes name often. */
export const WORLD_CITIES = [
  'London', 'Londres', 'Manchester', 'Birmingham', 'Liverpool', 'Leeds', 'Glasgow', 'Edinburgh', 'Bristol', 'Dublin', 'Cardiff', 'Belfast',
  'New York', 'Boston', 'Chicago', 'Los Angeles', 'San Francisco', 'Seattle', 'Houston', 'Dallas', 'Miami', 'Atlanta', 'Philadelphia', 'Baltimore',
  'Denver', 'Phoenix', 'Detroit', 'Cleveland', 'Rochester', 'Pittsburgh', 'Minneapolis', 'Nashville', 'Portland', 'San Diego', 'Austin', 'Toronto',
  'Montreal', 'Montréal', 'Québec', 'Quebec', 'Vancouver', 'Ottawa', 'Bruxelles', 'Brussels', 'Genève', 'Geneva', 'Lausanne', 'Zurich', 'Bâle',
  'Basel', 'Luxembourg', 'Liège', 'Namur', 'Anvers', 'Antwerp', 'Berlin', 'Munich', 'Madrid', 'Barcelone', 'Barcelona', 'Rome', 'Milan', 'Lisbonne',
  'Lisbon', 'Porto', 'Alger', 'Algiers', 'Oran', 'Tunis', 'Casablanca', 'Rabat', 'Dakar', 'Abidjan', 'Bamako', 'Beyrouth', 'Amsterdam',
];

/**
 * Builds the compact gazetteers the text pipeline ships with, from npm packages that are
 * devDependencies only (so production installs don't need them):
 *   communes.json   — [postal code, commune name, population] from @etalab/decoupage-administratif
 *   names.json      — first names and last names (fr, en, de, es, it, pt) from @faker-js/faker, and the
 *                     first names of 31 more Latin-script locales that are no dictionary word (see below)
 * Run: npx tsx models/data/build-gazetteers.ts
 */
import { writeFileSync } from 'node:fs';
import { BLOOM_BITS, BLOOM_HASHES, bloomPositions } from '../../src/anonymize/text/bloom.js';
import { isDrugName } from '../../src/anonymize/text/drugs.js';
import { fold as foldText } from '../../src/anonymize/text/normalize.js';
import { createRequire } from 'node:module';
import {
  fakerAF_ZA, fakerAZ, fakerCS_CZ, fakerDA, fakerDE, fakerDE_CH, fakerEN, fakerEN_AU, fakerEN_GB, fakerEN_GH, fakerEN_IN, fakerEN_NG, fakerEN_NP,
  fakerEN_ZA, fakerES, fakerES_MX, fakerFI, fakerFR, fakerFR_BE, fakerFR_CH, fakerFR_SN, fakerHR, fakerHU, fakerID_ID, fakerIT, fakerLV, fakerNB_NO,
  fakerNL, fakerNL_BE, fakerPL, fakerPT_BR, fakerPT_PT, fakerRO, fakerSK, fakerSV, fakerTR, fakerYO_NG, fakerZU_ZA,
} from '@faker-js/faker';

const require = createRequire(import.meta.url);
interface Commune {
  nom: string;
  codesPostaux?: string[];
  population?: number;
  type: string;
}
const communes = require('@etalab/decoupage-administratif/data/communes.json') as Commune[];
const rows: [string, string, number][] = [];
for (const c of communes) {
  if (c.type !== 'commune-actuelle') continue;
  for (const cp of c.codesPostaux ?? []) rows.push([cp, c.nom, c.population ?? 0]);
}
rows.sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
const out = new URL('../../src/anonymize/text/data/', import.meta.url);
writeFileSync(new URL('communes.json', out), JSON.stringify(rows));

function flat(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(flat);
  if (v && typeof v === 'object') return Object.values(v).flatMap(flat);
  return typeof v === 'string' ? [v] : [];
}
const fakers = { fr: fakerFR, en: fakerEN, gb: fakerEN_GB, de: fakerDE, es: fakerES, it: fakerIT, pt: fakerPT_BR };
const first = new Set<string>();
const last = new Set<string>();
const byLang: Record<string, { first: string[]; last: string[] }> = {};
for (const [lang, f] of Object.entries(fakers)) {
  const p = f.rawDefinitions.person ?? {};
  const fn = flat(p.first_name).filter((s) => /^[\p{L}' -]+$/u.test(s));
  const ln = flat(p.last_name).filter((s) => /^[\p{L}' -]+$/u.test(s));
  fn.forEach((s) => first.add(s));
  ln.forEach((s) => last.add(s));
  byLang[lang] = { first: [...new Set(fn)], last: [...new Set(ln)] };
}
// Notes name patients and staff from everywhere ("advisor shabnam rafiq", "nan hine", "romy", "Akosua"):
// the rules that want a known first name (lowercase notes, a name after a role or a relative word) missed
// every name the six core locales lack. The first names of more Latin-script locales join the list, but
// only single words of four letters or more that no English or French dictionary holds and that name no
// drug: an ordinary word, an acronym ("ANCA", "EMA") or a drug must not become a name.
const WORLD_FAKERS = [
  fakerAF_ZA, fakerAZ, fakerCS_CZ, fakerDA, fakerDE_CH, fakerEN_AU, fakerEN_GH, fakerEN_IN, fakerEN_NG, fakerEN_NP, fakerEN_ZA, fakerES_MX, fakerFI,
  fakerFR_BE, fakerFR_CH, fakerFR_SN, fakerHR, fakerHU, fakerID_ID, fakerLV, fakerNB_NO, fakerNL, fakerNL_BE, fakerPL, fakerPT_PT, fakerRO, fakerSK,
  fakerSV, fakerTR, fakerYO_NG, fakerZU_ZA,
];
const rawDictionary = new Set<string>();
for (const list of ['an-array-of-english-words/index.json', 'an-array-of-french-words/index.json']) {
  for (const w of require(list) as string[]) rawDictionary.add(foldText(w));
}
const coreFirst = new Set([...first].map((n) => foldText(n)));
// Kept apart ("world"): gazetteers.ts does not take an upper-case word of five letters or fewer for one of
// them ("NICU", "ESAT" are units; "Nicu" is a name).
const world = new Set<string>();
for (const f of WORLD_FAKERS) {
  for (const name of flat(f.rawDefinitions.person?.first_name)) {
    const key = foldText(name);
    if (!/^\p{Script=Latin}[\p{Script=Latin}'-]+$/u.test(name) || key.length < 4 || coreFirst.has(key) || rawDictionary.has(key) || isDrugName(name)) continue;
    world.add(name);
  }
}
writeFileSync(
  new URL('names.json', out),
  JSON.stringify({ first: [...first].sort(), last: [...last].sort(), world: [...world].sort(), fr: byLang.fr, en: byLang.en }),
);
console.log(`communes rows ${rows.length}, first names ${first.size} (and ${world.size} of more locales), last names ${last.size}`);

// ---- dictionary words (Bloom filter) --------------------------------------------------------
// Words of English and French (an-array-of-english-words, an-array-of-french-words, both MIT),
// folded, 3+ letters, minus every first and last name of the name gazetteer. The pipeline asks it
// whether a span the model alone calls a person is only ordinary words ("office", "stable").
// A Bloom filter keeps ~600k words in under 1 MB; a false "is a word" (~1 %) only makes the
// model-only filter stricter for that token.

const names = new Set([...first, ...world, ...last].map((n) => foldText(n)));
const dictionary = new Set<string>();
for (const f of rawDictionary) if (f.length >= 3 && /^[a-z'-]+$/.test(f) && !names.has(f)) dictionary.add(f);
const bits = new Uint8Array(BLOOM_BITS / 8);
for (const w of dictionary) for (const p of bloomPositions(w)) bits[p >>> 3]! |= 1 << (p & 7);
writeFileSync(new URL('../ner/words.bloom', import.meta.url), bits);
console.log(`dictionary words ${dictionary.size}, bloom ${bits.length} bytes, ${BLOOM_HASHES} hashes`);

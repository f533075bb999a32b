/**
 * Builds the compact gazetteers the text pipeline ships with, from npm packages that are
 * devDependencies only (so production installs don't need them):
 *   communes.json   — [postal code, commune name, population] from @etalab/decoupage-administratif
 *   names.json      — first names and last names (fr, en, de, es, it, pt) from @faker-js/faker
 * Run: npx tsx models/data/build-gazetteers.ts
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fakerDE, fakerEN, fakerES, fakerFR, fakerIT, fakerPT_BR, fakerEN_GB } from '@faker-js/faker';

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
writeFileSync(
  new URL('names.json', out),
  JSON.stringify({ first: [...first].sort(), last: [...last].sort(), fr: byLang.fr, en: byLang.en }),
);
console.log(`communes rows ${rows.length}, first names ${first.size}, last names ${last.size}`);

// ---- dictionary words (Bloom filter) --------------------------------------------------------
// Words of English and French (an-array-of-english-words, an-array-of-french-words, both MIT),
// folded, 3+ letters, minus every first and last name of the name gazetteer. The pipeline asks it
// whether a span the model alone calls a person is only ordinary words ("office", "stable").
// A Bloom filter keeps ~600k words in under 1 MB; a false "is a word" (~1 %) only makes the
// model-only filter stricter for that token.
import { BLOOM_BITS, BLOOM_HASHES, bloomPositions } from '../../src/anonymize/text/bloom.js';
import { fold as foldText } from '../../src/anonymize/text/normalize.js';

const names = new Set([...first, ...last].map((n) => foldText(n)));
const dictionary = new Set<string>();
for (const list of ['an-array-of-english-words/index.json', 'an-array-of-french-words/index.json']) {
  for (const w of require(list) as string[]) {
    const f = foldText(w);
    if (f.length >= 3 && /^[a-z'-]+$/.test(f) && !names.has(f)) dictionary.add(f);
  }
}
const bits = new Uint8Array(BLOOM_BITS / 8);
for (const w of dictionary) for (const p of bloomPositions(w)) bits[p >>> 3]! |= 1 << (p & 7);
writeFileSync(new URL('../ner/words.bloom', import.meta.url), bits);
console.log(`dictionary words ${dictionary.size}, bloom ${bits.length} bytes, ${BLOOM_HASHES} hashes`);

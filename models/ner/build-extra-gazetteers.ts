/**
 * Training-only gazetteers for models/ner/make_data.py, from @faker-js/faker (already a
 * devDependency; nothing else is downloaded). Written to models/ner/data/extra-gazetteers.json
 * (ignored by git, rebuilt by the recipe), never shipped with the runtime:
 *   - first and last names of Latin-script locales the runtime gazetteer lacks (Indian, Dutch,
 *     Polish, Turkish, Vietnamese, Nordic, Czech, Croatian, Hungarian, Nigerian, South African,
 *     Romanian, Indonesian, Portuguese), so that foreign names are seen in training;
 *   - US, Canadian, German and Spanish town names (multi-word ones included);
 *   - street names and street types (US, UK, Australian, French).
 * Names and towns that are also dictionary words are left out (an-array-of-english-words /
 * -french-words, as models/data/build-gazetteers.ts uses for words.bloom).
 * Run: npx tsx models/ner/build-extra-gazetteers.ts
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { allFakers } from '@faker-js/faker';

// Names and towns that are also ordinary English or French words ("Ta", "Anh", "Vista") taught the
// first retraining run that any lowercase word may be a name or a town: they are left out.
const require = createRequire(import.meta.url);
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const dictionary = new Set([...(require('an-array-of-english-words') as string[]), ...(require('an-array-of-french-words') as string[])].map(fold));
const notAWord = (s: string) => !s.split(/[ '-]/).some((w) => dictionary.has(fold(w)));

type Faker = (typeof allFakers)['en'];

function flat(v: unknown): string[] {
  if (Array.isArray(v)) return v.flatMap(flat);
  if (v && typeof v === 'object') return Object.values(v).flatMap(flat);
  return typeof v === 'string' ? [v] : [];
}
const latin = (s: string) => /^[\p{Script=Latin}' .-]+$/u.test(s) && s.length > 1;
const nameLike = (s: string) => /^[\p{Script=Latin}'-]{4,}$/u.test(s) && notAWord(s);
const uniq = (xs: string[]) => [...new Set(xs.filter(latin))].sort();

const NAME_LOCALES = ['en_IN', 'nl', 'pl', 'tr', 'vi', 'sv', 'nb_NO', 'fi', 'hr', 'cs_CZ', 'hu', 'yo_NG', 'en_NG', 'af_ZA', 'zu_ZA', 'ro', 'id_ID', 'da', 'pt_PT', 'az'] as const;
const first: string[] = [];
const last: string[] = [];
for (const loc of NAME_LOCALES) {
  const p = (allFakers as Record<string, Faker>)[loc]!.rawDefinitions.person ?? {};
  first.push(...flat(p.first_name));
  last.push(...flat(p.last_name));
}

const loc = (code: string) => (allFakers as Record<string, Faker>)[code]!;
// Real town names only (the generated ones, "Effertzworth", made every unknown capitalised word a town).
const cities = [
  ...flat(loc('en_US').rawDefinitions.location?.city_name),
  ...flat(loc('en_CA').rawDefinitions.location?.city_name),
  ...flat(loc('de').rawDefinitions.location?.city_name),
  ...flat(loc('es').rawDefinitions.location?.city_name),
].filter(notAWord);
const streetNames = [...flat(loc('en_GB').rawDefinitions.location?.street_name), ...flat(loc('en_AU').rawDefinitions.location?.street_name), ...flat(loc('en_US').rawDefinitions.location?.street_name)];
const streetTypes = [...flat(loc('en_GB').rawDefinitions.location?.street_suffix), ...flat(loc('en_AU').rawDefinitions.location?.street_suffix)];
const frStreetNames = flat(loc('fr').rawDefinitions.location?.street_suffix);

mkdirSync(new URL('./data/', import.meta.url), { recursive: true });
const out = { first: uniq(first.filter(nameLike)), last: uniq(last.filter(nameLike)), cities: uniq(cities), streetNames: uniq(streetNames), streetTypes: uniq(streetTypes), frStreetNames: uniq(frStreetNames) };
writeFileSync(new URL('./data/extra-gazetteers.json', import.meta.url), JSON.stringify(out));
console.log(Object.entries(out).map(([k, v]) => `${k} ${v.length}`).join(', '));

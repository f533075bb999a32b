import { communeHasCode } from '../gazetteers.js';

/**
 * A French postal code said in words between a dictated street and its commune, as speech-to-text writes an address
 * with no "code postal" before it: "dix-sept rue de la froidiere vingt-cinq deux cent quatre-vingt-dix ornans" (25290),
 * "quatre rue du foirail quatre-vingt-un deux cent trente lacaune" (81230), "quatre mille deux cents sisteron" (04200).
 * Only when the commune that follows owns the code: the words alone may be any number.
 */
const VALUES: Record<string, number> = {
  zero: 0, un: 1, une: 1, deux: 2, trois: 3, quatre: 4, cinq: 5, six: 6, sept: 7, huit: 8, neuf: 9, dix: 10, onze: 11,
  douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20, vingts: 20, trente: 30, quarante: 40,
  cinquante: 50, soixante: 60, septante: 70, huitante: 80, octante: 80, nonante: 90,
};
// A word said in a number: VALUES' words, "cent(s)", "mille" and "et", alone or hyphenated ("quatre-vingt-dix").
const NUMBER_PART = `(?:${[...Object.keys(VALUES), 'cents?', 'mille', 'et'].join('|')})`;
const NUMBER_WORD = new RegExp(`^${NUMBER_PART}(?:-${NUMBER_PART})*$`);

/** The value of French number words ("quatre-vingt-dix" 90, "deux cent trente" 230), or undefined. */
export function frenchNumberValue(words: readonly string[]): number | undefined {
  let total = 0;
  let current = 0;
  let last = '';
  let seen = false;
  for (const part of words.flatMap((w) => w.split('-'))) {
    if (part === 'et') continue;
    if (part === 'cent' || part === 'cents') current = (current || 1) * 100;
    else if (part === 'mille') {
      total += (current || 1) * 1000;
      current = 0;
    } else if ((part === 'vingt' || part === 'vingts') && last === 'quatre') current += 80 - 4;
    else if (part in VALUES) current += VALUES[part]!;
    else return undefined;
    last = part;
    seen = true;
  }
  return seen ? total + current : undefined;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The words of `text` (folded, lower case) just before `end` that say a postal code `town` owns, as
 * [start, end) offsets in `text`; undefined when none does. The longest run of number words wins.
 */
export function postcodeSaidBefore(text: string, end: number, town: string): { start: number; end: number } | undefined {
  const words = [...text.slice(0, end).matchAll(/[a-z][a-z-]*/g)];
  let first = words.length;
  while (first > 0 && NUMBER_WORD.test(words[first - 1]![0]) && words.length - first < 8) first--;
  for (let from = first; from < words.length; from++) {
    const run = words.slice(from).map((w) => w[0]);
    if (run[0] === 'et') continue;
    const codes = new Set<string>();
    const whole = frenchNumberValue(run);
    if (whole !== undefined && whole >= 1000 && whole <= 98999) codes.add(pad(whole, 5));
    for (let split = 1; split < run.length; split++) {
      const department = frenchNumberValue(run.slice(0, split));
      const rest = frenchNumberValue(run.slice(split));
      if (department !== undefined && department >= 1 && department <= 98 && rest !== undefined && rest <= 999) codes.add(pad(department, 2) + pad(rest, 3));
    }
    for (const code of codes) {
      if (!communeHasCode(town, code)) continue;
      const start = words[from]!.index;
      const last = words.at(-1)!;
      return { start, end: last.index + last[0].length };
    }
  }
  return undefined;
}

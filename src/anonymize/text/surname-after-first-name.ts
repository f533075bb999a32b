import { isDictionaryWord } from './bloom.js';
import { STAFF_ROLE_ABBREVIATIONS } from './care-roles.js';
import { CREDENTIALS_AND_RECORD_LABELS } from './beside-names.js';
import { isAcronymNoSurname, isFirstName } from './gazetteers.js';
import { fold } from './normalize.js';
import type { Doc, Span } from './types.js';

/**
 * The surname right after a name span that ends on a first name or is one word, or after a particle
 * ("ap Dafydd", "el amrani") after any name span. Several recognizers
 * stop at the first name the context vouches for ("dr solène giraudeau", "care coordinator Dafydd Rees", "HCA
 * Ellie Bowness") and the model does not always take the surname either; the surname then went out
 * in clear, while the entity-level evaluation (overlap matching) counted the person as found. Here
 * such a span is offered again with the next word when that word, one blank after it on the same
 * line and written in the same case style, reads as a surname: a word no dictionary knows ("Bowness",
 * "giraudeau"; not "said", "British"). The longer span wins the merge at the same priority;
 * the shorter one stays a candidate should a surer span take the word.
 */
export function surnamesAfterFirstNames(spans: readonly Span[], doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  const seen = new Set<string>();
  for (const s of spans) {
    // Most name spans end before punctuation or a line break: one character says so.
    const c = t.charCodeAt(s.end);
    // A first name spread from a span the model was less sure of vouches for no surname after it (merge.ts).
    if (s.label !== 'PERSON' || (c !== 0x20 && c !== 0x09) || s.source === 'person-propagated-listed') continue;
    // "Owain ap Dafydd", "Guadalupe Orozco de Villarreal", "ayoub el amrani": after any name, a
    // particle announces the surname. Without one, the name must end on a first name or be one word a
    // recognizer or the model vouched for as a name ("dr solène giraudeau").
    const particle = matchAt(PARTICLE_THEN_WORD, t, s.end);
    const next = particle ?? matchAt(NEXT_WORD, t, s.end);
    if (next === null || !readsAsSurname(next[1]!)) continue;
    const last = LAST_WORD.exec(t.slice(Math.max(s.start, s.end - MAX_WORD), s.end))?.[0];
    if (last === undefined || !sameCaseStyle(last, next[1]!)) continue;
    if (particle === null && !(isFirstName(last) || ONE_WORD.test(t.slice(s.start, s.end)))) continue;
    // "Nathalie du CLSC": an acronym after a particle, below a name not in capitals, is where someone works.
    if (particle !== null && last !== last.toUpperCase() && isAcronymNoSurname(next[1]!)) continue;
    const end = s.end + next[0].length;
    // Another name span already holds the first name with its surname ("OPJ Karim" beside "Karim Belkacem").
    if (spans.some((o) => o.label === 'PERSON' && o.start <= s.end - last.length && o.end >= end)) continue;
    const key = `${s.start}:${end}:${s.priority}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ ...s, end, source: 'person-surname-after' });
  }
  return out;
}

const MAX_WORD = 40;
/** One blank, then a word ending where letters and digits end (not "Ellie's", not "Rees2"). Sticky: tried at one place. */
const NEXT_WORD = /[ \t](\p{L}[\p{L}’'-]*\p{L})(?![\p{L}\p{N}’'])/uy;
const LAST_WORD = /[\p{L}][\p{L}-]*$/u;
const ONE_WORD = /^\p{L}[\p{L}-]*$/u;
/** One or two particles of a surname, each after one blank, then the word they announce. */
const PARTICLE_THEN_WORD = new RegExp(
  String.raw`(?:[ \t](?:de|del|della|da|das|do|dos|di|du|des|le|la|van|von|der|den|ter|ten|ap|ab|el|al|ben|bin|ibn|ould|mint|mac|mc)){1,2}[ \t](\p{L}[\p{L}’'-]*\p{L})(?![\p{L}\p{N}’'])`,
  'iuy',
);

/** A sticky pattern's match right at `at`, or null. */
function matchAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/**
 * What follows a name without being one, yet no dictionary tells apart (the dictionary leaves out
 * words that are also names: "Will", "Can"): particles (the surname is after them), verbs, and the
 * credentials, roles and codes written after a name ("dr tran pgr", "KEONI MRN", "dr tissot orl").
 */
const NOT_SURNAMES = new Set([
  ...CREDENTIALS_AND_RECORD_LABELS,
  ...STAFF_ROLE_ABBREVIATIONS,
  ...`and et the de du des la le les van von der da dos del ap mac ben bin el al
  will can may might must did does has had was were are says said saw sees
  pa do dds phd msc bsc pgr sho reg frcs frcp mrcp mrcgp ipde orl vih nir ssn`.split(/\s+/),
]);

function readsAsSurname(word: string): boolean {
  const key = fold(word);
  // "l'infarctus", "l'héberger": an elided article or pronoun before a dictionary word is prose ("d'Artagnan" stays).
  const elided = /^[ldjmnst]['’]/.exec(key);
  if (elided && isDictionaryWord(key.slice(2))) return false;
  return key.length >= 3 && !NOT_SURNAMES.has(key) && !isDictionaryWord(key);
}

/**
 * "solène giraudeau", "Ellie Bowness", "Jean DUPONT": a surname is written like the first name before
 * it, or in capitals after a capitalised one when it is longer than the acronyms that follow names
 * ("Emory MRN", "Sarah RN").
 */
function sameCaseStyle(first: string, word: string): boolean {
  const style = (w: string) => (w === w.toLowerCase() ? 'lower' : w === w.toUpperCase() ? 'upper' : /^\p{Lu}/u.test(w) ? 'capital' : 'mixed');
  const a = style(first);
  const b = style(word);
  return a === b || (a === 'capital' && b === 'upper' && word.length >= 4);
}

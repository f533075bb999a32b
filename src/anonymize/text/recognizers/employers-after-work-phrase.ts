import { isDictionaryWord } from '../bloom.js';
import { communePopulation, isFirstName, isLastName } from '../gazetteers.js';
import { NAME_LINK_WORDS } from '../link-words.js';
import { fold } from '../normalize.js';
import { isTitleWord } from '../titles.js';
import { isListedTown } from './location.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * Employers named after a work phrase, and pharmacies named by their owner. Mostly in lowercase notes, where the
 * employer rules want capitals (capitalised names after the same phrases: capitalisedEmployer below): "works at carroll
 * cuisine.", "works at wrightbus ballymena.", "travaille chez lactalis,", "per mccartan's pharmacy". After
 * a work phrase ("works part-time at", "his shift at", "job at", "travaille à la", "ancien salarié des") and an
 * article it may have, one to five lowercase words up to punctuation, the line's end or a word that goes on with
 * the sentence, the first of them no ordinary word (or a workplace word ending them: "savage river mine", or a
 * later word no dictionary holds: "mine goldex") and no first name alone ("travaille chez marie" is a person's
 * home); a pharmacy or a chemist named by its owner's possessive. A list's cell or a note's aside drops the
 * preposition ("works Froese Dairy", "works in Lakeland Foods Bailieborough"): then only a capitalised name, or a
 * lowercase one a workplace word ends.
 */
// The name ends at punctuation, the line's end, or a word that starts the rest of the sentence ("works at
// tambrands until 3", "worked at cardigan bay boatyard w/o goggles").
// Dictations end a sentence in words ("full stop", "comma", "point", "virgule") and go on with a phone or who
// consented ("works at kaptumo tea factory consented phone zero …").
const STOP = String.raw`(?:until|till|since|as|on|in|from|and|but|w\/o|without|when|near|during|which|who|where|depuis|jusqu|comme|et|mais|quand|a|pendant|donc|point|virgule|pardon|sorry|correction|full[ \t]+stop|comma|phone|telephone|tel|mobile|cell|consented|currently|now|today|ms|mr|mrs|dr)(?![a-z])`;
// A workplace word ends the name whatever follows it ("works at nile breweries jinja packaging line").
const SPECIFIC_WORKPLACE = String.raw`(?:haulage|freight|logistics|trucking|mine|mines|distillery|brewery|breweries|quarry|factory|mill|works|plant|ltd|plc|products|foods|farms|cafe|café|hotel|pub|restaurant|bakery|dairy|dairies|abattoir|sawmill|shipyard|boatyard|depot|warehouse|nursery|garage|usine|scierie|laiterie|conserverie|salaisons?|fromagerie|sucrerie|brasserie|brasseries)`;
// Generic ones end a name too, but name an employer only beside a word no dictionary holds ("dunblane primary",
// "kilimanjaro safari tours"; not "the local school").
const GENERIC_WORKPLACE = String.raw`(?:estate|market|school|academy|college|elementary|primary|transport|transports|tours|company|cooperative|plantation|docks)`;
const WORKPLACE_WORD = String.raw`(?:${SPECIFIC_WORKPLACE}|${GENERIC_WORKPLACE})`;
const NAME_END = String.raw`(?:(?=[ \t]*(?:[.,;:)\n]|[–—]|-[ \t]|$)|[ \t]+${STOP})|(?<=[ \t]${WORKPLACE_WORD})(?![a-z]))`;
// A job and the word that names where it is done: "forklift driver at Tata Steel", "teacher at menengai high
// school", "deckhand with magnolia marine transport", "chauffeur à la société …", "ouvrier chez somfy cluses",
// "she teaches at …", "works as a mechanic at …", "retired machinist from …".
const JOB_EN = String.raw`(?:driver|teacher|nurse|clerk|mechanic|deckhand|labou?rer|cashier|engineer|manager|technician|operator|worker|welder|fitter|electrician|plumber|carpenter|cleaner|cook|chef|waiter|waitress|secretary|receptionist|accountant|farmer|miner|mineworker|fisherman|porter|guard|assistant|apprentice|supervisor|foreman|machinist|packer|picker|storeman|caretaker|janitor|bartender|barista|hairdresser|stockman|shearer|counsell?or|instructor|baker|butcher|gamekeeper|contractor|volunteer|employee|scientist|analyst|officer)`;
const JOB_FR = String.raw`(?:chauffeur|ouvriere?|employee?|secretaire|caissiere|magasinier|soudeur|soudeuse|enseignante?|institutrice|instituteur|commercante?|vendeuse|vendeur|comptable|cuisiniere?|cuisinier|serveuse|serveur|mecanicien|electricien|macon|boulangere?|technicien(?:ne)?|ingenieur|agricultrice|agriculteur|viticultrice|viticulteur|gardien(?:ne)?|manoeuvre|manutentionnaire|cariste)`;
const JOB_PHRASE = String.raw`${JOB_EN}[ \t]+(?:at|for|with)|(?:teaches|sells|trades)[ \t]+at|(?:drives|drove|driving|hauls|trucks)[ \t]+for|works?[ \t]+as[ \t]+an?[ \t]+[a-z-]{3,20}(?:[ \t]+[a-z-]{3,20})?[ \t]+(?:at|for|with)|retired[ \t]+${JOB_EN}[ \t]+from|${JOB_FR}[ \t]+(?:a[ \t]+la|au|aux|chez|a[ \t]+l'(?=[a-z])|de[ \t]+la|du|des)`;
// The work phrase, then an article the name does not keep ("works at the rossing uranium mine", "travaille à la
// mine goldex", "ancien salarié des chantiers …"). Up to five words, link words among them ("fromagerie de la nièvre").
const AFTER_WORK = new RegExp(
  String.raw`\b(?:(?<job>${JOB_PHRASE})|(?:works?|worked|working)(?:[ \t]+(?:part-time|part[ \t]+time|full-time|full[ \t]+time|weekends|nights|days|fifo|shifts|away|offshore))?[ \t]+(?:at|for|with|on)|(?<bare>works(?:[ \t]+in)?)(?=[ \t]+[a-z])|(?:(?:his|her|their|a|the|weekend|summer|new|old|part-time)[ \t]+)?job[ \t]+(?:at|with)|(?:his|her|their|a|the|start|starts|night|day)[ \t]+shift[ \t]+at|off[ \t]+work[ \t]+from|employed[ \t]+(?:at|by)|travaill(?:e|ait|ent|ant)(?:[ \t]+(?:de[ \t]+nuit|de[ \t]+jour|la[ \t]+nuit|a[ \t]+mi-temps))?[ \t]+(?:chez|a|au|aux|pour)|employee?[ \t]+(?:chez|a)|(?:ancien(?:ne)?|ex)[ \t-]?(?:salariee?|employee?)[ \t]+(?:de|des|du|chez|a))(?:[ \t]+(?:the|la|le|les)(?=[ \t])|[ \t]+l['’](?=[a-z]))?[ \t]*(?<name>[a-z][a-z'’&-]{2,25}(?:[ \t]+(?!${STOP})[a-z][a-z'’&-]{1,25}){0,4})` + NAME_END,
  'dgu',
);
// Words that end the name of a workplace.
const WORKPLACE_END = new RegExp(String.raw`^(?:${SPECIFIC_WORKPLACE}|paperboard)$`);
const GENERIC_WORKPLACE_END = new RegExp(String.raw`^${GENERIC_WORKPLACE}$`);
const OWNERS_PHARMACY = /\b([a-z][a-z'’-]{2,25}['’]s[ \t]+(?:pharmacy|chemist))(?![\p{L}])/dgu;
const HINT = /work|employ|travaill|salari|pharmacy|chemist|shift|job|teaches|sells|trades|drive|drove|haul|truck/;
// A job before its preposition ("driver at", "chauffeur chez"): the same lists, tested once per note.
const JOB_HINT = new RegExp(String.raw`(?:${JOB_EN}|${JOB_FR})[ \t]+(?:at|for|with|from|a[ \t]|au|aux|chez|de[ \t]la|du|des)`);
// A later word that names this workplace and no other: no dictionary holds it, no link word ("mine goldex",
// "rossing uranium mine", "cooperative sefrou textile").
const properWord = (w: string) => w.length >= 4 && !NAME_LINK_WORDS.has(w) && !isDictionaryWord(w.replace(/^[dl]['’]/, ''));

/**
 * The same phrase before a capitalised name ("works offshore with Valaris", "travaille à la Société des Eaux de
 * Martigny", "an engineer … at Gulf Island Fabrication"): the capitalised words and the link words between them,
 * unless the name is a title, a first name or a town on its own ("works with Sarah", "travaille à Lyon").
 */
function capitalisedEmployer(written: string, before: string): string | undefined {
  const words = written.split(/[ \t]+/);
  let keep = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (/^\p{Lu}/u.test(w)) keep = i + 1;
    else if (!NAME_LINK_WORDS.has(w.toLowerCase()) && !/^[dl]['’]\p{Lu}/u.test(w)) break;
  }
  if (keep === 0) return undefined;
  const first = words[0]!;
  if (isTitleWord(first) || (keep <= 2 && isFirstName(first))) return undefined;
  // "travaille à Lyon": a town with no article before it is where, not whom, one works for.
  if (keep === 1 && !/(?:la|le|les|the|l['’])[ \t]*$/i.test(before) && (isListedTown(first, 0) || communePopulation(first) !== undefined)) return undefined;
  if (keep === 1 && isDictionaryWord(fold(first))) return undefined;
  return new RegExp(String.raw`^(?:\S+[ \t]+){${keep - 1}}\S+`).exec(written)![0];
}

export function employerAfterWorkPhraseSpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!HINT.test(f) && !JOB_HINT.test(f)) return [];
  const t = doc.text;
  const out: Span[] = [];
  for (const m of f.matchAll(AFTER_WORK)) {
    const [s, e] = m.indices!.groups!.name!;
    const written = t.slice(s, e);
    // "works Froese Dairy", "works in Lakeland Foods Bailieborough": with no preposition, only a capitalised name (a
    // list's cell or a note's aside), or a lowercase one a workplace word ends ("works hawick knitwear mill").
    const bare = m.groups!.bare !== undefined;
    // Not after an article: "works the Friday rotation" names a shift.
    if (bare && /(?:the|la|le|les|l['’])[ \t]*$/u.test(f.slice(m.index, s))) continue;
    if (written !== written.toLowerCase()) {
      if (bare && !/^\p{Lu}/u.test(written)) continue;
      const name = capitalisedEmployer(written, t.slice(Math.max(0, s - 4), s));
      if (name !== undefined) out.push({ start: s, end: s + name.length, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 5, source: 'employer-capitalised' });
      continue;
    }
    const words = m.groups!.name!.split(/[ \t]+/);
    // An ordinary first word may still open an employer's name when a workplace word ends it ("savage river mine").
    // After a job's phrase ("the nurse at the ward said" is no employer) the first word, if it opens the name, must
    // be no name either (the word lists leave surnames out: "ward", "hall"), and a later word names nothing.
    const viaJob = m.groups!.job !== undefined;
    const unknownFirst = !isDictionaryWord(words[0]!) && (!viaJob || (!isLastName(words[0]!) && !isFirstName(words[0]!)));
    const last = words.at(-1)!;
    const workplace = words.length > 1 && (WORKPLACE_END.test(last) || (GENERIC_WORKPLACE_END.test(last) && words.slice(0, -1).some((w) => !isDictionaryWord(w))));
    if (bare && !workplace) continue;
    const named = unknownFirst || workplace || (!viaJob && words.length > 1 && words.slice(1).some(properWord));
    if (!named || (words.length === 1 && isFirstName(words[0]!))) continue;
    out.push({ start: s, end: e, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 5, source: 'employer-lower' });
  }
  for (const m of f.matchAll(OWNERS_PHARMACY)) {
    const [s, e] = m.indices![1]!;
    if (t.slice(s, e) !== t.slice(s, e).toLowerCase()) continue;
    // The owner is a name, no ordinary word ("the prison's pharmacy").
    if (isDictionaryWord(m[1]!.replace(/['’]s[ \t].*$/u, ''))) continue;
    out.push({ start: s, end: e, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 5, source: 'pharmacy-owner-lower' });
  }
  return out;
}

import { isDictionaryWord } from './bloom.js';
import { blanksStartBefore } from './blanks.js';
import { communePopulation, isFirstName, isLastName } from './gazetteers.js';
import { isDrugName, isDrugSpan } from './drugs.js';
import { fold } from './normalize.js';
import { outrankedPersonRests, widenOverOutranked } from './outranked-rests.js';
import { weekdayAbbreviationBeforeDayNumber } from './recognizers/dates-named-alone.js';
import { isTitleWord, TITLE_WORDS } from './titles.js';
import { PRIORITY, type Doc, type Span } from './types.js';

/**
 * Resolves overlapping spans: the higher priority wins, then the longer span, then the earlier.
 * Adjacent PERSON spans separated only by spaces become one ("Jean" + "DUPONT").
 */
export function mergeSpans(spans: Span[], doc: Doc): Span[] {
  const ordered = [...spans].filter((s) => s.end > s.start).sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: Span[] = [];
  /** Candidates outranked here: what their winners leave of them may still be PHI (outranked-rests.ts). */
  const droppedNames: Span[] = [];
  const droppedOthers: Span[] = [];
  // The kept span holding each character (-1: none): a candidate is kept when none of its own is held.
  // Linear in the characters looked at (a kept span marks its own, never twice), not spans × kept spans.
  const claimedBy = new Int32Array(ordered.reduce((n, s) => Math.max(n, s.end), 0)).fill(-1);
  for (const s of ordered) {
    let free = true;
    for (let i = s.start; i < s.end; i++) {
      if (claimedBy[i] !== -1) {
        free = false;
        break;
      }
    }
    if (!free) {
      (s.label === 'PERSON' ? droppedNames : droppedOthers).push(s);
      continue;
    }
    claimedBy.fill(taken.length, s.start, s.end);
    taken.push({ ...s });
  }
  // Names first: a rest of a name is a name even where a span of another label was outranked too.
  if (droppedNames.length > 0) taken.push(...outrankedPersonRests(droppedNames, taken, claimedBy, doc));
  if (droppedOthers.length > 0) widenOverOutranked(droppedOthers, taken, claimedBy, doc);
  taken.sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of taken) {
    const prev = out[out.length - 1];
    // Two cells of a table are two names, whatever blanks part them ("BRUNNER        Heinz": surname and first name).
    const twoCells = prev?.source === 'person-column' && s.source === 'person-column';
    if (prev && prev.label === 'PERSON' && s.label === 'PERSON' && !twoCells && /^[ \t]+$/.test(doc.text.slice(prev.end, s.start))) {
      prev.end = s.end;
      prev.score = Math.min(prev.score, s.score);
      continue;
    }
    out.push(s);
  }
  return out;
}

/**
 * Eponyms, scores, devices and drugs that look like names or places. Not the eponyms that are common surnames too
 * ("Barlow", "Graf", "Roux"): this list also stops a name from spreading through the note.
 */
const EPONYMS = new Set(
  `parkinson alzheimer babinski glasgow foley crohn hodgkin addison cushing basedow graves hashimoto raynaud guillain barre kaposi wilson lasegue murphy
  mcburney apgar gleason breslow clark child pugh charlson karnofsky ranson rockall blatchford wells folstein fisher hunt hess rankin killip nyha tanner
  swan ganz holter doppler seldinger trendelenburg valsalva heimlich hartmann whipple bricker billroth nissen fontan blalock bentall tiffeneau epworth
  mallampati cormack lehane ramsay aldrete stanford debakey gram ziehl koch lyme epstein guthrie schirmer romberg rinne homans kernig brudzinski chvostek
  rovsing blumberg hoffmann tinel phalen finkelstein lachman mcmurray gilbert meniere horner marfan ehlers danlos turner klinefelter sjogren behcet
  wegener takayasu kawasaki volkmann colles pouteau monteggia galeazzi maisonneuve salter neer gustilo schatzker lisfranc chopart bankart mallory zenker
  barrett meckel hirschsprung wernicke korsakoff creutzfeldt jakob huntington charcot friedreich duchenne steinert bourneville recklinghausen sturge
  willis sylvius fallot eisenmenger ebstein kussmaul cheyne stokes wolff osler janeway quincke bouveret lyell nikolsky koebner darier down asperger
  tourette bell pott paget dupuytren baker bartholin cowper douglas fallope glisson langerhans oddi santorini wirsung vater treitz auerbach meissner
  doliprane dafalgan efferalgan kardegic plavix lovenox previscan xarelto eliquis augmentin ventoline seretide spiriva lasilix levothyrox lexomil xanax
  moro rossolimo southwick lauenstein drehmann tokuhashi frankel kyphon synthes
  kasai pavlik ortolani hegar metavir gottron
  brca1 brca2 tp53 egfr kras braf her2 alk ros1 jak2 apoe picc redon jackson-pratt pleur-evac`.split(/\s+/).filter(Boolean),
);
/** The procedures, devices and methods that close an eponym ("Pavlik harness", "Kasai portoenterostomy"). */
const EPONYM_TAIL = new Set(['harness', 'method', 'technique', 'procedure', 'operation', 'portoenterostomy', 'splint', 'brace', 'manoeuvre', 'maneuver', 'classification', 'criteria', 'syndrome', 'disease', 'sign', 'test', 'score', 'scale', 'papules', 'anastomosis', 'incision', 'approach', 'dilator', 'forceps']);
/**
 * Eponyms of two names, a given name among them, that read as a person's name: "Ivor Lewis" (an
 * oesophagectomy), "Dandy Walker", "Austin Flint", "Stevens Johnson". Dropped as a whole span only, unless
 * a title announced a person; each word alone stays a name.
 */
const EPONYM_NAMES = new Set(
  ['ivor lewis', 'dandy walker', 'austin flint', 'stevens johnson', 'arnold chiari', 'budd chiari', 'mallory weiss', 'zollinger ellison',
    'peutz jeghers', 'osgood schlatter', 'brown sequard', 'kimmelstiel wilson', 'charcot marie tooth', 'legg calve perthes', 'wolff parkinson white',
    'roux en y', 'sister mary joseph', 'marcus gunn', 'argyll robertson', 'adams stokes', 'bence jones', 'hand schuller christian', 'jervell lange nielsen'],
);
const EPONYM_AFTER = /^[ \t]+(?:test|tests|sign|signs|syndrome|disease|maneuver|manoeuvre|procedure|repair|fracture|reflex|phenomenon|classification|criteria|score|scale|stain|changes|type|catheter|tube|drain|forceps|retractor|clamp)(?![\p{L}])/u;
const EPONYM_HEAD = /(?:maladie|syndrome|signe|score|echelle|sonde|test|manoeuvre|manœuvre|classification|stade|criteres|loi|triade|canal|reflexe|phenomene|intervention|operation|technique|fracture|procedure|disease|sign|scale|tube|catheter|catheter|reflex|phenomenon|classification|criteria|stage|grade|index|indice|tumeur|lymphome|sarcome|lymphoma|sarcoma|tumor|tumour|body|corps|cellules?|cells?|anse|ligne|point|drain|lame|pince|ecarteur|attelle|valve|clou|plaque)[ \t]+(?:de[ \t]+|d'|du[ \t]+|des[ \t]+|of[ \t]+|selon[ \t]+|according to[ \t]+)$/;

/**
 * What EPONYM_HEAD needs at the very end: "d'", or de/du/des/of/selon/(according) to and spaces. Checked
 * by hand first because the regex, anchored at the end only, is tried from every one of the 40
 * characters, for every span, and nearly always fails.
 */
function mayEndWithEponymHead(before: string): boolean {
  if (before.endsWith("d'")) return true;
  const end = blanksStartBefore(before, 0, before.length);
  if (end === before.length) return false;
  const word = before.slice(Math.max(0, end - 5), end);
  return word.endsWith('de') || word.endsWith('du') || word.endsWith('des') || word.endsWith('of') || word.endsWith('selon') || word.endsWith('to');
}

const LETTER = /\p{L}/u;

/**
 * What `/([\p{L}-]+)[ \t]+$/u` captures in `text.slice(from, to)`: the letters and hyphens right
 * before the blanks that end it. Read backwards from the end: the regex, anchored at the end only,
 * was tried from each of the 30 characters, for every span.
 */
export function wordBeforeBlanks(text: string, from: number, to: number): string | undefined {
  const end = blanksStartBefore(text, from, to);
  if (end === to) return undefined;
  let start = end;
  for (;;) {
    const width = letterOrHyphenWidthBefore(text, from, start);
    if (width === 0) break;
    start -= width;
  }
  return start < end ? text.slice(start, end) : undefined;
}

/** The width (1, or 2 for a surrogate pair) of the letter or hyphen that ends at `at`, 0 if none or at `from`. */
function letterOrHyphenWidthBefore(text: string, from: number, at: number): number {
  if (at <= from) return 0;
  const code = text.charCodeAt(at - 1);
  if (code < 0x80) return code === 0x2d || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) ? 1 : 0;
  if (code >= 0xdc00 && code <= 0xdfff && at - 2 >= from) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return LETTER.test(text.slice(at - 2, at)) ? 2 : 0;
  }
  return LETTER.test(text[at - 1]!) ? 1 : 0;
}

function isOrdinaryModelWord(w: string): boolean {
  return w.length >= 3 && isDictionaryWord(w) && !isFirstName(w) && !isLastName(w) && communePopulation(w) === undefined;
}

/** Rules whose span a field, a table column or an export's key names as a person's, whatever the word. */
const NAMED_BY_FIELD = new Set(['person-column', 'person-field', 'person-structured']);

export function dropHardNegatives(spans: Span[], doc: Doc): Span[] {
  return spans.filter((s) => {
    if (s.label !== 'PERSON' && s.label !== 'CITY' && s.label !== 'HOSPITAL') return true;
    const folded = doc.folded.slice(s.start, s.end);
    const before = doc.folded.slice(Math.max(0, s.start - 40), s.start);
    const after = doc.folded.slice(s.end, s.end + 24);
    if (mayEndWithEponymHead(before) && EPONYM_HEAD.test(before)) return false;
    // "Allen test", "Lynch syndrome", "Modic changes": a name with its head noun after it, English
    // word order, is an eponym, unless a title or a field announced a person.
    if (s.priority < PRIORITY.context && EPONYM_AFTER.test(after)) return false;
    if (/^'s\s+(?:disease|syndrome|sign|score|scale|test|law|triad|phenomenon|reflex|palsy|ulcer|sarcoma|lymphoma)/.test(after)) return false;
    // Only what the model or name propagation proposed: a title or a field rule outranks any list.
    const fromModel = s.priority <= PRIORITY.model;
    const words = folded.split(/[\s-]+/).filter(Boolean);
    const onlyEponyms = words.every((w) => EPONYMS.has(w)) || (words.length >= 2 && words.length <= 4 && EPONYM_NAMES.has(words.join(' ')));
    if (fromModel) {
      if (isDrugSpan(doc.text.slice(s.start, s.end))) return false;
      // "Abilify Maintena": one unknown word right after a drug name is its brand form, not a name.
      // Looked for only where it can matter: this end-anchored regex costs per span, and most spans are the rules'.
      if (words.length === 1 && !isFirstName(words[0]!) && !isLastName(words[0]!)) {
        const wordBefore = wordBeforeBlanks(doc.text, Math.max(0, s.start - 30), s.start);
        if (wordBefore !== undefined && isDrugName(wordBefore)) return false;
      }
      // One ordinary word the model took for a name or a place ("Consultation", "place", "clinique"):
      // no name list knows it, no commune has it.
      if (words.length === 1 && isOrdinaryModelWord(words[0]!)) return false;
      // "Kasai portoenterostomy", "Pavlik harness", "Graf method": a name and the procedure, device or method named
      // after it, read whole by the model; no person's name ends on such a word.
      if (s.label === 'PERSON' && words.length >= 2 && EPONYM_TAIL.has(words.at(-1)!)) return false;
      // "Kirby-" of "Kirby-Bauer", "Guillain-" of "Guillain-Barré": half a hyphenated eponym.
      if (onlyEponyms && folded.endsWith('-')) return false;
      // "Johnson" of "Stevens-Johnson": one name of an eponym of two, the other glued to it by a hyphen.
      const gluedBefore = /([a-z]+)-$/.exec(before)?.[1];
      const gluedAfter = /^-([a-z]+)/.exec(after)?.[1];
      if ((gluedBefore !== undefined || gluedAfter !== undefined) && EPONYM_NAMES.has([gluedBefore, ...words, gluedAfter].filter(Boolean).join(' '))) return false;
    }
    if (s.label === 'CITY') return !/^[ \t]*(?:coma|score|scale|outcome)/.test(after) && !(fromModel && onlyEponyms);
    // A span made only of eponyms is left alone, unless a title announced a person ("Dr Parkinson") or
    // a name field or column holds it ("surname: DOUGLAS", a "forename" column's "Baker").
    if (onlyEponyms && !NAMED_BY_FIELD.has(s.source) && !/(?:dr|docteur|pr|mme|mr|mrs|ms|madame|monsieur|m)\.?\s*$/.test(before)) return false;
    return true;
  });
}

/**
 * Once a name is known in a document, its other mentions are names too: "Mme Durand … Durand est
 * sortie". Only tokens of 3+ letters that aren't eponyms or stop words, and only whole words.
 */
export function propagateNames(spans: Span[], doc: Doc): Span[] {
  const tokens = new Set<string>();
  // First names a less sure model span holds (see LEAST_SCORE_SPREAD_IF_LISTED), spread with a lower score; true when
  // the span wrote it capitalised (it then spreads to capitalised mentions only).
  const listedOnly = new Map<string, boolean>();
  // The highest priority of a span of another label over each character, built once (was a scan of
  // every span for every name: quadratic on a note with thousands of spans).
  let otherPriority: Float64Array | undefined;
  const claimedBySurerOther = (s: Span): boolean => {
    if (otherPriority === undefined) {
      otherPriority = new Float64Array(spans.reduce((n, o) => Math.max(n, o.end), 0)).fill(-Infinity);
      for (const o of spans) {
        if (o.label === 'PERSON') continue;
        for (let i = o.start; i < o.end; i++) if (otherPriority[i]! < o.priority) otherPriority[i] = o.priority;
      }
    }
    return s.start < otherPriority.length && otherPriority[s.start]! > s.priority;
  };
  let rowLabels: Set<string> | undefined;
  for (const s of spans) {
    if (s.label !== 'PERSON' || s.score < LEAST_SCORE_SPREAD_IF_LISTED) continue;
    // A name whose first word a surer span of another label claims ("Douglas VIC" where "Douglas" is
    // the town before an Australian postcode, "Grace Hospital" a hospital) was a misreading: its
    // words are not spread. One that only runs into such a span ("DR DUPONT CABINET MEDICAL", the
    // facility after the name) still is: spreading puts the name back on its own.
    if (claimedBySurerOther(s)) continue;
    // The span's words as written, beside their folded form (folding keeps lengths, so the two splits line up).
    const written = doc.text.slice(s.start, s.end).split(/[\s,]+/);
    for (const [i, w] of doc.folded.slice(s.start, s.end).split(/[\s,]+/).entries()) {
      const clean = w.replace(/\.$/, '');
      if (clean.length < 3 || EPONYMS.has(clean) || PROPAGATION_STOP.has(clean)) continue;
      // "visiting ENT", "ACHD clinic", "NSW": a short word in capitals that no name list knows is an acronym a misread
      // span took in; spread, it would mark every mention of the specialty or the state.
      if (isUnknownAcronym(written[i]) && !acronymBesideAName(doc, s, written, i)) continue;
      // "MEDA 01  Patient name: …", "MEDA 02  Age: …": a word that opens three lines or more, each before another
      // number, labels a form's rows (an airline's medical form, a numbered checklist); a misread label would mark
      // every row.
      rowLabels ??= numberedRowLabels(doc.folded);
      if (rowLabels.has(clean)) continue;
      // An ordinary word is only spread when the name gazetteer knows it as a name ("Rose", "Martin").
      if (isDictionaryWord(clean) && !isFirstName(clean) && !isLastName(clean)) continue;
      // A span the model was less sure of (the filter keeps it from 0.45) spreads only the first names of four letters
      // or more that a name list knows and no dictionary holds ("Hamish", "Emyr", "Wiremu"): its other mentions, which
      // the model scored lower, are the same person. Not a surname ("Ward") nor a short word ("Ora" of "Kia ora").
      if (s.score < 0.8) {
        const word = written[i] ?? '';
        // A word in lower case beside capitals in the same span is no name the span was about ("VUJ stone").
        const lowerAmongCapitals = /^\p{Ll}/u.test(word) && /\p{Lu}/u.test(doc.text.slice(s.start, s.end));
        if (s.source === 'ner' && !lowerAmongCapitals && clean.length >= 4 && !isDictionaryWord(clean) && isFirstName(clean) && !isLastName(clean)) {
          // Written capitalised, it spreads to capitalised mentions only ("Hamish", not "the stone").
          listedOnly.set(clean, (listedOnly.get(clean) ?? true) && /^\p{Lu}/u.test(word));
        }
        continue;
      }
      tokens.add(clean);
    }
  }
  for (const w of listedOnly.keys()) if (tokens.has(w)) listedOnly.delete(w);
  if (tokens.size === 0 && listedOnly.size === 0) return spans;
  // One pass over the words of the document beats a regex alternation compiled per document.
  const extra: Span[] = [];
  for (const m of doc.folded.matchAll(WORD)) {
    // The sets are disjoint (see above): a word is spread surely, or from a less sure span, or not at all.
    const capitalisedOnly = listedOnly.get(m[0]);
    const listed = capitalisedOnly !== undefined;
    if (!listed && !tokens.has(m[0])) continue;
    if (capitalisedOnly === true && !/^\p{Lu}/u.test(doc.text[m.index]!)) continue;
    // A weekday's abbreviation before a day number is that day, whatever span took the word in ("lun. 23/11 07:52 :"
    // opening each line of a thread, "Sam 12/03"): it is not spread there.
    if (weekdayAbbreviationBeforeDayNumber(m[0], doc.folded.slice(m.index + m[0].length, m.index + m[0].length + 6))) continue;
    // A mention spread from a less sure span is scored below the spreading bar, so that it neither spreads nor vouches
    // for the word after it as a surname in turn.
    extra.push({ start: m.index, end: m.index + m[0].length, label: 'PERSON', score: listed ? 0.75 : 0.8, priority: 30, source: listed ? 'person-propagated-listed' : 'person-propagated' });
  }
  return spans.concat(extra);
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

// A word at a line's head before a row's number of one or two digits ("MEDA 01  Patient name: …"), no time or date
// ("Sarah 07:00-19:00" of a rota); read in one pass over the document.
const ROW_LABEL = /^[ \t]*(\p{L}+)[ \t]+(\d{1,2})(?![\d:h.\/,-])/gmu;

/** The words that open three lines or more, each before another number: a form's numbered row labels. */
function numberedRowLabels(folded: string): Set<string> {
  const rows = new Map<string, Set<string>>();
  for (const m of folded.matchAll(ROW_LABEL)) {
    const numbers = rows.get(m[1]!) ?? new Set<string>();
    rows.set(m[1]!, numbers.add(m[2]!));
  }
  return new Set([...rows].filter(([, numbers]) => numbers.size >= 3).map(([w]) => w));
}

/** Three or four capitals that no name list knows ("ENT", "ICU", "NSW"). */
function isUnknownAcronym(word: string | undefined): boolean {
  return word !== undefined && /^\p{Lu}{3,4}$/u.test(word) && !isFirstName(word) && !isLastName(word);
}

/**
 * "TRAN Minh-Anh": beside a capitalised word that is no title and no ordinary word, in the span (`written`, but its
 * word `at`) or right after it, a short word in capitals is a surname the lists lack.
 */
function acronymBesideAName(doc: Doc, s: Span, written: readonly string[], at: number): boolean {
  const nextWord = /^[ \t]+([\p{L}'’-]+)/u.exec(doc.text.slice(s.end, s.end + 40))?.[1];
  const around = written.filter((_, j) => j !== at);
  if (nextWord !== undefined) around.push(nextWord);
  return around.some((o) => /^\p{Lu}\p{Ll}/u.test(o) && !isTitleWord(o) && !(isDictionaryWord(fold(o)) && !isFirstName(o) && !isLastName(o)));
}

/**
 * A city found once (after a postal code, "à Lyon", before its country) is a city everywhere else in
 * the document, written the same way or, when found capitalised, capitalised in another case ("ST.
 * MICHAEL, BARBADOS" in a letterhead, "St. Michael" in the address; never "nice" for "Nice").
 */
export function propagateCities(spans: Span[], doc: Doc): Span[] {
  const names = new Map<string, string>();
  for (const s of spans) if (spreadsItsTown(s, doc)) names.set(doc.folded.slice(s.start, s.end), doc.text.slice(s.start, s.end));
  if (names.size === 0) return spans;
  const mentions: Span[] = [];
  const boundary = (c: string | undefined) => c === undefined || !/[\p{L}\p{N}-]/u.test(c);
  const capitalised = (name: string) => /^\p{Lu}/u.test(name);
  for (const [folded, written] of names) {
    for (let at = doc.folded.indexOf(folded); at >= 0; at = doc.folded.indexOf(folded, at + folded.length)) {
      const end = at + folded.length;
      const mention = doc.text.slice(at, end);
      if (!boundary(doc.text[at - 1]) || !boundary(doc.text[end])) continue;
      if (mention !== written && !(capitalised(written) && capitalised(mention))) continue;
      mentions.push({ start: at, end, label: 'CITY', score: 0.8, priority: 25, source: 'city-propagated' });
    }
  }
  return spans.concat(outrankingTownsCutShort(mentions, spans));
}

/**
 * Whether a CITY span's town is spread: one of the surer rules' (score 0.85 and up), or the town
 * before its country ("Lomé, Togo") unless it is one word a name list or the dictionary knows: "Ella,
 * Sri Lanka" is a town, but spread, it would make every "Ella" of the note one.
 */
function spreadsItsTown(s: Span, doc: Doc): boolean {
  if (s.label !== 'CITY' || s.end - s.start < 3) return false;
  if (s.score >= 0.85) return true;
  if (s.source !== 'city-before-country') return false;
  const words = doc.folded.slice(s.start, s.end).split(/[ \t]+/);
  return words.length > 1 || !(isFirstName(words[0]!) || isLastName(words[0]!) || isDictionaryWord(words[0]!));
}

/**
 * A shorter CITY inside a mention is the town cut short ("St" of "Lot 12, Pine Gardens, St. Michael",
 * where the street rule stops at the dot): the mention takes its priority, and being longer, wins over
 * it in the merge. Only over it: a surer span of another label across the mention still wins, and then
 * the shorter town is kept.
 */
function outrankingTownsCutShort(mentions: Span[], spans: Span[]): Span[] {
  if (mentions.length === 0) return mentions;
  // The CITY spans by their first character, so that each mention looks at its own characters only
  // (not spans × mentions).
  const citiesAt = new Map<number, Span[]>();
  for (const s of spans) {
    if (s.label !== 'CITY') continue;
    const at = citiesAt.get(s.start);
    if (at) at.push(s);
    else citiesAt.set(s.start, [s]);
  }
  return mentions.map((m) => {
    let priority = m.priority;
    for (let i = m.start; i < m.end; i++) {
      for (const s of citiesAt.get(i) ?? []) if (s.end <= m.end && s.end - s.start < m.end - m.start) priority = Math.max(priority, s.priority);
    }
    return priority === m.priority ? m : { ...m, priority };
  });
}

// Particles, articles, and titles a name span may have taken in ('Drs Pellegrin' from the model): spread, they mark every title.
const LEAST_SCORE_SPREAD_IF_LISTED = 0.45;
// "Baby of Oyetunde Funmilayo", "Baby boy Oyetunde": a newborn's record is opened by a word that name lists hold,
// and a span that took it in must not mark every "baby" of the note.
// Family words a chat names its members by ("Mamie Odette", "Nonno Ottavio"): the word alone is the relation, whoever
// it names ("Pas grave mamie", "del nonno"). Not chat-speakers.ts's KIN_WORDS, which also holds words that are names
// ("Nana", "Tata", "Cousin") and must still spread when a span names someone so.
const KIN_WORDS = ['mamie', 'mamy', 'papi', 'papy', 'meme', 'pepe', 'maman', 'papa', 'tatie', 'tonton', 'nonno', 'nonna', 'granny', 'grandma', 'grandpa'];
const PROPAGATION_STOP = new Set(['les', 'des', 'van', 'von', 'der', 'del', 'the', 'and', 'dos', 'ben', 'mac', 'saint', 'sainte', 'baby', 'bebe', 'bub', 'infant', ...KIN_WORDS, ...TITLE_WORDS]);

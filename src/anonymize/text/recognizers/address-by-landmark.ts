import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A home told by its landmarks, as dictated records from villages give it: "of Tuori section, house behind the
 * Catholic church, near the borehole", "they live at house number 1147, Runyararo West, behind the Zion church",
 * "Home village: Ha Makhoroana, below the primary school", "douar Ouled Rabah, maison après le pont", "sous-colline
 * Rurama, maison après l'école, à côté du moulin à manioc". Read from the landmark: a place word before a kind of
 * landmark ("behind the … church", "près de la mosquée"), then back over the comma-separated parts before it while
 * they read as parts of an address (a place kind or a number in them, or a capitalised name between two such parts),
 * up to a word of living or a field's label ("lives at", "domicilié", "Address:"), and on over the landmarks after it.
 * The town those records close on stays out ("…, Masvingo."); so does one after "habite" or "from" that no place kind
 * names ("la patiente habite Chekfa, douar …"). 43 such homes in the read sets were found by no rule; this reads 30 of them. Folded text.
 */
const PREP = String.raw`(?:behind|near|next[ \t]+to|opposite|below|above|beside|across[ \t]+from|in[ \t]+front[ \t]+of|close[ \t]+to|derriere|pres[ \t]+d(?:e|u|es|['’])|a[ \t]+cote[ \t]+d(?:e|u|es|['’])|apres|en[ \t]+face[ \t]+d(?:e|u|es|['’])|non[ \t]+loin[ \t]+d(?:e|u|es|['’]))`;
const ARTICLE = String.raw`(?:the|la|le|les|l['’]|de[ \t]+la|de[ \t]+l['’]|du|des)`;
// What a village's landmark is: a place of worship, a school, a shop, a crossing, a well.
const NOUN = String.raw`(?:church|mosque|chapel|school|market|shop|store|station|junction|borehole|well|tank|temple|mission|gate|bridge|clinic|health[ \t]+cent(?:re|er)|pharmacy|substation|stop|cemetery|mill|farm|ruins|garage|kiosk|tower|pump|post[ \t]+office|hall|factory|eglise|mosquee|chapelle|ecole|marche|boutique|magasin|station-service|pont|puits|terrain|pharmacie|moulin|cooperative|carrefour|cimetiere|dispensaire|gare|forage|stade|mairie|chefferie|rond-point|usine)`;
const LANDMARK = new RegExp(String.raw`\b${PREP}[ \t]*(?:${ARTICLE}[ \t]*)?(?:[\p{L}\p{N}'’-]+[ \t]+){0,3}?${NOUN}s?\b`, 'gu');
const LANDMARK_OPENING = new RegExp(String.raw`^[ \t]*(?:[\p{L}'’-]+[ \t]+){0,3}?${LANDMARK.source}`, 'u');
// What closes a landmark's part in an unpunctuated dictation: the town after "à" or "in", the dictated punctuation, the
// phone ("derrière la mosquée centrale à djougou point", "near the tank lira city full stop").
const TOWN_OR_DICTATION_AFTER = /[ \t](?:a|à|in|at|point|virgule|full[ \t]+stop|comma|period|telephone|tel|phone|pardon|sorry)(?![\p{L}])/gu;
const HINT = /\b(?:behind|near|next to|opposite|below|above|beside|across from|in front of|close to|derriere|pres d|a cote d|apres|en face d|non loin d)\b/;
// A part of an address: a place kind or a number in it.
const KIND = /\b(?:village|section|quartier|douar|colline|sous-colline|secteur|plot|lot|house|maison|ward|area|district|zone|hamlet|purok|barangay|fokontany|tribu|carrefour|settlement|division|extension|line|case|lakou|habitation|cite|compound|stand|quarter|estate|block|bloc|street|road|rue|avenue|lane|kebele|sitio|ilot|hameau|lieu-dit|trading[ \t]+cent(?:re|er)|number|numero)\b|\d/;
// The words that say where someone lives, the home after them ("they live at house number …", "domiciliés sur la colline …").
const CUE = /(?:^|[ \t])(?:lives?|living|residing|resident|staying|stays?|domicili\w*|demeurant|habite\w*|reside\w*|home(?:[ \t]+at)?|of|from)(?:[ \t]+(?:at|in|of|on|au|a|dans[ \t]+le|sur[ \t]+la|le|la))?[ \t]+(.+)$/;
// Where a part opens a sentence or a field: its start is the home's, whatever word precedes it.
const OPENING_SEPARATOR = /[.;:\n]/;
const MAX_PARTS_BACK = 3;
const MAX_WORDS = 7;

interface Part {
  start: number;
  end: number;
  /** The separator before the part, and where it is (-1: the text's start). */
  separator: string;
  separatorAt: number;
}

// A part longer than this is a sentence, not a part of an address: the scans back stop there, so that a long line
// with many landmarks and no separator costs no more than its length.
const MAX_PART = 300;

/**
 * The comma-separated part of `f` that ends right before `end` (its separator before it, or the text's start); a part
 * with no separator within MAX_PART characters has none (`separator` empty), and the walk back stops at it.
 */
function partBefore(f: string, end: number): Part | undefined {
  const floor = Math.max(-1, end - 1 - MAX_PART);
  let i = end - 1;
  while (i > floor && !/[,.;:\n(]/.test(f[i]!)) i--;
  const bounded = i === floor && floor >= 0 && !/[,.;:\n(]/.test(f[i]!);
  const start = i + 1;
  const text = f.slice(start, end);
  if (text.trim() === '') return undefined;
  const lead = text.length - text.trimStart().length;
  return { start: start + lead, end: start + text.trimEnd().length, separator: bounded ? '' : i >= 0 ? f[i]! : '\n', separatorAt: i };
}

/** The first index in the sorted `positions` at or after `from`, or `fallback`. */
function firstAtOrAfter(positions: readonly number[], from: number, fallback: number): number {
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (positions[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < positions.length ? positions[lo]! : fallback;
}

/** The landmark opening its own part: the part is empty, its separator the one before it. */
function ownAt(f: string, at: number): Part {
  let i = at - 1;
  while (i >= 0 && /[ \t]/.test(f[i]!)) i--;
  return { start: at, end: at, separator: i >= 0 ? f[i]! : '\n', separatorAt: i };
}

function words(s: string): number {
  return s.split(/[ \t]+/).filter(Boolean).length;
}

export function landmarkAddressSpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!HINT.test(f)) return [];
  const t = doc.text;
  const out: Span[] = [];
  // Where a part ends: the next separator, or before the town or the dictated punctuation of an unpunctuated dictation.
  // Both are listed once per document and looked up, not searched for again from each landmark.
  const stops = [...f.matchAll(/[,.;\n)]/g)].map((m) => m.index);
  const towns = [...f.matchAll(TOWN_OR_DICTATION_AFTER)].map((m) => m.index);
  const nextStop = (from: number) => firstAtOrAfter(stops, from, f.length);
  const partEnd = (from: number) => {
    const stop = nextStop(from);
    const town = firstAtOrAfter(towns, from, stop);
    return Math.min(town, stop);
  };
  let after = 0;
  for (const m of f.matchAll(LANDMARK)) {
    if (m.index < after) continue;
    let end = partEnd(m.index + m[0].length);
    // The landmarks after it ("…, near the borehole", "…, à côté du moulin à manioc").
    while (f[end] === ',' && LANDMARK_OPENING.test(f.slice(end + 1, nextStop(end + 1)))) end = partEnd(end + 1);
    // The landmark's own part: a place word before it ("house behind", "maison après"), maybe after a word of living.
    const own = partBefore(f, m.index) ?? (m.index > 0 && /[,.;:\n(][ \t]*$/.test(f.slice(Math.max(0, m.index - 3), m.index)) ? ownAt(f, m.index) : undefined);
    let start = m.index;
    let kinds = 0;
    if (own) {
      const prefix = f.slice(own.start, m.index).trimEnd();
      const cue = CUE.exec(prefix);
      const home = cue ? cue[1]! : prefix;
      if (KIND.test(home) && words(home) <= 4) {
        start = own.start + prefix.length - home.length;
        kinds++;
      } else if (prefix.trim() !== '') {
        // "he fell near the school": a sentence, not a home.
        if (!cue) continue;
      }
    }
    // Back over the parts before it while they read as an address's.
    let separator = own?.separator ?? '\n';
    let separatorAt = own?.separatorAt ?? -1;
    for (let k = 0; k < MAX_PARTS_BACK && separator === ','; k++) {
      const part = partBefore(f, separatorAt);
      if (!part) break;
      const text = f.slice(part.start, part.end);
      const cue = CUE.exec(text);
      if (cue) {
        const rest = cue[1]!.trim();
        if (KIND.test(rest) && words(rest) <= MAX_WORDS) {
          start = part.end - rest.length;
          kinds++;
        }
        break;
      }
      if (words(text) > MAX_WORDS) break;
      if (KIND.test(text)) {
        // A part with a place kind vouches for the capitalised names between it and the landmark.
        start = part.start;
        kinds++;
      } else if (/^\p{Lu}/u.test(t.slice(part.start, part.end)) && words(text) <= 3) {
        // A capitalised name opening a field or a sentence ("Home village: Ha Makhoroana, below …") is the home's;
        // elsewhere it waits for a part with a place kind before it ("house number 1147, Runyararo West, behind …").
        // After a part with a place kind, a name opening the field is the town ("Adresse : Muyuka, Mile 29 quarter, …").
        if (OPENING_SEPARATOR.test(part.separator) && kinds === 0) {
          start = part.start;
          kinds++;
          break;
        }
      } else break;
      separator = part.separator;
      separatorAt = part.separatorAt;
    }
    if (kinds === 0) continue;
    out.push({ start, end, label: 'ADDRESS', score: 0.75, priority: PRIORITY.context + 5, source: 'address-by-landmark' });
    after = end;
  }
  return out;
}

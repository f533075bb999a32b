import { isDictionaryWord } from '../bloom.js';
import { matchesNotAfter, notAfter } from './not-after.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isListedTown } from './location.js';

/**
 * A journey written with an arrow: "Flight: Colombo → London", "vol Genève → Manchester", "(Praia →
 * Rennes via Lisbonne)", "Itinerary: Lima → Cusco". A side that a town list knows is a CITY, and the
 * other side too when it is one to three capitalised words no dictionary knows, no acronym and no
 * facility: the arrow between two places says it is one ("Suva → Lautoka Hospital" names a town and a
 * hospital; "CeGIDD → CSAPA" and "SAMU → CHU Dijon" are services).
 */
// Words are bounded: a match may start after every hyphen, dot or apostrophe, and an unbounded word
// there is read to its end from each of them (quadratic on a long hyphenated run). The longest commune
// names ("Saint-Remy-en-Bouzemont-Saint-Genest-et-Isson", 45 characters) fit well within the bound.
const LONGEST_WORD = 60;
const SIDE = String.raw`\p{Lu}[\p{L}'’.-]{1,${LONGEST_WORD}}(?:[ \t]\p{Lu}[\p{L}'’.-]{1,${LONGEST_WORD}}){0,2}`;
const ARROW = notAfter(new RegExp(String.raw`(?<![\p{L}\p{N}])(${SIDE})[ \t]*(?:→|->|=>)[ \t]*(${SIDE})(?![\p{L}\p{N}])`, 'dgu'));
const FACILITY = /\b(?:hospital|hopital|ospedale|clinic|clinique|centre|center|chu|ch|samu|unit|unite|ward|service|department|pediatrics|hospice|ehpad)\b/;

function unknownPlaceName(side: string): boolean {
  const folded = fold(side);
  if (FACILITY.test(folded) || /^\p{Lu}{2,}$/u.test(side.replace(/[ \t.'’-]/gu, ''))) return false;
  return side.split(/[ \t]+/).every((w) => !isDictionaryWord(fold(w).replace(/[^a-z-]/g, '')));
}

export function townsAroundArrowSpans(doc: Doc): Span[] {
  const t = doc.text;
  if (!/→|->|=>/.test(t)) return [];
  const out: Span[] = [];
  for (const m of matchesNotAfter(ARROW, t)) {
    const sides = [1, 2].map((g) => ({ text: m[g]!, at: m.indices![g]! }));
    const listed = sides.map((s) => !FACILITY.test(fold(s.text)) && isListedTown(s.text, 5000));
    if (!listed.some(Boolean)) continue;
    sides.forEach((s, i) => {
      if (!listed[i] && !unknownPlaceName(s.text)) return;
      out.push({ start: s.at[0], end: s.at[1], label: 'CITY', score: 0.8, priority: PRIORITY.context, source: 'city-around-arrow' });
    });
  }
  return out;
}

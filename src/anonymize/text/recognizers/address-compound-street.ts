import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * Streets of the Nordic countries, Finland and the Low Countries carry their kind glued to their name
 * ("Godbyvägen 41", "Norra Esplanadgatan 9 B 14", "Storby byväg 12", "Kerkstraat 41", "Laarbeeklaan 101"),
 * so no street word stands apart for the street rules to find, and the number comes after it. A
 * capitalised name ending on one of those suffixes, then a house number (a letter and a flat number may
 * follow), is the street part of an address wherever it stands: in a register's column as well as after
 * "Domicile :". A lowercase compound only after a capitalised word ("Storby byväg"). Only suffixes that end
 * no ordinary English or French word with a number after it ("-tie", "-gate", "-gade" are left out:
 * "Katie 4", "Brigade 3").
 */
const SUFFIX = String.raw`(?:vägen|väg|gatan|gränd|stigen|backen|torget|vej|vejen|veien|katu|kuja|polku|straat|laan|steeg)`;
// A direction or an age word may open the name apart ("Norra Esplanadgatan", "Gamle Kongevej").
const QUALIFIER = String.raw`(?:Norra|Södra|Östra|Västra|Stora|Lilla|Gamla|Nya|Nørre|Søndre|Øster|Vester|Store|Lille|Gamle|Nye)`;
const COMPOUND_STREET = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:\p{Lu}\p{Ll}+[ \t]+\p{Ll}*|(?:${QUALIFIER}[ \t]+)?\p{Lu}\p{Ll}*)${SUFFIX}[ \t]+\d{1,4}(?:[ \t]?[A-Z](?:[ \t]\d{1,3})?)?(?![\p{L}\p{N}])`,
  'gu',
);
// Cheap gate: a suffix then a number, rare in French and English notes.
const HINT = new RegExp(String.raw`${SUFFIX}[ \t]+\d`);

export function compoundStreetSpans(doc: Doc): Span[] {
  if (!HINT.test(doc.text)) return [];
  const out: Span[] = [];
  for (const m of doc.text.matchAll(COMPOUND_STREET)) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ADDRESS', score: 0.85, priority: PRIORITY.pattern - 4, source: 'address-compound-street' });
  }
  return out;
}

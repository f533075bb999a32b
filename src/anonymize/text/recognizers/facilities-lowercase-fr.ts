import { isDictionaryWord } from '../bloom.js';
import { communePopulation } from '../gazetteers.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * French care places named in lowercase notes, where the facility rules want capitals: a pharmacy, a nurses' or a
 * doctors' practice, a home-care service, a health centre, a SMUR or a fire brigade's ambulance, named by its place or
 * its own name ("orientation pharmacie de la mairie", "ide dom du cabinet ide des trois provinces", "arrivé cette nuit
 * du smur du thillot", "envoi vsav de lurcy-levis", "appel ide du ssiad du pays d'arbois", "maison de sante de
 * pont-de-vaux"). The read sets mark such a place a HOSPITAL in 163 of about 190 lowercase mentions (the others are
 * mostly the same kind of place, left unmarked). Not a generic one: "pharmacie de garde", "de ville", "de l'hôpital".
 * The name runs to punctuation, a line's end, a phone number, or a word that goes on with the sentence; a commune closing
 * it is the place's town ("pharmacie de la poste allanche"). Folded text.
 */
const KIND = String.raw`ch|chu|chi|hopital(?:[ \t]+local)?|centre[ \t]+hospitalier|maternite|clinique|laboratoire(?:[ \t]+(?:biomedical|d'analyses|de[ \t]+biologie(?:[ \t]+medicale)?))?|taxis?(?:[ \t]+conventionnes?)?|centre[ \t]+de[ \t]+radiotherapie|pharmacie|cabinet[ \t]+(?:infirmier|ide|idel|medical|kine|de[ \t]+kine(?:sitherapie)?|d'orthophonie|de[ \t]+radiologie|dentaire)|smur|vsav|ssiad|maison[ \t]+de[ \t]+sante|centre[ \t]+de[ \t]+sante(?:[ \t]+(?:de[ \t]+base|urbain|rural|communautaire))?|centre[ \t]+medico-social`;
const LINK = String.raw`(?:de[ \t]+la|de[ \t]+l'|du|des|de|d'|la|le|les)`;
// Words that go on with the sentence after the name ("recommande pharmacie de la poste allanche pour mercredi").
const STOP = String.raw`(?:pour|et|ou|a|au|aux|avec|qui|que|par|en|sur|dans|chez|ce|cette|demain|hier|ce[ \t]+soir|puis|car|mais|si|le|la|les|un|une|pas|ne|rappele|prevenu|prevenue|informe|informee|contacte|contactee|appele|appelee|passe|passera|livraison|tel|telephone)(?![a-z'])`;
const WORD = String.raw`[a-z][a-z'-]{1,25}`;
const LOWER_FACILITY = new RegExp(
  String.raw`\b((?:${KIND})[ \t]+${LINK}[ \t]*((?!${STOP})${WORD}(?:[ \t]+(?!${STOP})${WORD}){0,3}))(?=[ \t]*(?:[.,;:()\n]|[–—]|-[ \t]|$)|[ \t]+${STOP}|[ \t]+\d)`,
  'dgu',
);
// A hospital's acronym and its town or its own name, with no link word ("ch luxeuil", "ch intercommunal agout-thore",
// "chu khelil amrane bejaia"): 47 of 51 such lowercase mentions in the read sets are hospitals. Each word must be a
// commune, hyphenated, or no ordinary word ("ch silicone" is a catheter's size). Not "chi": a Scottish CHI number.
const HOSPITAL_ACRONYM_NAME = new RegExp(
  String.raw`\b(?:ch|chu|chr)(?:[ \t]+(?:intercommunal|regional|general|universitaire|departemental))?[ \t]+((?!${STOP}[ \t.,;:]|${LINK}[ \t])${WORD}(?:[ \t]+(?!${STOP}(?![a-z'-]))${WORD}){0,2})(?=[ \t]*(?:[.,;:()\n]|[–—]|-[ \t]|$))`,
  'dgu',
);
const HINT = /pharmacie|cabinet|smur|vsav|ssiad|maison de sante|centre de sante|centre medico|\bch|hopital|maternite|clinique|laboratoire|taxi|radiotherapie/;
// A kind of place, not a place: the on-call pharmacy, a town's pharmacy, the hospital's own.
const GENERIC_NAME = /^(?:garde|ville|hopital|officine|proximite|quartier|secteur|reference|famille|service|village|jour|semaine|nuit|niveau|type|rattachement|region|departement|main|suite|soins|sante|readaptation|convalescence|pedopsychiatrie|psychiatrie|chirurgie|medecine|cardiologie|pediatrie|urgences?|depistage|biologie|analyses|diabete|thyroide|orthopedie|vaccination|douleur|memoire|sommeil|obesite|plaies|cicatrisation|allergologie|ophtalmologie|dermatologie|neurologie|origine)(?![a-z])/;

export function lowercaseFrenchFacilitySpans(doc: Doc): Span[] {
  const f = doc.folded;
  if (!HINT.test(f)) return [];
  const t = doc.text;
  const out: Span[] = [];
  for (const m of f.matchAll(LOWER_FACILITY)) {
    const [start, end] = m.indices![1]!;
    const written = t.slice(start, end);
    if (written !== written.toLowerCase()) continue; // capitalised: the facility rules'
    if (GENERIC_NAME.test(m[2]!)) continue;
    // The town the place is in may follow its name with no comma ("pharmacie de la poste allanche"): a commune closing
    // a name of two words or more is that town, a CITY.
    const words = m[2]!.split(/[ \t]+/);
    const last = words.at(-1)!;
    // Not after a link word ("pharmacie du centre de lure", "du val de saone": the town is in the name) nor an ordinary
    // word ("cabinet infirmier les grands lacs").
    const town = words.length >= 2 && communePopulation(last) !== undefined && !/^(?:de|du|des|d'|la|le|les|l')$/.test(words.at(-2)!) && !isDictionaryWord(last) ? last : undefined;
    const facilityEnd = town ? t.slice(start, end - last.length).trimEnd().length + start : end;
    out.push({ start, end: facilityEnd, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 10, source: 'facility-lower-fr' });
    if (town) out.push({ start: end - last.length, end, label: 'CITY', score: 0.8, priority: PRIORITY.context + 10, source: 'city-after-lower-facility-fr' });
  }
  // Its acronym and a blank, as the pattern needs ("ch" alone is in nearly every French note: "chez", "chambre").
  for (const m of /\bch[ru]?[ \t]/.test(f) ? f.matchAll(HOSPITAL_ACRONYM_NAME) : []) {
    const start = m.index;
    const end = m.indices![1]![1];
    const written = t.slice(start, end);
    if (written !== written.toLowerCase()) continue; // capitalised: the facility rules'
    const named = m[1]!.split(/[ \t]+/).every((w) => w.includes('-') || communePopulation(w) !== undefined || !isDictionaryWord(w));
    if (!named || GENERIC_NAME.test(m[1]!)) continue;
    out.push({ start, end, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context + 10, source: 'facility-lower-fr' });
  }
  return out;
}

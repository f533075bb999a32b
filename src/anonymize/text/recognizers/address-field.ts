import { isCountry } from '../countries.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { matchesNotAfter, notAfter } from './not-after.js';
import { isListedTown } from './location.js';

/**
 * The street part of an address written after its field label when it has no street word
 * ("Address: Mains of Tillyfourie, Inverurie AB51 3JA", "Demeurant La Grande Métairie, 86600 Lusignan",
 * "Domicile : Cocody Angré, cité SIR, villa 38, Abidjan"): the comma-separated parts before the town.
 * The town is the last part, or the one before it when the last is only a postcode, a state and its
 * ZIP or an Irish county. One span for the whole street part, below the street and facility rules'
 * priority (a street they found, or a care home, keeps its own span and this one is dropped), above the
 * model's and the gazetteers' (a townland the model called a town is the street part here).
 */
// A noun labels a field only with its colon ("à domicile chez Mme …" is prose); the verbs need none.
// A bilingual form repeats the label in its other languages before the colon ("Adresse / Address / Adres :").
const LABEL = String.raw`(?:(?:home address|usual address|address|adresse|domicile|residence)(?:[ \t]*\/[ \t]*(?:address|adresse|adres|adresa|indirizzo|direccion|endereco|aderesi|anschrift))*[ \t]*:|demeurant|domiciliee?)[ \t]*`;
const ADDRESS_LABEL = notAfter(new RegExp(String.raw`(?<![\p{L}])` + LABEL, 'gu'));
const ADDRESS_LABEL_AT = new RegExp(LABEL, 'uy');

/** The length of an address field label ("Address:", "demeurant") right at `at` of a folded text; 0 if none. */
export function addressLabelLengthAt(folded: string, at: number): number {
  ADDRESS_LABEL_AT.lastIndex = at;
  return ADDRESS_LABEL_AT.exec(folded)?.[0].length ?? 0;
}
// Cheap gate on the folded text: nearly no note has none of these, but the scan runs only after one.
const LABEL_HINT = /addres|adresse|domicil|demeurant|residence/;
// Where a field's value ends: a line break, a wide gap, a dash or bar between fields, a semicolon.
const VALUE_END = /\r?\n|[ \t]{3,}|\t| [–|] |;/u;
const POSTCODE_TAIL = /(?:[ \t]+(?:[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}|[A-Z]\d{2}[ ]?[0-9A-Z]{4}|[A-Z]\d[A-Z][ ]?\d[A-Z]\d|\d{4,6}(?:-\d{4})?))+$/u;
const NOT_A_TOWN = /^(?:|\d{4,6}(?:-\d{4})?|[A-Z]{2}|(?:Co\.?|County)[ \t].*)$/u;
// Values that state there is no address, or point elsewhere.
const NO_ADDRESS = /^(?:NFA|SDF|N\/A|NA|None|Unknown|Not|No|Same|Idem|See|Voir|Inconnue?|Sans)(?![\p{L}])/iu;

/**
 * Where someone lives, said in a sentence as West African, Maghrebi, Malagasy or Indian records say it: a place
 * kind and its name, then landmarks, then the town closing the sentence ("domicilié au quartier Djègbé, maison
 * Dossou-Yovo, non loin du palais royal, Abomey.", "domiciliée au douar Tounfite Haut, à côté de l'école coranique,
 * commune de Tounfite.", "residing at Puthenpurackal House, near Guruvayur temple east nada, Guruvayur, pin …").
 * The span runs from the kind (French) or the capitalised name (English, with a landmark word in it) to the comma
 * before the town.
 */
// The town may be followed by the word for its district ("Bongo district", "Sheema district"), and the sentence may go
// on after it in lowercase ("Kafountine, chez son frère"); "commune d'Ambalavao" elides.
const TOWN_CLOSING = String.raw`(?:,[ \t]*(?:commune de[ \t]+|commune d['’][ \t]*|à[ \t]+|a[ \t]+)?|[ \t]+à[ \t]+)\p{Lu}[\p{L}'’-]+(?:[ \t-]+\p{Lu}[\p{L}'’-]+){0,2}(?:[ \t]+(?:district|county|region|province|municipality|ward))?[ \t]*(?:[.;\n]|$|,[ \t]*(?:pin|zip|postcode|code postal|t[ée]l[ée]phone|tel|phone|mobile)\b|,[ \t]*(?!near|behind|opposite|next|beside|off|past|close|derri[èe]re|pr[èe]s|[àa] c[ôo]t[ée]|non loin|en face|apr[èe]s|avant|sous|sur)\p{Ll})`;
const RESIDENCE_IN_PROSE_FR = new RegExp(
  String.raw`(?<![\p{L}])(?:[Dd]omicili[ée]e?s?|[Dd]emeurant|[Rr][ée]sidant|[Hh]abitant)[ \t]+(?:au|aux|à|a|dans le)[ \t]+((?:quartier|douar|village|lot|fokontany|hameau|secteur|cit[ée]|carr[ée]|[îi]lot|lotissement)[ \t\n]+[^.\n;:]{2,120}?)(?=${TOWN_CLOSING})`,
  'dgu',
);
// Dictated notes transcribed in lowercase say the district, its landmarks, then "à <town>" and the dictation's next word
// ("domiciliée au quartier medina fall a thies telephone …", "ils habitent quartier zountori derrière la mosquée
// centrale à djougou point", "quartier mangoungou derriere la pharmacie du plateau a franceville virgule"): no capital
// closes the town, the dictated punctuation or the phone that follows does; the town is a CITY. Folded text.
const RESIDENCE_DICTATED_FR = new RegExp(
  String.raw`\b(?:domicilie(?:e|s|es)?|demeurant|residant|habitant|habite|habitent|logent[ \t]+chez[ \t]+[a-z' ]{2,30}?)[ \t]+(?:(?:au|le|dans[ \t]+le)[ \t]+)?(quartier[ \t]+[a-z][^.\n;:,]{2,90}?)(?=[ \t]+a[ \t]+([a-z][a-z'-]+(?:[ \t-][a-z][a-z'-]+){0,2})[ \t]+(?:telephone|tel|virgule|point|pardon)\b)`,
  'dgu',
);
// The home may open on the next line ("residing at⏎Mbambi village, near …") or on a house's or plot's number in
// lowercase ("lives at house number A-one-four-seven, Dzelukope, near the lorry station, Keta."); with a landmark in
// it, the sentence's end closes it when no town does ("lives at plot two hundred and twelve, next to the kgotla.").
const RESIDENCE_IN_PROSE_EN = new RegExp(
  String.raw`(?<![\p{L}])(?:residing|living|lives|resident)[ \t]+at[ \t]*\n?[ \t]*((?:\p{Lu}|(?:house|plot|lot|stand|compound)[ \t])[^.\n;:]{2,140}?)(?=${TOWN_CLOSING}|\.(?:[ \t]|$))`,
  'dgu',
);
const LANDMARK_EN = /\b(?:near|behind|opposite|next to|beside|off)\b/;
// Dictated records give the town first, then the home with its landmarks ("a twelve-year-old boy from Gembogl,
// Kegesugl village, Mondia hamlet near the Lutheran church.", "resident of Gbarnga,⏎Kpaiyea community, behind the Total
// gas station, near the water pump, Bong County."): the part after the town, when it holds a landmark.
const FROM_TOWN_THEN_HOME_EN = new RegExp(
  String.raw`(?<![\p{L}])(?:from|of)[ \t]+\p{Lu}[\p{L}'’-]+(?:[ \t]+\p{Lu}[\p{L}'’-]+)?(?:[ \t]+town council)?,[ \t]*\n?[ \t]*((?:\p{Lu}|(?:house|plot|lot|quarter|compound)[ \t])[^.\n;:]{2,140}?)(?=${TOWN_CLOSING}|\.(?:[ \t]|$))`,
  'dgu',
);

export function addressFieldSpans(doc: Doc): Span[] {
  const fromTown = /\b(?:from|of) \p{Lu}/u.test(doc.text);
  if (!LABEL_HINT.test(doc.folded) && !fromTown && !/resid|living|lives|habit|logent/.test(doc.folded)) return [];
  const t = doc.text;
  const out: Span[] = [];
  for (const m of t.matchAll(RESIDENCE_IN_PROSE_FR)) {
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'ADDRESS', score: 0.8, priority: PRIORITY.context + 5, source: 'address-in-prose' });
  }
  for (const m of doc.folded.includes('quartier') ? doc.folded.matchAll(RESIDENCE_DICTATED_FR) : []) {
    const [start, end] = m.indices![1]!;
    if (t.slice(start, end) !== t.slice(start, end).toLowerCase()) continue; // written with capitals: the prose rule's
    out.push({ start, end, label: 'ADDRESS', score: 0.8, priority: PRIORITY.context + 5, source: 'address-dictated' });
    const [townStart, townEnd] = m.indices![2]!;
    out.push({ start: townStart, end: townEnd, label: 'CITY', score: 0.75, priority: PRIORITY.context - 5, source: 'city-after-dictated-address' });
  }
  for (const m of [...t.matchAll(RESIDENCE_IN_PROSE_EN), ...(fromTown ? t.matchAll(FROM_TOWN_THEN_HOME_EN) : [])]) {
    if (!LANDMARK_EN.test(m[1]!)) continue;
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'ADDRESS', score: 0.8, priority: PRIORITY.context + 5, source: 'address-in-prose' });
  }
  if (!LABEL_HINT.test(doc.folded)) return out;
  for (const m of matchesNotAfter(ADDRESS_LABEL, doc.folded)) {
    const start = m.index + m[0].length;
    const rest = t.slice(start, start + 160);
    const end = VALUE_END.exec(rest);
    const value = (end ? rest.slice(0, end.index) : rest).replace(/[ \t.,]+$/u, '');
    if (!/^[\p{Lu}\d]/u.test(value) || NO_ADDRESS.test(value) || /[@]|https?:/.test(value)) continue;
    const commas = [...value.matchAll(/[ \t]*,[ \t]*/gu)];
    const parts = value.split(/[ \t]*,[ \t]*/u);
    let town = parts.length - 1;
    // A country closing the value is no town ("Grand'Rue 3, 6000 Charleroi, Belgique"): taken for one,
    // the span ran over the postcode and the town, whose own spans outrank it, and the street was dropped with it.
    // A bilingual form names the country in each of its languages ("Pays-Bas / Netherlands").
    if (town > 0 && (NOT_A_TOWN.test(parts[town]!.replace(POSTCODE_TAIL, '').trim()) || parts[town]!.split(/[ \t]*\/[ \t]*/u).every((c) => isCountry(c)))) town--;
    // "Brgy. Tungkop, Minglanilla, Cebu", "Cheranalloor, Kochi, Kerala": a listed town before the
    // last part makes that part a province or a region.
    else if (town > 1 && !/\d/.test(parts[town - 1]!) && isListedTown(parts[town - 1]!, 5000)) town--;
    // A town begins with a capital or its postcode ("86600 Lusignan"); otherwise this is no address line.
    if (town < 1 || !/^[\p{Lu}\d]/u.test(parts[town]!)) continue;
    const length = commas[town - 1]!.index;
    // One word with no number before the town is a district or a village ("Résidence : Nkwen, Bamenda").
    if (town === 1 && !/\d|[ \t]/.test(parts[0]!)) continue;
    if (length > 100) continue;
    out.push({ start, end: start + length, label: 'ADDRESS', score: 0.8, priority: PRIORITY.context + 5, source: 'address-field' });
  }
  return out;
}

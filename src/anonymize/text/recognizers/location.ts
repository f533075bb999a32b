import { communeHasCode, communePopulation, isPostalCode, WORLD_CITIES } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * Places: French postal codes confirmed by the commune that follows them (or by an address before
 * them), communes and cities by gazetteer and context ("à Lyon", "domicilié à", "in Boston"),
 * street addresses (the street part: number, type, name), US ZIP codes after a state, and
 * hospitals by the words that name them ("CHU de Nantes", "Hôpital Necker", "St Thomas' Hospital").
 */
const NAME_WORD = String.raw`[\p{Lu}][\p{L}'’-]*`;
const CITY_NAME = String.raw`(?:(?:saint|sainte|st|ste|le|la|les|l')[\s'’-]?)?[\p{L}][\p{L}'’-]*(?:[\s-](?:(?:sur|sous|en|les|lès|le|la|de|du|des|aux|d'|l')[\s'’-]?)?[\p{L}][\p{L}'’-]*){0,4}`;

const ZIP_CITY = new RegExp(String.raw`(?<![\p{N}])((?:\d{5}|\d{2} \d{3}))[ ,]+(${CITY_NAME})`, 'dgu');
const ZIP_ALONE = /(?<![\p{L}\p{N}.,/-])(\d{5})(?![\p{L}\p{N}]|[.,/-]\d)/gu;
const US_ZIP = /(?<=\b(?:A[LKZR]|C[AOT]|DE|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]),?\s)\d{5}(?:-\d{4})?\b/gu;

const STREET_TYPES_FR = String.raw`rue|avenue|av\.?|boulevard|bd|bld|blvd|place|pl\.|chemin|ch\.|allee|impasse|imp\.|route|rte|quai|cours|square|sq\.|voie|lieu[- ]dit|residence|res\.|cite|faubourg|fbg|passage|sentier|parvis|esplanade|promenade|rond[- ]point|hameau|lotissement|domaine|villa|mail|montee|ruelle|traverse|clos|chaussee|venelle`;
const STREET_FR = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(?:(\d{1,4})(?:\s?(?:bis|ter|quater|[a-d])(?![\p{L}]))?\s*,?\s*)?(?:${STREET_TYPES_FR})(?![\p{L}])\s+` +
    String.raw`(?:(?:de la|de l'|des|du|de|d'|la|le|les|l'|aux|au)\s*)?([\p{L}\p{N}][\p{L}\p{N}'’.-]*(?:\s+(?!(?:depuis|avec|pour|chez|et|ou|a|au|dans|puis|mais|vers|since|with|and)\b)[\p{L}\p{N}][\p{L}\p{N}'’.-]*){0,5})`,
  'dgu',
);
const STREET_TYPES_EN = String.raw`Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Court|Ct\.?|Way|Place|Pl\.?|Terrace|Parkway|Pkwy\.?|Circle|Highway|Hwy\.?|Square|Crescent|Close|Gardens|Row|Mews`;
const STREET_EN = new RegExp(
  String.raw`(?<![\p{L}\p{N}])\d{1,5}[A-Za-z]?\s+(?:[NSEW]\.?\s+)?(?:${NAME_WORD}\s+){1,4}(?:${STREET_TYPES_EN})(?![\p{L}])(?:,?\s+(?:Apt|Apartment|Suite|Unit|Flat|#)\.?\s*#?\w+)?`,
  'gu',
);
const CITY_CONTEXT = new RegExp(
  String.raw`(?<![\p{L}])(?:a|en|de|vers|sur|in|from|at|to|near|habite|domicilie(?:e)?\s+a|ne(?:e)?\s+a|originaire\s+de|resident\s+of|lives\s+in|born\s+in|transfere(?:e)?\s+(?:a|de|vers))\s+(${CITY_NAME})`,
  'dgu',
);

const HOSPITAL_HEAD = String.raw`(?:h[oô]pital|hopitaux|h[oô]tel[- ]dieu|chu|chru|chr|chi|chs|cht|ch|centre hospitalier(?: universitaire| regional| intercommunal| departemental| specialise)?|c\.h\.u\.?|clinique|polyclinique|groupe hospitalier|gh|groupement hospitalier|ghu|institut|fondation|centre de (?:sante|readaptation|reeducation|lutte contre le cancer|soins)|ehpad|ssr|usld|maternite|hospices? civils? de|maison de sante|centre medical)`;
const HOSPITAL_FR = new RegExp(
  String.raw`(?<![\p{L}])${HOSPITAL_HEAD}(?![\p{L}])(?:\s+(?:de la|de l'|des|du|de|d'|la|le|les|l'|saint|sainte|st|ste)\s*|\s+|-)` +
    String.raw`([\p{L}\p{N}][\p{L}\p{N}'’-]*(?:[\s-]+[\p{L}\p{N}][\p{L}\p{N}'’-]*){0,5})`,
  'du',
);
const HOSPITAL_EN = new RegExp(
  String.raw`(?<![\p{L}])(?:(?:St\.?|Saint)\s+)?(?:[\p{Lu}][\p{L}'’.-]*\s+){1,5}(?:General\s+)?(?:Hospital|Medical Center|Medical Centre|Health Center|Health Centre|Clinic|Infirmary|Health System|Healthcare|Cancer Center|Children's Hospital|Memorial|Hospice|Nursing Home|Care Home|Rehabilitation Center)(?![\p{L}])`,
  'gu',
);
const HOSPITAL_OF = /(?<![\p{L}])(?:Hospital|Clinic|Infirmary|University Hospitals?) of (?:[\p{Lu}][\p{L}'’-]*)(?:\s+[\p{Lu}][\p{L}'’-]*){0,3}/gu;
const KNOWN_HOSPITALS = [
  'Pitié-Salpêtrière', 'Pitie-Salpetriere', 'La Pitié', 'Salpêtrière', 'Bicêtre', 'Necker', 'Necker-Enfants Malades', 'Cochin', 'HEGP', 'Georges Pompidou', 'Georges-Pompidou',
  'Lariboisière', 'Tenon', 'Saint-Antoine', 'Avicenne', 'Beaujon', 'Bichat', 'Charles Foix', 'Henri Mondor', 'Henri-Mondor', 'Robert Debré', 'Robert-Debré', 'Trousseau',
  'Ambroise Paré', 'Ambroise-Paré', 'Raymond Poincaré', 'Raymond-Poincaré', 'Paul Brousse', 'Paul-Brousse', 'Louis Mourier', 'Louis-Mourier', 'Jean Verdier', 'Jean-Verdier',
  'René Muret', 'Hôtel-Dieu', 'Corentin Celton', 'Vaugirard', 'Bretonneau', 'Rothschild', 'Sainte-Périne', 'Emile Roux', 'Émile Roux', 'Joffre-Dupuytren', 'Georges Clemenceau',
  'Antoine Béclère', 'Antoine-Béclère', 'Broca', 'Jean Jaurès', 'Foch', 'Curie', 'Gustave Roussy', 'Gustave-Roussy', 'Quinze-Vingts', 'Sainte-Anne', 'Bégin', 'Val-de-Grâce',
  'Percy', 'Lyon Sud', 'Edouard Herriot', 'Édouard Herriot', 'Croix-Rousse', 'La Timone', 'Timone', 'Pellegrin', 'Purpan', 'Rangueil', 'Pontchaillou', 'Kremlin-Bicêtre',
  'Massachusetts General', 'Mass General', 'Mayo Clinic', 'Johns Hopkins', 'Mount Sinai', 'Cedars-Sinai', 'Cleveland Clinic', 'Brigham and Women', "Guy's", "St Thomas'",
  'Addenbrooke', 'Royal Free', 'Great Ormond Street', 'Karolinska', 'Charité',
];
const KNOWN_HOSPITAL_RE = new RegExp(String.raw`(?<![\p{L}])(?:${KNOWN_HOSPITALS.map(escapeRe).sort((a, b) => b.length - a.length).join('|')})(?![\p{L}])`, 'gu');

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const CITY_STOP = new Set(['le', 'la', 'les', 'un', 'une', 'des', 'du', 'de', 'domicile', 'jeun', 'distance', 'nouveau', 'plus', 'moins', 'cause', 'noter', 'priori', 'type', 'the', 'a', 'an', 'this', 'that', 'home', 'time']);
const WORLD = new Set(WORLD_CITIES.map((c) => fold(c)));

export function locationSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  const t = doc.text;
  for (const m of t.matchAll(ZIP_CITY)) {
    const [zs, ze] = m.indices![1]!;
    const code = m[1]!;
    // Longest prefix of the following words that is a commune with this postal code (or CEDEX / a big city).
    const words = m[2]!;
    const [cs] = m.indices![2]!;
    let cityEnd = -1;
    const parts = [...words.matchAll(/[^\s-]+/g)];
    for (let k = parts.length; k >= 1; k--) {
      const cand = words.slice(0, parts[k - 1]!.index + parts[k - 1]![0].length);
      if (communeHasCode(cand, code) || (k <= 3 && isPostalCode(code) && /^\p{Lu}/u.test(cand) && communePopulation(cand) !== undefined)) {
        cityEnd = cs + cand.length;
        break;
      }
    }
    if (cityEnd > 0) {
      out.push({ start: zs, end: ze, label: 'ZIP', score: 0.98, priority: PRIORITY.validated - 5, source: 'zip-commune' });
      out.push({ start: cs, end: cityEnd, label: 'CITY', score: 0.97, priority: PRIORITY.pattern, source: 'city-zip' });
      const rest = t.slice(cityEnd);
      const cedex = /^\s+cedex(?:\s+\d{1,2})?/i.exec(rest);
      if (cedex) out[out.length - 1]!.end = cityEnd + cedex[0].length;
    } else if (isPostalCode(code) && /^\p{Lu}/u.test(words)) {
      out.push({ start: zs, end: ze, label: 'ZIP', score: 0.8, priority: PRIORITY.context, source: 'zip-before-name' });
    }
  }
  for (const m of t.matchAll(ZIP_ALONE)) {
    const before = doc.folded.slice(Math.max(0, m.index - 40), m.index);
    if (isPostalCode(m[1]!) && /(?:code postal|cp|zip|postcode|\b(?:rue|avenue|bd|boulevard|chemin|place|allee|route|impasse)\b[^\n]{0,40}),?\s*$/.test(before)) {
      out.push({ start: m.index, end: m.index + 5, label: 'ZIP', score: 0.85, priority: PRIORITY.context, source: 'zip-context' });
    }
  }
  for (const m of t.matchAll(US_ZIP)) out.push({ start: m.index, end: m.index + m[0].length, label: 'ZIP', score: 0.9, priority: PRIORITY.pattern, source: 'zip-us' });

  for (const m of doc.folded.matchAll(STREET_FR)) {
    let end = m.index + m[0].length;
    // Trim a trailing postal code / digits that belong to ZIP, and trailing punctuation.
    const text = t.slice(m.index, end);
    const trimmed = text.replace(/[\s,.;:-]+$/u, '').replace(/[\s,]+\d{5}.*$/u, '');
    end = m.index + trimmed.length;
    const nameWords = m[2] ?? '';
    if (nameWords.length < 2) continue;
    // Without a house number, the street word must be followed by a capitalised name in the original ("rue Victor Hugo").
    if (m[1] === undefined && !/^\p{Lu}/u.test(t.slice(m.indices![2]![0], m.indices![2]![0] + 1)) && !/\b(?:rue|avenue|boulevard|impasse|allee|chemin)\b/.test(doc.folded.slice(m.index, m.index + 10))) continue;
    out.push({ start: m.index, end, label: 'ADDRESS', score: 0.9, priority: PRIORITY.pattern - 2, source: 'street-fr' });
  }
  for (const m of t.matchAll(STREET_EN)) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ADDRESS', score: 0.9, priority: PRIORITY.pattern - 2, source: 'street-en' });
  }
  for (const m of doc.folded.matchAll(CITY_CONTEXT)) {
    const [cs] = m.indices![1]!;
    const words = t.slice(cs, m.indices![1]![1]);
    const parts = [...words.matchAll(/[^\s]+/g)];
    for (let k = Math.min(parts.length, 4); k >= 1; k--) {
      const cand = words.slice(0, parts[k - 1]!.index + parts[k - 1]![0].length).replace(/[.,;:!?)]+$/u, '');
      const key = fold(cand);
      if (CITY_STOP.has(key) || key.length < 3) continue;
      const capital = /^\p{Lu}/u.test(cand);
      const pop = communePopulation(cand);
      const known = WORLD.has(key) || (pop !== undefined && (pop >= 20000 || (capital && pop >= 500)));
      if (known) {
        out.push({ start: cs, end: cs + cand.length, label: 'CITY', score: 0.85, priority: PRIORITY.gazetteer, source: 'city-context' });
        break;
      }
    }
  }
  return out;
}

const HOSPITAL_STOP = /^(?:de|du|des|la|le|sur|en|et|d'|l')$/i;

export function hospitalSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  const t = doc.text;
  const re = new RegExp(HOSPITAL_FR.source, 'dgu');
  for (const m of doc.folded.matchAll(re)) {
    // The folded view has no capitals, so check the name part against the original text.
    const [ns, ne] = m.indices![1]!;
    const original = t.slice(ns, ne);
    const words = original.split(/[\s-]+/);
    let keep = 0;
    let len = 0;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      const ok = /^[\p{Lu}\p{N}]/u.test(w) || (HOSPITAL_STOP.test(w) && i + 1 < words.length && /^\p{Lu}/u.test(words[i + 1]!));
      if (!ok) break;
      keep = i + 1;
      len = original.indexOf(w, len) + w.length;
    }
    if (keep === 0) continue;
    out.push({ start: m.index, end: ns + len, label: 'HOSPITAL', score: 0.9, priority: PRIORITY.context + 10, source: 'hospital-fr' });
  }
  for (const m of t.matchAll(HOSPITAL_EN)) {
    const lead = /^(?:The|A|An|At|In|To|From|Our|This|Admitted|Seen|Transferred|Referred|Discharged)\s+/u.exec(m[0]);
    const start = m.index + (lead ? lead[0].length : 0);
    out.push({ start, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.9, priority: PRIORITY.context + 10, source: 'hospital-en' });
  }
  for (const m of t.matchAll(HOSPITAL_OF)) out.push({ start: m.index, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.9, priority: PRIORITY.context + 10, source: 'hospital-of' });
  for (const m of t.matchAll(KNOWN_HOSPITAL_RE)) out.push({ start: m.index, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.9, priority: PRIORITY.context + 8, source: 'hospital-known' });
  return out;
}

import { isDictionaryWord } from '../bloom.js';
import { fold } from '../normalize.js';
import { TITLE_OPENS } from '../titles.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isPhiAge } from './age.js';
import { CANADIAN_POSTCODE, EIRCODE, UK_POSTCODE } from './postcode-shapes.js';

/**
 * Identifiers and people in table columns: a header cell that names an identifier ("UR", "MRN", "IPP", "N°",
 * "Patient ID", "NHS No") makes the cells below it identifiers, however short, as long as they look like codes (a
 * digit, no spaces inside) and the rows keep the header's separator (also a numbered thing — "N° SINUS", "écrou", a
 * porter's "task", a "client_id", a "Register no.", a prescriber's "npi", a doctor's "gmc", "rpps" or "ahpra"
 * registration, a vaccine's "lot", a runner's "bib" or "dossard", an audit's, a screening log's or a study's record
 * ("audit_id", "Screen #", "code anonyme") — each number points at one person or one dose
 * given to one); a "Phone" column's numbers are phones, an "Address" column's cells street parts; a "Patient",
 * "Nom" or "Name" header makes the word cells below it names ("Smith J", "BRUN, Alice"), a "Treating clinic" or
 * "Maternité" header the named cells below it facilities ("Monash IVF Albury"). Theatre lists, ward lists and lab
 * worksheets give a number with no word before it, only the column says what it is.
 */
const HEADER_CELL = /^(?:last ?4|last four|ssn|ssn ?(?:last ?4|4)|(?:last ?4|last four) ssn|ur|urn|mrn|ipp|nda|nip|ins|nir|id|ident|id patient|patient id|patient no\.?|patient number|n°|no\.?|#|num(?:ero)?|dossier|record|record no\.?|hosp(?:ital)? no\.?|nhs(?: no\.?| number)?|h ?& ?c(?: no\.?| number)?|chi|ihi|ppsn|rx ?#|rx no\.?|episode|encounter|visit|accession|acc(?: no\.?)?|specimen(?: no\.?)?|lab no\.?|sejour|venue|n° [a-z]+|ecrou|task|task no\.?|job|job no\.?|ticket|ref|reference|(?:client|subject|participant|resident|member|study|case|audit|sample|kit|screen|screening|enrolment|enrollment|randomisation|randomization|registry|trial|donor|recipient|cohort|inclusion|donneur|receveur) (?:id|#|no\.?|number)|code (?:anonyme|patient|participant|sujet|etude|inclusion|pseudonyme)|(?:anonymous|anonymised|anonymized|pseudonymised|pseudonymized|study|participant|subject|patient) code|nhi|phn|ohip|ramq|medicare|medicaid|niss|mykad|mbi|serial|serial no\.?|serial number|s\/n|sn|num serie|numero de serie|n° de serie|n° serie|(?:[a-z]+ )?npi(?: [a-z]+)?|gmc|gmc no\.?|gmc number|imc|imc no\.?|nmc|nmc pin|rpps|n° rpps|adeli|ahpra|cpso|cpso no\.?|lot|lot no\.?|lot number|batch|batch no\.?|bib|bib no\.?|dossard|n° dossard|dossard \/ bib|(?:[a-z]+ ){0,2}(?:health|health card|card|medicare|medicaid|insurance|insurer|hc|phn|nhi|hospital|hosp|chart|file|policy|patient|register|registration|registry|ndis|ahcip|edipi|dva|provider) (?:no\.?|number|num|#|id))$/;
// A column of people: "Patient", "Nom", "Name" (the header of a ward or theatre list), and the people
// who care for them: "Attending", "Médecin", "IDE", "GP". A name's part qualified by whose it is names its column as
// the bare word does: "patient_surname", "child_given", "prenom_mere".
const NAME_HEADER_CELL = new RegExp(String.raw`^(?:patient|patiente|patient name|name|full name|nom|noms?|nom prenom|nom et prenom|nom - prenom|prenom nom|nom patient|nom du patient|surname|last ?name|first ?names?|(?:(?:pt|patient|worker|client|member|employee|claimant|insured|subscriber|guarantor|mother|father|parent|guardian|donor|child|caller|student|pupil) )?(?:(?:last|first)(?: ?name)?|surname|forenames?|given(?: ?names?)?|family ?name)|(?:(?:patient|patiente) )?prenoms?(?: (?:mere|pere|enfant|patient|patiente|parent|tuteur|conjoint))?|nom de famille|nom de naissance|nom d'usage|surname, first name|attending|attending physician|physician|doctor|consultant|surgeon|anaesthetist|anesthetist|gp|pcp|nurse|rn|primary nurse|named nurse|medecin|medecin traitant|medecin referent|chirurgien|anesthesiste|infirmiere?|ide|referent|next of kin|nok|contact|aidant|child|client|caller|parent|vaccinateur|vaccinator|ide referente?|infirmiere referente|neurologist|reviewer|reviewed by|approver|approved by|assigned to|` +
  // The staff a list names by column: who ordered, reported, carried or signed ("ORDERING", "porter").
  // Who handled a row, by login or by name: a study's "coordinator", who entered or recorded it, its "user".
  String.raw`coordinator|study coordinator|research coordinator|entered by|recorded by|created by|user|username|user name|utilisateur|identifiant|login|operator|operateur|author|auteur|` +
  String.raw`ordering|ordering physician|ordering provider|ordered by|requested by|requester|demandeur|prescriber|prescripteur|referrer|referring|referring physician|radiologist|reporting radiologist|reported by|porter|porters|brancardier|escort|driver|chauffeur|clinician|staff|seen by|signed by|witness|keyworker|key worker|pharmacist|pharmacien|registrar|resident|interne|midwife|sage-femme|bcn|cns|kine|physio)$`,
);
// Columns of ages, postcodes and towns: "Age" (only over 89 is PHI), "postcode", "CP", "Ville".
const AGE_HEADER_CELL = /^(?:age|ages|age \(ans\)|age \(years\)|age \(y\)|years)$/;
// A column of telephone numbers: a bare "9123 4470" is no identifier when its column says it is a phone.
const PHONE_HEADER_CELL = /^(?:phone|phones|tel|tel\.|telephone|mobile|mobile no\.?|cell|cellphone|portable|gsm|contact no\.?|contact number|phone no\.?|phone number|(?:home|work|mobile|cell|contact|parent|nok|guardian) (?:phone|tel|telephone|no\.?|number)|(?:tel|telephone|portable) (?:parent|parents|mere|pere|famille|domicile|contact|aidant))$/;
const PHONE_CELL = /^\+?\(?\d[\d ().-]{4,18}\d$/;
// A column of street addresses ("Address", "Adresse", "Street"): the cell is the street part; when no town column
// follows, its last comma part is the town ("Baddidarrach, Lochinver IV27 4LP"). Not "Domicile": lists of
// discharges head where the patient went so ("domicile", "UHCD"). An Irish export heads it by the townland.
const ADDRESS_HEADER_CELL = /^(?:address|home address|street|street address|addr|address line 1|address ?1|adresse|adresse postale|rue|lieu-dit|townland|townland or street|street or townland)$/;
const NO_ADDRESS_CELL = /^(?:NFA|SDF|N\/A|NA|None|Unknown|Inconnue?|Sans|[-–—?]+)$/iu;
const ZIP_HEADER_CELL = /^(?:postcode|post code|postal code|zip|zip code|zipcode|cp|pc|npa|code postal|eircode)$/;
// Where someone lives or comes from, by its place's kind: a town, a village, a district of a city ("area" of a
// donor log, "quartier" of a register in Nouakchott or Niamey, "colline" in Burundi, "community").
// Qualified by whose town it is ("employer_city", "home_town"), as names are ("worker_last") and identifiers
// ("ssn_last4"). A municipality too, and two kinds joined by a slash ("Village / town", "Village / TA": a Malawian traditional authority).
const CITY_HEADER_WORD = 'city|town|ville|commune|island|isle|ile|localite|lieu de residence|residence|area|quartier|district|village|suburb|locality|neighbou?rhood|community|home community|communaute|hometown|home town|colline|lieu de naissance|place of birth|birthplace|provenance|municipality|municipalite|township';
const CITY_HEADER_CELL = new RegExp(`^(?:home|(?:(?:employer|home|birth|work|school|patient|worker|client|mailing|current|previous) )?(?:${CITY_HEADER_WORD})(?:(?: ?\\/ ?| )(?:${CITY_HEADER_WORD}|ta|county|province|state))*)$`);
// Where a patient is treated, from or to, or works, by its column: "Treating clinic", "gp_clinic", "referring_facility",
// "centre_dialyse", "Transporteur", "Employer" (the sets mark facilities and employers as HOSPITAL).
const FACILITY_HEADER_CELL = /^(?:(?:treating|referring|receiving|gp|dialysis|home|current)[ ]?)?(?:clinic|facility|hospital|hopital|practice|pharmacy|pharmacie|employer|employeur|transporteur|maternite|etablissement|centre(?: dialyse)?|center|ward or clinic)$/;
// A ward, a room or a clinic numbered in the hospital ("Ward 9B", "clinic 2A", "salle 3"): a place inside one, not its name.
const WARD_CELL = /^(?:ward|clinic|unit|room|bay|bed|theatre|salle|unite|service|chambre|box)\b/i;
// A GP or a doctor column may hold the practice instead of the person ("gas house lane surgery").
const PRACTICE_CELL = /(?:^|[ \t])(?:surgery|practice|medical group|medical cent(?:re|er)|health cent(?:re|er)|clinic|cabinet(?: medical)?|maison de sante|centre de sante|dispensaire)$/;
// Four digits too: a postcode column holds Australian, New Zealand, Belgian or Swiss codes ("3677", "1090").
const ZIP_CELL = new RegExp(String.raw`^(?:\d{4,5}(?:-\d{4})?|${UK_POSTCODE}|${CANADIAN_POSTCODE}|${EIRCODE})$`, 'i');
// A credential after the name in its cell stays outside it ("A. Cota, RPh", "M. Kehoe, PharmD").
const CREDENTIAL_AFTER = /,[ \t]*(?:rph|pharmd|md|do|rn|np|fnp|pa-c|pa|lpn|ma|cnm|crna|dds|bsn|msn|phd|mbbs|ide|iade)\.?$/;
const NAME_CELL = /^[\p{L}][\p{L}'’.,-]*(?:[ \t]+[\p{L}][\p{L}'’.,-]*){0,4}$/u;
// A code, or digit groups with single spaces ("628 194 8211": an NHS number in its column).
const CODE_CELL = /^[\p{L}\p{N}](?:[\p{L}\p{N}\-/.]|[ ](?=\p{N})){2,24}$/u;
// CSV exports ("name,hosp_no,nhs_no,…") are tables too; their cells may be quoted ("Gallagher, Seamus").
const SEPARATORS = ['|', '\t', ';', ','] as const;
// A comment that names the columns after it: "# colonnes : ", "# columns: ", "-- fields = ".
const COMMENTED_HEADER_OPENING = /^[ \t]*(?:#+|\/\/|--)[ \t]*(?:colonnes|columns|fields|champs|header|en-tete|entete)[ \t]*[:=][ \t]*/;
const CSV_HINT = /[^\s,],[^\s,][^\s,]*,[^\s,]/;
/** Rows looked at below one header: tables in notes are short; a blank line or a row of another shape ends it. */
const MAX_ROWS = 200;

function cells(line: string, sep: string): string[] {
  if (sep === ',') return csvCells(line);
  let parts = line.split(sep);
  if (sep === '|') parts = parts.slice(line.trimStart().startsWith('|') ? 1 : 0, line.trimEnd().endsWith('|') ? -1 : undefined);
  return parts;
}

/**
 * Comma-separated cells, a comma inside double quotes kept in its cell; each cell keeps its raw text (quotes
 * included) so offsets add up. With `keepSpacedCommas`, a comma and a blank stays in its cell too: exports that
 * do not quote write a value's own comma so ("O. Zamora, NP"); a row is read that way only when the plain split
 * does not give the header's count (a row may also put a blank after every comma).
 */
function csvCells(line: string, keepSpacedCommas = false): string[] {
  const out: string[] = [];
  let from = 0;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') quoted = !quoted;
    else if (c === ',' && !quoted && !(keepSpacedCommas && (line[i + 1] === ' ' || line[i + 1] === '\t'))) {
      out.push(line.slice(from, i));
      from = i + 1;
    }
  }
  out.push(line.slice(from));
  return out;
}

/** Whether a cell's text is a column header this module knows ("MRN", "IPP", "Age", "Ville"): a header, never a value. */
export function isColumnHeader(cell: string): boolean {
  const k = cell.trim().toLowerCase().normalize('NFD').replace(/\p{M}+/gu, '').replace(/[\s_]+/g, ' ').replace(/[:.]$/, '');
  return HEADER_CELL.test(k) || NAME_HEADER_CELL.test(k) || AGE_HEADER_CELL.test(k) || PHONE_HEADER_CELL.test(k) || ADDRESS_HEADER_CELL.test(k) || ZIP_HEADER_CELL.test(k) || CITY_HEADER_CELL.test(k) || FACILITY_HEADER_CELL.test(k);
}

/** A header cell of the folded text as the *_HEADER_CELL patterns read it: unquoted, "_" and runs of spaces as one space, no trailing ":" or ".". */
export function headerKey(cell: string): string {
  return cell.trim().replace(/^"|"$/g, '').replace(/[\s_]+/g, ' ').replace(/[:.]$/, '');
}

/** The indexes of the header cells (their headerKey) that `re` names. */
function columnsNamed(keys: readonly string[], re: RegExp): number[] {
  const out: number[] = [];
  keys.forEach((key, k) => {
    if (re.test(key)) out.push(k);
  });
  return out;
}

/** A cell's value (unquoted, trimmed) and where it starts in the text. */
export interface Cell {
  readonly value: string;
  readonly start: number;
}

/** The columns of a table, by what their header says they hold. */
export interface ColumnKinds {
  readonly ids: number[];
  readonly names: number[];
  readonly ages: number[];
  readonly zips: number[];
  readonly phones: number[];
  readonly addresses: number[];
  readonly cities: number[];
  readonly facilities: number[];
}

/**
 * What each header cell (its headerKey) says its column holds; undefined when no column is one this module knows, or
 * when the cells are phrases rather than labels (a comma-separated sentence read as a header: `commaSeparated`).
 */
export function columnKinds(keys: readonly string[], commaSeparated: boolean): ColumnKinds | undefined {
  const kinds: ColumnKinds = {
    ids: columnsNamed(keys, HEADER_CELL),
    names: columnsNamed(keys, NAME_HEADER_CELL),
    ages: columnsNamed(keys, AGE_HEADER_CELL),
    zips: columnsNamed(keys, ZIP_HEADER_CELL),
    phones: columnsNamed(keys, PHONE_HEADER_CELL),
    addresses: columnsNamed(keys, ADDRESS_HEADER_CELL),
    cities: columnsNamed(keys, CITY_HEADER_CELL),
    facilities: columnsNamed(keys, FACILITY_HEADER_CELL),
  };
  if (Object.values(kinds).every((columns) => columns.length === 0)) return undefined;
  // A sentence with commas is no CSV header: its cells would be phrases, not labels.
  if (commaSeparated && keys.some((key) => key.split(' ').length > 4)) return undefined;
  return kinds;
}

/** The spans of one row's cells, each read as its column's header says. */
export function rowSpans(kinds: ColumnKinds, cellAt: (column: number) => Cell): Span[] {
  const out: Span[] = [];
  for (const k of kinds.ids) {
    const { value, start } = cellAt(k);
    if (!CODE_CELL.test(value) || !/\d/.test(value) || /^\d{1,2}$/.test(value)) continue;
    out.push({ start, end: start + value.length, label: 'ID', score: 0.85, priority: PRIORITY.pattern + 1, source: 'id-column' });
  }
  for (const k of kinds.names) {
    const { value, start } = cellAt(k);
    if (value.length < 2 || !NAME_CELL.test(value)) continue;
    const label = PRACTICE_CELL.test(value) ? 'HOSPITAL' : 'PERSON'; // cells of the folded text: lower case already
    // A title stays outside the name ("Dr Martineau"). A one-word cell outranks a town's guess at the same word
    // ("Bronte", "Kirra", "Huy" are towns too): the header says whose cell it is. Longer cells may hold a role or
    // a relation ("voisin M. Fabre"), which the finer name rules cut better.
    const title = label === 'PERSON' ? (TITLE_OPENS.exec(value)?.[0].length ?? 0) : 0;
    const end = start + value.replace(CREDENTIAL_AFTER, '').replace(/[.,]+$/, '').length;
    const oneWord = !/[ \t]/.test(value.slice(title).trim());
    if (end > start + title) out.push({ start: start + title, end, label, score: 0.85, priority: oneWord ? PRIORITY.context + 6 : PRIORITY.context, source: `${label === 'HOSPITAL' ? 'practice' : 'person'}-column` });
  }
  for (const k of kinds.ages) {
    const { value, start } = cellAt(k);
    if (/^\d{2,3}$/.test(value) && isPhiAge(Number(value))) out.push({ start, end: start + value.length, label: 'AGE', score: 0.85, priority: PRIORITY.context, source: 'age-column' });
  }
  for (const k of kinds.addresses) {
    const { value, start } = cellAt(k);
    if (value.length > 80 || !/\p{L}/u.test(value) || NO_ADDRESS_CELL.test(value)) continue;
    // With no town column, the town closes the cell after its last comma: the street part is what comes before. A
    // postcode may close it too ("Nether Button, KW17 2NZ"): the postcode rules take it.
    const closedByPostcode = value.includes(',') && ZIP_CELL.test(value.slice(value.lastIndexOf(',') + 1).trim());
    const street = value.includes(',') && (kinds.cities.length === 0 || closedByPostcode) ? value.slice(0, value.lastIndexOf(',')).trimEnd() : value;
    // Beside a town column the cell holds no town, so a farm's or a house's name before a postcode is the street part,
    // not the town the postcode rules take it for.
    const priority = kinds.cities.length > 0 && closedByPostcode ? PRIORITY.pattern - 4 : PRIORITY.context + 5;
    if (street.length > 0) out.push({ start, end: start + street.length, label: 'ADDRESS', score: 0.8, priority, source: 'address-column' });
  }
  for (const k of kinds.phones) {
    const { value, start } = cellAt(k);
    const digits = value.replace(/\D/g, '').length;
    if (PHONE_CELL.test(value) && digits >= 7 && digits <= 15) out.push({ start, end: start + value.length, label: 'PHONE', score: 0.85, priority: PRIORITY.context, source: 'phone-column' });
  }
  for (const k of kinds.zips) {
    const { value, start } = cellAt(k);
    if (ZIP_CELL.test(value)) out.push({ start, end: start + value.length, label: 'ZIP', score: 0.85, priority: PRIORITY.context + 10, source: 'zip-column' });
  }
  for (const k of kinds.facilities) {
    const { value, start } = cellAt(k);
    // A place's name: a word of four letters or more that no dictionary holds ("Monash IVF Albury", "Bernay"); a
    // kind of clinic or a ward ("contraception", "PrEP", "Ward 9B") is no facility's name.
    const named = !WARD_CELL.test(value) && (value.match(/\p{L}{4,}/gu) ?? []).some((w) => !isDictionaryWord(fold(w)));
    if (named && value.length <= 60) out.push({ start, end: start + value.length, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context, source: 'facility-column' });
  }
  for (const k of kinds.cities) {
    const { value, start } = cellAt(k);
    if (value.length >= 2 && NAME_CELL.test(value) && !/\d/.test(value)) out.push({ start, end: start + value.length, label: 'CITY', score: 0.85, priority: PRIORITY.context, source: 'city-column' });
  }
  return out;
}

/** The lines of a text with the offset each starts at (the last one too, empty or not). */
export function linesOf(t: string): { start: number; text: string }[] {
  const lines: { start: number; text: string }[] = [];
  for (let at = 0; at <= t.length; ) {
    const nl = t.indexOf('\n', at);
    const end = nl < 0 ? t.length : nl;
    lines.push({ start: at, text: t.slice(at, end) });
    at = end + 1;
  }
  return lines;
}

export function tableColumnIds(doc: Doc): Span[] {
  const t = doc.folded;
  // Only the separators the text has; commas only where two glued ones look like a CSV row.
  const separators = SEPARATORS.filter((sep) => (sep === ',' ? CSV_HINT.test(t) : t.includes(sep)));
  if (separators.length === 0) return [];
  const out: Span[] = [];
  const lines = linesOf(t);
  // The last row read under a header, per separator: a row of values is no header in turn, even when one of its cells
  // is a header's word (an "outcome" column's "home" is a value, not a "home" town column opening a new table).
  const rowsUntil = new Map<string, number>();
  for (let i = 0; i < lines.length; i++) {
    for (const sep of separators) {
      if (!lines[i]!.text.includes(sep) || i <= (rowsUntil.get(sep) ?? -1)) continue;
      // A CSV header is labels glued by commas ("name,hosp_no,dob"); a comma and a space is prose.
      if (sep === ',' && (lines[i]!.text.includes(', ') || !CSV_HINT.test(lines[i]!.text))) continue;
      const header = cells(lines[i]!.text, sep);
      // An export's header may sit in a comment that names it ("# colonnes : dossier;date_appel;nom"): its first label
      // follows the comment's own.
      header[0] = header[0]!.replace(COMMENTED_HEADER_OPENING, '');
      // Three columns at least: a two-cell row is a "field | value" pair, and the rows under it are
      // other fields, not values of its column.
      if (header.length < 3) continue;
      const kinds = columnKinds(header.map(headerKey), sep === ',');
      if (!kinds) continue;
      for (let j = i + 1; j < lines.length && j <= i + MAX_ROWS; j++) {
        const row = lines[j]!;
        if (/^[\s|:+-]*$/.test(row.text) && row.text.includes('-')) continue; // a markdown rule "|---|---|"
        let rowCells = cells(row.text, sep);
        if (sep === ',' && rowCells.length !== header.length) rowCells = csvCells(row.text, true);
        if (rowCells.length !== header.length) break;
        const cellAt = (k: number): Cell => {
          let offset = row.start + (sep === '|' && row.text.trimStart().startsWith('|') ? row.text.indexOf('|') + 1 : 0);
          for (let c = 0; c < k; c++) offset += rowCells[c]!.length + 1;
          const raw = rowCells[k]!;
          const value = raw.trim().replace(/^"([^"]*)"$/, '$1').trim();
          return { value, start: offset + raw.indexOf(value) };
        };
        out.push(...rowSpans(kinds, cellAt));
        rowsUntil.set(sep, j);
      }
    }
  }
  return out;
}

import { FACILITY_WORD, SERVICE_WORDS } from '../facility-words.js';
import { PRIORITY, type Doc, type Label, type Span } from '../types.js';
import { STREET_END_WORDS } from './address-line.js';

/**
 * UN/EDIFACT interchanges pasted into notes or exported as text (UNB+UNOC:3+…', NAD+PAT++++Gullane++EH31 2AL',
 * DTM+329:19560214:102'), as laboratories and registries still send medical reports (MEDRPT, MEDRES) in the UK,
 * Belgium, the Netherlands and Scandinavia. As for HL7 v2 (hl7.ts), the segment and the element's position say what a
 * value is, where the prose rules see a bare "19560214" (an identifier to them), a town glued between "+" signs and
 * "SURNAME:Given" with no title before it. Segments end at an unreleased "'", elements at "+", components at ":",
 * and "?" releases the next character (the defaults of the UNA service string, which this reader assumes).
 */

interface Piece {
  start: number;
  value: string;
}

// Only a text that opens an interchange or a message is read: "UNA:+.? '", "UNB+", "UNH+".
const EDIFACT_HINT = /(?:^|')[ \t\r\n]*UN[ABH][:+]/mu;
const TAG = /^[A-Z]{3}$/u;
const SEGMENT_OPENING = /(?:^|[\r\n])[ \t]*(?=UNA|[A-Z]{3}\+)/gu;

/** Splits `piece` on `separator` where it is not released by "?", keeping offsets. */
function split(piece: Piece, separator: string): Piece[] {
  const out: Piece[] = [];
  let from = 0;
  const v = piece.value;
  for (let i = 0; i <= v.length; i++) {
    if (i < v.length && v[i] === '?') {
      i++;
      continue;
    }
    if (i === v.length || v[i] === separator) {
      out.push({ start: piece.start + from, value: v.slice(from, i) });
      from = i + 1;
    }
  }
  return out;
}

/** The segments of every interchange in the text: tag, then its elements (the tag is element 0). */
function segments(text: string): Piece[][] {
  const out: Piece[][] = [];
  for (const raw of split({ start: 0, value: text }, "'")) {
    // A segment opens its line or follows the last one's "'": prose before the interchange is no part of it.
    let lead = -1;
    for (const m of raw.value.matchAll(SEGMENT_OPENING)) lead = m.index + m[0].length;
    if (lead < 0) continue;
    const segment = { start: raw.start + lead, value: raw.value.slice(lead) };
    if (segment.value.startsWith('UNA')) continue; // the service string advice: separators, not data
    const elements = split(segment, '+');
    if (elements.length > 1 && TAG.test(elements[0]!.value)) out.push(elements);
  }
  return out;
}

// Date/time format qualifiers (UN/EDIFACT code list 2379) and how many leading digits hold the date.
const DATE_FORMATS: Record<string, { digits: number; length: number }> = {
  '101': { digits: 6, length: 6 }, // YYMMDD
  '102': { digits: 8, length: 8 }, // CCYYMMDD
  '201': { digits: 6, length: 10 }, // YYMMDDHHMM: the time stays outside, as in message headers
  '203': { digits: 8, length: 12 }, // CCYYMMDDHHMM
  '204': { digits: 8, length: 14 }, // CCYYMMDDHHMMSS
};
const VALID_DATE = /^(?:\d\d)?\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$/u;
// NAD party qualifiers that name an organisation: message sender and recipient, laboratory, supplier, buyer, carrier …
const ORGANISATION_PARTIES = new Set(['MS', 'MR', 'SLA', 'SU', 'BY', 'FR', 'TO', 'CA', 'II', 'IV', 'ORG', 'HOS', 'LAB']);
// PNA name-component qualifiers (surname, forename, middle name, title, suffix): the title is not a name.
const NAME_QUALIFIERS = new Set(['SU', 'FO', 'MI', 'FS', 'PR', 'TI', 'SFX']);
// COM channel qualifiers (code list 3155) of telephone numbers: telephone, fax, cellular, other telephone.
const PHONE_CHANNELS = new Set(['TE', 'FX', 'AL', 'AJ', 'AH']);
const STREET_WORD = new RegExp(String.raw`\b(?:${STREET_END_WORDS})\b`, 'u');
const SERVICE_WORD = new RegExp(String.raw`\b(?:${SERVICE_WORDS.join('|')}|wing|institute|infirmary|trust)\b`, 'u');

export function edifactSpans(doc: Doc): Span[] {
  const text = doc.text;
  if (!EDIFACT_HINT.test(text)) return [];
  const out: Span[] = [];
  const push = (piece: Piece | undefined, label: Label, length = piece?.value.length ?? 0) => {
    if (!piece) return;
    const value = piece.value.slice(0, length);
    const lead = /^\s*/u.exec(value)![0].length;
    const trimmed = value.trim();
    if (!/[\p{L}\p{N}]/u.test(trimmed)) return;
    out.push({ start: piece.start + lead, end: piece.start + lead + trimmed.length, label, score: 0.95, priority: PRIORITY.pattern + 5, source: 'edifact' });
  };
  const organisation = (piece: Piece) => {
    const folded = piece.value.toLowerCase();
    return FACILITY_WORD.test(folded) || SERVICE_WORD.test(folded);
  };
  for (const elements of segments(text)) {
    const c = (n: number) => (elements[n] ? split(elements[n], ':') : []);
    switch (elements[0]!.value) {
      case 'UNB': {
        // Sender and recipient: a service's code name (EASTLOTHRESP) or its number; then the preparation date.
        for (const n of [2, 3]) {
          const id = c(n)[0];
          if (id && /\p{L}/u.test(id.value)) push(id, 'HOSPITAL');
          else if (id && /\d{6}/u.test(id.value)) push(id, 'ID');
        }
        const date = c(4)[0];
        if (date && VALID_DATE.test(date.value)) push(date, 'DATE');
        break;
      }
      case 'DTM': {
        const [, value, format] = c(1);
        const shape = DATE_FORMATS[format?.value ?? '102'];
        if (value && shape && value.value.length === shape.length && /^\d+$/u.test(value.value) && VALID_DATE.test(value.value.slice(0, shape.digits))) {
          push(value, 'DATE', shape.digits);
        }
        break;
      }
      case 'NAD': {
        const party = elements[1]?.value ?? '';
        const isOrganisation = ORGANISATION_PARTIES.has(party);
        const id = c(2)[0];
        if (id && /\d/u.test(id.value)) push(id, 'ID');
        // Name and address lines (3), party name (4): an organisation's or a person's, by the qualifier and the words.
        for (const n of [3, 4]) {
          for (const part of c(n)) {
            if (organisation(part)) push(part, 'HOSPITAL');
            else if (/\d/u.test(part.value) && n === 3) push(part, 'ADDRESS');
            else if (/\p{L}/u.test(part.value)) push(part, isOrganisation ? 'HOSPITAL' : 'PERSON');
          }
        }
        // Street (5), city (6), postcode (8). A "street" with neither a number nor a street word, the city left empty,
        // is the town written one element early, as senders that skip an empty element do ("NAD+PAT++++Gullane++EH31 2AL").
        const city = c(6)[0];
        const shifted = !city?.value.trim();
        for (const part of c(5)) push(part, shifted && !/\d/u.test(part.value) && !STREET_WORD.test(part.value.toLowerCase()) ? 'CITY' : 'ADDRESS');
        push(city, 'CITY');
        for (const n of [7, 8]) if (c(n)[0] && /\d/u.test(c(n)[0]!.value)) push(c(n)[0], 'ZIP');
        break;
      }
      case 'PNA': {
        const id = c(2)[0];
        if (id && /\d/u.test(id.value)) push(id, 'ID');
        for (let n = 3; n < elements.length; n++) {
          const parts = c(n);
          // "SU:SMITH" names its component; "BALFOUR-KINNEAR:Elspeth" does not, and every part is a name.
          if (parts.length === 2 && NAME_QUALIFIERS.has(parts[0]!.value)) {
            if (parts[0]!.value !== 'TI') push(parts[1], 'PERSON');
          } else for (const part of parts) if (/\p{L}/u.test(part.value)) push(part, 'PERSON');
        }
        break;
      }
      case 'COM': {
        const [number, channel] = c(1);
        if (number && PHONE_CHANNELS.has(channel?.value ?? '') && (number.value.match(/\d/gu)?.length ?? 0) >= 6) push(number, 'PHONE');
        break;
      }
    }
  }
  return out;
}

/**
 * The segment tags and the code elements of an interchange (syntax, message type, qualifiers, date formats): never
 * PHI, whatever the model reads in "UNA" or "MEDRPT:D:96A:UN". Spans inside them are cut out by the pipeline, as for
 * HL7's coded fields; free text (FTX) keeps every span (fail closed). Sorted and disjoint.
 */
export function edifactCodedRanges(doc: Doc): Array<[number, number]> {
  const text = doc.text;
  if (!EDIFACT_HINT.test(text)) return [];
  const out: Array<[number, number]> = [];
  const code = (piece: Piece | undefined) => {
    if (piece && piece.value) out.push([piece.start, piece.start + piece.value.length]);
  };
  const una = /^[ \t]*UNA.{6}/mu.exec(text);
  if (una) out.push([una.index, una.index + una[0].length]);
  for (const elements of segments(text)) {
    code(elements[0]);
    const c = (n: number) => (elements[n] ? split(elements[n], ':') : []);
    switch (elements[0]!.value) {
      case 'UNB':
        code(elements[1]);
        break;
      case 'UNH':
        code(elements[2]);
        break;
      case 'DTM':
        code(c(1)[0]);
        code(c(1)[2]);
        break;
      case 'NAD':
      case 'PNA':
      case 'FTX':
      case 'BGM':
        code(elements[1]);
        break;
      case 'COM':
        code(c(1)[1]);
        break;
      case 'RFF':
        code(c(1)[0]);
        break;
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}

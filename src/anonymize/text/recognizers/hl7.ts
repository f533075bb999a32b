import { PRIORITY, type Doc, type Label, type Span } from '../types.js';

/**
 * HL7 v2 messages pasted into notes or exported as text (MSH|^~\&|…, PID|…, NK1|…): the segment and
 * field say what a value is, where the free-text rules see only bare digits (a timestamp
 * "20250304141022" read as an identifier) and "^"-glued names ("YAMAMOTO^KENJI^T") that no name
 * rule reads. Each segment line is split on "|" (fields), "~" (repetitions) and "^" (components),
 * and the fields that hold PHI by the HL7 v2 standard are labelled by position.
 */

type Kind = 'ts' | 'cx' | 'xpn' | 'xad' | 'xtn' | 'xcn' | 'id' | 'hd';

/** Field number → data type, per segment (HL7 v2.3–2.8 field positions; MSH counts its separator as field 1). */
const FIELDS: Record<string, Record<number, Kind>> = {
  MSH: { 4: 'hd', 7: 'ts', 10: 'id' },
  EVN: { 2: 'ts', 3: 'ts', 6: 'ts' },
  PID: { 2: 'cx', 3: 'cx', 4: 'cx', 5: 'xpn', 6: 'xpn', 7: 'ts', 9: 'xpn', 11: 'xad', 13: 'xtn', 14: 'xtn', 18: 'cx', 19: 'id', 20: 'id', 29: 'ts' },
  NK1: { 2: 'xpn', 4: 'xad', 5: 'xtn', 6: 'xtn', 30: 'xpn', 31: 'xtn', 32: 'xad' },
  PV1: { 7: 'xcn', 8: 'xcn', 9: 'xcn', 17: 'xcn', 19: 'cx', 44: 'ts', 45: 'ts' },
  MRG: { 1: 'cx', 2: 'cx', 3: 'cx', 5: 'cx', 7: 'xpn' },
  ORC: { 2: 'cx', 3: 'cx', 9: 'ts', 10: 'xcn', 11: 'xcn', 12: 'xcn' },
  OBR: { 2: 'cx', 3: 'cx', 6: 'ts', 7: 'ts', 8: 'ts', 14: 'ts', 16: 'xcn', 22: 'ts' },
  OBX: { 14: 'ts', 16: 'xcn', 19: 'ts' },
  GT1: { 3: 'xpn', 5: 'xad', 6: 'xtn', 7: 'xtn', 8: 'ts', 12: 'id' },
  IN1: { 16: 'xpn', 18: 'ts', 19: 'xad', 36: 'id', 49: 'cx' },
};

// The segments FIELDS knows, and only those: hl7Spans reads FIELDS[segment] for every line this matches.
const SEGMENT_LINE = new RegExp(`^(${Object.keys(FIELDS).join('|')})\\|`);
/** HL7 timestamp: YYYYMMDD, optionally hours, minutes, seconds, fraction and offset. */
const TIMESTAMP = /^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\d{2}){0,3}(?:\.\d{1,4})?(?:[+-]\d{4})?$/;

interface Piece {
  start: number;
  value: string;
}

/** Splits `value` (at offset `start`) on one separator, keeping offsets. */
function split(value: string, start: number, separator: string): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const part of value.split(separator)) {
    out.push({ start: start + at, value: part });
    at += part.length + 1;
  }
  return out;
}

/**
 * Coded fields (test names, diagnoses, units, message types, locations) and the segment names of an
 * HL7 v2 message: the codes and names of tests and diseases there ("TROPO^Troponine Ic HS",
 * "I63.512^Cerebral infarction") are never PHI, whatever the model or a title rule read in them
 * ("DR⏎DG1" is no "Dr Dg"). Spans inside these ranges are dropped by the pipeline. Free-text fields
 * (OBX-5 values, NTE comments) are not coded: they keep every span (fail closed).
 */
const CODED: Record<string, number[]> = {
  MSH: [9], PV1: [2], OBR: [4], OBX: [2, 3, 6, 7, 8, 11], DG1: [3, 6], ORC: [1, 5], EVN: [1], AL1: [2, 3], PR1: [3],
};
/**
 * Segment names of HL7 v2 (the ones read above and the other standard ones a message carries): only
 * a line opening with one of them is a segment. Any three capitals and a pipe would also take a
 * pipe-table row ("NGO|Thi Lan|12") for a segment and drop the surname that opens it.
 */
const SEGMENT_NAMES = new Set([
  ...Object.keys(FIELDS), ...Object.keys(CODED),
  'PD1', 'PV2', 'NTE', 'IN2', 'SPM', 'TQ1', 'TQ2', 'ROL', 'RXA', 'RXR', 'RXE', 'RXO', 'SFT', 'MSA', 'ERR', 'FT1', 'ACC', 'UB1', 'DRG', 'TXA', 'CTI', 'QRD',
]);

export function hl7CodedRanges(doc: Doc): Array<[number, number]> {
  const text = doc.text;
  if (!text.includes('PID|') && !text.includes('MSH|')) return [];
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(/[^\r\n]+/g)) {
    const segment = m[0].slice(0, 3);
    if (m[0][3] !== '|' || !SEGMENT_NAMES.has(segment)) continue;
    out.push([m.index, m.index + 3]);
    const fields = split(m[0], m.index, '|');
    const offset = segment === 'MSH' ? 1 : 0;
    for (const n of CODED[segment] ?? []) {
      const field = fields[n - offset];
      if (field && field.value) out.push([field.start, field.start + field.value.length]);
    }
  }
  return out;
}

/**
 * Whether [start, end) touches one of `ranges` (sorted, disjoint, as hl7CodedRanges returns them):
 * a binary search, so a message of thousands of segments costs log n per span.
 */
export function touchesRange(ranges: ReadonlyArray<readonly [number, number]>, start: number, end: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]![0] < end) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return last >= 0 && ranges[last]![1] > start;
}

/**
 * The parts of [start, end) outside `ranges` (sorted, disjoint), each trimmed to its first and last
 * letter or digit; parts with fewer than two are left out. A span that runs from a free-text field
 * into a coded one ("Dupont|I63.512") keeps the part that may be PHI instead of being dropped whole.
 */
export function partsOutsideRanges(ranges: ReadonlyArray<readonly [number, number]>, text: string, start: number, end: number): Array<[number, number]> {
  // First range that ends after start (binary search: a long message has thousands of ranges).
  let lo = 0;
  let hi = ranges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid]![1] <= start) lo = mid + 1;
    else hi = mid;
  }
  const out: Array<[number, number]> = [];
  const keep = (from: number, to: number) => {
    const part = text.slice(from, to);
    const lead = /^[^\p{L}\p{N}]*/u.exec(part)![0].length;
    const trail = /[^\p{L}\p{N}]*$/u.exec(part)![0].length;
    if (lead + trail < part.length && part.replace(/[^\p{L}\p{N}]/gu, '').length >= 2) out.push([from + lead, to - trail]);
  };
  let at = start;
  for (let i = lo; i < ranges.length && ranges[i]![0] < end; i++) {
    if (ranges[i]![0] > at) keep(at, ranges[i]![0]);
    at = Math.max(at, ranges[i]![1]);
  }
  if (at < end) keep(at, end);
  return out;
}

export function hl7Spans(doc: Doc): Span[] {
  const text = doc.text;
  // Cheap test first: nearly no note holds a segment header.
  if (!text.includes('PID|') && !text.includes('MSH|')) return [];
  const out: Span[] = [];
  const push = (piece: Piece, label: Label) => {
    const trimmed = piece.value.trim();
    if (!trimmed || !/[\p{L}\p{N}]/u.test(trimmed)) return;
    const start = piece.start + piece.value.indexOf(trimmed);
    out.push({ start, end: start + trimmed.length, label, score: 0.95, priority: PRIORITY.pattern + 5, source: 'hl7' });
  };
  const facilities = new Set<string>();
  const lines: Piece[] = [];
  for (const m of text.matchAll(/[^\r\n]+/g)) if (SEGMENT_LINE.test(m[0])) lines.push({ start: m.index, value: m[0] });
  for (const line of lines) {
    const segment = line.value.slice(0, 3);
    const fields = split(line.value, line.start, '|');
    const offset = segment === 'MSH' ? 1 : 0; // MSH-1 is the separator itself
    for (const [number, kind] of Object.entries(FIELDS[segment]!)) {
      const field = fields[Number(number) - offset];
      if (!field || !field.value) continue;
      for (const repetition of split(field.value, field.start, '~')) {
        const c = split(repetition.value, repetition.start, '^');
        switch (kind) {
          case 'ts':
            if (TIMESTAMP.test(c[0]!.value)) push(c[0]!, 'DATE');
            break;
          case 'id':
            push(c[0]!, 'ID');
            break;
          case 'hd':
            if (/\p{L}/u.test(c[0]!.value)) {
              facilities.add(c[0]!.value);
              push(c[0]!, 'HOSPITAL');
            }
            break;
          case 'cx':
            push(c[0]!, 'ID');
            // The assigning authority is the sending facility again (CHU_REIMS), not a code (MRN, NH).
            if (c[3] && facilities.has(c[3].value)) push(c[3], 'HOSPITAL');
            break;
          case 'xpn':
            for (const p of c.slice(0, 3)) if (/\p{L}/u.test(p.value)) push(p, 'PERSON');
            break;
          case 'xcn':
            if (/\d/.test(c[0]!.value)) push(c[0]!, 'ID');
            for (const p of c.slice(1, 4)) if (/\p{L}/u.test(p.value)) push(p, 'PERSON');
            break;
          case 'xad':
            if (c[0]) push(c[0], 'ADDRESS');
            if (c[1] && /\d/.test(c[1].value)) push(c[1], 'ADDRESS');
            if (c[2] && /\p{L}/u.test(c[2].value)) push(c[2], 'CITY');
            if (c[4] && /\d/.test(c[4].value)) push(c[4], 'ZIP');
            break;
          case 'xtn':
            if ((c[0]!.value.match(/\d/g)?.length ?? 0) >= 6) push(c[0]!, 'PHONE');
            break;
        }
      }
    }
  }
  return out;
}

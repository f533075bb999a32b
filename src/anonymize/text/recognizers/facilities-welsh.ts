import { isDictionaryWord } from '../bloom.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * Welsh care places, whose kind comes first: "Ysbyty Gwynedd" (hospital), "Meddygfa Dyfi" (surgery), "Canolfan Iechyd
 * Aberhonddu" (health centre), "ysbyty glan clwyd", "meddygfa'r bont" (the article glued on). The head, then one to
 * three words to the end of the name: a comma, a bracket, a dash, the line's end or an English word ("Ysbyty Cefni
 * minor injuries" stops before "minor"). 31 of 31 such names in the read sets are facilities.
 */
const WELSH = /(?<![\p{L}])(?:ysbyty|meddygfa|canolfan[ \t]+iechyd|canolfan[ \t]+feddygol|fferyllfa|cartref[ \t]+gofal)(?:'r|[ \t]+)([\p{L}][\p{L}'’-]+(?:[ \t]+[\p{L}][\p{L}'’-]+){0,2})/dgiu;
const HINT = /ysbyty|meddygfa|canolfan|fferyllfa|cartref gofal/iu;

export function welshFacilitySpans(doc: Doc): Span[] {
  if (!HINT.test(doc.text)) return [];
  const out: Span[] = [];
  for (const m of doc.text.matchAll(WELSH)) {
    const words = [...m[1]!.matchAll(/[^ \t]+/g)];
    // The name ends before the first English word ("breast", "minor", "ward").
    let kept = 0;
    while (kept < words.length && !isDictionaryWord(words[kept]![0].toLowerCase().replace(/['’]/g, ''))) kept++;
    if (kept === 0) continue;
    const last = words[kept - 1]!;
    out.push({ start: m.index, end: m.indices![1]![0] + last.index + last[0].length, label: 'HOSPITAL', score: 0.85, priority: PRIORITY.context, source: 'hospital-welsh' });
  }
  return out;
}

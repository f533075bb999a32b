import { PRIORITY, type Span } from '../types.js';
import { digitCount } from './phones.js';

/**
 * A second identifier written right after a first, in its shape: "NHS number 787 789 3280 (Ms K) /
 * 721 742 1802 (Mr K)", "n° de série 3HKT9921 (D) / 3HKT9922 (G)". The first has its keyword; the
 * second, after a slash, a comma, "and", "et", "or" or "ou" (a bracketed note between), has none and
 * was left as text or read as a phone. Same shape: the same run of digits, capitals and separators.
 */
const JOINED_VALUE = /^(?:[ \t]*\([^()\n]{1,30}\))?[ \t]*(?:\/|,|&|\band\b|\bet\b|\bor\b|\bou\b)[ \t]*([\p{Lu}\p{N}][\p{Lu}\p{N} .\/-]{2,30}?)(?=[ \t]*(?:[()\n,.;:]|$)|[ \t]+\p{Ll})/u;
const MIN_DIGITS = 4;

/** "787 789 3280" → "999 999 9999", "3HKT9921" → "9AAA9999": the shape two identifiers of one register share. */
function valueShape(value: string): string {
  return value.replace(/\p{N}/gu, '9').replace(/\p{Lu}/gu, 'A');
}

export function sameShapeIdsAfter(ids: readonly Span[], text: string): Span[] {
  const out: Span[] = [];
  for (const s of ids) {
    if (s.label !== 'ID' || s.priority < PRIORITY.context) continue;
    const m = JOINED_VALUE.exec(text.slice(s.end, s.end + 60));
    if (!m) continue;
    const value = m[1]!.trimEnd();
    if (valueShape(value) !== valueShape(text.slice(s.start, s.end)) || digitCount(value) < MIN_DIGITS) continue;
    const start = s.end + m.index + m[0].length - m[1]!.length;
    out.push({ ...s, start, end: start + value.length, source: 'id-same-shape' });
  }
  return out;
}

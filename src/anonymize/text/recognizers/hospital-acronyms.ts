import { isDictionaryWord } from '../bloom.js';
import { isFirstNameOfAnyList, isLastName } from '../gazetteers.js';
import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * A French-speaking hospital named by its acronym alone ("transféré au CHUV", "suivi au CHOV", "scanner au CHM",
 * "CHPF Taaone", "CHUS Fleurimont"): "CH", "CHU", "CHR", "CHRU" or "CHT" and the one to three capitals of its town
 * or name. "CHU" alone is no name (every town has one); nor are the acronyms that read otherwise ("CHI" a Scottish
 * number or a "centre hospitalier intercommunal" of any town, "CHF" a heart failure, "CHC" a care home in Ireland),
 * a capitalised ordinary word ("CHEZ", "CHUTE") or a name ("CHAN", "CHEN Julie").
 */
const ACRONYM = /(?<![\p{L}\p{N}@./_-])(CH(?:RU|[URT])?[A-Z]{1,3})(?![\p{L}\p{N}@_-]|\.[\p{L}])/gu;
const NOT_A_HOSPITAL = new Set(['CHU', 'CHR', 'CHRU', 'CHI', 'CHF', 'CHN', 'CHG', 'CHW', 'CHC', 'CHT', 'CHD', 'CHIR', 'CHB', 'CHS', 'CHE', 'CHO', 'CHP', 'CHK']);

export function hospitalAcronymSpans(doc: Doc): Span[] {
  if (!doc.text.includes('CH')) return [];
  const out: Span[] = [];
  for (const m of doc.text.matchAll(ACRONYM)) {
    const word = m[1]!;
    if (NOT_A_HOSPITAL.has(word)) continue;
    const key = word.toLowerCase();
    if (isDictionaryWord(key) || isFirstNameOfAnyList(key) || isLastName(key)) continue;
    // A surname in capitals before a first name ("CHEN Julie") is a person's.
    const next = /^[ \t]+(\p{Lu}\p{Ll}+)/u.exec(doc.text.slice(m.index + word.length, m.index + word.length + 30))?.[1];
    if (next !== undefined && isFirstNameOfAnyList(next.toLowerCase())) continue;
    out.push({ start: m.index, end: m.index + word.length, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context, source: 'hospital-acronym' });
  }
  return out;
}

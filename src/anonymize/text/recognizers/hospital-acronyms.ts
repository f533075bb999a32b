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

/**
 * A French emergency service named by its département ("SAMU 41", "samu 70", "SMUR 33", "SDIS 974", "SAMU 2A"): the
 * number says where the patient was, as a town would. The sets written since holdout36 mark it HOSPITAL every time
 * (earlier ones were split). Not "SAMU 15", the number one dials, nor a file number after it ("SAMU 26-40-014477").
 * The Sécurité civile's helicopters are named so too ("Dragon 41", "dragon 05"): 9 of 14 in the read sets are marked.
 */
const EMERGENCY_SERVICE = /\b(?:samu|smur|sdis|dragon)[ \t]+(0[1-9]|[1-8]\d|9[0-5]|2[ab]|97[1-6])(?![\p{L}\p{N}]|[-\/.]\d)/dgu;

/**
 * An English regional hospital by its acronym, after a word that says a place comes ("a stent in at CBRH", "the DXA can
 * be booked at KBRH", "tonsil operation at NRH in Honiara", "refer MTRH"): capitals ending in "RH". Alone, with no
 * file number glued on ("KCRH/OP/26/44871", "IRH-0091183" are records), and never after an adjective ("small SRH" is a
 * subretinal haemorrhage).
 */
const REGIONAL_HOSPITAL = /(?<![\p{L}])(?:at|to|from|in|refer|via)[ \t]+(?:the[ \t]+)?([A-Z]{1,3}RH)(?![\p{L}\p{N}]|[-\/][\p{L}\p{N}])/dgu;

export function hospitalAcronymSpans(doc: Doc): Span[] {
  const out: Span[] = [];
  for (const m of /samu|smur|sdis|dragon/.test(doc.folded) ? doc.folded.matchAll(EMERGENCY_SERVICE) : []) {
    if (m[1] === '15') continue;
    out.push({ start: m.index, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context, source: 'hospital-emergency-service' });
  }
  for (const m of doc.text.includes('RH') ? doc.text.matchAll(REGIONAL_HOSPITAL) : []) {
    const [start, end] = m.indices![1]!;
    out.push({ start, end, label: 'HOSPITAL', score: 0.8, priority: PRIORITY.context, source: 'hospital-regional-acronym' });
  }
  if (!doc.text.includes('CH')) return out;
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

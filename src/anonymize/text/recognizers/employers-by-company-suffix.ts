import { isDictionaryWord } from '../bloom.js';
import { isFirstName } from '../gazetteers.js';
import { fold } from '../normalize.js';
import { PRIORITY, type Doc, type Span } from '../types.js';
import { isListedTown } from './location.js';

/**
 * Firms named with their legal form: "Caillau SAS", "Dakota Gasification Company", "Lincs Freight Ltd",
 * "Fairweather Apiaries Pty Ltd", "Acadiana Motor Coaches LLC", "Sunraysia Harvest Co.". In a clinical
 * note a firm is the patient's or a relative's employer, which the label guide makes a HOSPITAL (it
 * narrows who the person is as much as a care facility does). One to four title-case words before the
 * form; a sentence's article or preposition is not part of the name. "SA" after a town a list knows is
 * South Australia ("Morphett Vale SA 5162"), not a société anonyme.
 * A trade's word closes a firm's name too ("Kerry Group", "Tyson Foods", "Cavendish Farms", "Lakeland Dairies", "Bow
 * River Logistics"; "Group" names medical practices as well, a facility either way): 89 of 91 such names in the read
 * sets are marked. A name of ordinary words only ("Blood Group", "Support Group", "Whole Foods") is left out.
 */
const TRADE = String.raw`(?:Group|Foods|Farms|Fisheries|Dairies|Logistics|Construction|Mining|Haulage|Industries|Holdings|Cooperative|Co-op|Growers|Motors|Engineering)`;
const TRADE_FIRM = new RegExp(String.raw`(\p{Lu}(?<![\p{L}\p{N}]\p{Lu})[\p{Ll}'’&-]+(?:[ \t]\p{Lu}[\p{Ll}'’&-]+){0,2})[ \t]${TRADE}(?![\p{L}\p{N}])`, 'dgu');
const TRADE_HINT = new RegExp(`[ \\t]${TRADE}(?![\\p{L}])`, 'u');
const FORM = String.raw`(?:SAS|SASU|SARL|EURL|SA|S\.A\.|Ltd\.?|Limited|Inc\.?|Incorporated|Company|Co\.|GmbH|LLC|L\.L\.C\.|plc|PLC|Corp\.?|Corporation|Pty[ \t]+Ltd\.?|Pvt\.?[ \t]+Ltd\.?)`;
const WORD = String.raw`\p{Lu}[\p{Ll}\p{Lu}'’&-]*`;
const FIRM = new RegExp(String.raw`(?<![\p{L}\p{N}])(${WORD}(?:[ \t]+${WORD}){0,3})[ \t]+(${FORM})(?![\p{L}\p{N}]|\.[\p{L}])`, 'dgu');
const HINT = /(?:SAS|SARL|EURL|SA|Ltd|Limited|Inc|Company|Co\.|GmbH|LLC|plc|PLC|Corp)/;
const LEADING = new Set(['The', 'A', 'An', 'At', 'For', 'From', 'With', 'By', 'To', 'In', 'Of', 'Our', 'His', 'Her', 'Their', 'Chez', 'Le', 'La', 'Les', 'De', 'Du', 'Des', 'Pour', 'Par', 'Employer', 'Employeur', 'Works', 'Worked', 'Job']);

/** The words of a match's name (its first group, at the match's start) after a sentence's leading words, and where they start. */
function nameAfterLeadingWords(m: RegExpMatchArray): { start: number; words: string[] } | undefined {
  const words = [...m[1]!.matchAll(/\S+/g)];
  let skip = 0;
  while (skip < words.length && LEADING.has(words[skip]![0])) skip++;
  if (skip === words.length) return undefined;
  return { start: m.index! + words[skip]!.index, words: words.slice(skip).map((w) => w[0]) };
}

export function employerByCompanySuffixSpans(doc: Doc): Span[] {
  const t = doc.text;
  const out: Span[] = [];
  for (const m of HINT.test(t) ? t.matchAll(FIRM) : []) {
    const named = nameAfterLeadingWords(m);
    if (named === undefined) continue;
    const name = named.words.join(' ');
    // A name in capitals is a heading's words more often than a firm's ("LA VOIX DE SA").
    if (name === name.toUpperCase() && !/^[A-Z]{2,5}$/.test(name)) continue;
    const form = m[2]!;
    if ((form === 'SA' || form === 'S.A.') && (isListedTown(name, 0) || /^[ \t]*\d{4}(?!\d)/.test(t.slice(m.index + m[0].length)))) continue;
    out.push({ start: named.start, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.85, priority: PRIORITY.context + 10, source: 'employer-company-form' });
  }
  for (const m of TRADE_HINT.test(t) ? t.matchAll(TRADE_FIRM) : []) {
    const named = nameAfterLeadingWords(m);
    if (named === undefined || named.words.every((w) => isDictionaryWord(fold(w)) && !isFirstName(w) && !isListedTown(w, 5000))) continue;
    out.push({ start: named.start, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.85, priority: PRIORITY.context + 5, source: 'employer-trade-word' });
  }
  return out;
}

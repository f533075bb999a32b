import { PRIORITY, type Doc, type Span } from '../types.js';
import { isListedTown } from './location.js';

/**
 * Firms named with their legal form: "Caillau SAS", "Dakota Gasification Company", "Lincs Freight Ltd",
 * "Fairweather Apiaries Pty Ltd", "Acadiana Motor Coaches LLC", "Sunraysia Harvest Co.". In a clinical
 * note a firm is the patient's or a relative's employer, which the label guide makes a HOSPITAL (it
 * narrows who the person is as much as a care facility does). One to four title-case words before the
 * form; a sentence's article or preposition is not part of the name. "SA" after a town a list knows is
 * South Australia ("Morphett Vale SA 5162"), not a société anonyme; "Group" names medical practices and
 * agencies as often as firms, and is left to the facility rules.
 */
const FORM = String.raw`(?:SAS|SASU|SARL|EURL|SA|S\.A\.|Ltd\.?|Limited|Inc\.?|Incorporated|Company|Co\.|GmbH|LLC|L\.L\.C\.|plc|PLC|Corp\.?|Corporation|Pty[ \t]+Ltd\.?|Pvt\.?[ \t]+Ltd\.?)`;
const WORD = String.raw`\p{Lu}[\p{Ll}\p{Lu}'’&-]*`;
const FIRM = new RegExp(String.raw`(?<![\p{L}\p{N}])(${WORD}(?:[ \t]+${WORD}){0,3})[ \t]+(${FORM})(?![\p{L}\p{N}]|\.[\p{L}])`, 'dgu');
const HINT = /(?:SAS|SARL|EURL|SA|Ltd|Limited|Inc|Company|Co\.|GmbH|LLC|plc|PLC|Corp)/;
const LEADING = new Set(['The', 'A', 'An', 'At', 'For', 'From', 'With', 'By', 'To', 'In', 'Of', 'Our', 'His', 'Her', 'Their', 'Chez', 'Le', 'La', 'Les', 'De', 'Du', 'Des', 'Pour', 'Par', 'Employer', 'Employeur', 'Works', 'Worked', 'Job']);

export function employerByCompanySuffixSpans(doc: Doc): Span[] {
  const t = doc.text;
  if (!HINT.test(t)) return [];
  const out: Span[] = [];
  for (const m of t.matchAll(FIRM)) {
    const words = [...m[1]!.matchAll(/\S+/g)];
    let skip = 0;
    while (skip < words.length && LEADING.has(words[skip]![0])) skip++;
    if (skip === words.length) continue;
    const name = words.slice(skip).map((w) => w[0]).join(' ');
    // A name in capitals is a heading's words more often than a firm's ("LA VOIX DE SA").
    if (name === name.toUpperCase() && !/^[A-Z]{2,5}$/.test(name)) continue;
    const form = m[2]!;
    if ((form === 'SA' || form === 'S.A.') && (isListedTown(name, 0) || /^[ \t]*\d{4}(?!\d)/.test(t.slice(m.index + m[0].length)))) continue;
    const start = m.index + words[skip]!.index;
    out.push({ start, end: m.index + m[0].length, label: 'HOSPITAL', score: 0.85, priority: PRIORITY.context + 10, source: 'employer-company-form' });
  }
  return out;
}

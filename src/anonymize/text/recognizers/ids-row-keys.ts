import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * The keys of a registry's rows ("XPK-041", "TRI-73-01"): a short code of capitals and digit groups that opens row
 * after row of a printed table (a DataFrame printout, a MediaWiki or pipe table, a bracketed list), each row a
 * patient. The key links every row to its patient in the registry, and it has too few digits for the compound-code
 * rule (ids-compound.ts), which asks five so that "ICD-10" or "PV-02" stay text. Three rows opened by codes of one
 * prefix make them keys; each key is then an identifier wherever the text names it again ("Cas TRI-73-03 suivi …",
 * `df.reg_id == "XPK-045"`).
 */
// A line's first cell: after blanks and a table's opening markup ("|", "||", "[", a bullet), a code of two to six
// capitals and one or two digit groups, then the next cell's separator (a bar, a tab, two blanks, a comma) or a name.
const ROW_KEY = /^[ \t]*(?:\|{1,2}[ \t]*|\[[ \t]*|[-*•][ \t]+)?([A-Z]{2,6}-\d{2,4}(?:-\d{2,4})?)(?=[ \t]*(?:\||\]|,|;|\t)|[ \t]{2,}|[ \t]+\p{Lu})/gmu;
const MIN_ROWS = 3;
// Cheap test first: a capital, a hyphen and two digits at a line's start, after blanks or markup.
const HINT = /^[ \t|[*•-]*[A-Z]{2,6}-\d\d/mu;

export function rowKeyIdSpans(doc: Doc): Span[] {
  const text = doc.text;
  if (!HINT.test(text)) return [];
  const byPrefix = new Map<string, Set<string>>();
  for (const m of text.matchAll(ROW_KEY)) {
    const key = m[1]!;
    const prefix = key.replace(/\d+$/u, '');
    if (!byPrefix.has(prefix)) byPrefix.set(prefix, new Set());
    byPrefix.get(prefix)!.add(key);
  }
  const keys = [...byPrefix.values()].filter((set) => set.size >= MIN_ROWS).flatMap((set) => [...set]);
  if (!keys.length) return [];
  const out: Span[] = [];
  const anywhere = new RegExp(String.raw`(?<![\p{L}\p{N}-])(?:${keys.join('|')})(?![\p{L}\p{N}]|-\d)`, 'gu');
  for (const m of text.matchAll(anywhere)) {
    out.push({ start: m.index, end: m.index + m[0].length, label: 'ID', score: 0.85, priority: PRIORITY.pattern - 5, source: 'id-row-key' });
  }
  return out;
}

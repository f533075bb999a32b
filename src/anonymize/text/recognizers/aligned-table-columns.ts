import { type Doc, type Span } from '../types.js';
import { columnKinds, headerKey, linesOf, rowSpans, type Cell } from './id-columns.js';

/**
 * A printed list lines its columns up with blanks: a ward list, an infusion-chair list or an INR round printed from
 * a clinical system ("NHI      SURNAME   FIRST   DOB   TOWN", then "KSH4828  BRUNNER   Heinz   14/07/1941  Reefton").
 * Two blanks or more part its cells; its header row names the columns, and each row under it is read as a table's
 * cells under that header (id-columns.ts): a "TOWN" cell is a town, a "SURNAME" cell a name. A row that splits into
 * as many cells as the header is read cell by cell; one that does not (a cell written with a single blank inside,
 * "2.5-3.5 2.9") is read only where a cell starts under its header's first letter. A blank line ends the table.
 */
const CELL_GAP = /[ ]{2,}/g;
/** A header label is short: a word or a few ("MEDICARE", "Date of birth"), never a phrase. */
const LABEL = /^[^\s].{0,24}$/;
/** How far a cell may start from its header's first letter and still be read under it. */
const SLACK = 1;
/** Rows read after one header: a printed list in a note is short. */
const MAX_ROWS = 200;

interface Token {
  readonly value: string;
  readonly start: number;
}

/** The cells of one line parted by two blanks or more, each with where it starts in the line. */
function tokens(line: string): Token[] {
  const out: Token[] = [];
  let from = line.length - line.trimStart().length;
  const body = line.trimEnd();
  for (const gap of body.matchAll(CELL_GAP)) {
    if (gap.index > from) out.push({ value: body.slice(from, gap.index), start: from });
    from = gap.index + gap[0].length;
  }
  if (from < body.length) out.push({ value: body.slice(from), start: from });
  return out;
}

export function alignedTableSpans(doc: Doc): Span[] {
  const t = doc.folded;
  if (!t.includes('   ')) return [];
  const lines = linesOf(t);
  const out: Span[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.text;
    // Tabs and pipes part cells as id-columns.ts reads them; here only blanks do.
    if (!line.includes('  ') || /[\t|;]/.test(line)) continue;
    const header = tokens(line);
    if (header.length < 3 || !header.every((h) => LABEL.test(h.value))) continue;
    const kinds = columnKinds(header.map((h) => headerKey(h.value)), false);
    if (!kinds) continue;
    const wanted = [...new Set(Object.values(kinds).flat())];
    let j = i + 1;
    for (; j < lines.length && j <= i + MAX_ROWS; j++) {
      const row = lines[j]!;
      if (/^[\s=_-]*$/.test(row.text)) {
        if (/[=_-]/.test(row.text)) continue; // a rule under the header
        break;
      }
      const cells = tokens(row.text);
      if (cells.length < 3) break;
      const byIndex = cells.length === header.length;
      const at: Cell[] = [];
      for (const k of wanted) {
        const cell = byIndex ? cells[k] : cells.find((c) => Math.abs(c.start - header[k]!.start) <= SLACK);
        at[k] = cell ? { value: cell.value, start: row.start + cell.start } : { value: '', start: row.start };
      }
      out.push(...rowSpans(kinds, (k) => at[k] ?? { value: '', start: row.start }));
    }
    i = j - 1;
  }
  return out;
}

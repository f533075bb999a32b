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

/**
 * The first cell of a short row that runs over the next column's header, two cells written with one blank between
 * ("PATRICK JOSEPH 02/02/1930", a long forename against its date): -1 when none does.
 */
function mergedCell(cells: readonly Token[], header: readonly Token[]): number {
  return cells.findIndex((c, i) => i + 1 < header.length && c.start + c.value.length > header[i + 1]!.start + SLACK);
}

/**
 * A short row's cell for column k, the first cell that runs over its neighbour's header taken to have swallowed all
 * the missing columns: the cells before it keep their index, the cells after it count from the row's end. A
 * hand-aligned list drifts by a letter or two from its header ("LOUGHRAN  WILLIAM JOHN 30/04/1947  79  BT34 4SN
 * BALLYMARTIN"), so positions alone miss the columns after it. Undefined for the swallowed columns and when no cell
 * runs over (the caller then reads cells by position).
 */
function byIndexAroundMerge(cells: readonly Token[], header: readonly Token[], merged: number, k: number): Token | undefined {
  if (merged < 0 || cells.length >= header.length) return undefined;
  const lost = header.length - cells.length;
  if (k < merged) return cells[k];
  if (k > merged + lost) return cells[k - lost];
  return undefined;
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
      const merged = byIndex ? -1 : mergedCell(cells, header);
      const at: Cell[] = [];
      for (const k of wanted) {
        const cell = byIndex ? cells[k] : (byIndexAroundMerge(cells, header, merged, k) ?? cells.find((c) => Math.abs(c.start - header[k]!.start) <= SLACK));
        at[k] = cell ? { value: cell.value, start: row.start + cell.start } : { value: '', start: row.start };
      }
      out.push(...rowSpans(kinds, (k) => at[k] ?? { value: '', start: row.start }));
    }
    i = j - 1;
  }
  return out;
}

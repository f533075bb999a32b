import { type Doc, type Span } from '../types.js';
import { columnKinds, headerKey, rowSpans, type Cell, type ColumnKinds } from './id-columns.js';

/**
 * A table exported as HTML ("<tr><th>Name</th><th>DOB</th><th>Town</th>…</tr>", then "<tr><td>BLACKMORE,
 * Ian</td><td>02/09/1955</td><td>Koroit</td>…</tr>") is a table like a CSV: its header row's cells name the columns,
 * and each later row's cells are read under them (id-columns.ts). A cell with markup inside it (a link, bold text)
 * is no plain cell: its row then counts fewer cells than the header and is left to the other recognizers.
 */
const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr\s*>/dg;
const CELL = /<(t[hd])\b[^>]*>([^<]*)<\/t[hd]\s*>/dg;
/** Rows read after one header: an exported table in a note is short. */
const MAX_ROWS = 500;

function rowCells(m: RegExpExecArray): { cells: Cell[]; header: boolean } {
  const [from] = m.indices![1]!;
  const cells: Cell[] = [];
  let header = false;
  for (const c of m[1]!.matchAll(CELL)) {
    const [start] = c.indices![2]!;
    const raw = c[2]!;
    const value = raw.trim();
    cells.push({ value, start: from + start + raw.indexOf(value) });
    header ||= c[1] === 'th';
  }
  return { cells, header };
}

export function htmlTableSpans(doc: Doc): Span[] {
  // The folded view, as the other table readers give rowSpans (same offsets as the text).
  const t = doc.folded;
  if (!t.includes('<td')) return [];
  const out: Span[] = [];
  let kinds: ColumnKinds | undefined;
  let columns = 0;
  let rows = 0;
  for (const m of t.matchAll(ROW)) {
    const { cells, header } = rowCells(m);
    if (header) {
      kinds = cells.length >= 3 ? columnKinds(cells.map((c) => headerKey(c.value)), false) : undefined;
      columns = cells.length;
      rows = 0;
      continue;
    }
    if (!kinds || cells.length !== columns || ++rows > MAX_ROWS) continue;
    out.push(...rowSpans(kinds, (k) => cells[k]!));
  }
  return out;
}

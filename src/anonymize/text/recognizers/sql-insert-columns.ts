import { type Doc, type Span } from '../types.js';
import { columnKinds, headerKey, rowSpans, type Cell } from './id-columns.js';

/**
 * A database dump is a table written as SQL: "INSERT INTO patients (mrn, last_name, first_name, dob, phone, street,
 * city, zip) VALUES ('BJ00418827', 'Kingbird', 'Aiyana', …), (…);". Its column list is the header, each
 * parenthesised tuple a row, and each value is read as a table's cell under that header (id-columns.ts): a
 * "last_name" value is a name, a "zip" value a postcode, a "city" value a town. A NULL or a bare number is a value
 * like any other; a row whose count of values differs from the columns' ends the statement's reading.
 */
const INSERT = /\binsert[ \t]+into[ \t]+[\w."`[\]]+[ \t]*\(([^()\n]{1,400})\)\s*values\s*/dg;
/** Rows read in one statement: a dump in a note is short. */
const MAX_ROWS = 500;

/** One tuple's values from `at` (its opening bracket), with where each starts; undefined when it is no tuple. */
function tuple(t: string, at: number): { cells: Cell[]; end: number } | undefined {
  if (t[at] !== '(') return undefined;
  const cells: Cell[] = [];
  let i = at + 1;
  for (;;) {
    while (t[i] === ' ' || t[i] === '\t') i++;
    if (t[i] === "'") {
      // A quoted value, a doubled quote inside it standing for one.
      let j = i + 1;
      while (j < t.length && !(t[j] === "'" && t[j + 1] !== "'")) j += t[j] === "'" ? 2 : 1;
      if (j >= t.length) return undefined;
      cells.push({ value: t.slice(i + 1, j), start: i + 1 });
      i = j + 1;
    } else {
      const j = t.slice(i).search(/[,)\n]/);
      if (j < 0) return undefined;
      cells.push({ value: t.slice(i, i + j).trimEnd(), start: i });
      i += j;
    }
    while (t[i] === ' ' || t[i] === '\t') i++;
    if (t[i] === ')') return { cells, end: i + 1 };
    if (t[i] !== ',') return undefined;
    i++;
  }
}

export function sqlInsertSpans(doc: Doc): Span[] {
  const t = doc.folded;
  if (!t.includes('insert')) return [];
  const out: Span[] = [];
  for (const m of t.matchAll(INSERT)) {
    const keys = m[1]!.split(',').map((key) => headerKey(key.replace(/[`"[\]]/g, '')));
    const kinds = columnKinds(keys, false);
    if (!kinds) continue;
    let at = m.index + m[0].length;
    for (let rows = 0; rows < MAX_ROWS; rows++) {
      const row = tuple(t, at);
      if (!row || row.cells.length !== keys.length) break;
      out.push(...rowSpans(kinds, (k) => row.cells[k]!));
      at = row.end;
      const next = /^\s*,\s*/.exec(t.slice(at, at + 20));
      if (!next) break;
      at += next[0].length;
    }
  }
  return out;
}

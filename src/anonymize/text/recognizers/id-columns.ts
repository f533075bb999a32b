import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * Identifiers in table columns: a header cell that names an identifier ("UR", "MRN", "IPP", "N°",
 * "Patient ID", "NHS No") makes the cells below it identifiers, however short, as long as they look
 * like codes (a digit, no spaces inside) and the rows keep the header's separator. Theatre lists,
 * ward lists and lab worksheets give a number with no word before it, only the column says what it is.
 */
const HEADER_CELL = /^(?:ur|urn|mrn|ipp|nda|nip|ins|nir|id|id patient|patient id|patient no\.?|patient number|n°|no\.?|#|num(?:ero)?|dossier|n° dossier|record|record no\.?|hosp(?:ital)? no\.?|nhs(?: no\.?| number)?|chi|ihi|ppsn|rx ?#|rx no\.?|episode|encounter|visit|accession|acc(?: no\.?)?|specimen(?: no\.?)?|lab no\.?|sejour|n° sejour|venue)$/;
const CODE_CELL = /^[\p{L}\p{N}][\p{L}\p{N}\-/.]{2,24}$/u;
const SEPARATORS = ['|', '\t', ';'] as const;
/** Rows looked at below one header: tables in notes are short; a blank line or a row of another shape ends it. */
const MAX_ROWS = 200;

function cells(line: string, sep: string): string[] {
  let parts = line.split(sep);
  if (sep === '|') parts = parts.slice(line.trimStart().startsWith('|') ? 1 : 0, line.trimEnd().endsWith('|') ? -1 : undefined);
  return parts;
}

export function tableColumnIds(doc: Doc): Span[] {
  const t = doc.folded;
  if (!t.includes('|') && !t.includes('\t') && !t.includes(';')) return [];
  const out: Span[] = [];
  const lines: { start: number; text: string }[] = [];
  for (let at = 0; at <= t.length; ) {
    const nl = t.indexOf('\n', at);
    const end = nl < 0 ? t.length : nl;
    lines.push({ start: at, text: t.slice(at, end) });
    at = end + 1;
  }
  for (let i = 0; i < lines.length; i++) {
    for (const sep of SEPARATORS) {
      if (!lines[i]!.text.includes(sep)) continue;
      const header = cells(lines[i]!.text, sep);
      if (header.length < 2) continue;
      const columns = header.map((c, k) => (HEADER_CELL.test(c.trim().replace(/\s+/g, ' ')) ? k : -1)).filter((k) => k >= 0);
      if (columns.length === 0) continue;
      for (let j = i + 1; j < lines.length && j <= i + MAX_ROWS; j++) {
        const row = lines[j]!;
        if (/^[\s|:+-]*$/.test(row.text) && row.text.includes('-')) continue; // a markdown rule "|---|---|"
        const rowCells = cells(row.text, sep);
        if (rowCells.length !== header.length) break;
        for (const k of columns) {
          let offset = row.start + (sep === '|' && row.text.trimStart().startsWith('|') ? row.text.indexOf('|') + 1 : 0);
          for (let c = 0; c < k; c++) offset += rowCells[c]!.length + 1;
          const raw = rowCells[k]!;
          const value = raw.trim();
          if (!CODE_CELL.test(value) || !/\d/.test(value) || /^\d{1,2}$/.test(value)) continue;
          const start = offset + raw.indexOf(value);
          out.push({ start, end: start + value.length, label: 'ID', score: 0.85, priority: PRIORITY.context + 20, source: 'id-column' });
        }
      }
    }
  }
  return out;
}

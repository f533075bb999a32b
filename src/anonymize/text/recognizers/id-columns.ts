import { PRIORITY, type Doc, type Span } from '../types.js';

/**
 * Identifiers and people in table columns: a header cell that names an identifier ("UR", "MRN", "IPP", "N°",
 * "Patient ID", "NHS No") makes the cells below it identifiers, however short, as long as they look
 * like codes (a digit, no spaces inside) and the rows keep the header's separator; a "Patient",
 * "Nom" or "Name" header makes the word cells below it names ("Smith J", "BRUN, Alice"). Theatre lists,
 * ward lists and lab worksheets give a number with no word before it, only the column says what it is.
 */
const HEADER_CELL = /^(?:ur|urn|mrn|ipp|nda|nip|ins|nir|id|id patient|patient id|patient no\.?|patient number|n°|no\.?|#|num(?:ero)?|dossier|n° dossier|record|record no\.?|hosp(?:ital)? no\.?|nhs(?: no\.?| number)?|chi|ihi|ppsn|rx ?#|rx no\.?|episode|encounter|visit|accession|acc(?: no\.?)?|specimen(?: no\.?)?|lab no\.?|sejour|n° sejour|venue)$/;
// A column of people: "Patient", "Nom", "Name" (the header of a ward or theatre list).
const NAME_HEADER_CELL = /^(?:patient|patiente|patient name|name|full name|nom|noms?|nom prenom|nom et prenom|nom - prenom|prenom nom|nom patient|nom du patient|surname|last name|first name|given names?|prenoms?|surname, first name)$/;
const NAME_CELL = /^[\p{L}][\p{L}'’.,-]*(?:[ \t]+[\p{L}][\p{L}'’.,-]*){0,4}$/u;
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
      // Three columns at least: a two-cell row is a "field | value" pair, and the rows under it are
      // other fields, not values of its column.
      if (header.length < 3) continue;
      const key = (c: string) => c.trim().replace(/\s+/g, ' ').replace(/[:.]$/, '');
      const columns = header.map((c, k) => (HEADER_CELL.test(key(c)) ? k : -1)).filter((k) => k >= 0);
      const nameColumns = header.map((c, k) => (NAME_HEADER_CELL.test(key(c)) ? k : -1)).filter((k) => k >= 0);
      if (columns.length === 0 && nameColumns.length === 0) continue;
      for (let j = i + 1; j < lines.length && j <= i + MAX_ROWS; j++) {
        const row = lines[j]!;
        if (/^[\s|:+-]*$/.test(row.text) && row.text.includes('-')) continue; // a markdown rule "|---|---|"
        const rowCells = cells(row.text, sep);
        if (rowCells.length !== header.length) break;
        const cellAt = (k: number) => {
          let offset = row.start + (sep === '|' && row.text.trimStart().startsWith('|') ? row.text.indexOf('|') + 1 : 0);
          for (let c = 0; c < k; c++) offset += rowCells[c]!.length + 1;
          const raw = rowCells[k]!;
          const value = raw.trim();
          return { value, start: offset + raw.indexOf(value) };
        };
        for (const k of columns) {
          const { value, start } = cellAt(k);
          if (!CODE_CELL.test(value) || !/\d/.test(value) || /^\d{1,2}$/.test(value)) continue;
          out.push({ start, end: start + value.length, label: 'ID', score: 0.85, priority: PRIORITY.context + 20, source: 'id-column' });
        }
        for (const k of nameColumns) {
          const { value, start } = cellAt(k);
          if (value.length < 2 || !NAME_CELL.test(value)) continue;
          out.push({ start, end: start + value.replace(/[.,]+$/, '').length, label: 'PERSON', score: 0.85, priority: PRIORITY.context, source: 'person-column' });
        }
      }
    }
  }
  return out;
}

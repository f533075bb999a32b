/**
 * CSV in and out for the avatar tool. Handles the two dialects of the reference files (`,` and
 * `;`, quoted headers, `NA` or empty for missing) and RFC 4180 quoting. Column kinds come from an
 * explicit map when given, otherwise from the values: a column is numeric when every present
 * value parses as a finite number and it has more than two distinct values; binary and textual
 * columns are categorical.
 *
 * Errors never quote cell contents: they give a line number and a column position only.
 */
import { readFileSync } from 'node:fs';
import { VoileError } from '../../errors.js';
import type { Cell, ColumnKind, ColumnSpec, Row, Table } from './table.js';

export interface ReadCsvOptions {
  /** Kind per column name; columns not listed are inferred. */
  readonly kinds?: Readonly<Record<string, ColumnKind>>;
  /** Columns to drop (identifiers, for example). */
  readonly drop?: readonly string[];
  /** Extra tokens read as missing, besides the empty string. Default: NA, NaN, null. */
  readonly missingTokens?: readonly string[];
}

const DEFAULT_MISSING = ['NA', 'NaN', 'null', 'N/A'];

export function readCsvFile(path: string, options: ReadCsvOptions = {}): Table {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new VoileError('BAD_REQUEST', 'The input table could not be read', { cause });
  }
  return parseCsv(text, options);
}

export function parseCsv(text: string, options: ReadCsvOptions = {}): Table {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = detectDelimiter(body);
  const records = splitRecords(body, delimiter);
  if (records.length === 0) throw new VoileError('BAD_REQUEST', 'The input table is empty');
  const header = records[0]!.map((h) => h.trim());
  if (header.some((h) => h === '')) throw new VoileError('BAD_REQUEST', 'The input table has an empty column name');
  if (new Set(header).size !== header.length) throw new VoileError('BAD_REQUEST', 'The input table has duplicate column names');
  const missing = new Set(options.missingTokens ?? DEFAULT_MISSING);
  const drop = new Set(options.drop ?? []);
  const keep = header.map((h, i) => (drop.has(h) ? -1 : i)).filter((i) => i >= 0);

  const raw: (string | null)[][] = [];
  for (let r = 1; r < records.length; r++) {
    const record = records[r]!;
    if (record.length === 1 && record[0]!.trim() === '') continue; // blank line
    if (record.length !== header.length) {
      throw new VoileError('BAD_REQUEST', 'A row of the input table has the wrong number of fields', { detail: `line ${r + 1}` });
    }
    raw.push(keep.map((i) => {
      const v = record[i]!.trim();
      return v === '' || missing.has(v) ? null : v;
    }));
  }
  if (raw.length === 0) throw new VoileError('BAD_REQUEST', 'The input table has no rows');

  const columns: ColumnSpec[] = keep.map((i, c) => ({
    name: header[i]!,
    kind: options.kinds?.[header[i]!] ?? inferKind(raw, c),
  }));
  const rows: Row[] = raw.map((values, r) =>
    values.map((v, c): Cell => {
      if (v === null) return null;
      if (columns[c]!.kind === 'categorical') return canonicalCategory(v);
      const n = Number(v);
      if (!Number.isFinite(n)) {
        throw new VoileError('BAD_REQUEST', 'A numeric column of the input table holds a non-numeric value', { detail: `line ${r + 2}, column ${c + 1}` });
      }
      return n;
    }),
  );
  return { columns, rows };
}

/** Numeric-looking categories are canonicalised ("1.0" and "1" are the same level). */
function canonicalCategory(value: string): string {
  const n = Number(value);
  return Number.isFinite(n) && /^[-+]?[0-9.eE+-]+$/.test(value) ? String(n) : value;
}

function inferKind(raw: readonly (string | null)[][], c: number): ColumnKind {
  const distinct = new Set<string>();
  for (const row of raw) {
    const v = row[c];
    if (v === null || v === undefined) continue;
    if (!Number.isFinite(Number(v))) return 'categorical';
    if (distinct.size <= 2) distinct.add(String(Number(v)));
  }
  return distinct.size > 2 ? 'numeric' : 'categorical';
}

function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, Math.max(0, text.indexOf('\n')) || text.length);
  const counts = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![0];
}

/** RFC 4180 splitter: quoted fields may hold delimiters, quotes ("") and newlines. */
function splitRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"') inQuotes = true;
    else if (ch === delimiter) {
      record.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  if (inQuotes) throw new VoileError('BAD_REQUEST', 'The input table has an unterminated quoted field');
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

export function formatCsv(table: Table): string {
  const lines = [table.columns.map((c) => quote(c.name)).join(',')];
  for (const row of table.rows) {
    lines.push(row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? formatNumber(cell) : quote(cell))).join(','));
  }
  return lines.join('\n') + '\n';
}

function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(12)));
}

function quote(value: string): string {
  return /[",;\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The table model shared by the projection, the avatar generator, the metrics and the report.
 * Mixed columns: numeric cells are finite numbers, categorical cells are strings; `null` is a
 * missing value in either kind. Rows are positional (row[i] belongs to columns[i]).
 */
export type ColumnKind = 'numeric' | 'categorical';

export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
}

export type Cell = number | string | null;
export type Row = Cell[];

export interface Table {
  readonly columns: readonly ColumnSpec[];
  readonly rows: readonly Row[];
}

export function columnIndex(table: Pick<Table, 'columns'>, name: string): number {
  const index = table.columns.findIndex((c) => c.name === name);
  if (index < 0) throw new RangeError('unknown column');
  return index;
}

/** Keeps only the named columns, in the given order. */
export function selectColumns(table: Table, names: readonly string[]): Table {
  const indexes = names.map((n) => columnIndex(table, n));
  return {
    columns: indexes.map((i) => table.columns[i]!),
    rows: table.rows.map((row) => indexes.map((i) => row[i] ?? null)),
  };
}

export function numericValue(cell: Cell): number | null {
  return typeof cell === 'number' ? cell : null;
}

/** Canonical string of a categorical cell ('' never appears: missing is `null`). */
export function categoryOf(cell: Cell): string | null {
  if (cell === null) return null;
  return typeof cell === 'number' ? String(cell) : cell;
}

/** Same columns, rows of `b` appended to rows of `a` (column specs must match by name and kind). */
export function concatTables(a: Table, b: Table): Table {
  if (a.columns.length !== b.columns.length || a.columns.some((c, i) => c.name !== b.columns[i]!.name || c.kind !== b.columns[i]!.kind)) {
    throw new RangeError('tables do not share the same columns');
  }
  return { columns: a.columns, rows: [...a.rows, ...b.rows] };
}

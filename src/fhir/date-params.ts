import { VoileError } from '../errors.js';
import { shiftDateValue } from '../identity/index.js';

/**
 * Date search values as the client sees them (shifted) → as the upstream stores them (real):
 * `real = shown - shift`. Values of day precision or finer move as they are. A year or a month is
 * an interval whose shifted image is no longer a calendar year or month, so it becomes explicit
 * day bounds (`2020` → `ge2019-11-14&le2020-11-13`): the answer stays exactly right.
 *
 * Returns AND-ed query values for one parameter (one element, or two for an expanded `eq`).
 */
const VALUE = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(\d{4}(?:-\d{2}(?:-\d{2}(?:T[0-9:.]+(?:Z|[+-]\d{2}:\d{2})?)?)?)?)$/;
const DAY_MS = 86_400_000;

export function translateDateValues(values: readonly string[], shiftDays: number, allowPrefixes = true): string[] {
  const translated = values.map((v) => translateOne(v, shiftDays, allowPrefixes));
  if (translated.length === 1) return translated[0]!;
  if (translated.some((t) => t.length > 1)) {
    throw new VoileError('SEARCH_NOT_SUPPORTED', 'OR-ed date values must have day precision under date shifting');
  }
  return [translated.map((t) => t[0]!).join(',')];
}

function translateOne(value: string, shiftDays: number, allowPrefixes: boolean): string[] {
  const m = VALUE.exec(value);
  if (!m || (!allowPrefixes && m[1] !== undefined)) throw new VoileError('BAD_REQUEST', 'A date search value is malformed');
  const prefix = m[1] ?? '';
  const date = m[2]!;
  let back: (d: string) => string;
  try {
    shiftDateValue(date, 0);
    back = (d) => shiftDateValue(d, -shiftDays);
  } catch {
    throw new VoileError('BAD_REQUEST', 'A date search value is malformed');
  }
  if (date.length >= 10) return [prefix + back(date)];
  const [start, end] = calendarInterval(date);
  const realStart = back(start);
  const realEnd = back(end);
  switch (prefix) {
    case '':
    case 'eq':
      return [`ge${realStart}`, `le${realEnd}`];
    case 'ge':
      return [`ge${realStart}`];
    case 'lt':
      return [`lt${realStart}`];
    case 'eb':
      return [`eb${realStart}`];
    case 'gt':
      return [`gt${realEnd}`];
    case 'le':
      return [`le${realEnd}`];
    case 'sa':
      return [`sa${realEnd}`];
    default:
      throw new VoileError('SEARCH_NOT_SUPPORTED', 'ne and ap date searches need day precision under date shifting');
  }
}

/** First and last day of a year (`YYYY`) or a month (`YYYY-MM`). */
function calendarInterval(date: string): [string, string] {
  const year = Number(date.slice(0, 4));
  if (date.length === 4) return [`${date}-01-01`, `${date}-12-31`];
  const month = Number(date.slice(5, 7));
  const last = new Date(Date.UTC(year, month, 1) - DAY_MS).getUTCDate();
  return [`${date}-01`, `${date}-${String(last).padStart(2, '0')}`];
}

/**
 * Shifting FHIR date, dateTime and instant values by a whole number of days while keeping their
 * written precision: a year stays a year, a year-month a year-month, and a time of day with its
 * zone stays as written. Only whole days move, so intervals between two full dates of one patient
 * are kept exactly.
 */
const DATE_LIKE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(T.*)?$/;

const DAY_MS = 86_400_000;

export function shiftDateValue(value: string, days: number): string {
  const m = DATE_LIKE.exec(value);
  if (!m) throw new TypeError('not a FHIR date');
  const [, y, mo, d, rest] = m;
  const year = Number(y);
  if (mo === undefined) {
    // Year precision: move the middle of the year, keep only the year.
    const t = Date.UTC(year, 6, 1) + days * DAY_MS;
    return pad4(new Date(t).getUTCFullYear());
  }
  const month = Number(mo);
  if (d === undefined) {
    const t = Date.UTC(year, month - 1, 15) + days * DAY_MS;
    const dt = new Date(t);
    return `${pad4(dt.getUTCFullYear())}-${pad2(dt.getUTCMonth() + 1)}`;
  }
  const day = Number(d);
  const base = new Date(0);
  base.setUTCFullYear(year, month - 1, day);
  if (base.getUTCMonth() !== month - 1 || base.getUTCDate() !== day) throw new TypeError('not a FHIR date');
  const dt = new Date(base.getTime() + days * DAY_MS);
  return `${pad4(dt.getUTCFullYear())}-${pad2(dt.getUTCMonth() + 1)}-${pad2(dt.getUTCDate())}${rest ?? ''}`;
}

/** DICOM DA (YYYYMMDD) values. DT values start with a DA and keep their remainder. */
export function shiftDicomDate(value: string, days: number): string {
  const m = /^(\d{4})(\d{2})(\d{2})(.*)$/s.exec(value);
  if (!m) throw new TypeError('not a DICOM date');
  const shifted = shiftDateValue(`${m[1]}-${m[2]}-${m[3]}`, days);
  return shifted.replaceAll('-', '') + m[4];
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function pad4(n: number): string {
  return String(n).padStart(4, '0');
}

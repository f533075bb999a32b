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
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) throw new TypeError('not a FHIR date');
  // Day arithmetic on the proleptic Gregorian calendar (as Date does), without Date objects:
  // a full date is shifted for nearly every date element released.
  const [y2, m2, d2] = civilFromDays(daysFromCivil(year, month, day) + days);
  return `${pad4(y2)}-${pad2(m2)}-${pad2(d2)}${rest ?? ''}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The inverse of daysFromCivil: [year, month, day]. */
function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
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

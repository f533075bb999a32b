import type { CohortLocale } from './random.js';

/** Local clock offsets of the two hospital sites (fixed: the demo ignores daylight saving time). */
const OFFSET_MINUTES: Record<CohortLocale, number> = { fr: 60, en: -300 };

const DAY_MS = 86_400_000;

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function addMinutes(date: Date, minutes: number): Date {
  return new Date(date.getTime() + minutes * 60_000);
}

/** FHIR `date`: YYYY-MM-DD (UTC calendar day). */
export function fhirDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** FHIR `dateTime` to the second, written in the site's local offset, e.g. `2023-04-12T09:30:00+01:00`. */
export function fhirDateTime(date: Date, locale: CohortLocale): string {
  const offset = OFFSET_MINUTES[locale];
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** FHIR `instant` in UTC with milliseconds. */
export function fhirInstant(date: Date): string {
  return date.toISOString();
}

/** How a birth date is written in a note: 12/03/1956 in French, 03/12/1956 in US English. */
export function writtenDate(isoDate: string, locale: CohortLocale): string {
  const [year, month, day] = isoDate.split('-');
  return locale === 'fr' ? `${day}/${month}/${year}` : `${month}/${day}/${year}`;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

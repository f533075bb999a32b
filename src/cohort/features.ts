import type { Resource } from '@medplum/fhirtypes';
import type { Cell, ColumnSpec } from '../anonymize/embedding/index.js';
import { VoileError } from '../errors.js';
import type { AvatarColumn, AvatarColumnSource, AvatarSection } from '../policy/types.js';

/**
 * Declared feature extractors of a cohort build: one column = one small function of a patient's
 * record. Deliberately no FHIRPath: each source is a fixed, reviewable reading of R4 elements.
 */
export const LOINC = 'http://loinc.org';

/** A patient's record as the build reads it: the Patient and the resources that refer to it. */
export interface PatientRecord {
  readonly patient: Resource;
  readonly observations: readonly Resource[];
  readonly conditions: readonly Resource[];
  /** Resources of the `count` columns, by resource type. */
  readonly counted: ReadonlyMap<string, readonly Resource[]>;
}

export interface PatientFeatures {
  readonly row: Cell[];
  /** Column name → real id of the Observation whose value filled that column. */
  readonly latestObservations: Record<string, string>;
}

export type SourceKind = 'age' | 'gender' | 'postalRegion' | 'latestObservation' | 'conditionFlag' | 'count';

export function sourceKind(source: AvatarColumnSource): SourceKind {
  if (typeof source === 'string') return source;
  if ('latestObservation' in source) return 'latestObservation';
  if ('conditionFlag' in source) return 'conditionFlag';
  return 'count';
}

/** Columns whose source is a quasi-identifier (reported for k-anonymity). */
export function quasiIdentifierColumns(section: AvatarSection): string[] {
  return section.columns.filter((c) => ['age', 'gender', 'postalRegion'].includes(sourceKind(c.source))).map((c) => c.name);
}

/** Checks what the schema cannot: unique names, kinds that fit their source, a valid reference date. */
export function checkAvatarSection(section: AvatarSection): void {
  if (parseDate(section.referenceDate) === undefined) throw new VoileError('POLICY_INVALID', 'avatar.referenceDate is not a valid date');
  const names = new Set<string>();
  for (const [i, column] of section.columns.entries()) {
    if (names.has(column.name)) throw new VoileError('POLICY_INVALID', `avatar.columns[${i}]: the column name is used twice`);
    names.add(column.name);
    const kind = sourceKind(column.source);
    if (column.kind === 'numeric' && (kind === 'gender' || kind === 'postalRegion')) {
      throw new VoileError('POLICY_INVALID', `avatar.columns[${i}]: a ${kind} column must be categorical`);
    }
  }
}

export function columnSpecs(section: AvatarSection): ColumnSpec[] {
  return section.columns.map((c) => ({ name: c.name, kind: c.kind }));
}

export function extractFeatures(section: AvatarSection, record: PatientRecord): PatientFeatures {
  const referenceDate = parseDate(section.referenceDate)!;
  const latestObservations: Record<string, string> = {};
  const row = section.columns.map((column) => {
    const value = extractColumn(column, record, referenceDate, latestObservations);
    return asCell(value, column.kind);
  });
  return { row, latestObservations };
}

function extractColumn(column: AvatarColumn, record: PatientRecord, referenceDate: DateParts, latest: Record<string, string>): number | string | boolean | null {
  const source = column.source;
  const patient = record.patient as { birthDate?: string; gender?: string; address?: { postalCode?: string }[] };
  switch (sourceKind(source)) {
    case 'age':
      return ageAt(patient.birthDate, referenceDate);
    case 'gender':
      return typeof patient.gender === 'string' ? patient.gender : null;
    case 'postalRegion':
      return postalRegion(patient.address);
    case 'latestObservation': {
      const found = latestObservation(record.observations, (source as { latestObservation: string }).latestObservation);
      if (!found) return null;
      if (found.id) latest[column.name] = found.id;
      return found.value;
    }
    case 'conditionFlag': {
      const code = (source as { conditionFlag: string }).conditionFlag;
      return record.conditions.some((c) => hasCode(c, code));
    }
    case 'count':
      return record.counted.get((source as { count: string }).count)?.length ?? 0;
  }
}

function asCell(value: number | string | boolean | null, kind: 'numeric' | 'categorical'): Cell {
  if (value === null) return null;
  if (typeof value === 'boolean') return kind === 'numeric' ? (value ? 1 : 0) : value ? 'yes' : 'no';
  if (kind === 'categorical') return String(value);
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** FHIR date of any precision; a missing month or day counts as the first. */
export function parseDate(value: unknown): DateParts | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
  if (!m) return undefined;
  const parts = { year: Number(m[1]), month: m[2] ? Number(m[2]) : 1, day: m[3] ? Number(m[3]) : 1 };
  if (parts.month < 1 || parts.month > 12 || parts.day < 1 || parts.day > 31) return undefined;
  return parts;
}

/** Completed years at the reference date (null when the birth date is missing or later). */
export function ageAt(birthDate: unknown, reference: DateParts): number | null {
  const birth = parseDate(birthDate);
  if (!birth) return null;
  let age = reference.year - birth.year;
  if (reference.month < birth.month || (reference.month === birth.month && reference.day < birth.day)) age -= 1;
  return age >= 0 ? age : null;
}

function postalRegion(addresses: unknown): string | null {
  if (!Array.isArray(addresses)) return null;
  for (const a of addresses as { postalCode?: unknown }[]) {
    if (typeof a?.postalCode === 'string' && a.postalCode.trim().length >= 2) return a.postalCode.trim().slice(0, 2).toUpperCase();
  }
  return null;
}

function codings(resource: Resource): { system?: string; code?: string }[] {
  const code = (resource as { code?: { coding?: { system?: string; code?: string }[] } }).code;
  return Array.isArray(code?.coding) ? code.coding : [];
}

function hasCode(resource: Resource, code: string, system?: string): boolean {
  return codings(resource).some((c) => c.code === code && (system === undefined || c.system === system));
}

/** When an Observation happened: effective[x], else issued (ISO strings compare in time order at equal precision). */
function observedAt(observation: Resource): string {
  const o = observation as { effectiveDateTime?: string; effectiveInstant?: string; effectivePeriod?: { start?: string }; issued?: string };
  return o.effectiveDateTime ?? o.effectiveInstant ?? o.effectivePeriod?.start ?? o.issued ?? '';
}

/**
 * The patient's latest Observation of a LOINC code that has a numeric valueQuantity. Ties in time
 * go to the larger id, so the choice never depends on the upstream's paging order.
 */
export function latestObservation(observations: readonly Resource[], loinc: string): { id: string | undefined; value: number } | undefined {
  let best: { at: string; id: string; value: number } | undefined;
  for (const o of observations) {
    if (o.resourceType !== 'Observation' || !hasCode(o, loinc, LOINC)) continue;
    const value = (o as { valueQuantity?: { value?: unknown } }).valueQuantity?.value;
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    const at = observedAt(o);
    const id = o.id ?? '';
    if (!best || at > best.at || (at === best.at && id > best.id)) best = { at, id, value };
  }
  return best && { id: best.id || undefined, value: best.value };
}

/** The real patient id a resource refers to through `subject` or `patient` (relative or absolute). */
export function patientIdOf(resource: Resource): string | undefined {
  if (resource.resourceType === 'Patient') return resource.id;
  const r = resource as { subject?: { reference?: string }; patient?: { reference?: string } };
  const reference = r.subject?.reference ?? r.patient?.reference;
  if (typeof reference !== 'string') return undefined;
  const m = /(?:^|\/)Patient\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[^/]*)?$/.exec(reference);
  return m?.[1];
}

import type { Extension } from '@medplum/fhirtypes';
import type { Cell } from '../anonymize/embedding/index.js';
import type { AvatarColumnSource } from '../policy/types.js';

/**
 * The avatar's values of the columns no single resource carries — `conditionFlag` (has a Condition
 * with that code) and `count` (how many resources of a type) — as extensions of the served Patient.
 * Those values are properties of the patient's whole record: expressing them by adding or hiding
 * Conditions or Encounters on the fly would invent clinical facts or break paging and references,
 * so they ride on the one resource every cohort patient has. Both extensions are complex extensions
 * (valid R4: sub-extensions only, no value at the top level) and carry no real value.
 */
export const AVATAR_CONDITION_FLAG_URL = 'https://voile.local/fhir/StructureDefinition/avatar-condition-flag';
export const AVATAR_RESOURCE_COUNT_URL = 'https://voile.local/fhir/StructureDefinition/avatar-resource-count';

/**
 * One extension per flag or count column with a usable avatar value. A value that is missing or not
 * what the column can hold yields no extension (never a guessed one).
 */
export function avatarSummaryExtensions(columns: ReadonlyArray<{ readonly source: AvatarColumnSource; readonly value: Cell }>): Extension[] {
  const out: Extension[] = [];
  for (const { source, value } of columns) {
    if (typeof source !== 'object') continue;
    if ('conditionFlag' in source) {
      const present = flagValue(value);
      if (present === undefined) continue;
      out.push({ url: AVATAR_CONDITION_FLAG_URL, extension: [{ url: 'code', valueCode: source.conditionFlag }, { url: 'present', valueBoolean: present }] });
    } else if ('count' in source) {
      const count = countValue(value);
      if (count === undefined) continue;
      out.push({ url: AVATAR_RESOURCE_COUNT_URL, extension: [{ url: 'resourceType', valueCode: source.count }, { url: 'count', valueInteger: count }] });
    }
  }
  return out;
}

/** Flags are stored as `yes`/`no` (categorical column) or 1/0 (numeric column, nearest level). */
function flagValue(value: Cell): boolean | undefined {
  if (value === 'yes') return true;
  if (value === 'no') return false;
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1) return value >= 0.5;
  return undefined;
}

/** Counts are whole, non-negative numbers (a categorical count column holds their decimal text). */
function countValue(value: Cell): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isFinite(n) || n < 0) return undefined;
  const count = Math.round(n);
  return count <= 2_147_483_647 ? count : undefined;
}

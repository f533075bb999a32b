import type { TypeInfo } from './schema.js';
import type { SecurityLabels } from './security.js';

/**
 * Settlement: what a free text that went takes with it, written once for both kinds of text hook.
 *
 * The walk decides on every element with a removed text still present, as a GONE where it was, so
 * that its decisions (empty, required parts, ext-1) do not depend on the hook's answers. Then each
 * output holding a GONE is settled bottom-up by the functions below: the GONEs go, and so does every
 * element that became empty or invalid without them, as the walk would have decided had the texts
 * been missing. A synchronous hook's answers are known during the walk, which settles each output as
 * it completes it; an asynchronous hook's come after the walk, and `settledWithAnswers`
 * (settle-answers.ts) puts them in place and settles the outputs that held them with these same
 * functions, so both hooks release the same resource for the same answers.
 */

/** Where a removed text was, until its holder is settled. */
export const GONE = Symbol('gone');
/** GONE for a required element: the object holding it goes with it. */
export const GONE_REQUIRED = Symbol('gone-required');

/**
 * An object whose values are settled already, settled itself: GONE when a required text or part went
 * or nothing is left; without its GONEs otherwise.
 */
export function settledObject(value: Record<string, unknown>, type: TypeInfo, labels: SecurityLabels): Record<string, unknown> | typeof GONE {
  let dropped = false;
  let kept = false;
  for (const k in value) {
    const v = value[k];
    if (v === GONE_REQUIRED) return GONE;
    if (v === GONE) dropped = true;
    else kept = true;
  }
  if (!kept) return GONE;
  if (!dropped) return value;
  const out: Record<string, unknown> = {};
  for (const k in value) {
    const v = value[k];
    if (v !== GONE) out[k] = v;
  }
  return settledAway(value, out, type, labels) ? GONE : out;
}

/** A resource's own object, its values settled already: undefined when a required text or part went. */
export function settledResource(out: Record<string, unknown>, type: TypeInfo, labels: SecurityLabels): Record<string, unknown> | undefined {
  let dropped = false;
  for (const k in out) {
    const v = out[k];
    if (v === GONE_REQUIRED) return undefined;
    if (v === GONE) dropped = true;
  }
  if (!dropped) return out;
  const kept: Record<string, unknown> = {};
  for (const k in out) if (out[k] !== GONE) kept[k] = out[k];
  return lostRequiredPart(out, kept, type, labels) ? undefined : kept;
}

/** An array of complex elements, settled already: without its GONEs; GONE if nothing is left. */
export function settledArray(items: unknown[]): unknown[] | typeof GONE {
  const kept = items.some((v) => v === GONE || v === GONE_REQUIRED) ? items.filter((v) => v !== GONE && v !== GONE_REQUIRED) : items;
  return kept.length > 0 ? kept : GONE;
}

/**
 * A primitive array and its `_name` array, their values settled already, settled in place together:
 * FHIR JSON aligns them by index. An index where something went and nothing is left in either goes
 * from both; where a value went and its extensions stay, the value is null (and the other way round).
 */
export function settleAligned(values: unknown[], shadows: unknown[]): void {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    const s = shadows[i];
    const value = v === GONE || v === GONE_REQUIRED ? null : v;
    const shadow = s === GONE ? null : s;
    if (value === null && shadow === null && (value !== v || shadow !== s)) continue;
    values[n] = value;
    shadows[n] = shadow;
    n++;
  }
  values.length = n;
  shadows.length = n;
}

/** What a parent holds of a settled primitive array: the array, or GONE when nothing but nulls is left. */
export function alignedOrGone(items: unknown[]): unknown[] | typeof GONE {
  return items.some((v) => v !== null) ? items : GONE;
}

/** ext-1: an extension says something only with a value[x] (`_value…` alone too) or nested extensions. */
export function hasValueOrExtensions(extension: Record<string, unknown>): boolean {
  for (const key in extension) {
    if (key === 'extension' || key.startsWith('value') || key.startsWith('_value')) return true;
  }
  return false;
}

/**
 * Whether what settlement left of an element (`after`) must go whole, as the walk would have
 * decided had the removed texts been missing: a required part went, or an extension kept its url only.
 */
function settledAway(before: Record<string, unknown>, after: Record<string, unknown>, type: TypeInfo, labels: SecurityLabels): boolean {
  if (type.name === 'Extension' && !hasValueOrExtensions(after)) {
    labels.add('REDACTED');
    return true;
  }
  return lostRequiredPart(before, after, type, labels);
}

/**
 * Whether settling `before` (the walk's output, a removed text still present) into `after` took
 * away a required element: the walk's rule then holds as if it had been missing in the walk (an
 * element that lost a mandatory part goes whole, labelled REDACTED), and so on up to the resource.
 * Only what went in settlement counts: the walk has already decided on what it left out.
 */
function lostRequiredPart(before: Record<string, unknown>, after: Record<string, unknown>, type: TypeInfo, labels: SecurityLabels): boolean {
  if (!type.requiredKeys.some((keys) => holdsAny(before, keys) && !holdsAny(after, keys))) return false;
  labels.add('REDACTED');
  return true;
}

/** Whether `value` has one of the JSON properties of an element (`_name`, extensions only, counts). */
function holdsAny(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.some((key) => Object.hasOwn(value, key));
}

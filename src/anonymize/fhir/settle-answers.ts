import type { ElementInfo, TypeInfo } from './schema.js';
import type { SecurityLabels } from './security.js';
import { alignedOrGone, GONE, GONE_REQUIRED, settleAligned, settledArray, settledObject, settledResource } from './settle.js';

/**
 * An asynchronous text hook answers after the walk, which leaves a PendingText where each of its
 * texts was and records the outputs holding one. `settledWithAnswers` puts each answer in place, or
 * a GONE where the text went, and settles those outputs bottom-up with the functions the walk uses
 * for a synchronous hook's answers (settle.ts): the rules of what a removed text takes with it are
 * written once, whichever the hook.
 */

/** A text an asynchronous hook has yet to answer. */
export class PendingText {
  /** `job` indexes its answer; `required`: the element holding this text is invalid without it, and goes if the text goes. */
  constructor(readonly job: number, readonly required: boolean) {}
}

export interface Answers {
  /** The hook's answers, by PendingText job: an undefined or empty one means the text goes. */
  readonly texts: readonly (string | undefined)[];
  /**
   * The walk's output objects (with their type) and arrays (undefined) holding a PendingText,
   * directly or below: the only outputs visited, every other branch is kept as it is.
   */
  readonly holders: ReadonlyMap<object, TypeInfo | undefined>;
  readonly labels: SecurityLabels;
  /** Set when a modifierExtension went with a text: the resource is then not released. */
  modifierDropped: boolean;
}

/** A resource's own object with the answers in place, settled: undefined when a required text or part of it went. */
export function settledWithAnswers(out: Record<string, unknown>, type: TypeInfo, answers: Answers): Record<string, unknown> | undefined {
  return settledResource(answeredValues(out, type, answers), type, answers.labels);
}

/** A value with the answers in place: a text, or GONE where it went; a holder settled as the walk settles one. */
function answered(value: unknown, answers: Answers): unknown {
  if (value instanceof PendingText) {
    const text = answers.texts[value.job];
    if (typeof text === 'string' && text.length > 0) return text;
    return value.required ? GONE_REQUIRED : GONE;
  }
  if (value === null || typeof value !== 'object' || !answers.holders.has(value)) return value;
  if (Array.isArray(value)) return settledArray(value.map((item) => answered(item, answers)));
  const type = answers.holders.get(value)!;
  return settledObject(answeredValues(value as Record<string, unknown>, type, answers), type, answers.labels);
}

/**
 * A holder object's values answered and settled, in a copy: what the walk would have left of it
 * had a synchronous hook given the same answers, before the object's own settlement.
 */
function answeredValues(from: Record<string, unknown>, type: TypeInfo, answers: Answers): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(from)) {
    const value = from[key];
    const info = Array.isArray(value) ? (type.properties.get(key) ?? type.shadows.get(key)) : undefined;
    if (info?.primitive) {
      // A primitive array and its `_name` array settle together, at the first of them (the values).
      if (key === info.shadowKey && Array.isArray(from[info.key])) continue;
      answeredPrimitives(out, info, from[info.key], from[info.shadowKey], answers);
      continue;
    }
    const settled = answered(value, answers);
    // As in the walk, a modifierExtension that goes takes the resource's release with it.
    if (key === 'modifierExtension' && (settled === GONE || (Array.isArray(settled) && settled.length < (value as unknown[]).length))) {
      answers.modifierDropped = true;
    }
    out[key] = settled;
  }
  return out;
}

/**
 * A primitive array and its `_name` array (the walk writes either alone when the other holds only
 * nulls) answered and settled together, into `into`, as the walk settles them.
 */
function answeredPrimitives(into: Record<string, unknown>, info: ElementInfo, values: unknown, shadows: unknown, answers: Answers): void {
  const n = Array.isArray(values) ? values.length : (shadows as unknown[]).length;
  const outValues: unknown[] = [];
  const outShadows: unknown[] = [];
  for (let i = 0; i < n; i++) {
    outValues.push(Array.isArray(values) ? answered(values[i], answers) : null);
    outShadows.push(Array.isArray(shadows) ? answered(shadows[i], answers) : null);
  }
  settleAligned(outValues, outShadows);
  if (Array.isArray(values)) into[info.key] = alignedOrGone(outValues);
  if (Array.isArray(shadows)) into[info.shadowKey] = alignedOrGone(outShadows);
}

import type { FhirRule } from '../../policy/types.js';
import type { Identity } from '../../identity/index.js';
import { compileFhirPathValue } from './fhirpath-eval.js';
import { rememberBounded } from '../../util/bounded-memo.js';

/** Value-level methods shared by the engine: generalize, perturb, date handling. */

export const DATE_TYPES = new Set(['date', 'dateTime', 'instant']);
export const NUMBER_TYPES = new Set(['decimal', 'integer', 'positiveInt', 'unsignedInt', 'integer64']);
export const STRING_TYPES = new Set(['string', 'code', 'id', 'uri', 'url', 'canonical', 'oid', 'uuid', 'markdown', 'base64Binary']);
export const TEXT_TYPES = new Set(['string', 'markdown']);

/**
 * FHIRPath needs a typed context to compare dates (`$this < @1990`); a primitive alone carries no
 * type, so cases are evaluated as if the value sat in a well-known element of the same type.
 * Numbers need none (and fhirpath.js mishandles a typed numeric root).
 */
const TYPED_BASE: Readonly<Record<string, string>> = {
  date: 'Patient.birthDate',
  dateTime: 'Period.start',
  instant: 'Meta.lastUpdated',
  time: 'Location.hoursOfOperation.openingTime',
  boolean: 'Patient.active',
  code: 'Coding.code',
  uri: 'Coding.system',
  id: 'Meta.versionId',
  markdown: 'Annotation.text',
  string: 'HumanName.family',
};

export type CaseFn = (value: unknown) => unknown[];

export interface CompiledCases {
  readonly cases: ReadonlyArray<readonly [condition: string, result: string]>;
  readonly cache: Map<string, CaseFn>;
  /** Outcomes per (type, value): FHIRPath evaluation is the engine's most expensive step. */
  readonly outcomes: Map<string, GeneralizeOutcome>;
  /** Cases use today()/now(): outcomes are only reused within the same day. */
  readonly dependsOnToday: boolean;
}

export function compileCases(rule: FhirRule): CompiledCases {
  const cases = Object.entries(rule.cases ?? {}).map(([c, r]) => [rewriteValueVar(c), rewriteValueVar(r)] as const);
  const dependsOnToday = cases.some(([c, r]) => /\b(today|now)\s*\(/.test(c + r));
  return { cases, cache: new Map(), outcomes: new Map(), dependsOnToday };
}

/** `%value` (Voile profiles) and `$this` (Microsoft configurations) both name the value. */
function rewriteValueVar(expression: string): string {
  return expression.replace(/%value\b/g, '$this');
}

function caseFn(compiled: CompiledCases, expression: string, type: string): CaseFn {
  const base = NUMBER_TYPES.has(type) ? undefined : TYPED_BASE[type] ?? 'HumanName.family';
  const key = `${base ?? ''}\u0000${expression}`;
  let fn = compiled.cache.get(key);
  if (!fn) {
    const expr = compileFhirPathValue(expression, base);
    fn = (value) => expr(value);
    compiled.cache.set(key, fn);
  }
  return fn;
}

export type GeneralizeOutcome = { readonly matched: true; readonly value: unknown } | { readonly matched: false };

/** First case whose condition is true gives the new value (undefined: no value). */
export function generalizeValue(compiled: CompiledCases, value: unknown, type: string): GeneralizeOutcome {
  const day = compiled.dependsOnToday ? utcDay() : '';
  const key = `${day}\u0000${type}\u0000${typeof value}\u0000${String(value)}`;
  let outcome = compiled.outcomes.get(key);
  if (!outcome) {
    outcome = evaluateCases(compiled, value, type);
    rememberBounded(compiled.outcomes, key, outcome, 10_000);
  }
  return outcome;
}

let dayText = '';
let nextDayAt = 0;

/** Today's UTC date (YYYY-MM-DD), rebuilt only when a day boundary passed: asked per generalized value. */
function utcDay(): string {
  const now = Date.now();
  if (now >= nextDayAt || now < nextDayAt - 86_400_000) {
    dayText = new Date(now).toISOString().slice(0, 10);
    nextDayAt = Date.UTC(Number(dayText.slice(0, 4)), Number(dayText.slice(5, 7)) - 1, Number(dayText.slice(8, 10)) + 1);
  }
  return dayText;
}

function evaluateCases(compiled: CompiledCases, value: unknown, type: string): GeneralizeOutcome {
  for (const [condition, result] of compiled.cases) {
    const test = caseFn(compiled, condition, type)(value);
    if (test.length === 1 && test[0] === true) {
      const out = caseFn(compiled, result, type)(value);
      return { matched: true, value: out.length === 0 ? undefined : normalizeResult(out[0]) };
    }
  }
  return { matched: false };
}

function normalizeResult(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'object') return String(value);
  return value;
}

/**
 * Bounded noise: fixed (±span) or proportional (±span·|value|), drawn from a keyed seed of the value
 * so that the same value gives the same output (no averaging attack over repeated requests).
 */
export function perturbValue(value: number, rule: FhirRule, type: string, identity: Identity, ruleIndex: number): number {
  const span = rule.span ?? 0;
  const range = rule.rangeType === 'proportional' ? Math.abs(value) * span : span;
  const u = identity.seed('surrogate', 'perturb', String(ruleIndex), String(value)) / 0x1_0000_0000;
  let out = value + (2 * u - 1) * range;
  const integral = type !== 'decimal';
  const digits = integral ? 0 : rule.roundTo ?? 2;
  const factor = 10 ** digits;
  out = Math.round(out * factor) / factor;
  if (type === 'positiveInt') out = Math.max(1, out);
  if (type === 'unsignedInt') out = Math.max(0, out);
  return out;
}

/** Year of a FHIR date/dateTime/instant, for dates outside any patient compartment. */
export function yearOf(value: string): string | undefined {
  const m = /^(\d{4})/.exec(value);
  return m ? m[1] : undefined;
}

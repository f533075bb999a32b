import { getSearchParameter, parseSearchRequest, type IncludeTarget, type SearchRequest } from '@medplum/core';
import { badRequest } from './outcome.js';

export type SummaryMode = 'true' | 'false' | 'text' | 'data' | 'count';

export interface PageOptions {
  readonly count: number;
  readonly offset: number;
}

export interface ShapeOptions {
  readonly summary: SummaryMode | undefined;
  readonly elements: readonly string[] | undefined;
}

export interface ParsedSearch extends PageOptions, ShapeOptions {
  /** Filters and sort for the repository (no paging, no includes: the server does those). */
  readonly request: SearchRequest;
  readonly include: readonly IncludeTarget[];
  readonly revInclude: readonly IncludeTarget[];
  /** The query as received, for paging links. */
  readonly params: readonly (readonly [string, string])[];
}

export const DEFAULT_COUNT = 20;
export const MAX_COUNT = 1000;

/** Result parameters the demo server understands; any other `_x` is refused rather than ignored. */
const RESULT_PARAMS = new Set(['_count', '_offset', '_sort', '_include', '_revinclude', '_summary', '_elements', '_total', '_format', '_pretty']);
const SUMMARY_MODES = new Set<string>(['true', 'false', 'text', 'data', 'count']);

/** Reads `_count`, `_offset`, `_summary` and `_elements`, which read and $everything accept too. */
export function parsePageAndShape(params: readonly (readonly [string, string])[], defaultCount = DEFAULT_COUNT): PageOptions & ShapeOptions {
  const single = (name: string) => {
    const values = params.filter(([k]) => k === name).map(([, v]) => v);
    if (values.length > 1) throw badRequest(`Parameter ${name} may appear only once`);
    return values[0];
  };
  const count = nonNegativeInteger('_count', single('_count')) ?? defaultCount;
  const offset = nonNegativeInteger('_offset', single('_offset')) ?? 0;
  const summary = single('_summary');
  if (summary !== undefined && !SUMMARY_MODES.has(summary)) {
    throw badRequest('Parameter _summary must be one of true, false, text, data, count');
  }
  const elementsParam = single('_elements');
  const elements = elementsParam?.split(',').map((e) => e.trim()).filter((e) => e.length > 0);
  if (elements?.some((e) => !/^[a-zA-Z][a-zA-Z0-9]*(\[x\])?$/.test(e))) {
    throw badRequest('Parameter _elements must be a comma-separated list of element names');
  }
  return {
    count: Math.min(count, MAX_COUNT),
    offset,
    summary: summary as SummaryMode | undefined,
    elements: elements && elements.length > 0 ? elements : undefined,
  };
}

/** Validates a type-level search and turns it into a repository request. */
export function parseSearch(resourceType: string, params: readonly (readonly [string, string])[]): ParsedSearch {
  const shape = parsePageAndShape(params);
  const forRepository: Record<string, string[]> = {};
  for (const [rawName, value] of params) {
    const [name, modifier] = splitModifier(rawName);
    if (name.startsWith('_') && RESULT_PARAMS.has(name)) {
      if (name === '_sort') {
        for (const code of value.split(',')) {
          if (!getSearchParameter(resourceType, code.replace(/^-/, ''))) throw badRequest(`Unknown sort parameter for ${resourceType}`);
        }
      }
      if (name === '_sort' || name === '_total' || name === '_include' || name === '_revinclude') {
        (forRepository[rawName] ??= []).push(value);
      }
      continue;
    }
    const definition = getSearchParameter(resourceType, name.split('.')[0]);
    if (!definition) throw badRequest(`Unknown search parameter ${name} for ${resourceType}`);
    const normalized = definition.type === 'reference' ? qualifyReference(value, modifier, definition.target ?? []) : undefined;
    if (normalized) {
      (forRepository[name] ??= []).push(normalized);
    } else {
      (forRepository[rawName] ??= []).push(value);
    }
  }

  let parsed: SearchRequest;
  try {
    parsed = parseSearchRequest(resourceType as SearchRequest['resourceType'], forRepository);
  } catch {
    throw badRequest('Invalid search parameter value');
  }
  const include = parsed.include ?? [];
  const revInclude = parsed.revInclude ?? [];
  for (const target of include) {
    if (target.resourceType !== resourceType && target.modifier !== 'iterate') {
      throw badRequest('_include must name the searched resource type (or be :iterate)');
    }
    checkIncludeTarget(target, '_include');
  }
  for (const target of revInclude) checkIncludeTarget(target, '_revinclude');

  const request: SearchRequest = {
    resourceType: parsed.resourceType,
    ...(parsed.filters ? { filters: parsed.filters } : {}),
    ...(parsed.sortRules ? { sortRules: parsed.sortRules } : {}),
  };
  return { ...shape, request, include, revInclude, params };
}

function checkIncludeTarget(target: IncludeTarget, name: string): void {
  const definition = getSearchParameter(target.resourceType, target.searchParam);
  if (definition?.type !== 'reference') {
    throw badRequest(`${name} must name a reference search parameter, as Type:parameter[:TargetType]`);
  }
  if (target.targetType && !(definition.target ?? []).includes(target.targetType as never)) {
    throw badRequest(`${name} names a target type the parameter cannot point to`);
  }
}

/**
 * A reference parameter given as a bare id (`patient=123`, `subject:Patient=123`) is rewritten to
 * the `Type/id` form the repository matches on; with several possible targets, to each of them.
 */
function qualifyReference(value: string, modifier: string | undefined, targets: readonly string[]): string | undefined {
  if (modifier && /^[A-Z][A-Za-z]+$/.test(modifier)) {
    return value.split(',').map((v) => (v.includes('/') ? v : `${modifier}/${v}`)).join(',');
  }
  if (modifier || value.includes('/') || value.includes(':')) return undefined;
  return value.split(',').flatMap((v) => targets.map((t) => `${t}/${v}`)).join(',');
}

function splitModifier(name: string): [string, string | undefined] {
  const colon = name.indexOf(':');
  return colon < 0 ? [name, undefined] : [name.slice(0, colon), name.slice(colon + 1)];
}

function nonNegativeInteger(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,9}$/.test(value)) throw badRequest(`Parameter ${name} must be a non-negative integer`);
  return Number(value);
}

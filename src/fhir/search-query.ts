import { VoileError } from '../errors.js';

/**
 * A search as plain data, parsed before anything is checked (medplum style): every parameter with
 * its code, modifier, chain and OR-ed values. The guard then reasons on this, never on raw strings.
 */
export interface SearchParam {
  /** The parameter code (`subject`, `_count`, `_has`…). */
  readonly code: string;
  /** `:exact`, `:missing`, `:Patient`… without the colon. */
  readonly modifier?: string;
  /** For chained parameters (`subject.name`): the part after the first dot. */
  readonly chain?: string;
  /** For `_has:Observation:patient:code`: everything after `_has:`. */
  readonly has?: string;
  /** OR-ed values (split on unescaped commas). */
  readonly values: readonly string[];
}

export interface ParsedSearch {
  readonly resourceType: string;
  readonly params: readonly SearchParam[];
}

const CODE = /^[A-Za-z_][A-Za-z0-9\-_]{0,63}$/;
const MAX_PARAMS = 64;
const MAX_VALUE_LENGTH = 2048;

export function parseSearch(resourceType: string, entries: Iterable<readonly [string, string]>): ParsedSearch {
  const params: SearchParam[] = [];
  for (const [rawName, rawValue] of entries) {
    if (params.length >= MAX_PARAMS) throw new VoileError('BAD_REQUEST', 'Too many search parameters', { detail: `at most ${MAX_PARAMS}` });
    if (rawValue.length > MAX_VALUE_LENGTH) throw new VoileError('BAD_REQUEST', 'A search parameter value is too long');
    params.push(parseParam(rawName, rawValue));
  }
  return { resourceType, params };
}

function parseParam(rawName: string, rawValue: string): SearchParam {
  const values = splitValues(rawValue);
  if (rawName.startsWith('_has:')) return { code: '_has', has: rawName.slice(5), values };
  // code[:modifier][.chain] — in a chain the modifier (a type) comes before the dot: subject:Patient.name
  const dot = rawName.indexOf('.');
  const head = dot === -1 ? rawName : rawName.slice(0, dot);
  const chain = dot === -1 ? undefined : rawName.slice(dot + 1);
  const colon = head.indexOf(':');
  const code = colon === -1 ? head : head.slice(0, colon);
  const modifier = colon === -1 ? undefined : head.slice(colon + 1);
  if (
    !CODE.test(code) ||
    (modifier !== undefined && !/^[A-Za-z][A-Za-z0-9\-]{0,63}$/.test(modifier)) ||
    (chain !== undefined && !/^[A-Za-z0-9_\-.:]{1,256}$/.test(chain))
  ) {
    throw new VoileError('SEARCH_PARAM_REFUSED', 'A search parameter name is malformed');
  }
  return {
    code,
    values,
    ...(modifier === undefined ? {} : { modifier }),
    ...(chain === undefined ? {} : { chain }),
  };
}

/** FHIR escapes `,` `$` `|` `\` with a backslash; only unescaped commas separate OR-ed values. */
function splitValues(raw: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      current += ch + raw[i + 1];
      i++;
    } else if (ch === ',') {
      out.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  out.push(current);
  return out;
}

/** Back to a query-string value. */
export function joinValues(values: readonly string[]): string {
  return values.join(',');
}

export function paramName(p: SearchParam): string {
  if (p.has !== undefined) return `_has:${p.has}`;
  return p.code + (p.modifier === undefined ? '' : `:${p.modifier}`) + (p.chain === undefined ? '' : `.${p.chain}`);
}

/**
 * Rule paths. Most rules select elements by a plain path (`Patient.name.given`, `Resource.id`),
 * a type (`nodesByType('HumanName')`) or a typed choice (`Observation.value as Quantity`): these
 * compile to a small pattern matched while the walker descends, with no FHIRPath evaluation at all.
 * Anything else (functions, filters) is real FHIRPath, compiled once and evaluated per resource.
 */
export type Step = { readonly kind: 'child'; readonly name: string } | { readonly kind: 'byType'; readonly type: string };

export interface SimplePattern {
  /** Resource type the path starts from; undefined for `Resource`, `DomainResource` or a bare `nodesByType`. */
  readonly root: string | undefined;
  readonly steps: readonly Step[];
  /** `as T` / `ofType(T)` on the last step. */
  readonly ofType: string | undefined;
}

const IDENT = /^[a-z][A-Za-z0-9]*$/;
const TYPE_NAME = /^[A-Za-z][A-Za-z0-9]*$/;
const NODES_BY_TYPE = /^nodesByType\(\s*(['"])([A-Za-z][A-Za-z0-9]*)\1\s*\)$/;
const OF_TYPE = /^ofType\(\s*(?:FHIR\.)?([A-Za-z][A-Za-z0-9]*)\s*\)$/;
const AS_SUFFIX = /^(.*?)\s+as\s+(?:FHIR\.)?([A-Za-z][A-Za-z0-9]*)$/s;

/** Compiles a path to a pattern, or undefined when it needs the FHIRPath engine. */
export function compileSimplePath(path: string): SimplePattern | undefined {
  let body = path.trim();
  let ofType: string | undefined;
  const as = AS_SUFFIX.exec(body);
  if (as) {
    body = as[1]!.trim();
    ofType = as[2];
  }
  const segments = splitTopLevel(body);
  if (!segments || segments.length === 0) return undefined;
  const last = OF_TYPE.exec(segments[segments.length - 1]!);
  if (last && segments.length > 1) {
    if (ofType) return undefined;
    ofType = last[1];
    segments.pop();
  }
  let root: string | undefined;
  let first = 0;
  const head = segments[0]!;
  if (/^[A-Z]/.test(head)) {
    if (!TYPE_NAME.test(head)) return undefined;
    root = head === 'Resource' || head === 'DomainResource' ? undefined : head;
    first = 1;
  }
  const steps: Step[] = [];
  for (const segment of segments.slice(first)) {
    const byType = NODES_BY_TYPE.exec(segment);
    if (byType) steps.push({ kind: 'byType', type: byType[2]! });
    else if (IDENT.test(segment)) steps.push({ kind: 'child', name: segment });
    else return undefined;
  }
  return { root, steps, ofType };
}

/** Splits on dots outside parentheses and quotes; undefined when unbalanced. */
function splitTopLevel(text: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = undefined;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '.' && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
    if (depth < 0) return undefined;
  }
  if (depth !== 0 || quote) return undefined;
  out.push(text.slice(start).trim());
  return out.some((s) => s.length === 0) ? undefined : out;
}

/** The root type a FHIRPath expression starts from (`Patient.x.where(…)` → Patient), if any. */
export function leadingResourceType(path: string): string | undefined {
  const m = /^([A-Z][A-Za-z0-9]*)(?:\.|$)/.exec(path.trim());
  if (!m || m[1] === 'Resource' || m[1] === 'DomainResource') return undefined;
  return m[1];
}

/** `nodesByType('T')` is Microsoft's extension; in standard FHIRPath it is `descendants().ofType(T)`. */
export function toStandardFhirPath(path: string): string {
  return path.replace(/nodesByType\(\s*(['"])([A-Za-z][A-Za-z0-9]*)\1\s*\)/g, 'descendants().ofType($2)');
}

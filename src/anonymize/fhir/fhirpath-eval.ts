import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4/index.js';

/**
 * FHIRPath for the rules that need it, compiled once with the R4 model so that type functions
 * (`ofType`, `as`, choice elements) work. Results are mapped back to the walker's nodes by object
 * identity (objects) or by parent object + property + index (primitives), so the engine never has
 * to trust a path string computed by the library.
 */
export interface NodeHits {
  readonly objects: Map<object, number[]>;
  readonly primitives: Map<object, Map<string, number[]>>;
}

type Compiled = (resource: unknown, env?: Record<string, unknown>) => unknown[];

interface ResultNode {
  readonly data: unknown;
  readonly parentResNode: ResultNode | null;
  readonly propName: string | null;
  readonly index: number | null;
}

export function compileFhirPath(expression: string, base?: string): Compiled {
  const options = { resolveInternalTypes: false } as const;
  const compiled = base === undefined
    ? fhirpath.compile(expression, r4 as never, options)
    : fhirpath.compile({ base, expression } as never, r4 as never, options);
  return compiled as unknown as Compiled;
}

/** Plain-value evaluation (generalize cases). */
export function compileFhirPathValue(expression: string, base?: string): Compiled {
  const compiled = base === undefined
    ? fhirpath.compile(expression, r4 as never)
    : fhirpath.compile({ base, expression } as never, r4 as never);
  return compiled as unknown as Compiled;
}

export function emptyHits(): NodeHits {
  return { objects: new Map(), primitives: new Map() };
}

export function primitiveKey(prop: string, index: number): string {
  return index < 0 ? prop : `${prop}#${index}`;
}

/**
 * Evaluates `expr` on `view` and records the rule index on every node it selects. `original` maps
 * objects of a shallow view (a resource without its nested resources) back to the real ones.
 */
export function recordHits(hits: NodeHits, expr: Compiled, view: object, original: Map<object, object>, rule: number, root: object): void {
  const results = expr(view);
  for (const item of results) {
    const node = item as ResultNode;
    if (node === null || typeof node !== 'object' || !('parentResNode' in node)) continue;
    const data = node.data;
    if (node.parentResNode === null || node.parentResNode === undefined) {
      push(hits.objects, root, rule);
    } else if (data !== null && typeof data === 'object' && !Array.isArray(data) && !isNumberLike(data)) {
      push(hits.objects, original.get(data) ?? data, rule);
    } else if (node.propName) {
      const parentData = node.parentResNode.data as object;
      const parent = original.get(parentData) ?? parentData;
      let byKey = hits.primitives.get(parent);
      if (!byKey) hits.primitives.set(parent, (byKey = new Map()));
      push(byKey, primitiveKey(node.propName, node.index ?? -1), rule);
    }
  }
}

function isNumberLike(data: object): boolean {
  // fhirpath.js wraps decimals in its own objects; they are primitives for us.
  return typeof (data as { valueOf?: () => unknown }).valueOf === 'function' && typeof (data as { valueOf: () => unknown }).valueOf() !== 'object';
}

function push<K>(map: Map<K, number[]>, key: K, rule: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [rule]);
  else if (!list.includes(rule)) list.push(rule);
}

import { evalFhirPath, getSearchParameter, parseFhirPath, type FhirPathAtom } from '@medplum/core';
import type { Resource } from '@medplum/fhirtypes';

/** `Type/id` of a resource. */
export function refOf(resource: Resource): string {
  return `${resource.resourceType}/${resource.id}`;
}

const compiled = new Map<string, FhirPathAtom>();

/** Evaluates a FHIRPath expression, parsing each distinct expression once (parsing dominates otherwise). */
export function evaluate(expression: string, input: unknown): unknown[] {
  let atom = compiled.get(expression);
  if (!atom) {
    atom = parseFhirPath(expression);
    compiled.set(expression, atom);
  }
  return evalFhirPath(atom, input);
}

/** The relative `Type/id` references a reference search parameter selects in a resource. */
export function referencesOf(resource: Resource, resourceType: string, searchParam: string): string[] {
  const definition = getSearchParameter(resourceType, searchParam);
  if (!definition?.expression) return [];
  const out: string[] = [];
  for (const value of evaluate(definition.expression, resource)) {
    const reference = (value as { reference?: unknown } | undefined)?.reference;
    if (typeof reference === 'string' && /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(reference)) out.push(reference);
  }
  return out;
}

/** Every relative `Type/id` reference anywhere in a resource. */
export function allReferences(resource: Resource): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const item of node) walk(item);
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'reference' && typeof value === 'string' && /^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(value)) out.push(value);
        else walk(value);
      }
    }
  };
  walk(resource);
  return out;
}

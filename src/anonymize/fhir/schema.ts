import type { ElementTable } from './r4-definitions.js';
import { R4_ELEMENTS } from './r4-elements.generated.js';

export { ensureFhirSchema } from './r4-definitions.js';

/**
 * Type information for the walker: which FHIR type every JSON property of every type holds, from
 * a table generated from the R4 StructureDefinitions (see r4-definitions.ts), parsed once and then
 * cached per type, so walking a resource costs one map lookup per property.
 */
export interface ElementInfo {
  /** JSON property: `valueQuantity`. */
  readonly key: string;
  /** JSON property of its primitive extensions: `_birthDate`. */
  readonly shadowKey: string;
  /** Element name without the choice suffix: `value` for `valueQuantity`. */
  readonly name: string;
  /** FHIR type code of this property: `HumanName`, `date`, `PatientContact` (backbone), `Resource`… */
  readonly type: string;
  readonly isArray: boolean;
  /** min ≥ 1 in its parent type. */
  readonly required: boolean;
  /** `type` is a FHIR primitive (`isPrimitiveType`), decided once here rather than per element walked. */
  readonly primitive: boolean;
}

export interface TypeInfo {
  readonly name: string;
  readonly isResource: boolean;
  readonly properties: ReadonlyMap<string, ElementInfo>;
  /** The same elements by shadow key (`_birthDate`), so a walker never builds `_${key}` strings. */
  readonly shadows: ReadonlyMap<string, ElementInfo>;
  /** Element names (choice names without `[x]`) with min ≥ 1. */
  readonly required: readonly string[];
  /**
   * Per required element, the JSON properties that hold it (every `value[x]` form, and `_name`):
   * whether an object has its required elements is then a few property reads, no set built.
   */
  readonly requiredKeys: readonly (readonly string[])[];
}

const PRIMITIVES = new Set([
  'base64Binary', 'boolean', 'canonical', 'code', 'date', 'dateTime', 'decimal', 'id', 'instant', 'integer',
  'markdown', 'oid', 'positiveInt', 'string', 'time', 'unsignedInt', 'uri', 'url', 'uuid', 'xhtml',
]);

export function isPrimitiveType(type: string): boolean {
  return PRIMITIVES.has(type);
}

let table: ElementTable | undefined;
const cache = new Map<string, TypeInfo | undefined>();

export function typeInfo(typeName: string): TypeInfo | undefined {
  const cached = cache.get(typeName);
  if (cached !== undefined || cache.has(typeName)) return cached;
  table ??= JSON.parse(R4_ELEMENTS) as ElementTable;
  const entry = Object.hasOwn(table, typeName) ? table[typeName] : undefined;
  let info: TypeInfo | undefined;
  if (entry) {
    const properties = new Map<string, ElementInfo>();
    const shadows = new Map<string, ElementInfo>();
    const required = new Set<string>();
    for (const [key, name, type, isArray, req] of entry[1]) {
      const element: ElementInfo = { key, shadowKey: `_${key}`, name, type, isArray: isArray === 1, required: req === 1, primitive: PRIMITIVES.has(type) };
      properties.set(key, element);
      shadows.set(element.shadowKey, element);
      if (req === 1) required.add(name);
    }
    const requiredKeys = [...required].map((name) => [...properties.values()].filter((e) => e.name === name).flatMap((e) => [e.key, e.shadowKey]));
    info = { name: typeName, isResource: entry[0] === 1, properties, shadows, required: [...required], requiredKeys };
  }
  cache.set(typeName, info);
  return info;
}

export function isResourceType(name: string): boolean {
  return /^[A-Z][A-Za-z]+$/.test(name) && (typeInfo(name)?.isResource ?? false);
}

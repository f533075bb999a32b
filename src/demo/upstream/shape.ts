import type { Bundle, Resource, StructureDefinition } from '@medplum/fhirtypes';
import type { ShapeOptions } from './query.js';

const SUBSETTED = { system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue', code: 'SUBSETTED', display: 'subsetted' };

interface ElementFlags {
  /** Top-level element names flagged isSummary; `value[x]` is kept as the prefix `value`. */
  readonly summary: ReadonlySet<string>;
  readonly mandatory: ReadonlySet<string>;
}

/**
 * `_summary` and `_elements`, as a FHIR server applies them: keep the summary (or listed) top-level
 * elements plus the mandatory ones, and tag the resource SUBSETTED.
 */
export class ResourceShaper {
  readonly #flags = new Map<string, ElementFlags>();

  constructor(definitions: Bundle<StructureDefinition>) {
    for (const entry of definitions.entry ?? []) {
      const sd = entry.resource;
      if (sd?.resourceType !== 'StructureDefinition' || sd.kind !== 'resource' || sd.derivation === 'constraint') continue;
      const summary = new Set<string>(['id', 'meta']);
      const mandatory = new Set<string>();
      for (const element of sd.snapshot?.element ?? []) {
        const parts = element.path?.split('.') ?? [];
        if (parts.length !== 2) continue;
        const name = parts[1].replace('[x]', '');
        if (element.isSummary) summary.add(name);
        if ((element.min ?? 0) > 0) mandatory.add(name);
      }
      this.#flags.set(sd.type, { summary, mandatory });
    }
  }

  /** True when the options change what is returned (so that the caller knows to copy first). */
  static subsets(options: ShapeOptions): boolean {
    return options.elements !== undefined || (options.summary !== undefined && options.summary !== 'false' && options.summary !== 'count');
  }

  shape<T extends Resource>(resource: T, options: ShapeOptions): T {
    if (!ResourceShaper.subsets(options)) return resource;
    const flags = this.#flags.get(resource.resourceType);
    const keep = (key: string): boolean => {
      if (key === 'resourceType' || key === 'id' || key === 'meta') return true;
      if (options.summary === 'data') return key !== 'text';
      if (flags && matches(flags.mandatory, key)) return true;
      if (options.elements) return options.elements.some((e) => key === e || (e.endsWith('[x]') && key.startsWith(e.slice(0, -3))));
      if (options.summary === 'text') return key === 'text';
      return flags !== undefined && matches(flags.summary, key);
    };
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(resource)) {
      if (keep(key)) out[key] = value;
    }
    const meta = { ...(resource.meta ?? {}) };
    meta.tag = [...(meta.tag ?? []), SUBSETTED];
    out.meta = meta;
    return out as T;
  }
}

/** `valueQuantity` matches the choice element `value` (recorded without its `[x]`). */
function matches(names: ReadonlySet<string>, key: string): boolean {
  if (names.has(key)) return true;
  const choice = /^([a-z][a-zA-Z0-9]*?)[A-Z]/.exec(key);
  return choice !== null && names.has(choice[1]);
}

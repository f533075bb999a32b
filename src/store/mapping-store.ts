/**
 * Durable map from an opaque public value (a remapped DICOM UID, a pseudonym too long to be
 * reversible) back to the real value. Written *before* the public value leaves the gateway, so a
 * client never holds a value the gateway cannot resolve, also after a crash or on another replica.
 *
 * `kind` separates namespaces (e.g. `uid`, `id:Patient`). Entries are never updated: a public value
 * is a keyed function of the real one, so a second write of the same pair is a no-op.
 */
export interface MappingEntry {
  readonly kind: string;
  readonly publicValue: string;
  readonly realValue: string;
}

export interface MappingStore {
  putMany(entries: readonly MappingEntry[]): Promise<void>;
  get(kind: string, publicValue: string): Promise<string | undefined>;
  close(): Promise<void>;
}

/** For unit tests and the batch CLI: nothing survives the process. */
export class MemoryMappingStore implements MappingStore {
  readonly #map = new Map<string, string>();

  async putMany(entries: readonly MappingEntry[]): Promise<void> {
    for (const e of entries) this.#map.set(`${e.kind}\u0000${e.publicValue}`, e.realValue);
  }

  async get(kind: string, publicValue: string): Promise<string | undefined> {
    return this.#map.get(`${kind}\u0000${publicValue}`);
  }

  async close(): Promise<void> {}
}

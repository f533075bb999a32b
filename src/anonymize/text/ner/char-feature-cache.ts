/**
 * Character features of tokens already seen, keyed by the token's character-id row, least recently
 * used evicted first. The features of one token depend on its characters alone, so a cached row is
 * exactly what the character encoder would compute again. Rows live in one preallocated slab: a
 * full cache recycles the slot of the entry it evicts, nothing is allocated per token.
 *
 * Lives inside an inference worker; holds model features of character ids, never text.
 */
export class CharFeatureCache {
  readonly #slots = new Map<string, number>();
  readonly #slab: Float32Array;
  readonly #width: number;
  readonly #capacity: number;

  constructor(capacity: number, width: number) {
    this.#capacity = Math.max(1, capacity);
    this.#width = width;
    this.#slab = new Float32Array(this.#capacity * width);
  }

  /** Copies the features of `key` to `out` at `at` and marks them recently used; false when absent. */
  copyTo(key: string, out: Float32Array, at: number): boolean {
    const slot = this.#slots.get(key);
    if (slot === undefined) return false;
    // Map keeps insertion order: re-inserting makes this the most recently used.
    this.#slots.delete(key);
    this.#slots.set(key, slot);
    out.set(this.#slab.subarray(slot * this.#width, (slot + 1) * this.#width), at);
    return true;
  }

  /** Stores `features` (width values from `from`) under `key`, evicting the least recently used when full. */
  put(key: string, features: Float32Array, from: number): void {
    let slot = this.#slots.get(key);
    if (slot !== undefined) this.#slots.delete(key);
    else if (this.#slots.size < this.#capacity) slot = this.#slots.size;
    else {
      const oldest = this.#slots.keys().next().value as string;
      slot = this.#slots.get(oldest)!;
      this.#slots.delete(oldest);
    }
    this.#slots.set(key, slot);
    this.#slab.set(features.subarray(from, from + this.#width), slot * this.#width);
  }
}

/** The cache key of one token: its character ids (each below 2^16) as one short string. */
export function charRowKey(chars: Int32Array, at: number, length: number): string {
  // The shipped vocabulary's 12 characters in one call: a flat string, half the cost of building it
  // by concatenation, which matters at every token position of every batch.
  if (length === 12) {
    const c = chars;
    return String.fromCharCode(c[at]!, c[at + 1]!, c[at + 2]!, c[at + 3]!, c[at + 4]!, c[at + 5]!, c[at + 6]!, c[at + 7]!, c[at + 8]!, c[at + 9]!, c[at + 10]!, c[at + 11]!);
  }
  let key = '';
  for (let k = 0; k < length; k++) key += String.fromCharCode(chars[at + k]!);
  return key;
}

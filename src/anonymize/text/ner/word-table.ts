/**
 * The vocabulary's words, found from a token's character codes: the feature encoder looks up the
 * word of every token, and this spares slicing the token, folding it and hashing the new string
 * for a Map. A token's key codes come from a per-code table (tokenizer.ts's `KEY`: what the
 * encoder's word key makes of each character).
 *
 * Open addressing, linear probing, over typed arrays made once.
 */
export class WordTable {
  /** The words' codes, one after another. */
  readonly #codes: Uint16Array;
  readonly #start: Int32Array;
  readonly #length: Int32Array;
  readonly #id: Int32Array;
  /** Index of a word + 1, 0 where empty. */
  readonly #table: Int32Array;
  readonly #mask: number;

  /** `ids`: word → id, as the encoder's Map has it (the last of duplicate words wins there too). */
  constructor(ids: ReadonlyMap<string, number>) {
    const words = [...ids];
    this.#codes = new Uint16Array(words.reduce((n, [w]) => n + w.length, 0));
    this.#start = new Int32Array(words.length);
    this.#length = new Int32Array(words.length);
    this.#id = new Int32Array(words.length);
    this.#table = new Int32Array(tableSizeFor(words.length));
    this.#mask = this.#table.length - 1;
    let at = 0;
    words.forEach(([word, id], i) => {
      this.#start[i] = at;
      this.#length[i] = word.length;
      this.#id[i] = id;
      let hash = HASH_SEED;
      for (let k = 0; k < word.length; k++) {
        this.#codes[at + k] = word.charCodeAt(k);
        hash = hashStep(hash, word.charCodeAt(k));
      }
      at += word.length;
      let slot = hash & this.#mask;
      while (this.#table[slot] !== 0) slot = (slot + 1) & this.#mask;
      this.#table[slot] = i + 1;
    });
  }

  /**
   * The id of the word whose codes are `key[text.charCodeAt(k)]` for k in [start, start + n),
   * given `hash`, the hashStep fold of those codes from HASH_SEED; 1 (unknown) when absent.
   */
  find(text: string, start: number, n: number, hash: number, key: Int32Array): number {
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const entry = this.#table[slot]!;
      if (entry === 0) return 1;
      const i = entry - 1;
      if (this.#length[i] === n && this.#sameKey(i, text, start, n, key)) return this.#id[i]!;
    }
  }

  #sameKey(i: number, text: string, start: number, n: number, key: Int32Array): boolean {
    const at = this.#start[i]!;
    for (let k = 0; k < n; k++) if (this.#codes[at + k] !== key[text.charCodeAt(start + k)]) return false;
    return true;
  }
}

export const HASH_SEED = 0x811c9dc5;

/** FNV-1a step over one code. */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** A power of two, at least twice `entries`: probe runs stay short. */
export function tableSizeFor(entries: number): number {
  let size = 2;
  while (size < 2 * entries) size *= 2;
  return size;
}

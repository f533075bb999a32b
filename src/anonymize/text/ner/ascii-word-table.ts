/**
 * The vocabulary's ASCII words, found from a token's character codes: the feature encoder looks up
 * the word of every token, and for ASCII tokens (most of clinical text) this spares slicing the
 * token, lower-casing it and hashing the new string for a Map. Keys are what the encoder's word
 * key makes of an ASCII token: letters lower-cased, every digit '0'.
 *
 * Open addressing, linear probing, over typed arrays made once.
 */
export class AsciiWordTable {
  /** The words' key codes, one after another. */
  readonly #codes: Uint8Array;
  readonly #start: Int32Array;
  readonly #length: Int32Array;
  readonly #id: Int32Array;
  /** Index of a word + 1, 0 where empty. */
  readonly #table: Int32Array;
  readonly #mask: number;

  /** `ids`: word → id, as the encoder's Map has it (the last of duplicate words wins there too). */
  constructor(ids: ReadonlyMap<string, number>) {
    const words = [...ids].filter(([w]) => /^[\x00-\x7f]*$/.test(w));
    this.#codes = new Uint8Array(words.reduce((n, [w]) => n + w.length, 0));
    this.#start = new Int32Array(words.length);
    this.#length = new Int32Array(words.length);
    this.#id = new Int32Array(words.length);
    let tableSize = 2;
    while (tableSize < 2 * words.length) tableSize *= 2;
    this.#table = new Int32Array(tableSize);
    this.#mask = tableSize - 1;
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
   * The id of the word whose key is the ASCII token `text[start, start + n)`, given `hash`, the
   * hashStep fold of its key codes from HASH_SEED; 1 (unknown) when absent.
   */
  find(text: string, start: number, n: number, hash: number): number {
    for (let slot = hash & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const entry = this.#table[slot]!;
      if (entry === 0) return 1;
      const i = entry - 1;
      if (this.#length[i] === n && this.#sameKey(i, text, start, n)) return this.#id[i]!;
    }
  }

  #sameKey(i: number, text: string, start: number, n: number): boolean {
    const at = this.#start[i]!;
    for (let k = 0; k < n; k++) if (this.#codes[at + k] !== keyCode(text.charCodeAt(start + k))) return false;
    return true;
  }
}

export const HASH_SEED = 0x811c9dc5;

/** FNV-1a step over one key code. */
export function hashStep(hash: number, code: number): number {
  return Math.imul(hash ^ code, 0x01000193);
}

/** The word-key code of an ASCII character: capitals lower-cased, digits '0'. */
export function keyCode(code: number): number {
  if (code >= 65 && code <= 90) return code + 32;
  if (code >= 48 && code <= 57) return 48;
  return code;
}

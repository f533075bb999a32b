import { HASH_SEED, hashStep, tableSizeFor } from './word-table.js';

/**
 * Character features of tokens already seen, keyed by the token's character-id row, least recently
 * used evicted first. The features of one token depend on its characters alone, so a cached row is
 * exactly what the character encoder would compute again.
 *
 * It is looked up at every token position of every batch, so nothing is allocated per lookup: the
 * rows, their features, an open-addressing hash table over the rows and the recency list all live
 * in typed arrays made once (a string key and a Map per position cost about as much as a sixth of
 * the tagger's run). A full cache recycles the slot of the entry it evicts.
 *
 * Lives inside an inference worker, in its memory only: it holds the character-id rows of recent
 * tokens (their first maxChars folded characters, which the charset maps back to letters) and their
 * features, across documents; nothing of it is logged or leaves the worker.
 */
export class CharFeatureCache {
  /** Features of each slot, `width` floats from `slot * width`. */
  readonly features: Float32Array;
  /** Character ids per row. */
  readonly rowLength: number;
  readonly #width: number;
  readonly #capacity: number;
  /** The character-id row of each slot. */
  readonly #rows: Int32Array;
  readonly #hashOf: Int32Array;
  /** Open addressing, linear probing: slot + 1, 0 where empty. Twice the capacity or more, a power of two. */
  readonly #table: Int32Array;
  readonly #mask: number;
  /** Recency list: #head most recent, #tail least. */
  readonly #prev: Int32Array;
  readonly #next: Int32Array;
  #head = -1;
  #tail = -1;
  #size = 0;

  constructor(capacity: number, width: number, rowLength: number) {
    this.#capacity = Math.max(1, capacity);
    this.#width = width;
    this.rowLength = rowLength;
    this.features = new Float32Array(this.#capacity * width);
    this.#rows = new Int32Array(this.#capacity * rowLength);
    this.#hashOf = new Int32Array(this.#capacity);
    this.#table = new Int32Array(tableSizeFor(this.#capacity));
    this.#mask = this.#table.length - 1;
    this.#prev = new Int32Array(this.#capacity);
    this.#next = new Int32Array(this.#capacity);
  }

  /** The slot holding the row `chars[at .. at + rowLength)` (whose rowHash is `hash`), made the most recently used; -1 when absent. */
  find(chars: Int32Array, at: number, hash: number): number {
    for (let i = hash & this.#mask; ; i = (i + 1) & this.#mask) {
      const entry = this.#table[i]!;
      if (entry === 0) return -1;
      const slot = entry - 1;
      if (this.#hashOf[slot] === hash && sameRow(this.#rows, slot * this.rowLength, chars, at, this.rowLength)) {
        this.#touch(slot);
        return slot;
      }
    }
  }

  /**
   * Stores the features of a row that `find` did not find (width values of `from` at `fromAt`), in a
   * new slot or the least recently used one's.
   */
  put(chars: Int32Array, at: number, hash: number, from: Float32Array, fromAt: number): void {
    let slot: number;
    if (this.#size < this.#capacity) slot = this.#size++;
    else {
      slot = this.#tail;
      this.#unlink(slot);
      this.#removeFromTable(slot);
    }
    for (let k = 0; k < this.rowLength; k++) this.#rows[slot * this.rowLength + k] = chars[at + k]!;
    this.#hashOf[slot] = hash;
    let i = hash & this.#mask;
    while (this.#table[i] !== 0) i = (i + 1) & this.#mask;
    this.#table[i] = slot + 1;
    this.#linkFirst(slot);
    for (let k = 0; k < this.#width; k++) this.features[slot * this.#width + k] = from[fromAt + k]!;
  }

  /** Backward-shift deletion: later entries of the probe run move up, so no tombstones build up. */
  #removeFromTable(slot: number): void {
    const mask = this.#mask;
    let i = this.#hashOf[slot]! & mask;
    while (this.#table[i] !== slot + 1) i = (i + 1) & mask;
    for (let j = (i + 1) & mask; this.#table[j] !== 0; j = (j + 1) & mask) {
      const home = this.#hashOf[this.#table[j]! - 1]! & mask;
      // The entry at j may fill the hole at i when its home is not in the cyclic range (i, j].
      if ((j > i && (home <= i || home > j)) || (j < i && home <= i && home > j)) {
        this.#table[i] = this.#table[j]!;
        i = j;
      }
    }
    this.#table[i] = 0;
  }

  #touch(slot: number): void {
    if (slot === this.#head) return;
    this.#unlink(slot);
    this.#linkFirst(slot);
  }

  #unlink(slot: number): void {
    const prev = this.#prev[slot]!;
    const next = this.#next[slot]!;
    if (prev >= 0) this.#next[prev] = next;
    else this.#head = next;
    if (next >= 0) this.#prev[next] = prev;
    else this.#tail = prev;
  }

  #linkFirst(slot: number): void {
    this.#prev[slot] = -1;
    this.#next[slot] = this.#head;
    if (this.#head >= 0) this.#prev[this.#head] = slot;
    this.#head = slot;
    if (this.#tail < 0) this.#tail = slot;
  }
}

/**
 * The rows a batch lacks, each once: its positions are looked up by row, so that a token missing
 * from the cache is computed once per batch however often it repeats there (and however small the
 * cache). Open addressing over the batch's own `chars`; made per batch, only when something misses.
 */
export class MissingRows {
  /** Position of the row's first occurrence + 1, 0 where empty. */
  readonly #table: Int32Array;
  readonly #mask: number;
  /** The first position of each missing row, in the order found. */
  readonly positions: number[] = [];
  readonly hashes: number[] = [];

  /** `positionCount`: the batch's token positions, the most rows that can be missing. */
  constructor(
    private readonly chars: Int32Array,
    private readonly rowLength: number,
    positionCount: number,
  ) {
    this.#table = new Int32Array(tableSizeFor(positionCount));
    this.#mask = this.#table.length - 1;
  }

  /** The index (in `positions`) of the row at position `p`, added when new. */
  indexOf(p: number, hash: number): number {
    const at = p * this.rowLength;
    for (let i = hash & this.#mask; ; i = (i + 1) & this.#mask) {
      const entry = this.#table[i]!;
      if (entry === 0) {
        this.#table[i] = this.positions.length + 1;
        this.positions.push(p);
        this.hashes.push(hash);
        return this.positions.length - 1;
      }
      const index = entry - 1;
      if (this.hashes[index] === hash && sameRow(this.chars, this.positions[index]! * this.rowLength, this.chars, at, this.rowLength)) return index;
    }
  }
}

/** FNV-1a over a character-id row (word-table.ts's hashStep), its high bits folded into the low ones. */
export function rowHash(chars: Int32Array, at: number, length: number): number {
  let h = HASH_SEED;
  for (let k = 0; k < length; k++) h = hashStep(h, chars[at + k]!);
  return (h ^ (h >>> 15)) | 0;
}

function sameRow(a: Int32Array, aAt: number, b: Int32Array, bAt: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (a[aAt + k] !== b[bAt + k]) return false;
  return true;
}

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
 * A slot can be reserved before its features exist (`reserve`): the batch that missed the row
 * computes them and `fill`s the slot, unless a later miss of the same batch recycled it meanwhile.
 * A slot waiting for another batch (one that failed before filling it, or one still running: the
 * worker's batches interleave at each model run) is stale for this one: its features are never
 * read, this batch computes the row again and waits for it itself.
 *
 * Lives inside an inference worker; holds model features of character ids, never text.
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
  /** Per slot: the batch whose features it waits for (0 once filled), and that batch's row. */
  readonly #waitingBatch: Int32Array;
  readonly #waitingRow: Int32Array;

  constructor(capacity: number, width: number, rowLength: number) {
    this.#capacity = Math.max(1, capacity);
    this.#width = width;
    this.rowLength = rowLength;
    this.features = new Float32Array(this.#capacity * width);
    this.#rows = new Int32Array(this.#capacity * rowLength);
    this.#hashOf = new Int32Array(this.#capacity);
    let tableSize = 2;
    while (tableSize < 2 * this.#capacity) tableSize *= 2;
    this.#table = new Int32Array(tableSize);
    this.#mask = tableSize - 1;
    this.#prev = new Int32Array(this.#capacity);
    this.#next = new Int32Array(this.#capacity);
    this.#waitingBatch = new Int32Array(this.#capacity);
    this.#waitingRow = new Int32Array(this.#capacity);
  }

  /** The slot holding the row `chars[at .. at + rowLength)`, made the most recently used; -1 when absent. */
  find(chars: Int32Array, at: number): number {
    const hash = this.#hash(chars, at);
    for (let i = hash & this.#mask; ; i = (i + 1) & this.#mask) {
      const entry = this.#table[i]!;
      if (entry === 0) return -1;
      const slot = entry - 1;
      if (this.#hashOf[slot] === hash && this.#sameRow(slot, chars, at)) {
        this.#touch(slot);
        return slot;
      }
    }
  }

  /**
   * READY (-1) when the slot's features are there; the row of `batch` it waits for; STALE (-2) when
   * it waits for another batch: then `wait` for this one.
   */
  waitingRow(slot: number, batch: number): number {
    const waitsFor = this.#waitingBatch[slot]!;
    if (waitsFor === 0) return CharFeatureCache.READY;
    return waitsFor === batch ? this.#waitingRow[slot]! : CharFeatureCache.STALE;
  }

  static readonly READY = -1;
  static readonly STALE = -2;

  /**
   * Takes a slot for a row that `find` did not find (the least recently used one when full), to be
   * filled with the features of row `row` of batch `batch` (a nonzero number, new for each batch).
   */
  reserve(chars: Int32Array, at: number, batch: number, row: number): number {
    let slot: number;
    if (this.#size < this.#capacity) slot = this.#size++;
    else {
      slot = this.#tail;
      this.#unlink(slot);
      this.#removeFromTable(slot);
    }
    const hash = this.#hash(chars, at);
    this.#rows.set(chars.subarray(at, at + this.rowLength), slot * this.rowLength);
    this.#hashOf[slot] = hash;
    let i = hash & this.#mask;
    while (this.#table[i] !== 0) i = (i + 1) & this.#mask;
    this.#table[i] = slot + 1;
    this.#linkFirst(slot);
    this.wait(slot, batch, row);
    return slot;
  }

  /** Marks `slot` as waiting for row `row` of batch `batch`. */
  wait(slot: number, batch: number, row: number): void {
    this.#waitingBatch[slot] = batch;
    this.#waitingRow[slot] = row;
  }

  /** Stores the features computed for row `row` of batch `batch` (width values of `from` at `fromAt`) if `slot` still waits for them. */
  fill(slot: number, batch: number, row: number, from: Float32Array, fromAt: number): void {
    if (this.#waitingBatch[slot] !== batch || this.#waitingRow[slot] !== row) return;
    this.#waitingBatch[slot] = 0;
    this.features.set(from.subarray(fromAt, fromAt + this.#width), slot * this.#width);
  }

  #hash(chars: Int32Array, at: number): number {
    let h = 0x811c9dc5;
    for (let k = 0; k < this.rowLength; k++) h = Math.imul(h ^ chars[at + k]!, 0x01000193);
    return (h ^ (h >>> 15)) | 0;
  }

  #sameRow(slot: number, chars: Int32Array, at: number): boolean {
    const base = slot * this.rowLength;
    for (let k = 0; k < this.rowLength; k++) if (this.#rows[base + k] !== chars[at + k]) return false;
    return true;
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

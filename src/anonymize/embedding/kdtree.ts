/**
 * Exact nearest-neighbour search in the projected space: a KD-tree over n points of dimension d
 * (d = ncp, small), built by median splits on the widest dimension, leaves of a few points.
 * Queries keep a bounded max-heap of the k best candidates and prune a subtree when the squared
 * distance to its splitting plane already exceeds the current k-th best.
 *
 * Everything lives in typed arrays (points, permutation, split values), so 1M points cost a few
 * tens of MB and no per-node objects.
 */
const LEAF_SIZE = 12;

export interface Neighbours {
  /** k indexes per query, nearest first (n×k row-major). */
  readonly indexes: Int32Array;
  /** The matching Euclidean distances (n×k row-major). */
  readonly distances: Float64Array;
}

export class KdTree {
  readonly size: number;
  readonly dimension: number;
  readonly #points: Float64Array;
  /** Permutation of point indexes; each node covers a contiguous range of it. */
  readonly #order: Int32Array;
  /** Per node: split dimension (−1 for a leaf), split value, range start/end, children. */
  readonly #splitDim: Int32Array;
  readonly #splitValue: Float64Array;
  readonly #start: Int32Array;
  readonly #end: Int32Array;
  readonly #left: Int32Array;
  readonly #right: Int32Array;
  #nodeCount = 0;

  constructor(points: Float64Array, dimension: number) {
    if (dimension < 1 || points.length % dimension !== 0) throw new RangeError('points do not match the dimension');
    this.dimension = dimension;
    this.size = points.length / dimension;
    this.#points = points;
    this.#order = new Int32Array(this.size);
    for (let i = 0; i < this.size; i++) this.#order[i] = i;
    const maxNodes = Math.max(1, 2 * Math.ceil(this.size / (LEAF_SIZE / 2)) + 1);
    this.#splitDim = new Int32Array(maxNodes);
    this.#splitValue = new Float64Array(maxNodes);
    this.#start = new Int32Array(maxNodes);
    this.#end = new Int32Array(maxNodes);
    this.#left = new Int32Array(maxNodes);
    this.#right = new Int32Array(maxNodes);
    if (this.size > 0) this.#build(0, this.size);
  }

  #build(start: number, end: number): number {
    const node = this.#nodeCount++;
    this.#start[node] = start;
    this.#end[node] = end;
    if (end - start <= LEAF_SIZE) {
      this.#splitDim[node] = -1;
      return node;
    }
    const d = this.dimension;
    let widest = 0;
    let widestSpread = -1;
    for (let dim = 0; dim < d; dim++) {
      let lo = Infinity;
      let hi = -Infinity;
      for (let i = start; i < end; i++) {
        const v = this.#points[this.#order[i]! * d + dim]!;
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
      if (hi - lo > widestSpread) {
        widestSpread = hi - lo;
        widest = dim;
      }
    }
    if (widestSpread <= 0) {
      // All points identical: a leaf, however large, is the honest answer.
      this.#splitDim[node] = -1;
      return node;
    }
    const mid = (start + end) >>> 1;
    this.#select(start, end - 1, mid, widest);
    this.#splitDim[node] = widest;
    this.#splitValue[node] = this.#points[this.#order[mid]! * d + widest]!;
    this.#left[node] = this.#build(start, mid);
    this.#right[node] = this.#build(mid, end);
    return node;
  }

  /** Quickselect (Hoare partition, median-of-three) so that order[k] holds the k-th value along dim. */
  #select(lo: number, hi: number, k: number, dim: number): void {
    const order = this.#order;
    const pts = this.#points;
    const d = this.dimension;
    const value = (i: number): number => pts[order[i]! * d + dim]!;
    while (hi > lo) {
      const m = (lo + hi) >>> 1;
      const a = value(lo);
      const b = value(m);
      const c = value(hi);
      const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b;
      let i = lo;
      let j = hi;
      while (i <= j) {
        while (value(i) < pivot) i++;
        while (value(j) > pivot) j--;
        if (i <= j) {
          const t = order[i]!;
          order[i] = order[j]!;
          order[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) hi = j;
      else if (k >= i) lo = i;
      else return;
    }
  }

  /**
   * The k nearest points to each query (queries: m×d row-major). `exclude(q)` names a point index
   * to skip for query q (the record itself when searching a table against itself), or −1.
   * Ties in distance are broken by the lower point index, so results are deterministic.
   */
  knn(queries: Float64Array, k: number, exclude?: (query: number) => number): Neighbours {
    const d = this.dimension;
    const m = queries.length / d;
    const available = this.size - (exclude ? 1 : 0);
    if (k < 1 || k > available) throw new RangeError('k is out of range for this tree');
    const indexes = new Int32Array(m * k);
    const distances = new Float64Array(m * k);
    const heapIdx = new Int32Array(k);
    const heapDist = new Float64Array(k);
    const query = new Float64Array(d);
    for (let q = 0; q < m; q++) {
      for (let j = 0; j < d; j++) query[j] = queries[q * d + j]!;
      let count = 0;
      const skip = exclude ? exclude(q) : -1;
      const consider = (index: number, dist2: number): void => {
        if (count < k) {
          // Sift up in a max-heap ordered by (distance, index).
          let c = count++;
          while (c > 0) {
            const parent = (c - 1) >> 1;
            if (worse(heapDist[parent]!, heapIdx[parent]!, dist2, index)) break;
            heapDist[c] = heapDist[parent]!;
            heapIdx[c] = heapIdx[parent]!;
            c = parent;
          }
          heapDist[c] = dist2;
          heapIdx[c] = index;
        } else if (worse(heapDist[0]!, heapIdx[0]!, dist2, index)) {
          // Replace the root and sift down.
          let c = 0;
          for (;;) {
            const l = 2 * c + 1;
            if (l >= k) break;
            const r = l + 1;
            const big = r < k && worse(heapDist[r]!, heapIdx[r]!, heapDist[l]!, heapIdx[l]!) ? r : l;
            if (!worse(heapDist[big]!, heapIdx[big]!, dist2, index)) break;
            heapDist[c] = heapDist[big]!;
            heapIdx[c] = heapIdx[big]!;
            c = big;
          }
          heapDist[c] = dist2;
          heapIdx[c] = index;
        }
      };
      const bound = (): number => (count < k ? Infinity : heapDist[0]!);
      this.#search(0, query, skip, consider, bound);
      // Heap sort into ascending order.
      const pairs = Array.from({ length: count }, (_, i) => [heapDist[i]!, heapIdx[i]!] as const);
      pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      for (let i = 0; i < k; i++) {
        indexes[q * k + i] = pairs[i]![1];
        distances[q * k + i] = Math.sqrt(pairs[i]![0]);
      }
    }
    return { indexes, distances };
  }

  #search(node: number, query: Float64Array, skip: number, consider: (i: number, d2: number) => void, bound: () => number): void {
    const dim = this.#splitDim[node]!;
    if (dim < 0) {
      const d = this.dimension;
      for (let i = this.#start[node]!; i < this.#end[node]!; i++) {
        const index = this.#order[i]!;
        if (index === skip) continue;
        let dist2 = 0;
        const base = index * d;
        for (let j = 0; j < d; j++) {
          const diff = this.#points[base + j]! - query[j]!;
          dist2 += diff * diff;
        }
        if (dist2 <= bound()) consider(index, dist2);
      }
      return;
    }
    const delta = query[dim]! - this.#splitValue[node]!;
    const near = delta < 0 ? this.#left[node]! : this.#right[node]!;
    const far = delta < 0 ? this.#right[node]! : this.#left[node]!;
    this.#search(near, query, skip, consider, bound);
    // <= keeps equal-distance points on the far side reachable, so ties resolve by index.
    if (delta * delta <= bound()) this.#search(far, query, skip, consider, bound);
  }

  /**
   * For one query point, counts the points strictly closer than √radiusSquared and those exactly
   * at it, skipping `skip`. Squared distances are summed in the same order as `squaredDistance`,
   * so a radius computed with it compares exactly (ties are real ties, not rounding noise).
   */
  countWithin(query: Float64Array, radiusSquared: number, skip = -1): { closer: number; tied: number } {
    const r2 = radiusSquared;
    let closer = 0;
    let tied = 0;
    const d = this.dimension;
    const visit = (node: number): void => {
      const dim = this.#splitDim[node]!;
      if (dim < 0) {
        for (let i = this.#start[node]!; i < this.#end[node]!; i++) {
          const index = this.#order[i]!;
          if (index === skip) continue;
          let dist2 = 0;
          for (let j = 0; j < d; j++) {
            const diff = this.#points[index * d + j]! - query[j]!;
            dist2 += diff * diff;
          }
          if (dist2 < r2) closer++;
          else if (dist2 === r2) tied++;
        }
        return;
      }
      const delta = query[dim]! - this.#splitValue[node]!;
      visit(delta < 0 ? this.#left[node]! : this.#right[node]!);
      if (delta * delta <= r2) visit(delta < 0 ? this.#right[node]! : this.#left[node]!);
    };
    if (this.size > 0) visit(0);
    return { closer, tied };
  }
}

/** True when (da, ia) ranks after (db, ib): farther, or equally far with a higher index. */
function worse(da: number, ia: number, db: number, ib: number): boolean {
  return da > db || (da === db && ia > ib);
}

/** Squared Euclidean distance between row a of `x` and row b of `y` (both n×d), summed in the tree's order. */
export function squaredDistance(x: Float64Array, a: number, y: Float64Array, b: number, d: number): number {
  let dist2 = 0;
  for (let j = 0; j < d; j++) {
    const diff = x[a * d + j]! - y[b * d + j]!;
    dist2 += diff * diff;
  }
  return dist2;
}

/**
 * The neighbour search behind avatar generation, as an interface with two implementations: the
 * embedded KD-tree (default, `kdTreeSearch`) and PostgreSQL's `cube` GiST index
 * (`src/cohort/postgres-neighbour-search.ts`, for builds that should not hold the search in the
 * gateway process). Avatars depend on the exact neighbours and distances, so every implementation
 * must give the KD-tree's answer bit for bit (tested against a real PostgreSQL):
 *
 * - for each row i of the range, the k rows nearest to row i, row i itself excluded, nearest first;
 * - equal squared distances ordered by the lower row index;
 * - distances are √(Σ_j (x_j − y_j)²) summed over j = 0..d−1 in that order (`squaredDistance`).
 */
import { KdTree } from './kdtree.js';
import type { Neighbours } from './kdtree.js';

export type { Neighbours } from './kdtree.js';

/** An index over the n rows of one projected table (n×d row-major), searched against itself. */
export interface NeighbourIndex {
  readonly size: number;
  readonly dimension: number;
  /** The k nearest neighbours of rows [start, end) (row-major (end−start)×k, see the contract above). */
  neighboursOfRows(start: number, end: number, k: number): Promise<Neighbours>;
  /** Releases what the index holds (a database table, connections). */
  close(): Promise<void>;
}

export interface NeighbourSearch {
  /** Short name for reports and benchmarks ('kd-tree', 'postgres-cube'). */
  readonly name: string;
  /** Indexes the points; the caller closes the returned index. */
  index(points: Float64Array, dimension: number): Promise<NeighbourIndex>;
}

/** The embedded default: an exact KD-tree in the process (typed arrays, no I/O). */
export const kdTreeSearch: NeighbourSearch = {
  name: 'kd-tree',
  async index(points, dimension) {
    return kdTreeIndex(new KdTree(points, dimension), points);
  },
};

/** A synchronous view of the KD-tree index, for the synchronous `generateAvatars`. */
export function kdTreeIndex(tree: KdTree, points: Float64Array): NeighbourIndex & { neighboursOfRowsSync(start: number, end: number, k: number): Neighbours } {
  const d = tree.dimension;
  const neighboursOfRowsSync = (start: number, end: number, k: number): Neighbours => tree.knn(points.subarray(start * d, end * d), k, (q) => start + q);
  return {
    size: tree.size,
    dimension: d,
    neighboursOfRowsSync,
    neighboursOfRows: (start, end, k) => Promise.resolve(neighboursOfRowsSync(start, end, k)),
    close: () => Promise.resolve(),
  };
}

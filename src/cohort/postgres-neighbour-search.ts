import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { squaredDistance } from '../anonymize/embedding/kdtree.js';
import type { NeighbourIndex, NeighbourSearch, Neighbours } from '../anonymize/embedding/index.js';
import { VoileError } from '../errors.js';

/**
 * Neighbour search in PostgreSQL with the contrib `cube` extension: the projected points go into a
 * scratch UNLOGGED table with a GiST index, and each row's neighbours come from a KNN index scan
 * (`ORDER BY coords <-> cube(...) LIMIT k+…`), many rows per round trip (LATERAL over a batch) and
 * several batches in parallel on separate connections.
 *
 * Exactly the KD-tree's answer (the contract of `NeighbourSearch`): PostgreSQL only selects the
 * candidates. Their squared distances are recomputed here from the same coordinates, in the same
 * summation order, and sorted by (squared distance, index). Adding `, id` to the SQL ORDER BY would
 * make PostgreSQL sort the whole table per query (the index only orders by distance), so instead a
 * query asks for a few candidates more than k, and is asked again with a larger limit whenever the
 * last candidate is not strictly farther than the k-th: then every point that can rank among the k
 * (equal distances, or squared distances that differ but share a square root) is among the
 * candidates.
 *
 * cube holds at most 100 dimensions (CUBE_MAX_DIM): a larger ncp is refused, not truncated.
 */
export const CUBE_MAX_DIMENSIONS = 100;

export interface PostgresNeighbourSearchOptions {
  readonly connectionString: string;
  /** Rows whose neighbours one query fetches. Default 256. */
  readonly batchSize?: number;
  /** Batches run at once, one connection each. Default 2. */
  readonly connections?: number;
}

/** Candidates fetched beyond k (and the row itself) before a query needs asking again. */
const EXTRA_CANDIDATES = 4;
/** Rows per INSERT while loading the points. */
const LOAD_BATCH = 10_000;

export function postgresCubeSearch(options: PostgresNeighbourSearchOptions): NeighbourSearch {
  const batchSize = options.batchSize ?? 256;
  const connections = options.connections ?? 2;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError('batchSize must be a positive integer');
  if (!Number.isInteger(connections) || connections < 1) throw new RangeError('connections must be a positive integer');
  return {
    name: 'postgres-cube',
    async index(points, dimension) {
      if (dimension > CUBE_MAX_DIMENSIONS) {
        throw new VoileError('BAD_REQUEST', `The PostgreSQL cube neighbour search holds at most ${CUBE_MAX_DIMENSIONS} dimensions: ncp must be at most ${CUBE_MAX_DIMENSIONS}`);
      }
      if (dimension < 1 || points.length % dimension !== 0) throw new RangeError('points do not match the dimension');
      const pool = new pg.Pool({ connectionString: options.connectionString, max: connections });
      // An idle client losing its server must not crash the process; the next query fails cleanly.
      pool.on('error', () => {});
      const table = `voile_knn_${randomBytes(8).toString('hex')}`;
      try {
        await loadPoints(pool, table, points, dimension);
      } catch (cause) {
        await dropQuietly(pool, table);
        await pool.end().catch(() => {});
        throw new VoileError('UPSTREAM_UNAVAILABLE', 'The PostgreSQL neighbour search could not be prepared', { cause });
      }
      return new CubeIndex(pool, table, points, dimension, batchSize, connections);
    },
  };
}

async function loadPoints(pool: pg.Pool, table: string, points: Float64Array, d: number): Promise<void> {
  const n = points.length / d;
  // Two builds starting at once could both try to create the extension: one at a time.
  await pool.query(`BEGIN; SELECT pg_advisory_xact_lock(hashtext('voile_knn:cube')); CREATE EXTENSION IF NOT EXISTS cube; COMMIT`);
  await pool.query(`CREATE UNLOGGED TABLE ${table} (id integer PRIMARY KEY, coords cube NOT NULL)`);
  for (let start = 0; start < n; start += LOAD_BATCH) {
    const end = Math.min(n, start + LOAD_BATCH);
    // float8 parameters travel as JavaScript's shortest round-trip decimal, which PostgreSQL reads
    // back to the same double: the stored coordinates are the KD-tree's, bit for bit.
    await pool.query(
      `INSERT INTO ${table} (id, coords)
       SELECT $1::int + g, cube(($2::float8[])[g * $3 + 1 : (g + 1) * $3]) FROM generate_series(0, $4::int - 1) AS g`,
      [start, Array.from(points.subarray(start * d, end * d)), d, end - start],
    );
  }
  // The index is built once over all rows (faster than growing it row by row).
  await pool.query(`CREATE INDEX ON ${table} USING gist (coords)`);
  await pool.query(`ANALYZE ${table}`);
}

async function dropQuietly(pool: pg.Pool, table: string): Promise<void> {
  await pool.query(`DROP TABLE IF EXISTS ${table}`).catch(() => {});
}

class CubeIndex implements NeighbourIndex {
  readonly size: number;
  readonly dimension: number;
  readonly #pool: pg.Pool;
  readonly #table: string;
  readonly #points: Float64Array;
  readonly #batchSize: number;
  readonly #connections: number;
  readonly #sql: string;

  constructor(pool: pg.Pool, table: string, points: Float64Array, dimension: number, batchSize: number, connections: number) {
    this.#pool = pool;
    this.#table = table;
    this.#points = points;
    this.dimension = dimension;
    this.size = points.length / dimension;
    this.#batchSize = batchSize;
    this.#connections = connections;
    // $1: query coordinates (flat), $2: dimension, $3: number of queries, $4: candidates per query.
    this.#sql = `SELECT q.ord, n.id FROM generate_series(0, $3::int - 1) AS q(ord)
      CROSS JOIN LATERAL (SELECT cube(($1::float8[])[q.ord * $2 + 1 : (q.ord + 1) * $2]) AS c) AS qc
      CROSS JOIN LATERAL (SELECT p.id FROM ${table} AS p ORDER BY p.coords <-> qc.c LIMIT $4) AS n`;
  }

  async neighboursOfRows(start: number, end: number, k: number): Promise<Neighbours> {
    if (!Number.isInteger(k) || k < 1 || k > this.size - 1) throw new RangeError('k is out of range for this index');
    const m = end - start;
    const indexes = new Int32Array(m * k);
    const distances = new Float64Array(m * k);
    const batches: [number, number][] = [];
    for (let s = start; s < end; s += this.#batchSize) batches.push([s, Math.min(end, s + this.#batchSize)]);
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < batches.length) {
        const [s, e] = batches[next++]!;
        const candidates = await this.#candidates(s, e, k + 1 + EXTRA_CANDIDATES);
        for (let row = s; row < e; row++) {
          let list = candidates[row - s]!;
          let limit = k + 1 + EXTRA_CANDIDATES;
          while (!this.#complete(row, list, k, limit)) {
            limit *= 2;
            list = (await this.#candidates(row, row + 1, limit))[0]!;
          }
          this.#rank(row, list, k, indexes, distances, (row - start) * k);
        }
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(this.#connections, batches.length) }, worker));
    } catch (cause) {
      throw new VoileError('UPSTREAM_UNAVAILABLE', 'The PostgreSQL neighbour search failed', { cause });
    }
    return { indexes, distances };
  }

  /** Candidate ids per query row of [start, end), in PostgreSQL's distance order. */
  async #candidates(start: number, end: number, limit: number): Promise<number[][]> {
    const d = this.dimension;
    const result = await this.#pool.query<[number, number]>({
      text: this.#sql,
      values: [Array.from(this.#points.subarray(start * d, end * d)), d, end - start, Math.min(limit, this.size)],
      rowMode: 'array',
    });
    const lists: number[][] = Array.from({ length: end - start }, () => []);
    for (const [ord, id] of result.rows) lists[ord]!.push(id);
    return lists;
  }

  /**
   * True when the candidates certainly hold the k nearest by (squared distance, index): the list
   * reached the whole table, or its last candidate lies strictly farther than the k-th other point.
   */
  #complete(row: number, list: readonly number[], k: number, limit: number): boolean {
    if (list.length < Math.min(limit, this.size)) return true;
    if (limit >= this.size) return true;
    const d = this.dimension;
    const others = list.filter((id) => id !== row).map((id) => Math.sqrt(squaredDistance(this.#points, id, this.#points, row, d)));
    if (others.length <= k) return false;
    const kth = [...others].sort((a, b) => a - b)[k - 1]!;
    return Math.sqrt(squaredDistance(this.#points, list[list.length - 1]!, this.#points, row, d)) > kth;
  }

  /** Writes the k nearest candidates of `row` by (squared distance, index) at `offset`. */
  #rank(row: number, list: readonly number[], k: number, indexes: Int32Array, distances: Float64Array, offset: number): void {
    const d = this.dimension;
    const ranked = list
      .filter((id) => id !== row)
      .map((id) => [squaredDistance(this.#points, id, this.#points, row, d), id] as const)
      .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    for (let j = 0; j < k; j++) {
      indexes[offset + j] = ranked[j]![1];
      distances[offset + j] = Math.sqrt(ranked[j]![0]);
    }
  }

  async close(): Promise<void> {
    await dropQuietly(this.#pool, this.#table);
    await this.#pool.end().catch(() => {});
  }
}

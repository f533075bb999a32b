import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateAvatars, generateAvatarsWith } from '../../src/anonymize/embedding/avatars.js';
import { KdTree } from '../../src/anonymize/embedding/kdtree.js';
import { kdTreeSearch } from '../../src/anonymize/embedding/neighbour-search.js';
import type { NeighbourSearch } from '../../src/anonymize/embedding/neighbour-search.js';
import { seededRandom } from '../../src/anonymize/embedding/random.js';
import type { Row, Table } from '../../src/anonymize/embedding/table.js';
import { postgresCubeSearch } from '../../src/cohort/postgres-neighbour-search.js';
import { VoileError } from '../../src/errors.js';
import { postgresBinDir, startPostgres, type RunningPostgres } from '../audit/postgres-server.js';

function randomPoints(n: number, d: number, seed: number, grid = 0): Float64Array {
  const random = seededRandom(seed);
  // A coarse grid makes exact ties and duplicates frequent (the hard case for tie order).
  return Float64Array.from({ length: n * d }, () => (grid ? Math.floor(random.next() * grid) : random.next()));
}

async function allNeighbours(search: NeighbourSearch, points: Float64Array, d: number, k: number) {
  const index = await search.index(points, d);
  try {
    return await index.neighboursOfRows(0, points.length / d, k);
  } finally {
    await index.close();
  }
}

/** A mixed table with missing values and many duplicate rows. */
function mixedTable(n: number, seed: number): Table {
  const random = seededRandom(seed);
  const rows: Row[] = Array.from({ length: n }, () => {
    const group = Math.floor(random.next() * 4);
    return [
      random.next() < 0.05 ? null : Math.round((40 + 10 * group + 8 * random.next()) * 10) / 10,
      Math.floor(random.next() * 3) + group,
      ['a', 'b', 'c'][Math.floor(random.next() * 3) % (group + 1)]!,
      random.next() < 0.5 ? 'yes' : 'no',
    ];
  });
  return {
    columns: [
      { name: 'x', kind: 'numeric' },
      { name: 'score', kind: 'numeric' },
      { name: 'colour', kind: 'categorical' },
      { name: 'flag', kind: 'categorical' },
    ],
    rows,
  };
}

// Needs the PostgreSQL server binaries (Debian postgresql-15 with its contrib cube extension).
describe.skipIf(postgresBinDir() === undefined)('PostgreSQL cube neighbour search against a real PostgreSQL', () => {
  let server: RunningPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  });
  afterAll(async () => server?.stop());

  it('gives the KD-tree neighbours and distances bit for bit, ties included (continuous, gridded and duplicate-heavy points)', async () => {
    // Small batches and one extra connection exercise the batching, parallel queries and re-asking.
    const cube = postgresCubeSearch({ connectionString: server.connectionString, batchSize: 37, connections: 3 });
    for (const [grid, d, k] of [
      [0, 5, 20],
      [4, 3, 7],
      [2, 2, 15],
    ] as const) {
      const points = randomPoints(700, d, 31 + grid, grid);
      const expected = await allNeighbours(kdTreeSearch, points, d, k);
      const actual = await allNeighbours(cube, points, d, k);
      expect(Array.from(actual.indexes)).toEqual(Array.from(expected.indexes));
      expect(Array.from(actual.distances)).toEqual(Array.from(expected.distances));
    }
    // The KD-tree interface answers what the tree itself answers.
    const points = randomPoints(200, 4, 3);
    const direct = new KdTree(points, 4).knn(points, 6, (q) => q);
    expect(Array.from((await allNeighbours(kdTreeSearch, points, 4, 6)).indexes)).toEqual(Array.from(direct.indexes));
  });

  it('generates the same avatars as the embedded search for the same seed', async () => {
    const cube = postgresCubeSearch({ connectionString: server.connectionString, batchSize: 64 });
    const table = mixedTable(900, 5);
    for (const options of [
      { k: 10, ncp: 3, seed: 11 },
      { k: 5, ncp: 2, seed: 12, categoricalDecoding: 'weighted-draw' as const },
    ]) {
      const embedded = generateAvatars(table, options);
      const viaPostgres = await generateAvatarsWith(table, options, cube);
      expect(viaPostgres.avatars.rows).toEqual(embedded.avatars.rows);
      expect(Array.from(viaPostgres.originalCoordinates)).toEqual(Array.from(embedded.originalCoordinates));
    }
  });

  it('leaves no scratch table behind once the index is closed', async () => {
    const cube = postgresCubeSearch({ connectionString: server.connectionString });
    const index = await cube.index(randomPoints(50, 2, 9), 2);
    const client = new pg.Client({ connectionString: server.connectionString });
    await client.connect();
    try {
      const count = async () => Number((await client.query("SELECT count(*) AS n FROM pg_tables WHERE tablename LIKE 'voile_knn_%'")).rows[0].n);
      expect(await count()).toBe(1);
      await index.close();
      expect(await count()).toBe(0);
    } finally {
      await client.end();
    }
  });
});

describe('PostgreSQL cube neighbour search limits', () => {
  it('refuses more than 100 dimensions (ncp) before touching the database', async () => {
    // Nothing listens on port 1: the refusal must come first, as a clean BAD_REQUEST.
    const cube = postgresCubeSearch({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    const error = await cube.index(new Float64Array(101 * 3), 101).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoileError);
    expect((error as VoileError).code).toBe('BAD_REQUEST');
    expect((error as VoileError).message).toMatch(/at most 100/);
  });

  it('fails cleanly when the database cannot be reached', async () => {
    const cube = postgresCubeSearch({ connectionString: 'postgres://nobody@127.0.0.1:1/none' });
    const error = await cube.index(randomPoints(30, 2, 1), 2).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VoileError);
    expect((error as VoileError).code).toBe('UPSTREAM_UNAVAILABLE');
    expect((error as VoileError).message).not.toMatch(/nobody|127\.0\.0\.1|ECONNREFUSED/);
  });
});

import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { NeighbourSearch } from '../anonymize/embedding/index.js';
import { VoileError } from '../errors.js';
import { lazySchema, openPool } from '../store/postgres-shared.js';
import { parseAvatar, parseBuild, type AvatarBuildStore, type NewBuild, type PatientAvatar, type StoredBuild } from './store.js';

export interface PostgresAvatarStoreOptions {
  readonly connectionString: string;
  /** Table name prefix: `<prefix>_build` and `<prefix>_patient`. Default `voile_avatar`. */
  readonly tablePrefix?: string;
  /** How often a replica checks for builds replaced elsewhere. Default 5 s. */
  readonly refreshIntervalMs?: number;
  /**
   * Lookups fail closed (`UPSTREAM_UNAVAILABLE`) when the builds in memory were last confirmed
   * current longer ago than this. Default three refresh intervals.
   */
  readonly maxStalenessMs?: number;
  readonly maxConnections?: number;
  /** The neighbour search builds should use with this store (e.g. `postgresCubeSearch`). */
  readonly neighbourSearch?: NeighbourSearch;
}

interface LoadedBuild {
  readonly generation: string;
  readonly build: StoredBuild;
  readonly report: string;
  readonly avatars: ReadonlyMap<string, PatientAvatar>;
}

/** Patient rows per INSERT while storing a build. */
const INSERT_BATCH = 5_000;

/**
 * Cohort builds in PostgreSQL, for several gateway replicas: the same tables as the embedded store
 * (`<prefix>_build`, one row per policy with a random `generation`; `<prefix>_patient`, the avatar
 * row of each REAL patient id), replaced per policy in one transaction (rebuilds of one policy
 * serialised by an advisory lock), so readers see the old or the new build, never a mix.
 *
 * Avatar mode's lookup is synchronous, so every build lives in memory, loaded whole (one
 * REPEATABLE READ snapshot per build) and answered from there:
 * - this instance's own `replaceBuild` installs the new build as soon as it commits;
 * - every `refreshIntervalMs` the instance reads the generations of all builds and reloads those
 *   that changed (another replica's rebuild) or drops those that went;
 * - a lookup is answered only if the builds were confirmed current at most `maxStalenessMs` ago
 *   (measured from the start of the check that confirmed them). Otherwise, and before the first
 *   load, it throws a clean `UPSTREAM_UNAVAILABLE`: a replica cut off from the database stops
 *   serving avatar-mode patients rather than serve a build that may have been replaced.
 * So a replica serves another replica's rebuild at most refreshIntervalMs + load time after its
 * commit, and never data older than maxStalenessMs.
 */
export class PostgresAvatarStore implements AvatarBuildStore {
  readonly neighbourSearch: NeighbourSearch | undefined;
  readonly #pool: pg.Pool;
  readonly #buildTable: string;
  readonly #patientTable: string;
  readonly #maxStalenessMs: number;
  readonly #timer: NodeJS.Timeout;
  #builds = new Map<string, LoadedBuild>();
  #confirmedAt: number | undefined;
  readonly #ensureSchema = lazySchema(() => this.#createSchema());
  #refreshing: Promise<void> | undefined;
  #closed = false;
  /** This instance's rebuilds, numbered, so that a refresh that overlapped one does not undo it. */
  #writeCount = 0;
  readonly #localWrites = new Map<string, { readonly number: number; readonly loaded: LoadedBuild }>();

  constructor(options: PostgresAvatarStoreOptions) {
    const prefix = options.tablePrefix ?? 'voile_avatar';
    if (!/^[a-z_][a-z0-9_]{0,40}$/.test(prefix)) throw new RangeError('invalid avatar table prefix');
    this.#buildTable = `${prefix}_build`;
    this.#patientTable = `${prefix}_patient`;
    const refreshIntervalMs = options.refreshIntervalMs ?? 5_000;
    if (!(refreshIntervalMs > 0)) throw new RangeError('refreshIntervalMs must be positive');
    this.#maxStalenessMs = options.maxStalenessMs ?? 3 * refreshIntervalMs;
    this.neighbourSearch = options.neighbourSearch;
    this.#pool = openPool(options.connectionString, options.maxConnections ?? 4);
    this.#timer = setInterval(() => void this.refresh().catch(() => {}), refreshIntervalMs);
    this.#timer.unref();
    void this.refresh().catch(() => {});
  }

  /**
   * Loads the builds (the first time) or checks them, reading the database as it is now: a refresh
   * already in flight (the first one, or the interval's) may have read it before the caller's last
   * write, so it is waited for and a new one read after it. Rejects cleanly when the database is down.
   */
  async ready(): Promise<void> {
    await this.#refreshing?.catch(() => {});
    return this.refresh();
  }

  /** One check of every build's generation, reloading what changed (one at a time: single flight). */
  refresh(): Promise<void> {
    this.#refreshing ??= this.#refresh().finally(() => {
      this.#refreshing = undefined;
    });
    return this.#refreshing;
  }

  async #refresh(): Promise<void> {
    const startedAt = Date.now();
    const writesBefore = this.#writeCount;
    try {
      await this.#ensureSchema();
      const { rows } = await this.#pool.query<{ policy: string; generation: string }>(`SELECT policy, generation FROM ${this.#buildTable}`);
      const next = new Map<string, LoadedBuild>();
      for (const { policy, generation } of rows) {
        const known = this.#builds.get(policy);
        const loaded = known?.generation === generation ? known : await this.#load(policy);
        if (loaded) next.set(policy, loaded);
      }
      // A rebuild committed here meanwhile is newer than what this check read: it stays.
      for (const [policy, write] of this.#localWrites) {
        if (write.number > writesBefore) next.set(policy, write.loaded);
        else this.#localWrites.delete(policy);
      }
      this.#builds = next;
      this.#confirmedAt = startedAt;
    } catch (cause) {
      throw new VoileError('UPSTREAM_UNAVAILABLE', 'The avatar store is unavailable', { cause });
    }
  }

  /** One build and all its avatars from one snapshot, or undefined if it went meanwhile. */
  async #load(policy: string): Promise<LoadedBuild | undefined> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const build = await client.query<{ generation: string; built_at: string; reference_date: string; columns: string; parameters: string; report: string }>(
        `SELECT generation, built_at, reference_date, columns, parameters, report FROM ${this.#buildTable} WHERE policy = $1`,
        [policy],
      );
      const row = build.rows[0];
      const patients = row
        ? await client.query<[string, string, string]>({
            text: `SELECT real_patient_id, avatar_values, latest FROM ${this.#patientTable} WHERE policy = $1`,
            values: [policy],
            rowMode: 'array',
          })
        : undefined;
      await client.query('COMMIT');
      if (!row || !patients) return undefined;
      const avatars = new Map<string, PatientAvatar>();
      for (const [id, values, latest] of patients.rows) {
        avatars.set(id, parseAvatar({ avatar_values: values, latest }));
      }
      return {
        generation: row.generation,
        build: parseBuild(policy, row),
        report: row.report,
        avatars,
      };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  /** Runs `work` in one transaction on one pooled connection (rolled back if it throws). */
  async #transaction(work: (client: pg.PoolClient) => Promise<void>): Promise<void> {
    const client = await this.#pool.connect();
    try {
      await client.query('BEGIN');
      await work(client);
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {});
      throw err;
    } finally {
      client.release();
    }
  }

  async #createSchema(): Promise<void> {
    await this.#transaction(async (client) => {
      // Concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog: one replica at a time.
      await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.#buildTable}:schema`]);
      await client.query(`CREATE TABLE IF NOT EXISTS ${this.#buildTable} (
           policy text PRIMARY KEY,
           generation text NOT NULL,
           built_at text NOT NULL,
           reference_date text NOT NULL,
           columns text NOT NULL,
           parameters text NOT NULL,
           report text NOT NULL)`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${this.#patientTable} (
           policy text NOT NULL,
           real_patient_id text NOT NULL,
           avatar_values text NOT NULL,
           latest text NOT NULL,
           PRIMARY KEY (policy, real_patient_id))`);
    });
  }

  /** Replaces the policy's build in one transaction; this instance's lookups see it on return. */
  async replaceBuild(build: NewBuild): Promise<void> {
    const generation = randomUUID();
    const report = JSON.stringify(build.report);
    try {
      await this.#ensureSchema();
      await this.#transaction(async (client) => {
        // Two replicas rebuilding one policy at once would otherwise collide on its primary keys.
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${this.#buildTable}:${build.policy}`]);
        await client.query(`DELETE FROM ${this.#patientTable} WHERE policy = $1`, [build.policy]);
        await client.query(`DELETE FROM ${this.#buildTable} WHERE policy = $1`, [build.policy]);
        await client.query(
          `INSERT INTO ${this.#buildTable} (policy, generation, built_at, reference_date, columns, parameters, report) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [build.policy, generation, build.builtAt, build.referenceDate, JSON.stringify(build.columns), JSON.stringify(build.parameters), report],
        );
        for (let i = 0; i < build.patients.length; i += INSERT_BATCH) {
          const batch = build.patients.slice(i, i + INSERT_BATCH);
          await client.query(
            `INSERT INTO ${this.#patientTable} (policy, real_patient_id, avatar_values, latest)
             SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[])`,
            [build.policy, batch.map((p) => p.realId), batch.map((p) => JSON.stringify(p.values)), batch.map((p) => JSON.stringify(p.latestObservations))],
          );
        }
      });
    } catch (cause) {
      throw new VoileError('INTERNAL', 'The cohort build could not be stored', { cause });
    }
    // Same process: served at once, without waiting for the next refresh.
    const loaded: LoadedBuild = {
      generation,
      build: { policy: build.policy, builtAt: build.builtAt, referenceDate: build.referenceDate, columns: build.columns, parameters: build.parameters },
      report,
      avatars: new Map(build.patients.map((p) => [p.realId, { values: p.values, latestObservations: p.latestObservations }])),
    };
    this.#builds = new Map(this.#builds).set(build.policy, loaded);
    this.#localWrites.set(build.policy, { number: ++this.#writeCount, loaded });
  }

  build(policy: string): StoredBuild | undefined {
    return this.#current().get(policy)?.build;
  }

  avatarOf(policy: string, realPatientId: string): PatientAvatar | undefined {
    return this.#current().get(policy)?.avatars.get(realPatientId);
  }

  report(policy: string): unknown {
    const loaded = this.#current().get(policy);
    return loaded ? (JSON.parse(loaded.report) as unknown) : undefined;
  }

  /** The builds in memory, if they are fresh enough to answer from (fail closed otherwise). */
  #current(): ReadonlyMap<string, LoadedBuild> {
    if (this.#closed || this.#confirmedAt === undefined || Date.now() - this.#confirmedAt > this.#maxStalenessMs) {
      throw new VoileError('UPSTREAM_UNAVAILABLE', 'The avatar store is unavailable');
    }
    return this.#builds;
  }

  async close(): Promise<void> {
    this.#closed = true;
    clearInterval(this.#timer);
    await this.#refreshing?.catch(() => {});
    await this.#pool.end();
  }
}

import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Cell, ColumnSpec, NeighbourSearch } from '../anonymize/embedding/index.js';
import { VoileError } from '../errors.js';

/**
 * Server-side storage of cohort builds, in the gateway's SQLite database (beside the mappings).
 * Avatars are keyed by the REAL patient id: this table is never served, it only lets avatar mode
 * find a patient's avatar while anonymizing that patient's resources. A build replaces the previous
 * one of the same policy in one transaction, so readers see either the old or the new build.
 */
export interface StoredBuild {
  readonly policy: string;
  readonly builtAt: string;
  readonly referenceDate: string;
  readonly columns: readonly ColumnSpec[];
  readonly parameters: {
    readonly k: number;
    readonly ncp: number;
    readonly seed: number;
    /** Absent in builds stored before these were policy settings: they used the defaults. */
    readonly dominance?: number;
    readonly categoricalDecoding?: 'most-likely' | 'weighted-draw';
  };
}

export interface PatientAvatar {
  /** One cell per build column. */
  readonly values: readonly Cell[];
  /** Column name → real id of the Observation that holds the patient's latest value for it. */
  readonly latestObservations: Readonly<Record<string, string>>;
}

export interface NewBuild extends StoredBuild {
  /** The privacy/utility report (aggregates only). */
  readonly report: unknown;
  readonly patients: ReadonlyArray<{ readonly realId: string } & PatientAvatar>;
}

/** What avatar mode needs: a synchronous lookup (anonymization of one resource stays cheap). */
export interface AvatarLookup {
  build(policy: string): StoredBuild | undefined;
  avatarOf(policy: string, realPatientId: string): PatientAvatar | undefined;
}

/**
 * A store of cohort builds: the embedded SQLite `AvatarStore` or `PostgresAvatarStore` (several
 * replicas). Lookups are synchronous and answered from a per-build in-memory cache; how fresh
 * that cache is differs (see each class). `replaceBuild` resolves once the build is committed and
 * this process's lookups see it.
 */
export interface AvatarBuildStore extends AvatarLookup {
  replaceBuild(build: NewBuild): void | Promise<void>;
  /** The stored privacy/utility report of the policy's build. */
  report(policy: string): unknown;
  /** Resolves once lookups can be answered (the PostgreSQL store has loaded the builds). */
  ready(): Promise<void>;
  /** The neighbour search a build should use with this store (default: the embedded KD-tree). */
  readonly neighbourSearch?: NeighbourSearch;
  close(): void | Promise<void>;
}

/** One build as the lookups hold it. */
interface CachedBuild {
  readonly generation: string;
  readonly build: StoredBuild;
  /** Avatars parsed so far, by real patient id (filled on first use: each row is parsed once per build). */
  readonly avatars: Map<string, PatientAvatar>;
}

/**
 * The embedded store. Lookups keep each build in memory (`CachedBuild`), so a resource costs a
 * `PRAGMA data_version` read, not a query and a JSON parse. Freshness: a rebuild by this store
 * instance clears its entry at once; a commit by any other connection (another process writing the
 * same file, such as `voile cohort build`) changes `data_version`, and the next lookup then checks
 * each cached build's generation before answering. There is no staleness window.
 */
export class SqliteAvatarStore implements AvatarBuildStore {
  readonly #db: Database.Database;
  readonly #selectBuild: Database.Statement<[string], { built_at: string; reference_date: string; columns: string; parameters: string; generation: string }>;
  readonly #selectReport: Database.Statement<[string], { report: string }>;
  readonly #selectAvatar: Database.Statement<[string, string], { avatar_values: string; latest: string }>;
  readonly #selectGeneration: Database.Statement<[string], { generation: string }>;
  readonly #selectCachedAvatar: Database.Statement<[string, string], { avatar_values: string; latest: string; generation: string }>;
  readonly #dataVersion: Database.Statement<[], number>;
  readonly #replace: (build: NewBuild) => void;
  /** Policy → its build, or null when it has none; checked against `data_version` before use. */
  readonly #cache = new Map<string, CachedBuild | null>();
  #seenDataVersion: number | undefined;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.exec(`CREATE TABLE IF NOT EXISTS avatar_build (
      policy TEXT PRIMARY KEY,
      built_at TEXT NOT NULL,
      reference_date TEXT NOT NULL,
      columns TEXT NOT NULL,
      parameters TEXT NOT NULL,
      report TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS avatar_patient (
      policy TEXT NOT NULL,
      real_patient_id TEXT NOT NULL,
      avatar_values TEXT NOT NULL,
      latest TEXT NOT NULL,
      PRIMARY KEY (policy, real_patient_id)
    ) WITHOUT ROWID`);
    // Files written before the cache existed have no generation: one is added ('' for old builds).
    const buildColumns = this.#db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('avatar_build')").all();
    if (!buildColumns.some((c) => c.name === 'generation')) this.#db.exec("ALTER TABLE avatar_build ADD COLUMN generation TEXT NOT NULL DEFAULT ''");
    // The report (tens of KiB) is read apart: avatar mode reads the build's metadata per resource.
    this.#selectBuild = this.#db.prepare('SELECT built_at, reference_date, columns, parameters, generation FROM avatar_build WHERE policy = ?');
    this.#selectReport = this.#db.prepare('SELECT report FROM avatar_build WHERE policy = ?');
    this.#selectAvatar = this.#db.prepare('SELECT avatar_values, latest FROM avatar_patient WHERE policy = ? AND real_patient_id = ?');
    this.#selectGeneration = this.#db.prepare('SELECT generation FROM avatar_build WHERE policy = ?');
    // One statement reads the row and its build's generation from the same snapshot.
    this.#selectCachedAvatar = this.#db.prepare(
      'SELECT p.avatar_values, p.latest, b.generation FROM avatar_patient p JOIN avatar_build b ON b.policy = p.policy WHERE p.policy = ? AND p.real_patient_id = ?',
    );
    this.#dataVersion = this.#db.prepare<[], number>('PRAGMA data_version').pluck();
    const deleteBuild = this.#db.prepare<[string]>('DELETE FROM avatar_build WHERE policy = ?');
    const deletePatients = this.#db.prepare<[string]>('DELETE FROM avatar_patient WHERE policy = ?');
    const insertBuild = this.#db.prepare<[string, string, string, string, string, string, string]>(
      'INSERT INTO avatar_build (policy, built_at, reference_date, columns, parameters, report, generation) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    const insertPatient = this.#db.prepare<[string, string, string, string]>(
      'INSERT INTO avatar_patient (policy, real_patient_id, avatar_values, latest) VALUES (?, ?, ?, ?)',
    );
    this.#replace = this.#db.transaction((build: NewBuild) => {
      deletePatients.run(build.policy);
      deleteBuild.run(build.policy);
      insertBuild.run(
        build.policy,
        build.builtAt,
        build.referenceDate,
        JSON.stringify(build.columns),
        JSON.stringify(build.parameters),
        JSON.stringify(build.report),
        randomUUID(),
      );
      for (const p of build.patients) {
        insertPatient.run(build.policy, p.realId, JSON.stringify(p.values), JSON.stringify(p.latestObservations));
      }
    });
  }

  /** Replaces the policy's build atomically (the caller audits the rebuild). */
  replaceBuild(build: NewBuild): void {
    try {
      this.#replace(build);
    } catch (cause) {
      throw new VoileError('INTERNAL', 'The cohort build could not be stored', { cause });
    } finally {
      // Same process: the next lookup reads the new build (or the old one, if the write failed).
      this.#cache.delete(build.policy);
    }
  }

  ready(): Promise<void> {
    return Promise.resolve();
  }

  build(policy: string): StoredBuild | undefined {
    return this.#cached(policy)?.build;
  }

  /** The stored privacy/utility report of the policy's build. */
  report(policy: string): unknown {
    const row = this.#selectReport.get(policy);
    return row ? (JSON.parse(row.report) as unknown) : undefined;
  }

  avatarOf(policy: string, realPatientId: string): PatientAvatar | undefined {
    const cached = this.#cached(policy);
    if (!cached) return undefined;
    const hit = cached.avatars.get(realPatientId);
    if (hit) return hit;
    const row = this.#selectCachedAvatar.get(policy, realPatientId);
    if (!row) return undefined;
    const avatar = parseAvatar(row);
    // A rebuild committed since the check: this row belongs to the new build, not the cached one.
    if (row.generation !== cached.generation) this.#cache.delete(policy);
    else cached.avatars.set(realPatientId, avatar);
    return avatar;
  }

  /** The avatar row as stored, bypassing the cache (for tests and tools). */
  storedAvatarOf(policy: string, realPatientId: string): PatientAvatar | undefined {
    const row = this.#selectAvatar.get(policy, realPatientId);
    return row ? parseAvatar(row) : undefined;
  }

  #cached(policy: string): CachedBuild | undefined {
    this.#revalidate();
    const cached = this.#cache.get(policy);
    if (cached !== undefined) return cached ?? undefined;
    const row = this.#selectBuild.get(policy);
    const entry: CachedBuild | null = row
      ? {
          generation: row.generation,
          build: parseBuild(policy, row),
          avatars: new Map(),
        }
      : null;
    this.#cache.set(policy, entry);
    return entry ?? undefined;
  }

  /** Drops the cached builds that another connection replaced (or created) since the last lookup. */
  #revalidate(): void {
    const version = this.#dataVersion.get()!;
    if (version === this.#seenDataVersion) return;
    this.#seenDataVersion = version;
    for (const [policy, cached] of this.#cache) {
      if (cached === null || this.#selectGeneration.get(policy)?.generation !== cached.generation) this.#cache.delete(policy);
    }
  }

  close(): void {
    this.#db.close();
  }
}


/** A stored patient row (both stores keep the same JSON texts). */
export function parseAvatar(row: { avatar_values: string; latest: string }): PatientAvatar {
  return { values: JSON.parse(row.avatar_values) as Cell[], latestObservations: JSON.parse(row.latest) as Record<string, string> };
}

/** A stored build row (both stores keep the same JSON texts). */
export function parseBuild(policy: string, row: { built_at: string; reference_date: string; columns: string; parameters: string }): StoredBuild {
  return {
    policy,
    builtAt: row.built_at,
    referenceDate: row.reference_date,
    columns: JSON.parse(row.columns) as ColumnSpec[],
    parameters: JSON.parse(row.parameters) as StoredBuild['parameters'],
  };
}

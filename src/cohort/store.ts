import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Cell, ColumnSpec } from '../anonymize/embedding/index.js';
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
  readonly parameters: { readonly k: number; readonly ncp: number; readonly seed: number };
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

export class AvatarStore implements AvatarLookup {
  readonly #db: Database.Database;
  readonly #selectBuild: Database.Statement<[string], { built_at: string; reference_date: string; columns: string; parameters: string }>;
  readonly #selectReport: Database.Statement<[string], { report: string }>;
  readonly #selectAvatar: Database.Statement<[string, string], { avatar_values: string; latest: string }>;
  readonly #replace: (build: NewBuild) => void;

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
    // The report (tens of KiB) is read apart: avatar mode reads the build's metadata per resource.
    this.#selectBuild = this.#db.prepare('SELECT built_at, reference_date, columns, parameters FROM avatar_build WHERE policy = ?');
    this.#selectReport = this.#db.prepare('SELECT report FROM avatar_build WHERE policy = ?');
    this.#selectAvatar = this.#db.prepare('SELECT avatar_values, latest FROM avatar_patient WHERE policy = ? AND real_patient_id = ?');
    const deleteBuild = this.#db.prepare<[string]>('DELETE FROM avatar_build WHERE policy = ?');
    const deletePatients = this.#db.prepare<[string]>('DELETE FROM avatar_patient WHERE policy = ?');
    const insertBuild = this.#db.prepare<[string, string, string, string, string, string]>(
      'INSERT INTO avatar_build (policy, built_at, reference_date, columns, parameters, report) VALUES (?, ?, ?, ?, ?, ?)',
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
    }
  }

  build(policy: string): StoredBuild | undefined {
    const row = this.#selectBuild.get(policy);
    if (!row) return undefined;
    return {
      policy,
      builtAt: row.built_at,
      referenceDate: row.reference_date,
      columns: JSON.parse(row.columns) as ColumnSpec[],
      parameters: JSON.parse(row.parameters) as StoredBuild['parameters'],
    };
  }

  /** The stored privacy/utility report of the policy's build. */
  report(policy: string): unknown {
    const row = this.#selectReport.get(policy);
    return row ? (JSON.parse(row.report) as unknown) : undefined;
  }

  avatarOf(policy: string, realPatientId: string): PatientAvatar | undefined {
    const row = this.#selectAvatar.get(policy, realPatientId);
    if (!row) return undefined;
    return { values: JSON.parse(row.avatar_values) as Cell[], latestObservations: JSON.parse(row.latest) as Record<string, string> };
  }

  close(): void {
    this.#db.close();
  }
}

import type pg from 'pg';
import type { MappingEntry, MappingStore } from './mapping-store.js';
import { checkedTableName, lazySchema, openPool } from './postgres-shared.js';

export interface PostgresMappingStoreOptions {
  readonly connectionString: string;
  /** Default `voile_mapping`. */
  readonly table?: string;
  readonly maxConnections?: number;
}

/**
 * The mapping store for several replicas: every replica writes and reads one table, so a UID or
 * long-id pseudonym handed out by one replica resolves on every other. `putMany` resolves only once
 * PostgreSQL has committed the rows (the caller sends its response after that).
 */
export class PostgresMappingStore implements MappingStore {
  readonly #pool: pg.Pool;
  readonly #table: string;
  /** Creates the table if needed; called lazily by the first operation. */
  readonly init: () => Promise<void>;

  constructor(options: PostgresMappingStoreOptions) {
    this.#table = checkedTableName(options.table ?? 'voile_mapping', 'mapping');
    this.#pool = openPool(options.connectionString, options.maxConnections ?? 8);
    this.init = lazySchema(() =>
      this.#pool.query(
        `CREATE TABLE IF NOT EXISTS ${this.#table} (
           kind text NOT NULL,
           public_value text NOT NULL,
           real_value text NOT NULL,
           created_at timestamptz NOT NULL DEFAULT now(),
           PRIMARY KEY (kind, public_value))`,
      ),
    );
  }

  async putMany(entries: readonly MappingEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.init();
    // One statement for the batch; a public value is a keyed function of the real one, so a
    // conflicting row can only hold the same pair and is left alone.
    const kinds = entries.map((e) => e.kind);
    const publics = entries.map((e) => e.publicValue);
    const reals = entries.map((e) => e.realValue);
    await this.#pool.query(
      `INSERT INTO ${this.#table} (kind, public_value, real_value)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (kind, public_value) DO NOTHING`,
      [kinds, publics, reals],
    );
  }

  async get(kind: string, publicValue: string): Promise<string | undefined> {
    await this.init();
    const result = await this.#pool.query<{ real_value: string }>(`SELECT real_value FROM ${this.#table} WHERE kind = $1 AND public_value = $2`, [kind, publicValue]);
    return result.rows[0]?.real_value;
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}

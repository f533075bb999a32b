import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { MappingEntry, MappingStore } from './mapping-store.js';

/**
 * The embedded default. WAL mode with `synchronous = FULL`: once putMany resolves, the mapping
 * survives a crash of the process or the machine.
 */
export class SqliteMappingStore implements MappingStore {
  readonly #db: Database.Database;
  readonly #insert: Database.Statement<[string, string, string]>;
  readonly #select: Database.Statement<[string, string], { real_value: string }>;
  readonly #insertMany: (entries: readonly MappingEntry[]) => void;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.#db = new Database(path);
    this.#db.pragma('journal_mode = WAL');
    this.#db.pragma('synchronous = FULL');
    this.#db.exec(`CREATE TABLE IF NOT EXISTS mapping (
      kind TEXT NOT NULL,
      public_value TEXT NOT NULL,
      real_value TEXT NOT NULL,
      created_at INTEGER NOT NULL DEFAULT (unixepoch()),
      PRIMARY KEY (kind, public_value)
    ) WITHOUT ROWID`);
    this.#insert = this.#db.prepare('INSERT OR IGNORE INTO mapping (kind, public_value, real_value) VALUES (?, ?, ?)');
    this.#select = this.#db.prepare('SELECT real_value FROM mapping WHERE kind = ? AND public_value = ?');
    this.#insertMany = this.#db.transaction((entries: readonly MappingEntry[]) => {
      for (const e of entries) this.#insert.run(e.kind, e.publicValue, e.realValue);
    });
  }

  async putMany(entries: readonly MappingEntry[]): Promise<void> {
    if (entries.length > 0) this.#insertMany(entries);
  }

  async get(kind: string, publicValue: string): Promise<string | undefined> {
    return this.#select.get(kind, publicValue)?.real_value;
  }

  async close(): Promise<void> {
    this.#db.close();
  }
}

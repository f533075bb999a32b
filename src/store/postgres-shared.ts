import pg from 'pg';

/**
 * What every PostgreSQL-backed store (mappings, audit trail, avatar builds) does the same way:
 * table names checked before they are put in SQL, one pool that survives a lost server, and a
 * schema created once, lazily, retried after a failure.
 */

/** A (optionally schema-qualified) lower-case SQL identifier, or a RangeError naming `what`. */
export function checkedTableName(name: string, what: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}(\.[a-z_][a-z0-9_]{0,62})?$/.test(name)) throw new RangeError(`invalid ${what} table name`);
  return name;
}

export function openPool(connectionString: string, maxConnections: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle client that loses its server must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  return pool;
}

/** Runs `create` on first use; a failure is not remembered, so the next use tries again. */
export function lazySchema(create: () => Promise<unknown>): () => Promise<void> {
  let ready: Promise<void> | undefined;
  return () => {
    ready ??= create().then(
      () => undefined,
      (err: unknown) => {
        ready = undefined;
        throw err;
      },
    );
    return ready;
  };
}

import { readFileSync } from 'node:fs';
import { SqliteAuditStore, type AuditStore } from '../audit/index.js';
import { postgresCubeSearch } from '../cohort/postgres-neighbour-search.js';
import { PostgresAvatarStore } from '../cohort/postgres-store.js';
import { SqliteAvatarStore, type AvatarBuildStore } from '../cohort/store.js';
import { domainSecret, resolvePath, type LoadedConfig } from '../config/load.js';
import type { UpstreamConfig } from '../config/types.js';
import { VoileError } from '../errors.js';
import { loadPolicyRegistry } from '../policy/registry.js';
import { closeTextDeidentifiers } from '../policy/text-binding.js';
import type { PolicyRegistry } from '../policy/runtime.js';
import { PostgresAuditStore } from '../store/audit-postgres.js';
import type { MappingStore } from '../store/mapping-store.js';
import { PostgresMappingStore } from '../store/postgres-mapping-store.js';
import { SqliteMappingStore } from '../store/sqlite-mapping-store.js';
import { projectPath } from './paths.js';

export interface Runtime {
  readonly registry: PolicyRegistry;
  readonly store: MappingStore;
  /** Built avatar cohorts (avatar mode): PostgreSQL when configured, else the embedded database. */
  readonly avatars: AvatarBuildStore;
  /** The embedded SQLite database (mappings, audit, avatars; those in PostgreSQL when configured). */
  readonly databasePath: string;
  /** Opens the audit trail: PostgreSQL when configured, else the embedded database. */
  openAuditStore(): AuditStore;
  close(): Promise<void>;
}

/**
 * Everything a Voile process shares: the durable stores and the policy registry (with one
 * identity per domain). Built from a validated configuration; `serve`, `demo` and `cohort build`
 * all start here.
 */
export function createRuntime({ config, baseDir, env }: LoadedConfig): Runtime {
  const databasePath = resolvePath(baseDir, config.store?.sqlite?.path ?? '.voile-data/voile.db');
  const postgresUrl = () => {
    const urlEnv = config.store?.postgres?.urlEnv;
    if (urlEnv === undefined) return undefined;
    const url = env[urlEnv];
    if (!url) throw new VoileError('CONFIG_INVALID', `store.postgres: environment variable ${urlEnv} is not set`);
    return url;
  };
  // PostgreSQL when configured (replicas resolve each other's UIDs), else the embedded file.
  const pg = postgresUrl();
  const store: MappingStore = pg === undefined ? new SqliteMappingStore(databasePath) : new PostgresMappingStore({ connectionString: pg });
  const avatars: AvatarBuildStore =
    pg === undefined
      ? new SqliteAvatarStore(databasePath)
      : new PostgresAvatarStore({
          connectionString: pg,
          ...(config.store?.postgres?.avatarNeighbourSearch === 'cube' && { neighbourSearch: postgresCubeSearch({ connectionString: pg }) }),
        });
  const registry = loadPolicyRegistry({
    policiesDir: config.policies?.dir ? resolvePath(baseDir, config.policies.dir) : projectPath('policies'),
    profilesDir: config.policies?.profilesDir ? resolvePath(baseDir, config.policies.profilesDir) : projectPath('profiles'),
    store,
    avatars,
    ...(config.policies?.only && { only: config.policies.only }),
    ...(config.text?.executionProvider && { textExecutionProvider: config.text.executionProvider }),
    secretOf: (domain) => domainSecret(config, domain, baseDir, env),
  });
  return {
    registry,
    store,
    avatars,
    databasePath,
    openAuditStore: () => (pg === undefined ? new SqliteAuditStore(databasePath) : new PostgresAuditStore({ connectionString: pg })),
    close: async () => {
      await closeTextDeidentifiers(registry); // the text model's worker threads
      await avatars.close();
      await store.close();
    },
  };
}

/** Client options of a configured upstream (FHIR or DICOMweb), CA file read relative to the config. */
export function upstreamOptionsOf(upstream: UpstreamConfig, baseDir: string) {
  return {
    url: upstream.url,
    ...(upstream.timeoutMs !== undefined && { timeoutMs: upstream.timeoutMs }),
    ...(upstream.connections !== undefined && { connections: upstream.connections }),
    ...(upstream.caFile !== undefined && { ca: readFileSync(resolvePath(baseDir, upstream.caFile), 'utf8') }),
  };
}

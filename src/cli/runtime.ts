import { domainSecret, resolvePath, type LoadedConfig } from '../config/load.js';
import { loadPolicyRegistry } from '../policy/registry.js';
import type { PolicyRegistry } from '../policy/runtime.js';
import { AvatarStore } from '../cohort/store.js';
import type { MappingStore } from '../store/mapping-store.js';
import { PostgresMappingStore } from '../store/postgres-mapping-store.js';
import { SqliteMappingStore } from '../store/sqlite-mapping-store.js';
import { VoileError } from '../errors.js';
import { projectPath } from './paths.js';

export interface Runtime {
  readonly registry: PolicyRegistry;
  readonly store: MappingStore;
  /** The embedded SQLite database (mappings, audit). */
  readonly databasePath: string;
  close(): Promise<void>;
}

/**
 * Everything a gateway process shares between requests: the durable mapping store and the policy
 * registry (with one identity per domain). Built from a validated configuration.
 */
export function createRuntime({ config, baseDir, env }: LoadedConfig): Runtime {
  const databasePath = resolvePath(baseDir, config.store?.sqlite?.path ?? '.voile-data/voile.db');
  const store = mappingStoreOf(config.store?.postgres?.urlEnv, env, databasePath);
  const avatars = new AvatarStore(databasePath);
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
    databasePath,
    close: async () => {
      avatars.close();
      await store.close();
    },
  };
}

/** PostgreSQL when configured (replicas resolve each other's UIDs), else the embedded SQLite file. */
function mappingStoreOf(urlEnv: string | undefined, env: NodeJS.ProcessEnv, databasePath: string): MappingStore {
  if (urlEnv === undefined) return new SqliteMappingStore(databasePath);
  const connectionString = env[urlEnv];
  if (!connectionString) throw new VoileError('CONFIG_INVALID', `store.postgres: environment variable ${urlEnv} is not set`);
  return new PostgresMappingStore({ connectionString });
}

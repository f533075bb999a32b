import { domainSecret, resolvePath, type LoadedConfig } from '../config/load.js';
import { loadPolicyRegistry } from '../policy/registry.js';
import type { PolicyRegistry } from '../policy/runtime.js';
import type { MappingStore } from '../store/mapping-store.js';
import { SqliteMappingStore } from '../store/sqlite-mapping-store.js';
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
  const store = new SqliteMappingStore(databasePath);
  const registry = loadPolicyRegistry({
    policiesDir: config.policies?.dir ? resolvePath(baseDir, config.policies.dir) : projectPath('policies'),
    profilesDir: config.policies?.profilesDir ? resolvePath(baseDir, config.policies.profilesDir) : projectPath('profiles'),
    store,
    ...(config.policies?.only && { only: config.policies.only }),
    ...(config.text?.executionProvider && { textExecutionProvider: config.text.executionProvider }),
    secretOf: (domain) => domainSecret(config, domain, baseDir, env),
  });
  return { registry, store, databasePath, close: () => store.close() };
}

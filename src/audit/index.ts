export { auditPlugin, createAuditHook, noteAudit, noteReturned, noteUpstreamLatency, noteError, type AuditNote, type AuditHookOptions, type AuditPluginOptions } from './hook.js';
export { auditAdminPlugin, type AuditAdminOptions } from './admin-route.js';
export { toAuditEvent } from './audit-event.js';
export { classifyPath, countResources, outcomeOf, type AuditRecord, type AuditInteraction, type AuditOutcome } from './record.js';
export type { AuditStore, AuditQuery, StoredAuditRecord } from '../store/audit-store.js';
export { MemoryAuditStore } from '../store/audit-store.js';
export { SqliteAuditStore } from '../store/audit-sqlite.js';
export { PostgresAuditStore, type PostgresAuditStoreOptions } from '../store/audit-postgres.js';

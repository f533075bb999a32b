import { parentPort, workerData } from 'node:worker_threads';
import type { AuditRecord } from '../audit/record.js';
import { auditBatchWriter, openAuditDatabase } from './audit-sqlite-schema.js';

/**
 * The audit trail's writer thread: SQLite inserts and commits (~35 µs of CPU per record) run here,
 * off the thread that serves requests. One message per batch, answered with the indexes of the
 * records that could not be written (nothing else: no error text crosses back), in the order the
 * batches came.
 */
export interface WriteBatch {
  readonly records: readonly AuditRecord[];
}
export interface BatchWritten {
  readonly failed: readonly number[];
}

const { path } = workerData as { path: string };
const db = openAuditDatabase(path);
const write = auditBatchWriter(db);
parentPort!.on('message', (message: WriteBatch) => {
  let failed: readonly number[];
  try {
    failed = write(message.records);
  } catch {
    failed = message.records.map((_, index) => index);
  }
  parentPort!.postMessage({ failed } satisfies BatchWritten);
});

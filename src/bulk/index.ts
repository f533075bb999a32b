export { bulkExportPlugin } from './plugin.js';
export type { BulkExportOptions } from './options.js';

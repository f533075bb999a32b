import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'conformance/**/*.test.ts'],
    // Real upstreams (embedded FHIR server, Orthanc, an OAuth server) start per file on port 0.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One temporary folder per run, removed at the end (test/helpers/temp-root.ts).
    globalSetup: ['test/helpers/temp-root.ts'],
    pool: 'forks',
    maxWorkers: 2,
  },
});

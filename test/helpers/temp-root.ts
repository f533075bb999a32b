import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: every temporary folder of a test run (tests' `mkdtemp(tmpdir())`, the
 * embedded PostgreSQL and Orthanc data folders, bulk and audit files) goes under one folder made
 * for the run, removed when the run ends. Set before the test workers are forked, so `os.tmpdir()`
 * answers it in every worker; without it each run left ~100 folders in /tmp.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'voile-test-run-'));
  // Like /tmp itself: the embedded PostgreSQL runs as the `postgres` user when the tests run as
  // root, and must reach its folder inside (mkdtemp makes 0700 folders).
  chmodSync(root, 0o1777);
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}

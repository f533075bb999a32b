import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Guards the global setup (test/helpers/temp-root.ts): a test's temporary folder lands in the
// run's own folder, which is removed when the run ends, not in the machine's /tmp.
describe('temporary folders of a test run', () => {
  it('are made under the run folder that the global setup removes at the end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'voile-probe-'));
    expect(basename(dirname(dir))).toMatch(/^voile-test-run-/);
  });
});

import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { anonymizeDicomDirectory, createDicomDeidentifier, readPart10 } from '../../src/anonymize/dicom/index.js';
import { fixture, makeIdentity } from './helpers.js';
import { injectedFile } from './injected.js';

describe('anonymizeDicomDirectory', () => {
  it('writes one file per instance under remapped folders, withholds and reports failures by path', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'voile-batch-'));
    const inDir = path.join(root, 'in');
    const outDir = path.join(root, 'out');
    mkdirSync(path.join(inDir, 'DUPONT_MARIE'), { recursive: true });
    writeFileSync(path.join(inDir, 'DUPONT_MARIE', 'ct.dcm'), injectedFile());
    writeFileSync(path.join(inDir, 'mr.dcm'), fixture('MR_small.dcm'));
    writeFileSync(path.join(inDir, 'sc.dcm'), fixture('SC_rgb_small_odd.dcm'));
    writeFileSync(path.join(inDir, 'broken.dcm'), fixture('MR_truncated.dcm'));
    const identity = makeIdentity();
    let flushes = 0;
    const flush = async () => {
      flushes++;
      await identity.flush();
    };
    const report = await anonymizeDicomDirectory(inDir, outDir, createDicomDeidentifier({}, { identity }), { flush });
    expect(flushes).toBe(2);
    expect(report).toEqual({ written: 2, withheld: 1, failed: [{ file: 'broken.dcm', code: 'MALFORMED_DICOM' }] });
    const files = readdirSync(outDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files).toHaveLength(2);
    for (const f of files) {
      const full = path.join(f.parentPath, f.name);
      expect(full).not.toContain('DUPONT');
      expect(f.name).toMatch(/^2\.25\.\d+\.dcm$/);
      expect(readPart10(readFileSync(full)).dataset.length).toBeGreaterThan(10);
    }
  });
});

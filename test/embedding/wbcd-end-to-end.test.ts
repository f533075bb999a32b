import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { avatarizeFile, readCsvFile } from '../../src/anonymize/embedding/index.js';
import type { AvatarizeFileResult } from '../../src/anonymize/embedding/index.js';

const input = path.resolve(process.cwd(), '../shared/reference/avatar-paper/WBCD/breast_cancer_wisconsin.csv');
const outDir = mkdtempSync(path.join(tmpdir(), 'voile-avatar-e2e-'));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('avatarizeFile on WBCD (683 × 10, k = 20, ncp = 2)', () => {
  let result: AvatarizeFileResult;
  const phases = new Set<string>();

  it('writes avatars, a JSON report and a self-contained HTML report', async () => {
    result = await avatarizeFile({
      inPath: input,
      outDir,
      reportPath: path.join(outDir, 'html', 'report.html'),
      k: 20,
      ncp: 2,
      seed: 1234,
      drop: ['Sample_code_number'],
      kinds: { Class: 'categorical' },
      classifier: { target: 'Class', positiveLevel: '4' },
      onProgress: (phase) => phases.add(phase),
    });
    expect([...phases]).toEqual(['read', 'avatars', 'evaluation', 'report', 'write']);
    const avatars = readCsvFile(result.avatarsPath, { kinds: { Class: 'categorical' } });
    expect(avatars.rows).toHaveLength(683);
    expect(avatars.columns.map((c) => c.name)).not.toContain('Sample_code_number');
    const html = readFileSync(result.reportHtmlPath, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script|src="http/);
    expect(JSON.parse(readFileSync(result.reportJsonPath, 'utf8')).rows).toBe(683);
  });

  it('meets loose privacy bounds', () => {
    const p = result.report.privacy;
    expect(p.hasControl).toBe(true);
    expect(p.separateEvaluation).toBe(true);
    expect(p.hiddenRate).toBeGreaterThan(0.85);
    expect(p.localCloakingTieAwareMedian).toBeGreaterThanOrEqual(2);
    expect(p.singlingOut.univariate.risk.value).toBeLessThan(0.2);
    expect(p.linkability.risk.value).toBeLessThan(0.3);
    expect(p.inference.meanRisk).toBeLessThan(0.5);
  });

  it('meets loose utility bounds', () => {
    const u = result.report.utility;
    expect(u.hellinger.mean).toBeLessThan(0.2);
    expect(u.correlation.meanAbsDelta).toBeLessThan(0.15);
    expect(u.classifier!.trainedOnAvatars.auc).toBeGreaterThan(0.95);
    expect(Math.abs(u.classifier!.trainedOnAvatars.auc - u.classifier!.trainedOnOriginal.auc)).toBeLessThan(0.03);
  });

  it('keeps records out of the report: aggregates only', () => {
    const json = readFileSync(result.reportJsonPath, 'utf8');
    // No array as long as the table (a per-record list) survives into the report.
    const longest = Math.max(...[...json.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!.split(',').length));
    expect(longest).toBeLessThan(683);
  });
});

describe('avatarizeFile on bad input', () => {
  it('answers BAD_REQUEST for a missing file, a bad split or a k too large, without writing anything', async () => {
    const dir = path.join(outDir, 'bad');
    const base = { outDir: dir, k: 20, ncp: 2, seed: 1 };
    await expect(avatarizeFile({ ...base, inPath: path.join(outDir, 'missing.csv') })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(avatarizeFile({ ...base, inPath: input, controlFraction: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(avatarizeFile({ ...base, inPath: input, k: 5000 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    expect(() => readFileSync(path.join(dir, 'avatars.csv'))).toThrow();
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfidentialityTable } from '../../src/anonymize/dicom/index.js';
import { REFERENCE } from './helpers.js';

describe('profiles/dicom data', () => {
  it('is exactly what profiles/dicom/generate.mjs makes of the reference tables (no hand edits)', () => {
    const out = mkdtempSync(path.join(tmpdir(), 'voile-profile-'));
    execFileSync(process.execPath, [path.resolve('profiles/dicom/generate.mjs'), REFERENCE, out], { stdio: 'ignore' });
    for (const file of ['basic-profile.json', 'dictionary.json']) {
      expect(readFileSync(path.join(out, file), 'utf8')).toBe(readFileSync(path.resolve('profiles/dicom', file), 'utf8'));
    }
  });

  it('covers all 621 rows of Table E.1-1 (617 attributes and 4 patterns)', () => {
    const table = loadConfidentialityTable();
    expect(table.attributes.length + table.patterns.length).toBe(621);
    expect(table.patterns.map((p) => p.pattern).sort()).toEqual(['curve', 'overlay-comments', 'overlay-data', 'private']);
  });
});

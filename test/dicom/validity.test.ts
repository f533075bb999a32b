/**
 * Outputs stay valid DICOM: dciodvfy (dicom3tools) reports no error on an output that it did not
 * already report on the input, and dcentvfy finds patient/study/series consistent across outputs.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DicomOption, createDicomDeidentifier } from '../../src/anonymize/dicom/index.js';
import { FIXTURES, Tags, dciodvfyErrors, fixture, hasTool, inject, makeIdentity, str } from './helpers.js';
import { injectedFile } from './injected.js';

// Deflated (image_dfl) is left out: dciodvfy does not read Deflated files at all.
const FILES = ['CT_small.dcm', 'MR_small.dcm', 'MR_small_implicit.dcm', 'MR_small_bigendian.dcm', 'JPEG2000.dcm', 'MR_small_RLE.dcm', 'rtplan.dcm', 'test-SR.dcm', 'reportsi.dcm', 'examples_overlay.dcm'];
const OPTION_SETS: DicomOption[][] = [[], ['retainLongitudinalModifiedDates', 'cleanDescriptors', 'cleanStructuredContent', 'cleanGraphics']];

describe.runIf(hasTool('dciodvfy'))('dciodvfy', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'voile-dciodvfy-'));
  it.each(OPTION_SETS.flatMap((options) => FILES.map((f) => [f, options.join('+') || 'basic', options] as const)))('%s (%s): no new error', async (name, label, options) => {
    const d = createDicomDeidentifier({ options, allowBurnedIn: true }, { identity: makeIdentity() });
    const out = path.join(dir, `${label}-${name}`);
    writeFileSync(out, Buffer.concat((await d.part10(fixture(name))).chunks as Uint8Array[]));
    const before = dciodvfyErrors(path.join(FIXTURES, name));
    const after = [...dciodvfyErrors(out)].filter((e) => !before.has(e));
    expect(after).toEqual([]);
  });

  it('an instance with injected identifiers in sequences, private tags, curves and overlays: no new error', async () => {
    const input = path.join(dir, 'injected-in.dcm');
    writeFileSync(input, injectedFile());
    const d = createDicomDeidentifier({ options: ['retainLongitudinalModifiedDates'] }, { identity: makeIdentity() });
    const out = path.join(dir, 'injected-out.dcm');
    writeFileSync(out, Buffer.concat((await d.part10(injectedFile())).chunks as Uint8Array[]));
    const before = dciodvfyErrors(input);
    expect([...dciodvfyErrors(out)].filter((e) => !before.has(e))).toEqual([]);
  });
});

describe.runIf(hasTool('dcentvfy'))('dcentvfy', () => {
  it('finds patient, study and series consistent across de-identified instances of one series', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'voile-dcentvfy-'));
    const d = createDicomDeidentifier({ options: ['retainLongitudinalModifiedDates'] }, { identity: makeIdentity() });
    const files: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const input = inject(fixture('MR_small.dcm'), str(Tags.SOPInstanceUID, 'UI', `1.2.826.0.1.3680043.8.498.77.${i}`), str(0x00200013, 'IS', String(i)));
      const file = path.join(dir, `${i}.dcm`);
      writeFileSync(file, Buffer.concat((await d.part10(input)).chunks as Uint8Array[]));
      files.push(file);
    }
    let output = '';
    try {
      output = execFileSync('dcentvfy', files, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (err) {
      const e = err as { stdout?: string; stderr?: string };
      output = `${e.stdout ?? ''}${e.stderr ?? ''}`;
    }
    expect(output.split('\n').filter((l) => l.startsWith('Error'))).toEqual([]);
  });
});

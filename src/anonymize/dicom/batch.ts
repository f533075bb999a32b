import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isVoileError } from '../../errors.js';
import type { DicomDeidentifier } from './deidentifier.js';

export interface DirectoryReport {
  readonly written: number;
  /** Instances withheld by the burned-in-text rule. */
  readonly withheld: number;
  /** Files that are not DICOM or do not parse (their names only; nothing from their content). */
  readonly failed: readonly { file: string; code: string }[];
}

/**
 * `voile anonymize dicom`: de-identifies every file under `inDir` (recursively) into `outDir`, one
 * file per instance named after its remapped SOP Instance UID, under remapped study/series folders,
 * so no original name or path leaks. Files that fail are reported by path, never copied.
 */
export async function anonymizeDicomDirectory(
  inDir: string,
  outDir: string,
  deidentifier: DicomDeidentifier,
  options: { /** Persists UID mappings (e.g. `() => identity.flush()`), awaited before each file is written. */ readonly flush?: () => Promise<void> } = {},
): Promise<DirectoryReport> {
  let written = 0;
  let withheld = 0;
  const failed: { file: string; code: string }[] = [];
  for (const file of await listFiles(inDir)) {
    try {
      const result = await deidentifier.part10(await readFile(file));
      const dir = path.join(outDir, result.studyInstanceUid ?? 'unknown-study', result.seriesInstanceUid ?? 'unknown-series');
      await options.flush?.();
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, `${result.sopInstanceUid}.dcm`), Buffer.concat(result.chunks as Uint8Array[]));
      written++;
    } catch (err) {
      if (isVoileError(err) && err.code === 'FORBIDDEN') withheld++;
      else failed.push({ file: path.relative(inDir, file), code: isVoileError(err) ? err.code : 'ANONYMIZATION_FAILED' });
    }
  }
  return { written, withheld, failed };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

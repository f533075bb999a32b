import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Identity } from '../../src/identity/index.js';
import { MemoryMappingStore, type MappingStore } from '../../src/store/mapping-store.js';
import { type DicomDataset, type DicomElement, Tags, readPart10, writePart10 } from '../../src/anonymize/dicom/index.js';

export const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/dicom/pydicom');
export const REFERENCE = path.resolve(process.cwd(), '../shared/reference/dicom');
export const SECRET = Buffer.alloc(32, 42);

export function fixture(name: string): Buffer {
  return readFileSync(path.join(FIXTURES, name));
}

export function makeIdentity(store: MappingStore = new MemoryMappingStore()): Identity {
  return new Identity(SECRET, { store });
}

export function hasTool(name: string): boolean {
  return ['/usr/bin', '/usr/sbin', '/usr/local/bin'].some((dir) => existsSync(path.join(dir, name)));
}

/** A string element (value written as latin1, padded by the writer). */
export function str(tag: number, vr: string, value: string): DicomElement {
  return { tag, vr, value: Buffer.from(value, 'latin1') };
}

export function seq(tag: number, ...items: DicomDataset[]): DicomElement {
  return { tag, vr: 'SQ', items };
}

/** Sets elements on a data set read from a file (replacing same tags), keeping tag order. */
export function withElements(dataset: DicomDataset, ...elements: DicomElement[]): DicomDataset {
  const byTag = new Map(dataset.map((el) => [el.tag, el]));
  for (const el of elements) byTag.set(el.tag, el);
  return [...byTag.values()].sort((a, b) => a.tag - b.tag);
}

/** Rewrites a fixture with extra (identifying) elements, in its own transfer syntax. */
export function inject(file: Buffer, ...elements: DicomElement[]): Buffer {
  const parsed = readPart10(file);
  const written = writePart10(parsed.meta, withElements(parsed.dataset, ...elements), parsed.transferSyntaxUid);
  return Buffer.concat(written.chunks);
}

/** String value of a top-level or nested element found by a path of tags. */
export function valueAt(dataset: DicomDataset, ...tags: number[]): string | undefined {
  let current: DicomDataset | undefined = dataset;
  let el: DicomElement | undefined;
  for (const tag of tags) {
    el = current?.find((e) => e.tag === tag);
    current = el?.items?.[0];
  }
  return el?.value ? Buffer.from(el.value).toString('latin1').replace(/[\0 ]+$/, '') : undefined;
}

export function reread(chunks: readonly Uint8Array[]): { meta: DicomDataset; dataset: DicomDataset; bytes: Buffer } {
  const bytes = Buffer.concat(chunks as Uint8Array[]);
  const parsed = readPart10(bytes);
  return { meta: parsed.meta, dataset: parsed.dataset, bytes };
}

/** dciodvfy's error lines with UIDs normalised (remapping changes UIDs quoted in messages). */
export function dciodvfyErrors(file: string): Set<string> {
  let out = '';
  try {
    out = execFileSync('dciodvfy', ['-new', file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string };
    out = `${e.stdout ?? ''}${e.stderr ?? ''}`;
  }
  return new Set(
    out
      .split('\n')
      .filter((line) => line.startsWith('Error'))
      .map((line) => line.replace(/= <[^>]*>/g, '= <value>').replace(/\b\d+(\.\d+){3,}\b/g, '<UID>')),
  );
}

export { Tags };

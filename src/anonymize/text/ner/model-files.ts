import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The model files one inference worker loads, read once and checked before any session is made
 * from these very bytes (a file replaced between the check and the load cannot slip in).
 *
 * models/ner/split.py cuts model.onnx into a character encoder and a tagger so that the runtime can
 * compute character features once per distinct token; split.json records the SHA-256 of the
 * model.onnx they came from and of each of them. Unless every hash matches, the worker runs
 * model.onnx whole: a model shipped without re-running split.py is slower, never wrong.
 */
export type ModelFiles =
  | { readonly kind: 'split'; readonly charEncoder: Uint8Array; readonly tagger: Uint8Array; readonly charFeatures: number }
  | { readonly kind: 'whole'; readonly model: Uint8Array; readonly why: WholeModelReason };

/** Why the split files are not used; fixed phrases, safe to log. */
export type WholeModelReason = 'asked for' | 'split files missing' | 'split files stale' | 'split manifest unreadable';

export const SPLIT_MANIFEST = 'split.json';

interface Manifest {
  sourceSha256: string;
  charEncoder: { file: string; sha256: string };
  tagger: { file: string; sha256: string };
  charFeatures: number;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Reads the model of `dir`: the split pair when split.json vouches for it and `split` is not false, else model.onnx. */
export function readModelFiles(dir: string, split = true): ModelFiles {
  const model = readFileSync(path.join(dir, 'model.onnx'));
  if (!split) return { kind: 'whole', model, why: 'asked for' };
  const manifestPath = path.join(dir, SPLIT_MANIFEST);
  if (!existsSync(manifestPath)) return { kind: 'whole', model, why: 'split files missing' };
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
    if (typeof manifest.charEncoder?.file !== 'string' || typeof manifest.tagger?.file !== 'string' || !(manifest.charFeatures > 0)) throw new Error('incomplete');
  } catch {
    return { kind: 'whole', model, why: 'split manifest unreadable' };
  }
  if (manifest.sourceSha256 !== sha256(model)) return { kind: 'whole', model, why: 'split files stale' };
  // Only the file names the manifest gives, and only inside the model directory.
  const inside = (file: string) => path.join(dir, path.basename(file));
  if (!existsSync(inside(manifest.charEncoder.file)) || !existsSync(inside(manifest.tagger.file))) return { kind: 'whole', model, why: 'split files missing' };
  const charEncoder = readFileSync(inside(manifest.charEncoder.file));
  const tagger = readFileSync(inside(manifest.tagger.file));
  if (sha256(charEncoder) !== manifest.charEncoder.sha256 || sha256(tagger) !== manifest.tagger.sha256) return { kind: 'whole', model, why: 'split files stale' };
  return { kind: 'split', charEncoder, tagger, charFeatures: manifest.charFeatures };
}

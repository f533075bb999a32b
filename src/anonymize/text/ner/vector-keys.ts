import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * The keys of the model's pretrained word vectors (models/ner/build_vectors.py): word → row of the
 * table baked into the ONNX graph. The TypeScript twin of tokenizer.py's vector_variants / vector_id;
 * test/text/tokenizer-parity.test.ts compares both on the Python side's fixtures.
 */
export type VectorKeys = ReadonlyMap<string, number>;

/** Reads `word<TAB>row` lines, gzipped. */
export function readVectorKeys(file: string): VectorKeys {
  const keys = new Map<string, number>();
  const text = gunzipSync(readFileSync(file)).toString('utf8');
  let at = 0;
  while (at < text.length) {
    const tab = text.indexOf('\t', at);
    const end = text.indexOf('\n', tab);
    if (tab < 0 || end < 0) break;
    keys.set(text.slice(at, tab), Number(text.slice(tab + 1, end)));
    at = end + 1;
  }
  return keys;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;
const STARTS_WITH_LETTER = /^[\p{L}\p{M}]/u;

/**
 * The forms of a token looked up, in order: as written (NFC), lowercase, capitalised; an
 * all-capitals word ("MARTIN") tries capitalised first, since capitals are a header's style, not the word's.
 */
export function vectorVariants(token: string): [string, string, string] {
  const t = ASCII_ONLY.test(token) ? token : token.normalize('NFC');
  const low = t.toLowerCase();
  const first = String.fromCodePoint(t.codePointAt(0)!);
  const cap = first.toUpperCase() + t.slice(first.length).toLowerCase();
  const severalCodePoints = t.length > first.length;
  if (severalCodePoints && t.toUpperCase() === t && low !== t) return [cap, low, t];
  return [t, low, cap];
}

/** Row of the token in the pretrained table (1..), 0 when it is not a word or no form of it is a key. */
export function vectorId(token: string, keys: VectorKeys): number {
  // Words only: tokenizer.ts's letter class (letters and marks) for the first code point.
  if (!STARTS_WITH_LETTER.test(token)) return 0;
  for (const form of vectorVariants(token)) {
    const row = keys.get(form);
    if (row !== undefined) return row;
  }
  return 0;
}

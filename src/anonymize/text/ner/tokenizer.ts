/**
 * The NER tokenizer and feature encoder — the TypeScript twin of models/ner/tokenizer.py. Any
 * change here must be made there too and the model retrained; test/text/tokenizer-parity.test.ts
 * compares both on fixtures produced by the Python side.
 *
 * Tokens: runs of letters/marks, runs of decimal digits, or one other non-space character; runs are
 * cut every `maxTokenChars` code points. Offsets are UTF-16 code units of the input.
 */
import { AsciiWordTable, HASH_SEED, hashStep, keyCode } from './ascii-word-table.js';

export interface Token {
  start: number;
  end: number;
}

export interface Vocabulary {
  readonly words: readonly string[];
  readonly tags: readonly string[];
  readonly charset: string;
  readonly maxChars: number;
  readonly maxTokenChars: number;
  readonly maxLen: number;
  /** Tensor type of the model's inputs (models/ner/export.py writes int32). Default int64. */
  readonly inputType?: 'int32' | 'int64';
}

const SPACES = new Set([...' \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff']);
const LETTER = /^[\p{L}\p{M}]$/u;
const DIGIT = /^\p{Nd}$/u;

type CharClass = 'S' | 'L' | 'N' | 'P';

// ASCII fast path: most clinical text is ASCII, and a table lookup beats three regex tests.
const ASCII_CLASS: CharClass[] = [];
for (let i = 0; i < 128; i++) {
  const c = String.fromCharCode(i);
  ASCII_CLASS.push(SPACES.has(c) ? 'S' : /[A-Za-z]/.test(c) ? 'L' : /[0-9]/.test(c) ? 'N' : 'P');
}

export function charClass(c: string): CharClass {
  const code = c.charCodeAt(0);
  if (c.length === 1 && code < 128) return ASCII_CLASS[code]!;
  if (SPACES.has(c)) return 'S';
  if (LETTER.test(c)) return 'L';
  if (DIGIT.test(c)) return 'N';
  return 'P';
}

export function tokenize(text: string, maxTokenChars = 24): Token[] {
  const out: Token[] = [];
  const n = text.length;
  // Class and width (1 or 2 UTF-16 units) of the code point at i.
  const classAt = (i: number): CharClass => {
    const code = text.charCodeAt(i);
    if (code < 128) return ASCII_CLASS[code]!;
    return charClass(String.fromCodePoint(text.codePointAt(i)!));
  };
  const width = (i: number) => (text.codePointAt(i)! > 0xffff ? 2 : 1);
  let i = 0;
  while (i < n) {
    const k = classAt(i);
    if (k === 'S') {
      i += width(i);
      continue;
    }
    const start = i;
    i += width(i);
    if (k === 'L' || k === 'N') {
      let count = 1;
      while (i < n && count < maxTokenChars && classAt(i) === k) {
        i += width(i);
        count++;
      }
    }
    out.push({ start, end: i });
  }
  return out;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;

export function foldToken(s: string): string {
  if (ASCII_ONLY.test(s)) return s.toLowerCase();
  return s.normalize('NFD').replace(/\p{Mn}/gu, '').toLowerCase();
}

export function wordKey(token: string): string {
  return keyOfFolded(foldToken(token));
}

function keyOfFolded(folded: string): string {
  if (ASCII_ONLY.test(folded)) return folded.replace(/[0-9]/g, '0');
  let out = '';
  for (const c of folded) out += charClass(c) === 'N' ? '0' : c;
  return out;
}

const ASCII_UPPER = /^[A-Z]+$/;
const ASCII_LOWER = /^[a-z]+$/;
const ASCII_CAPITALISED = /^[A-Z][a-z]+$/;
const ASCII_LETTERS = /^[A-Za-z]+$/;

export function shapeId(token: string): number {
  // ASCII letters (most tokens): the same answers as below without splitting into code points.
  if (ASCII_LETTERS.test(token)) {
    if (ASCII_LOWER.test(token)) return 1;
    if (token.length === 1) return 4;
    if (ASCII_UPPER.test(token)) return 3;
    return ASCII_CAPITALISED.test(token) ? 2 : 7;
  }
  const cps = [...token];
  const k = charClass(cps[0]!);
  if (k === 'N') return 5;
  if (k === 'P') return 6;
  if (token.toLowerCase() === token && token.toUpperCase() !== token) return 1;
  if (cps.length === 1) return token.toUpperCase() === token && token.toLowerCase() !== token ? 4 : 7;
  if (token.toUpperCase() === token && token.toLowerCase() !== token) return 3;
  const first = cps[0]!;
  const rest = cps.slice(1).join('');
  if (first.toUpperCase() === first && first.toLowerCase() !== first && rest.toLowerCase() === rest) return 2;
  return 7;
}

/** One window of tokens written at `row` of batch arrays laid out [B, T] (words, shapes) and [B, T, maxChars] (chars). */
export interface BatchRows {
  readonly words: Int32Array;
  readonly shapes: Int32Array;
  readonly chars: Int32Array;
  /** T: the padded length of every row. */
  readonly tokens: number;
}

/** Encodes tokens into the model's three inputs, laid out row-major. */
export class FeatureEncoder {
  readonly #words: Map<string, number>;
  readonly #chars: Map<string, number>;
  /** Character id of each ASCII code (the folded, i.e. lower-cased, character's id). */
  readonly #asciiCharId = new Int32Array(128);
  /** The word ids of ASCII tokens, found from their char codes (no string made per token). */
  readonly #asciiWords: AsciiWordTable;
  readonly vocab: Vocabulary;

  constructor(vocab: Vocabulary) {
    this.vocab = vocab;
    this.#words = new Map(vocab.words.map((w, i) => [w, i + 2]));
    this.#chars = new Map([...vocab.charset].map((c, i) => [c, i + 2]));
    for (let code = 0; code < 128; code++) this.#asciiCharId[code] = this.#chars.get(String.fromCharCode(code).toLowerCase()) ?? 1;
    this.#asciiWords = new AsciiWordTable(this.#words);
  }

  wordId(token: string): number {
    return this.#words.get(wordKey(token)) ?? 1;
  }

  charIds(token: string): number[] {
    return this.#charIdsOfFolded(foldToken(token));
  }

  #charIdsOfFolded(foldedToken: string): number[] {
    const folded = [...foldedToken].slice(0, this.vocab.maxChars);
    const ids = folded.map((c) => this.#chars.get(c) ?? 1);
    while (ids.length < this.vocab.maxChars) ids.push(0);
    return ids;
  }

  encode(text: string, tokens: readonly Token[]): { words: Int32Array; chars: Int32Array; shapes: Int32Array } {
    const rows = { words: new Int32Array(tokens.length), chars: new Int32Array(tokens.length * this.vocab.maxChars), shapes: new Int32Array(tokens.length), tokens: tokens.length };
    this.encodeInto(text, tokens, rows, 0);
    return rows;
  }

  /**
   * Writes one window at `row` of batch arrays that are zero where nothing is written (padding).
   * ASCII tokens (most of clinical text) are read by char code: no folded copy, no regex, no
   * string key for the word (AsciiWordTable), no per-character lookup in a Map; others take the general path of foldToken / wordKey / shapeId.
   * Both give the same ids (tokenizer-parity.test.ts).
   */
  encodeInto(text: string, tokens: readonly Token[], rows: BatchRows, row: number): void {
    const maxChars = this.vocab.maxChars;
    const base = row * rows.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const { start, end } = tokens[i]!;
      const at = (base + i) * maxChars;
      let upper = 0;
      let lower = 0;
      let digits = 0;
      let ascii = true;
      let hash = HASH_SEED;
      for (let k = start; k < end; k++) {
        const code = text.charCodeAt(k);
        if (code >= 128) {
          ascii = false;
          break;
        }
        if (code >= 97 && code <= 122) lower++;
        else if (code >= 65 && code <= 90) upper++;
        else if (code >= 48 && code <= 57) digits++;
        hash = hashStep(hash, keyCode(code));
      }
      const n = end - start;
      if (!ascii) {
        const s = text.slice(start, end);
        const folded = foldToken(s);
        rows.words[base + i] = this.#words.get(keyOfFolded(folded)) ?? 1;
        const ids = this.#charIdsOfFolded(folded);
        for (let k = 0; k < maxChars; k++) rows.chars[at + k] = ids[k]!;
        rows.shapes[base + i] = shapeId(s);
        continue;
      }
      const m = Math.min(n, maxChars);
      for (let k = 0; k < m; k++) rows.chars[at + k] = this.#asciiCharId[text.charCodeAt(start + k)]!;
      rows.words[base + i] = this.#asciiWords.find(text, start, n, hash);
      rows.shapes[base + i] = digits === n ? 5 : upper + lower === n ? asciiLetterShape(text, start, n, upper) : shapeId(text.slice(start, end));
    }
  }
}

/** shapeId of an ASCII letter run, from its count of capitals. */
function asciiLetterShape(text: string, start: number, n: number, upper: number): number {
  if (upper === 0) return 1;
  if (n === 1) return 4;
  if (upper === n) return 3;
  const first = text.charCodeAt(start);
  return upper === 1 && first >= 65 && first <= 90 ? 2 : 7;
}

/**
 * The NER tokenizer and feature encoder — the TypeScript twin of models/ner/tokenizer.py. Any
 * change here must be made there too and the model retrained; test/text/tokenizer-parity.test.ts
 * compares both on fixtures produced by the Python side.
 *
 * Tokens: runs of letters/marks, runs of decimal digits, or one other non-space character; runs are
 * cut every `maxTokenChars` code points. Offsets are UTF-16 code units of the input.
 */
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

/** Encodes tokens into the model's three inputs, laid out row-major for one sequence. */
export class FeatureEncoder {
  readonly #words: Map<string, number>;
  readonly #chars: Map<string, number>;
  readonly vocab: Vocabulary;

  constructor(vocab: Vocabulary) {
    this.vocab = vocab;
    this.#words = new Map(vocab.words.map((w, i) => [w, i + 2]));
    this.#chars = new Map([...vocab.charset].map((c, i) => [c, i + 2]));
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
    const maxChars = this.vocab.maxChars;
    // Typed arrays filled in place: no per-token arrays, and the runner copies them into the batch as they are.
    const words = new Int32Array(tokens.length);
    const chars = new Int32Array(tokens.length * maxChars);
    const shapes = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      const s = text.slice(t.start, t.end);
      const folded = foldToken(s);
      words[i] = this.#words.get(keyOfFolded(folded)) ?? 1;
      const at = i * maxChars;
      if (ASCII_ONLY.test(folded)) {
        // One UTF-16 unit per code point: index the string directly.
        const n = Math.min(folded.length, maxChars);
        for (let k = 0; k < n; k++) chars[at + k] = this.#chars.get(folded[k]!) ?? 1;
      } else {
        const ids = this.#charIdsOfFolded(folded);
        for (let k = 0; k < maxChars; k++) chars[at + k] = ids[k]!;
      }
      shapes[i] = shapeId(s);
    }
    return { words, chars, shapes };
  }
}

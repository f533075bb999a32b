/**
 * The NER tokenizer and feature encoder — the TypeScript twin of models/ner/tokenizer.py. Any
 * change here must be made there too and the model retrained; test/text/tokenizer-parity.test.ts
 * compares both on fixtures produced by the Python side.
 *
 * Tokens: runs of letters/marks, runs of decimal digits, or one other non-space character; runs are
 * cut every `maxTokenChars` code points. Offsets are UTF-16 code units of the input.
 */
import { HASH_SEED, hashStep, WordTable } from './word-table.js';

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

/** The rule itself; the tokenizer and the encoder read it from CLASS (below) for codes below TABLE_END. */
export function charClass(c: string): CharClass {
  if (SPACES.has(c)) return 'S';
  if (LETTER.test(c)) return 'L';
  if (DIGIT.test(c)) return 'N';
  return 'P';
}

export function tokenize(text: string, maxTokenChars = 24): Token[] {
  const out: Token[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    const k = classAt(text, i);
    if (k === SPACE) {
      i += widthAt(text, i);
      continue;
    }
    const start = i;
    i += widthAt(text, i);
    if (k === LETTERS || k === DIGITS) {
      let count = 1;
      while (i < n && count < maxTokenChars && classAt(text, i) === k) {
        i += widthAt(text, i);
        count++;
      }
    }
    out.push({ start, end: i });
  }
  return out;
}

const SPACE = 0;
const LETTERS = 1;
const DIGITS = 2;
const OTHER = 3;
const CLASS_NUMBER: Record<CharClass, number> = { S: SPACE, L: LETTERS, N: DIGITS, P: OTHER };

/** charClass of the code point at i, as a number: from the table below TABLE_END (no string made). */
function classAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < TABLE_END) return CLASS[code]!;
  return CLASS_NUMBER[charClass(String.fromCodePoint(text.codePointAt(i)!))];
}

/** UTF-16 units of the code point at i: 2 for a surrogate pair. */
function widthAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  return code >= 0xd800 && code <= 0xdbff && text.codePointAt(i)! > 0xffff ? 2 : 1;
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

/**
 * Per-character answers of the functions above for the codes below TABLE_END (ASCII, Latin-1,
 * Latin Extended-A and -B: the letters of French and English clinical text), so that the encoder
 * reads a token of them code by code. Lower- and upper-casing, decomposing and dropping the marks
 * all work character by character there (no context rule such as Greek's final sigma, no mark that
 * canonical reordering would move), so a token's answer is made of its characters' answers;
 * tokenizer-parity and ner-encoder-fast-paths compare both ways on every character and every pair.
 */
const TABLE_END = 0x250;
/** The character's folded code (foldToken), or -1 when it does not fold to exactly one code. */
const FOLDED = new Int32Array(TABLE_END);
/** The word-key code (keyOfFolded of the folded character), or -1 as above. */
const KEY = new Int32Array(TABLE_END);
/** Bit 1: lower-casing leaves it as it is; bit 2: upper-casing does. */
const CASE = new Uint8Array(TABLE_END);
const LOWER_SAME = 1;
const UPPER_SAME = 2;
/** charClass as a number (CLASS_NUMBER). */
const CLASS = new Uint8Array(TABLE_END);
for (let code = 0; code < TABLE_END; code++) {
  const c = String.fromCharCode(code);
  const folded = foldToken(c);
  FOLDED[code] = folded.length === 1 ? folded.charCodeAt(0) : -1;
  KEY[code] = folded.length === 1 ? keyOfFolded(folded).charCodeAt(0) : -1;
  CASE[code] = (c.toLowerCase() === c ? LOWER_SAME : 0) | (c.toUpperCase() === c ? UPPER_SAME : 0);
  CLASS[code] = CLASS_NUMBER[charClass(c)];
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
  /** Character id of each code below TABLE_END (its folded character's id). */
  readonly #charId = new Int32Array(TABLE_END);
  /** The word ids of tokens of such codes, found from the codes (no string made per token). */
  readonly #wordTable: WordTable;
  readonly vocab: Vocabulary;

  constructor(vocab: Vocabulary) {
    this.vocab = vocab;
    this.#words = new Map(vocab.words.map((w, i) => [w, i + 2]));
    this.#chars = new Map([...vocab.charset].map((c, i) => [c, i + 2]));
    for (let code = 0; code < TABLE_END; code++) this.#charId[code] = FOLDED[code]! < 0 ? 1 : (this.#chars.get(String.fromCharCode(FOLDED[code]!)) ?? 1);
    this.#wordTable = new WordTable(this.#words);
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
   * Tokens of codes below TABLE_END (nearly all of clinical text) are read code by code through
   * the per-character tables: no folded copy, regex, string key or Map; others take the general
   * path of foldToken / wordKey / shapeId. Both give the same ids (tokenizer-parity.test.ts,
   * ner-encoder-fast-paths.test.ts).
   */
  encodeInto(text: string, tokens: readonly Token[], rows: BatchRows, row: number): void {
    const maxChars = this.vocab.maxChars;
    const base = row * rows.tokens;
    const { words, shapes, chars } = rows;
    const charId = this.#charId;
    const wordTable = this.#wordTable;
    for (let i = 0; i < tokens.length; i++) {
      const { start, end } = tokens[i]!;
      const at = (base + i) * maxChars;
      const n = end - start;
      let hash = HASH_SEED;
      let tabled = true;
      // AND of the CASE bits over the token, and over the token after its first character.
      let allCase = LOWER_SAME | UPPER_SAME;
      let restCase = LOWER_SAME | UPPER_SAME;
      // One folded code per character: the folded token is as long as the token, and its first
      // maxChars characters' ids are written as the token is read.
      const charsEnd = start + Math.min(n, maxChars);
      for (let k = start; k < end; k++) {
        const code = text.charCodeAt(k);
        if (code >= TABLE_END || KEY[code]! < 0) {
          tabled = false;
          break;
        }
        hash = hashStep(hash, KEY[code]!);
        allCase &= CASE[code]!;
        if (k > start) restCase &= CASE[code]!;
        if (k < charsEnd) chars[at + k - start] = charId[code]!;
      }
      if (!tabled) {
        // Every character id of the row is written again here (the loop above may have begun).
        const s = text.slice(start, end);
        const folded = foldToken(s);
        words[base + i] = this.#words.get(keyOfFolded(folded)) ?? 1;
        const ids = this.#charIdsOfFolded(folded);
        for (let k = 0; k < maxChars; k++) chars[at + k] = ids[k]!;
        shapes[base + i] = shapeId(s);
        continue;
      }
      words[base + i] = wordTable.find(text, start, n, hash, KEY);
      const first = text.charCodeAt(start);
      shapes[base + i] = tabledShape(CLASS[first]!, CASE[first]!, n, allCase, restCase);
    }
  }
}

/**
 * shapeId of a token of table codes, from its first character's class and CASE bits and the AND of
 * the CASE bits over the token and over the rest: the same branches in the same order.
 */
function tabledShape(firstClass: number, firstCase: number, n: number, allCase: number, restCase: number): number {
  if (firstClass === DIGITS) return 5;
  if (firstClass === OTHER) return 6;
  const lowerSame = (allCase & LOWER_SAME) !== 0;
  const upperSame = (allCase & UPPER_SAME) !== 0;
  if (lowerSame && !upperSame) return 1;
  if (n === 1) return upperSame && !lowerSame ? 4 : 7;
  if (upperSame && !lowerSame) return 3;
  const firstCapital = (firstCase & UPPER_SAME) !== 0 && (firstCase & LOWER_SAME) === 0;
  return firstCapital && (restCase & LOWER_SAME) !== 0 ? 2 : 7;
}

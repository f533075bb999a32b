import { NAME_KINDS, type IdentifyingValue, type IdentifyingValues } from '../../../src/demo/cohort.js';

/**
 * Finds identifying values of the cohort in response text. Two matchers, built once over the
 * generator's list and run once over each text (Aho–Corasick: cost proportional to the text, not to
 * text × values, so a crawl of the whole cohort stays in seconds):
 *  - names, case-insensitively and on word boundaries ("Martin" leaks in "MARTIN," but not in
 *    "Martinez"), after folding the text to lower-case words separated by single spaces;
 *  - everything else (phones, identifiers, e-mails, street lines, dates, UIDs, note lines, ids),
 *    as exact substrings.
 */
export class LeakDetector {
  readonly #names: AhoCorasick<IdentifyingValue>;
  readonly #exact: AhoCorasick<IdentifyingValue>;

  constructor(values: IdentifyingValues) {
    this.#names = new AhoCorasick(values.filter((v) => NAME_KINDS.has(v.kind)).map((v) => [` ${words(v.value)} `, v]));
    this.#exact = new AhoCorasick(values.filter((v) => !NAME_KINDS.has(v.kind)).map((v) => [v.value, v]));
  }

  /** The identifying values found in a haystack (see `haystackOf`). */
  find(haystack: Haystack): IdentifyingValue[] {
    const found = new Set<IdentifyingValue>();
    for (const v of this.#exact.search(haystack.all)) found.add(v);
    for (const v of this.#names.search(` ${words(haystack.prose)} `)) found.add(v);
    return [...found];
  }
}

export interface Haystack {
  /** The raw body and every string in it, decoded: searched for exact values. */
  readonly all: string;
  /**
   * The same without opaque tokens (ids, references, URLs with cursors, long unspaced tokens):
   * searched for names. Pseudonyms are random letters and digits between `-` and `.`, so a short
   * name such as "Roux" turns up in them, case folded, by pure chance; a name hidden in a
   * pseudonym is not a way names leak (and the exact matcher still reads those tokens).
   */
  readonly prose: string;
}

const OPAQUE_KEYS = new Set(['id', 'reference', 'fullUrl', 'url', 'system']);
const OPAQUE_TOKEN = /^[A-Za-z0-9\-._~:/?=&%+]{16,}$/;

/**
 * Everything a response says, as one text: the raw body, then every string in it decoded — JSON
 * escapes resolved, base64 attachments decoded, XHTML narratives stripped of tags and entities.
 */
export function haystackOf(rawBody: string): Haystack {
  const parts = [rawBody];
  const prose: string[] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(rawBody);
  } catch {
    return { all: rawBody, prose: rawBody };
  }
  const walk = (node: unknown, key: string): void => {
    if (typeof node === 'string') {
      const decoded = key === 'data' && /^[A-Za-z0-9+/=\s]+$/.test(node)
        ? Buffer.from(node, 'base64').toString('utf8')
        : key === 'div' ? unescapeXml(node.replace(/<[^>]*>/g, ' ')) : undefined;
      parts.push(node);
      if (decoded !== undefined) parts.push(decoded);
      if (decoded !== undefined) prose.push(decoded);
      else if (!OPAQUE_KEYS.has(key) && !OPAQUE_TOKEN.test(node)) prose.push(node);
    } else if (Array.isArray(node)) {
      for (const item of node) walk(item, key);
    } else if (node !== null && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, k);
    }
  };
  walk(parsed, '');
  return { all: parts.join('\n'), prose: prose.join('\n') };
}

function words(text: string): string {
  return text.normalize('NFC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0).join(' ');
}

function unescapeXml(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Multi-pattern substring search (Aho–Corasick automaton over UTF-16 code units). */
class AhoCorasick<T> {
  readonly #goto: Map<number, number>[] = [new Map()];
  readonly #fail: number[] = [0];
  readonly #out: T[][] = [[]];

  constructor(patterns: readonly (readonly [string, T])[]) {
    for (const [pattern, payload] of patterns) {
      if (pattern.length === 0) continue;
      let state = 0;
      for (let i = 0; i < pattern.length; i++) {
        const c = pattern.charCodeAt(i);
        let next = this.#goto[state].get(c);
        if (next === undefined) {
          next = this.#goto.length;
          this.#goto.push(new Map());
          this.#fail.push(0);
          this.#out.push([]);
          this.#goto[state].set(c, next);
        }
        state = next;
      }
      this.#out[state].push(payload);
    }
    const queue: number[] = [];
    for (const s of this.#goto[0].values()) queue.push(s);
    for (let head = 0; head < queue.length; head++) {
      const r = queue[head];
      for (const [c, s] of this.#goto[r]) {
        queue.push(s);
        let f = this.#fail[r];
        while (f !== 0 && !this.#goto[f].has(c)) f = this.#fail[f];
        const target = this.#goto[f].get(c);
        this.#fail[s] = target !== undefined && target !== s ? target : 0;
        this.#out[s] = [...this.#out[s], ...this.#out[this.#fail[s]]];
      }
    }
  }

  search(text: string): T[] {
    const found: T[] = [];
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      while (state !== 0 && !this.#goto[state].has(c)) state = this.#fail[state];
      state = this.#goto[state].get(c) ?? 0;
      if (this.#out[state].length > 0) found.push(...this.#out[state]);
    }
    return found;
  }
}

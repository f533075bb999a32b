/**
 * The matches of a "keyword, blanks, separator" pattern (a field label before ':' and the like), as
 * `text.matchAll(pattern)` gives them, without trying the pattern at every position of the text.
 * The keyword is an alternation of many words (each tried at every position, that costs more than
 * any other scan of persons.ts); but it ends right where the blanks before a separator begin, so a
 * match can only start in the few characters before one. The pattern is tried there, sticky, at
 * every position in increasing order and from the end of the last match on, exactly as the global
 * scan would (which would fail everywhere else).
 */
export interface KeywordBeforeSeparator {
  /** The pattern, with the flags its global scan had; sticky ('y') is added. */
  readonly pattern: RegExp;
  /** The keyword alternation's source: its longest match bounds where a match can start. */
  readonly keywordSource: string;
  /** The separator characters. */
  readonly separators: string;
}

export function keywordBeforeSeparatorScanner(spec: KeywordBeforeSeparator): (text: string) => RegExpExecArray[] {
  const longest = longestMatch(spec.keywordSource);
  const global = new RegExp(spec.pattern.source, spec.pattern.flags.includes('g') ? spec.pattern.flags : spec.pattern.flags + 'g');
  // A keyword of unbounded length: no window to keep to, the whole text is scanned.
  if (longest === undefined) return (text) => [...text.matchAll(global)];
  const sticky = new RegExp(spec.pattern.source, spec.pattern.flags.replace('g', '') + 'y');
  return (text) => {
    const out: RegExpExecArray[] = [];
    let from = 0;
    // Windows end where the blanks before a separator begin; they start `longest` characters earlier.
    let at = 0;
    const separators = new SeparatorScan(text, spec.separators);
    for (let q = separators.next(); q >= 0; q = separators.next()) {
      let keywordEnd = q;
      while (keywordEnd > 0 && (text[keywordEnd - 1] === ' ' || text[keywordEnd - 1] === '\t')) keywordEnd--;
      for (at = Math.max(at, from, keywordEnd - longest); at < keywordEnd; at++) {
        sticky.lastIndex = at;
        const m = sticky.exec(text);
        if (!m) continue;
        out.push(m);
        from = m.index + Math.max(1, m[0].length);
        at = from - 1;
      }
    }
    return out;
  };
}

/** The separators' positions in increasing order, each character found by indexOf (a character-by-character loop cost more than the pattern it saved). */
class SeparatorScan {
  readonly #text: string;
  readonly #characters: string[];
  readonly #nextAt: number[];
  constructor(text: string, separators: string) {
    this.#text = text;
    this.#characters = [...separators];
    this.#nextAt = this.#characters.map((c) => text.indexOf(c));
  }
  next(): number {
    let k = -1;
    for (let j = 0; j < this.#nextAt.length; j++) if (this.#nextAt[j]! >= 0 && (k < 0 || this.#nextAt[j]! < this.#nextAt[k]!)) k = j;
    if (k < 0) return -1;
    const at = this.#nextAt[k]!;
    this.#nextAt[k] = this.#text.indexOf(this.#characters[k]!, at + 1);
    return at;
  }
}

/**
 * Longest string a regex source of literals, escapes, character classes, non-capturing groups,
 * alternation and '?' can match, in UTF-16 code units; undefined for anything else (a repetition,
 * a class that may match an astral character), which callers take as unbounded.
 */
export function longestMatch(source: string): number | undefined {
  let i = 0;
  const alternation = (): number | undefined => {
    let best = 0;
    for (;;) {
      let length = 0;
      while (i < source.length && source[i] !== '|' && source[i] !== ')') {
        let atom: number | undefined;
        const c = source[i]!;
        if (c === '(') {
          if (!source.startsWith('(?:', i)) return undefined;
          i += 3;
          atom = alternation();
          if (atom === undefined || source[i] !== ')') return undefined;
          i++;
        } else if (c === '[') {
          const close = source.indexOf(']', i);
          if (close < 0 || /\\[pPuU]/.test(source.slice(i, close))) return undefined;
          i = close + 1;
          atom = 1;
        } else if (c === '\\') {
          if (!/^\\[.\\/\-\[\]()?*+|^$' ]$/.test(source.slice(i, i + 2))) return undefined;
          i += 2;
          atom = 1;
        } else if ('*+{^$.'.includes(c)) return undefined;
        else {
          if (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdfff) return undefined;
          i++;
          atom = 1;
        }
        if (source[i] === '*' || source[i] === '+' || source[i] === '{') return undefined;
        if (source[i] === '?') i++; // optional: the longest match still takes it
        length += atom;
      }
      best = Math.max(best, length);
      if (source[i] !== '|') return best;
      i++;
    }
  };
  const longest = alternation();
  return i === source.length ? longest : undefined;
}

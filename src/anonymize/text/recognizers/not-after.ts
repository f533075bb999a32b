/**
 * A global pattern that opens with a negative lookbehind of one character class, `(?<![\p{L}])…`,
 * matched as the pattern without it plus a test of the character before each match. Same matches as
 * `text.matchAll(pattern)`, found faster: V8 evaluates a leading lookbehind at every position of the
 * text before anything else, while the pattern without it skips ahead to its first characters (the
 * field-label alternation of ids.ts: 2.5 times as fast on the eval documents). Worth it where the
 * rest of the pattern rarely matches right after an excluded character (a match there is found, then
 * dropped, and the search goes on one character later, where the lookbehind's search would have gone
 * on too).
 */
export interface NotAfterPattern {
  /** The pattern without its leading lookbehind, same flags. */
  readonly body: RegExp;
  /** The lookbehind's class, as a one-character test. */
  readonly excluded: RegExp;
  /** Whether the lookbehind reads code points (flag u or v) rather than UTF-16 units. */
  readonly codePoints: boolean;
}

const LEADING_LOOKBEHIND = /^\(\?<!\[((?:[^\]\\]|\\.)*)\]\)/;

/** Splits a global pattern of the form `(?<![class])rest`; throws on any other form. */
export function notAfter(pattern: RegExp): NotAfterPattern {
  const lookbehind = LEADING_LOOKBEHIND.exec(pattern.source);
  if (!lookbehind || !pattern.global) throw new Error(`notAfter needs a global pattern opening with (?<![…]): ${pattern.source.slice(0, 40)}`);
  const flags = pattern.flags;
  return {
    body: new RegExp(pattern.source.slice(lookbehind[0].length), flags),
    excluded: new RegExp(`[${lookbehind[1]}]`, flags.replace(/[gyd]/g, '')),
    codePoints: /[uv]/.test(flags),
  };
}

/** The character (a whole code point where the pattern reads code points) that ends at `at`. */
function characterBefore(text: string, at: number, codePoints: boolean): string {
  const low = text.charCodeAt(at - 1);
  if (codePoints && low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(at - 2, at);
  }
  return text[at - 1]!;
}

/** Every match of the pattern `notAfter` split, in order: `[...text.matchAll(pattern)]`. */
export function matchesNotAfter(pattern: NotAfterPattern, text: string): RegExpExecArray[] {
  const { body, excluded, codePoints } = pattern;
  const out: RegExpExecArray[] = [];
  body.lastIndex = 0;
  for (let m = body.exec(text); m; m = body.exec(text)) {
    if (m.index > 0 && excluded.test(characterBefore(text, m.index, codePoints))) {
      // The lookbehind fails here: the search goes on from the next character, as it would have.
      body.lastIndex = m.index + (codePoints && isSurrogatePairAt(text, m.index) ? 2 : 1);
      continue;
    }
    out.push(m);
    if (m[0].length === 0) body.lastIndex = m.index + (codePoints && isSurrogatePairAt(text, m.index) ? 2 : 1);
  }
  body.lastIndex = 0;
  return out;
}

function isSurrogatePairAt(text: string, at: number): boolean {
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
}

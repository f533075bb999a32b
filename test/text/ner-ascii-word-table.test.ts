import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeatureEncoder, tokenize, type Vocabulary } from '../../src/anonymize/text/ner/tokenizer.js';

// The encoder finds the word ids of ASCII tokens from their char codes (AsciiWordTable); they must be
// the ids of the general path (wordKey, then the vocabulary's Map) for every token.
const vocab = JSON.parse(readFileSync(path.resolve(process.cwd(), 'models/ner/vocab.json'), 'utf8')) as Vocabulary;
const encoder = new FeatureEncoder(vocab);

/** Tokens of `text` whose encoded word id differs from wordId() of the token. */
function mismatches(text: string): string[] {
  const tokens = tokenize(text, vocab.maxTokenChars);
  const { words } = encoder.encode(text, tokens);
  return tokens.map((t, i) => ({ token: text.slice(t.start, t.end), id: words[i]! })).filter(({ token, id }) => id !== encoder.wordId(token)).map(({ token }) => token);
}

describe('word ids of ASCII tokens', () => {
  it('every vocabulary word, in lower case, capitals and capitalised, and with its digits changed, gets its own id', () => {
    const variants = vocab.words.flatMap((w) => [w, w.toUpperCase(), w.charAt(0).toUpperCase() + w.slice(1), w.replace(/0/g, '7')]);
    expect(mismatches(variants.join(' '))).toEqual([]);
    // Known words were found, not only unknown ones answered alike.
    const tokens = tokenize(variants.join(' '), vocab.maxTokenChars);
    expect(encoder.encode(variants.join(' '), tokens).words.filter((id) => id > 1).length).toBeGreaterThan(0.9 * tokens.length);
  });

  it('unknown tokens, letters and digits mixed, long runs cut at maxTokenChars, and the dev notes', () => {
    let seed = 7;
    const next = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) / (1 << 24);
    const alphabet = 'aAbBeEiInNoOrRsStTzZ0123456789';
    const random = Array.from({ length: 20_000 }, () => Array.from({ length: 1 + Math.floor(next() * 30) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
    expect(mismatches(random.join(' '))).toEqual([]);
    const dev = path.resolve(process.cwd(), 'eval/text/dev');
    const notes = readdirSync(dev)
      .filter((f) => f.endsWith('.jsonl'))
      .flatMap((f) => readFileSync(path.join(dev, f), 'utf8').split('\n').filter(Boolean).map((l) => (JSON.parse(l) as { text: string }).text));
    expect(notes.length).toBeGreaterThan(10);
    for (const note of notes) expect(mismatches(note)).toEqual([]);
  });
});

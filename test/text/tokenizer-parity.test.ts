import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FeatureEncoder, shapeId, tokenize, wordKey, type Vocabulary } from '../../src/anonymize/text/ner/tokenizer.js';

// Fixtures written by models/ner/make_fixtures.py with the Python tokenizer used for training.
const fixtures = readFileSync(path.resolve(process.cwd(), 'models/ner/fixtures/tokenizer.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { text: string; tokens: string[]; keys: string[]; shapes: number[]; chars: number[][] });
const vocab = JSON.parse(readFileSync(path.resolve(process.cwd(), 'models/ner/vocab.json'), 'utf8')) as Vocabulary;

describe('the TypeScript tokenizer matches the Python training tokenizer', () => {
  const encoder = new FeatureEncoder(vocab);
  it.each(fixtures.map((f) => [f.text.slice(0, 40), f] as const))('%s', (_name, f) => {
    const tokens = tokenize(f.text, vocab.maxTokenChars);
    const strings = tokens.map((t) => f.text.slice(t.start, t.end));
    expect(strings).toEqual(f.tokens);
    expect(strings.map(wordKey)).toEqual(f.keys);
    expect(strings.map(shapeId)).toEqual(f.shapes);
    expect(strings.map((s) => encoder.charIds(s))).toEqual(f.chars);
    // The batch encoder (typed arrays, ASCII fast paths) gives the model the same inputs.
    const encoded = encoder.encode(f.text, tokens);
    expect([...encoded.words]).toEqual(f.keys.map((k) => (vocab.words.indexOf(k) >= 0 ? vocab.words.indexOf(k) + 2 : 1)));
    expect([...encoded.shapes]).toEqual(f.shapes);
    expect([...encoded.chars]).toEqual(f.chars.flat());
  });

  it('the vocabulary shipped with the model is the one the encoder reads', () => {
    expect(vocab.tags[0]).toBe('O');
    expect(vocab.words.length).toBeGreaterThan(1000);
    expect(new FeatureEncoder(vocab).wordId('patient')).toBeGreaterThan(1);
  });
});

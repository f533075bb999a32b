import { describe, expect, it } from 'vitest';
import { propagateNames } from '../../src/anonymize/text/merge.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { PRIORITY, type Span } from '../../src/anonymize/text/types.js';

// Regression (holdout48, holdout49, holdout52 false positives, family chats): a chat member named by a family word
// ("Mamie Odette", "Nonno Ottavio") spread the family word to every mention of the relation ("Pas grave mamie", "del
// nonno"); the name after it still spreads.
describe('spreading a name found with a family word', () => {
  it('spreads the name, not the family word', () => {
    const text = '[18/11/26 08:31] Mamie Odette : je prends le bus.\n[18/11/26 08:40] Léa : pas grave mamie, Odette arrive.\nNonno Ottavio dort ; il nonno va meglio.';
    const span = (words: string): Span => {
      const start = text.indexOf(words);
      return { start, end: start + words.length, label: 'PERSON', score: 0.85, priority: PRIORITY.context, source: 'person-chat-speaker' };
    };
    const spread = propagateNames([span('Mamie Odette'), span('Nonno Ottavio')], makeDoc(text, 'fr'))
      .filter((s) => s.source === 'person-propagated')
      .map((s) => text.slice(s.start, s.end));
    expect(spread).toContain('Odette');
    expect(spread.filter((w) => /^(?:mamie|nonno)$/i.test(w))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { personSpans } from '../../src/anonymize/text/recognizers/persons.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

/** The title rule alone (no model, no later rule): what it reads after a lowercase title. */
function afterTitle(text: string): string[] {
  return personSpans(makeDoc(text, 'en'))
    .filter((s) => s.source === 'person-title-lower')
    .map((s) => text.slice(s.start, s.end));
}

// Regression: the optional dot after a lowercase title applied to the last title of the list only ("ms"),
// so "mrs. jablonski" or "dr. okafor" in a lowercase note named nobody; and dictation transcripts write
// the titles out as said ("patient mister bwalya mulenga", "wife missus grace kapambwe").
describe('a lowercase name after a dotted title or a spoken one', () => {
  it('reads the name after any title with its dot', () => {
    expect(afterTitle('nurse note 12/24\nmrs. jablonski ambulated x2')).toEqual(['jablonski']);
    expect(afterTitle('seen by dr. okafor this am')).toEqual(['okafor']);
    expect(afterTitle('solicitor ms. h. begum.')).toEqual(['h. begum']);
  });

  it('reads the name after "mister" and "missus" as dictated', () => {
    expect(afterTitle('patient mister bwalya mulenga age fifty one')).toEqual(['bwalya']);
    expect(afterTitle('the employer contact missus folasade omotayo full stop')).toEqual(['folasade']);
  });

  it('does not read "misses" (a verb) or a lowercase word after "mister" that the rule refuses', () => {
    expect(afterTitle('feeling low, misses her boyfriend')).toEqual([]);
    expect(afterTitle('mister de garde')).toEqual([]);
  });
});

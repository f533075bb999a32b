import { describe, expect, it } from 'vitest';
import { initialsPersonSpans } from '../../src/anonymize/text/recognizers/persons-initials.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

const found = (text: string) => initialsPersonSpans(makeDoc(text, 'en')).map((s) => text.slice(s.start, s.end));

// Regression (holdout52 miss class): a call log signs each entry with the nurse's initials in capitals after a dash
// ("… reassured. — KP"), and a letter's typing line puts a colon after "Typed" ("Typed: 16/11/2026 (kb)"); neither
// was read as a person's initials.
describe("a writer's initials after a dash closing log lines, and after 'Typed:'", () => {
  it('are a person when two lines at least close so', () => {
    const log = ['02/11 10:05 — caller: mother — advised to bring the card. — RT', '02/11 14:40 — caller: father — stools yellow, reassured. — MB', '03/11 09:15 — no answer, left a message. — RT'].join('\n');
    // The last line's initials are also the document's closing sign-off, read by another form: a second span there.
    expect([...new Set(found(log))]).toEqual(['RT', 'MB']);
    expect(found(log).filter((p) => p === 'MB')).toHaveLength(1);
  });

  it('leave one closing line, and an acronym that is an ordinary word, alone', () => {
    expect(found('Seen in the clinic, review booked. — JW\nPlan as discussed.')).toEqual([]);
    expect(found('Wound checked. — OK\nDressing changed. — OK')).toEqual([]);
  });

  it("are the typist's after a colon and the typing date", () => {
    expect(found('Dictated: 02/11/2026   Typed: 05/11/2026 (rh)\n\nDr A. Person')).toContain('rh');
  });
});

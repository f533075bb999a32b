import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { surnamesAfterFirstNames } from '../../src/anonymize/text/surname-after-first-name.js';
import type { Span } from '../../src/anonymize/text/types.js';

/** The PERSON spans of the rules alone, as written in the text. */
async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'auto' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

/** What the extension offers for one PERSON span over `name` in `text`. */
function extended(text: string, name: string): string[] {
  const start = text.indexOf(name);
  const span: Span = { start, end: start + name.length, label: 'PERSON', score: 0.8, priority: 60, source: 'test' };
  return surnamesAfterFirstNames([span], makeDoc(text, 'auto')).map((s) => text.slice(s.start, s.end));
}

describe('the surname after a name that stops at its first name', () => {
  it('is taken with it through the pipeline (it went out in clear before)', async () => {
    expect(await persons("prochain rdv : le 12/01/2027 avec dr solène giraudeau\nmail patient pour l'agenda")).toEqual(['solène giraudeau']);
    expect((await persons('Dermoscopic images taken by HCA Ellie Bowness.\nPast history: BCC')).join(' ')).toMatch(/Ellie Bowness$/);
  });

  it('after a listed first name, or a one-word name, in the same case style', () => {
    expect(extended('vu par goulven riou ce jour', 'goulven')).toEqual(['goulven riou']);
    expect(extended('Contact: Mathieu Rougeot, tel', 'Mathieu')).toEqual(['Mathieu Rougeot']);
    expect(extended('Référent : Jean DUPONT, IDE', 'Jean')).toEqual(['Jean DUPONT']);
  });
});

describe('what is not taken for a surname', () => {
  it('an ordinary word, a verb the dictionary leaves to names, a credential or a code', () => {
    expect(extended('told her dr fischer will call in am', 'fischer')).toEqual([]);
    expect(extended('seen by Ellie today', 'Ellie')).toEqual([]);
    expect(extended('hospitalist on: dr tran pgr 4471', 'tran')).toEqual([]);
    expect(extended('pt KALANIANAOLE, KEONI MRN Q00884127', 'KEONI')).toEqual([]);
    expect(extended('Patient Sarah MRN 4471', 'Sarah')).toEqual([]);
  });

  it('a word on the next line, after two blanks or a comma, or in another case style', () => {
    expect(extended('dr solène\ngiraudeau', 'solène')).toEqual([]);
    expect(extended('Ellie  Bowness', 'Ellie')).toEqual([]);
    expect(extended('Ellie, Bowness', 'Ellie')).toEqual([]);
    expect(extended('Claire foucault', 'Claire')).toEqual([]);
  });

  it('a span of two words that does not end on a first name', () => {
    expect(extended('Dr Martin Dupont Xyzzyq', 'Martin Dupont')).toEqual([]);
  });
});

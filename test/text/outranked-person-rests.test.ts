import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';
import { mergeSpans } from '../../src/anonymize/text/merge.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import type { Label, Span } from '../../src/anonymize/text/types.js';

/** A span over the first occurrence of `part` in `text`. */
function span(text: string, part: string, label: Label, priority: number, source: string): Span {
  const start = text.indexOf(part);
  if (start < 0) throw new Error(`"${part}" is not in the text`);
  return { start, end: start + part.length, label, score: 0.9, priority, source };
}

/** What the merge leaves of a surer span over part of a name and the model's whole name. */
function merged(text: string, surer: [string, Label], whole: string): string[] {
  const spans = [span(text, surer[0], surer[1], 55, 'rule'), span(text, whole, 'PERSON', 40, 'ner')];
  return mergeSpans(spans, makeDoc(text, 'en')).map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

describe('the rest of an outranked name is not left in clear', () => {
  it('covers the surname a surer first-name span left out of the model span', () => {
    expect(merged('Optometrist: Owain Rees, GOC 01-32448', ['Owain', 'PERSON'], 'Owain Rees')).toEqual(['PERSON:Owain Rees']);
    expect(merged('Deceased: Terence Albert Marchant   Date of birth', ['Terence Albert', 'PERSON'], 'Terence Albert Marchant')).toEqual([
      'PERSON:Terence Albert Marchant',
    ]);
  });

  it('covers a first name written before the surer surname, and a hyphenated part', () => {
    expect(merged('vue avec madeleine SIMON ce jour', ['SIMON', 'PERSON'], 'madeleine SIMON')).toEqual(['PERSON:madeleine SIMON']);
    expect(merged('IDE Mélissa Ho-A-Chuck', ['Mélissa Ho', 'PERSON'], 'Mélissa Ho-A-Chuck')).toEqual(['PERSON:Mélissa Ho', 'PERSON:A-Chuck']);
  });

  it('goes through the whole pipeline: a model span the rules outrank in part', async () => {
    const text = 'Deceased: Terence Albert Marchant   Date of birth: 2nd May 1941';
    const model = async () => [span(text, 'Terence Albert Marchant', 'PERSON', 40, 'ner')];
    const { spans } = await detect(text, { lang: 'en', model });
    const covered = spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
    expect(covered.join(' ')).toContain('Marchant');
  });
});

describe('what the rest of an outranked span does not become', () => {
  it('no rest across a line break, a comma or the gap between two fields', () => {
    expect(merged('Arjun Mehta\n\nCoronary angiography', ['Arjun Mehta', 'PERSON'], 'Arjun Mehta\n\nCoronary')).toEqual(['PERSON:Arjun Mehta']);
    expect(merged('Rey, RPPS 10003456789', ['Rey', 'PERSON'], 'Rey, RPPS')).toEqual(['PERSON:Rey']);
    expect(merged('Deborah Asante-Mensah   Membership BUPA', ['Deborah Asante-Mensah', 'PERSON'], 'Deborah Asante-Mensah   Membership BUPA')).toEqual([
      'PERSON:Deborah Asante-Mensah',
    ]);
  });

  it('no title, field label, kin word or lone initial', () => {
    expect(merged('seen by Dr Holloway today', ['Holloway', 'PERSON'], 'Dr Holloway')).toEqual(['PERSON:Holloway']);
    expect(merged('Patrick DOB 02/03/1950', ['Patrick', 'PERSON'], 'Patrick DOB')).toEqual(['PERSON:Patrick']);
    expect(merged('with his grandfather Rubén Archuleta', ['Rubén Archuleta', 'PERSON'], 'grandfather Rubén Archuleta')).toEqual(['PERSON:Rubén Archuleta']);
    expect(merged('by S. Mitchell', ['Mitchell', 'PERSON'], 'S. Mitchell')).toEqual(['PERSON:Mitchell']);
  });

  it('no rest where the surer span is no name, nor from a span of another label', () => {
    expect(merged('at Royal Infirmary Leeds', ['Infirmary Leeds', 'HOSPITAL'], 'Royal Infirmary')).toEqual(['HOSPITAL:Infirmary Leeds']);
    const text = 'Queen Elizabeth Hospital Birmingham';
    const spans = [span(text, 'Queen Elizabeth', 'PERSON', 55, 'rule'), span(text, 'Queen Elizabeth Hospital', 'HOSPITAL', 40, 'ner')];
    expect(mergeSpans(spans, makeDoc(text, 'en')).map((s) => text.slice(s.start, s.end))).toEqual(['Queen Elizabeth']);
  });
});

describe('an acronym beside a name', () => {
  it('is a role beside a name in small letters, a part of a name in capitals', () => {
    expect(merged("sur réquisition de l'OPJ Karim Belkacem", ['Karim Belkacem', 'PERSON'], 'OPJ Karim Belkacem')).toEqual(['PERSON:Karim Belkacem']);
    expect(merged('patient LE GUENNEC Yves', ['GUENNEC Yves', 'PERSON'], 'LE GUENNEC Yves')).toEqual(['PERSON:LE GUENNEC Yves']);
  });
});

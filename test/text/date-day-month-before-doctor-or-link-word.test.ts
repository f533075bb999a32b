import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

// A bare day/month before "<word> <street word>" is read as a flat ("21/4 Leven Road"), no date. The
// street words "Dr" and "St" are mostly Doctor and Saint after a date, and a link word before the
// street word ("by court order") names no street: those days/months stay dates. Invented examples.
async function dates(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

describe('a day/month before a doctor, a saint or a link word is a date', () => {
  it('keeps the date', async () => {
    expect(await dates('Reviewed 19/5 by Dr Ashgrove in clinic.')).toEqual(['19/5']);
    expect(await dates('Admitted 23/8 to St Colm ward.')).toEqual(['23/8']);
    expect(await dates('Detained 16/2 by court order.')).toEqual(['16/2']);
  });
  it('still reads a flat before a street as no date', async () => {
    expect(await dates('lives at 19/5 Garroway Road, Perth')).toEqual([]);
  });
});

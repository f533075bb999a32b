import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON' || s.label === 'ID').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (holdout10, holdout11 misses): a list names its staff by column ("ORDERING", "porter",
// "witness") and a person by the last four digits of a number ("LAST4"); the cells were left as text.
describe('columns of staff and of last four digits', () => {
  it('make their cells persons and identifiers', async () => {
    const table = ['TIME  | PATIENT          | LAST4 | EXAM        | ORDERING', '0800  | NGUYEN, VAN      | 4417  | CT CHEST    | OKONKWO', '0820  | BLACKWOLF, DARYL | 0932  | CT HEAD     | LINDQVIST'].join('\n');
    expect(await labelled(table)).toEqual(['PERSON NGUYEN, VAN', 'ID 4417', 'PERSON OKONKWO', 'PERSON BLACKWOLF, DARYL', 'ID 0932', 'PERSON LINDQVIST']);
    const porters = ['task   | time  | from   | to      | patient          | porter', '88219  | 22:40 | Ward 1 | CT      | HAIDARI, Zarmina | Gav', '88230  | 23:05 | AMU    | Ward 70 | CHEUNG, Wing Yan | Shaun'].join('\n');
    expect(await labelled(porters)).toEqual(['ID 88219', 'PERSON HAIDARI, Zarmina', 'PERSON Gav', 'ID 88230', 'PERSON CHEUNG, Wing Yan', 'PERSON Shaun']);
  });

  it('an exam or a ward column stays text', async () => {
    const table = ['TIME  | EXAM        | WARD', '0800  | CT CHEST    | Ward 4', '0820  | CT HEAD     | AMU'].join('\n');
    expect(await labelled(table)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'ID' || s.label === 'PHONE').map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (miss class "phones released as long-number identifiers"): Australian 1300/1800 numbers
// grouped 4-3-3, and a local number of five digits after an area code and a phone word ("Tel 027 50133").
describe('Australian inbound numbers and five-digit local groups', () => {
  it('are phones', async () => {
    expect(await labelled('Need help? Call 1300 246 987 or visit the website')).toEqual(['PHONE 1300 246 987']);
    expect(await labelled('Bantry General Hospital, Sheskin, Bantry\nTel 027 50133\n')).toEqual(['PHONE 027 50133']);
  });

  it('leaves the same digits unspaced in a table, an identifier', async () => {
    expect(await labelled('N°\tNOM\n1300457812\tFERNANDEZ')).toEqual(['ID 1300457812']);
  });
});

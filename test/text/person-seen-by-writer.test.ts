import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (miss class "first name right after 'I saw'"): clinic letters name a child by the first
// name alone ("I saw Tāne with his mother today"); names the word list also holds were left in clear.
describe('the person a letter writer saw', () => {
  it('is a name, first name alone or with a surname', async () => {
    expect(await persons('Thank you for your referral.\n\nI saw Tāne with his mother today. He is growing well.')).toContain('Tāne');
    expect(await persons('We reviewed Manaia Huhana and his nana at the outreach clinic.')).toContain('Manaia Huhana');
  });

  it('leaves titles, pronouns and what is no clause about a person alone', async () => {
    expect(await persons('I saw him with his mother today.')).toEqual([]);
    expect(await persons('I saw The results with the registrar.')).toEqual([]);
    expect(await persons('I saw Mr McKenzie with his partner.')).toEqual(['McKenzie']);
  });
});

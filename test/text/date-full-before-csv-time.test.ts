import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function dates(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'fr' });
  return spans.filter((s) => s.label === 'DATE').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout24, read 2026-11-30): a full date followed by a comma and a digit was read as part
// of a longer number, so a CSV row opening on "30/11/2026,08:00" kept its date in clear.
describe('a full date before a comma', () => {
  it('is a date when a time follows the comma', async () => {
    expect(await dates('date,heure,patiente,ddn\n30/11/2026,08:00,ROUSSET Hélène,11/06/1978')).toEqual(['30/11/2026', '11/06/1978']);
  });

  it('is part of a longer number otherwise', async () => {
    expect(await dates('valeurs 12.03.2024,5 et 7')).toEqual([]);
  });
});

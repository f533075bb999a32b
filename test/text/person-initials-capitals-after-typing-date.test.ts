import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string) =>
  (await detect(text, { lang: 'auto' })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// The typist's capitals alone after the typing date ("Typed 27/11/2026 FG") were left in clear: only a reference
// with a slash or small letters was read there, and a reference written before the date only by chance.
describe("the typist's capitals after the typing date", () => {
  it('reads two or three capitals, a Mc among them, after a blank or a middle dot', async () => {
    const text =
      'Yours sincerely,\n\nDr Ailsa Drummond\nConsultant Physician\nDictated 02/11/2026 · Typed 03/11/2026 · RK\n\n' +
      'cc GP\nTyped 04/11/2026 DMcL\n\nFrappé le 05/11/2026 MBV\n';
    const found = await persons(text);
    for (const initials of ['RK', 'DMcL', 'MBV']) expect(found).toContain(initials);
  });

  it("reads the author's and the typist's reference before the typing date too", async () => {
    const found = await persons('On behalf of Dr Penrose. Typed GW/hk 02.12.26.\n');
    expect(found).toContain('GW');
    expect(found).toContain('hk');
  });

  it('leaves capitals that go on in a sentence after the date', async () => {
    const text = 'Typed 03/11/2026 RK reviewed the draft and sent it back.\n';
    expect(await persons(text)).not.toContain('RK');
  });
});

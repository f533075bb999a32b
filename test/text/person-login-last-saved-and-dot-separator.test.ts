import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string) =>
  (await detect(text, { lang: 'auto' })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// The author's login was left in clear when a middle dot closed it ("exported by qa.mrowe · host …") or when a
// document's status line said who last saved it.
describe("an export's author before a middle dot, and who last saved a document", () => {
  it('reads the login before a middle dot', async () => {
    const text = 'Source: audit_2026-11-30.csv · exported by qa.mrowe · host 10.40.2.17\nrows: 41\n';
    expect(await persons(text)).toContain('qa.mrowe');
  });

  it('reads the login after "last saved … by"', async () => {
    const text = 'Reflective entry, word count 811 · last saved 28/11/2026 21:40 by hbrackenridge\n\nSupervisor sign-off pending.\n';
    expect(await persons(text)).toContain('hbrackenridge');
  });
});

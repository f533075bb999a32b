import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

const persons = async (text: string) => (await detect(text, { lang: 'en' })).spans.filter((s) => s.label === 'PERSON').map((s) => text.slice(s.start, s.end));

// Regression (miss class "a log entry's writer after date, time and role, with no dash"): "sat 21/11 0700 cnm orla"
// opens a nursing log entry on a line of its own; the writer rules needed a dash or a colon ("- rn orla", "cnm orla:").
describe("a log heading's writer after the role", () => {
  it('is a person when the line closes on a known first name or an unknown word', async () => {
    expect(await persons('sat 21/11 0700 cnm orla\nfurther ooze overnight, pack in situ.')).toEqual(['orla']);
  });

  it('is no person when the word is an ordinary one', async () => {
    expect(await persons('thu 26/11 0900 rn review\nwound clean.')).toEqual([]);
  });
});

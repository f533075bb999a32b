import { describe, expect, it } from 'vitest';
import { detect } from '../../src/anonymize/text/pipeline.js';

async function labelled(text: string): Promise<string[]> {
  const { spans } = await detect(text, { lang: 'en' });
  return spans.map((s) => `${s.label} ${text.slice(s.start, s.end)}`);
}

// Regression (false class "an identifier's digits read as an age or a phone"): "her MCP number is 117 432 809 005" gave
// an age of 117, a card number "MUT-0471-228104" a French phone number after the code's letters, and an Icelandic
// kennitala "041051-2649" a phone number too; "is 1234" could give an age of 123.
describe("an identifier's digits are no age", () => {
  it('reads no age in the first group of a number printed in groups, nor in a longer number', async () => {
    expect((await labelled('Her card number is 117 432 809 005. He is 1234.')).filter((s) => s.startsWith('AGE'))).toEqual([]);
  });

  it('still reads an age after its cue', async () => {
    expect(await labelled('He is 93 and lives alone.')).toContain('AGE 93');
  });
});

describe("a code's digits are no phone", () => {
  it('reads a card number with its letters as one identifier, not a French phone', async () => {
    expect(await labelled('numéro de carte MUT-0471-228104 reçu')).toContain('ID MUT-0471-228104');
  });

  it('reads a kennitala after its name as an identifier', async () => {
    expect(await labelled("my father's kennitala is 120174-3399.")).toContain('ID 120174-3399');
  });
});

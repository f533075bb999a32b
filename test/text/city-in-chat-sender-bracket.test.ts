import { describe, expect, it } from 'vitest';
import { chatSpeakerSpans } from '../../src/anonymize/text/recognizers/chat-speakers.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

const towns = (text: string) => chatSpeakerSpans(makeDoc(text, 'auto')).filter((s) => s.label === 'CITY').map((s) => text.slice(s.start, s.end));

// Regression (holdout52 miss class, family chats): the town a chat export writes after the sender's name, in brackets
// ("Avi Pere (Sant Julià de Lòria):"), went out in clear or was read as a person.
describe("a town in brackets after a chat sender's name", () => {
  it('is a city, also after a comma or a slash in the bracket', () => {
    const chat = ['[17/11/26 14:01] Núria Pons (Sant Julià de Lòria): Molt bé.', '[18/11/26 08:31] Mamie Odette (La Massana): Je prends le bus.', '[20/11/2026, 12:15] Elisa Vallet (vicina / voisine, Valgrisenche): Ci penso io'].join('\n');
    expect(towns(chat)).toEqual(['Sant Julià de Lòria', 'La Massana', 'Valgrisenche']);
  });

  it('leaves a role, a family word, a first name, a country, a degree and a firm in the bracket alone', () => {
    const chat = [
      '[20/11/2026, 12:16] Rose (Mamie): ok',
      '[20/11/2026, 12:17] Tomasz K (night nurse): ok',
      '[20/11/2026, 12:18] Maman (Sylvie): oui',
      '[20/11/2026, 12:19] Uncle Tom (UK): hi',
      '[20/11/2026, 12:20] Brandi (PharmD): reshipping today',
      '[20/11/2026, 12:21] Marlon (Caye Caulker Divers): leaving now',
    ].join('\n');
    expect(towns(chat)).toEqual([]);
  });
});

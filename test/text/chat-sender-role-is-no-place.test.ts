import { describe, expect, it } from 'vitest';
import { chatSpeakerSpans } from '../../src/anonymize/text/recognizers/chat-speakers.js';
import { makeDoc } from '../../src/anonymize/text/normalize.js';

// Regression (holdout45 false positives "IDEL" ×7): a family's WhatsApp group writes the home nurse as "Josiane –
// IDEL"; the role after the dash was read as the place she writes from, a HOSPITAL.
describe('a chat sender and a role after a dash', () => {
  it('reads no role alone as a place', () => {
    const text = '[14/11/2026 07:12] Josiane – IDEL: Bonjour la famille.\n[14/11/2026 07:30] Marc – RN: ok\n';
    expect(chatSpeakerSpans(makeDoc(text, 'fr')).filter((s) => s.label === 'HOSPITAL')).toEqual([]);
  });

  it('still reads a named place beside a person', () => {
    const text = '[14/11/2026 08:12] Sam Ferrier – GDH ED: on our way\n';
    const found = chatSpeakerSpans(makeDoc(text, 'en')).map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
    expect(found).toContain('HOSPITAL:GDH ED');
  });
});

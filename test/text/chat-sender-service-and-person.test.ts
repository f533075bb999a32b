import { describe, expect, it } from 'vitest';
import { makeDoc } from '../../src/anonymize/text/normalize.js';
import { chatSpeakerSpans } from '../../src/anonymize/text/recognizers/chat-speakers.js';

function found(text: string): string[] {
  return chatSpeakerSpans(makeDoc(text, 'fr')).map((s) => `${s.label}:${text.slice(s.start, s.end)}`);
}

// Regression (miss class "who writes for a service in a chat export", holdout43): "Service – Name :" is the
// service (a HOSPITAL) and the person writing for it, not one facility's name running over the person.
describe('a chat sender that is a service and a person', () => {
  it('splits the service from the name after the dash', () => {
    expect(found('[09/11/2026 18:03] Cabinet infirmier de Rivière-Pilote – Ketty : Bonsoir, je passe à 19h.')).toEqual([
      'HOSPITAL:Cabinet infirmier de Rivière-Pilote',
      'PERSON:Ketty',
    ]);
  });

  it('keeps a unit acronym after the dash out of the names', () => {
    expect(found('[21/11/2026 08:03] Clinique Saint-Gervais – PMA : rendez-vous confirmé')).not.toContain('PERSON:PMA');
  });
});
